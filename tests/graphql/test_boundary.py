"""The request boundary: one place owns the transaction, the error codes and the log.

Whatever fails around an operation (a hook, a commit), the client gets INTERNAL with
the request id its response carries, the server log has the detail under that id,
and nothing is written. Every error a client sees has a code, over HTTP and over a
websocket. And a GET, safe as its method promises, writes nothing.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import AsyncIterator, Callable
from typing import Any

import pytest
from sqlalchemy.exc import OperationalError
from sqlmodel import select
from starlette.requests import Request
from starlette.responses import Response

from app.access.actor import member_actor
from app.access.request import RequestMeta, ServiceContext
from app.access.scopes import Role
from app.auth.models import MemberSession
from app.auth.service import TOUCH_INTERVAL
from app.auth.tokens import token_digest
from app.core.clock import FrozenClock
from app.core.db import WRITE_OPTION, session_factory, unit_of_work
from app.core.session import SerialisedSession
from app.events.bus import Event
from app.graphql.context import Context
from app.schema import schema
from tests.support.client import ApiClient, GraphQLResult
from tests.support.factories import OrgFixture
from tests.support.fixture_types import SignIn
from tests.support.servers import Deployment, deployment
from tests.support.sessions import record_sessions, warm_credential_cache
from tests.support.websocket import LEGACY_WS, TRANSPORT_WS, Subscriber

ADD = "mutation($input: AddMemberInput!) { addMember(input: $input) { member { id } } }"


def new_member(username: str) -> dict[str, Any]:
    return {
        "input": {
            "username": username,
            "displayName": "Hooked",
            "role": "STUDENT",
            "password": "a long enough password",
        }
    }


# --- A failure around the operation: how each hook is broken --------------------------


def break_begin_write(monkeypatch: pytest.MonkeyPatch, secret: str) -> None:
    """The writer transaction can't start (SQLite's lock, a lost connection)."""
    original = SerialisedSession.connection

    async def connection(self: SerialisedSession, *args: Any, **kwargs: Any) -> Any:
        if (kwargs.get("execution_options") or {}).get(WRITE_OPTION):
            raise RuntimeError(f"begin_write exploded: {secret}")
        return await original(self, *args, **kwargs)

    monkeypatch.setattr(SerialisedSession, "connection", connection)


def break_commit(monkeypatch: pytest.MonkeyPatch, secret: str) -> None:
    """The commit fails with a database error that is not a constraint (a full disk)."""

    async def commit(self: SerialisedSession) -> None:
        raise OperationalError("COMMIT", {}, Exception(f"disk I/O error: {secret}"))

    monkeypatch.setattr(SerialisedSession, "commit", commit)


BREAKAGES = [
    pytest.param(break_begin_write, id="begin_write-raises"),
    pytest.param(break_commit, id="commit-raises-a-non-integrity-error"),
]


async def member_exists(org: OrgFixture, username: str) -> bool:
    async with unit_of_work(write=False) as db:
        from app.members import repository as members

        return await members.by_username(db, org.id, username) is not None


def assert_masked_and_logged(
    error: dict[str, Any], request_id: str, secret: str, caplog: pytest.LogCaptureFixture
) -> None:
    assert error["extensions"] == {"code": "INTERNAL", "requestId": request_id}, error
    assert request_id in error["message"] and secret not in error["message"]
    logged = [r for r in caplog.records if request_id in r.getMessage() and r.exc_info]
    assert logged, caplog.text
    assert secret in "".join(logging.Formatter().formatException(logged[0].exc_info))  # type: ignore[arg-type]


def operation_context(org: OrgFixture, db: Any, request_id: str) -> Context:
    """What the HTTP door hands the schema: a POST by the org's owner."""
    owner = org.account("owner")
    actor = member_actor(org_id=org.id, member_id=owner.id, role=Role.OWNER, username="owner")
    request = Request({"type": "http", "method": "POST", "headers": [], "path": "/graphql"})
    sc = ServiceContext(db=db, actor=actor, meta=RequestMeta(request_id=request_id))
    return Context(request=request, response=Response(), sc=sc)


@pytest.mark.parametrize("breakage", BREAKAGES)
async def test_a_hook_failure_is_internal_with_the_request_id_logged_and_nothing_written(
    org: OrgFixture,
    signed_in: SignIn,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
    events: list[Event],
    breakage: Callable[[pytest.MonkeyPatch, str], None],
) -> None:
    # over HTTP: the id is the response's X-Request-ID
    owner = await signed_in(org, "owner")
    secret = f"secret-{uuid.uuid4().hex[:8]}"
    breakage(monkeypatch, secret)
    caplog.set_level(logging.ERROR)
    result = await owner.gql(ADD, new_member("hooked"))
    monkeypatch.undo()
    assert result.status == 200 and result.data is None
    assert len(result.errors) == 1
    request_id = result.response.headers["x-request-id"]
    assert_masked_and_logged(result.errors[0], request_id, secret, caplog)
    assert secret not in result.response.text
    assert not await member_exists(org, "hooked")
    assert events == []
    # and through the schema alone, whatever transport runs it (a websocket, a test): no
    # transport classifies again, the boundary's answer is the final one
    secret = f"secret-{uuid.uuid4().hex[:8]}"
    request_id = f"req-{uuid.uuid4().hex[:12]}"
    async with session_factory()() as db:
        breakage(monkeypatch, secret)
        direct = await schema.execute(
            ADD,
            variable_values=new_member("direct"),
            context_value=operation_context(org, db, request_id),
        )
        monkeypatch.undo()
    assert direct.data is None
    errors = direct.errors or []
    assert len(errors) == 1, errors
    assert_masked_and_logged(dict(errors[0].formatted), request_id, secret, caplog)
    assert not await member_exists(org, "direct")
    assert events == []


