"""Leaderboard rules: who may read which board, and keeping standings current.

``record_result`` runs inside the transaction that closes an attempt, so a board
never disagrees with the attempts it is made of. Order on a quiz board: higher
score, then less time taken, then the earlier submission; org-wide: the sum of each
member's best score per quiz. Equal standings share a rank (1, 2, 2, 4).

Windows are whole UTC days: ``LAST_7_DAYS`` counts the results submitted on the 7 UTC
days ending with today (today and the 6 days before it, so from 0:00 UTC six days ago
until now), ``LAST_30_DAYS`` the 30 such days. They read window standings built for
today from the daily bests; the first read of a new day finds them stale, starts their
rebuild in the background and, like any read until it commits, aggregates the window's
daily bests instead (same board, slower).
"""

from __future__ import annotations

import asyncio
import logging
import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import UTC, date, datetime
from enum import StrEnum
from typing import Any

from sqlmodel.ext.asyncio.session import AsyncSession

from app.access.request import ServiceContext
from app.access.scopes import Scope
from app.core.clock import as_utc, utcnow
from app.core.db import unit_of_work
from app.events.bus import Event
from app.leaderboards import cursors, repository
from app.leaderboards.models import LeaderboardResult
from app.leaderboards.repository import BoardPage, BoardRow
from app.quizzes import service as quizzes

LEADERBOARD_UPDATED = "leaderboard.updated"


class Window(StrEnum):
    ALL_TIME = "ALL_TIME"
    LAST_7_DAYS = "LAST_7_DAYS"
    LAST_30_DAYS = "LAST_30_DAYS"


_WINDOW_DAYS = {Window.LAST_7_DAYS: 7, Window.LAST_30_DAYS: 30}
WINDOWS = tuple(_WINDOW_DAYS.values())

logger = logging.getLogger("quizgraph.leaderboards")


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


@dataclass(frozen=True, slots=True)
class Board:
    """A board its reader may read (made by ``open_board`` only, after the check), and
    where it is read from: a page and the reader's entry (``myRank``) of one request
    share it, so neither checks the board nor reads its window's build day again."""

    org_id: uuid.UUID
    quiz_id: uuid.UUID | None
    window: Window
    standings: repository.Standings
    # The day to aggregate the window for while its standings are being rebuilt.
    stale: date | None


async def open_board(
    sc: ServiceContext, org_id: uuid.UUID, quiz_id: uuid.UUID | None, window: Window
) -> Board:
    """The board, if the actor may read it (``check_board``)."""
    await check_board(sc, org_id, quiz_id)
    standings, stale = await _standings(sc.db, org_id, quiz_id, window)
    return Board(org_id, quiz_id, window, standings, stale)


async def page_of(sc: ServiceContext, board: Board, after: str | None, size: int) -> BoardPage:
    """A page of the board, after the entry the cursor ``after`` names (see ``cursors``)."""
    position = cursors.decode(after, per_quiz=board.quiz_id is not None)
    if board.stale is not None:
        return await repository.aggregated_page(sc.db, board.standings, board.stale, position, size)
    return await repository.page(sc.db, board.standings, position, size)


async def entry_of(sc: ServiceContext, board: Board, member_id: uuid.UUID) -> BoardRow | None:
    """The member's entry on the board and its rank."""
    if board.stale is not None:
        return await repository.aggregated_entry(sc.db, board.standings, board.stale, member_id)
    return await repository.entry(sc.db, board.standings, member_id)


async def participant_count(
    sc: ServiceContext, org_id: uuid.UUID, quiz_id: uuid.UUID, up_to: int
) -> int:
    """Members who closed an attempt of the quiz, counted up to ``up_to`` (for the
    server's own use, such as notifications' milestones: no scope is checked)."""
    return await repository.participants(sc.db, org_id, quiz_id, up_to)


def today() -> date:
    """The UTC day the windows end on."""
    return utcnow().astimezone(UTC).date()


