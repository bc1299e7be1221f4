"""The websocket door: who a subscriber is, and keeping it true while connected.

- ``connection_init`` carries ``{"authorization": "Bearer …"}``, or the upgrade
  request's session cookie is used. No credential closes with 4401, a refused one
  with 4403 (an init that never comes: 4408, from Strawberry), before any data.
- A credential revoked, disabled or expired while connected closes its sockets with
  4403 within ``WATCH_INTERVAL``: one pass checks every live credential of the
  process with one query per kind, whatever the number of subscribers.
- The process accepts at most ``max_websockets`` connections (1013 "try again later"
  beyond); each connection at most ``max_subscriptions_per_connection`` operations.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import uuid
from collections.abc import Mapping
from dataclasses import dataclass

from starlette.websockets import WebSocket, WebSocketDisconnect
from strawberry.asgi import ASGIWebSocketAdapter
from strawberry.http.exceptions import WebSocketDisconnected
from strawberry.subscriptions.protocols.graphql_transport_ws.handlers import (
    BaseGraphQLTransportWSHandler,
)
from strawberry.subscriptions.protocols.graphql_transport_ws.types import ConnectionInitMessage
from strawberry.subscriptions.protocols.graphql_ws.handlers import BaseGraphQLWSHandler
from strawberry.subscriptions.protocols.graphql_ws.types import (
    ConnectionInitMessage as LegacyConnectionInitMessage,
)

from app.api_keys.door import live_key_ids
from app.auth.actor import ANONYMOUS, Actor
from app.auth.service import live_session_ids
from app.core.db import session_factory
from app.core.request import RequestMeta, ServiceContext
from app.graphql.context import Context

logger = logging.getLogger("quizgraph.websocket")

WATCH_INTERVAL = 0.5  # seconds between checks of live credentials


class SocketRejected(Exception):
    def __init__(self, code: int, reason: str) -> None:
        super().__init__(reason)
        self.code = code
        self.reason = reason[:120]  # a close reason must fit in a control frame


class TextFrameAdapter(ASGIWebSocketAdapter):
    """Sends every message as a text frame, as graphql-ws clients require (our JSON
    encoder returns bytes, which Strawberry would send as binary frames)."""

    async def send_json(self, message: Mapping[str, object]) -> None:
        encoded = self.view.encode_json(message)
        text = encoded.decode() if isinstance(encoded, bytes) else encoded
        try:
            await self.ws.send_text(text)
        except WebSocketDisconnect as disconnected:
            raise WebSocketDisconnected from disconnected


class TransportWSHandler(BaseGraphQLTransportWSHandler[Context, None]):
    async def handle_connection_init(self, message: ConnectionInitMessage) -> None:
        try:
            await super().handle_connection_init(message)
        except SocketRejected as rejection:
            await self.websocket.close(code=rejection.code, reason=rejection.reason)


class LegacyWSHandler(BaseGraphQLWSHandler[Context, None]):
    async def handle_connection_init(self, message: LegacyConnectionInitMessage) -> None:
        try:
            await super().handle_connection_init(message)
        except SocketRejected as rejection:
            await self.send_message(
                {"type": "connection_error", "payload": {"message": rejection.reason}}
            )
            await self.websocket.close(code=rejection.code, reason=rejection.reason)


@dataclass(eq=False)
class LiveSocket:
    websocket: WebSocket
    actor: Actor


class CredentialWatch:
    """Closes sockets whose credential stopped passing the door."""

    def __init__(self) -> None:
        self.sockets: set[LiveSocket] = set()
        self._task: asyncio.Task[None] | None = None

    def add(self, socket: LiveSocket) -> None:
        self.sockets.add(socket)
        if self._task is None or self._task.done():
            self._task = asyncio.create_task(self._run(), name="credential-watch")

    def discard(self, socket: LiveSocket) -> None:
        self.sockets.discard(socket)

    async def _run(self) -> None:
        while self.sockets:
            await asyncio.sleep(WATCH_INTERVAL)
            try:
                await self.check_once()
            except Exception:
                logger.exception("credential watch failed; retrying")

    async def check_once(self) -> None:
        sockets = [s for s in self.sockets if s.websocket.client_state.name == "CONNECTED"]
        sessions = {s.actor.session_id for s in sockets if s.actor.session_id}
        keys = {s.actor.api_key_id for s in sockets if s.actor.api_key_id}
        async with session_factory()() as db:
            sc = ServiceContext(db, ANONYMOUS, RequestMeta(request_id="credential-watch"))
            live_sessions = await live_session_ids(sc, sessions) if sessions else set()
            live_keys = await live_key_ids(sc, keys) if keys else set()
            await db.rollback()
        for socket in sockets:
            if not _still_valid(socket.actor, live_sessions, live_keys):
                self.discard(socket)
                with contextlib.suppress(Exception):
                    await socket.websocket.close(code=4403, reason="Credential revoked")


def _still_valid(actor: Actor, sessions: set[uuid.UUID], keys: set[uuid.UUID]) -> bool:
    if actor.api_key_id is not None:
        return actor.api_key_id in keys
    if actor.session_id is not None:
        return actor.session_id in sessions
    return True


watch = CredentialWatch()
