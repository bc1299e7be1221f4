"""The websocket door: who a subscriber is, and keeping it true while connected.

- ``connection_init`` carries ``{"authorization": "Bearer …"}``, or the upgrade
  request's session cookie is used. No credential closes with 4401, a refused one
  with 4403, before any data. No ``connection_init`` within
  ``websocket_init_timeout_seconds``: 4408, on both protocols (Strawberry times out
  only graphql-transport-ws; ``LegacyWSHandler`` does it for graphql-ws). A second
  ``connection_init``: 4429. A malformed message: 4400 (on graphql-ws, which has no
  close codes of its own, a ``connection_error`` saying why comes first).
- Operations never share the connection's state: each gets its own context, session
  and transaction (``SocketContext``, run by ``app.graphql.boundary``), and its
  credential passes the door again, so a subscribe sees the member's current role,
  and counts against a key's rate limit like an HTTP request. Only subscriptions
  run; queries and mutations are refused with BAD_USER_INPUT.
- A credential revoked, disabled or expired while connected (or whose member or org
  is disabled), and a change of the member's role (for a key, its creator's), close
  its sockets with 4403 within ``WATCH_INTERVAL``: one pass checks every live
  credential of the process with one query per kind; sockets are indexed by
  credential, so a pass's work follows the distinct credentials, not the sockets.
- The process accepts at most ``max_websockets`` connections, and at most
  ``max_unauthenticated_websockets_per_ip`` per client address that have not passed
  ``connection_init`` yet (both: 1013 "try again later"); each connection runs at
  most ``max_subscriptions_per_connection`` operations (one more is refused with
  RATE_LIMITED).
- Live subscriptions (``app.graphql.live``): each connection has one
  ``SocketSender``, its bounded way out; each operation's context carries a
  ``LiveTarget`` (that sender, the operation's id and protocol, ``LiveSocket.hold``),
  so a live field's resolver joins its cohort and the cohort writes its frames
  straight to the socket. Once its first message is out, the subscription is held
  by the connection (``LiveSocket.held``: the ``Subscriber`` alone) and Strawberry's
  execution of it ends without ``complete``: an idle subscription parks no task,
  stream or execution context. The client's ``complete``/``stop``, a ``start``
  reusing its id (graphql-ws) and the end of the connection release it; a
  ``subscribe`` reusing its id closes with 4409, and it counts against
  ``max_subscriptions_per_connection``. A client that can't keep up is closed with
  4008.
- An idle connection keeps only what it needs: the door at ``connection_init`` runs
  in a session of its own, closed there (the connection's context has none: the
  watch and every operation read in sessions of their own); the upgrade's headers
  and the ``connection_init`` payload are dropped once it has passed, and each
  client message once handled.
- Errors are classified as over HTTP, by the schema's request boundary; an error
  that escapes the operation's hooks (which Strawberry's stream does not catch)
  becomes the operation's last message (``guarded_stream``), never a silent
  ``complete``.
"""

from __future__ import annotations

import asyncio
import contextlib
import contextvars
import logging
import uuid
from collections import Counter
from collections.abc import AsyncGenerator, AsyncIterator, Mapping
from dataclasses import dataclass, field
from json import JSONDecodeError  # orjson's is a subclass (``app.core.json``)
from typing import Any, cast

from sqlalchemy.exc import OperationalError
from sqlmodel.ext.asyncio.session import AsyncSession
from starlette.datastructures import Headers
from starlette.types import Message as AsgiMessage
from starlette.types import Receive, Scope
from starlette.websockets import WebSocket, WebSocketDisconnect, WebSocketState
from strawberry.asgi import ASGIWebSocketAdapter
from strawberry.http.exceptions import (
    NonJsonMessageReceived,
    NonTextMessageReceived,
    WebSocketDisconnected,
)
from strawberry.schema import BaseSchema
from strawberry.subscriptions.protocols.graphql_transport_ws.handlers import (
    BaseGraphQLTransportWSHandler,
)
from strawberry.subscriptions.protocols.graphql_transport_ws.types import (
    CompleteMessage,
    ConnectionInitMessage,
    Message,
    SubscribeMessage,
)
from strawberry.subscriptions.protocols.graphql_ws.handlers import BaseGraphQLWSHandler
from strawberry.subscriptions.protocols.graphql_ws.types import (
    ConnectionInitMessage as LegacyConnectionInitMessage,
)
from strawberry.subscriptions.protocols.graphql_ws.types import OperationMessage, StartMessage

