"""The server's log: one format for every line, and the request id on each.

``QUIZGRAPH_LOG_FORMAT`` picks the format: ``text`` (human-readable, the default
outside production) or ``json`` (one JSON object a line, the default in production).
Every line written while a request runs carries that request's id, from a context
variable the web layer sets (``app.web.request_log``), so the lines a request causes
can be found by the id its response carries in ``X-Request-ID``.

A line's structured fields travel in ``extra={"fields": {...}}``: the JSON format
writes them as keys of the object, the text format after the message.

The JSON format's handler (``JsonLineHandler``) hands each finished line to a writer
thread (``LineWriter``), which writes whatever has queued up in one call: the event
loop never waits on the log's pipe, and a busy server makes one write for many lines.
The request log's line skips ``logging``'s record, filter and formatter altogether when
nothing but that handler would see it (``request_line_writer``); the line is the same.
"""

from __future__ import annotations

import atexit
import logging
import os
import queue
import sys
import threading
import time
from collections.abc import Callable, Mapping
from contextvars import ContextVar
from datetime import UTC, datetime
from typing import IO, Any, Literal

from app.core.json import dumps

request_id_var: ContextVar[str | None] = ContextVar("quizgraph_request_id", default=None)

# uvicorn's loggers write through ours; its access log is replaced by the request line.
_UVICORN_LOGGERS = ("uvicorn", "uvicorn.error")


class DeferredText:
    """A message whose text is built only when a text line is written.

    A JSON line carries the structured fields and this short ``name`` as its message,
    so the per-request summary costs nothing in production's format.
    """

    __slots__ = ("build", "name")

    def __init__(self, name: str, build: Callable[[], str]) -> None:
        self.name = name
        self.build = build

    def __str__(self) -> str:
        return self.build()


class RequestIdFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        if not hasattr(record, "request_id"):
            record.request_id = request_id_var.get()
        return True


_second: tuple[int, str] = (-1, "")


def iso_time(created: float) -> str:
    """``created`` (seconds since the epoch) as UTC ISO 8601 to the millisecond; the
    date and time of day are made once a second, not once a line."""
    global _second
    second = int(created)
    cached = _second  # one read: another thread may replace it meanwhile
    if cached[0] != second:
        cached = _second = (
            second,
            datetime.fromtimestamp(second, UTC).strftime("%Y-%m-%dT%H:%M:%S"),
        )
    return f"{cached[1]}.{int((created - second) * 1000):03d}+00:00"


def json_line(record: logging.LogRecord, exception: str | None = None) -> bytes:
    """The record as one JSON object (no newline)."""
    fields = getattr(record, "fields", None)
    return json_object(
        created=record.created,
        level=record.levelname.lower(),
        logger=record.name,
        message=record.msg.name if isinstance(record.msg, DeferredText) else record.getMessage(),
        request_id=getattr(record, "request_id", None),
        fields=fields if isinstance(fields, dict) else None,
        exception=exception,
    )


def json_object(
    *,
    created: float,
    level: str,
    logger: str,
    message: str,
    request_id: str | None,
    fields: Mapping[str, object] | None = None,
    exception: str | None = None,
) -> bytes:
    """One JSON log line (no newline): what the JSON handler writes for a record, and
    what the request log writes without making one (``request_line_writer``)."""
    line: dict[str, object] = {
        "time": iso_time(created),
        "level": level,
        "logger": logger,
        "message": message,
    }
    if request_id is not None:
        line["request_id"] = request_id
    if fields:
        line.update(fields)
    if exception is not None:
        line["exception"] = exception
    return dumps(line)


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        return self.format_bytes(record).decode()

    def format_bytes(self, record: logging.LogRecord) -> bytes:
        exception = self.formatException(record.exc_info) if record.exc_info else None
        return json_line(record, exception)


class TextFormatter(logging.Formatter):
    def __init__(self) -> None:
        super().__init__("%(asctime)s %(levelname)s %(name)s %(message)s")

    def format(self, record: logging.LogRecord) -> str:
        text = super().format(record)
        request_id = getattr(record, "request_id", None)
        if request_id is not None:
            text = f"{text} [request {request_id}]"
        return text


