"""The real Redis of the tests (rate limits, credential tokens, the event bus): where it
is, pointing this process at it, and deleting what a test left there.

Tests share one Redis, so each deletes only the keys of the ids it used (fresh UUIDs:
no other run shares them), never the whole database.
"""

from __future__ import annotations

import os

import pytest
import redis.asyncio as redis

from app.core import ratelimit
from app.core.settings import get_settings

REDIS_URL = os.environ.get("QUIZGRAPH_TEST_REDIS_URL", "redis://127.0.0.1:6379/0")


async def point_at_redis(monkeypatch: pytest.MonkeyPatch, url: str | None) -> None:
    """Rate limits and credential tokens of this process in the Redis at ``url`` from
    the next request on (None: in memory, as without Redis)."""
    if url is None:
        monkeypatch.delenv("QUIZGRAPH_REDIS_URL", raising=False)
    else:
        monkeypatch.setenv("QUIZGRAPH_REDIS_URL", url)
    get_settings.cache_clear()
    await ratelimit.close()


async def redis_keys_for(ids: list[str]) -> list[bytes]:
    """The Redis keys naming any of ``ids``."""
    client = redis.from_url(REDIS_URL)
    try:
        return [name for key_id in ids async for name in client.scan_iter(match=f"*{key_id}*")]
    finally:
        await client.aclose()


async def delete_redis_keys(ids: list[str]) -> None:
    names = await redis_keys_for(ids)
    if names:
        client = redis.from_url(REDIS_URL)
        try:
            await client.delete(*names)
        finally:
            await client.aclose()
