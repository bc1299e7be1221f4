"""Platform admins signing in to the console: password, then a TOTP code; the session door.

Two steps, so the password never travels twice:

1. ``begin``: username and password. The attempt is counted before any hashing (the
   login throttle's budgets, under a name no org slug can take) and the password is
   checked like a member's (argon2 in the hashing pool, a dummy hash for an unknown
   name, one error for any wrong value). It answers a sign-in ticket and, while the
   admin has no confirmed second factor, the enrolment: a fresh secret (kept sealed
   until confirmed, and re-shown only to whoever passes the password step again).
2. ``complete``: the ticket and a code. Codes are throttled per admin (a 6-digit code
   can't be guessed in ``CODE_ATTEMPTS`` tries), accepted for one step either side of
   now and only for a step newer than the last accepted (no replay), the newest step
   stored by one conditional UPDATE. The first accepted code confirms the enrolment;
   from then on the secret is never shown again. A session opens (cookie
   ``qg_platform_session``, ``Path=/platform``).

A platform session is read from the database on every console request (staff traffic
is small, and a session ended elsewhere then stops at once): one indexed query.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta

from app.access.actor import Actor, platform_admin_actor
from app.access.request import ServiceContext
from app.auth import throttle as login_throttle
from app.core import ratelimit
from app.core.clock import as_utc, utcnow
from app.core.db import begin_write
from app.core.errors import InvalidCredentials, RateLimited
from app.core.passwords import hashing_turn, verify_secret
from app.platform import actions, journal, repository, totp
from app.platform.models import PlatformAdminSession, PlatformAdminTotp
from app.platform.tokens import issue_ticket, new_session_token, read_ticket, token_digest

# Shorter than a member's: a staff session reaches every org.
SESSION_IDLE = timedelta(minutes=30)
SESSION_ABSOLUTE = timedelta(hours=12)
TOUCH_INTERVAL = timedelta(seconds=60)
# Wrong codes per admin per window before the code step is refused (RATE_LIMITED).
CODE_ATTEMPTS = 5
CODE_WINDOW_SECONDS = 300
# The login throttle's budgets are keyed by org slug; no slug starts with a colon.
_THROTTLE_SPACE = ":platform"
_CODE_LIMIT = "platform-totp"

WRONG_PASSWORD = "The username or password is wrong."
WRONG_CODE = "The code is wrong or was already used; enter the newest code from your app."
EXPIRED_TICKET = "The sign-in took too long; start again with your password."


@dataclass(frozen=True, slots=True)
class Enrolment:
    """A second factor to set up, shown until its first code is accepted."""

    secret: str
    otpauth_uri: str
    qr_code_svg: str


@dataclass(frozen=True, slots=True)
class Started:
    ticket: str
    enrolment: Enrolment | None


async def begin(sc: ServiceContext, *, username: str, password: str) -> Started:
    name = username.strip().lower()[:64]
    async with hashing_turn():
        await login_throttle.reserve_attempt(_THROTTLE_SPACE, name, sc.meta.ip)
        # No writer transaction (nor pooled connection) is held while argon2 runs.
        await sc.db.rollback()
        admin = await repository.admin_by_username(sc.db, name)
        found = (admin.id, admin.username, admin.password_hash) if admin else None
        await sc.db.rollback()
        password_ok = await verify_secret(found[2] if found else None, password[:256])
    if found is None or not password_ok:
        raise InvalidCredentials(WRONG_PASSWORD)
    await login_throttle.forget_attempts(_THROTTLE_SPACE, name, sc.meta.ip)
    admin_id, admin_name, _hash = found
    await begin_write(sc.db)
    enrolment = await _pending_enrolment(sc, admin_id, admin_name)
    return Started(issue_ticket(admin_id, utcnow()), enrolment)


async def _pending_enrolment(
    sc: ServiceContext, admin_id: uuid.UUID, username: str
) -> Enrolment | None:
    """None once a second factor is confirmed; else the pending secret (made now when
    there is none, or when the stored one can't be opened any more)."""
    row = await repository.totp_of(sc.db, admin_id, fresh=True)
    secret = totp.unseal(row.secret_sealed) if row is not None else None
    if row is not None and row.confirmed_at is not None and secret is not None:
        return None
    if row is None or secret is None:
        secret = totp.new_secret()
        if row is None:
            row = PlatformAdminTotp(admin_id=admin_id, secret_sealed=totp.seal(secret))
        row.secret_sealed = totp.seal(secret)
        row.confirmed_at = None
        row.last_used_step = 0
        sc.db.add(row)
    uri = totp.provisioning_uri(secret, username)
    return Enrolment(secret=secret, otpauth_uri=uri, qr_code_svg=totp.qr_code_svg(uri))


async def complete(sc: ServiceContext, *, ticket: str, code: str) -> tuple[Actor, str]:
    """The signed-in actor and the session token for the cookie."""
    now = utcnow()
    admin_id = read_ticket(ticket, now)
    if admin_id is None:
        raise InvalidCredentials(EXPIRED_TICKET)
    limit = ratelimit.per_window(CODE_ATTEMPTS, CODE_WINDOW_SECONDS)
    state = await ratelimit.hit(limit, _CODE_LIMIT, str(admin_id))
    if not state.allowed:
        raise RateLimited(state.reset_after_seconds)
    await begin_write(sc.db)
    admin = await repository.admin_by_id(sc.db, admin_id)
    row = await repository.totp_of(sc.db, admin_id, fresh=True)
    secret = totp.unseal(row.secret_sealed) if row is not None else None
    if admin is None or row is None or secret is None:
        raise InvalidCredentials(EXPIRED_TICKET)
    step = totp.accepted_step(secret, code[:32], now)
    if step is None or step <= row.last_used_step:
        raise InvalidCredentials(WRONG_CODE)
    if not await repository.claim_step(sc.db, admin_id, step):
        raise InvalidCredentials(WRONG_CODE)  # a concurrent request used it first
    await ratelimit.forget(limit, _CODE_LIMIT, str(admin_id))
    session = _new_session(sc, admin_id, now)
    actor = platform_admin_actor(admin_id, admin.username, session.session.id)
    if row.confirmed_at is None:
        row.confirmed_at = now
        sc.db.add(row)
        journal.record(
            sc, actions.TOTP_ENROLLED, target_type="PlatformAdmin", actor=actor, target_id=admin_id
        )
    journal.record(
        sc, actions.SIGNED_IN, target_type="PlatformAdmin", target_id=admin_id, actor=actor
    )
    sc.actor = actor
    return actor, session.token


@dataclass(frozen=True, slots=True)
class _NewSession:
    session: PlatformAdminSession
    token: str


def _new_session(sc: ServiceContext, admin_id: uuid.UUID, now: datetime) -> _NewSession:
    token = new_session_token()
    session = PlatformAdminSession(
        admin_id=admin_id,
        token_hash=token_digest(token),
        created_at=now,
        last_seen_at=now,
        expires_at=now + SESSION_ABSOLUTE,
        ip=sc.meta.ip,
        user_agent=(sc.meta.user_agent or "")[:500] or None,
    )
    sc.db.add(session)
    return _NewSession(session, token)


async def logout(sc: ServiceContext) -> bool:
    """End the console session this request came with (False without one)."""
    actor = sc.actor
    if actor.platform_admin_id is None or actor.session_id is None:
        return False
    journal.record(
        sc, actions.SIGNED_OUT, target_type="PlatformAdmin", target_id=actor.platform_admin_id
    )
    await repository.delete_session(sc.db, actor.session_id)
    return True


async def actor_for_session(sc: ServiceContext, token: str, *, touch: bool = True) -> Actor | None:
    """The platform admin behind a console cookie, or None when the session is dead
    (unknown, expired, idle past ``SESSION_IDLE``). ``touch`` moves the idle clock, at
    most every ``TOUCH_INTERVAL`` (never on safe methods)."""
    found = await repository.session_for_door(sc.db, token_digest(token))
    if found is None:
        return None
    session, admin = found
    now = utcnow()
    last_seen = as_utc(session.last_seen_at)
    if as_utc(session.expires_at) <= now or last_seen + SESSION_IDLE <= now:
        return None
    if touch and now - last_seen >= TOUCH_INTERVAL:
        await repository.touch_session(sc.db, session.id, now)
    return platform_admin_actor(admin.id, admin.username, session.id)
