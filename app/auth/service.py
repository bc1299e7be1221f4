"""Signing in and out, turning a session cookie back into an actor, platform staff accounts."""

from __future__ import annotations

import logging
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from app.access.actor import ANONYMOUS, Actor, member_actor
from app.access.credential_cache import CachedCredential, CredentialCache, snapshot
from app.access.request import ServiceContext
from app.access.scopes import Role
from app.audit import service as audit
from app.auth import repository, throttle
from app.auth.models import MemberSession, PlatformAdmin
from app.auth.tokens import new_session_token, token_digest
from app.core import credential_generations
from app.core.clock import as_utc, utcnow
from app.core.credential_generations import GenerationsUnavailable
from app.core.db import begin_write, note_credential_change, offer_rows, unit_of_work
from app.core.errors import (
    BadUserInput,
    Conflict,
    InvalidCredentials,
    OrgDisabled,
    UserDisabled,
)
from app.core.passwords import hash_secret, hashing_turn, needs_rehash, verify_secrets
from app.core.validation import Problems
from app.members import service as members
from app.orgs import org_settings
from app.orgs import service as orgs

if TYPE_CHECKING:
    from app.members.models import Member
    from app.orgs.models import Organization

logger = logging.getLogger("quizgraph.auth")

# Idle expiry is tracked by touching the session at most this often, not per request.
TOUCH_INTERVAL = timedelta(seconds=60)


async def login(
    sc: ServiceContext, *, org_slug: str, portal_code: str, username: str, password: str
) -> tuple[Member, Organization, str]:
    """Check all four values; any wrong one gives the same error in the same time.

    The attempt is counted before any hashing (a throttled one costs no argon2), and
    hashing waits its turn in the process's bounded queue (``hashing_turn``).
    """
    slug, name = org_slug.strip().lower()[:63], username.strip().lower()[:64]
    async with hashing_turn():
        await throttle.reserve_attempt(slug, name, sc.meta.ip)
        # Nothing is written before the secrets are checked, so the writer transaction
        # the mutation began is ended here: a login waiting for argon2 must hold
        # neither SQLite's write lock nor a pooled connection.
        await sc.db.rollback()
        org = await orgs.find_by_slug(sc, slug)
        member = await members.find_for_login(sc, org.id, name) if org else None
        code_hash = org.portal_code_hash if org else None
        password_hash = member.password_hash if member else None
        found = (org.id, member.id) if org and member else None
        tried = (org.id if org else None, member.id if member else None)
        await sc.db.rollback()
        # Both hashes are always verified so timing doesn't tell which value was wrong.
        code_ok, password_ok = await verify_secrets(
            [(code_hash, portal_code[:256]), (password_hash, password[:256])]
        )
    if not (found and code_ok and password_ok):
        await _record_failure(sc, slug, name, *tried)
        raise InvalidCredentials()
    await throttle.forget_attempts(slug, name, sc.meta.ip)
    # Hashed before the writer transaction, which must not wait for an argon2 slot.
    rehashed = (
        await hash_secret(password) if password_hash and needs_rehash(password_hash) else None
    )
    await begin_write(sc.db)
    # Read again inside the writer transaction, so the disabled flags are current.
    org = await orgs.reread_for_login(sc, found[0])
    member = await members.reread_for_login(sc, found[0], found[1])
    if org is None or member is None:
        raise InvalidCredentials()
    if org.disabled:
        raise OrgDisabled()
    if member.disabled:
        raise UserDisabled()
    if rehashed and password_hash:
        members.upgrade_password_hash(sc, member, verified_hash=password_hash, new_hash=rehashed)
    token = await _open_session(sc, member, org)
    return member, org, token


