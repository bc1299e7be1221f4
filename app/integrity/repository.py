"""Queries for integrity rules, attempt records and events, each within a tenant
(``app.access.tenancy``)."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession
from sqlmodel.sql.expression import SelectOfScalar

from app.access.tenancy import Tenant, get_scoped, scoped
from app.core.clock import utcnow
from app.integrity.models import (
    AttemptIntegrity,
    IntegrityEvent,
    IntegrityEventType,
    IntegrityRules,
    ReviewOutcome,
)


async def rules_of(db: AsyncSession, org_id: uuid.UUID) -> IntegrityRules | None:
    found = await db.exec(scoped(select(IntegrityRules), IntegrityRules, org_id))
    return found.first()


async def locked_rules(
    db: AsyncSession, org_id: uuid.UUID, defaults: dict[str, int | None]
) -> IntegrityRules:
    """The org's rules row, made from ``defaults`` if it has none yet, locked until
    commit (two first changes at once don't collide on the org's unique row)."""
    await db.execute(
        _insert(db)(IntegrityRules)
        .values(id=uuid.uuid4(), org_id=org_id, updated_at=utcnow(), **defaults)
        .on_conflict_do_nothing(index_elements=["org_id"])
    )
    query = scoped(select(IntegrityRules), IntegrityRules, org_id).with_for_update()
    found = await db.exec(query.execution_options(populate_existing=True))
    return found.one()


async def locked_record(
    db: AsyncSession,
    org_id: uuid.UUID,
    attempt_id: uuid.UUID,
    quiz_id: uuid.UUID,
    member_id: uuid.UUID,
) -> AttemptIntegrity:
    """The attempt's record, made if it has none yet, under a row lock until commit:
    concurrent reports of one attempt queue up, so no count is lost."""
    values = {
        "id": uuid.uuid4(),
        "org_id": org_id,
        "attempt_id": attempt_id,
        "quiz_id": quiz_id,
        "member_id": member_id,
        "ip_addresses": [],
        "devices": [],
        "flag_reasons": [],
    }
    # An insert names its org in its values (there is nothing to narrow).
    await db.execute(
        _insert(db)(AttemptIntegrity)
        .values(**values)
        .on_conflict_do_nothing(index_elements=["attempt_id"])
    )
    query = scoped(
        select(AttemptIntegrity).where(AttemptIntegrity.attempt_id == attempt_id),
        AttemptIntegrity,
        org_id,
    ).with_for_update()
    found = await db.exec(query.execution_options(populate_existing=True))
    return found.one()


def _insert(db: AsyncSession) -> Any:
    return pg_insert if db.get_bind().dialect.name == "postgresql" else sqlite_insert


async def record_of_attempt(
    db: AsyncSession, attempt_id: uuid.UUID, tenant: Tenant
) -> AttemptIntegrity | None:
    found = await db.exec(
        scoped(
            select(AttemptIntegrity).where(AttemptIntegrity.attempt_id == attempt_id),
            AttemptIntegrity,
            tenant,
        )
    )
    return found.first()


async def record_by_id(
    db: AsyncSession, record_id: uuid.UUID, tenant: Tenant
) -> AttemptIntegrity | None:
    return await get_scoped(db, AttemptIntegrity, record_id, tenant)


async def event_by_id(
    db: AsyncSession, event_id: uuid.UUID, tenant: Tenant
) -> IntegrityEvent | None:
    return await get_scoped(db, IntegrityEvent, event_id, tenant)


async def claim_flag(
    db: AsyncSession, record: AttemptIntegrity, reasons: list[str], now: datetime
) -> bool:
    """Flag the attempt unless it is flagged already; True for the one call that did
    (the conditional UPDATE decides, so the flag is announced once)."""
    result = await db.execute(
        scoped(
            update(AttemptIntegrity).where(
                col(AttemptIntegrity.id) == record.id, col(AttemptIntegrity.flagged_at).is_(None)
            ),
            AttemptIntegrity,
            record.org_id,
        )
        .values(flagged_at=now, flag_reasons=reasons)
        .returning(col(AttemptIntegrity.id))
        .execution_options(synchronize_session=False)
    )
    claimed = result.first() is not None
    if claimed:
        record.flagged_at, record.flag_reasons = now, reasons
    return claimed


def records(
    org_id: uuid.UUID,
    *,
    flagged: bool | None = None,
    review: ReviewOutcome | None = None,
    unreviewed: bool | None = None,
    quiz_id: uuid.UUID | None = None,
    member_id: uuid.UUID | None = None,
    attempt_id: uuid.UUID | None = None,
) -> SelectOfScalar[AttemptIntegrity]:
    """The org's attempt records, the most recently flagged first, then the others by
    their latest event."""
    query = scoped(select(AttemptIntegrity), AttemptIntegrity, org_id)
    conditions: list[ColumnElement[bool]] = []
    if flagged is not None:
        flag = col(AttemptIntegrity.flagged_at)
        conditions.append(flag.is_not(None) if flagged else flag.is_(None))
    if review is not None:
        conditions.append(col(AttemptIntegrity.review_outcome) == review)
    if unreviewed is not None:
        outcome = col(AttemptIntegrity.review_outcome)
        conditions.append(outcome.is_(None) if unreviewed else outcome.is_not(None))
    for column, value in (
        (AttemptIntegrity.quiz_id, quiz_id),
        (AttemptIntegrity.member_id, member_id),
        (AttemptIntegrity.attempt_id, attempt_id),
    ):
        if value is not None:
            conditions.append(col(column) == value)
    return query.where(*conditions).order_by(
        col(AttemptIntegrity.flagged_at).desc().nulls_last(),
        col(AttemptIntegrity.last_event_at).desc().nulls_last(),
        col(AttemptIntegrity.id),
    )


def events(
    org_id: uuid.UUID,
    *,
    attempt_id: uuid.UUID | None = None,
    member_id: uuid.UUID | None = None,
    type: IntegrityEventType | None = None,
    chronological: bool = False,
) -> SelectOfScalar[IntegrityEvent]:
    """The org's events: newest first, or in the order they happened (a timeline)."""
    query = scoped(select(IntegrityEvent), IntegrityEvent, org_id)
    filters: list[tuple[Any, Any]] = [
        (IntegrityEvent.attempt_id, attempt_id),
        (IntegrityEvent.member_id, member_id),
        (IntegrityEvent.type, type),
    ]
    for column, value in filters:
        if value is not None:
            query = query.where(col(column) == value)
    occurred, recorded = col(IntegrityEvent.occurred_at), col(IntegrityEvent.recorded_at)
    if chronological:
        return query.order_by(occurred, recorded, col(IntegrityEvent.id))
    return query.order_by(recorded.desc(), occurred.desc(), col(IntegrityEvent.id))
