"""Rate-limit storage and strategy from the ``limits`` library.

In one process the counters live in memory; with ``QUIZGRAPH_REDIS_URL`` they live
in Redis so that every server process shares them. The moving window is exact:
N hits pass inside any window and hit N+1 is refused.
"""

from __future__ import annotations

import math
import time
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from limits import RateLimitItem, RateLimitItemPerSecond
from limits.aio.storage import MemoryStorage
from limits.aio.strategies import MovingWindowRateLimiter
from limits.storage import storage_from_string

from app.core.settings import get_settings

__all__ = ["LimitState", "RateLimitItem", "close", "forget", "hit", "peek", "per_window", "spend"]


@dataclass(frozen=True, slots=True)
class LimitState:
    allowed: bool
    limit: int
    remaining: int
    reset_after_seconds: int


# Redis connection pools handed to the limiter, so ``close`` can shut them.
_pools: list[Any] = []


@lru_cache
def limiter() -> MovingWindowRateLimiter:
    redis_url = get_settings().redis_url
    if not redis_url:
        return MovingWindowRateLimiter(storage_from_string("async+memory://"))
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


def per_window(amount: int, window_seconds: int) -> RateLimitItem:
    return RateLimitItemPerSecond(amount, window_seconds)


async def hit(item: RateLimitItem, *identifiers: str) -> LimitState:
    strategy = limiter()
    allowed = await strategy.hit(item, *identifiers)
    stats = await strategy.get_window_stats(item, *identifiers)
    reset_after = max(0, math.ceil(stats.reset_time - time.time()))
    return LimitState(allowed, item.amount, stats.remaining, reset_after)


async def spend(item: RateLimitItem, cost: int, *identifiers: str) -> LimitState:
    """Like ``hit``, but charging ``cost`` units at once: all of them fit, or none is taken."""
    strategy = limiter()
    allowed = await strategy.hit(item, *identifiers, cost=cost) if cost > 0 else True
    stats = await strategy.get_window_stats(item, *identifiers)
    reset_after = max(0, math.ceil(stats.reset_time - time.time()))
    return LimitState(allowed, item.amount, stats.remaining, reset_after)


async def peek(item: RateLimitItem, *identifiers: str) -> LimitState:
    strategy = limiter()
    allowed = await strategy.test(item, *identifiers)
    stats = await strategy.get_window_stats(item, *identifiers)
    reset_after = max(0, math.ceil(stats.reset_time - time.time()))
    return LimitState(allowed, item.amount, stats.remaining, reset_after)


async def forget(item: RateLimitItem, *identifiers: str) -> None:
    """Drop every hit recorded for these identifiers (e.g. failures after a success)."""
    strategy = limiter()
    if isinstance(strategy.storage, MemoryStorage):
        # limits 5.8's in-memory expiry pass lists the keys, then reads ``events[key]``
        # without a guard, so ``clear`` popping a key under it kills that pass with a
        # KeyError. An empty window means the same and the pass then drops the key.
        async with strategy.storage.locks[item.key_for(*identifiers)]:
            strategy.storage.events[item.key_for(*identifiers)] = []
        return
    await strategy.clear(item, *identifiers)