async def _standings(
    db: AsyncSession, org_id: uuid.UUID, quiz_id: uuid.UUID | None, window: Window
) -> tuple[repository.Standings, date | None]:
    """The board's standings, and the day to aggregate the window for when its
    standings don't end today (then they are being rebuilt, in the background)."""
    if window is Window.ALL_TIME:
        return repository.Standings(org_id, quiz_id), None
    days = _WINDOW_DAYS[window]
    standings = repository.Standings(org_id, quiz_id, days)
    day = today()
    if await repository.window_built_on(db, org_id, days) == day:
        return standings, None
    _start_rebuild(org_id, days, day)
    return standings, day


# (org, window length) -> its running rebuild in this process.
_rebuilds: dict[tuple[uuid.UUID, int], asyncio.Task[None]] = {}


def _start_rebuild(org_id: uuid.UUID, days: int, day: date) -> None:
    """Rebuild the org's window standings for ``day`` in a transaction of its own, after
    the request that found them stale (which aggregates the daily bests meanwhile)."""
    key = (org_id, days)
    if key in _rebuilds:
        return
    task = asyncio.create_task(_rebuild(org_id, days, day), name=f"leaderboard-window-{key}")
    _rebuilds[key] = task
    task.add_done_callback(lambda _: _rebuilds.pop(key, None))


async def _rebuild(org_id: uuid.UUID, days: int, day: date) -> None:
    try:
        async for _ in rebuild_in_steps(org_id, days, day):
            pass
    except Exception:
        logger.exception("could not rebuild the %s-day standings of org %s", days, org_id)


async def rebuild_in_steps(
    org_id: uuid.UUID, days: int, day: date, batch: int = repository.REBUILD_BATCH
) -> AsyncIterator[int]:
    """Rebuild the org's window standings of ``days`` for ``day`` in short transactions,
    yielding after each has committed (the members recomputed so far): the claim, then
    (once the members are listed) ``batch`` members at a time, and the last one, which
    recomputes the members scored meanwhile and marks the standings built.

    Nothing is held between them, so scoring is never held for the rebuild: a result
    scored meanwhile is outside the stale standings' window and only noted as pending
    (one row), and reads aggregate the daily bests until the last transaction commits.
    Nothing happens when the standings already end on ``day`` or another process is
    rebuilding them."""
    async with unit_of_work() as db:
        rebuild = await repository.claim_rebuild(db, org_id, days, day, utcnow())
    if rebuild is None:
        return
    yield 0
    async with unit_of_work(write=False) as db:
        members = await repository.members_to_rebuild(db, rebuild)
    for first in range(0, len(members), batch):
        async with unit_of_work() as db:
            await repository.recompute_members(db, rebuild, members[first : first + batch])
        yield min(first + batch, len(members))
    async with unit_of_work() as db:
        await repository.finish_rebuild(db, rebuild)
    yield len(members)


async def rebuilds_settled() -> None:
    """Wait for the window rebuilds running in this process (tests, benchmarks)."""
    while _rebuilds:
        await asyncio.gather(*list(_rebuilds.values()), return_exceptions=True)


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
    result = _Result(attempt, attempt.score, duration_ms, closed_at)
    moves: list[repository.Move] = []
    gained, first_of_quiz = await _fold_into_quiz(
        sc.db, None, {"id": uuid.uuid4(), "quiz_id": attempt.quiz_id}, result, moves
    )
    await _fold_into_org(sc.db, None, {"id": uuid.uuid4()}, result, gained, first_of_quiz, moves)
    await _fold_into_windows(sc.db, result, moves)
    # Last: the counts are shared by every member of a board, so their row locks are
    # held for as short a time as the transaction allows.
    await repository.count_moves(sc.db, moves)
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


@dataclass(frozen=True, slots=True)
class _Result:
    attempt: ClosedAttempt
    score: float
    duration_ms: int
    at: datetime

    def beats(self, score: float, duration_ms: int, at: datetime) -> bool:
        """Better in board order: higher score, then less time, then earlier."""
        return (self.score, -self.duration_ms, -self.at.timestamp()) > (
            score,
            -duration_ms,
            -as_utc(at).timestamp(),
        )