# --- GET is safe --------------------------------------------------------------------


async def last_seen(cookie: str) -> Any:
    async with unit_of_work(write=False) as db:
        found = await db.exec(
            select(MemberSession.last_seen_at).where(
                MemberSession.token_hash == token_digest(cookie)
            )
        )
        return found.one()


async def test_a_get_query_with_a_cookie_writes_nothing(
    org: OrgFixture, signed_in: SignIn, frozen_clock: FrozenClock
) -> None:
    owner: ApiClient = await signed_in(org, "owner")
    cookie = owner.http.cookies["qg_session"]
    before = await last_seen(cookie)
    # when the session's touch is due, and a query arrives by GET (from another site)
    frozen_clock.advance(seconds=TOUCH_INTERVAL.total_seconds() * 3)
    response = await owner.http.get(
        "/graphql",
        params={"query": "{ viewer { kind member { username } } }"},
        headers={"origin": "https://elsewhere.example"},
    )
    # then it runs as the member, and the session's last sight is unchanged
    assert GraphQLResult(response).ok()["viewer"] == {
        "kind": "MEMBER",
        "member": {"username": "owner"},
    }
    assert await last_seen(cookie) == before
    # while the same query by POST does move it (the touch was due)
    (await owner.gql("{ viewer { kind } }")).ok()
    assert await last_seen(cookie) > before


# --- Every error a client sees has a code ----------------------------------------------

NESTED = "subscription { " + "a { " * 1200 + "b" + " }" * 1200 + " }"
BOARD = "subscription($slug: String!) { leaderboardUpdated(orgSlug: $slug) { entries { rank } } }"
BAD_OVER_HTTP = [
    ("{ viewer { kind ", {}),  # a syntax error
    ("{ viewer { nope } }", {}),  # an unknown field
    ("query($n: Int) { viewer { kind } }", {"n": "x"}),  # a variable of the wrong type
    ("query($id: ID!) { node(id: $id) { id } }", {"id": ""}),  # not a global id
    ("{ " + "a { " * 1200 + "b" + " }" * 1200 + " }", {}),  # nested past the parser's stack
    ("{ " + "viewer { kind } " * 2000 + "}", {}),  # past the token cap
]


@pytest.fixture(scope="module")
async def server(database_url: str) -> AsyncIterator[Deployment]:
    env = {"QUIZGRAPH_MAX_SUBSCRIPTIONS_PER_CONNECTION": "1"}
    async with deployment(database_url, extra_env=env) as running:
        yield running


def errors_of(messages: list[dict[str, Any]]) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = []
    for message in messages:
        payload: Any = message.get("payload")
        if message["type"] == "error":
            found += payload if isinstance(payload, list) else [payload]
        elif message["type"] in {"next", "data"}:
            found += payload.get("errors") or []
    return found


@pytest.mark.parametrize("protocol", [TRANSPORT_WS, LEGACY_WS])
async def test_every_error_of_bad_requests_has_a_code_over_http_and_websocket(
    server: Deployment, protocol: str
) -> None:
    owner = await server.signed_in("owner")
    for document, variables in BAD_OVER_HTTP:
        result = await owner.gql(document, variables)
        assert result.errors, result
        assert set(result.codes) <= {"BAD_USER_INPUT", "QUERY_TOO_COMPLEX"}, result
    socket = await Subscriber.connect(
        server.ws_url(), cookie=owner.http.cookies["qg_session"], protocol=protocol
    )
    await socket.acknowledged()
    # a subscription nested past the parser's stack, an unknown field, a query
    for op_id, document in [
        ("deep", NESTED),
        ("unknown", "subscription { nope }"),
        ("query", "{ viewer { kind } }"),
    ]:
        await socket.subscribe(document, {}, op_id=op_id)
        errors = errors_of((await socket.outcomes([op_id]))[op_id])
        assert errors, op_id
        assert all(e["extensions"]["code"] == "BAD_USER_INPUT" for e in errors), (op_id, errors)
    # and one operation more than the connection may run at once
    await socket.subscribe(BOARD, {"slug": server.slug}, op_id="first")
    assert "leaderboardUpdated" in await socket.next_data()
    await socket.subscribe(BOARD, {"slug": server.slug}, op_id="second")
    errors = errors_of((await socket.outcomes(["second"]))["second"])
    assert [e["extensions"]["code"] for e in errors] == ["RATE_LIMITED"], errors
    await socket.close()


