"""Queries of the rollups, and the bulk reads of closed attempts (matrix, export).

Figures are summed in SQL over the rollups' day rows; only the item analysis and the
export read attempts themselves. Every query is within one org (``scoped``); the
rollup upserts name their org in every row they write.
"""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

import numpy as np
import numpy.typing as npt
from sqlalchemy import (
    ColumnElement,
    Date,
    Uuid,
    and_,
    cast,
    delete,
    func,
    literal,
    literal_column,
    or_,
    select,
    true,
)
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlmodel import col
from sqlmodel.ext.asyncio.session import AsyncSession

from app.access.tenancy import across_orgs, scoped
from app.analytics.models import MemberDay, OptionDay, QuestionDay, ScoreDay
from app.analytics.rollups import ScoredAnswer, ScoredAttempt, Sums
from app.attempts.models import Attempt, AttemptAnswer, AttemptStatus
from app.members.models import Member

_TABLES: dict[str, tuple[Any, tuple[str, ...]]] = {
    "analytics_score_days": (ScoreDay, ("quiz_id", "day", "first_attempt", "score")),
    "analytics_question_days": (QuestionDay, ("question_id", "day", "first_attempt")),
    "analytics_option_days": (OptionDay, ("option_id", "day", "first_attempt")),
    "analytics_member_days": (MemberDay, ("member_id", "day")),
}
_FIXED = frozenset({"org_id", "quiz_id"})
_OWN_ORG = "each row written names its own org (the scored attempt's)"
_CLOSED = (AttemptStatus.SUBMITTED, AttemptStatus.EXPIRED)
# Rows per upsert statement: a rebuild's many rows stay under SQLite's 32,766 bound
# parameters (11 columns at most); a scored attempt's fit in one.
_UPSERT_ROWS = 2_000


@dataclass(frozen=True, slots=True)
class Days:
    """Which rollup rows count: whole UTC days from ``since`` to ``until`` (inclusive;
    None: unbounded), first attempts only or all."""

    since: date | None = None
    until: date | None = None
    first_only: bool = False

    def where(self, model: Any) -> list[ColumnElement[bool]]:
        conditions: list[ColumnElement[bool]] = []
        if self.since is not None:
            conditions.append(col(model.day) >= self.since)
        if self.until is not None:
            conditions.append(col(model.day) <= self.until)
        if self.first_only and hasattr(model, "first_attempt"):
            conditions.append(col(model.first_attempt) == true())
        return conditions

    def attempts_where(self) -> list[ColumnElement[bool]]:
        """The same selection of closed attempts, on the attempts table."""
        conditions: list[ColumnElement[bool]] = [col(Attempt.status).in_(_CLOSED)]
        if self.since is not None:
            conditions.append(col(Attempt.closed_at) >= datetime.combine(self.since, time(), UTC))
        if self.until is not None:
            end = datetime.combine(self.until + timedelta(days=1), time(), UTC)
            conditions.append(col(Attempt.closed_at) < end)
        if self.first_only:
            conditions.append(col(Attempt.number) == 1)
        return conditions


# --- keeping the rollups -------------------------------------------------------------------


def _insert(db: AsyncSession) -> Any:
    return pg_insert if db.get_bind().dialect.name == "postgresql" else sqlite_insert


async def add_sums(db: AsyncSession, sums: Sums) -> None:
    """Add ``sums`` to the rollups: an upsert per table (per ``_UPSERT_ROWS`` rows), rows
    in key order."""
    for name, (model, keys) in _TABLES.items():
        rows = sums.sorted_rows(name)
        if not rows:
            continue
        table = model.__table__
        for start in range(0, len(rows), _UPSERT_ROWS):
            insert = _insert(db)(table).values(rows[start : start + _UPSERT_ROWS])
            added = {
                column: table.c[column] + insert.excluded[column]
                for column in rows[0]
                if column not in keys and column not in _FIXED
            }
            upsert = insert.on_conflict_do_update(index_elements=list(keys), set_=added)
            await db.execute(across_orgs(upsert, _OWN_ORG))


