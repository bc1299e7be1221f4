"""When a closed attempt shows the right answers: the quiz's ``revealAnswers``.

Answers shown while the member may still retake the quiz are answers handed out (an
empty attempt, read the answers, retake for full marks), so the default waits until the
member has no attempt left, or the quiz has closed. Authors always see them.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncConnection

from app.core.clock import FrozenClock
from tests.quizzes.api import START, SUBMIT, iso, published_quiz, right_answers
from tests.support.client import ApiClient
from tests.support.factories import OrgFixture
from tests.support.fixture_types import SignIn
from tests.support.migrations import OLD_ORGANIZATIONS, migrated_from, old_org_values

ATTEMPT = """query($id: ID!) { node(id: $id) { ... on Attempt { id status
  results { revealed { correctOptionIds acceptedAnswers numericValue explanation } } } } }"""
QUIZ_REVEAL = """query($id: ID!) { node(id: $id) { ... on Quiz {
  revealAnswers revealAnswersAfterSubmit } } }"""
CREATE = """mutation($input: CreateQuizInput!) { createQuiz(input: $input) {
  quiz { id revealAnswers revealAnswersAfterSubmit } } }"""
UPDATE = """mutation($input: UpdateQuizInput!) { updateQuiz(input: $input) {
  quiz { id revealAnswers revealAnswersAfterSubmit } } }"""


async def take(
    student: ApiClient, quiz_id: str, answers: list[dict[str, Any]] | None = None
) -> dict[str, Any]:
    """Start and submit an attempt (empty unless ``answers``); the submit's attempt."""
    started = (await student.gql(START, {"quizId": quiz_id})).ok()["startAttempt"]["attempt"]
    result = await student.gql(
        SUBMIT, {"input": {"attemptId": started["id"], "answers": answers or []}}
    )
    attempt: dict[str, Any] = result.ok()["submitAttempt"]["attempt"]
    return attempt


def revealed(attempt: dict[str, Any]) -> list[Any]:
    return [result["revealed"] for result in attempt["results"]]


async def reread(client: ApiClient, attempt_id: str) -> list[Any]:
    return revealed((await client.gql(ATTEMPT, {"id": attempt_id})).ok()["node"])


def shown(items: list[Any]) -> bool:
    """Every question's answer is revealed (and not just some)."""
    return all(item is not None for item in items) and items[0]["explanation"] is not None


def hidden(items: list[Any]) -> bool:
    return all(item is None for item in items)


async def test_by_default_a_retake_gets_no_answers_to_copy(
    org: OrgFixture, signed_in: SignIn
) -> None:
    # given a quiz with the default settings: unlimited attempts
    teacher, student = await signed_in(org, "teacher"), await signed_in(org, "student")
    quiz = await published_quiz(teacher)
    assert quiz["revealAnswersAfterSubmit"] is True  # the deprecated flag: "eventually"
    settings = (await teacher.gql(QUIZ_REVEAL, {"id": quiz["id"]})).ok()["node"]
    assert settings["revealAnswers"] == "AFTER_LAST_ATTEMPT"
    # when a student submits an empty attempt
    first = await take(student, quiz["id"])
    # then no answer is revealed, on submit or when read again
    assert hidden(revealed(first))
    assert hidden(await reread(student, first["id"]))
    # and so the retake is scored on what the student knows
    second = await take(student, quiz["id"])
    assert second["score"] == 0.0 and hidden(revealed(second))
    # while the quiz's authors always see the answers
    assert shown(await reread(teacher, first["id"]))


async def test_the_last_attempt_reveals_the_answers(org: OrgFixture, signed_in: SignIn) -> None:
    teacher, student = await signed_in(org, "teacher"), await signed_in(org, "student")
    quiz = await published_quiz(teacher, attemptsAllowed=2)
    first = await take(student, quiz["id"])
    assert hidden(revealed(first))
    # the second attempt is the last one: now both show the answers
    second = await take(student, quiz["id"], right_answers(quiz))
    assert second["score"] == 6.0 and shown(revealed(second))
    assert shown(await reread(student, first["id"]))


async def test_one_attempt_allowed_reveals_on_submit(org: OrgFixture, signed_in: SignIn) -> None:
    teacher, student = await signed_in(org, "teacher"), await signed_in(org, "student")
    quiz = await published_quiz(teacher, attemptsAllowed=1)
    assert shown(revealed(await take(student, quiz["id"])))


@pytest.mark.parametrize("reveal", ["AFTER_LAST_ATTEMPT", "AFTER_CLOSE"])
async def test_answers_are_revealed_once_the_quiz_closes(
    org: OrgFixture, signed_in: SignIn, clock: FrozenClock, reveal: str
) -> None:
    # given a quiz with unlimited attempts that closes in an hour
    teacher, student = await signed_in(org, "teacher"), await signed_in(org, "student")
    closes = clock.now() + timedelta(hours=1)
    quiz = await published_quiz(teacher, revealAnswers=reveal, closesAt=iso(closes))
    attempt = await take(student, quiz["id"])
    assert hidden(revealed(attempt))
    # when the quiz has closed
    clock.advance(hours=1, seconds=1)
    # then the student's attempt shows the answers
    assert shown(await reread(student, attempt["id"]))


