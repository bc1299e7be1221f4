"""OpenTelemetry traces: off unless configured; on, a request (or a websocket to /graphql)
makes a server span with a GraphQL operation span under it and the database statements
under that."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator, Iterator

import pytest
from opentelemetry.sdk.trace import ReadableSpan
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter
from opentelemetry.trace import SpanKind
from starlette.applications import Starlette

from app.core import tracing
from app.core.settings import get_settings
from app.graphql.compiled import stats
from app.schema import schema
from app.web.app import create_app
from app.web.tracing import websocket_server_span
from tests.leaderboards.test_live import key_for
from tests.support.client import ApiClient
from tests.support.factories import OrgFixture
from tests.web.test_websocket_entry import connect, message, serving

BOARD = (
    "subscription Board($slug: String!) { leaderboardUpdated(orgSlug: $slug) { entries { rank } } }"
)
QUIZZES = """
query OrgQuizzes($slug: String!) {
  organization(slug: $slug) { name quizzes(first: 5) { totalCount } }
}
"""


@pytest.fixture
def otel_configured(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    # Never contacted: the test exports to memory instead.
    monkeypatch.setenv("QUIZGRAPH_OTEL_ENDPOINT", "http://127.0.0.1:9")
    get_settings.cache_clear()
    yield
    monkeypatch.delenv("QUIZGRAPH_OTEL_ENDPOINT")
    get_settings.cache_clear()


@pytest.fixture
async def traced(
    app: Starlette, otel_configured: None
) -> AsyncIterator[tuple[Starlette, InMemorySpanExporter]]:
    exporter = InMemorySpanExporter()
    tracing.start(get_settings(), exporter=exporter)
    try:
        yield create_app(), exporter
    finally:
        tracing.stop()


def ancestors(span: ReadableSpan, by_id: dict[int, ReadableSpan]) -> list[str]:
    names = []
    parent = span.parent
    while parent is not None and parent.span_id in by_id:
        found = by_id[parent.span_id]
        names.append(found.name)
        parent = found.parent
    return names


async def test_a_request_makes_server_operation_and_database_spans(
    traced: tuple[Starlette, InMemorySpanExporter], org: OrgFixture
) -> None:
    # given a server with traces configured, and a signed-in owner
    app, exporter = traced
    client = ApiClient(app)
    account = org.account("owner")
    try:
        await client.login(org.slug, org.portal_code, account.username, account.password)
        exporter.clear()
        compiled_before = stats.compiled
        # when they run a named query
        result = await client.gql(QUIZZES, {"slug": org.slug})
    finally:
        await client.close()
    assert result.ok()["organization"]["quizzes"]["totalCount"] == 0
    request_id = result.response.headers["x-request-id"]
    spans = exporter.get_finished_spans()
    by_id = {span.context.span_id: span for span in spans}
    # then one server span carries the request id
    servers = [s for s in spans if s.name == "POST /graphql"]
    assert len(servers) == 1, [s.name for s in spans]
    server = servers[0]
    assert server.attributes is not None
    assert server.attributes[tracing.REQUEST_ID_ATTRIBUTE] == request_id
    # and the operation's span, named after it, is its child with the same request id
    [operation] = [s for s in spans if s.name == "GraphQL Query: OrgQuizzes"]
    assert operation.parent is not None and operation.parent.span_id == server.context.span_id
    assert operation.attributes is not None
    assert operation.attributes["graphql.operation.name"] == "OrgQuizzes"
    assert operation.attributes["graphql.operation.type"] == "query"
    assert operation.attributes[tracing.REQUEST_ID_ATTRIBUTE] == request_id
    assert {"GraphQL Parsing", "GraphQL Validation", "GraphQL Execution"} <= {
        s.name
        for s in spans
        if s.parent is not None and s.parent.span_id == operation.context.span_id
    }
    # and the query's statements are spans below the operation's, in the same trace
    statements = [s for s in spans if (s.attributes or {}).get("db.system") is not None]
    under_operation = [s for s in statements if operation.name in ancestors(s, by_id)]
    assert any("SELECT" in s.name.upper() for s in under_operation), [s.name for s in statements]
    assert all(s.context.trace_id == server.context.trace_id for s in statements)
    # and the query still ran from its compiled plan (tracing adds no resolver middleware)
    assert stats.compiled > compiled_before


async def test_errors_are_on_the_operation_span(
    traced: tuple[Starlette, InMemorySpanExporter], org: OrgFixture
) -> None:
    app, exporter = traced
    client = ApiClient(app)
    try:
        result = await client.gql(QUIZZES, {"slug": org.slug})
    finally:
        await client.close()
    assert "UNAUTHENTICATED" in result.codes or "NOT_FOUND" in result.codes, result
    [operation] = [s for s in exporter.get_finished_spans() if s.name.startswith("GraphQL Query")]
    assert operation.attributes is not None
    assert list(operation.attributes["graphql.error_codes"]) == sorted(set(result.codes))  # type: ignore[arg-type]
    assert not operation.status.is_ok


async def test_a_websocket_makes_a_server_span_over_its_subscriptions(
    traced: tuple[Starlette, InMemorySpanExporter], org: OrgFixture
) -> None:
    # given a server with traces configured, and a key that reads leaderboards
    app, exporter = traced
    owner = await org.signed_in(app, "owner")
    _key_id, secret = await key_for(owner, ["leaderboard:read"])
    exporter.clear()
    async with serving(app) as url:
        # when a client opens a socket to /graphql (the entry that skips the middleware
        # stack) and subscribes to a board
        socket = await connect(url, {"X-Request-ID": "ws-span-0123456789"})
        payload = {"authorization": f"Bearer {secret}"}
        await socket.send(json.dumps({"type": "connection_init", "payload": payload}))
        assert (await message(socket))["type"] == "connection_ack"
        subscribe = {"query": BOARD, "variables": {"slug": org.slug}}
        await socket.send(json.dumps({"id": "1", "type": "subscribe", "payload": subscribe}))
        assert (await message(socket))["type"] == "next"
        await socket.close()
    spans = exporter.get_finished_spans()
    # then the connection has one server span carrying its request id
    servers = [s for s in spans if s.kind == SpanKind.SERVER]
    assert len(servers) == 1, [(s.name, s.kind) for s in spans]
    [server] = servers
    assert server.attributes is not None
    assert server.attributes[tracing.REQUEST_ID_ATTRIBUTE] == "ws-span-0123456789"
    # and the subscription's operation span is under it, in the same trace
    # (Strawberry's extension names a subscription's span "GraphQL Query" too)
    [operation] = [s for s in spans if s.name == "GraphQL Query: Board"]
    assert operation.attributes is not None
    assert operation.attributes["graphql.operation.type"] == "subscription"
    assert operation.parent is not None and operation.parent.span_id == server.context.span_id
    assert operation.context.trace_id == server.context.trace_id


def test_off_unless_configured() -> None:
    settings = get_settings()
    assert not tracing.enabled(settings)
    assert tracing.provider() is None

    async def view(scope: object, receive: object, send: object) -> None: ...

    # a websocket's view is served as it is: no middleware, no frame per connection
    assert websocket_server_span(view) is view
    # the schema a server without traces uses carries no tracing part
    names = [extension.__name__ for extension in schema.extensions]
    assert names == ["RequestPipeline"]
    parts = [part.__name__ for part in schema.extensions[0].parts]  # type: ignore[union-attr]
    assert "OperationTracing" not in parts


def test_the_standard_variable_turns_traces_on(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector:4318")
    assert tracing.enabled(get_settings())
