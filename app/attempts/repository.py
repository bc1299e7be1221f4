"""Queries for attempts and their answers, each within a tenant (``app.access.tenancy``)."""

from __future__ import annotations

import uuid
from collections.abc import Collection, Sequence
from datetime import datetime

from sqlalchemy import ColumnElement, func, update
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession
from sqlmodel.sql.expression import SelectOfScalar

from app.access.tenancy import Tenant, across_orgs, get_scoped, scoped
from app.attempts.models import Attempt, AttemptAnswer, AttemptStatus

# (org, quiz, member): whose expired attempts to close, as ``overdue`` finds them.
Overdue = tuple[uuid.UUID, uuid.UUID, uuid.UUID]


async def by_id(db: AsyncSession, attempt_id: uuid.UUID, tenant: Tenant) -> Attempt | None:
    """The attempt as committed now (not as this session last saw it)."""
    return await get_scoped(db, Attempt, attempt_id, tenant, fresh=True)


async def count_for(
    db: AsyncSession, org_id: uuid.UUID, quiz_id: uuid.UUID, member_id: uuid.UUID
) -> int:
    found = await db.exec(
        scoped(
            select(func.count())
            .select_from(Attempt)
            .where(Attempt.quiz_id == quiz_id, Attempt.member_id == member_id),
            Attempt,
            org_id,
        )
    )
    return int(found.one())


async def exists_for_quiz(db: AsyncSession, org_id: uuid.UUID, quiz_id: uuid.UUID) -> bool:
    query = scoped(select(Attempt.id).where(Attempt.quiz_id == quiz_id), Attempt, org_id)
    return (await db.exec(query.limit(1))).first() is not None


async def open_for(
    db: AsyncSession, org_id: uuid.UUID, quiz_id: uuid.UUID, member_id: uuid.UUID
) -> Attempt | None:
    found = await db.exec(
        scoped(
            select(Attempt).where(
                Attempt.quiz_id == quiz_id,
                Attempt.member_id == member_id,
                Attempt.status == AttemptStatus.IN_PROGRESS,
            ),
            Attempt,
            org_id,
        )
    )
    return found.first()


def listing(
    org_id: uuid.UUID,
    visible: ColumnElement[bool] | None = None,
    *,
    quiz_id: uuid.UUID | None = None,
    member_id: uuid.UUID | None = None,
    status: AttemptStatus | None = None,
) -> SelectOfScalar[Attempt]:
    """The org's attempts (those ``visible`` keeps: ``AttemptVisibility.clause``), newest
    first."""
    query = scoped(select(Attempt), Attempt, org_id)
    if visible is not None:
        query = query.where(visible)
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
    quiz_ids: Collection[uuid.UUID] | None = None,
) -> list[Attempt]:
    """Attempts still open although their deadline was before ``before`` (of the quiz,
    of the member, of any of ``quiz_ids``: each given filter applies)."""
    query = listing(org_id, quiz_id=quiz_id, member_id=member_id, status=AttemptStatus.IN_PROGRESS)
    query = query.where(col(Attempt.deadline).is_not(None), col(Attempt.deadline) < before)
    if quiz_ids is not None:
        query = query.where(col(Attempt.quiz_id).in_(list(quiz_ids)))
    return list((await db.exec(query)).all())


async def overdue(db: AsyncSession, before: datetime, limit: int) -> list[Overdue]:
    """Whose open attempts ran out before ``before``, across every org, oldest first."""
    query = across_orgs(
        select(Attempt.org_id, Attempt.quiz_id, Attempt.member_id),
        "the server's sweep closes abandoned attempts of every org (as SYSTEM)",
    )
    query = (
        query.where(
            Attempt.status == AttemptStatus.IN_PROGRESS,
            col(Attempt.deadline).is_not(None),
            col(Attempt.deadline) < before,
        )
        .order_by(col(Attempt.deadline), col(Attempt.id))
        .limit(limit)
    )
    rows = (await db.exec(query)).all()
    return list(dict.fromkeys((org, quiz, member) for org, quiz, member in rows))


async def claim_close(
    db: AsyncSession,
    org_id: uuid.UUID,
    attempt_id: uuid.UUID,
    status: AttemptStatus,
    now: datetime,
) -> bool:
    """Close an open attempt; False when someone else closed it first.

    The conditional UPDATE is the one arbiter between concurrent submits: on
    PostgreSQL the second waits for the first's row lock and then matches nothing.
    """
    result = await db.execute(
        scoped(
            update(Attempt).where(
                col(Attempt.id) == attempt_id, col(Attempt.status) == AttemptStatus.IN_PROGRESS
            ),
            Attempt,
            org_id,
        )
        .values(status=status, closed_at=now)
        .returning(col(Attempt.id))
        .execution_options(synchronize_session=False)
    )
    return result.first() is not None


async def answers_of(
    db: AsyncSession, attempt_ids: Sequence[uuid.UUID], tenant: Tenant
) -> list[AttemptAnswer]:
    found = await db.exec(
        scoped(
            select(AttemptAnswer).where(col(AttemptAnswer.attempt_id).in_(attempt_ids)),
            AttemptAnswer,
            tenant,
        )
    )
    return list(found.all())
