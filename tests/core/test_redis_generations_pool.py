"""A burst of credential checks larger than redis-py's default pool is served.

Thousands of sockets passing ``connection_init`` at once (the 20,000-subscriber bench)
used to fail with redis-py's "Too many connections" once its pool was exhausted.
"""

from __future__ import annotations

import asyncio

from app.core.credential_generations import REDIS_POOL_SIZE, RedisGenerations, org_scope
from tests.support.redis import REDIS_URL


async def test_a_burst_larger_than_the_default_pool_is_served() -> None:
    generations = RedisGenerations(REDIS_URL)
    try:
        # when three times redis-py's default pool (100) of checks arrive at once
        tokens = await asyncio.gather(*(generations.read(org_scope(None)) for _ in range(300)))
        # then every one is answered, all with the same token
        assert len(tokens) == 300
        assert len(set(tokens)) == 1
        assert generations.client.connection_pool.max_connections == REDIS_POOL_SIZE
    finally:
        await generations.close()
