"""Who sees which quiz and attempt, beyond the scopes (the permission matrix,
tests/graphql/test_permission_matrix.py, covers those): drafts to authors only, students'
own attempts only, and another org's quizzes and attempts NOT_FOUND on every path.
"""

from __future__ import annotations

import pytest

from tests.api_keys.support import create_key
from tests.quizzes.api import (
    ARCHIVE,
    ATTEMPTS,
    DUPLICATE,
    NODE_QUIZ,
    PUBLISH,
    QUIZZES,
    START,
    UPDATE,
    create_quiz,
    published_quiz,
)
from tests.support.client import GraphQLResult
from tests.support.factories import OrgFixture
from tests.support.fixture_types import ClientFactory, SignIn

NOT_FOUND = "NOT_FOUND"
ANSWERS = """query($id: ID!) { node(id: $id) { ... on Quiz {
  questionsWithAnswers { explanation options { correct } } } } }"""


@pytest.mark.parametrize("reader", ["student", "key:quizzes:read", "key:take"])
async def test_a_draft_is_not_found_without_quizzes_write(
    org: OrgFixture, signed_in: SignIn, client_factory: ClientFactory, reader: str
) -> None:
    # given a draft by the teacher
    teacher = await signed_in(org, "teacher")
    draft = await create_quiz(teacher)
    if reader == "student":
        result = await (await signed_in(org, "student")).gql(NODE_QUIZ, {"id": draft["id"]})
    else:
        scopes = (
            ["quizzes:read"]
            if reader == "key:quizzes:read"
            else ["quizzes:read", "attempts:read", "attempts:write"]
        )
        key = await create_key(await signed_in(org, "owner"), scopes)
        result = await client_factory().gql(NODE_QUIZ, {"id": draft["id"]}, headers=key.headers)
    # then a reader without quizzes:write is told it doesn't exist, and authors see it
    assert result.code == NOT_FOUND
    assert (await teacher.gql(NODE_QUIZ, {"id": draft["id"]})).ok()["node"]["status"] == "DRAFT"


async def test_without_quizzes_write_the_list_hides_drafts_and_unopened(
    org: OrgFixture, signed_in: SignIn
) -> None:
    teacher, student = await signed_in(org, "teacher"), await signed_in(org, "student")
    await create_quiz(teacher, title="Draft")
    await published_quiz(teacher, title="Open")
    await published_quiz(teacher, title="Future", opensAt="2999-01-01T00:00:00+00:00")
    await published_quiz(teacher, title="Past", closesAt="2001-01-01T00:00:00+00:00")
    archived = await published_quiz(teacher, title="Archived")
    (await teacher.gql(ARCHIVE, {"id": archived["id"]})).ok()

    def titles(result: GraphQLResult) -> list[str]:
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


async def test_students_see_only_their_own_attempts(org: OrgFixture, signed_in: SignIn) -> None:
    teacher, student = await signed_in(org, "teacher"), await signed_in(org, "student")
    await org.add("student2", role=org.account("student").role)
    classmate = await signed_in(org, "student2")
    quiz = await published_quiz(teacher)
    for client in (student, classmate, teacher):
        (await client.gql(START, {"quizId": quiz["id"]})).ok()

    def who(result: GraphQLResult) -> list[str]:
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
    org: OrgFixture, other_org: OrgFixture, signed_in: SignIn
) -> None:
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
