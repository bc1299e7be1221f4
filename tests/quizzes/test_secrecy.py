"""A student, or a key with only quizzes:read, never sees an answer or an explanation.

The walk builds, from introspection, a selection of every field reachable from the quiz
and attempt types (arguments left out, depth-limited) and reads it through every entry
point: the org's list, ``node(id:)``, ``startAttempt`` and ``submitAttempt``. The only
fields that may refuse are the guarded ones; no response may contain a secret.
"""

from __future__ import annotations

import base64
import json
from typing import Any

import pytest

from tests.api_keys.support import create_key
from tests.quizzes.api import (
    SECRET_ANSWER,
    SECRET_EXPLANATION,
    SECRET_NUMBER,
    published_quiz,
)
from tests.support.client import ApiClient
from tests.support.factories import OrgFixture
from tests.support.fixture_types import ClientFactory, SignIn

TYPE = """query($name: String!) { __type(name: $name) { kind fields { name
  args { name type { kind } } type { kind name ofType { kind name ofType { kind name
  ofType { kind name ofType { kind name } } } } } } } }"""
GUARDED = frozenset({"createdBy", "questionsWithAnswers"})
SECRETS = (SECRET_EXPLANATION, SECRET_ANSWER, str(SECRET_NUMBER))


def named(type_ref: dict[str, Any]) -> dict[str, Any]:
    while type_ref.get("ofType"):
        type_ref = type_ref["ofType"]
    return type_ref


async def selection(
    client: ApiClient,
    type_name: str,
    depth: int,
    cache: dict[str, Any],
    skip: frozenset[str] = frozenset(),
) -> str:
    """Every field of ``type_name`` without required arguments, nested ``depth`` levels."""
    if type_name not in cache:
        cache[type_name] = (await client.gql(TYPE, {"name": type_name})).ok()["__type"]
    parts: list[str] = []
    for field in cache[type_name]["fields"] or []:
        if field["name"] in skip or any(arg["type"]["kind"] == "NON_NULL" for arg in field["args"]):
            continue
        inner = named(field["type"])
        if inner["kind"] in {"SCALAR", "ENUM"}:
            parts.append(field["name"])
        elif inner["kind"] == "OBJECT" and depth > 0:
            # lists that take ``first`` are bounded, or the walk exceeds the query cost limit
            bounded = "(first: 5)" if any(arg["name"] == "first" for arg in field["args"]) else ""
            parts.append(
                f"{field['name']}{bounded} "
                f"{{ {await selection(client, inner['name'], depth - 1, cache, skip)} }}"
            )
    return " ".join(parts)


def assert_no_secret(body: dict[str, Any]) -> None:
    text = json.dumps(body)
    for secret in SECRETS:
        assert secret not in text
    assert '"correct": true' not in text.replace('"correct": true, "pointsAwarded"', "")


# A client and the headers (an API key's, or None for the signed-in cookie) to read with.
Reader = tuple[ApiClient, dict[str, str] | None]


@pytest.fixture(params=["student", "key with quizzes:read"])
async def reader(
    request: pytest.FixtureRequest,
    org: OrgFixture,
    signed_in: SignIn,
    client_factory: ClientFactory,
) -> Reader:
    if request.param == "student":
        client = await signed_in(org, "student")
        return client, None
    key = await create_key(await signed_in(org, "owner"), ["quizzes:read"])
    return client_factory(), key.headers


async def test_walking_every_quiz_field_reveals_no_answer(
    org: OrgFixture, signed_in: SignIn, reader: Reader
) -> None:
    # given a published quiz whose answers must stay hidden
    teacher = await signed_in(org, "teacher")
    quiz = await published_quiz(teacher, revealAnswersAfterSubmit=False)
    client, headers = reader
    cache: dict[str, Any] = {}
    fields = await selection(client, "Quiz", 4, cache)
    # when the reader selects every field, through the list and through node(id:)
    listed = await client.gql(
        f"query($slug: String!) {{ organization(slug: $slug) {{ quizzes {{ edges {{ node {{ {fields} }} }} }} }} }}",
        {"slug": org.slug},
        headers=headers,
    )
    by_id = await client.gql(
        f"query($id: ID!) {{ node(id: $id) {{ ... on Quiz {{ {fields} }} }} }}",
        {"id": quiz["id"]},
        headers=headers,
    )
    # then only the guarded fields refuse, and no secret is in any response
    for result in (listed, by_id):
        assert set(result.codes) == {"FORBIDDEN"}
        assert {e["path"][-1] for e in result.errors} <= {"questionsWithAnswers", "createdBy"}
        assert_no_secret(result.body)
    # and without the guarded fields the reader does get the questions and options
    visible = fields.replace("createdBy", "").split(" questionsWithAnswers")[0]
    safe = await client.gql(
        f"query($id: ID!) {{ node(id: $id) {{ ... on Quiz {{ {visible} }} }} }}",
        {"id": quiz["id"]},
        headers=headers,
    )
    assert len(safe.ok()["node"]["questions"]) == 5
    assert_no_secret(safe.body)


