"""Queries of the persisted-document registry (a global table: see ``models``)."""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from typing import Any

from sqlalchemy import delete, func
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from app.core.clock import utcnow
from app.persisted_queries.models import PersistedQuery


def _insert(db: AsyncSession) -> Any:
    return pg_insert if db.get_bind().dialect.name == "postgresql" else sqlite_insert


async def find(db: AsyncSession, sha256: str, *, trusted_only: bool) -> PersistedQuery | None:
    query = select(PersistedQuery).where(col(PersistedQuery.sha256) == sha256)
    if trusted_only:
        query = query.where(col(PersistedQuery.trusted).is_(True))
    return (await db.exec(query)).first()


def _registrant(org_id: uuid.UUID | None) -> Any:
    column = col(PersistedQuery.registered_by_org_id)
    return column.is_(None) if org_id is None else column == org_id


async def automatic_count(db: AsyncSession, org_id: uuid.UUID | None) -> int:
    query = select(func.count()).where(_registrant(org_id), col(PersistedQuery.trusted).is_(False))
    return int((await db.exec(query)).one())


async def evict_oldest(db: AsyncSession, org_id: uuid.UUID | None, how_many: int) -> None:
    oldest = (
        select(PersistedQuery.sha256)
        .where(_registrant(org_id), col(PersistedQuery.trusted).is_(False))
        .order_by(col(PersistedQuery.created_at), col(PersistedQuery.sha256))
        .limit(how_many)
    )
    await db.exec(delete(PersistedQuery).where(col(PersistedQuery.sha256).in_(oldest)))


async def add_automatic(
    db: AsyncSession, sha256: str, document: str, org_id: uuid.UUID | None
) -> None:
    """Insert, or nothing when the hash is there already (another request or process
    registered it meanwhile)."""
    statement = (
        _insert(db)(PersistedQuery)
        .values(
            sha256=sha256,
            document=document,
            trusted=False,
            registered_by_org_id=org_id,
            created_at=utcnow(),
        )
        .on_conflict_do_nothing(index_elements=["sha256"])
    )
    await db.exec(statement)


async def add_trusted(db: AsyncSession, documents: Mapping[str, str]) -> None:
    """Insert each as trusted; a document registered automatically before becomes
    trusted and leaves its registrant's cap."""
    if not documents:
        return
    now = utcnow()
    # In hash order, so that processes registering one manifest at once (every worker
    # at start-up) lock rows in the same order and never deadlock.
    rows = [
        {
            "sha256": sha256,
            "document": documents[sha256],
            "trusted": True,
            "registered_by_org_id": None,
            "created_at": now,
        }
        for sha256 in sorted(documents)
    ]
    statement = _insert(db)(PersistedQuery).values(rows)
    statement = statement.on_conflict_do_update(
        index_elements=["sha256"],
        set_={"trusted": True, "registered_by_org_id": None},
        where=col(PersistedQuery.trusted).is_(False),
    )
    await db.exec(statement)


async def trusted_count(db: AsyncSession) -> int:
    query = select(func.count()).where(col(PersistedQuery.trusted).is_(True))
    return int((await db.exec(query)).one())