async def clear_org(db: AsyncSession, org_id: uuid.UUID) -> None:
    """Remove the org's rollups (before a rebuild adds them again)."""
    for model, _keys in _TABLES.values():
        await db.execute(scoped(delete(model), model, org_id))


async def scored_attempts(
    db: AsyncSession, org_id: uuid.UUID, after: uuid.UUID | None, limit: int
) -> list[ScoredAttempt]:
    """The org's closed attempts in id order with their answers, a batch at a time."""
    query = scoped(select(Attempt), Attempt, org_id).where(col(Attempt.status).in_(_CLOSED))
    if after is not None:
        query = query.where(col(Attempt.id) > after)
    found = await db.execute(query.order_by(col(Attempt.id)).limit(limit))
    attempts = list(found.scalars().all())
    answers: dict[uuid.UUID, list[ScoredAnswer]] = {attempt.id: [] for attempt in attempts}
    for answer in await answers_of(db, org_id, list(answers)):
        answers[answer.attempt_id].append(
            ScoredAnswer(answer.question_id, answer.points, tuple(answer.selected))
        )
    return [_scored(attempt, answers[attempt.id]) for attempt in attempts]


def _scored(attempt: Attempt, answers: list[ScoredAnswer]) -> ScoredAttempt:
    assert attempt.closed_at is not None and attempt.score is not None
    return ScoredAttempt(
        attempt_id=attempt.id,
        org_id=attempt.org_id,
        quiz_id=attempt.quiz_id,
        member_id=attempt.member_id,
        number=attempt.number,
        submitted=attempt.status == AttemptStatus.SUBMITTED,
        started_at=attempt.started_at,
        closed_at=attempt.closed_at,
        score=attempt.score,
        percentage=attempt.percentage,
        passed=attempt.passed,
        answers=tuple(answers),
    )


async def answers_of(
    db: AsyncSession, org_id: uuid.UUID, attempt_ids: Sequence[uuid.UUID]
) -> list[AttemptAnswer]:
    query = scoped(select(AttemptAnswer), AttemptAnswer, org_id)
    found = await db.execute(query.where(col(AttemptAnswer.attempt_id).in_(attempt_ids)))
    return list(found.scalars().all())


async def rollup_rows(db: AsyncSession, org_id: uuid.UUID) -> dict[str, list[dict[str, Any]]]:
    """Every rollup row of the org, per table in key order (for checks)."""
    rows: dict[str, list[dict[str, Any]]] = {}
    for name, (model, keys) in _TABLES.items():
        query = scoped(select(model.__table__), model, org_id)
        found = await db.execute(query.order_by(*(model.__table__.c[key] for key in keys)))
        rows[name] = [dict(row._mapping) for row in found]
    return rows


# --- reading a quiz's figures ----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ScoreCount:
    score: float
    attempts: int
    submitted: int
    graded: int
    passed: int
    duration_ms: int


async def score_counts(
    db: AsyncSession, org_id: uuid.UUID, quiz_id: uuid.UUID, days: Days
) -> list[ScoreCount]:
    """How many attempts scored each score (ascending), with their other sums."""
    query = scoped(
        select(
            col(ScoreDay.score),
            func.sum(ScoreDay.attempts),
            func.sum(ScoreDay.submitted),
            func.sum(ScoreDay.graded),
            func.sum(ScoreDay.passed),
            func.sum(ScoreDay.duration_ms),
        ).where(col(ScoreDay.quiz_id) == quiz_id, *days.where(ScoreDay)),
        ScoreDay,
        org_id,
    )
    found = await db.execute(query.group_by(col(ScoreDay.score)).order_by(col(ScoreDay.score)))
    return [
        ScoreCount(float(score), int(n), int(sub), int(graded), int(passed), int(ms))
        for score, n, sub, graded, passed, ms in found
        if n
    ]


@dataclass(frozen=True, slots=True)
class QuestionSums:
    answered: int
    points: float
    points_squared: float