async def test_after_close_waits_for_the_close_even_with_no_attempts_left(
    org: OrgFixture, signed_in: SignIn, clock: FrozenClock
) -> None:
    teacher, student = await signed_in(org, "teacher"), await signed_in(org, "student")
    closes = clock.now() + timedelta(hours=1)
    quiz = await published_quiz(
        teacher, revealAnswers="AFTER_CLOSE", attemptsAllowed=1, closesAt=iso(closes)
    )
    attempt = await take(student, quiz["id"])
    assert hidden(revealed(attempt))
    clock.advance(hours=2)
    assert shown(await reread(student, attempt["id"]))


async def test_never_and_after_submit(
    org: OrgFixture, signed_in: SignIn, clock: FrozenClock
) -> None:
    teacher, student = await signed_in(org, "teacher"), await signed_in(org, "student")
    closes = iso(clock.now() + timedelta(hours=1))
    never = await published_quiz(teacher, revealAnswers="NEVER", attemptsAllowed=1, closesAt=closes)
    eager = await published_quiz(teacher, revealAnswers="AFTER_SUBMIT")
    hidden_attempt = await take(student, never["id"])
    # AFTER_SUBMIT is the author's explicit choice: shown at once, retakes or not
    assert shown(revealed(await take(student, eager["id"])))
    clock.advance(hours=2)
    assert hidden(await reread(student, hidden_attempt["id"]))
    assert shown(await reread(teacher, hidden_attempt["id"]))


async def test_an_attempt_still_open_keeps_the_others_hidden(
    org: OrgFixture, signed_in: SignIn
) -> None:
    # given a quiz allowing two attempts, one submitted and the last one still open
    teacher, student = await signed_in(org, "teacher"), await signed_in(org, "student")
    quiz = await published_quiz(teacher, attemptsAllowed=2)
    first = await take(student, quiz["id"])
    (await student.gql(START, {"quizId": quiz["id"]})).ok()
    # then the first attempt's answers stay hidden: they would still count in the open one
    assert hidden(await reread(student, first["id"]))


# --- the setting itself, and the deprecated flag ---


async def test_the_deprecated_flag_maps_to_the_safe_choices(
    org: OrgFixture, signed_in: SignIn
) -> None:
    teacher = await signed_in(org, "teacher")

    async def create(**settings: Any) -> Any:
        return await teacher.gql(CREATE, {"input": {"title": "Reveal", **settings}})

    on = (await create(revealAnswersAfterSubmit=True)).ok()["createQuiz"]["quiz"]
    assert (on["revealAnswers"], on["revealAnswersAfterSubmit"]) == ("AFTER_LAST_ATTEMPT", True)
    off = (await create(revealAnswersAfterSubmit=False)).ok()["createQuiz"]["quiz"]
    assert (off["revealAnswers"], off["revealAnswersAfterSubmit"]) == ("NEVER", False)
    both = await create(revealAnswers="AFTER_SUBMIT", revealAnswersAfterSubmit=True)
    assert both.code == "BAD_USER_INPUT"
    assert "revealAnswersAfterSubmit" in both.errors[0]["extensions"]["fields"]
    # updating: the new setting, and the flag
    changed = await teacher.gql(UPDATE, {"input": {"id": on["id"], "revealAnswers": "AFTER_CLOSE"}})
    assert changed.ok()["updateQuiz"]["quiz"]["revealAnswers"] == "AFTER_CLOSE"
    flag = await teacher.gql(UPDATE, {"input": {"id": on["id"], "revealAnswersAfterSubmit": False}})
    assert flag.ok()["updateQuiz"]["quiz"]["revealAnswers"] == "NEVER"
    cleared = await teacher.gql(UPDATE, {"input": {"id": on["id"], "revealAnswers": None}})
    assert cleared.code == "BAD_USER_INPUT"


async def test_existing_quizzes_migrate_to_the_safe_choice(
    database_url: str, tmp_path: Path
) -> None:
    """Old rows with the flag on become AFTER_LAST_ATTEMPT; off becomes NEVER."""
    quizzes = sa.table(
        "quizzes",
        *(sa.column(name) for name in ["title", "status", "version", "shuffle_questions"]),
        *(sa.column(name) for name in ["shuffle_options", "reveal_answers_after_submit"]),
        *(sa.column(name) for name in ["question_count", "max_points", "created_at"]),
        sa.column("updated_at"),
        sa.column("id", sa.Uuid),
        sa.column("org_id", sa.Uuid),
    )
    now = datetime.now(UTC)
    org_id, on_id, off_id = uuid.uuid4(), uuid.uuid4(), uuid.uuid4()

    async def seed(db: AsyncConnection) -> None:
        await db.execute(
            OLD_ORGANIZATIONS.insert().values(
                **old_org_values(org_id, "migrating", audit_seq=0, now=now)
            )
        )
        for quiz_id, flag in [(on_id, True), (off_id, False)]:
            await db.execute(
                quizzes.insert().values(
                    id=quiz_id,
                    org_id=org_id,
                    title="Old",
                    status="PUBLISHED",
                    version=1,
                    shuffle_questions=False,
                    shuffle_options=False,
                    reveal_answers_after_submit=flag,
                    question_count=0,
                    max_points=0.0,
                    created_at=now,
                    updated_at=now,
                )
            )

    reveal = sa.table("quizzes", sa.column("id", sa.Uuid), sa.column("reveal_answers"))
    async with (
        migrated_from(database_url, tmp_path, "f99530019bd6", "f611242705ab", seed) as engine,
        engine.connect() as db,
    ):
        found = dict((await db.execute(sa.select(reveal.c.id, reveal.c.reveal_answers))).all())
    assert found == {on_id: "AFTER_LAST_ATTEMPT", off_id: "NEVER"}
