"""Leaderboard rules: who may read which board, and keeping standings current.

``record_result`` runs inside the transaction that closes an attempt, so a board
never disagrees with the attempts it is made of. Order on a quiz board: higher
score, then less time taken, then the earlier submission; org-wide: the sum of each
member's best score per quiz. Equal standings share a rank (1, 2, 2, 4).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from sqlmodel.ext.asyncio.session import AsyncSession

from app.access.request import ServiceContext
from app.access.scopes import Scope
from app.core.clock import as_utc, utcnow
from app.events.bus import Event
from app.leaderboards import repository
from app.leaderboards.models import LeaderboardResult, OrgStanding, QuizStanding
from app.leaderboards.repository import BoardPage, BoardRow
from app.quizzes import service as quizzes

LEADERBOARD_UPDATED = "leaderboard.updated"


class Window(StrEnum):
    ALL_TIME = "ALL_TIME"
    LAST_7_DAYS = "LAST_7_DAYS"
    LAST_30_DAYS = "LAST_30_DAYS"


_WINDOW_DAYS = {Window.LAST_7_DAYS: 7, Window.LAST_30_DAYS: 30}


@dataclass(frozen=True, slots=True)
class ClosedAttempt:
    """What the standings need of an attempt that has just been scored and closed."""

    attempt_id: uuid.UUID
    org_id: uuid.UUID
    quiz_id: uuid.UUID
    member_id: uuid.UUID
    score: float
    started_at: datetime
    closed_at: datetime


async def check_board(sc: ServiceContext, org_id: uuid.UUID, quiz_id: uuid.UUID | None) -> None:
    """leaderboard:read on the org; a quiz board needs a quiz of that org the actor may
    see by the quizzes' one rule (``QuizVisibility``), else NOT_FOUND."""
    sc.actor.require(Scope.LEADERBOARD_READ, org_id)
    if quiz_id is not None:
        await quizzes.get_visible(sc, quiz_id, org_id)


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
        return await repository.quiz_page(sc.db, org_id, quiz_id, offset, size)
    return await repository.windowed_page(
        sc.db, org_id, _windowed(org_id, quiz_id, window), offset, size
    )


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
        return await repository.quiz_entry(sc.db, org_id, quiz_id, member_id)
    return await repository.windowed_entry(
        sc.db, org_id, _windowed(org_id, quiz_id, window), member_id
    )


def _windowed(org_id: uuid.UUID, quiz_id: uuid.UUID | None, window: Window):  # type: ignore[no-untyped-def]
    since = utcnow() - timedelta(days=_WINDOW_DAYS[window])
    if quiz_id is None:
        return repository.windowed_org(org_id, since)
    return repository.windowed_quiz(org_id, quiz_id, since)


async def record_result(sc: ServiceContext, attempt: ClosedAttempt) -> None:
    """Fold a closed attempt into the standings (same transaction) and announce it."""
    closed_at = as_utc(attempt.closed_at)
    duration_ms = max(0, int((closed_at - as_utc(attempt.started_at)).total_seconds() * 1000))
    sc.db.add(
        LeaderboardResult(
            org_id=attempt.org_id,
            quiz_id=attempt.quiz_id,
            member_id=attempt.member_id,
            attempt_id=attempt.attempt_id,
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


async def _fold_into_quiz(
    db: AsyncSession, attempt: ClosedAttempt, score: float, duration_ms: int, closed_at: datetime
) -> tuple[float, bool]:
    """Update the member's best for the quiz; returns (score gained, first result?)."""
    standing: QuizStanding = await repository.locked_standing(
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
    db: AsyncSession,
    attempt: ClosedAttempt,
    gained: float,
    first_of_quiz: bool,
    closed_at: datetime,
) -> None:
    standing: OrgStanding = await repository.locked_standing(
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
