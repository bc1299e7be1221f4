"""The JSON log as production writes it: lines handed to a writer thread, and the
request line made without ``logging``'s record when only that log would see it; the
same line either way, one per request, the request id on every line."""

from __future__ import annotations

import io
import json
import logging
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from starlette.applications import Starlette

from app.core.logging import (
    JsonLineHandler,
    LineWriter,
    RequestIdFilter,
    configure_logging,
    request_id_var,
    request_line_writer,
)
from app.web.request_log import logger as request_logger
from tests.api_keys.support import VIEWER, as_key, create_key
from tests.support.factories import OrgFixture
from tests.support.fixture_types import ClientFactory, SignIn


class JsonLog:
    def __init__(self, stream: io.StringIO) -> None:
        self.stream = stream

    def lines(self) -> list[dict[str, Any]]:
        # The writer thread has written every line queued so far (a generous bound:
        # a loaded machine may keep the thread waiting).
        for handler in logging.getLogger().handlers:
            if isinstance(handler, JsonLineHandler):
                assert handler.writer.flush(timeout=60)
        return [json.loads(line) for line in self.stream.getvalue().splitlines()]

    def of(self, request_id: str) -> list[dict[str, Any]]:
        return [line for line in self.lines() if line.get("request_id") == request_id]

    @contextmanager
    def alone(self) -> Iterator[None]:
        """Only the JSON handler on the root logger, as in production (pytest puts its
        capturing handlers there for each test's run; they are put back after)."""
        root = logging.getLogger()
        others = [handler for handler in root.handlers if not getattr(handler, "quizgraph", False)]
        for handler in others:
            root.removeHandler(handler)
        try:
            yield
        finally:
            for handler in others:
                root.addHandler(handler)


@pytest.fixture
def production_log(app: Starlette) -> Iterator[JsonLog]:
    """The root logger as production has it: the JSON handler alone (the secret watch's
    handler and the app's text one are set aside for the test and put back)."""
    root = logging.getLogger()
    kept, level = list(root.handlers), root.level
    for handler in kept:
        root.removeHandler(handler)
    stream = io.StringIO()
    configure_logging("json", stream=stream)
    try:
        yield JsonLog(stream)
    finally:
        for handler in list(root.handlers):
            handler.flush()
            root.removeHandler(handler)
        for handler in kept:
            root.addHandler(handler)
        root.setLevel(level)


async def test_a_keyed_request_writes_one_line_without_logging_and_the_same_line_with_it(
    production_log: JsonLog, org: OrgFixture, signed_in: SignIn, client_factory: ClientFactory
) -> None:
    owner = await signed_in(org, "owner")
    key = await create_key(owner, ["org:read"])
    partner = client_factory()
    with production_log.alone():
        assert request_line_writer(request_logger) is not None  # the direct path is taken
        direct = await as_key(partner, key, "query PartnerViewer " + VIEWER)
    [direct_line] = production_log.of(direct.response.headers["x-request-id"])

    # A second handler on the root logger: the line now goes through logging.
    other = logging.StreamHandler(io.StringIO())
    other.addFilter(RequestIdFilter())
    logging.getLogger().addHandler(other)
    try:
        assert request_line_writer(request_logger) is None
        logged = await as_key(partner, key, "query PartnerViewer " + VIEWER)
    finally:
        logging.getLogger().removeHandler(other)
    [logged_line] = production_log.of(logged.response.headers["x-request-id"])

    assert list(direct_line) == list(logged_line)  # the same keys in the same order
    for name in ("time", "request_id", "duration_ms"):
        direct_line.pop(name), logged_line.pop(name)
    assert direct_line == logged_line
    assert direct_line == {
        "level": "info",
        "logger": "quizgraph.request",
        "message": "request",
        "method": "POST",
        "path": "/graphql",
        "status": 200,
        "credential_kind": "api_key",
        "client_ip": direct_line["client_ip"],
        "credential_label": key.prefix,
        "org_id": str(org.id),
        "org_slug": org.slug,
        "operation_type": "query",
        "operation_name": "PartnerViewer",
    }
    assert key.secret not in production_log.stream.getvalue()


async def test_a_refused_request_logs_its_code_and_the_time_in_utc(
    production_log: JsonLog, client_factory: ClientFactory
) -> None:
    with production_log.alone():
        refused = await as_key(client_factory(), "qk_made_up_secret_0123456789abcdef", VIEWER)
    assert refused.status == 401
    [line] = production_log.of(refused.response.headers["x-request-id"])
    assert line["error_codes"] == [refused.code]
    assert line["status"] == 401
    assert line["credential_kind"] == "api_key"
    date, _, clock = line["time"].partition("T")
    assert len(date) == 10 and clock.endswith("+00:00") and len(clock) == len("12:00:00.000+00:00")


async def test_other_lines_carry_the_request_id_and_keep_their_order(
    production_log: JsonLog,
) -> None:
    token = request_id_var.set("request-id-0001")
    try:
        for n in range(300):
            logging.getLogger("quizgraph.test").warning("line %d", n)
    finally:
        request_id_var.reset(token)
    lines = production_log.lines()
    assert [line["message"] for line in lines] == [f"line {n}" for n in range(300)]
    assert {line["request_id"] for line in lines} == {"request-id-0001"}


async def test_the_direct_path_is_not_taken_when_the_line_would_not_be_written_alike(
    production_log: JsonLog,
) -> None:
    with production_log.alone():
        assert request_line_writer(request_logger) is not None
        request_logger.setLevel(logging.WARNING)
        try:
            assert request_line_writer(request_logger) is None  # the line is not wanted
        finally:
            request_logger.setLevel(logging.NOTSET)
        a_filter = RequestIdFilter()
        request_logger.addFilter(a_filter)
        try:
            assert request_line_writer(request_logger) is None  # a filter may change it
        finally:
            request_logger.removeFilter(a_filter)
        assert request_line_writer(request_logger) is not None
        configure_logging("text", stream=io.StringIO())
        assert request_line_writer(request_logger) is None  # the text format


async def test_a_writer_whose_stream_fails_loses_lines_without_raising() -> None:
    class Closed(io.StringIO):
        def write(self, text: str) -> int:
            raise ValueError("I/O operation on closed file")

    writer = LineWriter(Closed())
    writer.write(b'{"message": "lost"}')
    assert writer.flush(timeout=60)  # the thread survived the failed write
    good = io.StringIO()
    writer = LineWriter(good)
    writer.write(b'{"message": "kept"}')
    assert writer.flush(timeout=60)
    assert good.getvalue() == '{"message": "kept"}\n'