async def question_sums(
    db: AsyncSession, org_id: uuid.UUID, quiz_id: uuid.UUID, days: Days
) -> dict[uuid.UUID, QuestionSums]:
    query = scoped(
        select(
            col(QuestionDay.question_id),
            func.sum(QuestionDay.answered),
            func.sum(QuestionDay.points),
            func.sum(QuestionDay.points_squared),
        ).where(col(QuestionDay.quiz_id) == quiz_id, *days.where(QuestionDay)),
        QuestionDay,
        org_id,
    )
    found = await db.execute(query.group_by(col(QuestionDay.question_id)))
    return {
        question: QuestionSums(int(n), float(points), float(squares))
        for question, n, points, squares in found
    }


async def option_picks(
    db: AsyncSession, org_id: uuid.UUID, quiz_id: uuid.UUID, days: Days
) -> dict[uuid.UUID, int]:
    query = scoped(
        select(col(OptionDay.option_id), func.sum(OptionDay.picks)).where(
            col(OptionDay.quiz_id) == quiz_id, *days.where(OptionDay)
        ),
        OptionDay,
        org_id,
    )
    found = await db.execute(query.group_by(col(OptionDay.option_id)))
    return {option: int(picks) for option, picks in found}


async def participants(db: AsyncSession, org_id: uuid.UUID, quiz_id: uuid.UUID, days: Days) -> int:
    """Members with a counted attempt. Every member with a closed attempt closed their
    first one (a second starts only once the first is closed), so without a range this
    is the first attempts' count; with one, the attempts are counted (an index range)."""
    if (days.since is None and days.until is None) or days.first_only:
        whole = Days(days.since, days.until, first_only=True)
        return sum(count.attempts for count in await score_counts(db, org_id, quiz_id, whole))
    query = scoped(
        select(func.count(func.distinct(Attempt.member_id))).where(
            col(Attempt.quiz_id) == quiz_id, *days.attempts_where()
        ),
        Attempt,
        org_id,
    )
    return int((await db.execute(query)).scalar_one())


async def counted_attempts(
    db: AsyncSession, org_id: uuid.UUID, quiz_id: uuid.UUID, days: Days
) -> int:
    query = scoped(
        select(func.count())
        .select_from(Attempt)
        .where(col(Attempt.quiz_id) == quiz_id, *days.attempts_where()),
        Attempt,
        org_id,
    )
    return int((await db.execute(query)).scalar_one())


@dataclass(frozen=True, slots=True)
class PointsPage:
    """One page of the response matrix: ``attempts`` rows (attempts without any answer
    are rows of zeros), the answers as parallel arrays of row, question and points."""

    attempts: int
    rows: npt.NDArray[np.int64]
    question_ids: list[uuid.UUID]
    points: npt.NDArray[np.float64]


async def points_pages(
    db: AsyncSession, org_id: uuid.UUID, quiz_id: uuid.UUID, days: Days, batch: int = 5_000
) -> AsyncIterator[PointsPage]:
    """The points of every answer of the counted attempts, ``batch`` attempts per page
    (keyset pages on ``ix_attempts_quiz_member``, see ``_after``): plain Core rows, no
    ORM objects, straight into arrays."""
    last: tuple[uuid.UUID, int] | None = None
    while True:
        page = scoped(
            select(col(Attempt.id), col(Attempt.member_id), col(Attempt.number)).where(
                col(Attempt.quiz_id) == quiz_id, *days.attempts_where()
            ),
            Attempt,
            org_id,
        )
        if last is not None:
            page = page.where(_after(last))
        found = (await db.execute(page.order_by(*_MEMBER_ORDER).limit(batch))).all()
        if not found:
            return
        row_of = {attempt_id: index for index, (attempt_id, _m, _n) in enumerate(found)}
        query = scoped(
            select(
                col(AttemptAnswer.attempt_id),
                col(AttemptAnswer.question_id),
                col(AttemptAnswer.points),
            ).where(
                col(AttemptAnswer.attempt_id).in_(list(row_of)),
                col(AttemptAnswer.points).is_not(None),
            ),
            AttemptAnswer,
            org_id,
        )
        answers = (await db.execute(query)).all()
        yield PointsPage(
            len(found),
            np.fromiter((row_of[a] for a, _q, _p in answers), np.int64, len(answers)),
            [question for _a, question, _p in answers],
            np.fromiter((p for _a, _q, p in answers), np.float64, len(answers)),
        )
        last = (found[-1][1], found[-1][2])


