"""The bearer resolver: ``Authorization: Bearer iq_live_…`` to an actor, or a door error.

One indexed query fetches the key with its org and creator; nothing is cached, so
revocation, disabling and the API access switch hold from the very next request in
every process. Checks run from the key outwards: the key itself (401, with a
specific detail only for disabled and expired keys, which reveals nothing), then
the org (403), the creator (403), and last the key's rate limit (429), so refused
requests never spend a budget.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import TYPE_CHECKING

from app.access.actor import Actor, ActorKind
from app.access.request import ServiceContext
from app.access.scopes import KEY_GRANTABLE_SCOPES, Role, Scope, parse_scopes, scopes_for
from app.api_keys import last_used, repository, throttle
from app.api_keys.models import ApiKey
from app.api_keys.service import is_expired, is_revoked
from app.api_keys.tokens import digests_match, parse_authorization, secret_digest
from app.core.clock import utcnow
from app.core.errors import (
    ApiAccessDisabled,
    AppError,
    InvalidApiKey,
    OrgDisabled,
    UserDisabled,
)

if TYPE_CHECKING:
    # The rows ``repository.for_door`` loads with the key, read here, never queried.
    from app.members.models import Member
    from app.orgs.models import Organization


async def resolve_bearer(sc: ServiceContext, authorization: str) -> Actor:
    digest = secret_digest(parse_authorization(authorization))
    row = await repository.for_door(sc.db, digest)
    if row is None or not digests_match(row[0].secret_hash, digest):
        raise InvalidApiKey()
    key, org, creator = row
    sc.identity_rows += [row for row in (org, creator) if row is not None]
    now = utcnow()
    _check_key(key, now)
    actor = _platform_actor(key) if key.is_platform else _org_actor(key, org, creator)
    await throttle.spend(sc, key.id, key.rate_limit_per_minute)
    last_used.note_use(key, now)
    return actor


async def live_key_ids(sc: ServiceContext, key_ids: set[uuid.UUID]) -> dict[uuid.UUID, Role | None]:
    """Which of these keys would still pass the door now (rate limits aside), each with
    the role it acts with (its creator's; None for platform keys)."""
    now = utcnow()
    alive: dict[uuid.UUID, Role | None] = {}
    for key, org, creator in await repository.for_door_by_ids(sc.db, list(key_ids)):
        try:
            _check_key(key, now)
            actor = _platform_actor(key) if key.is_platform else _org_actor(key, org, creator)
        except AppError:
            continue
        alive[key.id] = actor.role
    return alive


def _check_key(key: ApiKey, now: datetime) -> None:
    if is_revoked(key, now):
        raise InvalidApiKey()
    if not key.enabled:
        raise InvalidApiKey("The API key is disabled.")
    if is_expired(key, now):
        raise InvalidApiKey("The API key has expired.")


def _org_actor(key: ApiKey, org: Organization | None, creator: Member | None) -> Actor:
    if org is None:
        raise InvalidApiKey()
    if org.disabled:
        raise OrgDisabled()
    if not org.api_access_enabled:
        raise ApiAccessDisabled()
    if creator is None or creator.disabled:
        raise UserDisabled("The member who created this API key is disabled or was removed.")
    return Actor(
        kind=ActorKind.API_KEY,
        scopes=_key_scopes(key) & scopes_for(creator.role),
        org_id=org.id,
        member_id=creator.id,
        role=creator.role,
        api_key_id=key.id,
        label=key.prefix,
    )


def _platform_actor(key: ApiKey) -> Actor:
    if key.created_by_admin_id is None:
        raise UserDisabled("The platform admin who created this API key was removed.")
    reachable = (
        None if key.org_ids is None else frozenset(uuid.UUID(value) for value in key.org_ids)
    )
    return Actor(
        kind=ActorKind.API_KEY,
        scopes=_key_scopes(key),
        api_key_id=key.id,
        platform_admin_id=key.created_by_admin_id,
        reachable_org_ids=reachable,
        label=key.prefix,
    )


def _key_scopes(key: ApiKey) -> frozenset[Scope]:
    """The stored scopes a key may ever hold (never org:write or api_keys:*)."""
    known, _unknown = parse_scopes(key.scopes)
    return known & KEY_GRANTABLE_SCOPES
