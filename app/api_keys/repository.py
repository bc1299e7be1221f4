"""Queries for API keys, each within a tenant (``app.access.tenancy``), except the
door's: it finds a key by its secret before anyone knows the org."""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Any

from sqlalchemy import and_, case, delete, func, or_, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession
from sqlmodel.sql.expression import SelectOfScalar

from app.access.tenancy import Tenant, across_orgs, get_scoped, scoped
from app.api_keys.models import ApiKey, ApiKeyUsageDay, ApiKeyUsageError
from app.members.models import Member
from app.orgs.models import Organization

if TYPE_CHECKING:
    from app.api_keys.usage import Tally, TallyKey

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


# --- usage (app.api_keys.usage) ---------------------------------------------------------

# A process's flush adds the counts of every org's keys it served, in one transaction.
_FLUSH = "a usage flush adds the counts of every org's keys this process served"
_PRUNE = "the usage retention applies to every org alike"
USAGE_BATCH = 500  # rows per INSERT: well within SQLite's and asyncpg's parameter limits


def _insert(db: AsyncSession) -> Any:
    return pg_insert if db.get_bind().dialect.name == "postgresql" else sqlite_insert


async def add_usage(db: AsyncSession, tallies: Mapping[TallyKey, Tally]) -> None:
    """Add the counts to the day and error rows (created at zero when missing), in key
    order, so that two processes flushing the same keys lock rows in the same order
    and wait for each other rather than deadlock."""
    # A key deleted since it was counted (with its org) has nowhere to add up: its
    # counts go, rather than failing the flush, and every later one, for all keys.
    key_ids = {key_id for (_org_id, key_id, _day) in tallies}
    found = await db.exec(across_orgs(select(ApiKey.id).where(col(ApiKey.id).in_(key_ids)), _FLUSH))
    existing = set(found.all())
    slots = sorted(slot for slot in tallies if slot[1] in existing)
    days = [_day_row(slot, tallies[slot]) for slot in slots]
    errors = [
        {"org_id": org_id, "key_id": key_id, "day": day, "code": code, "count": count}
        for (org_id, key_id, day) in slots
        for code, count in sorted(tallies[(org_id, key_id, day)].by_code.items())
    ]
    for start in range(0, len(days), USAGE_BATCH):
        await db.execute(_add_days(db, days[start : start + USAGE_BATCH]))
    for start in range(0, len(errors), USAGE_BATCH):
        await db.execute(_add_errors(db, errors[start : start + USAGE_BATCH]))


def _day_row(slot: TallyKey, tally: Tally) -> dict[str, Any]:
    org_id, key_id, day = slot
    return {
        "org_id": org_id,
        "key_id": key_id,
        "day": day,
        "requests": tally.requests,
        "errors": tally.errors,
        "rate_limited": tally.rate_limited,
        "last_used_at": tally.last_used_at,
        "last_ip": tally.last_ip,
    }


def _add_days(db: AsyncSession, rows: list[dict[str, Any]]) -> Any:
    statement = _insert(db)(ApiKeyUsageDay).values(rows)
    new = statement.excluded
    table = ApiKeyUsageDay.__table__.c  # type: ignore[attr-defined]
    # The later of the two uses keeps its address (SET reads the row as it was).
    newer = or_(table.last_used_at.is_(None), new.last_used_at >= table.last_used_at)
    return across_orgs(
        statement.on_conflict_do_update(
            index_elements=["org_id", "key_id", "day"],
            set_={
                "requests": table.requests + new.requests,
                "errors": table.errors + new.errors,
                "rate_limited": table.rate_limited + new.rate_limited,
                "last_used_at": case((newer, new.last_used_at), else_=table.last_used_at),
                "last_ip": case((newer, new.last_ip), else_=table.last_ip),
            },
        ),
        _FLUSH,
    )


def _add_errors(db: AsyncSession, rows: list[dict[str, Any]]) -> Any:
    statement = _insert(db)(ApiKeyUsageError).values(rows)
    table = ApiKeyUsageError.__table__.c  # type: ignore[attr-defined]
    return across_orgs(
        statement.on_conflict_do_update(
            index_elements=["org_id", "key_id", "day", "code"],
            set_={"count": table.count + statement.excluded.count},
        ),
        _FLUSH,
    )


async def usage_days(
    db: AsyncSession, key_ids: Sequence[uuid.UUID], since: date, tenant: Tenant
) -> list[ApiKeyUsageDay]:
    """The keys' day rows from ``since`` on, within the tenant."""
    found = await db.exec(
        scoped(select(ApiKeyUsageDay), ApiKeyUsageDay, tenant).where(
            col(ApiKeyUsageDay.key_id).in_(key_ids), col(ApiKeyUsageDay.day) >= since
        )
    )
    return list(found.all())


async def usage_errors(
    db: AsyncSession, key_ids: Sequence[uuid.UUID], since: date, tenant: Tenant
) -> list[tuple[uuid.UUID, str, int]]:
    """Each key's requests per error code from ``since`` on, within the tenant."""
    total = func.sum(ApiKeyUsageError.count)
    found = await db.exec(
        scoped(
            select(ApiKeyUsageError.key_id, ApiKeyUsageError.code, total),
            ApiKeyUsageError,
            tenant,
        )
        .where(col(ApiKeyUsageError.key_id).in_(key_ids), col(ApiKeyUsageError.day) >= since)
        .group_by(col(ApiKeyUsageError.key_id), col(ApiKeyUsageError.code))
    )
    return [(key_id, code, int(count)) for key_id, code, count in found.all()]


async def latest_usage(
    db: AsyncSession, key_ids: Sequence[uuid.UUID], tenant: Tenant
) -> list[ApiKeyUsageDay]:
    """Each key's most recent day row (its last use and address), within the tenant."""
    latest = (
        scoped(
            select(ApiKeyUsageDay.key_id, func.max(ApiKeyUsageDay.day).label("day")),
            ApiKeyUsageDay,
            tenant,
        )
        .where(col(ApiKeyUsageDay.key_id).in_(key_ids))
        .group_by(col(ApiKeyUsageDay.key_id))
        .subquery()
    )
    found = await db.exec(
        scoped(select(ApiKeyUsageDay), ApiKeyUsageDay, tenant).join(
            latest,
            and_(
                col(ApiKeyUsageDay.key_id) == latest.c.key_id,
                col(ApiKeyUsageDay.day) == latest.c.day,
            ),
        )
    )
    return list(found.all())


async def prune_usage(db: AsyncSession, oldest_kept: date) -> int:
    """Delete every org's usage rows older than ``oldest_kept``."""
    removed = 0
    for model in (ApiKeyUsageError, ApiKeyUsageDay):
        result = await db.execute(
            across_orgs(delete(model).where(col(model.day) < oldest_kept), _PRUNE)
        )
        removed += int(getattr(result, "rowcount", 0) or 0)
    return removed
