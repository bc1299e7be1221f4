"""Password (and portal code) hashing with argon2-cffi, off the event loop.

argon2 costs 80-150 ms of CPU per verify, so it runs in a worker thread. A dummy
hash is verified when the org or user doesn't exist, so a failed login takes the
same time whatever was wrong.
"""

from __future__ import annotations

import asyncio
from functools import lru_cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from app.core.settings import get_settings


def _make_hasher() -> PasswordHasher:
    # The test suite hashes thousands of passwords; cheap parameters keep it fast,
    # and the rehash-on-login path is exercised when they differ from production's.
    if get_settings().environment == "test":
        return PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
    return PasswordHasher()


_hasher = _make_hasher()


@lru_cache
def _dummy_hash() -> str:
    return _hasher.hash("quizgraph-timing-equaliser")


def hash_secret_sync(plain: str) -> str:
    return _hasher.hash(plain)


async def hash_secret(plain: str) -> str:
    return await asyncio.to_thread(_hasher.hash, plain)


def _verify(stored_hash: str | None, plain: str) -> bool:
    try:
        return _hasher.verify(stored_hash or _dummy_hash(), plain) and stored_hash is not None
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


async def verify_secret(stored_hash: str | None, plain: str) -> bool:
    """True when ``plain`` matches; a missing hash costs the same and answers False."""
    return await asyncio.to_thread(_verify, stored_hash, plain)


def needs_rehash(stored_hash: str) -> bool:
    return _hasher.check_needs_rehash(stored_hash)