async def _fold_into_windows(
    db: AsyncSession, result: _Result, moves: list[repository.Move]
) -> None:
    """The result's daily best, and the window standings whose window holds its day."""
    attempt, day = result.attempt, result.at.date()
    await repository.fold_into_day(
        db,
        {
            "org_id": attempt.org_id,
            "quiz_id": attempt.quiz_id,
            "member_id": attempt.member_id,
            "day": day,
            "best_score": result.score,
            "best_duration_ms": result.duration_ms,
            "best_at": result.at,
            "last_activity_at": result.at,
        },
    )
    built = await repository.windows_built(db, attempt.org_id, WINDOWS)
    for days, ending in sorted(built.items()):
        # Standings hold the window ending on their build day; a result of a later day
        # is picked up by their next rebuild (never built: by the first, which takes
        # every member; else listed as pending, for a rebuild that may be under way).
        if ending == date.min:
            continue
        if day > ending:
            await repository.note_pending(db, attempt.org_id, days, attempt.member_id)
            continue
        if day < repository.window_start(ending, days):
            continue
        key = {"window_days": days}
        gained, _ = await _fold_into_quiz(
            db, days, {**key, "quiz_id": attempt.quiz_id}, result, moves
        )
        await _fold_into_org(db, days, key, result, gained, None, moves)


async def _fold_into_quiz(
    db: AsyncSession,
    window_days: int | None,
    key: dict[str, Any],
    result: _Result,
    moves: list[repository.Move],
) -> tuple[float, bool]:
    """Update the member's best on the quiz's board of ``window_days`` (None: all time)
    whose row ``key`` (with the member) identifies; notes the move of its score in
    ``moves``; returns (score gained, first result?)."""
    attempt = result.attempt
    board = repository.Standings(attempt.org_id, attempt.quiz_id, window_days)
    standing = await repository.locked_standing(
        db,
        board.model,
        {
            **key,
            "org_id": attempt.org_id,
            "member_id": attempt.member_id,
            "best_score": result.score,
            "best_duration_ms": result.duration_ms,
            "best_at": result.at,
            "attempts": 0,
            "last_activity_at": result.at,
        },
        [name for name in key if name != "id"] + ["member_id"],
    )
    first = standing.attempts == 0
    gained = result.score if first else 0.0
    old = None if first else standing.best_score
    if not first and result.beats(standing.best_score, standing.best_duration_ms, standing.best_at):
        gained = result.score - standing.best_score
        standing.best_score, standing.best_duration_ms, standing.best_at = (
            result.score,
            result.duration_ms,
            result.at,
        )
    standing.attempts += 1
    standing.last_activity_at = max(as_utc(standing.last_activity_at), result.at)
    db.add(standing)
    moves.append(repository.Move(board, old, standing.best_score))
    return gained, first


async def _fold_into_org(
    db: AsyncSession,
    window_days: int | None,
    key: dict[str, Any],
    result: _Result,
    gained: float,
    first_of_quiz: bool | None,
    moves: list[repository.Move],
) -> None:
    """Add the score gained on a quiz to the member's total on the org-wide board of
    ``window_days`` (None: all time); ``first_of_quiz`` counts the quizzes taken (all
    time only: None for a window)."""
    attempt = result.attempt
    board = repository.Standings(attempt.org_id, None, window_days)
    values: dict[str, Any] = {
        **key,
        "org_id": attempt.org_id,
        "member_id": attempt.member_id,
        "total_score": 0.0,
        "attempts": 0,
        "last_activity_at": result.at,
    }
    if first_of_quiz is not None:
        values["quizzes"] = 0
    standing = await repository.locked_standing(
        db, board.model, values, ["org_id", *(name for name in key if name != "id"), "member_id"]
    )
    old = None if standing.attempts == 0 else standing.total_score
    standing.total_score += gained
    if first_of_quiz:
        standing.quizzes += 1
    standing.attempts += 1
    standing.last_activity_at = max(as_utc(standing.last_activity_at), result.at)
    db.add(standing)
    moves.append(repository.Move(board, old, standing.total_score))
