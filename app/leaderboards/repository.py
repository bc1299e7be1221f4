"""Board queries and the upkeep of the standings they read.

Every board a request reads is a standings table read through its rank index, which is
in board order (score descending, then the ascending tie-breakers, then member id):

- a page is one statement: index range reads starting just after the cursor's entry
  (keyset), each stopping after a page, with the count of the rows before the cursor
  for the page's ranks (none on the first page);
- an entry (``myRank``) is one statement: the member's row by its unique key, with the
  count of the rows strictly better.

Rows of a higher score are counted from the score counts (members per score per board,
a few rows); rows of the same score by index-only range counts, one range per
tie-breaker (an OR of them would make the database scan the whole score).

Cursors of the earlier offset format still page with OFFSET. The 7- and 30-day boards
read window standings while they end today; until they are rebuilt for the day, those
boards are aggregated per request from the daily bests (``aggregated_page``).
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Select,
    and_,
    case,
    delete,
    func,
    insert,
    literal,
    or_,
    select,
    text,
    union,
    union_all,
)
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import aliased
from sqlmodel import col
from sqlmodel.ext.asyncio.session import AsyncSession

from app.access.tenancy import across_orgs, scoped
from app.core.clock import as_utc
from app.core.pagination import Count, counter
from app.leaderboards.cursors import After, BoardKey, Offset
from app.leaderboards.models import (
    DailyBest,
    OrgScoreCount,
    OrgStanding,
    OrgWindowStanding,
    QuizScoreCount,
    QuizStanding,
    QuizWindowStanding,
    WindowBuild,
    WindowPending,
)
from app.leaderboards.ranking import competition_ranks

# Boards show display names: joining members in the same statement keeps a page one
# query (a service call per page would be a second round trip for every board read).
from app.members.models import Member

# A quiz's standings are all of the quiz's org: counting them by quiz alone keeps the
# rank and total counts index-only scans of the rank index (the page itself, and the
# standing a rank is counted from, are read scoped).
_ONE_QUIZ = "rows of one quiz are all of the quiz's org; index-only counts"
_ONE_MEMBER = "one member's row of their own org, by its unique key"
_FROM_SCOPED = "rows copied from a select scoped to the org"
_MOVED = "the counts of the boards one result moved, by their keys"


@dataclass(frozen=True, slots=True)
class BoardRow:
    member_id: uuid.UUID
    display_name: str
    score: float
    attempts: int
    last_activity_at: datetime
    duration_ms: int | None
    rank: int
    # When the best result was submitted (quiz boards; None org-wide).
    at: datetime | None = None

    @property
    def key(self) -> BoardKey:
        at = as_utc(self.at) if self.at is not None else None
        return BoardKey(self.score, self.duration_ms, at, self.member_id)


@dataclass(frozen=True, slots=True)
class BoardPage:
    rows: list[BoardRow]
    has_previous: bool
    has_next: bool
    count: Count


@dataclass(frozen=True, slots=True)
class Standings:
    """One board in a standings table: a quiz's or the org's, all time or a window."""

    org_id: uuid.UUID
    quiz_id: uuid.UUID | None  # None: org-wide
    window_days: int | None = None  # None: all time

    @property
    def per_quiz(self) -> bool:
        return self.quiz_id is not None

    @property
    def model(self) -> Any:
        if self.per_quiz:
            return QuizStanding if self.window_days is None else QuizWindowStanding
        return OrgStanding if self.window_days is None else OrgWindowStanding

    @property
    def counts(self) -> Any:
        return QuizScoreCount if self.per_quiz else OrgScoreCount

    def counted(self) -> list[ColumnElement[bool]]:
        """This board's rows of its score counts."""
        counts = self.counts
        board = (
            col(counts.quiz_id) == self.quiz_id
            if self.per_quiz
            else col(counts.org_id) == self.org_id
        )
        return [board, col(counts.window_days) == (self.window_days or 0)]

    def rows(self, model: Any) -> list[ColumnElement[bool]]:
        """This board's rows of ``model`` (the table or an alias of it), as conditions
        on the leading columns of its rank index."""
        board = (
            [col(model.quiz_id) == self.quiz_id]
            if self.per_quiz
            else [col(model.org_id) == self.org_id]
        )
        if self.window_days is not None:
            board.append(col(model.window_days) == self.window_days)
        return board