async def test_the_public_types_have_no_answer_fields(org: OrgFixture, signed_in: SignIn) -> None:
    student = await signed_in(org, "student")
    for type_name, forbidden in {
        "Quiz": {"explanation", "acceptedAnswers", "numericValue", "correct"},
        "Question": {"explanation", "acceptedAnswers", "numericValue", "numericTolerance"},
        "Option": {"correct", "isCorrect"},
    }.items():
        found = (await student.gql(TYPE, {"name": type_name})).ok()["__type"]
        assert not forbidden & {field["name"] for field in found["fields"]}


async def test_fragments_and_forged_ids_reach_no_answer(org: OrgFixture, signed_in: SignIn) -> None:
    teacher, student = await signed_in(org, "teacher"), await signed_in(org, "student")
    quiz = await published_quiz(teacher)
    question_id = quiz["questionsWithAnswers"][0]["id"]
    fragment = await student.gql(
        "query($id: ID!) { node(id: $id) { ... on Quiz { questions { ... on AuthoredQuestion "
        "{ explanation } } } } }",
        {"id": quiz["id"]},
    )
    assert fragment.code == "BAD_USER_INPUT" and fragment.data is None
    named_fragment = await student.gql(
        "query($id: ID!) { node(id: $id) { ...Q } } fragment Q on Quiz { "
        "questionsWithAnswers { explanation } }",
        {"id": quiz["id"]},
    )
    assert named_fragment.code == "FORBIDDEN"
    assert_no_secret(named_fragment.body)
    raw = base64.b64decode(question_id).decode().split(":", 1)[1]
    forged_ids = [
        base64.b64encode(f"{name}:{raw}".encode()).decode()
        for name in ("Question", "AuthoredQuestion", "Option", "QuestionResult")
    ]
    for forged in forged_ids:
        result = await student.gql("query($id: ID!) { node(id: $id) { id } }", {"id": forged})
        assert result.code == "NOT_FOUND"


async def test_an_attempt_walk_reveals_nothing_unless_the_quiz_says_so(
    org: OrgFixture, signed_in: SignIn
) -> None:
    # given a quiz that does not reveal answers after submission
    teacher, student = await signed_in(org, "teacher"), await signed_in(org, "student")
    quiz = await published_quiz(teacher, revealAnswersAfterSubmit=False)
    fields = await selection(student, "Attempt", 4, {})
    # (a mutation with any error rolls back, so it selects all but the two guarded fields)
    unguarded = await selection(student, "Attempt", 4, {}, GUARDED)
    # when the student starts, submits and re-reads the attempt, selecting every field
    started = await student.gql(
        f"mutation($id: ID!) {{ startAttempt(input: {{quizId: $id}}) {{ attempt {{ id {unguarded} }} }} }}",
        {"id": quiz["id"]},
    )
    assert started.data is not None
    attempt_id = started.data["startAttempt"]["attempt"]["id"]
    submitted = await student.gql(
        f"mutation($id: ID!) {{ submitAttempt(input: {{attemptId: $id}}) {{ attempt {{ {unguarded} }} }} }}",
        {"id": attempt_id},
    )
    reread = await student.gql(
        f"query($id: ID!) {{ node(id: $id) {{ ... on Attempt {{ {fields} }} }} }}",
        {"id": attempt_id},
    )
    # then no secret leaks and nothing is revealed
    for result in (started, submitted, reread):
        assert_no_secret(result.body)
        assert set(result.codes) <= {"FORBIDDEN"}
    assert reread.data is not None
    results = reread.data["node"]["results"]
    assert len(results) == 5 and all(r["revealed"] is None for r in results)
