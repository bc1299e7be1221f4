"""A round's attempt ends no later than its tournament: its deadline is capped at the
tournament's end, a submit at that deadline (within the attempts' grace) counts, and an
attempt that ran out counts as closed at it, like any attempt past its deadline."""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import func
from sqlmodel import select
from strawberry import relay

from app.attempts.models import Attempt, AttemptStatus
from app.attempts.sweep import sweep_once
from app.core.clock import FrozenClock, as_utc
from app.core.db import unit_of_work
from app.core.deadlines import SUBMIT_GRACE
from app.leaderboards.models import LeaderboardResult
from app.tournaments import scheduler
from tests.leaderboards.support import answers, two_point_quiz
from tests.quizzes.api import SAVE, SUBMIT
from tests.support.client import ApiClient
from tests.support.factories import OrgFixture
from tests.support.fixture_types import SignIn
from tests.tournaments.support import (
    END_EARLY,
    board,
    create_tournament,
    play,
    read,
    standings,
    start_round,
)


def at(value: str) -> datetime:
    return datetime.fromisoformat(value.replace("Z", "+00:00"))


async def running_tournament(
    org: OrgFixture, signed_in: SignIn, clock: FrozenClock, **quiz_settings: Any
) -> tuple[dict[str, Any], dict[str, Any]]:
    """An every-member tournament of one round, running for an hour from now."""
    teacher = await signed_in(org, "teacher")
    quiz = await two_point_quiz(teacher, "The round", **quiz_settings)
    made = await create_tournament(teacher, [quiz], clock)
    clock.advance(minutes=10)
    await scheduler.run_once()
    assert (await read(teacher, made["id"]))["status"] == "RUNNING"
    return made, quiz


async def test_a_round_started_near_the_end_ends_with_the_tournament(
    org: OrgFixture, signed_in: SignIn, clock: FrozenClock
) -> None:
    # given a running tournament whose round has no time limit of its own
    made, quiz = await running_tournament(org, signed_in, clock)
    student = await signed_in(org, "student")
    # when a student starts the round ten minutes before the end
    clock.advance(minutes=50)
    attempt = (await start_round(student, quiz)).ok()["startAttempt"]["attempt"]
    # then the attempt's deadline (the dashboard's timer) is the tournament's end
    assert at(attempt["deadline"]) == at(made["endsAt"])


async def test_a_shorter_time_limit_is_kept(
    org: OrgFixture, signed_in: SignIn, clock: FrozenClock
) -> None:
    # given a round with a five-minute limit, started well before the end
    made, quiz = await running_tournament(org, signed_in, clock, timeLimitSeconds=300)
    student = await signed_in(org, "student")
    attempt = (await start_round(student, quiz)).ok()["startAttempt"]["attempt"]
    # then its own limit stands
    assert at(attempt["deadline"]) == clock.now() + timedelta(seconds=300)
    # and the same limit started three minutes before the end is cut at the end
    other = await signed_in(org, "teacher")
    clock.advance(minutes=57)
    late = (await start_round(other, quiz)).ok()["startAttempt"]["attempt"]
    assert at(late["deadline"]) == at(made["endsAt"])


async def test_a_submit_at_the_deadline_counts_and_the_end_waits_for_it(
    org: OrgFixture, signed_in: SignIn, clock: FrozenClock
) -> None:
    # given a student playing the round in the tournament's last minute
    made, quiz = await running_tournament(org, signed_in, clock, timeLimitSeconds=600)
    student = await signed_in(org, "student")
    clock.advance(minutes=59)
    attempt = (await start_round(student, quiz)).ok()["startAttempt"]["attempt"]
    # when the end passes and the answers arrive a moment later, within the grace
    clock.advance(minutes=1, seconds=3)
    await scheduler.run_once()
    staff = await signed_in(org, "teacher")
    assert (await read(staff, made["id"]))["status"] == "RUNNING"
    sent = {"input": {"attemptId": attempt["id"], "answers": answers(quiz, 2)}}
    submitted = (await student.gql(SUBMIT, sent)).ok()["submitAttempt"]["attempt"]
    # then the attempts service took it as on time and the tournament counted it
    assert (submitted["status"], submitted["score"]) == ("SUBMITTED", 2.0)
    # and once the grace has passed the scheduler ends it, the result in the final board
    clock.advance(seconds=3)
    await scheduler.run_once()
    final = await board(staff, made["id"])
    assert final["status"] == "ENDED"
    assert [(rank, score) for rank, _, score, _ in standings(final)] == [(1, 2.0)]
    assert [w["displayName"] for w in final["winners"]] == ["Student"]