@dataclass(frozen=True, slots=True)
class _Order:
    """A board's order: ``score`` descending, then ``ties`` ascending (the rest of the
    ranking key: equal keys share a rank), then ``member`` (only to make it total)."""

    score: Any
    ties: tuple[Any, ...]
    member: Any

    @property
    def ranking(self) -> tuple[Any, ...]:
        return (self.score, *self.ties)

    def by(self) -> tuple[Any, ...]:
        return (self.score.desc(), *self.ties, self.member)

    def values(self, key: BoardKey) -> tuple[Any, ...]:
        return (key.score, key.duration_ms, key.at)[: 1 + len(self.ties)]

    def better(self, values: Sequence[Any]) -> list[list[ColumnElement[bool]]]:
        """Ranges of the rows whose ranking key is strictly better than ``values`` (a
        key's values, or the columns of another row)."""
        ranges: list[list[ColumnElement[bool]]] = []
        for depth, column in enumerate(self.ranking):
            equal = [c == v for c, v in zip(self.ranking[:depth], values, strict=False)]
            ahead = column > values[depth] if depth == 0 else column < values[depth]
            ranges.append([*equal, ahead])
        return ranges

    def tied_up_to(self, key: BoardKey) -> list[ColumnElement[bool]]:
        """The rows with ``key``'s ranking key, up to and including its member."""
        equal = [c == v for c, v in zip(self.ranking, self.values(key), strict=True)]
        return [*equal, self.member <= key.member_id]

    def after(self, key: BoardKey) -> list[list[ColumnElement[bool]]]:
        """Ranges of the rows after ``key`` in board order, nearest first: each is an
        index range in the same order, so each stops after a page."""
        values = self.values(key)
        equal = [c == v for c, v in zip(self.ranking, values, strict=True)]
        ranges = [[*equal, self.member > key.member_id]]
        for depth in reversed(range(len(self.ranking))):
            column = self.ranking[depth]
            behind = column < values[depth] if depth == 0 else column > values[depth]
            ranges.append([*equal[:depth], behind])
        return ranges


def _order(model: Any, per_quiz: bool) -> _Order:
    if per_quiz:
        return _Order(
            col(model.best_score),
            (col(model.best_duration_ms), col(model.best_at)),
            col(model.member_id),
        )
    return _Order(col(model.total_score), (), col(model.member_id))


def _entry_columns(model: Any, per_quiz: bool) -> list[Any]:
    if per_quiz:
        return [
            col(model.member_id).label("member_id"),
            col(model.best_score).label("score"),
            col(model.best_duration_ms).label("duration_ms"),
            col(model.best_at).label("at"),
            col(model.attempts).label("attempts"),
            col(model.last_activity_at).label("last_activity_at"),
        ]
    return [
        col(model.member_id).label("member_id"),
        col(model.total_score).label("score"),
        col(model.attempts).label("attempts"),
        col(model.last_activity_at).label("last_activity_at"),
    ]


def _scoped_rows(board: Standings, statement: Any) -> Any:
    """``statement`` limited to the board's rows and org (reads of rows shown)."""
    return scoped(statement.where(*board.rows(board.model)), board.model, board.org_id)


def _counted_rows(board: Standings, model: Any, *conditions: ColumnElement[bool]) -> Any:
    """The count of the board's rows of ``model`` matching ``conditions``, as a scalar
    subquery reading only the rank index."""
    counted = select(func.count()).select_from(model).where(*board.rows(model), *conditions)
    if board.per_quiz:
        return across_orgs(counted, _ONE_QUIZ).scalar_subquery()
    return scoped(counted, model, board.org_id).scalar_subquery()


def _members_above(board: Standings, score: Any) -> Any:
    """How many members of the board score more than ``score`` (a value or a column),
    summed from the score counts: a scalar subquery."""
    counts = board.counts
    above = select(func.coalesce(func.sum(col(counts.members)), 0)).where(
        *board.counted(), col(counts.score) > score
    )
    if board.per_quiz:
        return across_orgs(above, _ONE_QUIZ).scalar_subquery()
    return scoped(above, counts, board.org_id).scalar_subquery()


def _better(board: Standings, model: Any, values: Sequence[Any]) -> Any:
    """How many of the board's rows of ``model`` have a ranking key strictly better than
    ``values``: those of a higher score from the score counts, then an index range
    count per tie-breaker within the score."""
    order = _order(model, board.per_quiz)
    higher, *ties = order.better(values)
    del higher  # counted from the score counts instead
    return _sum(
        [_members_above(board, values[0]), *(_counted_rows(board, model, *r) for r in ties)]
    )


