"""A websocket to /graphql skips the middleware stack (``app.web.websocket_entry``) and
still gets what the stack gave it: its request id on every line it causes, the client
address a trusted proxy names, and the view's refusal of a cross-origin handshake.

Each test serves a fresh app (the settings are read at start-up) with uvicorn in this
process, as ``quizgraph serve`` runs it, and talks to it over real sockets.
"""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import AsyncIterator, Callable, Iterator
from contextlib import asynccontextmanager
from typing import Any

import pytest
import uvicorn
import websockets
from starlette.applications import Starlette
from websockets.asyncio.client import ClientConnection
from websockets.typing import Subprotocol

from app.core.logging import RequestIdFilter
from app.core.settings import get_settings
from app.web.credentials import resolve_actor
from app.web.ws_protocol import WS_PROTOCOL
from tests.leaderboards.test_live import key_for
from tests.support.factories import OrgFixture
from tests.support.servers import free_port

BOARD = "subscription($slug: String!) { leaderboardUpdated(orgSlug: $slug) { entries { rank } } }"
TURNED_AWAY = (1013, "Too many unauthenticated connections from this address; try again later")


@asynccontextmanager
async def serving(app: Starlette) -> AsyncIterator[str]:
    port = free_port()
    config = uvicorn.Config(
        app,
        host="127.0.0.1",
        port=port,
        log_level="warning",
        lifespan="off",
        ws=WS_PROTOCOL,
        ws_per_message_deflate=False,
        proxy_headers=False,  # as quizgraph serve: the app's setting alone decides
    )
    server = uvicorn.Server(config)
    task = asyncio.create_task(server.serve())
    while not server.started:
        assert not task.done(), "the server did not start"
        await asyncio.sleep(0.01)
    try:
        yield f"ws://127.0.0.1:{port}/graphql"
    finally:
        server.should_exit = True
        await task


def fresh_app() -> Starlette:
    from app.web.app import create_app

    return create_app()


async def connect(
    url: str, headers: dict[str, str] | None = None, protocol: str = "graphql-transport-ws"
) -> ClientConnection:
    return await websockets.connect(
        url, subprotocols=[Subprotocol(protocol)], additional_headers=headers
    )


async def message(socket: ClientConnection) -> dict[str, Any]:
    received: dict[str, Any] = json.loads(await asyncio.wait_for(socket.recv(), 10))
    return received


async def closed(socket: ClientConnection) -> tuple[int | None, str | None]:
    try:
        while True:
            await asyncio.wait_for(socket.recv(), 10)
    except websockets.ConnectionClosed as ended:
        return (ended.rcvd.code, ended.rcvd.reason) if ended.rcvd else (None, None)


class Recording(logging.Handler):
    def __init__(self, records: list[logging.LogRecord]) -> None:
        super().__init__()
        self.records = records

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


@pytest.fixture
def request_ids() -> Iterator[Callable[[str], list[str | None]]]:
    """The request id of each captured line with this message."""
    records: list[logging.LogRecord] = []
    handler = Recording(records)
    handler.addFilter(RequestIdFilter())
    root = logging.getLogger()
    root.addHandler(handler)
    try:
        yield lambda text: [
            getattr(record, "request_id", None) for record in records if record.getMessage() == text
        ]
    finally:
        root.removeHandler(handler)


async def test_every_line_a_connection_causes_carries_its_request_id(
    app: Starlette,
    org: OrgFixture,
    request_ids: Callable[[str], list[str | None]],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    owner = await org.signed_in(app, "owner")
    _key_id, secret = await key_for(owner, ["leaderboard:read"])

    async def resolve_and_say_so(*args: Any, **kwargs: Any) -> Any:
        logging.getLogger("quizgraph.test").warning("resolving a socket's credential")
        return await resolve_actor(*args, **kwargs)

    monkeypatch.setattr("app.web.websocket.resolve_actor", resolve_and_say_so)
    async with serving(fresh_app()) as url:
        # when a client sends its own request id with the upgrade, then subscribes
        socket = await connect(url, {"X-Request-ID": "ws-trace-0123456789"})
        payload = {"authorization": f"Bearer {secret}"}
        await socket.send(json.dumps({"type": "connection_init", "payload": payload}))
        assert (await message(socket))["type"] == "connection_ack"
        subscribe = {"query": BOARD, "variables": {"slug": org.slug}}
        await socket.send(json.dumps({"id": "1", "type": "subscribe", "payload": subscribe}))
        first = await message(socket)
        assert first["type"] == "next", first
        await socket.close()
    # then the door's line at connection_init and the subscribe's (in the operation's
    # own task) both carry it
    assert request_ids("resolving a socket's credential") == ["ws-trace-0123456789"] * 2


async def test_sockets_are_counted_per_address_a_trusted_proxy_names(
    app: Starlette, monkeypatch: pytest.MonkeyPatch
) -> None:
    # given a proxy at 127.0.0.1, and room for one socket per address before its init
    monkeypatch.setattr(get_settings(), "trusted_proxies", ["127.0.0.1"])
    monkeypatch.setattr(get_settings(), "max_unauthenticated_websockets_per_ip", 1)
    async with serving(fresh_app()) as url:
        # when two clients reach it through the proxy, and the first opens a second socket
        first = await connect(url, {"X-Forwarded-For": "203.0.113.7"})
        other = await connect(url, {"X-Forwarded-For": "203.0.113.8"})
        again = await connect(url, {"X-Forwarded-For": "203.0.113.7"})
        # then only the first client's second socket is turned away (all three come
        # from the proxy's address, which would have refused the second and third)
        assert await closed(again) == TURNED_AWAY
        for socket in (first, other):
            await socket.send(json.dumps({"type": "ping"}))
            assert await message(socket) == {"type": "pong"}
            await socket.close()


async def test_a_cross_origin_handshake_is_refused(app: Starlette) -> None:
    async with serving(fresh_app()) as url:
        # a page on another site may not open a socket with the visitor's cookie
        with pytest.raises(websockets.InvalidStatus) as refused:
            await connect(url, {"Origin": "https://elsewhere.example"})
        assert refused.value.response.status_code == 403
        # while the server's own pages (and clients that send no Origin) may
        origin = url.replace("ws://", "http://").removesuffix("/graphql")
        for headers in ({"Origin": origin}, None):
            socket = await connect(url, headers)
            await socket.send(json.dumps({"type": "ping"}))
            assert await message(socket) == {"type": "pong"}
            await socket.close()


async def test_a_websocket_to_another_path_is_still_refused(app: Starlette) -> None:
    async with serving(fresh_app()) as url:
        with pytest.raises(websockets.InvalidStatus) as refused:
            await connect(url.replace("/graphql", "/platform/graphql"))
        assert refused.value.response.status_code == 403


async def test_what_is_not_a_json_text_message_closes_the_socket(app: Starlette) -> None:
    async with serving(fresh_app()) as url:
        # graphql-transport-ws: 4400, saying why
        socket = await connect(url)
        await socket.send(b'{"type": "ping"}')
        assert await closed(socket) == (4400, "WebSocket message type must be text")
        socket = await connect(url)
        await socket.send("{not json")
        assert await closed(socket) == (4400, "WebSocket message must be valid JSON")
        # graphql-ws: text that is not JSON is ignored, a binary message closes (1002)
        socket = await connect(url, protocol="graphql-ws")
        await socket.send("{not json")
        await socket.send(b"{}")
        assert await closed(socket) == (1002, "WebSocket message type must be text")
