"""The server's websocket protocol: uvicorn's sans-I/O protocol (``websockets``), with a
direct way out for live frames and less kept per connection.

``quizgraph serve`` (and the bench) run uvicorn with ``ws=WS_PROTOCOL``. What it adds
to uvicorn's ``WebSocketsSansIOProtocol``:

- **Raw frames** (``scope["extensions"]["quizgraph.frames"]``, a ``RawFrames``): a
  live cohort writes a frame it built once for all its sockets (``Frames.wire``: a
  text frame's header and bytes, servers don't mask) straight to the transport. Per
  socket that is one ``transport.write``: no ASGI message, no Starlette state checks,
  no coroutine, no re-encoding of the text, no websockets ``Frame``. Every other
  message (acks, errors, ``complete``, closes) goes through ASGI as before; each
  write is a whole frame, so both interleave at frame boundaries.
- **Bounded buffers**: the kernel's send buffer is fixed (``SEND_BUFFER``; unset,
  Linux autotunes it up to ``tcp_wmem``'s maximum, 4 MiB here, which is why a client
  that stopped reading was never noticed) and the transport's write buffer pauses
  at ``WRITE_HIGH``. ``RawFrames.write`` answers whether the transport still takes
  bytes; when it does not, the live sender queues (newest frame wins) and closes a
  client that can't keep up with 4008 (``app.graphql.live.sender``).
- **Close without waiting** (``RawFrames.close``): the close frame is written behind
  what is buffered, even while the transport is paused (uvicorn's ``send`` would
  wait for it to drain first, forever for a client that stopped reading), and the
  connection is aborted when the closing handshake does not finish within
  ``close_timeout``.
- **Shutdown that ends**: uvicorn's ``shutdown`` writes a close frame and closes the
  transport, which then waits for its buffer to drain, forever for a client that
  stopped reading; the server's shutdown waited with it. Such a connection is
  aborted after ``SHUTDOWN_DRAIN_SECONDS``.
- **Less per connection**: the handshake's request and response are dropped once
  accepted (the request's headers emptied: websockets' parser keeps the request
  itself), the receive queue is a small one of its own (uvicorn's
  ``asyncio.Queue`` is four deques and an event) and ``writable`` a flag that makes
  waiters only while paused (``asyncio.Event`` keeps a deque).
"""

from __future__ import annotations

import asyncio
import contextlib
import socket
from typing import Any

from uvicorn.protocols.websockets.websockets_sansio_impl import WebSocketsSansIOProtocol

__all__ = [
    "FRAMES_EXTENSION",
    "SEND_BUFFER",
    "SHUTDOWN_DRAIN_SECONDS",
    "WRITE_HIGH",
    "WS_PROTOCOL",
    "LiveWebSocketProtocol",
]

WS_PROTOCOL = "app.web.ws_protocol:LiveWebSocketProtocol"
FRAMES_EXTENSION = "quizgraph.frames"
# The kernel's send buffer per websocket (Linux doubles what is asked for its own
# bookkeeping) and the transport's write buffer high-water mark (low: a quarter).
SEND_BUFFER = 64 * 1024
WRITE_HIGH = 64 * 1024
# How long a shutting-down server lets a connection's buffered frames drain.
SHUTDOWN_DRAIN_SECONDS = 1.0


class _ReceiveQueue:
    """What uvicorn's protocol needs of its queue (``put_nowait``, ``empty``; ``get``
    is ``LiveWebSocketProtocol.receive``'s), for one reader: a short list (a client
    sends a message now and then; a deque's first block alone is 624 bytes) and at
    most one waiting future."""

    __slots__ = ("_items", "_waiter")

    def __init__(self) -> None:
        self._items: list[Any] = []
        self._waiter: asyncio.Future[None] | None = None

    def put_nowait(self, item: Any) -> None:
        self._items.append(item)
        waiter, self._waiter = self._waiter, None
        if waiter is not None and not waiter.done():
            waiter.set_result(None)

    def waiter(self) -> asyncio.Future[None]:
        """A future done when an item arrives (the caller awaits it and ``forget``s it)."""
        waiter = self._waiter = asyncio.get_running_loop().create_future()
        return waiter

    def forget(self, waiter: asyncio.Future[None]) -> None:
        if self._waiter is waiter:
            self._waiter = None

    def pop(self) -> Any:
        return self._items.pop(0)

    def empty(self) -> bool:
        return not self._items

    def qsize(self) -> int:
        return len(self._items)


class _Writable:
    """What uvicorn's protocol needs of ``writable`` (``set``, ``clear``, ``is_set``,
    ``wait``) without ``asyncio.Event``'s deque of waiters (624 bytes per socket):
    waiters are made only while the transport is paused, which is rare."""

    __slots__ = ("_set", "_waiters")

    def __init__(self) -> None:
        self._set = True
        self._waiters: list[asyncio.Future[None]] | None = None

    def is_set(self) -> bool:
        return self._set

    def set(self) -> None:
        self._set = True
        waiters, self._waiters = self._waiters, None
        for waiter in waiters or ():
            if not waiter.done():
                waiter.set_result(None)

    def clear(self) -> None:
        self._set = False

    async def wait(self) -> None:
        while not self._set:
            waiter = asyncio.get_running_loop().create_future()
            if self._waiters is None:
                self._waiters = []
            self._waiters.append(waiter)
            try:
                await waiter
            finally:
                if self._waiters is not None and waiter in self._waiters:
                    self._waiters.remove(waiter)


