"""Queries for attempts and their answers."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import func, update
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession
from sqlmodel.sql.expression import SelectOfScalar

from app.attempts.models import Attempt, AttemptAnswer, AttemptStatus


async def by_id(db: AsyncSession, attempt_id: uuid.UUID) -> Attempt | None:
    """The attempt as committed now (not as this session last saw it)."""
    query = select(Attempt).where(Attempt.id == attempt_id)
    return (await db.exec(query.execution_options(populate_existing=True))).first()


async def by_ids(db: AsyncSession, ids: Sequence[uuid.UUID]) -> list[Attempt]:
    return list((await db.exec(select(Attempt).where(col(Attempt.id).in_(ids)))).all())


async def count_for(db: AsyncSession, quiz_id: uuid.UUID, member_id: uuid.UUID) -> int:
    found = await db.exec(
        select(func.count())
        .select_from(Attempt)
        .where(Attempt.quiz_id == quiz_id, Attempt.member_id == member_id)
    )
    return int(found.one())


async def open_for(db: AsyncSession, quiz_id: uuid.UUID, member_id: uuid.UUID) -> Attempt | None:
    found = await db.exec(
        select(Attempt).where(
            Attempt.quiz_id == quiz_id,
            Attempt.member_id == member_id,
            Attempt.status == AttemptStatus.IN_PROGRESS,
        )
    )
    return found.first()


def listing(
    org_id: uuid.UUID,
    *,
    quiz_id: uuid.UUID | None = None,
    member_id: uuid.UUID | None = None,
    status: AttemptStatus | None = None,
) -> SelectOfScalar[Attempt]:
    query = select(Attempt).where(Attempt.org_id == org_id)
    if quiz_id is not None:
        query = query.where(Attempt.quiz_id == quiz_id)
    if member_id is not None:
        query = query.where(Attempt.member_id == member_id)
    if status is not None:
        query = query.where(Attempt.status == status)
    return query.order_by(col(Attempt.started_at).desc(), col(Attempt.id))


async def expired_open(
    db: AsyncSession,
    org_id: uuid.UUID,
    before: datetime,
    *,
    quiz_id: uuid.UUID | None = None,
    member_id: uuid.UUID | None = None,
) -> list[Attempt]:
    """Attempts still open although their deadline was before ``before``."""
    query = listing(org_id, quiz_id=quiz_id, member_id=member_id, status=AttemptStatus.IN_PROGRESS)
    query = query.where(col(Attempt.deadline).is_not(None), col(Attempt.deadline) < before)
    return list((await db.exec(query)).all())


async def claim_close(
    db: AsyncSession, attempt_id: uuid.UUID, status: AttemptStatus, now: datetime
) -> bool:
    """Close an open attempt; False when someone else closed it first.

    The conditional UPDATE is the one arbiter between concurrent submits: on
    PostgreSQL the second waits for the first's row lock and then matches nothing.
    """
    result = await db.execute(
        update(Attempt)
        .where(col(Attempt.id) == attempt_id, col(Attempt.status) == AttemptStatus.IN_PROGRESS)
        .values(status=status, closed_at=now)
        .returning(col(Attempt.id))
        .execution_options(synchronize_session=False)
    )
    return result.first() is not None


async def answers_of(db: AsyncSession, attempt_ids: Sequence[uuid.UUID]) -> list[AttemptAnswer]:
    found = await db.exec(
        select(AttemptAnswer).where(col(AttemptAnswer.attempt_id).in_(attempt_ids))
    )
    return list(found.all())