def _sum(counts: Sequence[Any]) -> Any:
    total = counts[0]
    for count in counts[1:]:
        total = total + count
    return total


def _named(source: Any, org_id: uuid.UUID) -> Select[Any]:
    return scoped(
        select(source, col(Member.display_name)).join(Member, col(Member.id) == source.c.member_id),
        Member,
        org_id,
    )


def _row(found: Any, rank: int) -> BoardRow:
    mapping = found._mapping
    return BoardRow(
        mapping["member_id"],
        mapping["display_name"],
        float(mapping["score"]),
        int(mapping["attempts"]),
        mapping["last_activity_at"],
        int(mapping["duration_ms"]) if mapping.get("duration_ms") is not None else None,
        rank,
        mapping.get("at"),
    )


def _ranking_key(row: BoardRow) -> tuple[Any, ...]:
    at = as_utc(row.at) if row.at is not None else None
    return (row.score, row.duration_ms, at)


# --- pages and entries from standings tables ------------------------------------------


async def page(db: AsyncSession, board: Standings, after: After, size: int) -> BoardPage:
    if isinstance(after, Offset):
        return await _offset_page(db, board, after.offset, size)
    model = board.model
    order = _order(model, board.per_quiz)
    ranges = [[]] if after is None else order.after(after)
    parts = [
        _scoped_rows(board, select(*_entry_columns(model, board.per_quiz)))
        .where(*conditions)
        .order_by(*order.by())
        .limit(size + 1)
        .subquery()
        for conditions in ranges
    ]
    if len(parts) == 1:
        source = parts[0]
    else:
        # Ordered and limited as a whole, so the union is read once: SQLite would
        # otherwise push the join below (and its counts) into every branch.
        merged = union_all(*(select(p) for p in parts))
        merged_order = _order_of(merged.selected_columns, board.per_quiz)
        source = merged.order_by(*merged_order.by()).limit(size + 1).subquery()
    query = _named(source, board.org_id)
    if after is not None:
        better = _better(board, model, order.values(after))
        tied = _counted_rows(board, model, *order.tied_up_to(after))
        query = query.add_columns(better.label("better"), tied.label("tied"))
    ordered = _order_of(source.c, board.per_quiz)
    found = (await db.execute(query.order_by(*ordered.by()).limit(size + 1))).all()
    rows = [_row(f, 0) for f in found[:size]]
    if rows and after is not None:
        # Rows up to the cursor: those better than its ranking key, and its ties up to it.
        before = int(found[0].better) + int(found[0].tied)
        tied_with_cursor = _ranking_key(rows[0]) == (after.score, after.duration_ms, after.at)
        first_rank = 1 + (int(found[0].better) if tied_with_cursor else before)
        rows = _ranked(rows, first_rank, before + 1)
    else:
        rows = _ranked(rows, 1, 1)
    return BoardPage(rows, after is not None, len(found) > size, _board_count(db, board))


def _order_of(columns: Any, per_quiz: bool) -> _Order:
    """The board order over ``columns`` (a subquery's ``c``) named like a standings row's."""
    if per_quiz:
        return _Order(columns.score, (columns.duration_ms, columns.at), columns.member_id)
    return _Order(columns.score, (), columns.member_id)


def _ranked(rows: list[BoardRow], first_rank: int, first_position: int) -> list[BoardRow]:
    ranks = competition_ranks([_ranking_key(r) for r in rows], first_rank, first_position)
    return [_with_rank(row, rank) for row, rank in zip(rows, ranks, strict=True)]


def _with_rank(row: BoardRow, rank: int) -> BoardRow:
    return BoardRow(
        row.member_id,
        row.display_name,
        row.score,
        row.attempts,
        row.last_activity_at,
        row.duration_ms,
        rank,
        row.at,
    )


async def _offset_page(db: AsyncSession, board: Standings, offset: int, size: int) -> BoardPage:
    """A page after a cursor of the earlier format (OFFSET: costs grow with depth)."""
    model = board.model
    order = _order(model, board.per_quiz)
    source = (
        _scoped_rows(board, select(*_entry_columns(model, board.per_quiz)))
        .order_by(*order.by())
        .offset(offset)
        .limit(size + 1)
        .subquery()
    )
    ordered = _order_of(source.c, board.per_quiz)
    found = (await db.execute(_named(source, board.org_id).order_by(*ordered.by()))).all()
    rows = [_row(f, 0) for f in found[:size]]
    if rows:
        better = _better(board, model, order.values(rows[0].key))
        first_rank = 1 + int((await db.execute(select(better))).scalar_one())
        rows = _ranked(rows, first_rank, offset + 1)
    return BoardPage(rows, offset > 0, len(found) > size, _board_count(db, board))


