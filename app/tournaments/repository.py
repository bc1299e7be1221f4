"""Queries for tournaments, their rounds, entrants, scores and frozen standings.

Everything an org's request reads is ``scoped`` to that org. The scheduler crosses
orgs (the next due transition of any org) and says so; its claim is a conditional
UPDATE on ``status``, so two processes (or a staff member and the scheduler) never
both make one transition: the one whose UPDATE matched a row goes on, the other
stops.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, cast

import sqlalchemy as sa
from sqlalchemy import Select, case, delete, func, literal, union_all, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from app.access.tenancy import Tenant, across_orgs, get_scoped, scoped
from app.core.deadlines import SUBMIT_GRACE
from app.members.models import Member
from app.tournaments.models import (
    EntryKind,
    Tournament,
    TournamentEntrant,
    TournamentRound,
    TournamentScore,
    TournamentStanding,
    TournamentStatus,
)

_SCHEDULER = "the scheduler starts and ends every org's tournaments when they are due"
_WRITE = "an insert names its row's org_id itself"
LIVE = (TournamentStatus.SCHEDULED, TournamentStatus.RUNNING)
# The scheduler ends a tournament this long after its end: a round's deadline is capped
# at the end, and a submit within the attempts' grace after it must find it running.
END_GRACE = SUBMIT_GRACE


def _insert(db: AsyncSession) -> Any:
    return pg_insert if db.get_bind().dialect.name == "postgresql" else sqlite_insert


async def by_id(
    db: AsyncSession,
    tournament_id: uuid.UUID,
    tenant: Tenant,
    *,
    for_update: bool = False,
    fresh: bool = False,
) -> Tournament | None:
    return await get_scoped(
        db, Tournament, tournament_id, tenant, for_update=for_update, fresh=fresh
    )


async def running_with_round_locked(
    db: AsyncSession, org_id: uuid.UUID, quiz_id: uuid.UUID
) -> list[Tournament]:
    """The running tournaments of which the quiz is a round, read (one statement) under a
    shared row lock on PostgreSQL (``FOR SHARE``): a result recorded while one is RUNNING
    commits before its end can freeze the board, and one recorded after reads it ENDED.
    Results don't block each other. (SQLite writes one transaction at a time anyway.)"""
    rounds = scoped(select(TournamentRound.tournament_id), TournamentRound, org_id).where(
        col(TournamentRound.quiz_id) == quiz_id
    )
    query = (
        scoped(select(Tournament), Tournament, org_id)
        .where(col(Tournament.id).in_(rounds), col(Tournament.status) == TournamentStatus.RUNNING)
        .with_for_update(read=True)
        .execution_options(populate_existing=True)
    )
    return list((await db.exec(query)).all())


def listing(
    org_id: uuid.UUID, visible: Any, *, status: TournamentStatus | None = None
) -> Select[Any]:
    """The org's tournaments ``visible`` shows, soonest start first."""
    query = scoped(select(Tournament), Tournament, org_id).where(visible)
    if status is not None:
        query = query.where(col(Tournament.status) == status)
    return query.order_by(col(Tournament.starts_at), col(Tournament.id))


async def rounds_of(
    db: AsyncSession, org_id: uuid.UUID, tournament_ids: Sequence[uuid.UUID]
) -> dict[uuid.UUID, list[uuid.UUID]]:
    """Each tournament's quiz ids, in play order."""
    query = (
        scoped(select(TournamentRound), TournamentRound, org_id)
        .where(col(TournamentRound.tournament_id).in_(list(tournament_ids)))
        .order_by(col(TournamentRound.tournament_id), col(TournamentRound.position))
    )
    found: dict[uuid.UUID, list[uuid.UUID]] = {tid: [] for tid in tournament_ids}
    for row in (await db.exec(query)).all():
        found[row.tournament_id].append(row.quiz_id)
    return found