async def _open_session(sc: ServiceContext, member: Member, org: Organization) -> str:
    token = new_session_token()
    now = utcnow()
    session = MemberSession(
        org_id=member.org_id,
        member_id=member.id,
        token_hash=token_digest(token),
        created_at=now,
        last_seen_at=now,
        # The org's session lifetime as it is now: a later change reaches later sessions.
        expires_at=now + org_settings.session_lengths(org).lifetime,
        ip=sc.meta.ip,
        user_agent=(sc.meta.user_agent or "")[:500] or None,
    )
    sc.db.add(session)
    sc.actor = member_actor(
        org_id=member.org_id,
        member_id=member.id,
        role=member.role,
        username=member.username,
        session_id=session.id,
        password_change_required=member.must_change_password,
    )
    await audit.record(sc, "auth.login", target_type="Member", target_id=member.id)
    return token


async def _record_failure(
    sc: ServiceContext,
    slug: str,
    username: str,
    org_id: uuid.UUID | None,
    member_id: uuid.UUID | None,
) -> None:
    """A failed sign-in in the org's audit log: the username tried and (on the event) the
    client's address, never the password; and the lockout it starts, when it spent the
    last attempt of a throttle budget. Written in a transaction of its own: the
    request's rolls back with its error. An org that doesn't exist has no log to tell."""
    if org_id is None:
        return
    spent = await throttle.spent_budgets(slug, username, sc.meta.ip)
    async with unit_of_work() as db:
        own = ServiceContext(db=db, actor=ANONYMOUS, meta=sc.meta)
        target_type = "Member" if member_id else None
        await audit.record(
            own,
            "auth.login_failed",
            org_id=org_id,
            target_type=target_type,
            target_id=member_id,
            details={"username": username},
        )
        for budget, seconds in spent:
            await audit.record(
                own,
                "auth.locked_out",
                org_id=org_id,
                target_type=target_type,
                target_id=member_id,
                details={"username": username, "budget": budget, "retryAfterSeconds": seconds},
            )


async def logout(sc: ServiceContext) -> bool:
    if sc.actor.session_id is None:
        return False
    await audit.record(sc, "auth.logout", target_type="Member", target_id=sc.actor.member_id)
    await repository.delete_session(sc.db, sc.actor.session_id)
    # A Core DELETE: the ORM's unit of work doesn't see it, so it is announced here.
    note_credential_change(sc.db, credential_generations.org_scope(sc.actor.org_id))
    return True


@dataclass(slots=True)
class CachedSession(CachedCredential):
    session_id: uuid.UUID
    expires_at: datetime
    # The session's last activity as this process knows it (read, or touched since).
    last_seen_at: datetime
    # Its org's idle timeout when it was read.
    idle_limit: timedelta


verified: CredentialCache[CachedSession] = CredentialCache()


async def actor_for_session(sc: ServiceContext, token: str, *, touch: bool = True) -> Actor | None:
    """The member behind a cookie, or None when the session is dead: unknown, expired,
    or its member disabled or removed. The door treats a dead session as anonymous
    and expires the cookie, so a shared browser is never stuck with it (the cookie is
    httpOnly: the page can't remove it). Raises ORG_DISABLED for a disabled org.

    A session seen before is answered from the process's credential cache while its
    org's credential token is unchanged (one Redis read, or none without Redis) and
    its times, compared in memory, haven't run out; past its idle time it is read
    again (another process may have seen it active). ``touch`` moves its idle clock,
    at most every ``TOUCH_INTERVAL``, with one UPDATE and no ORM object.
    """
    digest = token_digest(token)
    now = utcnow()
    generations = credential_generations.backend()
    cached = verified.get(digest)
    token_before: str | None = None
    if cached is not None:
        try:
            current = await generations.read(cached.scope)
        except GenerationsUnavailable:
            # Without Redis no cached session can be trusted: the database decides.
            logger.warning("credential tokens unavailable; session read from the database")
            return await _verify_session(sc, digest, now, None, touch=touch)
        alive = now < cached.expires_at and now < cached.last_seen_at + cached.idle_limit
        if current and current == cached.token and alive:
            offer_rows(sc.db, cached.rows)
            if touch and now - cached.last_seen_at >= TOUCH_INTERVAL:
                await repository.touch_session(sc.db, cached.session_id, now)
                cached.last_seen_at = now
            return cached.actor
        token_before = current or None
    return await _verify_session(sc, digest, now, token_before, touch=touch)