# A quiz's attempts member by member, each member's in attempt order (unique per quiz):
# pages of it are ranges of ``ix_attempts_quiz_member`` (quiz_id, member_id). Paging by
# the primary key or by closing time instead made the database sort every remaining
# attempt of the quiz for each page (minutes at 100,000 attempts on SQLite).
_MEMBER_ORDER = (col(Attempt.member_id), col(Attempt.number))


def _after(last: tuple[uuid.UUID, int]) -> ColumnElement[bool]:
    """After ``last`` in ``_MEMBER_ORDER``, spelt so any planner can bound the scan by the
    index: ``member_id >= m`` is an index range; the rest filters that member's attempts.
    (SQLite also ranges a row comparison ``(member_id, number) > (m, n)``; not every
    planner does.)"""
    member, number = col(Attempt.member_id), col(Attempt.number)
    last_member = literal(last[0], Uuid())
    return and_(member >= last_member, or_(member > last_member, number > last[1]))


# --- the org's figures -----------------------------------------------------------------------


def bucket_of(db: AsyncSession, day: Any, weekly: bool) -> Any:
    """The first day of ``day``'s bucket: the day itself, or the Monday of its week."""
    if not weekly:
        return day
    if db.get_bind().dialect.name == "postgresql":
        return cast(func.date_trunc("week", day), Date)
    return func.date(day, literal_column("'weekday 0'"), literal_column("'-6 days'"))


def as_date(value: Any) -> date:
    """A date as the driver returns it (SQLite's ``date()`` answers text)."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    return date.fromisoformat(str(value))


@dataclass(frozen=True, slots=True)
class Bucket:
    start: date
    attempts: int
    percentage_sum: float
    active_members: int


async def buckets(db: AsyncSession, org_id: uuid.UUID, days: Days, weekly: bool) -> list[Bucket]:
    """Attempts, summed percentages and active members per day or week, in order."""
    score_bucket = bucket_of(db, col(MemberDay.day), weekly).label("bucket")
    query = scoped(
        select(
            score_bucket,
            func.sum(MemberDay.attempts),
            func.sum(MemberDay.percentage),
            func.count(func.distinct(MemberDay.member_id)),
        ).where(*days.where(MemberDay)),
        MemberDay,
        org_id,
    )
    found = await db.execute(query.group_by(score_bucket).order_by(score_bucket))
    return [
        Bucket(as_date(start), int(n), float(total), int(members))
        for start, n, total, members in found
    ]


async def active_members(db: AsyncSession, org_id: uuid.UUID, days: Days) -> int:
    query = scoped(
        select(func.count(func.distinct(MemberDay.member_id))).where(*days.where(MemberDay)),
        MemberDay,
        org_id,
    )
    return int((await db.execute(query)).scalar_one())


@dataclass(frozen=True, slots=True)
class QuizTotal:
    quiz_id: uuid.UUID
    attempts: int
    percentage_sum: float


async def top_quizzes(
    db: AsyncSession, org_id: uuid.UUID, days: Days, limit: int
) -> list[QuizTotal]:
    """The quizzes with the most attempts (ties: quiz id), most first."""
    attempts = func.sum(ScoreDay.attempts)
    query = scoped(
        select(col(ScoreDay.quiz_id), attempts, func.sum(ScoreDay.percentage)).where(
            *days.where(ScoreDay)
        ),
        ScoreDay,
        org_id,
    )
    query = query.group_by(col(ScoreDay.quiz_id)).order_by(attempts.desc(), col(ScoreDay.quiz_id))
    found = await db.execute(query.limit(limit))
    return [QuizTotal(quiz, int(n), float(total)) for quiz, n, total in found]


@dataclass(frozen=True, slots=True)
class MemberTotal:
    member_id: uuid.UUID
    attempts: int
    quizzes: int
    percentage_sum: float
    last_day: date


def _member_totals(org_id: uuid.UUID, days: Days) -> Any:
    return scoped(
        select(
            col(MemberDay.member_id),
            func.sum(MemberDay.attempts).label("attempts"),
            func.sum(MemberDay.first_attempts),
            func.sum(MemberDay.percentage),
            func.max(MemberDay.day),
        ).where(*days.where(MemberDay)),
        MemberDay,
        org_id,
    ).group_by(col(MemberDay.member_id))


def _member_total(row: Sequence[Any]) -> MemberTotal:
    member, attempts, quizzes, total, last = row
    return MemberTotal(member, int(attempts), int(quizzes), float(total), as_date(last))


async def member_totals(
    db: AsyncSession,
    org_id: uuid.UUID,
    days: Days,
    *,
    member_id: uuid.UUID | None = None,
    offset: int = 0,
    limit: int | None = None,
) -> list[MemberTotal]:
    """Each active member's totals, most attempts first (ties: member id)."""
    query = _member_totals(org_id, days)
    if member_id is not None:
        query = query.where(col(MemberDay.member_id) == member_id)
    query = query.order_by(literal_column("attempts").desc(), col(MemberDay.member_id))
    if limit is not None:
        query = query.offset(offset).limit(limit)
    return [_member_total(row) for row in await db.execute(query)]


