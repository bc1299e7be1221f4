"""Password (and portal code) hashing with argon2-cffi, off the event loop and bounded.

argon2 costs ~100 ms of CPU and 64 MiB per hash, so it runs in a small pool of its
own threads: at most ``password_hash_concurrency`` hashes at once per process (so a
login flood can't take every core and hundreds of MiB), and those threads run at a
lower CPU priority than the event loop, so the rest of the API keeps its latency
while logins queue. A login first takes a turn (``hashing_turn``): when
``password_hash_queue`` logins already wait, it is refused at once (RATE_LIMITED,
retry in a second) rather than joining an unbounded queue.

A dummy hash is verified when the org or user doesn't exist, so a failed login
takes the same time whatever was wrong.
"""

from __future__ import annotations

import asyncio
import logging
import os
import threading
from collections.abc import AsyncIterator, Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from functools import lru_cache, partial
from typing import TypeVar

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from app.core.errors import RateLimited
from app.core.settings import get_settings

logger = logging.getLogger("quizgraph.passwords")

T = TypeVar("T")

# How much lower than the event loop the hashing threads run (Linux nice, 0..19). The
# scheduler weighs a nice-19 thread 15 against the loop's 1024, and argon2 runs four
# lanes (threads, which inherit the niceness) per hash: two hashes at once still take
# under 11 % of a core the loop wants, and all the CPU the loop leaves idle.
HASHING_NICENESS = 19
BUSY_MESSAGE = "The server is busy checking other sign-ins. Try again in a second."


def _make_hasher() -> PasswordHasher:
    # The test suite hashes thousands of passwords; cheap parameters keep it fast,
    # and the rehash-on-login path is exercised when they differ from production's.
    if get_settings().environment == "test":
        return PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
    return PasswordHasher()


_hasher = _make_hasher()

# Passwords the server generates (temporary ones, an import's) carry ~80 random bits: no
# offline guessing gets near them whatever the hash costs, so they need no memory-hard
# cost (argon2's least, well under a millisecond), and they are replaced at the first
# sign-in (which rehashes them with ``_hasher``'s parameters too).
_generated_hasher = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
# Hashes per turn of the pool in ``hash_many``: a turn holds one of the few hashing
# threads, so a bulk job keeps each short and sign-ins get the next free one.
BATCH_CHOSEN, BATCH_GENERATED = 4, 250


@lru_cache
def _dummy_hash() -> str:
    return _hasher.hash("quizgraph-timing-equaliser")


def _lower_thread_priority() -> None:
    # On Linux, setpriority on a thread id renices that thread only; lowering one's
    # own priority needs no privilege. Elsewhere hashing runs at normal priority.
    try:
        os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), HASHING_NICENESS)
    except (AttributeError, OSError):
        logger.info("could not lower the priority of the password hashing thread")


@dataclass
class HashingGate:
    """The per-process bound: a semaphore for running hashes and a cap on waiting logins."""

    loop: asyncio.AbstractEventLoop
    concurrency: int
    slots: asyncio.Semaphore
    executor: ThreadPoolExecutor
    # Logins holding a turn: hashing now or waiting to.
    holders: int = field(default=0)

    @property
    def capacity(self) -> int:
        return self.concurrency + get_settings().password_hash_queue


_gate: HashingGate | None = None


def hashing_gate() -> HashingGate:
    """This event loop's gate (made on first use; a new loop, as in tests, gets its own)."""
    global _gate
    loop = asyncio.get_running_loop()
    if _gate is None or _gate.loop is not loop:
        if _gate is not None:
            _gate.executor.shutdown(wait=False)
        concurrency = max(1, get_settings().password_hash_concurrency)
        _gate = HashingGate(
            loop=loop,
            concurrency=concurrency,
            slots=asyncio.Semaphore(concurrency),
            executor=ThreadPoolExecutor(
                max_workers=concurrency,
                thread_name_prefix="argon2",
                initializer=_lower_thread_priority,
            ),
        )
    return _gate


@asynccontextmanager
async def hashing_turn() -> AsyncIterator[None]:
    """A place among the logins hashing or waiting to hash; refused when the queue is full.

    Taken before anything else is spent (throttle budgets, queries), so a refusal
    costs the caller nothing but a retry.
    """
    gate = hashing_gate()
    if gate.holders >= gate.capacity:
        raise RateLimited(1, BUSY_MESSAGE)
    gate.holders += 1
    try:
        yield
    finally:
        gate.holders -= 1


async def _hash_in_pool(work: Callable[[], T]) -> T:
    gate = hashing_gate()
    async with gate.slots:
        return await gate.loop.run_in_executor(gate.executor, work)


def hash_secret_sync(plain: str) -> str:
    return _hasher.hash(plain)


async def hash_secret(plain: str) -> str:
    return await _hash_in_pool(lambda: _hasher.hash(plain))


async def hash_many(plains: Sequence[str], *, generated: bool = False) -> list[str]:
    """Hash many passwords (a bulk import) off the event loop, a small batch per turn of
    the pool and one batch at a time, so the loop and sign-ins keep their latency.
    ``generated``: all of them were made by the server (``_generated_hasher``)."""
    hasher, batch = (_generated_hasher, BATCH_GENERATED) if generated else (_hasher, BATCH_CHOSEN)
    hashed: list[str] = []
    for start in range(0, len(plains), batch):
        hashed += await _hash_in_pool(partial(_hash_all, hasher, plains[start : start + batch]))
    return hashed


def _hash_all(hasher: PasswordHasher, plains: Sequence[str]) -> list[str]:
    return [hasher.hash(plain) for plain in plains]


def _verify(stored_hash: str | None, plain: str) -> bool:
    try:
        return _hasher.verify(stored_hash or _dummy_hash(), plain) and stored_hash is not None
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


async def verify_secrets(pairs: list[tuple[str | None, str]]) -> list[bool]:
    """Verify each (stored hash, plain) pair, one after another in one hashing slot.

    A missing hash costs the same as a real one and answers False.
    """
    return await _hash_in_pool(lambda: [_verify(stored, plain) for stored, plain in pairs])


async def verify_secret(stored_hash: str | None, plain: str) -> bool:
    """True when ``plain`` matches; a missing hash costs the same and answers False."""
    return (await verify_secrets([(stored_hash, plain)]))[0]


def needs_rehash(stored_hash: str) -> bool:
    return _hasher.check_needs_rehash(stored_hash)
