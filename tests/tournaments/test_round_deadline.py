"""A round's attempt ends no later than its tournament: its deadline is capped at the
tournament's end, a submit at that deadline (within the attempts' grace) counts, and an
attempt that ran out counts as closed at it, like any attempt past its deadline."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from app.core.clock import FrozenClock
from app.core.deadlines import SUBMIT_GRACE
from app.tournaments import scheduler
from tests.leaderboards.support import answers, two_point_quiz
from tests.quizzes.api import SAVE, SUBMIT
from tests.support.factories import OrgFixture
from tests.support.fixture_types import SignIn
from tests.tournaments.support import (
    board,
    create_tournament,
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
