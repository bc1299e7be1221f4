"""The rules for an org's API keys: create, enable/disable, revoke, rotate, list.

- api_keys:read / api_keys:write gate everything (owners and admins; never a key,
  since no key's effective scopes can include them);
- only a member creates or rotates a key, and only with scopes they hold themselves;
- revocation is final; a rotation schedules the old key's revocation after the
  grace period (``revoked_at`` in the future), so no background job is needed;
- every change lands in the org's audit log, naming the key by its prefix only.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlmodel.ext.asyncio.session import AsyncSession
from sqlmodel.sql.expression import SelectOfScalar
from strawberry import relay

from app.access.request import ServiceContext
from app.access.scopes import NEVER_GRANTABLE_TO_KEYS, Scope, parse_scopes
from app.access.tenancy import Tenant
from app.api_keys import repository, usage
from app.api_keys.models import NAME_MAX, ApiKey, ApiKeyUsageDay
from app.api_keys.tokens import display_prefix, new_secret, secret_digest
from app.audit import service as audit
from app.core.clock import as_utc, utcnow
from app.core.errors import Conflict, Forbidden, InsufficientScopes, NotFound
from app.core.validation import Problems
from app.events.bus import Event

RATE_LIMIT_MIN, RATE_LIMIT_MAX, RATE_LIMIT_DEFAULT = 1, 10_000, 600
# Published after the commit of a change that stops keys working without anyone
# touching the keys (their creator disabled or removed); notifications listen.
API_KEY_DISABLED = "api_key.disabled"
GRACE_MAX_SECONDS = 7 * 24 * 60 * 60
MAX_SCOPES = len(Scope)


@dataclass(frozen=True, slots=True)
class IssuedKey:
    """A new key and its secret, which is shown this once and never stored."""

    key: ApiKey
    secret: str


def is_revoked(key: ApiKey, now: datetime) -> bool:
    return key.revoked_at is not None and as_utc(key.revoked_at) <= now


def is_expired(key: ApiKey, now: datetime) -> bool:
    return key.expires_at is not None and as_utc(key.expires_at) <= now


async def announce_stopped_with_creator(
    sc: ServiceContext, org_id: uuid.UUID, member_id: uuid.UUID, reason: str
) -> None:
    """The creator's working keys stop working with this change (the door refuses a
    key whose creator is disabled or gone): say so after the commit, key by key."""
    for key in await repository.live_of_creator(sc.db, org_id, member_id, utcnow()):
        sc.events.append(
            Event(
                API_KEY_DISABLED,
                org_id,
                {
                    "apiKeyId": str(relay.GlobalID("ApiKey", str(key.id))),
                    "name": key.name,
                    "prefix": key.prefix,
                    "reason": reason,
                },
            )
        )


async def expiring(
    db: AsyncSession, since: datetime, until: datetime, limit: int, offset: int = 0
) -> list[ApiKey]:
    """Every org's live keys expiring in [since, until), for the server's own reminders
    (no actor: nothing is shown to anyone from here)."""
    return await repository.expiring(db, since, until, limit, offset)


def listing(sc: ServiceContext, org_id: uuid.UUID) -> SelectOfScalar[ApiKey]:
    sc.actor.require(Scope.API_KEYS_READ, org_id)
    return repository.listing(org_id)


async def get(sc: ServiceContext, key_id: uuid.UUID) -> ApiKey:
    return await _load(sc, Scope.API_KEYS_READ, key_id)


async def create(
    sc: ServiceContext,
    org_id: uuid.UUID,
    *,
    name: str,
    scopes: list[str],
    rate_limit_per_minute: int = RATE_LIMIT_DEFAULT,
    expires_at: datetime | None = None,
) -> IssuedKey:
    sc.actor.require(Scope.API_KEYS_WRITE, org_id)
    creator_id = _require_member(sc)
    problems = Problems()
    name = problems.text("name", name, max_length=NAME_MAX)
    granted = check_scopes(problems, scopes)
    check_rate_limit(problems, rate_limit_per_minute)
    expires_at = _check_expiry(problems, "expiresAt", expires_at)
    problems.raise_if_any()
    _require_creator_holds(sc, granted)
    issued = issue_key(org_id, name, granted, rate_limit_per_minute, expires_at, creator_id)
    sc.db.add(issued.key)
    await sc.db.flush()
    await audit.record(
        sc,
        "api_key.created",
        target_type="ApiKey",
        target_id=issued.key.id,
        org_id=org_id,
        details=_describe(issued.key),
    )
    return issued


async def set_enabled(sc: ServiceContext, key_id: uuid.UUID, enabled: bool) -> ApiKey:
    key = await _changeable(sc, key_id)
    if key.enabled != enabled:
        key.enabled = enabled
        sc.db.add(key)
        await audit.record(
            sc,
            "api_key.enabled" if enabled else "api_key.disabled",
            target_type="ApiKey",
            target_id=key.id,
            org_id=key.org_id,
            details={"prefix": key.prefix, "name": key.name},
        )
    return key


async def revoke(sc: ServiceContext, key_id: uuid.UUID) -> ApiKey:
    """Revoke for good; revoking a revoked key changes nothing."""
    key = await _load(sc, Scope.API_KEYS_WRITE, key_id)
    now = utcnow()
    if is_revoked(key, now):
        return key
    key.revoked_at = now
    sc.db.add(key)
    await audit.record(
        sc,
        "api_key.revoked",
        target_type="ApiKey",
        target_id=key.id,
        org_id=key.org_id,
        details={"prefix": key.prefix, "name": key.name},
    )
    return key


async def rotate(
    sc: ServiceContext,
    key_id: uuid.UUID,
    *,
    grace_period_seconds: int,
    expires_at: datetime | None = None,
) -> tuple[IssuedKey, ApiKey]:
    """A new key like the old one; the old one is revoked when the grace period ends."""
    old = await _changeable(sc, key_id)
    assert old.org_id is not None  # _load only returns org keys
    creator_id = _require_member(sc)
    problems = Problems()
    if not 0 <= grace_period_seconds <= GRACE_MAX_SECONDS:
        problems.add("gracePeriodSeconds", f"must be between 0 and {GRACE_MAX_SECONDS}")
    now = utcnow()
    expires_at = _check_expiry(problems, "expiresAt", expires_at) or _live_expiry(old, now)
    problems.raise_if_any()
    if old.revoked_at is not None:
        raise Conflict("This key was already rotated; rotate its replacement instead.")
    granted, _unknown = parse_scopes(old.scopes)
    _require_creator_holds(sc, granted)
    issued = issue_key(
        old.org_id, old.name, granted, old.rate_limit_per_minute, expires_at, creator_id
    )
    old.revoked_at = now + timedelta(seconds=grace_period_seconds)
    sc.db.add(issued.key)
    sc.db.add(old)
    await sc.db.flush()
    await audit.record(
        sc,
        "api_key.rotated",
        target_type="ApiKey",
        target_id=old.id,
        org_id=old.org_id,
        details={
            "prefix": old.prefix,
            "name": old.name,
            "newId": str(issued.key.id),
            "newPrefix": issued.key.prefix,
            "gracePeriodSeconds": grace_period_seconds,
            "oldKeyRevokedAt": as_utc(old.revoked_at).isoformat(),
        },
    )
    return issued, old


def issue_key(
    org_id: uuid.UUID | None,
    name: str,
    scopes: frozenset[Scope],
    rate_limit_per_minute: int,
    expires_at: datetime | None,
    creator_id: uuid.UUID | None,
    *,
    admin_id: uuid.UUID | None = None,
    org_ids: list[str] | None = None,
) -> IssuedKey:
    secret = new_secret()
    key = ApiKey(
        org_id=org_id,
        name=name,
        prefix=display_prefix(secret),
        secret_hash=secret_digest(secret),
        scopes=sorted(scope.value for scope in scopes),
        rate_limit_per_minute=rate_limit_per_minute,
        created_by_id=creator_id,
        created_by_admin_id=admin_id,
        org_ids=org_ids,
        expires_at=expires_at,
    )
    return IssuedKey(key, secret)


async def _load(sc: ServiceContext, scope: Scope, key_id: uuid.UUID) -> ApiKey:
    """An org key the actor may use ``scope`` on; NOT_FOUND for other orgs' keys."""
    sc.actor.require(scope, None)
    key = await repository.by_id(sc.db, key_id, sc.actor)
    if key is None or key.org_id is None:
        raise NotFound()
    sc.actor.require(scope, key.org_id)
    return key


