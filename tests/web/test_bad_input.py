"""Bad input gets a clear error with the contract's code, and changes nothing."""

from __future__ import annotations

import base64
import json
import logging
from collections.abc import Callable
from typing import Any, cast

import pytest
from graphql import GraphQLError
from sqlalchemy import func, select, text
from sqlalchemy.exc import DBAPIError, OperationalError
from starlette.applications import Starlette

from app.core.db import get_engine, unit_of_work
from app.core.json import dumps
from app.graphql.errors import classify
from app.orgs.models import Organization
from app.web import door as web_door
from app.web.graphql_view import GraphQLView
from tests.quizzes.api import PUBLISH, SAVE, START, SUBMIT
from tests.support.client import LOGIN, ApiClient, GraphQLResult
from tests.support.factories import OrgFixture
from tests.support.fixture_types import ClientFactory, SignIn

ADD = """mutation($input: AddMemberInput!) { addMember(input: $input) { member { id } } }"""


def member(**overrides: object) -> dict[str, Any]:
    values: dict[str, object] = {
        "username": "valid.name",
        "displayName": "Valid",
        "role": "STUDENT",
        "password": "a long enough password",
    }
    values.update(overrides)
    return {"input": values}


async def audit_seq(org: OrgFixture) -> int:
    async with unit_of_work(write=False) as db:
        row = await db.get(Organization, org.id)
        assert row is not None
        return row.audit_seq


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"username": ""}, "username"),
        ({"username": "x" * 65}, "username"),
        ({"username": "has space"}, "username"),
        ({"username": "ünïcode"}, "username"),
        ({"displayName": ""}, "displayName"),
        ({"displayName": "   "}, "displayName"),
        ({"displayName": "y" * 201}, "displayName"),
        ({"displayName": "bell\u0007"}, "displayName"),
        ({"displayName": "zero\u200bwidth"}, "displayName"),
        ({"password": "short"}, "password"),
        ({"password": "p" * 257}, "password"),
    ],
)
async def test_invalid_fields_are_named(
    org: OrgFixture, signed_in: SignIn, overrides: dict[str, object], field: str
) -> None:
    owner = await signed_in(org, "owner")
    before = await audit_seq(org)
    result = await owner.gql(ADD, member(**overrides))
    assert result.code == "BAD_USER_INPUT"
    assert field in result.errors[0]["extensions"]["fields"]
    assert result.data is None
    assert await audit_seq(org) == before


@pytest.mark.parametrize(
    "variables",
    [
        member(role="SUPERUSER"),  # unknown enum value
        member(username=12345),  # wrong type
        member(password=None),  # missing required
        {"input": "not an object"},
    ],
)
async def test_wrong_types_and_unknown_enum_values(
    org: OrgFixture, signed_in: SignIn, variables: dict[str, Any]
) -> None:
    owner = await signed_in(org, "owner")
    before = await audit_seq(org)
    result = await owner.gql(ADD, variables)
    assert result.status == 200
    assert result.code == "BAD_USER_INPUT"
    assert result.data is None
    assert await audit_seq(org) == before


async def test_a_duplicate_username_is_a_conflict(org: OrgFixture, signed_in: SignIn) -> None:
    owner = await signed_in(org, "owner")
    result = await owner.gql(ADD, member(username="teacher"))
    assert result.code == "CONFLICT"
    assert "teacher" in result.errors[0]["message"]


async def test_a_one_megabyte_query_is_refused_at_the_door(client_factory: ClientFactory) -> None:
    query = "{ viewer { kind } }" + " " * (1024 * 1024)
    result = await client_factory().gql(query)
    assert result.status == 413
    assert result.body["code"] == "PAYLOAD_TOO_LARGE"
    assert result.codes == ["PAYLOAD_TOO_LARGE"]


async def test_too_many_tokens_is_too_complex(client_factory: ClientFactory) -> None:
    # "$a:A" is four tokens in four characters: over the token cap, under the length cap
    query = "query(" + "$a:A" * 1300 + ") { viewer { kind } }"
    assert len(query) < 6_000
    result = await client_factory().gql(query)
    assert result.code == "QUERY_TOO_COMPLEX"
    assert result.errors[0]["extensions"]["limit"] == 5000


