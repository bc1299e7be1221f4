"""The owner's settings of an org: session lengths and the default rate limit of new keys.

Each setting is a nullable column of the org (None: the platform's default). Session
lengths must stay within the platform's bounds (``session_timeout_min_seconds`` and
``session_timeout_max_seconds``); they are clamped again when used, so lowering a bound
reaches every org at once. A session's lifetime is fixed when it opens (the new length
reaches new sessions); its idle timeout is read at every request (a shorter one reaches
open sessions too). Every change is audited with its values before and after.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import timedelta
from typing import TYPE_CHECKING

from app.access.request import ServiceContext
from app.access.scopes import Scope
from app.api_keys.service import RATE_LIMIT_DEFAULT, RATE_LIMIT_MAX, RATE_LIMIT_MIN
from app.audit import service as audit
from app.core.settings import get_settings
from app.core.validation import Problems
from app.orgs import service as orgs

if TYPE_CHECKING:
    from app.orgs.models import Organization

# Setting names as the API spells them, with the org's column behind each.
SESSION_IDLE = "sessionIdleTimeoutSeconds"
SESSION_LIFETIME = "sessionLifetimeSeconds"
KEY_RATE_LIMIT = "defaultApiKeyRateLimitPerMinute"
COLUMNS: dict[str, str] = {
    SESSION_IDLE: "session_idle_timeout_seconds",
    SESSION_LIFETIME: "session_lifetime_seconds",
    KEY_RATE_LIMIT: "api_key_rate_limit_per_minute",
}


@dataclass(frozen=True, slots=True)
class SessionLengths:
    idle: timedelta
    lifetime: timedelta


@dataclass(frozen=True, slots=True)
class SessionBounds:
    """What the platform allows an org to choose, and what it uses when the org doesn't."""

    min_seconds: int
    max_seconds: int
    default_idle_seconds: int
    default_lifetime_seconds: int


def session_bounds() -> SessionBounds:
    settings = get_settings()
    return SessionBounds(
        min_seconds=settings.session_timeout_min_seconds,
        max_seconds=settings.session_timeout_max_seconds,
        default_idle_seconds=settings.session_idle_timeout_seconds,
        default_lifetime_seconds=settings.session_absolute_timeout_seconds,
    )


def idle_timeout(override: int | None) -> timedelta:
    """The idle timeout of an org whose own setting is ``override`` (None: the default)."""
    bounds = session_bounds()
    return timedelta(seconds=_clamped(override, bounds.default_idle_seconds, bounds))


def session_lengths(org: Organization) -> SessionLengths:
    """How long a session of this org may sit unused, and may last at most."""
    bounds = session_bounds()
    lifetime = _clamped(org.session_lifetime_seconds, bounds.default_lifetime_seconds, bounds)
    return SessionLengths(
        idle=idle_timeout(org.session_idle_timeout_seconds), lifetime=timedelta(seconds=lifetime)
    )


def _clamped(value: int | None, default: int, bounds: SessionBounds) -> int:
    if value is None:
        return default
    return min(max(value, bounds.min_seconds), bounds.max_seconds)


def key_rate_limit(org: Organization) -> int:
    """Requests per minute of a new key whose creator names none."""
    value = org.api_key_rate_limit_per_minute
    return RATE_LIMIT_DEFAULT if value is None else value


async def default_key_rate_limit(sc: ServiceContext, org_id: uuid.UUID) -> int:
    """The org's rate limit for new keys (whoever may create a key there may know it)."""
    return key_rate_limit(await orgs.get_for_actor(sc, org_id))


async def settings_of(sc: ServiceContext, org_id: uuid.UUID) -> Organization:
    sc.actor.require(Scope.ORG_READ, org_id)
    return await orgs.get_for_actor(sc, org_id)


async def update(sc: ServiceContext, changes: dict[str, int | None]) -> Organization:
    """Set the settings named in ``changes`` (API names; None: the platform's default);
    the others stay. Nothing changes unless every value is allowed."""
    org_id = sc.actor.home_org()
    sc.actor.require(Scope.ORG_WRITE, org_id)
    _check(changes)
    org = await orgs.get_for_actor(sc, org_id)
    before = {name: getattr(org, column) for name, column in COLUMNS.items()}
    after = before | changes
    _check_idle_within_lifetime(after)
    changed = {
        name: {"from": before[name], "to": after[name]}
        for name in COLUMNS
        if before[name] != after[name]
    }
    if not changed:
        return org
    for name in changed:
        setattr(org, COLUMNS[name], after[name])
    sc.db.add(org)
    await audit.record(
        sc,
        "org.settings_updated",
        target_type="Organization",
        target_id=org.id,
        org_id=org.id,
        details=changed,
    )
    return org


def _check(changes: dict[str, int | None]) -> None:
    bounds = session_bounds()
    problems = Problems()
    for name in (SESSION_IDLE, SESSION_LIFETIME):
        value = changes.get(name)
        if value is not None and not bounds.min_seconds <= value <= bounds.max_seconds:
            problems.add(
                name,
                f"must be between {bounds.min_seconds} and {bounds.max_seconds} seconds, "
                "or null for the platform's default",
            )
    rate = changes.get(KEY_RATE_LIMIT)
    if rate is not None and not RATE_LIMIT_MIN <= rate <= RATE_LIMIT_MAX:
        problems.add(
            KEY_RATE_LIMIT,
            f"must be between {RATE_LIMIT_MIN} and {RATE_LIMIT_MAX}, "
            f"or null for the platform's default ({RATE_LIMIT_DEFAULT})",
        )
    problems.raise_if_any()


def _check_idle_within_lifetime(values: dict[str, int | None]) -> None:
    """An org's own idle timeout longer than its sessions' lifetime could never be
    reached (the platform's default idle timeout may be: it then never applies)."""
    idle = values[SESSION_IDLE]
    if idle is None:
        return
    lifetime = values[SESSION_LIFETIME] or session_bounds().default_lifetime_seconds
    if idle > lifetime:
        problems = Problems()
        problems.add(
            SESSION_IDLE, f"must not be longer than the session lifetime ({lifetime} seconds)"
        )
        problems.raise_if_any()