async def replace_rounds(
    db: AsyncSession, tournament: Tournament, quiz_ids: Sequence[uuid.UUID]
) -> None:
    await db.execute(
        scoped(delete(TournamentRound), TournamentRound, tournament.org_id).where(
            col(TournamentRound.tournament_id) == tournament.id
        )
    )
    db.add_all(
        TournamentRound(
            tournament_id=tournament.id,
            position=position,
            quiz_id=quiz_id,
            org_id=tournament.org_id,
        )
        for position, quiz_id in enumerate(quiz_ids, start=1)
    )
    await db.flush()


async def live_with_round(
    db: AsyncSession, org_id: uuid.UUID, quiz_id: uuid.UUID
) -> list[Tournament]:
    """The scheduled or running tournaments of which the quiz is a round (one indexed
    lookup: a quiz in no tournament costs the attempt gate this one query)."""
    rounds = scoped(select(TournamentRound.tournament_id), TournamentRound, org_id).where(
        col(TournamentRound.quiz_id) == quiz_id
    )
    query = scoped(select(Tournament), Tournament, org_id).where(
        col(Tournament.id).in_(rounds), col(Tournament.status).in_(LIVE)
    )
    return list((await db.exec(query)).all())


async def entrant(
    db: AsyncSession, org_id: uuid.UUID, tournament_id: uuid.UUID, member_id: uuid.UUID
) -> TournamentEntrant | None:
    query = scoped(select(TournamentEntrant), TournamentEntrant, org_id).where(
        col(TournamentEntrant.tournament_id) == tournament_id,
        col(TournamentEntrant.member_id) == member_id,
    )
    return (await db.exec(query)).first()


async def entered(
    db: AsyncSession, org_id: uuid.UUID, tournament_ids: Sequence[uuid.UUID], member_id: uuid.UUID
) -> set[uuid.UUID]:
    """Which of the tournaments the member entered."""
    query = scoped(select(TournamentEntrant.tournament_id), TournamentEntrant, org_id).where(
        col(TournamentEntrant.tournament_id).in_(list(tournament_ids)),
        col(TournamentEntrant.member_id) == member_id,
    )
    return set((await db.exec(query)).all())


async def entrant_counts(
    db: AsyncSession, org_id: uuid.UUID, tournament_ids: Sequence[uuid.UUID]
) -> dict[uuid.UUID, int]:
    query = (
        scoped(select(TournamentEntrant.tournament_id, func.count()), TournamentEntrant, org_id)
        .where(col(TournamentEntrant.tournament_id).in_(list(tournament_ids)))
        .group_by(col(TournamentEntrant.tournament_id))
    )
    found = {row[0]: int(row[1]) for row in (await db.exec(query)).all()}
    return {tid: found.get(tid, 0) for tid in tournament_ids}


async def add_entrant(
    db: AsyncSession, tournament: Tournament, member_id: uuid.UUID, kind: EntryKind, now: datetime
) -> bool:
    """Enter the member; False when they already were."""
    statement = across_orgs(
        _insert(db)(TournamentEntrant)
        .values(
            tournament_id=tournament.id,
            member_id=member_id,
            org_id=tournament.org_id,
            kind=kind.value,
            entered_at=now,
        )
        .on_conflict_do_nothing(),
        _WRITE,
    )
    result: Any = await db.execute(statement)
    return bool(result.rowcount)


async def remove_entrant(
    db: AsyncSession, org_id: uuid.UUID, tournament_id: uuid.UUID, member_id: uuid.UUID
) -> None:
    statement = scoped(delete(TournamentEntrant), TournamentEntrant, org_id).where(
        col(TournamentEntrant.tournament_id) == tournament_id,
        col(TournamentEntrant.member_id) == member_id,
    )
    await db.execute(statement)


