"""The server's sweep closes attempts their members abandoned past the deadline, as the
member's next start, save or submit would have: scored as saved, closed at the deadline,
on the leaderboards, audited as the SYSTEM actor, announced once.
"""

from __future__ import annotations

import asyncio
import uuid
from datetime import datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import func, update
from sqlmodel import select
from strawberry import relay

from app.access.scopes import Role
from app.attempts.models import Attempt, AttemptStatus
from app.attempts.sweep import sweep_once
from app.audit.models import AuditEvent
from app.core.clock import FrozenClock, as_utc, utcnow
from app.core.db import unit_of_work
from app.core.settings import get_settings
from app.events.bus import Event, get_bus
from app.leaderboards.models import LeaderboardResult
from tests.leaderboards.support import BOARD
from tests.quizzes.api import SAVE, START, SUBMIT, published_quiz, right_answers
from tests.support.client import ApiClient
from tests.support.factories import OrgFixture
from tests.support.fixture_types import SignIn

EXPIRED_LOG = """query($slug: String!) { organization(slug: $slug) {
  auditLog(action: "attempt.expired") { totalCount
    edges { node { actorKind actorLabel actorId targetId details } } } } }"""


def row_id(attempt_id: str) -> uuid.UUID:
    return uuid.UUID(relay.GlobalID.from_id(attempt_id).node_id)


async def started_with_one_right_answer(student: ApiClient, quiz: dict[str, Any]) -> str:
    """An attempt with one right answer saved (2 of the quiz's 6 points), then left."""
    started = (await student.gql(START, {"quizId": quiz["id"]})).ok()["startAttempt"]["attempt"]
    first = right_answers(quiz)[:1]
    (await student.gql(SAVE, {"input": {"attemptId": started["id"], "answers": first}})).ok()
    attempt_id: str = started["id"]
    return attempt_id


async def move_deadline(attempt_id: str, deadline: datetime) -> None:
    """Put the attempt's deadline at ``deadline``, started a minute before it."""
    async with unit_of_work() as db:
        await db.execute(
            update(Attempt)
            .where(Attempt.id == row_id(attempt_id))  # type: ignore[arg-type]
            .values(started_at=deadline - timedelta(minutes=1), deadline=deadline)
        )


async def stored(attempt_id: str) -> Attempt:
    async with unit_of_work(write=False) as db:
        return (await db.exec(select(Attempt).where(Attempt.id == row_id(attempt_id)))).one()


async def results_of(attempt_id: str) -> int:
    async with unit_of_work(write=False) as db:
        query = select(func.count()).select_from(LeaderboardResult)
        query = query.where(LeaderboardResult.attempt_id == row_id(attempt_id))
        return int((await db.exec(query)).one())


async def drain() -> None:
    """Close what earlier tests left overdue, so a pass's count is this test's."""
    while await sweep_once():
        pass


async def test_a_pass_closes_abandoned_attempts_as_the_members_next_mutation_would(
    org: OrgFixture, signed_in: SignIn, clock: FrozenClock, events: list[Event]
) -> None:
    # given a student who saved one right answer and walked away an hour ago, another
    # whose deadline passed just now (within the 5 s network grace), and a third
    # still within the time limit
    await org.add("late", Role.STUDENT)
    await org.add("busy", Role.STUDENT)
    teacher, admin = await signed_in(org, "teacher"), await signed_in(org, "admin")
    student, late, busy = [await signed_in(org, name) for name in ("student", "late", "busy")]
    quiz = await published_quiz(teacher, timeLimitSeconds=60, passMarkPercent=50)
    abandoned = await started_with_one_right_answer(student, quiz)
    in_grace = await started_with_one_right_answer(late, quiz)
    in_time = await started_with_one_right_answer(busy, quiz)
    await drain()
    deadline = utcnow() - timedelta(hours=1)
    await move_deadline(abandoned, deadline)
    await move_deadline(in_grace, utcnow() - timedelta(seconds=5))
    events.clear()

    # when the server sweeps, twice
    first, second = await sweep_once(), await sweep_once()

    # then the abandoned attempt alone was closed, once: expired at its deadline,
    # scored as saved
    assert (first, second) == (1, 0)
    closed = await stored(abandoned)
    assert (closed.status, closed.score, closed.max_score) == (AttemptStatus.EXPIRED, 2.0, 6.0)
    assert closed.closed_at is not None and as_utc(closed.closed_at) == deadline
    # pytest.approx compares equal to a float; mypy sees no overlap
    assert (closed.percentage, closed.passed) == (pytest.approx(100 * 2 / 6), False)  # type: ignore[comparison-overlap]
    assert (await stored(in_grace)).status is AttemptStatus.IN_PROGRESS
    assert (await stored(in_time)).status is AttemptStatus.IN_PROGRESS
    assert await results_of(abandoned) == 1
    # on the quiz's leaderboard, with the minute it took
    board = (await teacher.gql(BOARD, {"slug": org.slug, "quizId": quiz["id"]})).ok()
    entries = [e["node"] for e in board["organization"]["leaderboard"]["edges"]]
    assert [(e["displayName"], e["score"], e["timeTakenSeconds"]) for e in entries] == [
        ("Student", 2.0, 60)
    ]
    # audited once, by the server itself (no actor id)
    log = (await admin.gql(EXPIRED_LOG, {"slug": org.slug})).ok()["organization"]["auditLog"]
    assert log["totalCount"] == 1
    event = log["edges"][0]["node"]
    assert (event["actorKind"], event["actorLabel"], event["actorId"]) == (
        "SYSTEM",
        "quizgraph server",
        None,
    )
    assert (event["targetId"], event["details"]["score"]) == (str(row_id(abandoned)), 2.0)
    # and announced once
    names = [e.name for e in events]
    assert (names.count("user.scored"), names.count("leaderboard.updated")) == (1, 1)
    scored = next(e for e in events if e.name == "user.scored")
    assert (scored.data["attemptId"], scored.data["status"]) == (abandoned, "EXPIRED")

    # and the student's late submit finds it closed, as the sweep left it
    late_submit = {"input": {"attemptId": abandoned, "answers": right_answers(quiz)}}
    answer = (await student.gql(SUBMIT, late_submit)).ok()["submitAttempt"]["attempt"]
    assert (answer["status"], answer["score"]) == ("EXPIRED", 2.0)
    assert await results_of(abandoned) == 1


