"""A server shutting down with a client that stopped reading still stops.

The client below completes the websocket handshake, then never reads: the server's
frames fill the socket buffers and the transport pauses. uvicorn's own shutdown
would write a close frame behind them and wait for the buffer to drain, forever;
the server's protocol aborts such a connection after ``SHUTDOWN_DRAIN_SECONDS``.
"""

from __future__ import annotations

import asyncio
import base64
import os
import socket
from collections.abc import Callable

import uvicorn
from starlette.types import Receive, Scope, Send

from app.web.ws_protocol import SHUTDOWN_DRAIN_SECONDS, WS_PROTOCOL, LiveWebSocketProtocol
from tests.support.servers import free_port

FRAME = b"x" * 16_384


async def flooding_app(scope: Scope, receive: Receive, send: Send) -> None:
    """Accepts a websocket and sends frames until the client stops taking them."""
    assert scope["type"] == "websocket"
    await receive()  # websocket.connect
    await send({"type": "websocket.accept"})
    while True:
        await send({"type": "websocket.send", "bytes": FRAME})


async def until(condition: Callable[[], bool]) -> None:
    async with asyncio.timeout(10):
        while not condition():  # noqa: ASYNC110 (uvicorn's state offers no event to wait on)
            await asyncio.sleep(0.01)


async def test_shutdown_ends_with_a_client_that_stopped_reading() -> None:
    port = free_port()
    config = uvicorn.Config(
        flooding_app,
        host="127.0.0.1",
        port=port,
        ws=WS_PROTOCOL,
        lifespan="off",
        log_level="warning",
    )
    server = uvicorn.Server(config)  # no timeout_graceful_shutdown: it waits for connections
    serving = asyncio.create_task(server.serve())
    await until(lambda: server.started)

    client = socket.socket()
    client.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
    client.setblocking(False)
    loop = asyncio.get_running_loop()
    await loop.sock_connect(client, ("127.0.0.1", port))
    key = base64.b64encode(os.urandom(16)).decode()
    handshake = (
        f"GET / HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nUpgrade: websocket\r\n"
        f"Connection: Upgrade\r\nSec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n\r\n"
    )
    await loop.sock_sendall(client, handshake.encode())
    response = await loop.sock_recv(client, 1024)
    assert response.startswith(b"HTTP/1.1 101")
    # The client reads nothing more: wait until the server's transport is paused.
    [connection] = list(server.server_state.connections)
    assert isinstance(connection, LiveWebSocketProtocol)
    await until(lambda: not connection.writable.is_set())

    server.should_exit = True
    try:
        await asyncio.wait_for(serving, timeout=SHUTDOWN_DRAIN_SECONDS + 10)
    finally:
        client.close()
    assert not server.server_state.connections