class LineWriter:
    """Writes finished lines from a thread of its own, each batch in one write.

    ``write`` only queues the line; the thread takes everything queued, writes it and
    flushes, then rests ``PAUSE`` seconds so a busy process's lines gather into few
    writes (and few wake-ups of the thread). Idle, the thread sleeps on the queue: no
    wake-ups. Lines still queued at exit are written (``atexit``); a forked child starts
    a thread of its own on its first line.
    """

    PAUSE = 0.01

    def __init__(self, stream: IO[Any]) -> None:
        self._stream = stream
        self._binary: IO[bytes] | None = getattr(stream, "buffer", None)
        self._queue: queue.SimpleQueue[bytes | threading.Event] = queue.SimpleQueue()
        self._thread: threading.Thread | None = None
        self._pid = 0
        self._lock = threading.Lock()

    def write(self, line: bytes) -> None:
        """Queue one line (without its newline)."""
        if self._pid != _pid:
            self._start()
        self._queue.put(line)

    def flush(self, timeout: float = 5) -> bool:
        """Return once every line queued before the call is written (True), or after
        ``timeout`` seconds (False: a stuck pipe must not hang the process's exit)."""
        if self._thread is None or self._pid != _pid:
            return True
        written = threading.Event()
        self._queue.put(written)
        return written.wait(timeout)

    def _start(self) -> None:
        with self._lock:
            if self._pid == _pid:
                return
            self._queue = queue.SimpleQueue()
            self._thread = threading.Thread(
                target=self._run, name="quizgraph-log-writer", daemon=True
            )
            self._pid = _pid
            self._thread.start()

    def _run(self) -> None:
        take = self._queue.get
        take_queued = self._queue.get_nowait
        while True:
            batch = [take()]
            try:
                while len(batch) < 10_000:
                    batch.append(take_queued())
            except queue.Empty:
                pass
            lines = [item for item in batch if isinstance(item, bytes)]
            if lines:
                self._write(b"\n".join(lines) + b"\n")
            for item in batch:
                if isinstance(item, threading.Event):
                    item.set()
            time.sleep(self.PAUSE)

    def _write(self, data: bytes) -> None:
        # No exception may leave the thread (it would end it); a log that cannot be
        # written (its pipe closed) loses its lines, as a StreamHandler's would.
        try:
            if self._binary is not None:
                self._binary.write(data)
                self._binary.flush()
            else:
                self._stream.write(data.decode())
                self._stream.flush()
        except Exception:
            pass


class JsonLineHandler(logging.Handler):
    """The JSON format's handler: each record as one JSON line, written by a
    ``LineWriter`` (no lock held, no write made by the logging thread)."""

    def __init__(self, stream: IO[Any]) -> None:
        super().__init__()
        self.writer = LineWriter(stream)
        self.json = JsonFormatter()

    def emit(self, record: logging.LogRecord) -> None:
        try:
            self.writer.write(self.json.format_bytes(record))
        except Exception:
            self.handleError(record)

    def handle(self, record: logging.LogRecord) -> bool:
        # Without Handler.handle's lock: the writer's queue is thread-safe.
        if not self.filter(record):
            return False
        self.emit(record)
        return True

    def flush(self) -> None:
        self.writer.flush()


_pid = os.getpid()


def _forked() -> None:
    global _pid
    _pid = os.getpid()


os.register_at_fork(after_in_child=_forked)

_json_handler: JsonLineHandler | None = None


def request_line_writer(logger: logging.Logger) -> LineWriter | None:
    """The JSON handler's writer when ``logger``'s info line would reach that handler
    and nothing else: the caller may then write the line itself (as ``json_line``
    would make it). None otherwise (another handler, a filter, the text format, a
    level above info): the caller logs as usual."""
    handler = _json_handler
    if handler is None or handler.level > logging.INFO or len(handler.filters) != 1:
        return None
    if logger.disabled or logger.filters or not logger.isEnabledFor(logging.INFO):
        return None
    current: logging.Logger | None = logger
    while current is not None and current is not logging.root:
        if current.handlers or not current.propagate:
            return None
        current = current.parent
    handlers = logging.root.handlers
    if len(handlers) != 1 or handlers[0] is not handler:
        return None
    return handler.writer


def configure_logging(
    log_format: Literal["json", "text"], level: int = logging.INFO, stream: IO[Any] | None = None
) -> None:
    """One handler on the root logger (``stream``, else stderr) in the chosen format,
    with request ids."""
    global _json_handler
    out = stream if stream is not None else sys.stderr
    root = logging.getLogger()
    for old in list(root.handlers):
        if getattr(old, "quizgraph", False):
            old.flush()
            root.removeHandler(old)
    handler: logging.Handler
    if log_format == "json":
        # One writer thread per stream across repeated configuration (tests, reloads).
        if _json_handler is not None and _json_handler.writer._stream is out:
            handler = _json_handler
        else:
            handler = _json_handler = JsonLineHandler(out)
    else:
        handler = logging.StreamHandler(out)
        handler.setFormatter(TextFormatter())
    if not handler.filters:
        handler.addFilter(RequestIdFilter())
    setattr(handler, "quizgraph", True)  # noqa: B010 (how the next call finds it)
    root.addHandler(handler)
    root.setLevel(level)
    # Each line would otherwise walk the stack for its caller's file and line (which
    # no format here prints) and look up the thread and process: a cost per request.
    logging._srcfile = None
    logging.logThreads = False
    logging.logProcesses = False
    logging.logMultiprocessing = False
    for name in _UVICORN_LOGGERS:
        uvicorn_logger = logging.getLogger(name)
        uvicorn_logger.handlers.clear()
        uvicorn_logger.propagate = True
    logging.getLogger("uvicorn.access").disabled = True


def _flush_at_exit() -> None:
    if _json_handler is not None:
        _json_handler.writer.flush()


atexit.register(_flush_at_exit)
