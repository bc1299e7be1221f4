"""One socket's way out: a bounded send queue where the newest frame wins.

A cohort hands each of its sockets a frame with ``SocketSender.offer``, which never
waits, so one slow or dead client can't hold up the others:

- **Idle socket** (the common case): the send starts at once, in the caller. A
  transport that takes the bytes without waiting (its write buffer is under the high
  water mark) finishes the send right there: no task, no queue, no wake-up.
- **Send in progress** (the transport paused writing, the client isn't reading):
  the frame waits in the socket's queue, which holds at most one frame per operation
  (slot): a newer frame for the same operation replaces the one not yet sent, so
  the client gets the newest state, never a backlog. A task finishes the stalled
  send and then sends what waits, oldest operation first.
- **A client that can't keep up**: when ``max_superseded`` frames have been replaced
  unsent since the last send completed, the socket is given up: its queue is dropped,
  the stalled send cancelled, and it is closed with ``SLOW_CONSUMER_CLOSE`` (4008,
  "Slow consumer"). A socket that keeps taking frames, however slowly, is never
  closed: each completed send resets the count. (The close itself waits until the
  transport can write it; a client that never reads again is dropped by the
  server's keepalive, uvicorn's ping timeout.)
- A send that fails (the client left) gives the socket up quietly; the websocket
  door notices the disconnect and ends the socket's operations.

Nothing stays allocated for an idle socket but this object (no task, no queue).

**Raw frames**: where the server's websocket protocol offers it (``RawWriter``, see
``app.web.ws_protocol``), a frame is a whole websocket frame made once per cohort
(``Frames.wire``) and written straight to the transport: per socket one
``transport.write``. The transport always takes the frame; when its buffer is past
the high-water mark afterwards, the socket counts as stalled until it drains, and
frames queue as above. The 4008 close is then written at once, behind what is
buffered (the protocol aborts the connection if the client never answers it).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Coroutine, Generator, Hashable
from typing import Any, Protocol

__all__ = [
    "MAX_SUPERSEDED",
    "SLOW_CONSUMER_CLOSE",
    "SLOW_CONSUMER_REASON",
    "RawWriter",
    "SocketSender",
]

logger = logging.getLogger("quizgraph.live")

# A websocket close code of the private range (RFC 6455 7.4.2) that neither
# graphql-transport-ws nor graphql-ws uses: 1008 (policy violation), applications'.
SLOW_CONSUMER_CLOSE = 4008
SLOW_CONSUMER_REASON = "Slow consumer: updates were replaced before they could be sent"
# Frames replaced unsent since the last completed send before a socket is given up:
# with boards changing at most 10 times a second, about 2 s of a client not reading.
MAX_SUPERSEDED = 20

Send = Callable[[Any], Coroutine[Any, Any, None]]
Close = Callable[[int, str], Awaitable[None]]


class RawWriter(Protocol):
    """A socket's transport, for whole websocket frames."""

    def write(self, frame: bytes) -> bool | None:
        """Write ``frame``: True, the transport takes more; False, written but the
        transport is paused now; None, the connection is gone (nothing written)."""
        ...

    def drained(self) -> Awaitable[None]:
        """Until the transport takes bytes again."""
        ...


