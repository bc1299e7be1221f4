"""The role and scope table for every quiz and attempt operation, and cross-org NOT_FOUND.

Each actor runs every operation; the table says what it must get: the data (ok), a
FORBIDDEN error, NOT_FOUND, or UNAUTHENTICATED. Keys act with their own scopes.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest

from tests.api_keys.support import create_key
from tests.quizzes.api import (
    ARCHIVE,
    ATTEMPTS,
    CREATE,
    DUPLICATE,
    NODE_QUIZ,
    PUBLISH,
    QUIZZES,
    START,
    UPDATE,
    create_quiz,
    published_quiz,
    quiz_input,
)
from tests.support.factories import OrgFixture

OK, FORBIDDEN, NOT_FOUND, UNAUTHENTICATED = "ok", "FORBIDDEN", "NOT_FOUND", "UNAUTHENTICATED"
ANSWERS = """query($id: ID!) { node(id: $id) { ... on Quiz {
  questionsWithAnswers { explanation options { correct } } } } }"""
CREATOR = "query($id: ID!) { node(id: $id) { ... on Quiz { createdBy { username } } } }"
IMPORT_TEXT = """mutation($input: ImportQuizInput!) { importQuiz(input: $input) {
  importedQuestions quiz { id } } }"""
AIKEN = "What is 2 + 2?\nA. 3\nB. 4\nANSWER: B\n"

KEY_SCOPES = {
    "key:quizzes:read": ["quizzes:read"],
    "key:quizzes:write": ["quizzes:read", "quizzes:write"],
    "key:take": ["quizzes:read", "attempts:read", "attempts:write"],
}
ACTORS = ["owner", "admin", "teacher", "student", *KEY_SCOPES, "anonymous"]

# operation: expected outcome per actor, in the order of ACTORS
_STAFF_WRITE = [OK, OK, OK, FORBIDDEN, FORBIDDEN, OK, FORBIDDEN, UNAUTHENTICATED]
TABLE: dict[str, list[str]] = {
    "createQuiz": _STAFF_WRITE,
    "updateQuiz": _STAFF_WRITE,
    "publishQuiz": _STAFF_WRITE,
    "archiveQuiz": _STAFF_WRITE,
    "duplicateQuiz": _STAFF_WRITE,
    "importQuiz": _STAFF_WRITE,
    "read answers": _STAFF_WRITE,
    "read creator": _STAFF_WRITE,
    "read draft": [OK, OK, OK, NOT_FOUND, NOT_FOUND, OK, NOT_FOUND, UNAUTHENTICATED],
    "read published": [OK, OK, OK, OK, OK, OK, OK, UNAUTHENTICATED],
    "list quizzes": [OK, OK, OK, OK, OK, OK, OK, UNAUTHENTICATED],
    "startAttempt": [OK, OK, OK, OK, FORBIDDEN, FORBIDDEN, OK, UNAUTHENTICATED],
    "list attempts": [OK, OK, OK, OK, FORBIDDEN, FORBIDDEN, OK, UNAUTHENTICATED],
}


@dataclass
class Caller:
    client: Any
    headers: dict[str, str] | None

    async def gql(self, query: str, variables: dict[str, Any]) -> Any:
        return await self.client.gql(query, variables, headers=self.headers)


async def caller(org: OrgFixture, name: str, signed_in, client_factory) -> Caller:
    if name == "anonymous":
        return Caller(client_factory(), None)
    if name in KEY_SCOPES:
        key = await create_key(await signed_in(org, "owner"), KEY_SCOPES[name])
        return Caller(client_factory(), key.headers)
    return Caller(await signed_in(org, name), None)


def outcome(result: Any) -> str:
    if result.errors:
        return result.code
    return OK


async def run(op: str, who: Caller, org: OrgFixture, draft: dict, published: dict) -> Any:
    match op:
        case "createQuiz":
            return await who.gql(CREATE, quiz_input())
        case "updateQuiz":
            return await who.gql(UPDATE, {"input": {"id": draft["id"], "title": "New title"}})
        case "publishQuiz":
            return await who.gql(PUBLISH, {"id": draft["id"]})
        case "archiveQuiz":
            return await who.gql(ARCHIVE, {"id": published["id"]})
        case "duplicateQuiz":
            return await who.gql(DUPLICATE, {"id": published["id"]})
        case "importQuiz":
            return await who.gql(IMPORT_TEXT, {"input": {"text": AIKEN, "format": "AIKEN"}})
        case "read answers":
            return await who.gql(ANSWERS, {"id": published["id"]})
        case "read creator":
            return await who.gql(CREATOR, {"id": published["id"]})
        case "read draft":
            return await who.gql(NODE_QUIZ, {"id": draft["id"]})
        case "read published":
            return await who.gql(NODE_QUIZ, {"id": published["id"]})
        case "list quizzes":
            return await who.gql(QUIZZES, {"slug": org.slug})
        case "startAttempt":
            return await who.gql(START, {"quizId": published["id"]})
        case "list attempts":
            return await who.gql(ATTEMPTS, {"slug": org.slug})
    raise AssertionError(op)


@pytest.mark.parametrize("actor", ACTORS)
async def test_role_and_scope_table(org: OrgFixture, signed_in, client_factory, actor: str):
    # given a draft and a published quiz by the teacher
    teacher = await signed_in(org, "teacher")
    who = await caller(org, actor, signed_in, client_factory)
    column = ACTORS.index(actor)
    outcomes: dict[str, str] = {}
    # when the actor runs every operation (each on fresh quizzes, so order doesn't matter)
    for op in TABLE:
        draft, published = await create_quiz(teacher), await published_quiz(teacher)
        outcomes[op] = outcome(await run(op, who, org, draft, published))
    # then each outcome is the table's
    assert outcomes == {op: expected[column] for op, expected in TABLE.items()}


async def test_without_quizzes_write_the_list_hides_drafts_and_unopened(org: OrgFixture, signed_in):
    teacher, student = await signed_in(org, "teacher"), await signed_in(org, "student")
    await create_quiz(teacher, title="Draft")
    await published_quiz(teacher, title="Open")
    await published_quiz(teacher, title="Future", opensAt="2999-01-01T00:00:00+00:00")
    await published_quiz(teacher, title="Past", closesAt="2001-01-01T00:00:00+00:00")
    archived = await published_quiz(teacher, title="Archived")
    (await teacher.gql(ARCHIVE, {"id": archived["id"]})).ok()

    def titles(result):
        return sorted(e["node"]["title"] for e in result.ok()["organization"]["quizzes"]["edges"])

    assert titles(await student.gql(QUIZZES, {"slug": org.slug})) == ["Open"]
    assert titles(await student.gql(QUIZZES, {"slug": org.slug, "status": "DRAFT"})) == []
    assert titles(await teacher.gql(QUIZZES, {"slug": org.slug})) == [
        "Archived",
        "Draft",
        "Future",
        "Open",
        "Past",
    ]


async def test_students_see_only_their_own_attempts(org: OrgFixture, signed_in):
    teacher, student = await signed_in(org, "teacher"), await signed_in(org, "student")
    await org.add("student2", role=org.account("student").role)
    classmate = await signed_in(org, "student2")
    quiz = await published_quiz(teacher)
    for client in (student, classmate, teacher):
        (await client.gql(START, {"quizId": quiz["id"]})).ok()

    def who(result):
        edges = result.ok()["organization"]["attempts"]["edges"]
        return sorted(e["node"]["participant"]["username"] for e in edges)

    assert who(await student.gql(ATTEMPTS, {"slug": org.slug})) == ["student"]
    assert who(await teacher.gql(ATTEMPTS, {"slug": org.slug, "quizId": quiz["id"]})) == [
        "student",
        "student2",
        "teacher",
    ]
    mine = await teacher.gql(
        ATTEMPTS, {"slug": org.slug, "memberId": org.account("student2").global_id}
    )
    assert who(mine) == ["student2"]
    other = await student.gql(
        ATTEMPTS, {"slug": org.slug, "memberId": org.account("student2").global_id}
    )
    assert other.code == "FORBIDDEN"


async def test_another_orgs_quizzes_and_attempts_are_not_found(
    org: OrgFixture, other_org: OrgFixture, signed_in
):
    # given a quiz and an attempt in one org
    teacher, student = await signed_in(org, "teacher"), await signed_in(org, "student")
    quiz = await published_quiz(teacher)
    attempt = (await student.gql(START, {"quizId": quiz["id"]})).ok()["startAttempt"]["attempt"]
    # when the other org's owner and student reach for them by id
    for name in ("owner", "student"):
        outsider = await signed_in(other_org, name)
        # then every path answers NOT_FOUND, never FORBIDDEN
        assert (await outsider.gql(NODE_QUIZ, {"id": quiz["id"]})).code == NOT_FOUND
        assert (await outsider.gql(START, {"quizId": quiz["id"]})).code == NOT_FOUND
        assert (
            await outsider.gql(UPDATE, {"input": {"id": quiz["id"], "title": "x"}})
        ).code == NOT_FOUND
        assert (await outsider.gql(PUBLISH, {"id": quiz["id"]})).code == NOT_FOUND
        assert (await outsider.gql(ARCHIVE, {"id": quiz["id"]})).code == NOT_FOUND
        assert (await outsider.gql(DUPLICATE, {"id": quiz["id"]})).code == NOT_FOUND
        assert (await outsider.gql(ANSWERS, {"id": quiz["id"]})).code == NOT_FOUND
        node = await outsider.gql("query($id: ID!) { node(id: $id) { id } }", {"id": attempt["id"]})
        assert node.code == NOT_FOUND
        submit = await outsider.gql(
            "mutation($id: ID!) { submitAttempt(input: {attemptId: $id}) { attempt { id } } }",
            {"id": attempt["id"]},
        )
        assert submit.code == NOT_FOUND
        listed = await outsider.gql(QUIZZES, {"slug": org.slug})
        assert listed.code == NOT_FOUND
