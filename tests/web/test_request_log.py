"""One log line per request, in JSON or text, its request id on every line it causes,
and never a secret: no password, API key secret or session token."""

from __future__ import annotations

import io
import json
import logging
from collections.abc import Iterator
from typing import Any

import pytest
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.core.logging import JsonFormatter, RequestIdFilter, TextFormatter
from app.core.settings import Settings
from app.web.credentials import resolve_actor
from app.web.request_log import RequestLogMiddleware
from tests.api_keys.support import VIEWER, as_key, create_key
from tests.support.factories import OrgFixture
from tests.support.fixture_types import ClientFactory, SignIn


class Captured:
    def __init__(self, stream: io.StringIO) -> None:
        self.stream = stream

    @property
    def text(self) -> str:
        return self.stream.getvalue()

    def lines(self) -> list[dict[str, Any]]:
        return [json.loads(line) for line in self.text.splitlines()]

    def requests(self) -> list[dict[str, Any]]:
        return [line for line in self.lines() if line["logger"] == "quizgraph.request"]

    def of(self, request_id: str) -> list[dict[str, Any]]:
        return [line for line in self.lines() if line.get("request_id") == request_id]


def capture(formatter: logging.Formatter) -> Iterator[Captured]:
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(formatter)
    handler.addFilter(RequestIdFilter())
    root = logging.getLogger()
    root.addHandler(handler)
    try:
        yield Captured(stream)
    finally:
        root.removeHandler(handler)


@pytest.fixture
def json_log() -> Iterator[Captured]:
    yield from capture(JsonFormatter())


@pytest.fixture
def text_log() -> Iterator[Captured]:
    yield from capture(TextFormatter())


async def test_a_keyed_request_has_one_line_with_its_fields_and_no_secret(
    json_log: Captured, org: OrgFixture, signed_in: SignIn, client_factory: ClientFactory
) -> None:
    owner = await signed_in(org, "owner")
    session_token = owner.http.cookies["qg_session"]
    key = await create_key(owner, ["org:read"])
    partner = client_factory()
    answered = await as_key(partner, key, "query PartnerViewer " + VIEWER)
    assert answered.ok()
    request_id = answered.response.headers["x-request-id"]
    [line] = [line for line in json_log.of(request_id) if line["logger"] == "quizgraph.request"]
    assert line["operation_type"] == "query"
    assert line["operation_name"] == "PartnerViewer"
    assert line["credential_kind"] == "api_key"
    assert line["credential_label"] == key.prefix
    assert line["org_slug"] == org.slug
    assert line["org_id"] == str(org.id)
    assert line["status"] == 200
    assert line["duration_ms"] >= 0
    assert "error_codes" not in line
    assert line["time"].endswith("+00:00")
    by_session = await owner.gql("query OwnerViewer { viewer { kind } }")
    [session_line] = json_log.of(by_session.response.headers["x-request-id"])
    assert session_line["credential_kind"] == "member"
    assert session_line["credential_label"] == "owner"
    assert session_line["org_slug"] == org.slug
    for secret in (key.secret, org.account("owner").password, session_token):
        assert secret not in json_log.text


async def test_a_failed_login_logs_its_code_and_not_the_password(
    json_log: Captured, org: OrgFixture, client_factory: ClientFactory
) -> None:
    wrong_password = "not the right one, 7fe3"
    result = await client_factory().login(org.slug, org.portal_code, "owner", wrong_password)
    assert result.code == "INVALID_CREDENTIALS"
    [line] = [
        line
        for line in json_log.of(result.response.headers["x-request-id"])
        if line["logger"] == "quizgraph.request"
    ]
    assert line["operation_type"] == "mutation"
    assert line["operation_name"] == "Login"
    assert line["error_codes"] == ["INVALID_CREDENTIALS"]
    assert line["credential_kind"] == "anonymous"
    assert wrong_password not in json_log.text


async def test_a_refused_key_logs_the_doors_code_and_not_the_key(
    json_log: Captured, client_factory: ClientFactory
) -> None:
    secret = "qk_made_up_secret_0123456789abcdef"
    refused = await as_key(client_factory(), secret, VIEWER)
    assert refused.status == 401
    [line] = json_log.of(refused.response.headers["x-request-id"])
    assert line["error_codes"] == [refused.code]
    assert line["credential_kind"] == "api_key"
    assert line["status"] == 401
    assert secret not in json_log.text


async def test_every_line_a_request_causes_carries_its_id(
    json_log: Captured,
    org: OrgFixture,
    signed_in: SignIn,
    client_factory: ClientFactory,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    async def resolve_and_say_so(*args: Any, **kwargs: Any) -> Any:
        logging.getLogger("quizgraph.test").warning("resolving a credential")
        return await resolve_actor(*args, **kwargs)

    monkeypatch.setattr("app.web.door.resolve_actor", resolve_and_say_so)
    sent_id = "trace-0123456789"
    response = await client_factory().http.post(
        "/graphql", json={"query": "{ __typename }"}, headers={"X-Request-ID": sent_id}
    )
    assert response.headers["x-request-id"] == sent_id
    lines = json_log.of(sent_id)
    assert [line["logger"] for line in lines] == ["quizgraph.test", "quizgraph.request"]
    assert lines[0]["level"] == "warning"


async def test_text_lines_are_readable_and_name_the_request(
    text_log: Captured, org: OrgFixture, signed_in: SignIn
) -> None:
    teacher = await signed_in(org, "teacher")
    response = await teacher.http.post(
        "/graphql", json={"query": "query TeacherViewer { viewer { kind } }"}
    )
    request_id = response.headers["x-request-id"]
    [line] = [line for line in text_log.text.splitlines() if request_id in line]
    assert "quizgraph.request POST /graphql 200" in line
    assert "query TeacherViewer member teacher" in line
    assert line.endswith(f"[request {request_id}]")


def test_production_logs_json_and_development_text() -> None:
    assert Settings(environment="production").resolved_log_format == "json"
    assert Settings(environment="development").resolved_log_format == "text"
    assert Settings(environment="production", log_format="text").resolved_log_format == "text"


async def _call(app: ASGIApp, *, disconnect: bool) -> None:
    scope: dict[str, Any] = {
        "type": "http",
        "method": "POST",
        "path": "/graphql",
        "headers": [],
        "state": {"request_id": "r-closed"},
    }

    async def receive() -> Message:
        if disconnect:
            return {"type": "http.disconnect"}
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(_message: Message) -> None:
        pass

    await RequestLogMiddleware(app)(scope, receive, send)


async def test_a_request_whose_client_went_away_logs_499_and_a_failure_500(
    json_log: Captured,
) -> None:
    async def gives_up(scope: Scope, receive: Receive, send: Send) -> None:
        await receive()  # the client cancelled its fetch: nothing to answer

    async def fails(scope: Scope, receive: Receive, send: Send) -> None:
        raise RuntimeError("broken")

    await _call(gives_up, disconnect=True)
    with pytest.raises(RuntimeError):
        await _call(fails, disconnect=False)
    assert [line["status"] for line in json_log.requests()] == [499, 500]