class SocketSender:
    """The frames bound for one websocket. ``send`` writes one frame (whatever the
    cohort made: bytes or text, as the door asked); ``close`` closes the socket."""

    __slots__ = (
        "_close",
        "_closing",
        "_pending",
        "_raw",
        "_send",
        "_stalled",
        "_started_send",
        "closed",
        "max_superseded",
        "raw",
        "sent",
        "superseded",
    )

    def __init__(
        self,
        send: Send,
        close: Close,
        *,
        max_superseded: int = MAX_SUPERSEDED,
        raw: RawWriter | None = None,
    ) -> None:
        self._send = send
        self._raw = raw
        # Frames for it are whole websocket frames (``Frames.wire``), else ASGI text.
        self.raw = raw is not None
        self._close = close
        self.max_superseded = max_superseded
        self._pending: dict[Hashable, Any] | None = None
        self._stalled: asyncio.Task[None] | None = None
        # The send started in ``offer`` that the stalled task finishes.
        self._started_send: Coroutine[Any, Any, None] | None = None
        self._closing: asyncio.Task[None] | None = None
        self.closed = False
        self.sent = 0  # frames written, for tests and diagnostics
        self.superseded = 0  # frames replaced unsent since the last completed send

    @property
    def busy(self) -> bool:
        """A send is in progress (the transport is not taking bytes right now)."""
        return self._stalled is not None

    @property
    def waiting(self) -> int:
        """Frames queued behind the send in progress."""
        return len(self._pending) if self._pending else 0

    def offer(self, slot: Hashable, frame: Any) -> None:
        """Send ``frame`` for the operation ``slot`` now, or queue it (replacing the
        operation's frame not yet sent). Never waits, never raises."""
        if self.closed:
            return
        if self._stalled is None:
            self._start(frame)
            return
        pending = self._pending
        if pending is None:
            pending = self._pending = {}
        if slot in pending:
            self.superseded += 1
            if self.superseded >= self.max_superseded:
                self.give_up(SLOW_CONSUMER_CLOSE, SLOW_CONSUMER_REASON)
                return
        pending[slot] = frame

    def discard(self, slot: Hashable) -> None:
        """The operation ended: its frame not yet sent is dropped."""
        if self._pending:
            self._pending.pop(slot, None)

    def give_up(self, code: int, reason: str) -> None:
        """Stop sending and close the socket with ``code``."""
        if self.closed:
            return
        self._stop()
        logger.info("closing a websocket (%s): %s", code, reason)
        self._closing = asyncio.get_running_loop().create_task(self._close_quietly(code, reason))

    def detach(self) -> None:
        """The socket is gone (closed by its door): drop everything, send nothing."""
        if not self.closed:
            self._stop()

    def _stop(self) -> None:
        self.closed = True
        self._pending = None
        stalled, self._stalled = self._stalled, None
        started, self._started_send = self._started_send, None
        if stalled is not None:
            stalled.cancel()
        if started is not None:
            # A task cancelled before its first step never resumes the send it was
            # to finish: close it here, so its cleanup runs now (closing it again when
            # the task gets there is harmless).
            started.close()

    async def _close_quietly(self, code: int, reason: str) -> None:
        try:
            await self._close(code, reason)
        except Exception:  # the client left first
            logger.debug("closing a websocket failed", exc_info=True)

    def _start(self, frame: Any) -> None:
        raw = self._raw
        if raw is not None:
            try:
                taking = raw.write(frame)
            except Exception:
                self._failed()
                return
            if taking is None:
                self._stop()  # the connection is closing: its door ends the operations
                return
            self._done()
            if not taking:
                self._stalled = asyncio.get_running_loop().create_task(self._drain(raw))
            return
        coroutine = self._send(frame)
        try:
            waiting = coroutine.send(None)
        except StopIteration:
            self._done()
            return
        except Exception:
            self._failed()
            return
        self._started_send = coroutine
        self._stalled = asyncio.get_running_loop().create_task(self._finish(coroutine, waiting))

    def _done(self) -> None:
        self.sent += 1
        self.superseded = 0

    def _failed(self) -> None:
        logger.debug("a websocket send failed; giving the socket up", exc_info=True)
        self._stop()

    async def _finish(self, coroutine: Coroutine[Any, Any, None], waiting: Any) -> None:
        try:
            await _Resumed(coroutine, waiting)
            self._started_send = None
            self._done()
            while self._pending and not self.closed:
                slot = next(iter(self._pending))
                frame = self._pending.pop(slot)
                await self._send(frame)
                self._done()
        except asyncio.CancelledError:
            raise
        except Exception:
            self._failed()
        finally:
            if self._stalled is asyncio.current_task():
                self._stalled = None
                self._started_send = None

    async def _drain(self, raw: RawWriter) -> None:
        """The transport paused: wait until it drains, write what waits meanwhile."""
        try:
            while True:
                await raw.drained()
                if self.closed or not self._pending:
                    return
                slot = next(iter(self._pending))
                taking = raw.write(self._pending.pop(slot))
                if taking is None:
                    self._stop()
                    return
                self._done()
                if taking and not self._pending:
                    return
        except asyncio.CancelledError:
            raise
        except Exception:
            self._failed()
        finally:
            if self._stalled is asyncio.current_task():
                self._stalled = None


class _Resumed:
    """Awaits a coroutine that was started by hand (``coroutine.send(None)``) and
    suspended on ``waiting``: the enclosing task waits for what it waits for and
    resumes it, as if the task had started it (cancellation included)."""

    __slots__ = ("_coroutine", "_waiting")

    def __init__(self, coroutine: Coroutine[Any, Any, None], waiting: Any) -> None:
        self._coroutine = coroutine
        self._waiting = waiting

    def __await__(self) -> Generator[Any, None, None]:
        coroutine, waiting = self._coroutine, self._waiting
        while True:
            try:
                yield waiting
            except GeneratorExit:
                coroutine.close()
                raise
            except BaseException as thrown:
                try:
                    waiting = coroutine.throw(thrown)
                except StopIteration:
                    return
                continue
            try:
                waiting = coroutine.send(None)
            except StopIteration:
                return
