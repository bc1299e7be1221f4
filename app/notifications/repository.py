"""Queries for notifications and their read state.

An org's notifications are read within it (``scoped``) and narrowed by the caller's
``NotificationVisibility``; writing one is an insert that does nothing when the org
already has its ``dedupe_key`` (two processes or two sweeps hearing one trigger).
The sweep crosses orgs (reminders already sent, pruning by age), saying why.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy import ColumnElement, delete, false, func
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession
from sqlmodel.sql.expression import SelectOfScalar

from app.access.tenancy import Tenant, across_orgs, get_scoped, scoped
from app.notifications.models import Notification, NotificationRead
from app.notifications.visibility import NotificationVisibility

_WRITE = "an insert names its rows' org_id itself (the values, or a scoped select)"
_SWEEP = "the sweep prunes every org's old notifications"


def _insert(db: AsyncSession) -> Any:
    return pg_insert if db.get_bind().dialect.name == "postgresql" else sqlite_insert


async def by_id(
    db: AsyncSession, notification_id: uuid.UUID, tenant: Tenant
) -> Notification | None:
    return await get_scoped(db, Notification, notification_id, tenant)


def _read_by(org_id: uuid.UUID, reader: uuid.UUID) -> ColumnElement[bool]:
    """The (outer) notification has a read row of ``reader``."""
    read = scoped(select(NotificationRead.notification_id), NotificationRead, org_id).where(
        col(NotificationRead.notification_id) == col(Notification.id),
        col(NotificationRead.member_id) == reader,
    )
    return read.exists()


def listing(
    org_id: uuid.UUID,
    visibility: NotificationVisibility,
    *,
    unread: bool | None = None,
    type_: str | None = None,
) -> SelectOfScalar[Notification]:
    """The org's notifications the reader sees, newest first."""
    query = scoped(select(Notification), Notification, org_id).where(visibility.clause())
    if type_ is not None:
        query = query.where(col(Notification.type) == type_)
    if unread is not None:
        if visibility.reader is None:  # nobody's read state: everything is unread
            query = query if unread else query.where(false())
        else:
            read = _read_by(org_id, visibility.reader)
            query = query.where(~read if unread else read)
    return query.order_by(col(Notification.created_at).desc(), col(Notification.id).desc())


async def unread_count(
    db: AsyncSession, org_id: uuid.UUID, visibility: NotificationVisibility
) -> int:
    unread = listing(org_id, visibility, unread=True).order_by(None)
    total = select(func.count()).select_from(unread.subquery())
    return int((await db.exec(total)).one())


async def visible(
    db: AsyncSession,
    org_id: uuid.UUID,
    visibility: NotificationVisibility,
    ids: Sequence[uuid.UUID],
) -> list[Notification]:
    """Those of ``ids`` the reader sees in the org."""
    query = listing(org_id, visibility).where(col(Notification.id).in_(list(ids)))
    return list((await db.exec(query)).all())


async def read_at(
    db: AsyncSession, org_id: uuid.UUID, reader: uuid.UUID, ids: Sequence[uuid.UUID]
) -> dict[uuid.UUID, datetime]:
    """When ``reader`` read each of ``ids`` (those it has read)."""
    query = scoped(
        select(NotificationRead.notification_id, NotificationRead.read_at),
        NotificationRead,
        org_id,
    ).where(
        col(NotificationRead.member_id) == reader,
        col(NotificationRead.notification_id).in_(list(ids)),
    )
    return {row[0]: row[1] for row in (await db.exec(query)).all()}


async def mark_read(
    db: AsyncSession, org_id: uuid.UUID, reader: uuid.UUID, ids: Sequence[uuid.UUID], now: datetime
) -> int:
    """Read rows for ``ids`` (already visible to ``reader``); how many were new."""
    if not ids:
        return 0
    rows = [
        {"notification_id": notification_id, "member_id": reader, "org_id": org_id, "read_at": now}
        for notification_id in ids
    ]
    statement = across_orgs(
        _insert(db)(NotificationRead).values(rows).on_conflict_do_nothing(), _WRITE
    )
    result: Any = await db.execute(statement)
    return int(result.rowcount or 0)


async def mark_all_read(
    db: AsyncSession, org_id: uuid.UUID, visibility: NotificationVisibility, now: datetime
) -> int:
    """Read rows for every notification the reader sees and hasn't read; how many."""
    reader = visibility.reader
    assert reader is not None, "read state belongs to a member"
    unread = listing(org_id, visibility, unread=True).order_by(None)
    source = unread.with_only_columns(
        col(Notification.id),
        sa.literal(reader, sa.Uuid()),
        col(Notification.org_id),
        sa.literal(now, sa.DateTime(timezone=True)),
    )
    statement = across_orgs(
        _insert(db)(NotificationRead)
        .from_select(["notification_id", "member_id", "org_id", "read_at"], source)
        .on_conflict_do_nothing(),
        _WRITE,
    )
    result: Any = await db.execute(statement)
    return int(result.rowcount or 0)


async def add(db: AsyncSession, values: dict[str, Any]) -> uuid.UUID | None:
    """Insert a notification unless its org has its ``dedupe_key``; its id when new."""
    statement = across_orgs(
        _insert(db)(Notification)
        .values(**values)
        .on_conflict_do_nothing(index_elements=["org_id", "dedupe_key"])
        .returning(col(Notification.id)),
        _WRITE,
    )
    found: Any = await db.execute(statement)
    inserted: uuid.UUID | None = found.scalar_one_or_none()
    return inserted


async def existing_keys(
    db: AsyncSession, keys: Sequence[tuple[uuid.UUID, str]]
) -> set[tuple[uuid.UUID, str]]:
    """Which of the (org, dedupe key) pairs are written already (one lookup of the
    unique index per pair)."""
    if not keys:
        return set()
    query = across_orgs(
        select(Notification.org_id, Notification.dedupe_key).where(
            sa.tuple_(col(Notification.org_id), col(Notification.dedupe_key)).in_(list(keys))
        ),
        "each pair names its org; the producer and the sweep ask for many orgs at once",
    )
    return {(row[0], row[1]) for row in (await db.exec(query)).all()}


async def prune(db: AsyncSession, before: datetime, limit: int) -> list[uuid.UUID]:
    """Delete up to ``limit`` notifications (every org's) made before ``before``, with
    their read rows; the orgs of those deleted, one entry per notification."""
    old = across_orgs(
        select(Notification.id, Notification.org_id)
        .where(col(Notification.created_at) < before)
        .limit(limit),
        _SWEEP,
    )
    found = (await db.exec(old)).all()
    ids = [row[0] for row in found]
    if not ids:
        return []
    await db.execute(
        across_orgs(
            delete(NotificationRead).where(col(NotificationRead.notification_id).in_(ids)),
            _SWEEP,
        )
    )
    await db.execute(across_orgs(delete(Notification).where(col(Notification.id).in_(ids)), _SWEEP))
    return [row[1] for row in found]
