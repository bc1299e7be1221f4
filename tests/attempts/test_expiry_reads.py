"""Queries never write: an attempt left open past its deadline reads as EXPIRED, scored as
it stands and closed at its deadline, while the database keeps it open until the next
mutation that touches it (its member's start, save or submit) closes it the same way.
"""

from __future__ import annotations

import json
import uuid
from datetime import datetime
from typing import Any

import pytest
from sqlalchemy import func
from sqlmodel import select
from strawberry import relay

from app.attempts.models import Attempt, AttemptStatus
from app.audit.models import AuditEvent
from app.core.clock import FrozenClock
from app.core.db import unit_of_work
from app.events.bus import Event
from app.leaderboards.models import LeaderboardResult
from tests.quizzes.api import ATTEMPTS, SAVE, START, SUBMIT, published_quiz, right_answers
from tests.support.client import ApiClient
from tests.support.factories import OrgFixture
from tests.support.fixture_types import SignIn

NODE = """query($id: ID!) { node(id: $id) { ... on Attempt { id status score maxScore
  percentage closedAt results { answered correct pointsAwarded } } } }"""


async def stored(
    org: OrgFixture, attempt_id: str
) -> tuple[AttemptStatus, datetime | None, float | None, float | None, int, int]:
    """What the database holds: the attempt's row, and what closing it would add."""
    row_id = uuid.UUID(relay.GlobalID.from_id(attempt_id).node_id)
    async with unit_of_work(write=False) as db:
        attempt = (await db.exec(select(Attempt).where(Attempt.id == row_id))).one()
        audit = (
            await db.exec(
                select(func.count()).select_from(AuditEvent).where(AuditEvent.org_id == org.id)
            )
        ).one()
        results = (
            await db.exec(
                select(func.count())
                .select_from(LeaderboardResult)
                .where(LeaderboardResult.org_id == org.id)
            )
        ).one()
    return (attempt.status, attempt.closed_at, attempt.score, attempt.percentage, audit, results)


async def get_query(client: ApiClient, query: str, variables: dict[str, Any]) -> dict[str, Any]:
    """A query sent as HTTP GET, as a link or a cached client would."""
    response = await client.http.get(
        "/graphql", params={"query": query, "variables": json.dumps(variables)}
    )
    assert response.status_code == 200, response.text
    body = response.json()
    assert not body.get("errors"), body
    data: dict[str, Any] = body["data"]
    return data


def same_moment(shown: str, deadline: str) -> bool:
    return datetime.fromisoformat(shown) == datetime.fromisoformat(deadline)


@pytest.mark.parametrize("next_mutation", ["start", "submit"])
async def test_reading_an_expired_attempt_writes_nothing_and_the_next_mutation_closes_it(
    org: OrgFixture, signed_in: SignIn, clock: FrozenClock, events: list[Event], next_mutation: str
) -> None:
    # given a student who saved one right answer (2 of 6 points) and walked away
    teacher, student = await signed_in(org, "teacher"), await signed_in(org, "student")
    quiz = await published_quiz(teacher, timeLimitSeconds=60, passMarkPercent=50)
    started = (await student.gql(START, {"quizId": quiz["id"]})).ok()["startAttempt"]["attempt"]
    attempt_id, deadline = started["id"], started["deadline"]
    first = right_answers(quiz)[:1]
    (await student.gql(SAVE, {"input": {"attemptId": attempt_id, "answers": first}})).ok()
    clock.advance(minutes=5)
    events.clear()
    before = await stored(org, attempt_id)
    assert before[0] == "IN_PROGRESS"

    # when the teacher lists the attempts and the student reads it, by POST and by GET
    listed = (await teacher.gql(ATTEMPTS, {"slug": org.slug, "quizId": quiz["id"]})).ok()
    by_post = (await student.gql(NODE, {"id": attempt_id})).ok()["node"]
    by_get = (await get_query(student, NODE, {"id": attempt_id}))["node"]
    expired = (
        await teacher.gql(ATTEMPTS, {"slug": org.slug, "quizId": quiz["id"], "status": "EXPIRED"})
    ).ok()
    still_open = (
        await teacher.gql(
            ATTEMPTS, {"slug": org.slug, "quizId": quiz["id"], "status": "IN_PROGRESS"}
        )
    ).ok()

    # then the database holds exactly what it held: no close, no audit event, no result
    assert await stored(org, attempt_id) == before
    assert events == []
    # while every answer shows it past its deadline: expired, scored as it stands
    node = listed["organization"]["attempts"]["edges"][0]["node"]
    assert (node["id"], node["status"], node["score"]) == (attempt_id, "EXPIRED", 2.0)
    assert by_get == by_post
    assert (by_post["status"], by_post["score"], by_post["maxScore"]) == ("EXPIRED", 2.0, 6.0)
    assert by_post["percentage"] == pytest.approx(100 * 2 / 6)
    assert same_moment(by_post["closedAt"], deadline)
    assert [(r["answered"], r["correct"], r["pointsAwarded"]) for r in by_post["results"]] == [
        (True, True, 2.0),
        *[(False, False, 0.0)] * 4,
    ]
    assert [e["node"]["id"] for e in expired["organization"]["attempts"]["edges"]] == [attempt_id]
    assert still_open["organization"]["attempts"]["totalCount"] == 0

    # when the student next touches it with a mutation
    if next_mutation == "start":
        again = (await student.gql(START, {"quizId": quiz["id"]})).ok()
        assert again["startAttempt"]["attempt"]["number"] == 2
    else:
        late = {"input": {"attemptId": attempt_id, "answers": right_answers(quiz)}}
        answer = (await student.gql(SUBMIT, late)).ok()["submitAttempt"]["attempt"]
        assert (answer["status"], answer["score"]) == ("EXPIRED", 2.0)

    # then it is closed and scored as the reads showed it, once
    status, closed_at, score, percentage, audit, results = await stored(org, attempt_id)
    # pytest.approx compares equal to a float; mypy sees no overlap
    assert (status, score, percentage) == ("EXPIRED", 2.0, pytest.approx(100 * 2 / 6))  # type: ignore[comparison-overlap]
    assert same_moment(f"{closed_at:%Y-%m-%dT%H:%M:%S}", deadline[:19])
    assert results == before[5] + 1
    assert audit > before[4]
    assert [e.name for e in events].count("user.scored") == 1
    assert (await student.gql(NODE, {"id": attempt_id})).ok()["node"] == by_post