async def test_a_sweep_and_the_members_submit_at_once_close_it_once(
    org: OrgFixture, signed_in: SignIn, clock: FrozenClock, events: list[Event]
) -> None:
    # given an abandoned attempt with one right answer saved
    teacher, student = await signed_in(org, "teacher"), await signed_in(org, "student")
    quiz = await published_quiz(teacher, timeLimitSeconds=60, passMarkPercent=50)
    attempt_id = await started_with_one_right_answer(student, quiz)
    await drain()
    await move_deadline(attempt_id, utcnow() - timedelta(minutes=10))
    events.clear()

    # when the sweep and the student's submit run at once
    late_submit = {"input": {"attemptId": attempt_id, "answers": right_answers(quiz)}}
    swept, submitted = await asyncio.gather(sweep_once(), student.gql(SUBMIT, late_submit))

    # then it was closed once, by one of them, and both tell the same result
    answer = submitted.ok()["submitAttempt"]["attempt"]
    assert (answer["status"], answer["score"]) == ("EXPIRED", 2.0)
    assert swept in (0, 1)
    assert await results_of(attempt_id) == 1
    assert [e.name for e in events].count("user.scored") == 1
    async with unit_of_work(write=False) as db:
        audited = await db.exec(
            select(func.count())
            .select_from(AuditEvent)
            .where(AuditEvent.org_id == org.id, AuditEvent.action == "attempt.expired")
        )
        assert audited.one() == 1


async def test_the_server_sweeps_while_it_runs_unless_set_to_zero(
    org: OrgFixture, signed_in: SignIn, clock: FrozenClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    from app.web.app import create_app

    # given an abandoned attempt and a server sweeping every 10 ms
    teacher, student = await signed_in(org, "teacher"), await signed_in(org, "student")
    quiz = await published_quiz(teacher, timeLimitSeconds=60)
    attempt_id = await started_with_one_right_answer(student, quiz)
    await move_deadline(attempt_id, utcnow() - timedelta(minutes=10))
    monkeypatch.setattr(get_settings(), "attempt_sweep_seconds", 0.01)
    app = create_app()

    # when it runs, until its sweep announces the attempt scored
    async with app.router.lifespan_context(app):
        scored = asyncio.Event()

        async def on_event(event: Event) -> None:
            if event.name == "user.scored" and event.data["attemptId"] == attempt_id:
                scored.set()

        unsubscribe = get_bus().subscribe(on_event)
        await asyncio.wait_for(scored.wait(), timeout=30)
        unsubscribe()

    # then the attempt is closed in the database
    assert (await stored(attempt_id)).status is AttemptStatus.EXPIRED

    # and set to 0, the server runs no sweep at all
    monkeypatch.setattr(get_settings(), "attempt_sweep_seconds", 0)
    async with app.router.lifespan_context(app):
        assert [t for t in asyncio.all_tasks() if t.get_name() == "attempt-sweep"] == []