from app.access.actor import ANONYMOUS, Actor
from app.access.request import RequestMeta, ServiceContext
from app.access.scopes import Role
from app.api_keys.door import live_key_ids
from app.auth.service import live_session_ids
from app.auth.tokens import SESSION_COOKIE
from app.core.credential_generations import GenerationsUnavailable
from app.core.db import session_factory
from app.core.errors import AppError, OrgDisabled, Unauthenticated
from app.core.settings import get_settings
from app.graphql.boundary import ConnectionContext, guarded_stream, request_id_of
from app.graphql.context import Context
from app.graphql.errors import ClassifiedError
from app.graphql.live import FrameKind, LiveTarget, SocketSender, Subscriber
from app.orgs.service import disabled_org_ids
from app.web.client_address import client_address
from app.web.credentials import resolve_actor
from app.web.door import cookie_value
from app.web.persisted_operations import names_persisted_query, resolve_payload
from app.web.ws_protocol import FRAMES_EXTENSION

logger = logging.getLogger("quizgraph.websocket")

WATCH_INTERVAL = 0.5  # seconds between checks of live credentials

# The operation whose task is running (set first thing in the operation's own task,
# so concurrent subscribes of one socket never see each other's).
_operation: contextvars.ContextVar[tuple[str, FrameKind] | None] = contextvars.ContextVar(
    "quizgraph_live_operation", default=None
)


class SocketRejected(Exception):
    def __init__(self, code: int, reason: str) -> None:
        super().__init__(reason)
        self.code = code
        self.reason = reason[:120]  # a close reason must fit in a control frame


@dataclass(eq=False, slots=True)
class LiveSocket:
    """One connection: its websocket, its way out for live frames, its live
    subscriptions and, once through the door, its credential."""

    websocket: WebSocket
    sender: SocketSender
    authorization: list[str] = field(default_factory=list)
    cookie: str | None = None
    actor: Actor = ANONYMOUS  # as of connection_init: the watch compares against it
    # Live subscriptions set up and running without an execution of their own
    # (``LiveTarget.hold``), by operation id: all an idle subscription keeps.
    held: dict[str, Subscriber] = field(default_factory=dict)

    def hold(self, subscriber: Subscriber) -> None:
        """Keep a live subscription whose first message went out: its operation's
        execution ends, the subscriber stays in its cohort until released."""
        if self.sender.closed:
            subscriber.leave()  # the connection ended meanwhile
            return
        replaced = self.held.get(subscriber.operation_id)
        self.held[subscriber.operation_id] = subscriber
        if replaced is not None:
            replaced.leave()

    def holds(self, operation_id: str) -> bool:
        return operation_id in self.held

    def release(self, operation_id: str) -> None:
        """The client completed (or replaced) the operation: it leaves its cohort."""
        subscriber = self.held.pop(operation_id, None)
        if subscriber is not None:
            subscriber.leave()

    def closed(self) -> None:
        """The connection ended (or is being closed by the door): live frames stop and
        its subscriptions leave their cohorts."""
        self.sender.detach()
        held, self.held = self.held, {}
        for subscriber in held.values():
            subscriber.leave()


def socket_sender(websocket: WebSocket) -> SocketSender:
    """The connection's live sender. Where the server's protocol offers raw frames
    (``app.web.ws_protocol``), whole websocket frames straight to the transport and a
    close that does not wait for a stalled transport; else the ASGI send coroutine
    itself (the sender steps it by hand, so it is not wrapped in a task), a text
    frame per message."""
    way = _SocketWay(websocket, websocket.scope.get("extensions", {}).get(FRAMES_EXTENSION))
    return SocketSender(way.write, way.close, raw=way.raw)


class _SocketWay:
    """What the sender calls to write and close (one small object per connection, not
    two closures and their cells)."""

    __slots__ = ("raw", "websocket")

    def __init__(self, websocket: WebSocket, raw: Any) -> None:
        self.websocket = websocket
        self.raw = raw

    def write(self, text: str) -> Any:
        return self.websocket.send({"type": "websocket.send", "text": text})

    async def close(self, code: int, reason: str) -> None:
        websocket = self.websocket
        if self.raw is not None and websocket.application_state == WebSocketState.CONNECTED:
            self.raw.close(code, reason)
            websocket.application_state = WebSocketState.DISCONNECTED
            return
        await websocket.close(code, reason)