def _board_count(db: AsyncSession, board: Standings) -> Count:
    """The board's size, summed from its score counts (when asked for)."""
    counts = board.counts
    total = select(func.coalesce(func.sum(col(counts.members)), 0)).where(*board.counted())
    query = across_orgs(total, _ONE_QUIZ) if board.per_quiz else scoped(total, counts, board.org_id)

    async def count() -> int:
        return int((await db.execute(query)).scalar_one())

    return count


async def entry(db: AsyncSession, board: Standings, member_id: uuid.UUID) -> BoardRow | None:
    """The member's entry and its rank (1 + the rows strictly better), in one statement."""
    model = board.model
    other = aliased(model)
    better = _better(board, other, _order(model, board.per_quiz).ranking)
    columns = _entry_columns(model, board.per_quiz)
    query = scoped(
        _scoped_rows(
            board,
            select(*columns, col(Member.display_name), better.label("better")).join(
                Member, col(Member.id) == col(model.member_id)
            ),
        ),
        Member,
        board.org_id,
    )
    found = (await db.execute(query.where(col(model.member_id) == member_id))).first()
    return _row(found, 1 + int(found.better)) if found is not None else None


# --- windows aggregated from the daily bests (until their standings are rebuilt) -------


async def participants(db: AsyncSession, org_id: uuid.UUID, quiz_id: uuid.UUID, up_to: int) -> int:
    """How many members have closed an attempt of the quiz (one standing each), counted
    no further than ``up_to`` (an index range of at most that many entries)."""
    some = (
        scoped(select(col(QuizStanding.member_id)), QuizStanding, org_id)
        .where(col(QuizStanding.quiz_id) == quiz_id)
        .limit(up_to)
    )
    found = await db.execute(select(func.count()).select_from(some.subquery()))
    return int(found.scalar_one())


def window_start(today: date, days: int) -> date:
    """The first day of the window of ``days`` UTC days ending with ``today``."""
    return today - timedelta(days=days - 1)


# A member's days in board order: best score, then less time, then the earlier best.
_BEST_DAY_FIRST = (
    col(DailyBest.best_score).desc(),
    col(DailyBest.best_duration_ms),
    col(DailyBest.best_at),
)


def _aggregated(board: Standings, today: date) -> Any:
    """The board computed from the daily bests of its window: one row per member with
    the columns of a standings row (a subquery)."""
    assert board.window_days is not None
    daily = DailyBest
    in_window = [
        col(daily.day) >= window_start(today, board.window_days),
        col(daily.day) <= today,
    ]
    member = col(daily.member_id)
    if board.per_quiz:
        per_member = scoped(
            select(
                member.label("member_id"),
                col(daily.best_score).label("score"),
                col(daily.best_duration_ms).label("duration_ms"),
                col(daily.best_at).label("at"),
                func.row_number()
                .over(
                    partition_by=member,
                    order_by=_BEST_DAY_FIRST,
                )
                .label("position"),
                func.sum(col(daily.attempts)).over(partition_by=member).label("attempts"),
                func.max(col(daily.last_activity_at))
                .over(partition_by=member)
                .label("last_activity_at"),
            ),
            DailyBest,
            board.org_id,
        ).where(col(daily.quiz_id) == board.quiz_id, *in_window)
        ranked = per_member.subquery()
        return (
            select(
                ranked.c.member_id,
                ranked.c.score,
                ranked.c.duration_ms,
                ranked.c.at,
                ranked.c.attempts,
                ranked.c.last_activity_at,
            )
            .where(ranked.c.position == 1)
            .subquery()
        )
    per_quiz = (
        scoped(
            select(
                member.label("member_id"),
                func.max(col(daily.best_score)).label("best"),
                func.sum(col(daily.attempts)).label("attempts"),
                func.max(col(daily.last_activity_at)).label("last_activity_at"),
            ),
            DailyBest,
            board.org_id,
        )
        .where(*in_window)
        .group_by(member, col(daily.quiz_id))
        .subquery()
    )
    return (
        select(
            per_quiz.c.member_id,
            func.sum(per_quiz.c.best).label("score"),
            func.sum(per_quiz.c.attempts).label("attempts"),
            func.max(per_quiz.c.last_activity_at).label("last_activity_at"),
        )
        .group_by(per_quiz.c.member_id)
        .subquery()
    )