async def record_best(
    db: AsyncSession,
    tournament: Tournament,
    quiz_id: uuid.UUID,
    member_id: uuid.UUID,
    score: float,
    duration_ms: int,
    at: datetime,
) -> None:
    """Keep the member's best result on the round: a higher score, or the same score in
    less time, replaces it; every result counts as an attempt."""
    insert = _insert(db)(TournamentScore).values(
        tournament_id=tournament.id,
        member_id=member_id,
        quiz_id=quiz_id,
        org_id=tournament.org_id,
        best_score=score,
        best_duration_ms=duration_ms,
        attempts=1,
        best_at=at,
    )
    stored = TournamentScore.__table__.c  # type: ignore[attr-defined]
    better = (insert.excluded.best_score > stored.best_score) | (
        (insert.excluded.best_score == stored.best_score)
        & (insert.excluded.best_duration_ms < stored.best_duration_ms)
    )
    statement = across_orgs(
        insert.on_conflict_do_update(
            index_elements=["tournament_id", "member_id", "quiz_id"],
            set_={
                "best_score": case((better, insert.excluded.best_score), else_=stored.best_score),
                "best_duration_ms": case(
                    (better, insert.excluded.best_duration_ms), else_=stored.best_duration_ms
                ),
                "best_at": case((better, insert.excluded.best_at), else_=stored.best_at),
                "attempts": stored.attempts + 1,
            },
        ),
        _WRITE,
    )
    await db.execute(statement)


@dataclass(frozen=True, slots=True)
class BoardRow:
    member_id: uuid.UUID
    display_name: str
    rank: int
    total_score: float
    total_duration_ms: int | None  # null: no round played yet
    rounds_played: int
    winner: bool


def live_board(org_id: uuid.UUID, tournament_id: uuid.UUID) -> Select[Any]:
    """Every entrant, ranked by the sum of their best score per round (ties by the sum
    of those attempts' times; entrants with no result last), as ``BoardRow`` columns."""
    sums = (
        scoped(
            select(
                col(TournamentScore.member_id).label("member_id"),
                func.sum(TournamentScore.best_score).label("total"),
                func.sum(TournamentScore.best_duration_ms).label("duration"),
                func.count().label("rounds"),
            ),
            TournamentScore,
            org_id,
        )
        .where(col(TournamentScore.tournament_id) == tournament_id)
        .group_by(col(TournamentScore.member_id))
        .subquery()
    )
    total = func.coalesce(sums.c.total, 0.0)
    unplayed = case((sums.c.duration.is_(None), 1), else_=0)
    order = (total.desc(), unplayed, sums.c.duration.asc())
    query: Any = (
        scoped(
            scoped(
                sa.select(
                    col(TournamentEntrant.member_id),
                    col(Member.display_name),
                    func.rank().over(order_by=order),
                    total,
                    sums.c.duration,
                    func.coalesce(sums.c.rounds, 0),
                    literal(False),
                ),
                TournamentEntrant,
                org_id,
            ),
            Member,
            org_id,
        )
        .join_from(TournamentEntrant, Member, col(Member.id) == col(TournamentEntrant.member_id))
        .outerjoin(sums, sums.c.member_id == col(TournamentEntrant.member_id))
        .where(col(TournamentEntrant.tournament_id) == tournament_id)
        .order_by(*order, col(TournamentEntrant.member_id))
    )
    return cast(Select[Any], query)


def frozen_board(
    org_id: uuid.UUID, tournament_id: uuid.UUID, *, winners_only: bool = False
) -> Select[Any]:
    """The standings stored when the tournament ended, as ``BoardRow`` columns."""
    query: Any = (
        scoped(
            sa.select(
                col(TournamentStanding.member_id),
                col(TournamentStanding.display_name),
                col(TournamentStanding.rank),
                col(TournamentStanding.total_score),
                col(TournamentStanding.total_duration_ms),
                col(TournamentStanding.rounds_played),
                col(TournamentStanding.winner),
            ),
            TournamentStanding,
            org_id,
        )
        .where(col(TournamentStanding.tournament_id) == tournament_id)
        .order_by(col(TournamentStanding.rank), col(TournamentStanding.member_id))
    )
    if winners_only:
        query = query.where(col(TournamentStanding.winner))
    return cast(Select[Any], query)


def board_row(found: Sequence[Any]) -> BoardRow:
    member_id, name, rank, total, duration, rounds, winner = found
    return BoardRow(
        member_id=member_id,
        display_name=name,
        rank=int(rank),
        total_score=float(total),
        total_duration_ms=int(duration) if duration is not None else None,
        rounds_played=int(rounds),
        winner=bool(winner),
    )


