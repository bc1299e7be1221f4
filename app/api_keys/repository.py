"""Queries for API keys, each within a tenant (``app.access.tenancy``), except the
door's: it finds a key by its secret before anyone knows the org."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import datetime, timedelta

from sqlalchemy import or_, update
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession
from sqlmodel.sql.expression import SelectOfScalar

from app.access.tenancy import Tenant, across_orgs, get_scoped, scoped
from app.api_keys.models import ApiKey
from app.members.models import Member
from app.orgs.models import Organization

DoorRow = tuple[ApiKey, Organization | None, Member | None]

# The door identifies the caller from the key itself (and writes its last use behind):
# there is no org to scope by before the key is found, and platform keys have none.
_DOOR = "the door finds keys by secret or id before the caller's org is known"


async def for_door(db: AsyncSession, secret_hash: str) -> DoorRow | None:
    """The key with this hash, its org and its creator, in one indexed query."""
    found = await db.exec(
        across_orgs(
            select(ApiKey, Organization, Member)
            .outerjoin(Organization, col(Organization.id) == ApiKey.org_id)
            .outerjoin(Member, col(Member.id) == ApiKey.created_by_id)
            .where(ApiKey.secret_hash == secret_hash),
            _DOOR,
        )
    )
    return found.first()


async def for_door_by_ids(db: AsyncSession, key_ids: Sequence[uuid.UUID]) -> list[DoorRow]:
    """The door's rows for many keys at once (live websockets re-check their keys)."""
    found = await db.exec(
        across_orgs(
            select(ApiKey, Organization, Member)
            .outerjoin(Organization, col(Organization.id) == ApiKey.org_id)
            .outerjoin(Member, col(Member.id) == ApiKey.created_by_id)
            .where(col(ApiKey.id).in_(key_ids)),
            _DOOR,
        )
    )
    return list(found.all())


async def by_id(db: AsyncSession, key_id: uuid.UUID, tenant: Tenant) -> ApiKey | None:
    """The org key with this id in the tenant (platform keys have no org: never found)."""
    return await get_scoped(db, ApiKey, key_id, tenant)


def listing(org_id: uuid.UUID) -> SelectOfScalar[ApiKey]:
    """An org's keys, newest first (platform keys never appear: their org_id is NULL)."""
    return scoped(select(ApiKey), ApiKey, org_id).order_by(
        col(ApiKey.created_at).desc(), col(ApiKey.id)
    )


async def live_of_creator(
    db: AsyncSession, org_id: uuid.UUID, member_id: uuid.UUID, now: datetime
) -> list[ApiKey]:
    """The org's keys created by ``member_id`` that work now (enabled, not revoked, not
    expired)."""
    found = await db.exec(
        scoped(select(ApiKey), ApiKey, org_id).where(
            col(ApiKey.created_by_id) == member_id,
            col(ApiKey.enabled).is_(True),
            or_(col(ApiKey.revoked_at).is_(None), col(ApiKey.revoked_at) > now),
            or_(col(ApiKey.expires_at).is_(None), col(ApiKey.expires_at) > now),
        )
    )
    return list(found.all())


async def expiring(
    db: AsyncSession, since: datetime, until: datetime, limit: int, offset: int = 0
) -> list[ApiKey]:
    """Org keys of every org whose expiry falls in [since, until), not revoked, soonest
    first (the notifications sweep reminds each org of its own)."""
    found = await db.exec(
        across_orgs(
            select(ApiKey)
            .where(
                col(ApiKey.org_id).is_not(None),
                col(ApiKey.revoked_at).is_(None),
                col(ApiKey.expires_at) >= since,
                col(ApiKey.expires_at) < until,
            )
            .order_by(col(ApiKey.expires_at), col(ApiKey.id))
            .offset(offset)
            .limit(limit),
            "the notifications sweep reminds every org of its keys about to expire",
        )
    )
    return list(found.all())


async def touch_last_used(
    db: AsyncSession, key_id: uuid.UUID, used_at: datetime, interval: timedelta
) -> bool:
    """Set ``last_used_at`` unless another process already did within ``interval``."""
    result = await db.execute(
        across_orgs(update(ApiKey), _DOOR)
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


# Platform keys belong to no org (org_id NULL): there is no tenant to scope them by;
# only platform staff holding platform_keys:* reach these (the service checks).
_PLATFORM_KEYS = "platform keys belong to no org; only platform staff list or change them"


def platform_listing() -> SelectOfScalar[ApiKey]:
    """Every platform key, newest first."""
    return across_orgs(select(ApiKey).where(col(ApiKey.org_id).is_(None)), _PLATFORM_KEYS).order_by(
        col(ApiKey.created_at).desc(), col(ApiKey.id)
    )


async def platform_key_by_id(
    db: AsyncSession, key_id: uuid.UUID, *, for_update: bool = False
) -> ApiKey | None:
    """``for_update`` locks it and reads it as committed now (a revocation or rotation)."""
    query = across_orgs(
        select(ApiKey).where(col(ApiKey.id) == key_id, col(ApiKey.org_id).is_(None)),
        _PLATFORM_KEYS,
    )
    if for_update:
        query = query.with_for_update().execution_options(populate_existing=True)
    found = await db.exec(query)
    return found.first()