def _aggregated_ranked(board: Standings, today: date) -> Any:
    source = _aggregated(board, today)
    order = _order_of(source.c, board.per_quiz)
    rank = func.rank().over(order_by=(order.score.desc(), *order.ties)).label("rank")
    return select(source, rank).subquery()


async def aggregated_page(
    db: AsyncSession, board: Standings, today: date, after: After, size: int
) -> BoardPage:
    ranked = _aggregated_ranked(board, today)
    order = _order_of(ranked.c, board.per_quiz)
    query = _named(ranked, board.org_id).order_by(*order.by())
    if isinstance(after, Offset):
        query = query.offset(after.offset)
    elif after is not None:
        query = query.where(or_(*(and_(*r) for r in order.after(after))))
    found = (await db.execute(query.limit(size + 1))).all()
    rows = [_row(f, int(f.rank)) for f in found[:size]]
    count = counter(db, select(ranked.c.member_id))
    return BoardPage(rows, after is not None, len(found) > size, count)


async def aggregated_entry(
    db: AsyncSession, board: Standings, today: date, member_id: uuid.UUID
) -> BoardRow | None:
    ranked = _aggregated_ranked(board, today)
    found = (
        await db.execute(_named(ranked, board.org_id).where(ranked.c.member_id == member_id))
    ).first()
    return _row(found, int(found.rank)) if found is not None else None


# --- keeping the standings ----------------------------------------------------------------


def _insert(db: AsyncSession) -> Any:
    return pg_insert if db.get_bind().dialect.name == "postgresql" else sqlite_insert


async def locked_standing(db: AsyncSession, model: type, values: dict[str, Any], keys: list[str]):  # type: ignore[no-untyped-def]
    """Insert the standing unless it exists, then read it under a row lock (no lost
    updates); ``keys`` name its unique key, ``values["org_id"]`` its org."""
    upsert = _insert(db)(model).values(**values).on_conflict_do_nothing(index_elements=keys)
    await db.execute(upsert)
    query: Any = scoped(select(model), model, values["org_id"]).with_for_update()
    for key in keys:
        query = query.where(getattr(model, key) == values[key])
    found = await db.execute(query.execution_options(populate_existing=True))
    return found.scalars().one()


@dataclass(frozen=True, slots=True)
class Move:
    """A member's score on ``board`` went from ``old`` (None: new on the board) to ``new``."""

    board: Standings
    old: float | None
    new: float


async def count_moves(db: AsyncSession, moves: Sequence[Move]) -> None:
    """Keep the score counts of the boards ``moves`` touch: one upsert per table, each
    in key order (concurrent scorings lock shared count rows in the same order)."""
    quiz: dict[tuple[Any, ...], int] = {}
    org: dict[tuple[Any, ...], int] = {}
    for move in moves:
        if move.old == move.new:
            continue
        board = move.board
        counts = quiz if board.per_quiz else org
        target = board.quiz_id if board.per_quiz else board.org_id
        for score, delta in ((move.new, 1), (move.old, -1)):
            if score is not None:
                key = (target, board.window_days or 0, score, board.org_id)
                counts[key] = counts.get(key, 0) + delta
    for model, changes, board_column in (
        (QuizScoreCount, quiz, "quiz_id"),
        (OrgScoreCount, org, "org_id"),
    ):
        rows = [
            {board_column: target, "window_days": days, "score": score, "members": delta}
            | ({"org_id": org_id} if board_column == "quiz_id" else {})
            for (target, days, score, org_id), delta in sorted(changes.items())
            if delta
        ]
        if rows:
            await db.execute(across_orgs(_counted(db, model, rows), _MOVED))


def _counted(db: AsyncSession, model: Any, rows: list[dict[str, Any]]) -> Any:
    """Add ``rows``' members to the score counts (negative: taken away)."""
    return _upsert_counts(db, model, _insert(db)(model.__table__).values(rows))


def _add_counts(db: AsyncSession, model: Any, columns: list[str], rows: Any) -> Any:
    """Add the members ``rows`` counts (one row per score, ``columns``) to the counts."""
    return _upsert_counts(db, model, _insert(db)(model.__table__).from_select(columns, rows))


def _upsert_counts(db: AsyncSession, model: Any, upsert: Any) -> Any:
    board = "quiz_id" if model is QuizScoreCount else "org_id"
    return upsert.on_conflict_do_update(
        index_elements=[board, "window_days", "score"],
        set_={"members": model.__table__.c.members + upsert.excluded.members},
    )


