"""Rate limits: moving windows, in memory in one process, in Redis for several.

With ``QUIZGRAPH_REDIS_URL`` the counters live in Redis (the ``limits`` library's
moving window; ``credential_generations`` spends API keys' limits on the same lists
in its own script), so every server process shares them. Without Redis they live in
this process (``MemoryWindows``: the same moving window, kept here because the
``limits`` library's memory storage sweeps expired entries in a background task
that hops to a thread for every key, on every request). Either way the window is
exact: N hits pass inside any window and hit N+1 is refused.
"""

from __future__ import annotations

import math
import time
from collections import deque
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from limits import RateLimitItem, RateLimitItemPerSecond
from limits.aio.strategies import MovingWindowRateLimiter
from limits.storage import storage_from_string

from app.core.settings import get_settings

__all__ = [
    "LimitState",
    "MemoryWindows",
    "RateLimitItem",
    "close",
    "forget",
    "hit",
    "on_close",
    "peek",
    "per_window",
    "spend",
]


@dataclass(frozen=True, slots=True)
class LimitState:
    allowed: bool
    limit: int
    remaining: int
    reset_after_seconds: int


class MemoryWindows:
    """Moving windows in this process: per key, the charges inside the window (time,
    units), oldest first, and their sum. A charge of ``cost`` passes when the units in
    the window plus ``cost`` fit in the limit; the window resets when its oldest
    charge leaves it. Keys untouched for a window are swept every ``SWEEP_SECONDS``."""

    SWEEP_SECONDS = 60.0

    def __init__(self) -> None:
        self._windows: dict[str, tuple[deque[tuple[float, int]], list[int]]] = {}
        self._next_sweep = time.time() + self.SWEEP_SECONDS

    def _window(
        self, key: str, expiry: int, now: float
    ) -> tuple[deque[tuple[float, int]], list[int]]:
        if now >= self._next_sweep:
            self._sweep(now)
        window = self._windows.get(key)
        if window is None:
            window = self._windows[key] = (deque(), [0])
        charges, total = window
        while charges and charges[0][0] <= now - expiry:
            total[0] -= charges.popleft()[1]
        return window

    def _sweep(self, now: float) -> None:
        self._next_sweep = now + self.SWEEP_SECONDS
        # Every limit's window is shorter than a day; a key whose newest charge is that
        # old holds nothing inside any window.
        stale = [
            key
            for key, (charges, _t) in self._windows.items()
            if not charges or charges[-1][0] <= now - 86_400
        ]
        for key in stale:
            del self._windows[key]

    def charge(self, item: RateLimitItem, cost: int, *identifiers: str) -> LimitState:
        """Take ``cost`` units if they all fit (0 only reads)."""
        now = time.time()
        expiry = item.get_expiry()
        charges, total = self._window(item.key_for(*identifiers), expiry, now)
        allowed = total[0] + cost <= item.amount
        if allowed and cost > 0:
            charges.append((now, cost))
            total[0] += cost
        return self._state(allowed, item, charges, total[0], now)

    def test(self, item: RateLimitItem, cost: int, *identifiers: str) -> LimitState:
        now = time.time()
        charges, total = self._window(item.key_for(*identifiers), item.get_expiry(), now)
        return self._state(total[0] + cost <= item.amount, item, charges, total[0], now)

    def clear(self, item: RateLimitItem, *identifiers: str) -> None:
        self._windows.pop(item.key_for(*identifiers), None)

    @staticmethod
    def _state(
        allowed: bool, item: RateLimitItem, charges: deque[tuple[float, int]], used: int, now: float
    ) -> LimitState:
        oldest = charges[0][0] if charges else now
        reset_after = max(0, math.ceil(oldest + item.get_expiry() - now))
        return LimitState(allowed, item.amount, item.amount - used, reset_after)


# Redis connection pools handed to the limiter, so ``close`` can shut them.
_pools: list[Any] = []
# Other Redis users that close with the limiter (``credential_generations``).
_closers: list[Callable[[], Awaitable[None]]] = []


def on_close(closer: Callable[[], Awaitable[None]]) -> None:
    """Have ``close`` also call ``closer`` (another module's Redis client)."""
    _closers.append(closer)


@lru_cache
def limiter() -> MovingWindowRateLimiter | MemoryWindows:
    redis_url = get_settings().redis_url
    if not redis_url:
        return MemoryWindows()
    import coredis  # the client ``limits[async-redis]`` uses

    pool = coredis.ConnectionPool.from_url(redis_url)
    _pools.append(pool)
    # limits documents ``connection_pool`` as an option; its hints only allow scalars.
    storage = storage_from_string(f"async+{redis_url}", connection_pool=pool)  # type: ignore[arg-type]
    return MovingWindowRateLimiter(storage)


async def close() -> None:
    """Forget the limiter (settings changed, or shutdown) and close its Redis connections."""
    limiter.cache_clear()
    while _pools:
        _pools.pop().disconnect()
    for closer in _closers:
        await closer()


def per_window(amount: int, window_seconds: int) -> RateLimitItem:
    return RateLimitItemPerSecond(amount, window_seconds)


async def hit(item: RateLimitItem, *identifiers: str) -> LimitState:
    return await spend(item, 1, *identifiers)


async def spend(item: RateLimitItem, cost: int, *identifiers: str) -> LimitState:
    """Charge ``cost`` units at once: all of them fit, or none is taken."""
    strategy = limiter()
    if isinstance(strategy, MemoryWindows):
        return strategy.charge(item, cost, *identifiers)
    allowed = await strategy.hit(item, *identifiers, cost=cost) if cost > 0 else True
    return await _redis_state(strategy, allowed, item, *identifiers)


async def peek(item: RateLimitItem, *identifiers: str) -> LimitState:
    strategy = limiter()
    if isinstance(strategy, MemoryWindows):
        return strategy.test(item, 1, *identifiers)
    allowed = await strategy.test(item, *identifiers)
    return await _redis_state(strategy, allowed, item, *identifiers)


async def _redis_state(
    strategy: MovingWindowRateLimiter, allowed: bool, item: RateLimitItem, *identifiers: str
) -> LimitState:
    stats = await strategy.get_window_stats(item, *identifiers)
    reset_after = max(0, math.ceil(stats.reset_time - time.time()))
    return LimitState(allowed, item.amount, stats.remaining, reset_after)


async def forget(item: RateLimitItem, *identifiers: str) -> None:
    """Drop every hit recorded for these identifiers (e.g. failures after a success)."""
    strategy = limiter()
    if isinstance(strategy, MemoryWindows):
        strategy.clear(item, *identifiers)
        return
    await strategy.clear(item, *identifiers)