@dataclass(slots=True)
class SocketContext(ConnectionContext):
    """The connection's context. Only the door at ``connection_init`` uses its session;
    every operation gets a context of its own (``operation_context``)."""

    socket: LiveSocket = field(kw_only=True)

    async def connect(self) -> None:
        """The door at ``connection_init``: remember the credential, or refuse it."""
        params = self.connection_params or {}
        authorization = params.get("authorization") or params.get("Authorization")
        self.socket.authorization = [authorization] if isinstance(authorization, str) else []
        self.socket.cookie = cookie_value(Headers(scope=self.request.scope), SESSION_COOKIE)
        # The door's own session, closed here: an idle connection keeps no session
        # state (the watch and every operation read in sessions of their own).
        async with session_factory()() as db:
            try:
                actor = await _resolve(ServiceContext(db, ANONYMOUS, self.sc.meta), self.socket)
            except AppError as error:
                raise SocketRejected(4403, f"{error.code}: {error.message}") from error
            except GenerationsUnavailable as error:
                # The credential can't be checked now (Redis down or overloaded): never
                # admit it unchecked; the client may retry (1013: try again later).
                logger.warning("connection_init refused, credentials unavailable: %s", error)
                raise SocketRejected(
                    1013, "Try again later: credentials can't be checked"
                ) from error
        if not actor.is_authenticated:
            raise SocketRejected(
                4401, 'Unauthorized: send {"authorization": "Bearer …"} or a session cookie'
            )
        self.socket.actor = self.sc.actor = actor
        self._forget_handshake()
        awaiting_init.settle(self.request.scope)
        watch.add(self.socket)

    def _forget_handshake(self) -> None:
        """Drop what only the door needed, kept otherwise for the connection's life
        (~1.5 KB): the upgrade request's headers (the cookie is read, the user agent in
        ``sc.meta``) and the ``connection_init`` payload (its credential is in
        ``socket.authorization``)."""
        self.request.scope["headers"] = []
        vars(self.request).pop("_headers", None)  # Starlette's cached ``headers``
        self.connection_params = None

    @contextlib.asynccontextmanager
    async def operation_context(self) -> AsyncIterator[Context]:
        operation = _operation.get()
        live = None
        if operation is not None:
            live = LiveTarget(self.socket.sender, operation[0], operation[1], self.socket.hold)
        async with session_factory()() as db:
            yield Context(
                request=self.request,
                response=None,
                sc=ServiceContext(db, ANONYMOUS, self.sc.meta),
                live=live,
            )

    async def authenticate(self, context: Context) -> None:
        actor = await _resolve(context.sc, self.socket)
        if not actor.is_authenticated:
            raise Unauthenticated()
        context.sc.actor = actor


async def _resolve(sc: ServiceContext, socket: LiveSocket) -> Actor:
    """The socket's credential through the door, the lookup's transaction ended."""
    try:
        actor = await resolve_actor(sc, socket.authorization, socket.cookie)
    except AppError:
        await sc.db.rollback()
        raise
    if not sc.db.in_transaction():
        return actor  # answered from the credential cache: no connection was taken
    try:
        await sc.db.commit()  # an idle subscriber must not hold a connection
    except OperationalError:
        # Only the session's idle-expiry touch can fail here (a busy SQLite); it is
        # retried on a later lookup, as at the HTTP door.
        await sc.db.rollback()
    return actor


class _NoSession:
    """The ``db`` of a connection's context: a connection has no session of its own
    (the door at ``connection_init`` and every operation open theirs), so using it is
    a mistake, said at once."""

    __slots__ = ()

    def __getattr__(self, name: str) -> Any:
        raise RuntimeError(
            f"a websocket connection's context has no session (db.{name}): "
            "each operation's context has its own"
        )


NO_SESSION = cast("AsyncSession", _NoSession())