async def fold_into_day(db: AsyncSession, result: dict[str, Any]) -> None:
    """Fold one result (org_id, quiz_id, member_id, day, best_score, best_duration_ms,
    best_at, last_activity_at) into its member's daily best: one upsert."""
    table = DailyBest.__table__  # type: ignore[attr-defined]
    insert = _insert(db)(table).values(**result, attempts=1)
    new = insert.excluded
    better = or_(
        new.best_score > table.c.best_score,
        and_(
            new.best_score == table.c.best_score,
            new.best_duration_ms < table.c.best_duration_ms,
        ),
        and_(
            new.best_score == table.c.best_score,
            new.best_duration_ms == table.c.best_duration_ms,
            new.best_at < table.c.best_at,
        ),
    )
    upsert = insert.on_conflict_do_update(
        index_elements=["quiz_id", "member_id", "day"],
        set_={
            "best_score": case((better, new.best_score), else_=table.c.best_score),
            "best_duration_ms": case(
                (better, new.best_duration_ms), else_=table.c.best_duration_ms
            ),
            "best_at": case((better, new.best_at), else_=table.c.best_at),
            "attempts": table.c.attempts + 1,
            "last_activity_at": case(
                (new.last_activity_at > table.c.last_activity_at, new.last_activity_at),
                else_=table.c.last_activity_at,
            ),
        },
    )
    await db.execute(across_orgs(upsert, _ONE_MEMBER))


async def windows_built(
    db: AsyncSession, org_id: uuid.UUID, lengths: Sequence[int]
) -> dict[int, date]:
    """The day each of the org's window standings end on, read under a shared lock: a
    rebuild's claim and its last transaction (which lock them exclusively, briefly)
    wait until this transaction ends, so either they see this transaction's daily best
    and its pending member, or this transaction sees the rebuilt standings and folds
    into them. The build rows are made first (never built: ``date.min``), so there is a
    row to lock even before the first build."""
    missing = [{"org_id": org_id, "window_days": days, "day": date.min} for days in lengths]
    await db.execute(
        across_orgs(
            _insert(db)(WindowBuild).values(missing).on_conflict_do_nothing(),
            "the org's own build rows, by their key",
        )
    )
    query = scoped(select(col(WindowBuild.window_days), col(WindowBuild.day)), WindowBuild, org_id)
    found = (await db.execute(query.with_for_update(read=True))).all()
    return {days: day for days, day in found}


async def window_built_on(db: AsyncSession, org_id: uuid.UUID, window_days: int) -> date | None:
    query = scoped(select(col(WindowBuild.day)), WindowBuild, org_id).where(
        col(WindowBuild.window_days) == window_days
    )
    return (await db.execute(query)).scalar_one_or_none()


# A rebuild claim older than this is taken over: its process died (the longest
# rebuild measured, a first 30-day build at 100k members, took 23 s).
REBUILD_CLAIM = timedelta(minutes=10)


@dataclass(frozen=True, slots=True)
class Rebuild:
    """A claimed rebuild of the org's standings of ``window_days``, built on ``built``,
    to the window ending ``today``."""

    org_id: uuid.UUID
    window_days: int
    today: date
    built: date
    whole: bool


async def claim_rebuild(
    db: AsyncSession, org_id: uuid.UUID, window_days: int, today: date, now: datetime
) -> Rebuild | None:
    """Claim the rebuild of the org's standings of ``window_days`` for the window ending
    ``today``; None when they already end today or another process is rebuilding them.
    A short transaction of its own: the build row is locked only while it is claimed.

    The members it recomputes (``members_to_rebuild``): those with results on the days
    that left the window, or on days after the last build (not folded in then); after a
    gap longer than the window, or the first time, every member with window standings
    or with results in the new window. A member scored from now on is listed in
    ``leaderboard_window_pending`` by the scoring transaction (the standings still end
    on the last build's day), so ``finish_rebuild`` recomputes them."""
    build: WindowBuild = await locked_standing(
        db,
        WindowBuild,
        {"org_id": org_id, "window_days": window_days, "day": date.min},
        ["org_id", "window_days"],
    )
    if build.day >= today:  # built by another process (or one whose clock runs ahead)
        return None
    since = build.rebuilding_since
    if since is not None and as_utc(since) > now - REBUILD_CLAIM:
        return None  # being rebuilt by another process
    build.rebuilding_since = now
    db.add(build)
    await db.flush()
    start = window_start(today, window_days)
    return Rebuild(org_id, window_days, today, build.day, built_ahead(build.day, start))


