"""The real schema's ``leaderboardUpdated`` as a cohort runs it, without a database:
its root values are made by hand, as the leaderboards' feed makes them."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Any

from graphql import parse

from app.access.actor import Actor, ActorKind
from app.access.scopes import Role, Scope
from app.graphql.exposure import QuietExecutionContext
from app.graphql.live import LiveSelection, Visibility
from app.leaderboards.repository import BoardRow
from app.leaderboards.subscriptions import LeaderboardUpdate
from app.leaderboards.types import LeaderboardEntry
from app.schema import schema

# The bench's subscription (bench/subscribers.py).
SUBSCRIPTION = (
    "subscription($slug: String!, $quiz: ID) { leaderboardUpdated(orgSlug: $slug,"
    " quizId: $quiz, top: 10) { quizId entries { rank displayName score }"
    " changed { memberId rank score } } }"
)
QUIZ = uuid.UUID(int=99)
VARIABLES: dict[str, Any] = {"slug": "bench", "quiz": "UXVpejo5OQ=="}
ORG = uuid.UUID(int=5)
VISIBILITY = Visibility.of(
    Actor(
        kind=ActorKind.API_KEY,
        scopes=frozenset({Scope.LEADERBOARD_READ}),
        org_id=ORG,
        role=Role.OWNER,
        api_key_id=uuid.uuid4(),
    )
)


def row(rank: int, version: int) -> BoardRow:
    return BoardRow(
        member_id=uuid.UUID(int=rank),
        display_name=f"Student {rank}",
        score=100.0 - rank + version / 100,
        attempts=1,
        last_activity_at=datetime(2025, 1, 1, tzinfo=UTC),
        duration_ms=60_000,
        rank=rank,
    )


def update(version: int) -> LeaderboardUpdate:
    rows = [row(rank, version) for rank in range(1, 11)]
    return LeaderboardUpdate(
        quiz_id=None,
        entries=[LeaderboardEntry.from_row(r) for r in rows],
        changed=LeaderboardEntry.from_row(rows[version % 10]),
    )


def selection(*, request_id: str = "live-test") -> LiveSelection:
    return LiveSelection.build(
        schema._schema,
        parse(SUBSCRIPTION),
        variables=VARIABLES,
        context_value=None,
        executor_class=QuietExecutionContext,
        request_id=request_id,
    )