def socket_context(websocket: WebSocket) -> SocketContext:
    """A new connection's context; the scope's state keeps what the view cleans up."""
    state = websocket.scope.setdefault("state", {})
    meta = RequestMeta(
        request_id=state.get("request_id", "-"),
        ip=_client_address(websocket.scope),
        # Not ``websocket.headers``: Starlette would keep a copy for the connection.
        user_agent=Headers(scope=websocket.scope).get("user-agent"),
    )
    socket = LiveSocket(websocket, socket_sender(websocket))
    state["live_socket"] = socket
    return SocketContext(
        request=websocket,
        response=None,
        sc=ServiceContext(NO_SESSION, ANONYMOUS, meta),
        socket=socket,
    )


class TextFrameAdapter(ASGIWebSocketAdapter):
    """Sends every message as a text frame, as graphql-ws clients require (our JSON
    encoder returns bytes, which Strawberry would send as binary frames), and keeps
    no message between two (Strawberry's loop kept the last one's text).

    ``receive``: the server's ASGI receive, read directly while idle (Starlette's
    ``receive_text`` and ``receive`` were two frames more, suspended for the
    connection's life); its disconnect is noted on the ``WebSocket`` as Starlette
    does. Without it, Starlette's ``receive_text``."""

    def __init__(
        self,
        view: Any,
        request: WebSocket,
        response: WebSocket,
        *,
        receive: Receive | None = None,
    ) -> None:
        super().__init__(view, request, response)
        self.receive = receive

    async def iter_json(
        self, *, ignore_parsing_errors: bool = False
    ) -> AsyncGenerator[object, None]:
        receive = self.receive
        try:
            while self.ws.application_state != WebSocketState.DISCONNECTED:
                try:
                    if receive is None:
                        yield self.view.decode_json(await self.ws.receive_text())
                    else:
                        yield self.view.decode_json(self._text_of(await receive()))
                except JSONDecodeError as error:
                    if not ignore_parsing_errors:
                        raise NonJsonMessageReceived from error
        except KeyError as error:  # a binary message
            raise NonTextMessageReceived from error
        except WebSocketDisconnect:
            pass

    def _text_of(self, message: AsgiMessage) -> str:
        """Starlette's ``receive_text`` on a message the server gave directly."""
        if message["type"] == "websocket.disconnect":
            self.ws.client_state = WebSocketState.DISCONNECTED
            raise WebSocketDisconnect(message.get("code", 1000), message.get("reason"))
        if message["type"] != "websocket.receive":
            raise RuntimeError(f"Unexpected ASGI message {message['type']!r}")
        return cast("str", message["text"])

    async def send_json(self, message: Mapping[str, object]) -> None:
        encoded = self.view.encode_json(message)
        text = encoded.decode() if isinstance(encoded, bytes) else encoded
        try:
            await self.ws.send_text(text)
        except WebSocketDisconnect as disconnected:
            raise WebSocketDisconnected from disconnected


def _malformed(message: object, operation_type: str) -> str | None:
    """Why a client message can't be handled, or None. Strawberry trusts the shape of
    ``subscribe``/``start`` and of ids, and drops the socket without a close code when
    they are wrong."""
    if not isinstance(message, dict) or not isinstance(message.get("type"), str):
        return "Invalid message: expected an object with a type"
    kind = message["type"]
    if kind in {operation_type, "complete", "stop"} and not isinstance(message.get("id"), str):
        return f"Invalid message: {kind} needs a string id"
    if kind == "connection_init" and not isinstance(message.get("payload") or {}, dict):
        return "Invalid message: the connection_init payload must be an object"
    if kind == operation_type:
        payload = message.get("payload")
        if not (
            isinstance(payload, dict)
            and (isinstance(payload.get("query"), str) or names_persisted_query(payload))
            and isinstance(payload.get("variables") or {}, dict)
            and isinstance(payload.get("operationName") or "", str)
        ):
            return f"Invalid message: {kind} needs a payload with a query"
    return None


class GuardedStreams:
    """The schema as a websocket handler sees it: every stream it starts is guarded, so
    an error escaping the operation's hooks still reaches the client, classified."""

    __slots__ = ("_request_id", "_schema")

    def __init__(self, schema: BaseSchema, request_id: str) -> None:
        self._schema = schema
        self._request_id = request_id

    def __getattr__(self, name: str) -> Any:
        return getattr(self._schema, name)

    async def stream(self, *args: Any, **kwargs: Any) -> AsyncGenerator[Any, None]:
        return guarded_stream(await self._schema.stream(*args, **kwargs), self._request_id)

    async def subscribe(self, *args: Any, **kwargs: Any) -> AsyncGenerator[Any, None]:
        return guarded_stream(await self._schema.subscribe(*args, **kwargs), self._request_id)


