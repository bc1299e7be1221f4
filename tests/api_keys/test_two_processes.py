"""Two real server processes sharing PostgreSQL and Redis: one limit, one revocation.

The servers are started as partners would meet them (``uvicorn app.web.asgi:app``)
on a fresh PostgreSQL database migrated with ``quizgraph migrate``. Counters live
in Redis under the keys' fresh UUIDs, and only those are deleted afterwards.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest
from strawberry import relay

from tests.api_keys.support import CREATE_KEY, REVOKE, VIEWER, bearer
from tests.support.databases import postgres_database
from tests.support.redis import REDIS_URL, delete_redis_keys
from tests.support.servers import Deployment, deployment


@pytest.fixture(scope="module")
async def servers() -> AsyncIterator[Deployment]:
    async with (
        postgres_database() as database_url,
        deployment(database_url, processes=2, redis_url=REDIS_URL) as running,
    ):
        yield running


@pytest.fixture
async def owner(servers: Deployment) -> httpx.AsyncClient:
    return (await servers.signed_in("owner")).http


@pytest.fixture
async def key_ids() -> AsyncIterator[list[str]]:
    used: list[str] = []
    yield used
    await delete_redis_keys(used)


async def _create_key(owner: httpx.AsyncClient, limit: int, key_ids: list[str]) -> tuple[str, str]:
    variables = {"input": {"name": "partner", "scopes": ["org:read"], "rateLimitPerMinute": limit}}
    response = await owner.post("/graphql", json={"query": CREATE_KEY, "variables": variables})
    payload = response.json()["data"]["createApiKey"]
    key_ids.append(relay.GlobalID.from_id(payload["apiKey"]["id"]).node_id)
    return payload["apiKey"]["id"], payload["secret"]


async def _ask(url: str, secret: str) -> httpx.Response:
    async with httpx.AsyncClient() as client:
        return await client.post(f"{url}/graphql", json={"query": VIEWER}, headers=bearer(secret))


async def test_a_keys_limit_holds_across_both_processes(
    servers: Deployment, owner: httpx.AsyncClient, key_ids: list[str]
) -> None:
    _id, secret = await _create_key(owner, 6, key_ids)
    # six requests, alternating between the processes, all pass
    for n in range(6):
        response = await _ask(servers.urls[n % 2], secret)
        assert response.status_code == 200, response.text
        assert response.headers["ratelimit"].startswith(f'"api-key";r={5 - n};')
    # the seventh is refused by either process
    for url in servers.urls:
        refused = await _ask(url, secret)
        assert refused.status_code == 429
        assert refused.json()["code"] == "RATE_LIMITED"
        assert int(refused.headers["retry-after"]) >= 1


async def test_revoking_in_one_process_refuses_the_key_in_the_other(
    servers: Deployment, owner: httpx.AsyncClient, key_ids: list[str]
) -> None:
    key_id, secret = await _create_key(owner, 100, key_ids)
    assert (await _ask(servers.urls[1], secret)).status_code == 200
    # when the owner revokes it through the first process
    revoked = await owner.post(
        "/graphql", json={"query": REVOKE, "variables": {"input": {"id": key_id}}}
    )
    assert revoked.json()["data"]["revokeApiKey"]["apiKey"]["revokedAt"]
    # then the second process refuses it on its very next request
    refused = await _ask(servers.urls[1], secret)
    assert refused.status_code == 401
    assert refused.json()["code"] == "INVALID_API_KEY"
    assert refused.headers["www-authenticate"] == 'Bearer error="invalid_token"'


async def _connection_init(url: str, payload: dict[str, str]) -> dict[str, Any] | int:
    """The server's answer to ``connection_init``: the ack message, or the close code."""
    import websockets
    from websockets.typing import Subprotocol

    ws_url = url.replace("http://", "ws://") + "/graphql"
    async with websockets.connect(
        ws_url, subprotocols=[Subprotocol("graphql-transport-ws")]
    ) as socket_:
        await socket_.send(json.dumps({"type": "connection_init", "payload": payload}))
        try:
            answer: dict[str, Any] = json.loads(await asyncio.wait_for(socket_.recv(), timeout=5))
            return answer
        except websockets.ConnectionClosed as closed:
            assert closed.rcvd is not None
            return closed.rcvd.code


async def test_the_websocket_door_takes_the_key_from_connection_init(
    servers: Deployment, owner: httpx.AsyncClient, key_ids: list[str]
) -> None:
    key_id, secret = await _create_key(owner, 100, key_ids)
    # a valid key is acknowledged
    answer = await _connection_init(servers.urls[1], {"authorization": f"Bearer {secret}"})
    assert answer == {"type": "connection_ack"}
    # a malformed or revoked one closes the connection as Forbidden
    assert await _connection_init(servers.urls[1], {"authorization": "Bearer nope"}) == 4403
    await owner.post("/graphql", json={"query": REVOKE, "variables": {"input": {"id": key_id}}})
    assert await _connection_init(servers.urls[1], {"authorization": f"Bearer {secret}"}) == 4403
