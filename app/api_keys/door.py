"""The bearer resolver: ``Authorization: Bearer iq_live_…`` to an actor, or a door error.

A key seen before is answered from the process's credential cache
(``app.access.credential_cache``): one call reads its org's credential token and
spends its rate limit (one Redis round trip, or none without Redis); while the token
is the one the entry was built under and the key's expiry or scheduled revocation
hasn't come, the cached actor is used, with no query. Otherwise one indexed query
fetches the key with its org and creator and the checks run from the key outwards:
the key itself (401, with a specific detail only for disabled and expired keys,
which reveals nothing), then the org (403), the creator (403), and last the key's
rate limit (429), so refused requests never spend a budget. Every change to a key,
its creator or its org changes the org's token at commit (``app.core.db``), so
revocation, disabling and the API access switch hold from the very next request in
every process.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from app.access.actor import Actor, ActorKind, org_reach
from app.access.credential_cache import CachedCredential, CredentialCache, snapshot
from app.access.request import ServiceContext
from app.access.scopes import KEY_GRANTABLE_SCOPES, Role, Scope, parse_scopes, scopes_for
from app.api_keys import last_used, repository, throttle
from app.api_keys.models import ApiKey
from app.api_keys.service import is_expired, is_revoked
from app.api_keys.tokens import digests_match, parse_authorization, secret_digest
from app.core import credential_generations
from app.core.clock import as_utc, utcnow
from app.core.credential_generations import Spend
from app.core.db import offer_rows
from app.core.errors import (
    ApiAccessDisabled,
    AppError,
    InvalidApiKey,
    OrgDisabled,
    UserDisabled,
)
from app.core.ratelimit import LimitState
from app.graphql import cost

if TYPE_CHECKING:
    # The rows ``repository.for_door`` loads with the key, read here, never queried.
    from app.members.models import Member
    from app.orgs.models import Organization


@dataclass(slots=True)
class CachedKey(CachedCredential):
    key_id: uuid.UUID
    per_minute: int
    # When the key stops passing whatever the token says: its expiry, or the end of a
    # rotation's grace period.
    valid_until: datetime | None
    # The key's last use as this process knows it (read, or noted since).
    last_used_at: datetime | None


verified: CredentialCache[CachedKey] = CredentialCache()


async def resolve_bearer(
    sc: ServiceContext, authorization: str, *, query_cost: int | None = None
) -> Actor:
    """``query_cost``: the operation's cost, when the web door knows it
    (``app.graphql.cost.known_charge``): charged to the key's budget in the same round
    trip as the request, only when the request passes (``sc.query_cost``)."""
    digest = secret_digest(parse_authorization(authorization))
    now = utcnow()
    generations = credential_generations.backend()
    cached = verified.get(digest)
    token_before: str | None = None
    if cached is not None and (cached.valid_until is None or now < cached.valid_until):
        if cached.token is None:
            token_before = await generations.read(cached.scope) or None
        else:
            spend = throttle.one_request(cached.key_id, cached.per_minute)
            token, state, charged = await generations.read_and_spend_then(
                cached.scope, spend, _cost_spend(cached.key_id, query_cost), if_token=cached.token
            )
            if state is not None:  # the token is current: the cached actor stands
                _note_cost(sc, query_cost, charged)
                _identify(sc, cached.actor.org_id, cached.key_id)
                throttle.settle(sc, state, cached.per_minute)
                offer_rows(sc.db, cached.rows)
                if last_used.note_use(cached.key_id, cached.last_used_at, now):
                    cached.last_used_at = now
                return cached.actor
            token_before = token or None
    return await _verify(sc, digest, now, generations, token_before, query_cost)


def _cost_spend(key_id: uuid.UUID, query_cost: int | None) -> Spend | None:
    return None if query_cost is None else cost.budget_spend(key_id, query_cost)


def _note_cost(sc: ServiceContext, query_cost: int | None, charged: LimitState | None) -> None:
    if query_cost is not None and charged is not None:
        sc.query_cost = (query_cost, charged)


async def _verify(
    sc: ServiceContext,
    digest: str,
    now: datetime,
    generations: credential_generations.Backend,
    token_before: str | None,
    query_cost: int | None,
) -> Actor:
    """The key from the database; cached for the next request when it passes."""
    row = await repository.for_door(sc.db, digest)
    try:
        if row is None or not digests_match(row[0].secret_hash, digest):
            raise InvalidApiKey()
        key, org, creator = row
        sc.identity_rows += [row for row in (org, creator) if row is not None]
        _check_key(key, now)
        actor = _platform_actor(key) if key.is_platform else _org_actor(key, org, creator)
    except AppError:
        verified.drop(digest)
        raise
    scope = credential_generations.org_scope(key.org_id)
    spend = throttle.one_request(key.id, key.rate_limit_per_minute)
    _token, state, charged = await generations.read_and_spend_then(
        scope, spend, _cost_spend(key.id, query_cost), if_token=None
    )
    assert state is not None  # spent whatever the token
    _note_cost(sc, query_cost, charged)
    _identify(sc, key.org_id, key.id)
    noted = last_used.note_use(key.id, key.last_used_at, now)
    verified.put(
        digest,
        CachedKey(
            actor=actor,
            scope=scope,
            token=token_before,
            rows=snapshot(org, creator),
            key_id=key.id,
            per_minute=key.rate_limit_per_minute,
            valid_until=_valid_until(key),
            last_used_at=now if noted else key.last_used_at,
        ),
    )
    throttle.settle(sc, state, key.rate_limit_per_minute)
    return actor


def _identify(sc: ServiceContext, org_id: uuid.UUID | None, key_id: uuid.UUID) -> None:
    """Name the org key on the request before its rate limit may refuse it, so that its
    usage counts the refusal too (platform keys belong to no org: not counted)."""
    if org_id is not None:
        sc.identified_key = (org_id, key_id)


def _valid_until(key: ApiKey) -> datetime | None:
    """The first of the key's expiry and scheduled revocation (both ahead: it passed)."""
    ends = [as_utc(value) for value in (key.expires_at, key.revoked_at) if value is not None]
    return min(ends, default=None)


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
    return Actor(
        kind=ActorKind.API_KEY,
        scopes=_key_scopes(key),
        api_key_id=key.id,
        platform_admin_id=key.created_by_admin_id,
        reachable_org_ids=org_reach(key.org_ids),
        label=key.prefix,
    )


def _key_scopes(key: ApiKey) -> frozenset[Scope]:
    """The stored scopes a key may ever hold (never org:write or api_keys:*)."""
    known, _unknown = parse_scopes(key.scopes)
    return known & KEY_GRANTABLE_SCOPES