async def member_buckets(
    db: AsyncSession, org_id: uuid.UUID, member_id: uuid.UUID, days: Days, weekly: bool
) -> list[Bucket]:
    """One member's attempts and summed percentages per day or week."""
    bucket = bucket_of(db, col(MemberDay.day), weekly).label("bucket")
    query = scoped(
        select(bucket, func.sum(MemberDay.attempts), func.sum(MemberDay.percentage)).where(
            col(MemberDay.member_id) == member_id, *days.where(MemberDay)
        ),
        MemberDay,
        org_id,
    )
    found = await db.execute(query.group_by(bucket).order_by(bucket))
    return [Bucket(as_date(start), int(n), float(total), 1) for start, n, total in found]


# --- the export -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ExportRow:
    attempt_id: uuid.UUID
    member_id: uuid.UUID
    username: str
    display_name: str
    number: int
    status: str
    started_at: datetime
    closed_at: datetime | None
    score: float | None
    max_score: float
    percentage: float | None
    passed: bool | None


async def export_attempts(
    db: AsyncSession, org_id: uuid.UUID, quiz_id: uuid.UUID, days: Days, batch: int
) -> AsyncIterator[list[tuple[ExportRow, dict[uuid.UUID, float | None]]]]:
    """The counted attempts with their members' names and their points per question,
    ``batch`` attempts at a time, member by member and each member's in attempt order:
    keyset pages on ``ix_attempts_quiz_member`` (see ``_after``), and nothing but one
    batch is ever held."""
    last: tuple[uuid.UUID, int] | None = None
    while True:
        query = scoped(
            scoped(
                select(
                    col(Attempt.id),
                    col(Attempt.member_id),
                    col(Member.username),
                    col(Member.display_name),
                    col(Attempt.number),
                    col(Attempt.status),
                    col(Attempt.started_at),
                    col(Attempt.closed_at),
                    col(Attempt.score),
                    col(Attempt.max_score),
                    col(Attempt.percentage),
                    col(Attempt.passed),
                )
                .join(Member, col(Member.id) == col(Attempt.member_id))
                .where(col(Attempt.quiz_id) == quiz_id, *days.attempts_where()),
                Attempt,
                org_id,
            ),
            Member,
            org_id,
        )
        if last is not None:
            query = query.where(_after(last))
        query = query.order_by(*_MEMBER_ORDER).limit(batch)
        rows = [ExportRow(*row) for row in await db.execute(query)]
        if not rows:
            return
        points: dict[uuid.UUID, dict[uuid.UUID, float | None]] = {
            row.attempt_id: {} for row in rows
        }
        answered = scoped(
            select(
                col(AttemptAnswer.attempt_id),
                col(AttemptAnswer.question_id),
                col(AttemptAnswer.points),
            ).where(col(AttemptAnswer.attempt_id).in_(list(points))),
            AttemptAnswer,
            org_id,
        )
        for attempt_id, question_id, earned in await db.execute(answered):
            points[attempt_id][question_id] = earned
        yield [(row, points[row.attempt_id]) for row in rows]
        last = (rows[-1].member_id, rows[-1].number)