async def test_deeply_nested_queries_are_too_complex(org: OrgFixture, signed_in: SignIn) -> None:
    owner = await signed_in(org, "owner")
    query = "{ viewer { " + "organization { members { edges { node { id } } } } " + "} }"
    deep = "{ " + 'node(id: "x") { ... on Organization { ' * 14 + "slug" + " } }" * 14 + " }"
    result = await owner.gql(deep)
    assert result.code == "QUERY_TOO_COMPLEX"
    assert result.errors[0]["extensions"]["limit"] == 12
    assert (await owner.gql(query)).ok()


async def test_too_many_aliases_are_too_complex(client_factory: ClientFactory) -> None:
    query = "{ " + " ".join(f"a{i}: viewer {{ kind }}" for i in range(31)) + " }"
    result = await client_factory().gql(query)
    assert result.code == "QUERY_TOO_COMPLEX"
    assert result.errors[0]["extensions"] == {"code": "QUERY_TOO_COMPLEX", "cost": 31, "limit": 30}


@pytest.mark.parametrize(
    "body",
    [
        b"",
        b"not json",
        b'{"query": 42}',
        b'{"variables": {}}',
        b"[1, 2",
        b"1",
        b'"a string"',
        b"null",
        b'{"query": "{ viewer { kind } }", "operationName": 5}',
    ],
)
async def test_malformed_bodies_get_a_clear_error(
    client_factory: ClientFactory, body: bytes
) -> None:
    response = await client_factory().http.post(
        "/graphql", content=body, headers={"content-type": "application/json"}
    )
    assert response.status_code == 400
    payload = response.json()
    assert payload["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"
    assert payload["detail"]


async def test_a_syntax_error_is_bad_user_input(client_factory: ClientFactory) -> None:
    result = await client_factory().gql("{ viewer { kind ")
    assert result.code == "BAD_USER_INPUT"
    assert "Syntax Error" in result.errors[0]["message"]


async def test_a_bad_cursor_is_bad_user_input(org: OrgFixture, signed_in: SignIn) -> None:
    owner = await signed_in(org, "owner")
    result = await owner.gql(
        'query($s: String!) { organization(slug: $s) { members(after: "bm9wZQ==") { totalCount } } }',
        {"s": org.slug},
    )
    assert result.code == "BAD_USER_INPUT"
    assert result.errors[0]["extensions"]["fields"] == {
        "after": "is not a cursor this API gave out"
    }


@pytest.mark.parametrize("bad_id", ["", "not-base64!", "TWVtYmVyOm5vdC1hLXV1aWQ="])
async def test_bad_ids_are_answered_calmly(org: OrgFixture, signed_in: SignIn, bad_id: str) -> None:
    owner = await signed_in(org, "owner")
    result = await owner.gql(
        "mutation($id: ID!) { removeMember(input: {id: $id}) { removedId } }", {"id": bad_id}
    )
    assert result.code in {"BAD_USER_INPUT", "NOT_FOUND"}
    node = await owner.gql("query($id: ID!) { node(id: $id) { id } }", {"id": bad_id})
    assert node.code in {"BAD_USER_INPUT", "NOT_FOUND"}


# --- Characters no database stores, forged cursors, impossible dates, deep bodies ---------
#
# Each is the client's mistake: BAD_USER_INPUT with a message (or a 400 problem at the door),
# never a 500 or INTERNAL, and nothing is written.

SURROGATE = "x\ud800y"  # a lone UTF-16 surrogate: no UTF-8 encoding exists for it
NUL = "x\u0000y"  # PostgreSQL text cannot hold it
UNSTORABLE = [pytest.param(SURROGATE, id="lone-surrogate"), pytest.param(NUL, id="nul")]


async def post_json(client: ApiClient, body: object, **headers: str) -> GraphQLResult:
    """Encoded with escapes (``\\ud800``), as a JavaScript client sends a lone surrogate."""
    return GraphQLResult(
        await client.http.post(
            "/graphql",
            content=json.dumps(body).encode(),
            headers={"content-type": "application/json", **headers},
        )
    )


def value_at(data: dict[str, Any], path: list[str | int]) -> object:
    """The response's value at an error's path (None where the path stops early)."""
    value: Any = data
    for step in path:
        if value is None:
            return None
        value = value[step]
    return value


def assert_refused(result: GraphQLResult) -> None:
    """BAD_USER_INPUT with a message: at the door (400 problem) or from GraphQL (200)."""
    assert result.status in {200, 400}, result
    assert result.code == "BAD_USER_INPUT", result
    assert result.errors[0]["message"]
    # Refused before anything ran (no data), or the field that failed is null.
    if result.data:
        assert value_at(result.data, result.errors[0]["path"]) is None, result
    if result.status == 400:
        assert result.response.headers["content-type"] == "application/problem+json"
        assert result.body["detail"]


async def row_counts() -> dict[str, int]:
    """How many rows each table holds: a refused request must change none."""
    from sqlmodel import SQLModel

    counts: dict[str, int] = {}
    async with unit_of_work(write=False) as db:
        for name, table in SQLModel.metadata.tables.items():
            counts[name] = (await db.execute(select(func.count()).select_from(table))).scalar_one()
    return counts


QUIZ_SEARCH = "query($s: String!, $v: String) { organization(slug: $s) { quizzes(search: $v) { totalCount } } }"
MEMBER_SEARCH = "query($s: String!, $v: String) { organization(slug: $s) { members(search: $v) { totalCount } } }"
AUDIT_SEARCH = "query($s: String!, $v: String) { organization(slug: $s) { a: auditLog(action: $v) { totalCount } b: auditLog(actor: $v) { totalCount } } }"
CREATE_QUIZ = "mutation($input: CreateQuizInput!) { createQuiz(input: $input) { quiz { id } } }"
CREATE_KEY = "mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret } }"


def quiz(**overrides: object) -> dict[str, Any]:
    question: dict[str, object] = {
        "kind": "SHORT_ANSWER",
        "prompt": "The word?",
        "acceptedAnswers": ["word"],
        "explanation": "Because.",
    }
    question.update(cast(dict[str, object], overrides.pop("question", {})))
    return {
        "input": {
            "title": "A quiz",
            "description": "About words",
            "questions": [question],
            **overrides,
        }
    }


def login_input(org: OrgFixture, **overrides: str) -> dict[str, Any]:
    values = {
        "orgSlug": org.slug,
        "portalCode": org.portal_code,
        "username": "student",
        "password": "correct horse battery",
        **overrides,
    }
    return {"input": values}


# (who, document, variables built from the org and the bad value)
StringArgumentCase = tuple[str | None, str, Callable[[OrgFixture, str], dict[str, Any]]]
STRING_ARGUMENTS: dict[str, StringArgumentCase] = {
    "node-id": ("owner", "query($v: ID!) { node(id: $v) { id } }", lambda org, v: {"v": v}),
    "remove-member-id": (
        "owner",
        "mutation($v: ID!) { removeMember(input: {id: $v}) { removedId } }",
        lambda org, v: {"v": v},
    ),
    "attempts-quiz-id": (
        "owner",
        "query($s: String!, $v: ID) { organization(slug: $s) { attempts(quizId: $v) { totalCount } } }",
        lambda org, v: {"s": org.slug, "v": v},
    ),
    "leaderboard-quiz-id": (
        "student",
        "query($s: String!, $v: ID) { organization(slug: $s) { leaderboard(quizId: $v) { edges { cursor } } } }",
        lambda org, v: {"s": org.slug, "v": v},
    ),
    "org-slug": (
        None,
        "query($v: String!) { organization(slug: $v) { name } }",
        lambda org, v: {"v": v},
    ),
    "login-org-slug": (None, LOGIN, lambda org, v: login_input(org, orgSlug=v)),
    "login-portal-code": (None, LOGIN, lambda org, v: login_input(org, portalCode=v)),
    "login-username": (None, LOGIN, lambda org, v: login_input(org, username=v)),
    "login-password": (None, LOGIN, lambda org, v: login_input(org, password=v)),
    "member-username": ("owner", ADD, lambda org, v: member(username=v)),
    "member-display-name": ("owner", ADD, lambda org, v: member(displayName=v)),
    "quiz-title": ("teacher", CREATE_QUIZ, lambda org, v: quiz(title=v)),
    "quiz-description": ("teacher", CREATE_QUIZ, lambda org, v: quiz(description=v)),
    "question-prompt": ("teacher", CREATE_QUIZ, lambda org, v: quiz(question={"prompt": v})),
    "accepted-answer": (
        "teacher",
        CREATE_QUIZ,
        lambda org, v: quiz(question={"acceptedAnswers": [v]}),
    ),
    "explanation": ("teacher", CREATE_QUIZ, lambda org, v: quiz(question={"explanation": v})),
    "api-key-name": (
        "owner",
        CREATE_KEY,
        lambda org, v: {"input": {"name": v, "scopes": ["quizzes:read"]}},
    ),
    "api-key-scope": (
        "owner",
        CREATE_KEY,
        lambda org, v: {"input": {"name": "k", "scopes": [v]}},
    ),
    "quiz-search": ("teacher", QUIZ_SEARCH, lambda org, v: {"s": org.slug, "v": v}),
    "member-search": ("owner", MEMBER_SEARCH, lambda org, v: {"s": org.slug, "v": v}),
    "audit-search": ("owner", AUDIT_SEARCH, lambda org, v: {"s": org.slug, "v": v}),
}


@pytest.mark.parametrize("bad", UNSTORABLE)
@pytest.mark.parametrize("case", list(STRING_ARGUMENTS))
async def test_unstorable_characters_in_any_string_are_bad_input(
    org: OrgFixture, signed_in: SignIn, client_factory: ClientFactory, case: str, bad: str
) -> None:
    who, document, variables = STRING_ARGUMENTS[case]
    client = await signed_in(org, who) if who else client_factory()
    before = await row_counts()
    result = await post_json(client, {"query": document, "variables": variables(org, bad)})
    assert_refused(result)
    assert "set-cookie" not in result.response.headers
    assert await row_counts() == before


@pytest.mark.parametrize(
    "literal",
    [
        pytest.param(r"x\u0000y", id="nul-escape"),
        pytest.param(r"x\u{0}y", id="nul-braced-escape"),
        pytest.param(r"x\ud800y", id="lone-surrogate-escape"),
        pytest.param("x\u0000y", id="raw-nul"),
    ],
)
async def test_unstorable_characters_in_document_literals_are_bad_input(
    org: OrgFixture, signed_in: SignIn, literal: str
) -> None:
    owner = await signed_in(org, "owner")
    before = await row_counts()
    document = (
        'mutation { addMember(input: {username: "LITERAL", displayName: "D", role: STUDENT, '
        'password: "a long enough password"}) { member { id } } }'
    ).replace("LITERAL", literal)
    assert_refused(await post_json(owner, {"query": document}))
    node = '{ node(id: "LITERAL") { id } }'.replace("LITERAL", literal)
    assert_refused(await post_json(owner, {"query": node}))
    assert await row_counts() == before


async def test_an_answer_with_unstorable_characters_is_bad_input(
    org: OrgFixture, signed_in: SignIn
) -> None:
    teacher, student = await signed_in(org, "teacher"), await signed_in(org, "student")
    created = (await teacher.gql(CREATE_QUIZ, quiz())).ok()["createQuiz"]["quiz"]
    (await teacher.gql(PUBLISH, {"id": created["id"]})).ok()
    attempt = (await student.gql(START, {"quizId": created["id"]})).ok()["startAttempt"]["attempt"]
    question_id = attempt["questions"][0]["id"]
    before = await row_counts()
    for bad in (SURROGATE, NUL):
        for document in (SAVE, SUBMIT):
            answers = {
                "attemptId": attempt["id"],
                "answers": [{"questionId": question_id, "text": bad}],
            }
            assert_refused(
                await post_json(student, {"query": document, "variables": {"input": answers}})
            )
    assert await row_counts() == before


@pytest.mark.parametrize(
    "offset",
    ["-5", "99999999999999999999", "2147483648", "+5", " 5", "5_0", "\u0665", "1e3", ""],
)
async def test_forged_cursors_are_bad_input(
    org: OrgFixture, signed_in: SignIn, offset: str
) -> None:
    owner = await signed_in(org, "owner")
    cursor = base64.b64encode(f"cursor:{offset}".encode()).decode()
    for connection in ("members", "quizzes", "auditLog", "apiKeys", "attempts", "leaderboard"):
        result = await owner.gql(
            "query($s: String!, $c: String) { organization(slug: $s) { CONNECTION(after: $c) { edges { cursor } } } }".replace(
                "CONNECTION", connection
            ),
            {"s": org.slug, "c": cursor},
        )
        assert_refused(result)
        assert result.errors[0]["extensions"]["fields"] == {
            "after": "is not a cursor this API gave out"
        }


async def test_a_cursor_this_api_gave_out_still_works(org: OrgFixture, signed_in: SignIn) -> None:
    owner = await signed_in(org, "owner")
    document = "query($s: String!, $c: String) { organization(slug: $s) { members(first: 1, after: $c) { edges { cursor node { username } } } } }"
    first = (await owner.gql(document, {"s": org.slug, "c": None})).ok()
    edge = first["organization"]["members"]["edges"][0]
    second = (await owner.gql(document, {"s": org.slug, "c": edge["cursor"]})).ok()
    assert (
        second["organization"]["members"]["edges"][0]["node"]["username"]
        != edge["node"]["username"]
    )


OUT_OF_RANGE = [
    pytest.param("9999-12-31T23:59:59-12:00", id="past-year-9999-in-utc"),
    pytest.param("0001-01-01T00:00:00+14:00", id="before-year-1-in-utc"),
]


@pytest.mark.parametrize("moment", OUT_OF_RANGE)
async def test_dates_out_of_range_are_bad_input(
    org: OrgFixture, signed_in: SignIn, moment: str
) -> None:
    owner = await signed_in(org, "owner")
    before = await row_counts()
    attempts = [
        (CREATE_KEY, {"input": {"name": "k", "scopes": ["quizzes:read"], "expiresAt": moment}}),
        (CREATE_QUIZ, quiz(opensAt=moment)),
        (CREATE_QUIZ, quiz(closesAt=moment)),
        (
            "query($s: String!, $d: DateTime) { organization(slug: $s) { auditLog(since: $d) { totalCount } } }",
            {"s": org.slug, "d": moment},
        ),
        (
            "query($s: String!, $d: DateTime) { organization(slug: $s) { auditLog(until: $d) { totalCount } } }",
            {"s": org.slug, "d": moment},
        ),
        (
            'query($s: String!) { organization(slug: $s) { auditLog(since: "MOMENT") { totalCount } } }'.replace(
                "MOMENT", moment
            ),
            {"s": org.slug},
        ),
    ]
    for document, variables in attempts:
        result = await owner.gql(document, variables)
        assert_refused(result)
        assert "DateTime" in result.errors[0]["message"]
    assert await row_counts() == before


@pytest.mark.parametrize("depth", [3000, 5000])
async def test_deeply_nested_json_is_refused_at_the_door(
    client_factory: ClientFactory, depth: int
) -> None:
    nested = "[" * depth + "]" * depth
    body = '{"query": "{ viewer { kind } }", "variables": {"v": NESTED}}'.replace("NESTED", nested)
    response = await client_factory().http.post(
        "/graphql", content=body.encode(), headers={"content-type": "application/json"}
    )
    result = GraphQLResult(response)
    assert result.status == 400
    assert_refused(result)


async def test_deeply_nested_variables_in_a_get_are_refused(client_factory: ClientFactory) -> None:
    nested = "[" * 3000 + "]" * 3000
    response = await client_factory().http.get(
        "/graphql", params={"query": "{ viewer { kind } }", "variables": nested}
    )
    result = GraphQLResult(response)
    assert result.status == 400
    assert_refused(result)


async def test_a_body_that_is_not_utf8_is_refused_at_the_door(
    client_factory: ClientFactory,
) -> None:
    body = b'{"query": "{ viewer { kind } }", "variables": {"v": "\xed\xa0\x80"}}'
    response = await client_factory().http.post(
        "/graphql", content=body, headers={"content-type": "application/json"}
    )
    result = GraphQLResult(response)
    assert result.status == 400
    assert_refused(result)


async def test_a_subscription_sent_by_post_is_refused(org: OrgFixture, signed_in: SignIn) -> None:
    student = await signed_in(org, "student")
    result = await student.gql(
        "subscription($s: String!) { leaderboardUpdated(orgSlug: $s) { quizId } }", {"s": org.slug}
    )
    assert result.status in {200, 400, 405}
    assert result.code == "BAD_USER_INPUT"
    assert "subscription" in result.errors[0]["message"].lower()


# --- Unexpected errors anywhere: INTERNAL, masked, with the request id, logged -------------


def assert_internal(result: GraphQLResult, caplog: pytest.LogCaptureFixture, secret: str) -> None:
    request_id = result.response.headers["x-request-id"]
    assert result.codes == ["INTERNAL"], result
    error = result.errors[0]
    assert error["extensions"]["requestId"] == request_id
    assert request_id in error["message"]
    assert secret not in json.dumps(result.body)
    logged = [r for r in caplog.records if request_id in r.getMessage()]
    assert logged and logged[0].exc_info is not None
    assert secret in "".join(logging.Formatter().formatException(logged[0].exc_info))


# An exception in an extension hook, or a commit failing: tests/graphql/test_boundary.py.


async def test_an_exception_in_the_view_is_an_internal_problem(
    client_factory: ClientFactory, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    async def broken_context(*args: object, **kwargs: object) -> None:
        raise RuntimeError("context exploded: secret-detail-3")

    monkeypatch.setattr(GraphQLView, "get_context", broken_context)
    caplog.set_level(logging.ERROR)
    result = await client_factory().gql("{ viewer { kind } }")
    assert result.status == 500
    assert result.response.headers["content-type"] == "application/problem+json"
    assert_internal(result, caplog, "secret-detail-3")


async def test_a_failure_while_the_door_looks_up_the_actor_is_an_internal_problem(
    org: OrgFixture,
    signed_in: SignIn,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    owner = await signed_in(org, "owner")

    async def database_down(*args: object, **kwargs: object) -> None:
        raise OperationalError("SELECT", {}, Exception("connection refused: secret-detail-4"))

    monkeypatch.setattr(web_door, "resolve_actor", database_down)
    caplog.set_level(logging.ERROR)
    result = await owner.gql("{ viewer { kind } }")
    assert result.status == 500
    assert result.response.headers["content-type"] == "application/problem+json"
    assert_internal(result, caplog, "secret-detail-4")


async def test_a_long_fragment_chain_is_a_coded_error(client_factory: ClientFactory) -> None:
    chain = " ".join(f"fragment F{i} on Query {{ ...F{i + 1} }}" for i in range(300))
    document = "query { ...F0 } " + chain + " fragment F300 on Query { viewer { kind } }"
    result = await client_factory().gql(document)
    assert result.code in {"BAD_USER_INPUT", "QUERY_TOO_COMPLEX"}, result
    assert "recursion" not in result.errors[0]["message"]


def test_a_recursion_error_before_execution_is_bad_input(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.WARNING)
    raw = GraphQLError(
        "maximum recursion depth exceeded", original_error=RecursionError("too deep")
    )
    error = classify(raw, "request-1234")
    assert error.extensions == {"code": "BAD_USER_INPUT"}
    assert "nested too deeply" in error.message
    assert "request-1234" in caplog.text


def test_a_recursion_error_in_a_resolver_is_internal(caplog: pytest.LogCaptureFixture) -> None:
    raw = GraphQLError(
        "maximum recursion depth exceeded", path=["viewer"], original_error=RecursionError()
    )
    assert classify(raw, "request-1234").extensions == {
        "code": "INTERNAL",
        "requestId": "request-1234",
    }


async def test_genuine_coercion_errors_stay_bad_user_input(client_factory: ClientFactory) -> None:
    result = await client_factory().gql(
        'query($f: Int) { organization(slug: "x") { members(first: $f) { totalCount } } }',
        {"f": "nope"},
    )
    assert result.code == "BAD_USER_INPUT"
    assert "Int" in result.errors[0]["message"]


def test_the_encoder_never_fails_on_a_lone_surrogate() -> None:
    encoded = dumps({"message": "echo x\ud800y"})
    assert json.loads(encoded) == {"message": "echo x\ufffdy"}


# --- SQL parameters stay out of logs and exception texts -----------------------------------


async def test_a_failing_statement_does_not_echo_its_parameters(
    app: Starlette, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="sqlalchemy")
    marker = "client-value-5f1e"
    with pytest.raises(DBAPIError) as failure:
        async with get_engine().connect() as connection:
            await connection.execute(
                text("SELECT * FROM no_such_table WHERE name = :name"), {"name": marker}
            )
    assert "no_such_table" in str(failure.value)
    assert marker not in str(failure.value)
    assert marker not in caplog.text
