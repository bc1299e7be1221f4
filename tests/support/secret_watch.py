"""A watch over the whole test run: no secret the tests made ever reaches a log line.

Every API key secret, session token (org and platform), webhook signing secret and
TOTP secret the app generates in this process is noted where it is made, and every
log record any logger writes is formatted as both of the server's formats would write
it. At the end of the session each secret is looked for among the words of the log
(the secrets are single words of ``[A-Za-z0-9_+/=-]``), and the tests' shared password
as a phrase; a find fails the run (``pytest_sessionfinish`` in ``tests/conftest.py``).
Under pytest-xdist each worker process watches its own tests and reports what it found
to the controller, which fails the run for any worker's find.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from typing import Any

from app.core.logging import JsonFormatter, RequestIdFilter, TextFormatter
from tests.support.factories import PASSWORD

# (module, attribute) of each generator of a secret, where its callers look it up.
GENERATORS: tuple[tuple[str, str], ...] = (
    ("app.api_keys.service", "new_secret"),
    ("app.auth.service", "new_session_token"),
    ("app.platform.signin", "new_session_token"),
    ("app.webhooks.signing", "new_secret"),
    ("app.platform.totp", "new_secret"),
)
WORD = re.compile(r"[A-Za-z0-9_+/=\-]{12,}")


class _Capture(logging.Handler):
    def __init__(self) -> None:
        super().__init__(level=logging.DEBUG)
        self.words: set[str] = set()
        self.password_seen = False
        self.lines = 0
        self._formats = (JsonFormatter(), TextFormatter())
        self.addFilter(RequestIdFilter())

    def emit(self, record: logging.LogRecord) -> None:
        for formatter in self._formats:
            try:
                text = formatter.format(record)
            except Exception:  # a record a format can't render can't leak through it
                continue
            self.lines += 1
            self.words.update(WORD.findall(text))
            self.password_seen = self.password_seen or PASSWORD in text


_capture = _Capture()
_made: list[str] = []


def start() -> None:
    import importlib

    for module_name, attribute in GENERATORS:
        module = importlib.import_module(module_name)
        setattr(module, attribute, _noting(getattr(module, attribute)))
    logging.getLogger().addHandler(_capture)


def _noting(generate: Callable[..., str]) -> Callable[..., str]:
    def noted(*args: Any, **kwargs: Any) -> str:
        secret = generate(*args, **kwargs)
        _made.append(secret)
        return secret

    return noted


def leaks() -> list[str]:
    """What the log showed: the secrets (shortened) and the password, if it did."""
    found = [f"{secret[:12]}…" for secret in _made if _pieces_logged(secret)]
    if _capture.password_seen:
        found.append("the tests' password")
    return found


def _pieces_logged(secret: str) -> bool:
    return any(word in _capture.words for word in WORD.findall(secret))


def counts() -> tuple[int, int]:
    """Secrets made and log lines checked in this process."""
    return len(_made), _capture.lines
