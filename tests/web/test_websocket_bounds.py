"""Anonymous sockets from one address can't take the slots of everyone else.

A real uvicorn process with room for four sockets, at most three of them per client
address before ``connection_init``, and a long init timeout so that nothing closes
on its own during the test. The flood comes from 127.0.0.2, the subscriber from
127.0.0.1: two clients on the loopback.
"""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from tests.support.servers import Deployment, deployment
from tests.support.websocket import Subscriber

BOARD = """subscription($slug: String!) {
  leaderboardUpdated(orgSlug: $slug) { entries { rank } }
}"""
CREATE_KEY = """mutation($input: CreateApiKeyInput!) {
  createApiKey(input: $input) { apiKey { id } secret } }"""
TURNED_AWAY = (1013, "Too many unauthenticated connections from this address; try again later")


@pytest.fixture(scope="module")
async def server(database_url: str) -> AsyncIterator[Deployment]:
    env = {
        "QUIZGRAPH_MAX_WEBSOCKETS": "4",
        "QUIZGRAPH_MAX_UNAUTHENTICATED_WEBSOCKETS_PER_IP": "3",
        "QUIZGRAPH_WEBSOCKET_INIT_TIMEOUT_SECONDS": "120",
    }
    async with deployment(database_url, extra_env=env) as running:
        yield running


async def test_anonymous_sockets_from_one_address_leave_room_for_subscribers(
    server: Deployment,
) -> None:
    owner = await server.signed_in("owner")
    key = {"name": "board", "scopes": ["leaderboard:read"]}
    secret = (await owner.gql(CREATE_KEY, {"input": key})).ok()["createApiKey"]["secret"]
    # when one address opens five sockets and never sends connection_init
    flood = [
        await Subscriber.connect(server.ws_url(), init=False, source_ip="127.0.0.2")
        for _ in range(5)
    ]
    # then the fourth and fifth are turned away at once
    assert [await socket.closed() for socket in flood[3:]] == [TURNED_AWAY, TURNED_AWAY]
    # and a subscriber with a key still gets the process's last slot
    subscriber = await Subscriber.connect(
        server.ws_url(), payload={"authorization": f"Bearer {secret}"}
    )
    await subscriber.acknowledged()
    await subscriber.subscribe(BOARD, {"slug": server.slug})
    assert "leaderboardUpdated" in await subscriber.next_data()
    for socket in [subscriber, *flood[:3]]:
        await socket.close()