async def test_a_round_that_ran_out_counts_as_closed_at_the_end(
    org: OrgFixture, signed_in: SignIn, clock: FrozenClock
) -> None:
    # given a student who saved one right answer and never submitted
    made, quiz = await running_tournament(org, signed_in, clock)
    student = await signed_in(org, "student")
    clock.advance(minutes=55)
    attempt = (await start_round(student, quiz)).ok()["startAttempt"]["attempt"]
    saved = {"input": {"attemptId": attempt["id"], "answers": answers(quiz, 1)}}
    (await student.gql(SAVE, saved)).ok()
    # when the attempt is closed after its deadline (the tournament's end) and the grace,
    # by the member's next save (as the sweep would), before the scheduler's pass
    clock.advance(minutes=5, seconds=SUBMIT_GRACE.total_seconds() + 1)
    closed = (await student.gql(SAVE, saved)).ok()["saveAttemptAnswers"]["attempt"]
    assert closed["status"] == "EXPIRED"
    await scheduler.run_once()
    # then it was closed at its deadline, scored as saved, and counted before the end
    final = await board(await signed_in(org, "teacher"), made["id"])
    assert final["status"] == "ENDED"
    assert [(score, seconds) for _, _, score, seconds in standings(final)] == [(1.0, 300.0)]


EXPIRED_LOG = """query($slug: String!) { organization(slug: $slug) {
  auditLog(action: "attempt.expired") { totalCount edges { node { targetId } } } } }"""


def row_id(attempt_id: str) -> uuid.UUID:
    return uuid.UUID(relay.GlobalID.from_id(attempt_id).node_id)


async def stored(attempt_id: str) -> Attempt:
    async with unit_of_work(write=False) as db:
        return (await db.exec(select(Attempt).where(Attempt.id == row_id(attempt_id)))).one()


async def quiz_results_of(attempt_id: str) -> int:
    """How many times the attempt reached the quiz's leaderboard (once per close)."""
    async with unit_of_work(write=False) as db:
        query = select(func.count()).select_from(LeaderboardResult)
        query = query.where(LeaderboardResult.attempt_id == row_id(attempt_id))
        return int((await db.exec(query)).one())


async def expired_audited(admin: ApiClient, org: OrgFixture) -> list[str]:
    log = (await admin.gql(EXPIRED_LOG, {"slug": org.slug})).ok()["organization"]["auditLog"]
    return [edge["node"]["targetId"] for edge in log["edges"]]


