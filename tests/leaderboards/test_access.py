"""Who may read which board."""

from __future__ import annotations

from datetime import timedelta

import pytest

from app.core.clock import FrozenClock
from tests.api_keys.support import create_key
from tests.leaderboards.support import BOARD, board, students, take, two_point_quiz
from tests.quizzes.api import create_quiz
from tests.support.factories import OrgFixture
from tests.support.fixture_types import ClientFactory, SignIn


@pytest.mark.parametrize("role", ["owner", "admin", "teacher", "student"])
async def test_every_member_reads_the_boards(
    org: OrgFixture, signed_in: SignIn, clock: FrozenClock, role: str
) -> None:
    teacher = await signed_in(org, "teacher")
    quiz = await two_point_quiz(teacher)
    kids = await students(org, signed_in, "zed")
    await take(kids["zed"], quiz, 2, 10, clock)
    client = await signed_in(org, role)
    assert (await board(client, org, quizId=quiz["id"]))["totalCount"] == 1
    assert (await board(client, org))["totalCount"] == 1


async def test_keys_need_leaderboard_read(
    org: OrgFixture, signed_in: SignIn, client_factory: ClientFactory
) -> None:
    owner = await signed_in(org, "owner")
    allowed = await create_key(owner, ["leaderboard:read"])
    denied = await create_key(owner, ["quizzes:read"])
    caller = client_factory()
    ok = await caller.gql(
        BOARD, {"slug": org.slug}, headers={"authorization": f"Bearer {allowed.secret}"}
    )
    assert ok.ok()["organization"]["leaderboard"]["totalCount"] == 0
    refused = await caller.gql(
        BOARD, {"slug": org.slug}, headers={"authorization": f"Bearer {denied.secret}"}
    )
    assert refused.code == "FORBIDDEN"
    assert refused.errors[0]["message"] == (
        "Insufficient scopes. Required: leaderboard:read. Your key has: quizzes:read"
    )


async def test_another_orgs_board_is_not_found(
    org: OrgFixture, other_org: OrgFixture, signed_in: SignIn
) -> None:
    student = await signed_in(org, "student")
    foreign_teacher = await signed_in(other_org, "teacher")
    foreign_quiz = await two_point_quiz(foreign_teacher)
    assert (await student.gql(BOARD, {"slug": other_org.slug})).code == "NOT_FOUND"
    # a quiz of another org asked through one's own org is not found either
    result = await student.gql(BOARD, {"slug": org.slug, "quizId": foreign_quiz["id"]})
    assert result.code == "NOT_FOUND"


async def test_a_drafts_board_is_hidden_from_students(org: OrgFixture, signed_in: SignIn) -> None:
    teacher, student = await signed_in(org, "teacher"), await signed_in(org, "student")
    draft = await create_quiz(teacher)
    assert (await student.gql(BOARD, {"slug": org.slug, "quizId": draft["id"]})).code == "NOT_FOUND"
    assert (await board(teacher, org, quizId=draft["id"]))["totalCount"] == 0


async def test_anonymous_callers_are_unauthenticated(
    org: OrgFixture, client_factory: ClientFactory
) -> None:
    assert (await client_factory().gql(BOARD, {"slug": org.slug})).code == "UNAUTHENTICATED"


async def test_bad_arguments(org: OrgFixture, signed_in: SignIn) -> None:
    student = await signed_in(org, "student")
    assert (
        await student.gql(BOARD, {"slug": org.slug, "window": "FOREVER"})
    ).code == "BAD_USER_INPUT"
    assert (await student.gql(BOARD, {"slug": org.slug, "first": 1000})).code == "BAD_USER_INPUT"
    wrong_type = await student.gql(
        BOARD, {"slug": org.slug, "quizId": org.account("student").global_id}
    )
    assert wrong_type.code == "BAD_USER_INPUT"


async def test_a_board_follows_the_quiz_visibility_rule(
    org: OrgFixture, signed_in: SignIn, clock: FrozenClock
) -> None:
    """A board exists for whoever may see its quiz (``QuizVisibility``): once the quiz
    closes, its students no longer see the quiz, nor its board; its authors still do."""
    teacher = await signed_in(org, "teacher")
    closes = (clock.now() + timedelta(hours=1)).isoformat()
    quiz = await two_point_quiz(teacher, closesAt=closes)
    kids = await students(org, signed_in, "zed")
    await take(kids["zed"], quiz, 2, 10, clock)
    assert (await board(kids["zed"], org, quizId=quiz["id"]))["totalCount"] == 1
    clock.advance(hours=2)
    closed = await kids["zed"].gql(BOARD, {"slug": org.slug, "quizId": quiz["id"]})
    assert closed.code == "NOT_FOUND"
    assert (await board(teacher, org, quizId=quiz["id"]))["totalCount"] == 1
    assert (await board(kids["zed"], org))["totalCount"] == 1  # the org-wide board stays
