"""Platform keys: made by staff (the console or the command line), acting across orgs.

A platform key has no org (``org_id`` NULL) and no member; its actor reaches the
orgs listed at creation, or every org when none are. Its scopes are checked like
any key's, so it can never hold org:write, api_keys:* or the console's own scopes.

These functions validate and change keys; the console's service
(``app.platform.keys``) checks the actor's platform scopes first and writes the logs.
"""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta

from sqlmodel.sql.expression import SelectOfScalar

from app.access.request import ServiceContext
from app.api_keys import repository
from app.api_keys.models import NAME_MAX, ApiKey
from app.api_keys.service import (
    GRACE_MAX_SECONDS,
    IssuedKey,
    check_rate_limit,
    check_scopes,
    is_revoked,
    issue_key,
)
from app.core.clock import as_utc, utcnow
from app.core.errors import BadUserInput, Conflict, NotFound
from app.core.validation import Problems
from app.orgs import service as orgs

MAX_ORGS = 100


async def create_platform_key(
    sc: ServiceContext,
    *,
    admin_id: uuid.UUID,
    name: str,
    scopes: list[str],
    org_slugs: list[str] | None,
    rate_limit_per_minute: int,
    expires_at: datetime | None = None,
) -> IssuedKey:
    """A key made by the platform admin ``admin_id``, reaching the orgs of ``org_slugs``
    (every org when None; an empty list is refused: it would reach none)."""
    problems = Problems()
    name = problems.text("name", name, max_length=NAME_MAX)
    granted = check_scopes(problems, scopes)
    check_rate_limit(problems, rate_limit_per_minute)
    if org_slugs is not None and not 1 <= len(org_slugs) <= MAX_ORGS:
        problems.add("organizations", f"needs 1 to {MAX_ORGS} organizations (or every org)")
    if expires_at is not None and as_utc(expires_at) <= utcnow():
        problems.add("expiresAt", "must be in the future")
    problems.raise_if_any()
    org_ids = (
        sorted({str(org_id) for org_id in await orgs.ids_by_slug(sc, org_slugs, field="orgs")})
        if org_slugs
        else None
    )
    issued = issue_key(
        None,
        name,
        granted,
        rate_limit_per_minute,
        as_utc(expires_at) if expires_at else None,
        None,
        admin_id=admin_id,
        org_ids=org_ids,
    )
    sc.db.add(issued.key)
    await sc.db.flush()
    return issued


def platform_listing() -> SelectOfScalar[ApiKey]:
    """Every platform key, newest first (the caller checked the actor)."""
    return repository.platform_listing()


async def get_platform_key(sc: ServiceContext, key_id: uuid.UUID, *, lock: bool = False) -> ApiKey:
    key = await repository.platform_key_by_id(sc.db, key_id, for_update=lock)
    if key is None:
        raise NotFound()
    return key


async def revoke_platform_key(sc: ServiceContext, key_id: uuid.UUID) -> tuple[ApiKey, bool]:
    """Revoke for good; the key and whether this call revoked it (False: it already was)."""
    key = await get_platform_key(sc, key_id, lock=True)
    now = utcnow()
    if is_revoked(key, now):
        return key, False
    key.revoked_at = now
    sc.db.add(key)
    return key, True


async def rotate_platform_key(
    sc: ServiceContext, key_id: uuid.UUID, *, admin_id: uuid.UUID, grace_period_seconds: int
) -> tuple[IssuedKey, ApiKey]:
    """A new key like the old one (scopes, orgs, limit, expiry), made by ``admin_id``;
    the old one is revoked when the grace period ends."""
    if not 0 <= grace_period_seconds <= GRACE_MAX_SECONDS:
        raise BadUserInput({"gracePeriodSeconds": f"must be between 0 and {GRACE_MAX_SECONDS}"})
    old = await get_platform_key(sc, key_id, lock=True)
    now = utcnow()
    if old.revoked_at is not None:
        raise Conflict(
            "This key is revoked or was already rotated; rotate its replacement instead."
        )
    granted = check_scopes(Problems(), list(old.scopes))
    expires_at = old.expires_at if old.expires_at and as_utc(old.expires_at) > now else None
    issued = issue_key(
        None,
        old.name,
        granted,
        old.rate_limit_per_minute,
        as_utc(expires_at) if expires_at else None,
        None,
        admin_id=admin_id,
        org_ids=list(old.org_ids) if old.org_ids is not None else None,
    )
    old.revoked_at = now + timedelta(seconds=grace_period_seconds)
    sc.db.add(issued.key)
    sc.db.add(old)
    await sc.db.flush()
    return issued, old
