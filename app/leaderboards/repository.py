"""Board queries. All-time boards read the standings tables; windows read results.

Costs (see README): an all-time page is one indexed range read plus one count of the
rows better than the page's first row; a windowed board aggregates the results of
the window (7 or 30 days) with window functions, so it grows with that traffic.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, Select, func, null, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlmodel import col
from sqlmodel.ext.asyncio.session import AsyncSession

from app.access.tenancy import across_orgs, scoped
from app.core.pagination import Count, counter
from app.leaderboards.models import LeaderboardResult, OrgStanding, QuizStanding
from app.leaderboards.ranking import competition_ranks

# Boards show display names: joining members in the same statement keeps a page one
# query (a service call per page would be a second round trip for every board read).
from app.members.models import Member

# A quiz's standings are all of the quiz's org: counting them by quiz alone keeps the
# rank and total counts index-only scans of ix_quiz_standings_rank (the page itself, and
# the standing a rank is counted from, were read scoped).
_ONE_QUIZ = "rows of one quiz are all of the quiz's org; index-only counts"


@dataclass(frozen=True, slots=True)
class BoardRow:
    member_id: uuid.UUID
    display_name: str
    score: float
    attempts: int
    last_activity_at: datetime
    duration_ms: int | None
    rank: int


@dataclass(frozen=True, slots=True)
class BoardPage:
    rows: list[BoardRow]
    offset: int
    has_next: bool
    count: Count


# --- all time, per quiz -------------------------------------------------------------

_QUIZ_ORDER = (
    col(QuizStanding.best_score).desc(),
    col(QuizStanding.best_duration_ms),
    col(QuizStanding.best_at),
    col(QuizStanding.member_id),
)


def _with_names(model: Any, org_id: uuid.UUID) -> Select[Any]:
    """The org's ``model`` standings, each with its member's display name."""
    return scoped(
        scoped(
            select(model, col(Member.display_name)).join(Member, col(Member.id) == model.member_id),
            model,
            org_id,
        ),
        Member,
        org_id,
    )


async def quiz_page(
    db: AsyncSession, org_id: uuid.UUID, quiz_id: uuid.UUID, offset: int, size: int
) -> BoardPage:
    query = _with_names(QuizStanding, org_id).where(col(QuizStanding.quiz_id) == quiz_id)
    query = query.order_by(*_QUIZ_ORDER)
    found = (await db.execute(query.offset(offset).limit(size + 1))).all()
    count = counter(
        db,
        across_orgs(
            select(col(QuizStanding.id)).where(col(QuizStanding.quiz_id) == quiz_id), _ONE_QUIZ
        ),
    )
    rows = found[:size]
    if not rows:
        return BoardPage([], offset, False, count)
    first_rank = await _quiz_rank(db, rows[0][0])
    keys = [(s.best_score, s.best_duration_ms, s.best_at) for s, _ in rows]
    ranks = competition_ranks(keys, first_rank, offset + 1)
    board = [_quiz_row(s, name, rank) for (s, name), rank in zip(rows, ranks, strict=True)]
    return BoardPage(board, offset, len(found) > size, count)


async def quiz_entry(
    db: AsyncSession, org_id: uuid.UUID, quiz_id: uuid.UUID, member_id: uuid.UUID
) -> BoardRow | None:
    query = _with_names(QuizStanding, org_id)
    found = (
        await db.execute(
            query.where(
                col(QuizStanding.quiz_id) == quiz_id, col(QuizStanding.member_id) == member_id
            )
        )
    ).first()
    if found is None:
        return None
    standing, name = found
    return _quiz_row(standing, name, await _quiz_rank(db, standing))


async def _quiz_rank(db: AsyncSession, standing: QuizStanding) -> int:
    """1 + the rows strictly better, counted as three index range scans (an OR of the
    three would make the database scan the whole board)."""
    quiz = col(QuizStanding.quiz_id) == standing.quiz_id
    score, duration = col(QuizStanding.best_score), col(QuizStanding.best_duration_ms)
    same_score, same_time = score == standing.best_score, duration == standing.best_duration_ms
    better = (
        _counted(quiz, score > standing.best_score)
        + _counted(quiz, same_score, duration < standing.best_duration_ms)
        + _counted(quiz, same_score, same_time, col(QuizStanding.best_at) < standing.best_at)
    )
    return 1 + int((await db.execute(select(better))).scalar_one())


def _counted(*conditions: ColumnElement[bool]) -> Any:
    counted = select(func.count()).select_from(QuizStanding).where(*conditions)
    return across_orgs(counted, _ONE_QUIZ).scalar_subquery()


def _quiz_row(standing: QuizStanding, name: str, rank: int) -> BoardRow:
    return BoardRow(
        standing.member_id,
        name,
        standing.best_score,
        standing.attempts,
        standing.last_activity_at,
        standing.best_duration_ms,
        rank,
    )


# --- all time, org-wide -------------------------------------------------------------

_ORG_ORDER = (col(OrgStanding.total_score).desc(), col(OrgStanding.member_id))


async def org_page(db: AsyncSession, org_id: uuid.UUID, offset: int, size: int) -> BoardPage:
    query = _with_names(OrgStanding, org_id)
    found = (await db.execute(query.order_by(*_ORG_ORDER).offset(offset).limit(size + 1))).all()
    count = counter(db, scoped(select(col(OrgStanding.id)), OrgStanding, org_id))
    rows = found[:size]
    if not rows:
        return BoardPage([], offset, False, count)
    first_rank = await _org_rank(db, rows[0][0])
    ranks = competition_ranks([s.total_score for s, _ in rows], first_rank, offset + 1)
    board = [_org_row(s, name, rank) for (s, name), rank in zip(rows, ranks, strict=True)]
    return BoardPage(board, offset, len(found) > size, count)


async def org_entry(db: AsyncSession, org_id: uuid.UUID, member_id: uuid.UUID) -> BoardRow | None:
    query = _with_names(OrgStanding, org_id)
    found = (
        await db.execute(
            query.where(col(OrgStanding.member_id) == member_id, col(OrgStanding.attempts) > 0)
        )
    ).first()
    if found is None:
        return None
    standing, name = found
    return _org_row(standing, name, await _org_rank(db, standing))


async def _org_rank(db: AsyncSession, standing: OrgStanding) -> int:
    better = scoped(
        select(col(OrgStanding.id)).where(col(OrgStanding.total_score) > standing.total_score),
        OrgStanding,
        standing.org_id,
    )
    return 1 + await counter(db, better)()


def _org_row(standing: OrgStanding, name: str, rank: int) -> BoardRow:
    return BoardRow(
        standing.member_id,
        name,
        standing.total_score,
        standing.attempts,
        standing.last_activity_at,
        None,
        rank,
    )


# --- windows (last 7 / 30 days) -----------------------------------------------------


def windowed_quiz(
    org_id: uuid.UUID, quiz_id: uuid.UUID, since: datetime
) -> Select[tuple[Any, ...]]:
    result = LeaderboardResult
    ranked = scoped(
        select(
            col(result.member_id).label("member_id"),
            col(result.score).label("score"),
            col(result.duration_ms).label("duration_ms"),
            col(result.submitted_at).label("best_at"),
            func.row_number()
            .over(
                partition_by=col(result.member_id),
                order_by=(
                    col(result.score).desc(),
                    col(result.duration_ms),
                    col(result.submitted_at),
                ),
            )
            .label("position"),
            func.count().over(partition_by=col(result.member_id)).label("attempts"),
            func.max(col(result.submitted_at))
            .over(partition_by=col(result.member_id))
            .label("last"),
        ),
        LeaderboardResult,
        org_id,
    )
    per_member = ranked.where(
        col(result.quiz_id) == quiz_id, col(result.submitted_at) >= since
    ).subquery()
    best = select(per_member).where(per_member.c.position == 1).subquery()
    return select(
        best.c.member_id,
        best.c.score,
        best.c.attempts,
        best.c.last,
        best.c.duration_ms,
        func.rank()
        .over(order_by=(best.c.score.desc(), best.c.duration_ms, best.c.best_at))
        .label("rank"),
    )


def windowed_org(org_id: uuid.UUID, since: datetime) -> Select[tuple[Any, ...]]:
    result = LeaderboardResult
    per_quiz = (
        scoped(
            select(
                col(result.member_id).label("member_id"),
                func.max(col(result.score)).label("best"),
                func.count().label("attempts"),
                func.max(col(result.submitted_at)).label("last"),
            ),
            LeaderboardResult,
            org_id,
        )
        .where(col(result.submitted_at) >= since)
        .group_by(col(result.member_id), col(result.quiz_id))
        .subquery()
    )
    totals = (
        select(
            per_quiz.c.member_id,
            func.sum(per_quiz.c.best).label("score"),
            func.sum(per_quiz.c.attempts).label("attempts"),
            func.max(per_quiz.c.last).label("last"),
        )
        .group_by(per_quiz.c.member_id)
        .subquery()
    )
    return select(
        totals.c.member_id,
        totals.c.score,
        totals.c.attempts,
        totals.c.last,
        null().label("duration_ms"),
        func.rank().over(order_by=totals.c.score.desc()).label("rank"),
    )


async def windowed_page(
    db: AsyncSession,
    org_id: uuid.UUID,
    ranked: Select[tuple[Any, ...]],
    offset: int,
    size: int,
) -> BoardPage:
    board = ranked.subquery()
    query = scoped(
        select(board, col(Member.display_name)).join(Member, col(Member.id) == board.c.member_id),
        Member,
        org_id,
    ).order_by(board.c.rank, board.c.member_id)
    found = (await db.execute(query.offset(offset).limit(size + 1))).all()
    rows = [_windowed_row(row) for row in found[:size]]
    return BoardPage(rows, offset, len(found) > size, counter(db, select(board.c.member_id)))


async def windowed_entry(
    db: AsyncSession,
    org_id: uuid.UUID,
    ranked: Select[tuple[Any, ...]],
    member_id: uuid.UUID,
) -> BoardRow | None:
    board = ranked.subquery()
    query = scoped(
        select(board, col(Member.display_name)).join(Member, col(Member.id) == board.c.member_id),
        Member,
        org_id,
    )
    found = (await db.execute(query.where(board.c.member_id == member_id))).first()
    return _windowed_row(found) if found else None


def _windowed_row(row: Any) -> BoardRow:
    return BoardRow(
        row.member_id,
        row.display_name,
        float(row.score),
        int(row.attempts),
        row.last,
        int(row.duration_ms) if row.duration_ms is not None else None,
        int(row.rank),
    )


# --- keeping standings ----------------------------------------------------------------


async def locked_standing(db: AsyncSession, model: type, values: dict[str, Any], keys: list[str]):  # type: ignore[no-untyped-def]
    """Insert the standing unless it exists, then read it under a row lock (no lost
    updates); ``keys`` name its unique key, ``values["org_id"]`` its org."""
    insert = pg_insert if db.get_bind().dialect.name == "postgresql" else sqlite_insert
    await db.execute(insert(model).values(**values).on_conflict_do_nothing(index_elements=keys))
    query: Any = scoped(select(model), model, values["org_id"]).with_for_update()
    for key in keys:
        query = query.where(getattr(model, key) == values[key])
    found = await db.execute(query.execution_options(populate_existing=True))
    return found.scalars().one()
