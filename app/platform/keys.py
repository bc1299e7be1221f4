"""Platform keys from the console (and the command line): list, create, revoke, rotate.

Staff holding ``platform_keys:read`` / ``platform_keys:write`` only (a platform admin's
session, or the command line); no key holds them, so no key mints keys. Each change is
in the platform log and, for a key restricted to orgs, in each of those orgs' logs
(``api_key.created``, ``api_key.revoked``, ``api_key.rotated``, marked ``platform``):
an org sees which staff keys can reach it. A key reaching every org is a platform-wide
matter, recorded in the platform log only.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import TYPE_CHECKING, Any

from sqlmodel.sql.expression import SelectOfScalar

from app.access.request import ServiceContext
from app.access.scopes import Scope
from app.api_keys import platform as platform_keys
from app.api_keys.service import IssuedKey
from app.core.clock import as_utc
from app.core.errors import Forbidden
from app.platform import actions, journal, repository

if TYPE_CHECKING:
    from app.api_keys.models import ApiKey


def listing(sc: ServiceContext) -> SelectOfScalar[ApiKey]:
    sc.actor.require_platform(Scope.PLATFORM_KEYS_READ)
    return platform_keys.platform_listing()


async def get(sc: ServiceContext, key_id: uuid.UUID) -> ApiKey:
    sc.actor.require_platform(Scope.PLATFORM_KEYS_READ)
    return await platform_keys.get_platform_key(sc, key_id)


async def create(
    sc: ServiceContext,
    *,
    name: str,
    scopes: list[str],
    org_slugs: list[str] | None,
    rate_limit_per_minute: int,
    expires_at: datetime | None = None,
    admin_id: uuid.UUID | None = None,
) -> IssuedKey:
    """A key made by the signed-in admin (the command line names one: ``admin_id``)."""
    sc.actor.require_platform(Scope.PLATFORM_KEYS_WRITE)
    maker = _admin_id(sc, admin_id)
    issued = await platform_keys.create_platform_key(
        sc,
        admin_id=maker,
        name=name,
        scopes=scopes,
        org_slugs=org_slugs,
        rate_limit_per_minute=rate_limit_per_minute,
        expires_at=expires_at,
    )
    await _record(sc, issued.key, "api_key.created", actions.KEY_CREATED, _describe(issued.key))
    return issued


async def revoke(sc: ServiceContext, key_id: uuid.UUID) -> ApiKey:
    sc.actor.require_platform(Scope.PLATFORM_KEYS_WRITE)
    key, changed = await platform_keys.revoke_platform_key(sc, key_id)
    if changed:
        await _record(sc, key, "api_key.revoked", actions.KEY_REVOKED, _named(key))
    return key


async def rotate(
    sc: ServiceContext, key_id: uuid.UUID, *, grace_period_seconds: int
) -> tuple[IssuedKey, ApiKey]:
    sc.actor.require_platform(Scope.PLATFORM_KEYS_WRITE)
    issued, old = await platform_keys.rotate_platform_key(
        sc, key_id, admin_id=_admin_id(sc, None), grace_period_seconds=grace_period_seconds
    )
    assert old.revoked_at is not None
    details = {
        **_named(old),
        "newId": str(issued.key.id),
        "newPrefix": issued.key.prefix,
        "gracePeriodSeconds": grace_period_seconds,
        "oldKeyRevokedAt": as_utc(old.revoked_at).isoformat(),
    }
    await _record(sc, old, "api_key.rotated", actions.KEY_ROTATED, details)
    return issued, old


def _admin_id(sc: ServiceContext, named: uuid.UUID | None) -> uuid.UUID:
    """Who makes the key: the signed-in admin, or the one the command line named."""
    maker = sc.actor.platform_admin_id or named
    if maker is None:
        raise Forbidden("A platform key is made by a platform admin: name one.")
    return maker


async def _record(
    sc: ServiceContext, key: ApiKey, org_action: str, platform_action: str, details: dict[str, Any]
) -> None:
    reached = [uuid.UUID(value) for value in key.org_ids or []]
    slugs = await repository.orgs_by_id(sc.db, reached, None)
    for org_id in reached:
        org = slugs.get(org_id)
        if org is None:
            continue  # gone since the key was made: nobody's log to write to
        await journal.record_on_org(
            sc,
            org_id=org_id,
            org_slug=org.slug,
            org_action=org_action,
            platform_action=platform_action,
            target_type="ApiKey",
            target_id=key.id,
            details=details,
        )
    if not reached:
        journal.record(sc, platform_action, target_type="ApiKey", target_id=key.id, details=details)


def _named(key: ApiKey) -> dict[str, Any]:
    return {"prefix": key.prefix, "name": key.name, "platform": True}


def _describe(key: ApiKey) -> dict[str, Any]:
    return {
        **_named(key),
        "scopes": list(key.scopes),
        "rateLimitPerMinute": key.rate_limit_per_minute,
        "organizations": "all" if key.org_ids is None else len(key.org_ids),
        "expiresAt": as_utc(key.expires_at).isoformat() if key.expires_at else None,
    }