class RawFrames:
    """One connection's direct way out (see the module). Holds the protocol only."""

    __slots__ = ("_protocol",)

    def __init__(self, protocol: LiveWebSocketProtocol) -> None:
        self._protocol = protocol

    def write(self, frame: bytes) -> bool | None:
        """Write a whole, ready frame. True: the transport takes more; False: written,
        but the transport is paused now (wait on ``drained``); None: the connection
        is closing or gone, nothing was written."""
        protocol = self._protocol
        if protocol.close_sent or protocol.disconnected:
            return None
        transport = protocol.transport
        if transport.is_closing():
            return None
        transport.write(frame)
        return protocol.writable.is_set()

    async def drained(self) -> None:
        """Until the transport takes bytes again (or the connection is gone)."""
        await self._protocol.writable.wait()

    def close(self, code: int, reason: str) -> None:
        """Send a close frame now, behind what is buffered, without waiting."""
        self._protocol.close_now(code, reason)


class LiveWebSocketProtocol(WebSocketsSansIOProtocol):
    # uvicorn's protocol keeps ~37 attributes per connection; past 30 an instance's
    # dict stops sharing its keys with the class's other instances and costs ~1.6 KB.
    # As slots (declared here, the base class's ``self.x = ...`` fill them) they cost
    # 8 bytes each. A name a later uvicorn adds lands in the dict, as before.
    __slots__ = (
        "app",
        "app_state",
        "asgi_version",
        "client",
        "close_sent",
        "close_timeout",
        "close_timer",
        "config",
        "conn",
        "connections",
        "curr_msg_data_type",
        "default_headers",
        "disconnected",
        "frames",
        "handshake_complete",
        "handshake_initiated",
        "initial_response",
        "last_ping_rtt",
        "logger",
        "loop",
        "pending_ping_payload",
        "ping_interval",
        "ping_sent_at",
        "ping_timeout",
        "ping_timer",
        "pong_timer",
        "queue",
        "read_paused",
        "request",
        "response",
        "root_path",
        "scheme",
        "scope",
        "server",
        "tasks",
        "transport",
        "writable",
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.queue = _ReceiveQueue()  # type: ignore[assignment]
        self.writable = _Writable()  # type: ignore[assignment]

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        super().connection_made(transport)
        sock = transport.get_extra_info("socket")
        if sock is not None:
            with contextlib.suppress(OSError):
                sock.setsockopt(socket.SOL_SOCKET, socket.SO_SNDBUF, SEND_BUFFER)
        with contextlib.suppress(AttributeError, NotImplementedError):
            self.transport.set_write_buffer_limits(high=WRITE_HIGH)

    def handle_connect(self, event: Any) -> None:
        super().handle_connect(event)
        # The scope has its own copy of the headers. The request stays referenced
        # by websockets' parser (a local of its generator, for the connection's life):
        # its headers (~2.8 KB) are emptied instead.
        event.headers.clear()
        scope = getattr(self, "scope", None)
        if scope is not None and not self.close_sent:
            scope["extensions"][FRAMES_EXTENSION] = RawFrames(self)

    async def receive(self) -> Any:
        """uvicorn's, awaiting the queue's future itself: the connection's task waits
        here all its idle life, and ``await queue.get()`` was one frame more."""
        queue = self.queue
        assert isinstance(queue, _ReceiveQueue)
        while queue.empty():
            waiter = queue.waiter()
            try:
                await waiter
            finally:
                queue.forget(waiter)
        message = queue.pop()
        if self.read_paused and queue.empty():
            self.read_paused = False
            self.transport.resume_reading()
        return message

    async def send(self, message: Any) -> None:
        await super().send(message)
        if self.handshake_complete:
            # The handshake's request and response are not needed past the accept.
            self.request = None  # type: ignore[assignment]
            self.response = None  # type: ignore[assignment]

    def shutdown(self) -> None:
        super().shutdown()
        if not self.transport.is_closing() or self.transport.get_write_buffer_size() == 0:
            return
        self.loop.call_later(SHUTDOWN_DRAIN_SECONDS, self.transport.abort)

    def close_now(self, code: int, reason: str) -> None:
        if self.close_sent or self.disconnected or self.transport.is_closing():
            return
        self.queue.put_nowait({"type": "websocket.disconnect", "code": code, "reason": reason})
        self.conn.send_close(code, reason)
        self.transport.write(b"".join(self.conn.data_to_send()))
        self.close_sent = True
        if self.read_paused:
            self.read_paused = False
            self.transport.resume_reading()
        # A client that never reads again never answers the close: drop it.
        self.close_timer = self.loop.call_later(self.close_timeout, self.transport.abort)