def _guarded(schema: BaseSchema, context: Context) -> BaseSchema:
    # Strawberry's handlers call only ``stream`` (graphql-transport-ws) and
    # ``subscribe`` (graphql-ws) on it.
    return cast("BaseSchema", GuardedStreams(schema, request_id_of(context)))


def _too_many_operations(limit: int) -> ClassifiedError:
    """Strawberry's own refusal has no code; this one is the client's limit spent."""
    return ClassifiedError(
        f"A connection runs at most {limit} operations at once; "
        "complete one before starting another.",
        extensions={"code": "RATE_LIMITED", "limit": limit},
    )


class TransportWSHandler(BaseGraphQLTransportWSHandler[Context, None]):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.schema = _guarded(self.schema, self.context)

    async def handle_subscribe(self, message: SubscribeMessage) -> None:
        socket = _live_socket(self.context)
        if self.connection_acknowledged and socket.holds(message["id"]):
            # A held subscription is a running operation, as Strawberry's are.
            reason = f"Subscriber for {message['id']} already exists"
            await self.websocket.close(code=4409, reason=reason)
            return
        limit = self.max_subscriptions_per_connection
        if (
            self.connection_acknowledged
            and limit is not None
            and message["id"] not in self.operations
            and len(self.operations) + len(socket.held) >= limit
        ):
            error = _too_many_operations(limit)
            await self.send_message(
                {"id": message["id"], "type": "error", "payload": [error.formatted]}
            )
            return
        if self.connection_acknowledged:
            refusal = await resolve_payload(message, socket.actor, self.schema)
            if refusal is not None:
                await self.send_message(
                    {"id": message["id"], "type": "error", "payload": [refusal.formatted]}
                )
                return
        await super().handle_subscribe(message)

    async def handle_complete(self, message: CompleteMessage) -> None:
        _live_socket(self.context).release(message["id"])
        await super().handle_complete(message)

    async def send_message(self, message: Message) -> None:
        if message["type"] == "complete" and _live_socket(self.context).holds(message["id"]):
            # Strawberry ends every operation whose stream ended with ``complete``; a
            # held one's execution ended because its cohort took over: it goes on.
            return
        await super().send_message(message)

    async def run_operation(self, operation: Any) -> None:
        _operation.set((operation.id, FrameKind.NEXT))  # this operation's task only
        await super().run_operation(operation)

    async def shutdown(self) -> None:
        # Strawberry's ``handle`` ends with this, whatever ended the connection; here
        # rather than around ``handle``, whose frame would be one more per connection.
        try:
            await super().shutdown()
        finally:
            _live_socket(self.context).closed()

    async def handle_message(self, message: Message) -> None:
        try:
            problem = _malformed(message, "subscribe")
            if problem is not None:
                await self.handle_invalid_message(problem)
                return
            await super().handle_message(message)
        finally:
            _handled(message)

    async def handle_connection_init(self, message: ConnectionInitMessage) -> None:
        try:
            await super().handle_connection_init(message)
        except SocketRejected as rejection:
            await self.websocket.close(code=rejection.code, reason=rejection.reason)
        if self.connection_init_received:
            # Cancelled by Strawberry; nothing needs the finished task (~1 KB) any more.
            self.connection_init_timeout_task = None


LEGACY_TYPES = {"connection_init", "connection_terminate", "start", "stop"}


