"""Queries for API keys; org keys are always filtered by ``org_id`` here."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import datetime, timedelta

from sqlalchemy import or_, update
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession
from sqlmodel.sql.expression import SelectOfScalar

from app.api_keys.models import ApiKey
from app.members.models import Member
from app.orgs.models import Organization

DoorRow = tuple[ApiKey, Organization | None, Member | None]


async def for_door(db: AsyncSession, secret_hash: str) -> DoorRow | None:
    """The key with this hash, its org and its creator, in one indexed query."""
    found = await db.exec(
        select(ApiKey, Organization, Member)
        .outerjoin(Organization, col(Organization.id) == ApiKey.org_id)
        .outerjoin(Member, col(Member.id) == ApiKey.created_by_id)
        .where(ApiKey.secret_hash == secret_hash)
    )
    return found.first()


async def for_door_by_ids(db: AsyncSession, key_ids: Sequence[uuid.UUID]) -> list[DoorRow]:
    """The door's rows for many keys at once (live websockets re-check their keys)."""
    found = await db.exec(
        select(ApiKey, Organization, Member)
        .outerjoin(Organization, col(Organization.id) == ApiKey.org_id)
        .outerjoin(Member, col(Member.id) == ApiKey.created_by_id)
        .where(col(ApiKey.id).in_(key_ids))
    )
    return list(found.all())


async def by_id(db: AsyncSession, key_id: uuid.UUID) -> ApiKey | None:
    """Any key by id; callers check the actor reaches ``key.org_id``."""
    return await db.get(ApiKey, key_id)


def listing(org_id: uuid.UUID) -> SelectOfScalar[ApiKey]:
    """An org's keys, newest first (platform keys never appear: their org_id is NULL)."""
    return (
        select(ApiKey)
        .where(ApiKey.org_id == org_id)
        .order_by(col(ApiKey.created_at).desc(), col(ApiKey.id))
    )


async def touch_last_used(
    db: AsyncSession, key_id: uuid.UUID, used_at: datetime, interval: timedelta
) -> bool:
    """Set ``last_used_at`` unless another process already did within ``interval``."""
    result = await db.execute(
        update(ApiKey)
        .where(
            col(ApiKey.id) == key_id,
            or_(
                col(ApiKey.last_used_at).is_(None),
                col(ApiKey.last_used_at) <= used_at - interval,
            ),
        )
        .values(last_used_at=used_at)
    )
    return bool(getattr(result, "rowcount", 0))
