"""Fixtures the API key tests share."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from tests.support.redis import REDIS_URL, delete_redis_keys, point_at_redis


@pytest.fixture
async def redis_limits(monkeypatch: pytest.MonkeyPatch) -> AsyncIterator[list[str]]:
    """Rate limits and credential tokens in the real Redis for this test; yields a list
    to put the ids used in (keys, orgs), whose Redis keys are deleted afterwards."""
    await point_at_redis(monkeypatch, REDIS_URL)
    used: list[str] = []
    try:
        yield used
    finally:
        await point_at_redis(monkeypatch, None)
        await delete_redis_keys(used)