class LegacyWSHandler(BaseGraphQLWSHandler[Context, None]):
    """Strawberry's graphql-ws handler, bounded like graphql-transport-ws: the init
    timeout (4408), one ``connection_init`` (4429), malformed messages (4400)."""

    init_received = False
    init_timer: asyncio.Task[None] | None = None

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.schema = _guarded(self.schema, self.context)

    async def handle_start(self, message: StartMessage) -> None:
        socket = _live_socket(self.context)
        if self.connection_acknowledged:
            socket.release(message["id"])  # a start with a running id replaces it
        limit = self.max_subscriptions_per_connection
        if (
            self.connection_acknowledged
            and limit is not None
            and message["id"] not in self.tasks
            and len(self.tasks) + len(socket.held) >= limit
        ):
            error = _too_many_operations(limit)
            await self.send_message(
                {"type": "error", "id": message["id"], "payload": error.formatted}
            )
            return
        if self.connection_acknowledged:
            refusal = await resolve_payload(message, socket.actor, self.schema)
            if refusal is not None:
                await self.send_message(
                    {"type": "error", "id": message["id"], "payload": refusal.formatted}
                )
                return
        await super().handle_start(message)

    async def handle_async_results(
        self,
        operation_id: str,
        query: str,
        operation_name: str | None,
        variables: dict[str, object] | None,
    ) -> None:
        _operation.set((operation_id, FrameKind.DATA))  # this operation's task only
        await super().handle_async_results(operation_id, query, operation_name, variables)

    async def cleanup_operation(self, operation_id: str) -> None:
        _live_socket(self.context).release(operation_id)
        await super().cleanup_operation(operation_id)

    async def send_message(self, message: OperationMessage) -> None:
        if message["type"] == "complete" and _live_socket(self.context).holds(message["id"]):
            return  # a held operation goes on (see ``TransportWSHandler.send_message``)
        await super().send_message(message)

    async def handle(self) -> None:
        self.init_timer = asyncio.create_task(self._close_unless_initialised())
        try:
            await super().handle()
        finally:
            _live_socket(self.context).closed()
            timer, self.init_timer = self.init_timer, None
            if timer is not None:
                timer.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await timer

    async def _close_unless_initialised(self) -> None:
        await asyncio.sleep(self.view.connection_init_wait_timeout.total_seconds())
        with contextlib.suppress(RuntimeError):  # the client left meanwhile
            await self.websocket.close(code=4408, reason="Connection initialisation timeout")

    async def handle_message(self, message: OperationMessage) -> None:
        try:
            problem = _malformed(message, "start")
            if problem is None and message["type"] not in LEGACY_TYPES:
                problem = f"Invalid message: unknown type {message['type']!r}"[:120]
            if problem is not None:
                await self.send_message(
                    {"type": "connection_error", "payload": {"message": problem}}
                )
                await self.websocket.close(code=4400, reason=problem)
                return
            await super().handle_message(message)
        finally:
            _handled(message)

    async def handle_connection_init(self, message: LegacyConnectionInitMessage) -> None:
        if self.init_received:
            await self.websocket.close(code=4429, reason="Too many initialisation requests")
            return
        self.init_received = True
        timer, self.init_timer = self.init_timer, None  # nothing needs it once cancelled
        if timer is not None:
            timer.cancel()
        try:
            await super().handle_connection_init(message)
        except SocketRejected as rejection:
            await self.send_message(
                {"type": "connection_error", "payload": {"message": rejection.reason}}
            )
            await self.websocket.close(code=rejection.code, reason=rejection.reason)


def _handled(message: object) -> None:
    """Empty a client message once handled: Strawberry's ``handle`` loop keeps the last
    one (for a subscriber, its ``subscribe``: ~0.9 KB) until the next arrives. Whatever
    the handler took from it (id, query, variables) lives on by its own references."""
    if isinstance(message, dict):
        message.clear()


def _live_socket(context: object) -> LiveSocket:
    assert isinstance(context, SocketContext)
    return context.socket


def _client_address(scope: Scope) -> str:
    return client_address(scope) or "-"


class AwaitingInit:
    """Sockets that have not passed ``connection_init`` yet, per client address, so
    that anonymous sockets from one address can't take every slot of the process."""

    def __init__(self) -> None:
        self._by_address: Counter[str] = Counter()

    def admit(self, scope: Scope) -> bool:
        """Count a new socket; False when its address already has its share waiting."""
        address = _client_address(scope)
        if self._by_address[address] >= get_settings().max_unauthenticated_websockets_per_ip:
            return False
        self._by_address[address] += 1
        scope.setdefault("state", {})["awaiting_init"] = address
        return True

    def settle(self, scope: Scope) -> None:
        """The socket passed the door, or closed: it no longer counts (idempotent)."""
        address = scope.get("state", {}).pop("awaiting_init", None)
        if address is None:
            return
        self._by_address[address] -= 1
        if self._by_address[address] <= 0:
            del self._by_address[address]


