"""The server's log: one format for every line, and the request id on each.

``QUIZGRAPH_LOG_FORMAT`` picks the format: ``text`` (human-readable, the default
outside production) or ``json`` (one JSON object a line, the default in production).
Every line written while a request runs carries that request's id, from a context
variable the web layer sets (``app.web.request_log``), so the lines a request causes
can be found by the id its response carries in ``X-Request-ID``.

A line's structured fields travel in ``extra={"fields": {...}}``: the JSON format
writes them as keys of the object, the text format after the message.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from contextvars import ContextVar
from datetime import UTC, datetime
from typing import Literal

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


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        line: dict[str, object] = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname.lower(),
            "logger": record.name,
            "message": record.msg.name
            if isinstance(record.msg, DeferredText)
            else record.getMessage(),
        }
        request_id = getattr(record, "request_id", None)
        if request_id is not None:
            line["request_id"] = request_id
        fields = getattr(record, "fields", None)
        if isinstance(fields, dict):
            line.update(fields)
        if record.exc_info:
            line["exception"] = self.formatException(record.exc_info)
        return dumps(line).decode()


class TextFormatter(logging.Formatter):
    def __init__(self) -> None:
        super().__init__("%(asctime)s %(levelname)s %(name)s %(message)s")

    def format(self, record: logging.LogRecord) -> str:
        text = super().format(record)
        request_id = getattr(record, "request_id", None)
        if request_id is not None:
            text = f"{text} [request {request_id}]"
        return text


def configure_logging(log_format: Literal["json", "text"], level: int = logging.INFO) -> None:
    """One handler on the root logger (stderr) in the chosen format, with request ids."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(JsonFormatter() if log_format == "json" else TextFormatter())
    handler.addFilter(RequestIdFilter())
    root = logging.getLogger()
    for old in list(root.handlers):
        if getattr(old, "quizgraph", False):
            root.removeHandler(old)
    handler.quizgraph = True  # type: ignore[attr-defined]
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