# --- a read that ran no statement commits nothing ----------------------------------------


async def test_a_read_answered_without_sql_is_not_committed_and_a_write_is(
    org: OrgFixture, signed_in: SignIn, monkeypatch: pytest.MonkeyPatch
) -> None:
    from app.core.db import RequestSession

    owner = await signed_in(org, "owner")
    commits: list[object] = []
    commit = RequestSession.commit

    async def counted(self: RequestSession) -> None:
        commits.append(self)
        await commit(self)

    monkeypatch.setattr(RequestSession, "commit", counted)
    viewer = "{ viewer { member { username } organization { name } } }"
    await warm_credential_cache(owner, viewer)
    commits.clear()
    result = await owner.gql(viewer)
    assert result.ok()["viewer"]["member"]["username"] == "owner"
    assert commits == []  # answered from the door's rows: nothing ran, nothing to end
    # A query that reads the database still ends its transaction with a commit.
    listed = await owner.gql("{ viewer { organization { members(first: 1) { totalCount } } } }")
    assert listed.errors == [], listed
    assert len(commits) == 1
    # And a mutation writes.
    commits.clear()
    created = await owner.gql(ADD, new_member("reader"))
    assert created.errors == [], created
    assert len(commits) >= 1


async def test_a_cached_session_viewer_builds_no_session(
    org: OrgFixture, signed_in: SignIn, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``member`` and ``organization`` of a cached credential are read from the door's
    offered rows (``peek``): the request's session is never built."""
    owner = await signed_in(org, "owner")
    made = record_sessions(monkeypatch)
    viewer = "{ viewer { member { username } organization { name } } }"
    await warm_credential_cache(owner, viewer)
    made.clear()
    result = await owner.gql(viewer)
    assert result.ok()["viewer"] == {
        "member": {"username": "owner"},
        "organization": {"name": f"Org {org.slug}"},
    }
    assert made and not any(session.opened for session in made)
    # A field that needs the session still builds it.
    made.clear()
    listed = await owner.gql("{ viewer { organization { members(first: 1) { totalCount } } } }")
    assert listed.errors == [], listed
    assert any(session.opened for session in made)


async def test_the_actors_own_org_by_slug_is_answered_from_the_cached_row(
    org: OrgFixture, signed_in: SignIn, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``organization(slug:)`` naming the credential's own org reads the door's row (no
    session built); another slug is still looked up, and an unknown one is null; one
    that no org can have is null without a lookup."""
    owner = await signed_in(org, "owner")
    made = record_sessions(monkeypatch)
    query = "query($s: String!) { organization(slug: $s) { name slug } }"
    await warm_credential_cache(owner, query, {"s": org.slug})
    made.clear()
    own = await owner.gql(query, {"s": f"  {org.slug.upper()} "})
    assert own.ok()["organization"] == {"name": f"Org {org.slug}", "slug": org.slug}
    assert made and not any(session.opened for session in made)
    made.clear()
    other = await owner.gql(query, {"s": "no-such-org"})
    assert other.ok()["organization"] is None
    assert any(session.opened for session in made)
    # a slug no org can have (not a slug's characters) is null without a lookup
    made.clear()
    impossible = await owner.gql(query, {"s": "no such/org"})
    assert impossible.ok()["organization"] is None
    assert made and not any(session.opened for session in made)


async def test_queries_run_without_a_transaction_on_postgresql_and_mutations_with_one(
    org: OrgFixture, signed_in: SignIn, database_url: str
) -> None:
    """On PostgreSQL a query's statements run in AUTOCOMMIT (no BEGIN, no COMMIT: at
    READ COMMITTED each statement has its own snapshot either way); a mutation's run in
    its transaction. SQLite keeps its transaction for both (one snapshot per read)."""
    from sqlalchemy import event as sa_event
    from sqlalchemy.engine import Connection

    from app.core.db import get_engine

    owner = await signed_in(org, "owner")
    await owner.gql("{ viewer { kind } }")  # the door's own reads (cold cache) come first
    seen: list[tuple[str, str | None]] = []

    def note(connection: Connection, _cursor: Any, statement: str, *_: Any) -> None:
        seen.append((statement, connection.get_execution_options().get("isolation_level")))

    engine = get_engine().sync_engine
    sa_event.listen(engine, "before_cursor_execute", note)
    try:
        listed = await owner.gql("{ viewer { organization { members(first: 1) { totalCount } } } }")
        assert listed.errors == [], listed
        reads = list(seen)
        seen.clear()
        created = await owner.gql(ADD, new_member("in-a-transaction"))
        assert created.errors == [], created
        writes = list(seen)
    finally:
        sa_event.remove(engine, "before_cursor_execute", note)
    postgres = not database_url.startswith("sqlite")
    # The operation's own statement (the door's credential reads, when it makes any,
    # end in their own transaction before the operation starts).
    counted = [level for statement, level in reads if "count(" in statement.lower()]
    assert counted == (["AUTOCOMMIT"] if postgres else [None]), reads
    assert writes and {level for _, level in writes} == {None}