async def _changeable(sc: ServiceContext, key_id: uuid.UUID) -> ApiKey:
    key = await _load(sc, Scope.API_KEYS_WRITE, key_id)
    if is_revoked(key, utcnow()):
        raise Conflict("This key is revoked; revocation is final.")
    return key


def _require_member(sc: ServiceContext) -> uuid.UUID:
    """A key belongs to a member; staff without a membership use platform keys."""
    if sc.actor.member_id is None:
        raise Forbidden("Only a member of the organization can create or rotate its keys.")
    return sc.actor.member_id


def check_scopes(problems: Problems, values: list[str]) -> frozenset[Scope]:
    known, unknown = parse_scopes(values)
    never = sorted(scope.value for scope in known & NEVER_GRANTABLE_TO_KEYS)
    if not values:
        problems.add("scopes", "needs at least one scope")
    elif len(values) > MAX_SCOPES:
        problems.add("scopes", f"may list at most {MAX_SCOPES} scopes")
    elif unknown:
        shown = ", ".join(sorted({value[:40] for value in unknown})[:5])
        problems.add("scopes", f"unknown scopes: {shown}")
    elif never:
        problems.add("scopes", f"can never be granted to a key: {', '.join(never)}")
    return known


def check_rate_limit(problems: Problems, value: int) -> None:
    if not RATE_LIMIT_MIN <= value <= RATE_LIMIT_MAX:
        problems.add("rateLimitPerMinute", f"must be between {RATE_LIMIT_MIN} and {RATE_LIMIT_MAX}")