def built_ahead(built: date, start: date) -> bool:
    """Whether standings built on ``built`` share no day with the window from ``start``
    (never built, or a gap longer than the window): then every member is recomputed."""
    return built < start - timedelta(days=1)


async def members_to_rebuild(db: AsyncSession, rebuild: Rebuild) -> list[uuid.UUID]:
    """The members a claimed rebuild recomputes, in id order (read after the claim has
    committed: the scoring transactions before it are committed too, and the ones after
    it note their members as pending)."""
    org_id, window_days, built = rebuild.org_id, rebuild.window_days, rebuild.built
    start = window_start(rebuild.today, window_days)
    daily = DailyBest
    listed = scoped(select(col(daily.member_id)), DailyBest, org_id)
    if rebuild.whole:
        listed = listed.where(col(daily.day) >= start, col(daily.day) <= rebuild.today)
        standing = OrgWindowStanding
        kept = scoped(select(col(standing.member_id)), OrgWindowStanding, org_id).where(
            col(standing.window_days) == window_days
        )
        members: Any = union(listed, kept)
    else:
        left = and_(col(daily.day) >= window_start(built, window_days), col(daily.day) < start)
        members = listed.where(or_(left, col(daily.day) > built)).distinct()
    listing = members.subquery()
    query = select(listing.c.member_id).order_by(listing.c.member_id)
    return list((await db.execute(query)).scalars())


async def recompute_members(db: AsyncSession, rebuild: Rebuild, members: list[uuid.UUID]) -> None:
    """Recompute ``members``' window standings (every quiz, and org-wide) for the window
    ending on the rebuild's day from their daily bests, and their score counts.

    No scoring transaction writes these rows meanwhile: while the standings end on an
    earlier day, a result (of today) is outside their window and only listed as
    pending. The deletions are taken off the score counts by the deletion triggers."""
    if not members:
        return
    org_id, window_days = rebuild.org_id, rebuild.window_days
    quiz, org = QuizWindowStanding, OrgWindowStanding
    of_quiz = [col(quiz.window_days) == window_days, col(quiz.member_id).in_(members)]
    of_org = [col(org.window_days) == window_days, col(org.member_id).in_(members)]
    await db.execute(scoped(delete(quiz), QuizWindowStanding, org_id).where(*of_quiz))
    await db.execute(scoped(delete(org), OrgWindowStanding, org_id).where(*of_org))
    best = _aggregated_bests(org_id, window_days, rebuild.today, members)
    await db.execute(
        across_orgs(insert(quiz).from_select(_QUIZ_WINDOW_COLUMNS, best), _FROM_SCOPED)
    )
    totals = (
        scoped(
            select(
                col(quiz.org_id),
                col(quiz.member_id),
                literal(window_days).label("window_days"),
                func.sum(col(quiz.best_score)),
                func.sum(col(quiz.attempts)),
                func.max(col(quiz.last_activity_at)),
            ),
            QuizWindowStanding,
            org_id,
        )
        .where(*of_quiz)
        .group_by(col(quiz.org_id), col(quiz.member_id))
    )
    await db.execute(
        across_orgs(insert(org).from_select(_ORG_WINDOW_COLUMNS, totals), _FROM_SCOPED)
    )
    # Counted in key order, as every writer of the counts locks them.
    quiz_counted = (
        scoped(
            select(
                col(quiz.quiz_id),
                literal(window_days).label("window_days"),
                col(quiz.best_score),
                col(quiz.org_id),
                func.count(),
            ),
            QuizWindowStanding,
            org_id,
        )
        .where(*of_quiz)
        .group_by(col(quiz.quiz_id), col(quiz.best_score), col(quiz.org_id))
        .order_by(col(quiz.quiz_id), col(quiz.best_score))
    )
    org_counted = (
        scoped(
            select(
                col(org.org_id),
                literal(window_days).label("window_days"),
                col(org.total_score),
                func.count(),
            ),
            OrgWindowStanding,
            org_id,
        )
        .where(*of_org)
        .group_by(col(org.org_id), col(org.total_score))
        .order_by(col(org.total_score))
    )
    await db.execute(
        across_orgs(
            _add_counts(
                db,
                QuizScoreCount,
                ["quiz_id", "window_days", "score", "org_id", "members"],
                quiz_counted,
            ),
            _FROM_SCOPED,
        )
    )
    await db.execute(
        across_orgs(
            _add_counts(
                db, OrgScoreCount, ["org_id", "window_days", "score", "members"], org_counted
            ),
            _FROM_SCOPED,
        )
    )