# A credential as the watch groups sockets: an API key's id or a session's id, and the
# role the socket was admitted with (two sockets of one credential admitted before and
# after a role change are two groups: only the older one closes).
CredentialGroup = tuple[bool, uuid.UUID, Role | None]


def _group_of(actor: Actor) -> CredentialGroup | None:
    if actor.api_key_id is not None:
        return (True, actor.api_key_id, actor.role)
    if actor.session_id is not None:
        return (False, actor.session_id, actor.role)
    return None  # nothing revocable to watch


class CredentialWatch:
    """Closes sockets whose credential stopped passing the door, or whose role changed.

    Sockets are indexed by credential (``CredentialGroup``) when they pass the door and
    removed when their connection ends, so a pass costs one query per kind plus a
    lookup per distinct credential, whatever the number of sockets; only the sockets
    of a refused credential are visited, to close them."""

    def __init__(self) -> None:
        self._groups: dict[CredentialGroup, set[LiveSocket]] = {}
        self._task: asyncio.Task[None] | None = None

    def __len__(self) -> int:
        return sum(len(sockets) for sockets in self._groups.values())

    @property
    def credentials(self) -> int:
        return len(self._groups)

    def add(self, socket: LiveSocket) -> None:
        group = _group_of(socket.actor)
        if group is None:
            return
        self._groups.setdefault(group, set()).add(socket)
        if self._task is None or self._task.done():
            self._task = asyncio.create_task(self._run(), name="credential-watch")

    def discard(self, socket: LiveSocket) -> None:
        group = _group_of(socket.actor)
        if group is None or (sockets := self._groups.get(group)) is None:
            return
        sockets.discard(socket)
        if not sockets:
            del self._groups[group]

    async def _run(self) -> None:
        while self._groups:
            await asyncio.sleep(WATCH_INTERVAL)
            try:
                await self.check_once()
            except Exception:
                logger.exception("credential watch failed; retrying")

    async def check_once(self) -> None:
        groups = list(self._groups)
        sessions = {credential for is_key, credential, _ in groups if not is_key}
        keys = {credential for is_key, credential, _ in groups if is_key}
        async with session_factory()() as db:
            sc = ServiceContext(db, ANONYMOUS, RequestMeta(request_id="credential-watch"))
            live_sessions = await live_session_ids(sc, sessions) if sessions else {}
            live_keys = await live_key_ids(sc, keys) if keys else {}
            closing = {
                group: reason
                for group in groups
                if (
                    reason := _why_closed(
                        group[1], group[2], live_keys if group[0] else live_sessions
                    )
                )
            }
            disabled_orgs = await disabled_org_ids(sc, _orgs_of(self._groups, closing))
            await db.rollback()
        for group, reason in closing.items():
            for socket in self._groups.pop(group, set()):
                socket.closed()  # no live frame after the decision
                if socket.websocket.client_state != WebSocketState.CONNECTED:
                    continue  # already gone; its handler is ending
                if socket.actor.org_id in disabled_orgs:
                    # Said as the HTTP door says it, so the client shows "disabled", not
                    # "your session ended".
                    reason = f"{OrgDisabled.code}: {OrgDisabled.default_message}"
                with contextlib.suppress(Exception):
                    await socket.websocket.close(code=4403, reason=reason)


def _orgs_of(
    groups: Mapping[CredentialGroup, set[LiveSocket]], closing: Mapping[CredentialGroup, str]
) -> set[uuid.UUID]:
    return {
        socket.actor.org_id
        for group in closing
        for socket in groups.get(group, ())
        if socket.actor.org_id is not None
    }


def _why_closed(
    credential: uuid.UUID, role: Role | None, live: Mapping[uuid.UUID, Role | None]
) -> str | None:
    """Why the sockets of ``credential`` admitted as ``role`` must close now; None
    while it still stands."""
    if credential not in live:
        return "Credential revoked"
    if live[credential] != role:
        # The socket's subscriptions were allowed for the old role; the client's
        # reconnect subscribes again under the new one.
        return "Role changed; reconnect"
    return None


awaiting_init = AwaitingInit()
watch = CredentialWatch()
