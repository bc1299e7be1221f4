"""Leaderboard rules: who may read which board, and keeping standings current.

``record_result`` runs inside the transaction that closes an attempt, so a board
never disagrees with the attempts it is made of. Order on a quiz board: higher
score, then less time taken, then the earlier submission; org-wide: the sum of each
member's best score per quiz. Equal standings share a rank (1, 2, 2, 4).
"""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Any

from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlmodel import select
from sqlmodel.ext.asyncio.session import AsyncSession

from app.access.request import ServiceContext
from app.access.scopes import Scope
from app.attempts.models import Attempt
from app.core.clock import as_utc, utcnow
from app.core.errors import NotFound
from app.events.bus import Event
from app.leaderboards import repository
from app.leaderboards.models import LeaderboardResult, OrgStanding, QuizStanding
from app.leaderboards.repository import BoardPage, BoardRow
from app.quizzes import repository as quizzes
from app.quizzes.models import QuizStatus
from app.quizzes.service import is_author

LEADERBOARD_UPDATED = "leaderboard.updated"


class Window(StrEnum):
    ALL_TIME = "ALL_TIME"
    LAST_7_DAYS = "LAST_7_DAYS"
    LAST_30_DAYS = "LAST_30_DAYS"


_WINDOW_DAYS = {Window.LAST_7_DAYS: 7, Window.LAST_30_DAYS: 30}


async def check_board(sc: ServiceContext, org_id: uuid.UUID, quiz_id: uuid.UUID | None) -> None:
    """leaderboard:read on the org; a quiz board needs a quiz of that org the actor may see."""
    sc.actor.require(Scope.LEADERBOARD_READ, org_id)
    if quiz_id is None:
        return
    quiz = await quizzes.by_id(sc.db, quiz_id)
    if quiz is None or quiz.org_id != org_id:
        raise NotFound()
    if quiz.status is QuizStatus.DRAFT and not is_author(sc.actor, org_id):
        raise NotFound()


async def board(
    sc: ServiceContext,
    org_id: uuid.UUID,
    quiz_id: uuid.UUID | None,
    window: Window,
    offset: int,
    size: int,
) -> BoardPage:
    await check_board(sc, org_id, quiz_id)
    if window is Window.ALL_TIME:
        if quiz_id is None:
            return await repository.org_page(sc.db, org_id, offset, size)
        return await repository.quiz_page(sc.db, quiz_id, offset, size)
    return await repository.windowed_page(sc.db, _windowed(org_id, quiz_id, window), offset, size)


async def entry_of(
    sc: ServiceContext,
    org_id: uuid.UUID,
    quiz_id: uuid.UUID | None,
    window: Window,
    member_id: uuid.UUID,
) -> BoardRow | None:
    await check_board(sc, org_id, quiz_id)
    if window is Window.ALL_TIME:
        if quiz_id is None:
            return await repository.org_entry(sc.db, org_id, member_id)
        return await repository.quiz_entry(sc.db, quiz_id, member_id)
    return await repository.windowed_entry(sc.db, _windowed(org_id, quiz_id, window), member_id)


def _windowed(org_id: uuid.UUID, quiz_id: uuid.UUID | None, window: Window):  # type: ignore[no-untyped-def]
    since = utcnow() - timedelta(days=_WINDOW_DAYS[window])
    if quiz_id is None:
        return repository.windowed_org(org_id, since)
    return repository.windowed_quiz(quiz_id, since)


async def record_result(sc: ServiceContext, attempt: Attempt) -> None:
    """Fold a closed attempt into the standings (same transaction) and announce it."""
    assert attempt.closed_at is not None and attempt.score is not None
    closed_at = as_utc(attempt.closed_at)
    duration_ms = max(0, int((closed_at - as_utc(attempt.started_at)).total_seconds() * 1000))
    sc.db.add(
        LeaderboardResult(
            org_id=attempt.org_id,
            quiz_id=attempt.quiz_id,
            member_id=attempt.member_id,
            attempt_id=attempt.id,
            score=attempt.score,
            duration_ms=duration_ms,
            submitted_at=closed_at,
        )
    )
    gained, first_of_quiz = await _fold_into_quiz(
        sc.db, attempt, attempt.score, duration_ms, closed_at
    )
    await _fold_into_org(sc.db, attempt, gained, first_of_quiz, closed_at)
    sc.events.append(
        Event(
            LEADERBOARD_UPDATED,
            attempt.org_id,
            {
                "quizId": str(attempt.quiz_id),
                "memberId": str(attempt.member_id),
            },
        )
    )


async def _locked(db: AsyncSession, model: type, values: dict[str, object], keys: list[str]):  # type: ignore[no-untyped-def]
    """Insert the row unless it exists, then read it under a row lock (no lost updates)."""
    insert = pg_insert if db.get_bind().dialect.name == "postgresql" else sqlite_insert
    await db.execute(insert(model).values(**values).on_conflict_do_nothing(index_elements=keys))
    query: Any = select(model).with_for_update()
    for key in keys:
        query = query.where(getattr(model, key) == values[key])
    found = await db.exec(query.execution_options(populate_existing=True))
    return found.one()


async def _fold_into_quiz(
    db: AsyncSession, attempt: Attempt, score: float, duration_ms: int, closed_at: datetime
) -> tuple[float, bool]:
    """Update the member's best for the quiz; returns (score gained, first result?)."""
    standing: QuizStanding = await _locked(
        db,
        QuizStanding,
        {
            "id": uuid.uuid4(),
            "org_id": attempt.org_id,
            "quiz_id": attempt.quiz_id,
            "member_id": attempt.member_id,
            "best_score": score,
            "best_duration_ms": duration_ms,
            "best_at": closed_at,
            "attempts": 0,
            "last_activity_at": closed_at,
        },
        ["quiz_id", "member_id"],
    )
    first = standing.attempts == 0
    gained = score if first else 0.0
    better = (score, -duration_ms) > (standing.best_score, -standing.best_duration_ms)
    if not first and better:
        gained = score - standing.best_score
        standing.best_score, standing.best_duration_ms, standing.best_at = (
            score,
            duration_ms,
            closed_at,
        )
    standing.attempts += 1
    standing.last_activity_at = max(as_utc(standing.last_activity_at), closed_at)
    db.add(standing)
    return gained, first


async def _fold_into_org(
    db: AsyncSession, attempt: Attempt, gained: float, first_of_quiz: bool, closed_at: datetime
) -> None:
    standing: OrgStanding = await _locked(
        db,
        OrgStanding,
        {
            "id": uuid.uuid4(),
            "org_id": attempt.org_id,
            "member_id": attempt.member_id,
            "total_score": 0.0,
            "quizzes": 0,
            "attempts": 0,
            "last_activity_at": closed_at,
        },
        ["org_id", "member_id"],
    )
    standing.total_score += gained
    standing.quizzes += 1 if first_of_quiz else 0
    standing.attempts += 1
    standing.last_activity_at = max(as_utc(standing.last_activity_at), closed_at)
    db.add(standing)