async def finish_rebuild(db: AsyncSession, rebuild: Rebuild) -> bool:
    """The rebuild's last transaction: under the build row's lock (so no scoring
    transaction is between reading the build day and committing), recompute the
    members scored since the claim (pending), then mark the standings built for the
    rebuild's day. False when the claim was lost (taken over after ``REBUILD_CLAIM``)."""
    org_id, window_days = rebuild.org_id, rebuild.window_days
    build: WindowBuild = await locked_standing(
        db,
        WindowBuild,
        {"org_id": org_id, "window_days": window_days, "day": date.min},
        ["org_id", "window_days"],
    )
    if build.day >= rebuild.today or build.rebuilding_since is None:
        return False
    pending = scoped(select(col(WindowPending.member_id)), WindowPending, org_id).where(
        col(WindowPending.window_days) == window_days
    )
    members = list((await db.execute(pending.order_by(col(WindowPending.member_id)))).scalars())
    for first in range(0, len(members), REBUILD_BATCH):
        await recompute_members(db, rebuild, members[first : first + REBUILD_BATCH])
    await db.execute(
        scoped(delete(WindowPending), WindowPending, org_id).where(
            col(WindowPending.window_days) == window_days
        )
    )
    for counts in (QuizScoreCount, OrgScoreCount):
        # scores no member of the window stands at any more
        await db.execute(
            scoped(delete(counts), counts, org_id).where(
                col(counts.window_days) == window_days, col(counts.members) == 0
            )
        )
    if rebuild.whole and db.get_bind().dialect.name == "postgresql":
        # The tables changed wholesale: plan board reads with fresh statistics.
        for name in ("quiz_window_standings", "org_window_standings"):
            await db.execute(text(f"ANALYZE {name}"))
    build.day, build.rebuilding_since = rebuild.today, None
    db.add(build)
    await db.flush()
    return True


async def note_pending(
    db: AsyncSession, org_id: uuid.UUID, window_days: int, member_id: uuid.UUID
) -> None:
    """List the member as scored while the org's standings of ``window_days`` are stale."""
    row = {"org_id": org_id, "window_days": window_days, "member_id": member_id}
    await db.execute(
        across_orgs(_insert(db)(WindowPending).values(row).on_conflict_do_nothing(), _ONE_MEMBER)
    )


# Members recomputed per transaction of a rebuild (each a short lock on SQLite, where
# every writer waits for it; on PostgreSQL scoring never waits for one).
REBUILD_BATCH = 500

_QUIZ_WINDOW_COLUMNS = [
    "org_id",
    "quiz_id",
    "member_id",
    "window_days",
    "best_score",
    "best_duration_ms",
    "best_at",
    "attempts",
    "last_activity_at",
]
_ORG_WINDOW_COLUMNS = [
    "org_id",
    "member_id",
    "window_days",
    "total_score",
    "attempts",
    "last_activity_at",
]


def _aggregated_bests(
    org_id: uuid.UUID, window_days: int, today: date, members: list[uuid.UUID]
) -> Select[Any]:
    """Each member's best daily best per quiz within the window, with the window's
    attempts and latest result, as rows of ``quiz_window_standings``, for ``members``."""
    daily = DailyBest
    pair = (col(daily.quiz_id), col(daily.member_id))
    in_window = [
        col(daily.day) >= window_start(today, window_days),
        col(daily.day) <= today,
    ]
    in_window.append(col(daily.member_id).in_(members))
    ranked = (
        scoped(
            select(
                col(daily.org_id),
                col(daily.quiz_id),
                col(daily.member_id),
                col(daily.best_score),
                col(daily.best_duration_ms),
                col(daily.best_at),
                func.row_number()
                .over(
                    partition_by=pair,
                    order_by=_BEST_DAY_FIRST,
                )
                .label("position"),
                func.sum(col(daily.attempts)).over(partition_by=pair).label("attempts"),
                func.max(col(daily.last_activity_at)).over(partition_by=pair).label("last"),
            ),
            DailyBest,
            org_id,
        )
        .where(*in_window)
        .subquery()
    )
    return select(
        ranked.c.org_id,
        ranked.c.quiz_id,
        ranked.c.member_id,
        literal(window_days).label("window_days"),
        ranked.c.best_score,
        ranked.c.best_duration_ms,
        ranked.c.best_at,
        ranked.c.attempts,
        ranked.c.last,
    ).where(ranked.c.position == 1)
