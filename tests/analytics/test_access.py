"""Who reads analytics: staff and keys with analytics:read in their own org only; a
student reads their own progress and nothing else. (Every role and single-scope key
against each field is in tests/graphql/test_permission_matrix.py.)"""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Any

import pytest
from starlette.applications import Starlette

from app.access.scopes import Role
from tests.analytics.support import MEMBER_PROGRESS, ORG_ANALYTICS, STATISTICS, known_quiz, take
from tests.api_keys.support import create_key
from tests.support.client import ApiClient
from tests.support.factories import OrgFixture, make_org


@dataclass
class Two:
    org: OrgFixture
    other: OrgFixture
    clients: dict[str, ApiClient]
    quiz: dict[str, Any]


@pytest.fixture
async def two(app: Starlette) -> AsyncIterator[Two]:
    org, other = await make_org(), await make_org()
    clients = {name: await org.signed_in(app, name) for name in ("owner", "teacher", "student")}
    await org.add("peer", Role.STUDENT)
    clients["peer"] = await org.signed_in(app, "peer")
    clients["other-owner"] = await other.signed_in(app, "owner")
    quiz = await known_quiz(clients["teacher"])
    await take(clients["student"], quiz, [["a"], ["a"], ["a"], ["b"]])
    await take(clients["peer"], quiz, [["b"], ["a"], ["b"], ["a"]])
    yield Two(org, other, clients, quiz)
    for client in clients.values():
        await client.close()


async def test_another_orgs_owner_and_keys_see_nothing(two: Two, app: Starlette) -> None:
    owner = two.clients["other-owner"]
    # when org B's owner asks for org A's quiz statistics by id
    result = await owner.gql(STATISTICS, {"id": two.quiz["id"]})
    # then the quiz doesn't exist for them
    assert result.code == "NOT_FOUND"
    # and org A's analytics are NOT_FOUND, for B's owner and B's key with the scope
    asked = await owner.gql(ORG_ANALYTICS, {"slug": two.org.slug})
    assert asked.code == "NOT_FOUND" and asked.body["data"]["organization"]["analytics"] is None
    key = await create_key(owner, ["analytics:read", "quizzes:read"])
    keyed = ApiClient(app)
    for document, variables in (
        (ORG_ANALYTICS, {"slug": two.org.slug}),
        (STATISTICS, {"id": two.quiz["id"]}),
        (MEMBER_PROGRESS, {"slug": two.org.slug, "memberId": two.org.account("student").global_id}),
    ):
        answer = await keyed.gql(document, variables, headers=key.headers)
        assert answer.code == "NOT_FOUND", document
    await keyed.close()


async def test_a_key_with_analytics_read_reads_and_one_without_is_told(
    two: Two, app: Starlette
) -> None:
    owner = two.clients["owner"]
    keyed = ApiClient(app)
    granted = await create_key(owner, ["analytics:read", "quizzes:read"])
    stats = await keyed.gql(STATISTICS, {"id": two.quiz["id"]}, headers=granted.headers)
    assert stats.ok()["node"]["statistics"]["attempts"] == 2
    # the key may not learn the answer key without quizzes:write
    options = stats.ok()["node"]["statistics"]["questions"][0]["options"]
    assert all(option["correct"] is None for option in options)
    lacking = await create_key(owner, ["quizzes:read"])
    refused = await keyed.gql(STATISTICS, {"id": two.quiz["id"]}, headers=lacking.headers)
    assert refused.code == "FORBIDDEN"
    assert refused.errors[0]["extensions"]["requiredScopes"] == ["analytics:read"]
    await keyed.close()


async def test_a_student_reads_only_their_own_progress(two: Two) -> None:
    student = two.clients["student"]
    # their own: by default and by id
    own = await student.gql(MEMBER_PROGRESS, {"slug": two.org.slug})
    assert own.ok()["organization"]["memberProgress"]["attempts"] == 1
    by_id = await student.gql(
        MEMBER_PROGRESS, {"slug": two.org.slug, "memberId": two.org.account("student").global_id}
    )
    assert by_id.ok()["organization"]["memberProgress"]["attempts"] == 1
    # another student's is FORBIDDEN, and so are the org's analytics and quiz statistics
    peer = await student.gql(
        MEMBER_PROGRESS, {"slug": two.org.slug, "memberId": two.org.account("peer").global_id}
    )
    assert peer.code == "FORBIDDEN"
    assert (await student.gql(ORG_ANALYTICS, {"slug": two.org.slug})).code == "FORBIDDEN"
    assert (await student.gql(STATISTICS, {"id": two.quiz["id"]})).code == "FORBIDDEN"


async def test_staff_read_any_members_progress(two: Two) -> None:
    teacher = two.clients["teacher"]
    peer = await teacher.gql(
        MEMBER_PROGRESS, {"slug": two.org.slug, "memberId": two.org.account("peer").global_id}
    )
    progress = peer.ok()["organization"]["memberProgress"]
    # (Q2 half right: 1.5 of 5 points)
    assert progress["attempts"] == 1 and progress["averagePercentage"] == pytest.approx(30.0)
    assert len(progress["timeline"]) == 1