async def test_a_round_left_to_run_out_counts_when_the_scheduler_ends_the_tournament(
    org: OrgFixture, signed_in: SignIn, clock: FrozenClock
) -> None:
    # given a student who saved one right answer in the last minutes and never came back
    # (no submit, no later save), and another who submitted one right answer earlier
    made, quiz = await running_tournament(org, signed_in, clock)
    student, teacher = await signed_in(org, "student"), await signed_in(org, "teacher")
    clock.advance(minutes=10)
    await play(teacher, quiz, 1, 600, clock)
    clock.advance(minutes=35)
    attempt = (await start_round(student, quiz)).ok()["startAttempt"]["attempt"]
    saved = {"input": {"attemptId": attempt["id"], "answers": answers(quiz, 1)}}
    (await student.gql(SAVE, saved)).ok()
    await drain()
    # when the end and the grace pass before any sweep, and the scheduler ends it
    clock.advance(minutes=5, seconds=SUBMIT_GRACE.total_seconds() + 1)
    await scheduler.run_once()
    # then the attempt was closed at its deadline (the end), scored as saved, and
    # counted in the final standings: ranked above the slower teacher, first winner
    final = await board(teacher, made["id"])
    assert final["status"] == "ENDED"
    assert standings(final) == [(1, "Student", 1.0, 300.0), (2, "Teacher", 1.0, 600.0)]
    assert [(w["rank"], w["displayName"]) for w in final["winners"]] == [
        (1, "Student"),
        (2, "Teacher"),
    ]
    closed = await stored(attempt["id"])
    assert (closed.status, closed.score) == (AttemptStatus.EXPIRED, 1.0)
    assert closed.closed_at is not None and as_utc(closed.closed_at) == at(made["endsAt"])
    # and closed once: the sweep finds nothing left, one result, one audit event
    assert await sweep_once() == 0
    assert await quiz_results_of(attempt["id"]) == 1
    admin = await signed_in(org, "admin")
    assert await expired_audited(admin, org) == [str(row_id(attempt["id"]))]


async def test_an_early_end_counts_the_rounds_that_ran_out_but_not_those_still_open(
    org: OrgFixture, signed_in: SignIn, clock: FrozenClock
) -> None:
    # given rounds of five minutes: a student who saved one right answer and let the
    # time run out, and a teacher still playing (one right answer saved, time left)
    made, quiz = await running_tournament(org, signed_in, clock, timeLimitSeconds=300)
    student, teacher = await signed_in(org, "student"), await signed_in(org, "teacher")
    ran_out = (await start_round(student, quiz)).ok()["startAttempt"]["attempt"]
    saved = {"input": {"attemptId": ran_out["id"], "answers": answers(quiz, 1)}}
    (await student.gql(SAVE, saved)).ok()
    await drain()
    clock.advance(minutes=10)
    playing = (await start_round(teacher, quiz)).ok()["startAttempt"]["attempt"]
    mine = {"input": {"attemptId": playing["id"], "answers": answers(quiz, 1)}}
    (await teacher.gql(SAVE, mine)).ok()
    # when staff end the tournament early, two minutes into the teacher's attempt
    clock.advance(minutes=2)
    staff = await signed_in(org, "admin")
    ended = (await staff.gql(END_EARLY, {"id": made["id"]})).ok()["endTournament"]["tournament"]
    # then the run-out attempt counts, closed at its own deadline and scored as saved
    assert ended["status"] == "ENDED"
    assert [(w["displayName"], w["totalScore"]) for w in ended["winners"]] == [("Student", 1.0)]
    closed = await stored(ran_out["id"])
    assert (closed.status, closed.score) == (AttemptStatus.EXPIRED, 1.0)
    assert closed.closed_at is not None
    assert as_utc(closed.closed_at) == at(ran_out["deadline"])
    # and the attempt still in time stays open and doesn't count, even submitted after
    assert (await stored(playing["id"])).status is AttemptStatus.IN_PROGRESS
    late = {"input": {"attemptId": playing["id"], "answers": answers(quiz, 2)}}
    submitted = (await teacher.gql(SUBMIT, late)).ok()["submitAttempt"]["attempt"]
    assert (submitted["status"], submitted["score"]) == ("SUBMITTED", 2.0)
    final = await board(staff, made["id"])
    assert standings(final) == [(1, "Student", 1.0, 300.0), (2, "Teacher", 0.0, None)]
    # and nothing was closed twice
    assert await sweep_once() == 0
    assert await quiz_results_of(ran_out["id"]) == 1
    assert await expired_audited(staff, org) == [str(row_id(ran_out["id"]))]


async def drain() -> None:
    """Close what earlier tests left overdue, so the checks count this test's alone."""
    while await sweep_once():
        pass