async def _verify_session(
    sc: ServiceContext,
    digest: str,
    now: datetime,
    token_before: str | None,
    *,
    touch: bool,
) -> Actor | None:
    """The session from the database; cached for the next request when it stands."""
    row = await repository.session_for_door(sc.db, digest)
    if row is None:
        verified.drop(digest)
        return None
    session, member, org = row
    # The org's idle timeout as it is now: a change reaches open sessions too (it
    # changes the org's credential token, so cached sessions are read again).
    idle_limit = org_settings.session_lengths(org).idle
    last_seen = as_utc(session.last_seen_at)
    if as_utc(session.expires_at) <= now or last_seen + idle_limit <= now:
        verified.drop(digest)
        return None
    if org.disabled:
        verified.drop(digest)
        raise OrgDisabled()
    if member is None or member.disabled:
        verified.drop(digest)
        return None
    sc.identity_rows += [member, org]
    if touch and now - last_seen >= TOUCH_INTERVAL:
        await repository.touch_session(sc.db, session.id, now)
        last_seen = now
    actor = member_actor(
        org_id=org.id,
        member_id=member.id,
        role=member.role,
        username=member.username,
        session_id=session.id,
        password_change_required=member.must_change_password,
    )
    verified.put(
        digest,
        CachedSession(
            actor=actor,
            scope=credential_generations.org_scope(org.id),
            token=token_before,
            rows=snapshot(member, org),
            session_id=session.id,
            expires_at=as_utc(session.expires_at),
            last_seen_at=last_seen,
            idle_limit=idle_limit,
        ),
    )
    return actor


async def live_session_ids(
    sc: ServiceContext, session_ids: set[uuid.UUID]
) -> dict[uuid.UUID, Role]:
    """Which of these sessions still stand (not ended, expired or idle past the idle
    timeout, member and org enabled), each with its member's current role: the same
    rule as ``actor_for_session``, so a socket outlives no cookie."""
    now = utcnow()
    found = await repository.live_sessions(sc.db, session_ids, now=now)
    return {
        session_id: role
        for session_id, role, last_seen, idle_override in found
        if now < as_utc(last_seen) + org_settings.idle_timeout(idle_override)
    }


async def add_platform_admin(sc: ServiceContext, username: str, password: str) -> PlatformAdmin:
    """A platform staff account (the command line on the server is the only way in)."""
    problems = Problems()
    username = problems.username("username", username)
    problems.password("password", password)
    problems.raise_if_any()
    if await repository.platform_admin_by_username(sc.db, username):
        raise Conflict(f"A platform admin named {username} already exists.")
    admin = PlatformAdmin(username=username, password_hash=await hash_secret(password))
    sc.db.add(admin)
    return admin


async def platform_admin_id(sc: ServiceContext, username: str) -> uuid.UUID:
    """The id of the platform admin named ``username``; BAD_USER_INPUT on ``adminUsername``
    when there is none (a platform key names the staff member who made it)."""
    admin = await repository.platform_admin_by_username(sc.db, username.strip().lower())
    if admin is None:
        raise BadUserInput({"adminUsername": f"no platform admin is named {username}"})
    return admin.id


async def end_member_sessions(
    sc: ServiceContext, org_id: uuid.UUID, member_id: uuid.UUID, *, keep: uuid.UUID | None = None
) -> int:
    """End every session of the member but ``keep`` (a password change keeps the one that
    made it); how many ended. Cached sessions go with the org's credential token."""
    ended = await repository.delete_member_sessions(sc.db, org_id, member_id, keep=keep)
    # A Core DELETE: the ORM's unit of work doesn't see it, so it is announced here.
    note_credential_change(sc.db, credential_generations.org_scope(org_id))
    return ended


async def sign_in_with_reset_link(sc: ServiceContext, member: Member, org: Organization) -> str:
    """A session for a member who just chose a password through a one-time reset link:
    the link, handed to them by an owner or admin, proved who they are."""
    return await _open_session(sc, member, org)
