"""A minimal graphql-transport-ws (and legacy graphql-ws) subscriber over ``websockets``.

The tests need what a full client hides: close codes, and every message in order.
"""

from __future__ import annotations

import asyncio
import json
from typing import Any

import websockets
from websockets.asyncio.client import ClientConnection
from websockets.typing import Subprotocol

TRANSPORT_WS = "graphql-transport-ws"
LEGACY_WS = "graphql-ws"


class Subscriber:
    def __init__(self, connection: ClientConnection, protocol: str) -> None:
        self.connection = connection
        self.protocol = protocol

    @classmethod
    async def connect(
        cls,
        url: str,
        *,
        payload: dict[str, Any] | None = None,
        cookie: str | None = None,
        protocol: str = TRANSPORT_WS,
        init: bool = True,
        source_ip: str | None = None,
    ) -> Subscriber:
        """``source_ip``: connect from another loopback address (127.0.0.2, …), so the
        server sees a different client."""
        headers = {"Cookie": f"qg_session={cookie}"} if cookie else None
        # extra keywords go to the event loop's create_connection
        socket_options: dict[str, Any] = {"local_addr": (source_ip, 0)} if source_ip else {}
        connection = await websockets.connect(
            url,
            subprotocols=[Subprotocol(protocol)],
            additional_headers=headers,
            **socket_options,
        )
        subscriber = cls(connection, protocol)
        if init:
            await subscriber.send({"type": "connection_init", "payload": payload or {}})
        return subscriber

    async def send(self, message: dict[str, Any]) -> None:
        await self.connection.send(json.dumps(message))

    async def receive(self, timeout: float = 10) -> dict[str, Any]:
        frame = await asyncio.wait_for(self.connection.recv(), timeout)
        assert isinstance(frame, str), "graphql-transport-ws messages must be text frames"
        message: dict[str, Any] = json.loads(frame)
        return message

    async def acknowledged(self) -> None:
        message = await self.receive()
        assert message["type"] == "connection_ack", message

    async def subscribe(self, query: str, variables: dict[str, Any], op_id: str = "1") -> None:
        kind = "subscribe" if self.protocol == TRANSPORT_WS else "start"
        await self.send(
            {"id": op_id, "type": kind, "payload": {"query": query, "variables": variables}}
        )

    async def next_data(self, timeout: float = 10) -> dict[str, Any]:
        while True:
            message = await self.receive(timeout)
            if message["type"] in {"next", "data"}:
                assert not message["payload"].get("errors"), message
                data: dict[str, Any] = message["payload"]["data"]
                return data
            if message["type"] in {"error", "complete"}:
                raise AssertionError(f"subscription ended: {message}")

    async def close_code(self, timeout: float = 10) -> int | None:
        """Wait until the server closes the socket; its close code."""
        return (await self.closed(timeout))[0]

    async def closed(self, timeout: float = 10) -> tuple[int | None, str | None]:
        """Wait until the server closes the socket; its close code and reason."""
        try:
            while True:
                await asyncio.wait_for(self.connection.recv(), timeout)
        except websockets.ConnectionClosed as closed:
            if closed.rcvd is None:
                return None, None
            return closed.rcvd.code, closed.rcvd.reason

    async def outcomes(
        self, op_ids: list[str], timeout: float = 30
    ) -> dict[str, list[dict[str, Any]]]:
        """Every message of these operations, until each has ended (error or complete)."""
        messages: dict[str, list[dict[str, Any]]] = {op_id: [] for op_id in op_ids}
        open_ids = set(op_ids)
        while open_ids:
            message = await self.receive(timeout)
            if message.get("id") in messages:
                messages[message["id"]].append(message)
                if message["type"] in {"error", "complete"}:
                    open_ids.discard(message["id"])
        return messages

    async def close(self) -> None:
        await self.connection.close()