def _check_expiry(problems: Problems, field: str, value: datetime | None) -> datetime | None:
    if value is None:
        return None
    value = as_utc(value)
    if value <= utcnow():
        problems.add(field, "must be in the future")
    return value


def _live_expiry(key: ApiKey, now: datetime) -> datetime | None:
    """A rotated key keeps its predecessor's expiry while that is still ahead."""
    return None if key.expires_at is None or is_expired(key, now) else as_utc(key.expires_at)


def _require_creator_holds(sc: ServiceContext, scopes: frozenset[Scope]) -> None:
    missing = scopes - sc.actor.scopes
    if missing:
        raise InsufficientScopes(
            [scope.value for scope in missing], [scope.value for scope in sc.actor.scopes], "role"
        )


def _describe(key: ApiKey) -> dict[str, object]:
    return {
        "prefix": key.prefix,
        "name": key.name,
        "scopes": key.scopes,
        "rateLimitPerMinute": key.rate_limit_per_minute,
        "expiresAt": as_utc(key.expires_at).isoformat() if key.expires_at else None,
    }


# --- usage (counted by app.api_keys.usage) -----------------------------------------------

USAGE_DAYS_DEFAULT = 30
UNUSED_AFTER = timedelta(days=30)
MAX_CODES_SHOWN = 20  # error codes per report, most frequent first


@dataclass(frozen=True, slots=True)
class UsageDay:
    day: date
    requests: int = 0
    errors: int = 0
    rate_limited: int = 0


@dataclass(frozen=True, slots=True)
class UsageReport:
    """A key's use over its last ``days`` UTC days (today included), as flushed."""

    daily: list[UsageDay]
    errors_by_code: list[tuple[str, int]]  # most frequent first
    last_used_at: datetime | None
    last_used_ip: str | None


def check_usage_days(days: int) -> int:
    if not 1 <= days <= usage.RETENTION_DAYS:
        problems = Problems()
        problems.add("days", f"must be between 1 and {usage.RETENTION_DAYS}")
        problems.raise_if_any()
    return days


def is_unused(created_at: datetime, last_used_at: datetime | None, now: datetime) -> bool:
    """Whether a key has not been used for ``UNUSED_AFTER`` (a younger key never is)."""
    since = now - UNUSED_AFTER
    if as_utc(created_at) > since:
        return False
    return last_used_at is None or as_utc(last_used_at) <= since


async def usage_reports(
    db: AsyncSession, asked: Sequence[tuple[uuid.UUID, int]], tenant: Tenant
) -> list[UsageReport]:
    """A report per (key id, days) asked: for each distinct ``days`` (one, in practice)
    the keys' day rows and error codes over that window, then each key's latest day (its
    last use may be older than the window): three queries whatever the number of keys.
    Keys outside the tenant get empty reports (the field's permission checked the key's
    org already)."""
    today = utcnow().date()
    windows: dict[int, list[uuid.UUID]] = {}
    for key_id, days in asked:
        windows.setdefault(days, []).append(key_id)
    found: dict[tuple[uuid.UUID, int], _Window] = {}
    for days, key_ids in windows.items():
        since = today - timedelta(days=days - 1)
        for key_id in key_ids:
            found[(key_id, days)] = _Window({}, [])
        for row in await repository.usage_days(db, key_ids, since, tenant):
            found[(row.key_id, days)].rows[row.day] = row
        for key_id, code, count in await repository.usage_errors(db, key_ids, since, tenant):
            found[(key_id, days)].codes.append((code, count))
    all_ids = sorted({key_id for key_id, _days in asked})
    latest = {row.key_id: row for row in await repository.latest_usage(db, all_ids, tenant)}
    return [
        _report(found[(key_id, days)], latest.get(key_id), today, days) for key_id, days in asked
    ]


@dataclass(frozen=True, slots=True)
class _Window:
    rows: dict[date, ApiKeyUsageDay]
    codes: list[tuple[str, int]]


def _report(window: _Window, latest: ApiKeyUsageDay | None, today: date, days: int) -> UsageReport:
    daily = []
    for offset in range(days - 1, -1, -1):
        day = today - timedelta(days=offset)
        row = window.rows.get(day)
        daily.append(
            UsageDay(day, row.requests, row.errors, row.rate_limited) if row else UsageDay(day)
        )
    last_used_at = latest.last_used_at if latest is not None else None
    return UsageReport(
        daily=daily,
        errors_by_code=sorted(window.codes, key=lambda item: (-item[1], item[0]))[:MAX_CODES_SHOWN],
        last_used_at=as_utc(last_used_at) if last_used_at is not None else None,
        last_used_ip=latest.last_ip if latest is not None else None,
    )