async def board_top(db: AsyncSession, query: Select[Any], size: int) -> list[BoardRow]:
    return [board_row(row) for row in (await db.execute(query.limit(size))).all()]


async def freeze(db: AsyncSession, tournament: Tournament) -> list[BoardRow]:
    """Store the live board as the final standings, the top ``winners_count`` ranks
    marked winners (a tie at the boundary makes every tied entrant a winner)."""
    rows = [
        board_row(found)
        for found in (await db.execute(live_board(tournament.org_id, tournament.id))).all()
    ]
    final = [
        BoardRow(
            row.member_id,
            row.display_name,
            row.rank,
            row.total_score,
            row.total_duration_ms,
            row.rounds_played,
            row.rank <= tournament.winners_count and row.rounds_played > 0,
        )
        for row in rows
    ]
    db.add_all(
        TournamentStanding(
            tournament_id=tournament.id,
            member_id=row.member_id,
            org_id=tournament.org_id,
            display_name=row.display_name,
            rank=row.rank,
            total_score=row.total_score,
            total_duration_ms=row.total_duration_ms,
            rounds_played=row.rounds_played,
            winner=row.winner,
        )
        for row in final
    )
    await db.flush()
    return final


async def claim(
    db: AsyncSession,
    tournament_id: uuid.UUID,
    org_id: uuid.UUID,
    *,
    from_status: TournamentStatus,
    to_status: TournamentStatus,
    now: datetime,
    due_only: bool,
) -> bool:
    """Move the tournament from ``from_status`` to ``to_status`` if it is still there
    (and, for the scheduler, ``due_only``, if its time has come): True for the one
    caller whose UPDATE matched."""
    values: dict[str, Any] = {"status": to_status, "updated_at": now}
    statement = scoped(update(Tournament), Tournament, org_id).where(
        col(Tournament.id) == tournament_id, col(Tournament.status) == from_status
    )
    if to_status is TournamentStatus.RUNNING:
        values["started_at"] = now
        if due_only:
            statement = statement.where(col(Tournament.starts_at) <= now)
    else:
        values["ended_at"] = now
        if due_only:
            statement = statement.where(col(Tournament.ends_at) <= now - END_GRACE)
    result: Any = await db.execute(
        statement.values(**values).execution_options(synchronize_session=False)
    )
    return bool(result.rowcount == 1)


@dataclass(frozen=True, slots=True)
class Due:
    tournament_id: uuid.UUID
    org_id: uuid.UUID
    status: TournamentStatus
    at: datetime  # when its next transition is due


async def next_due(db: AsyncSession, limit: int) -> list[Due]:
    """The soonest transitions of every org, due or not (one statement, two index
    ranges): the scheduler makes those due and sleeps until the next."""
    starts: Any = across_orgs(
        sa.select(
            col(Tournament.id),
            col(Tournament.org_id),
            col(Tournament.status),
            col(Tournament.starts_at).label("at"),
        )
        .where(col(Tournament.status) == TournamentStatus.SCHEDULED)
        .order_by(col(Tournament.starts_at))
        .limit(limit),
        _SCHEDULER,
    )
    ends: Any = across_orgs(
        sa.select(
            col(Tournament.id),
            col(Tournament.org_id),
            col(Tournament.status),
            col(Tournament.ends_at).label("at"),
        )
        .where(col(Tournament.status) == TournamentStatus.RUNNING)
        .order_by(col(Tournament.ends_at))
        .limit(limit),
        _SCHEDULER,
    )
    both = union_all(starts.subquery().select(), ends.subquery().select())
    rows = (await db.execute(both)).all()
    found = [Due(row[0], row[1], TournamentStatus(row[2]), _due_at(row[2], row[3])) for row in rows]
    return sorted(found, key=lambda due: due.at)


def _due_at(status: str, at: datetime) -> datetime:
    """A start is due at its time; an end once the submit grace after it has passed."""
    return at + END_GRACE if status == TournamentStatus.RUNNING else at
