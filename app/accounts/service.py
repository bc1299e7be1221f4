"""The rules of accounts: changing one's password, resets by an owner or admin
(a temporary password or a one-time link), the org's password policy, portal codes.

- A member changes their own password with the current one; their other sessions end.
- An owner or admin (or a user-management key) resets a member's password under the
  rules of changing that member (``members.target_for_password_reset``): an admin never
  an owner's. A temporary password must be changed at the next sign-in (the session
  can do nothing else: PASSWORD_CHANGE_REQUIRED); a reset link works once, for 24 hours,
  and is stored as the SHA-256 of its token. Either ends the member's sessions
  (temporary) or waits for the link's use (which ends them), and a newer reset, like
  any new password, voids the member's unused links.
- Every new password passes the org's policy (``app.accounts.policy``).
"""

from __future__ import annotations

import hashlib
import secrets
import uuid
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from app.access.actor import ActorKind
from app.access.request import ServiceContext
from app.access.scopes import Scope, scopes_for
from app.accounts import mail, policy, repository
from app.accounts.models import PasswordResetLink
from app.accounts.policy import PasswordRefused, Policy, Refusal
from app.audit import service as audit
from app.auth import service as auth
from app.auth import throttle
from app.core.clock import as_utc, utcnow
from app.core.errors import (
    BadUserInput,
    Forbidden,
    NotFound,
    OrgDisabled,
    Unauthenticated,
    UserDisabled,
)
from app.core.passwords import hash_secret, hashing_turn, verify_secret
from app.core.settings import get_settings
from app.members import service as members
from app.orgs import org_settings
from app.orgs import service as orgs

if TYPE_CHECKING:
    from app.members.models import Member
    from app.orgs.models import Organization

RESET_LINK_LIFETIME = timedelta(hours=24)
# Generated passwords: no look-alike characters (0/O, 1/l/I), to be read off a screen.
_ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789"
GENERATED_MIN_LENGTH = 14  # 56 symbols: over 80 random bits
LINK_INVALID = (
    "This link doesn't work: it was used already, replaced by a newer one, or is more "
    "than 24 hours old. Ask an owner or admin of your organization for a new one."
)


def generate_password(min_length: int) -> str:
    """A random password at least ``min_length`` long (and never under 80 bits)."""
    length = max(GENERATED_MIN_LENGTH, min_length)
    return "".join(secrets.choice(_ALPHABET) for _ in range(length))


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


# --- the policy ------------------------------------------------------------------------


async def get_policy(sc: ServiceContext, org_id: uuid.UUID) -> Policy:
    """Anyone of the org may read the rules their passwords must meet, a session holding
    a temporary password too (it is about to choose one)."""
    if not sc.actor.is_authenticated:
        raise Unauthenticated()
    if not sc.actor.reaches(org_id):
        raise NotFound()
    return await policy.policy_of(sc, org_id)


async def update_policy(
    sc: ServiceContext, *, min_length: int | None, reject_common: bool | None
) -> Policy:
    """Change the org's policy (org:write: owners); fields left None stay. Applies to
    passwords set from now on; existing ones stay until changed."""
    org_id = sc.actor.home_org()
    sc.actor.require(Scope.ORG_WRITE, org_id)
    floor, ceiling = policy.MIN_LENGTH_FLOOR, policy.MIN_LENGTH_CEILING
    if min_length is not None and not floor <= min_length <= ceiling:
        raise BadUserInput({"minLength": f"must be between {floor} and {ceiling}"})
    before = await policy.policy_of(sc, org_id)
    row = await repository.locked_policy(
        sc.db, org_id, min_length=before.min_length, reject_common=before.reject_common
    )
    after = Policy(
        min_length=before.min_length if min_length is None else min_length,
        reject_common=before.reject_common if reject_common is None else reject_common,
    )
    changes = {
        name: {"from": getattr(before, attribute), "to": getattr(after, attribute)}
        for name, attribute in (("minLength", "min_length"), ("rejectCommon", "reject_common"))
        if getattr(before, attribute) != getattr(after, attribute)
    }
    if changes:
        row.min_length, row.reject_common, row.updated_at = (
            after.min_length,
            after.reject_common,
            utcnow(),
        )
        sc.db.add(row)
        await audit.record(
            sc,
            "org.password_policy_updated",
            target_type="Organization",
            target_id=org_id,
            org_id=org_id,
            details=changes,
        )
    return after


# --- one's own password ----------------------------------------------------------------


async def change_my_password(sc: ServiceContext, current: str, new: str) -> int:
    """The signed-in member's new password; their other sessions end (how many)."""
    actor = sc.actor
    if actor.kind is not ActorKind.MEMBER or actor.session_id is None or actor.org_id is None:
        raise Forbidden("Only a member signed in on the portal can change their password.")
    member = await members.own_member_for_update(sc)
    # Guessing the current password from a stolen session costs sign-in attempts.
    async with hashing_turn():
        await throttle.reserve_attempt(str(actor.org_id), member.username, sc.meta.ip)
        current_ok = await verify_secret(member.password_hash, current[:256])
    if not current_ok:
        raise PasswordRefused(
            {"currentPassword": Refusal("WRONG_PASSWORD", "is not your current password")}
        )
    await throttle.forget_attempts(str(actor.org_id), member.username, sc.meta.ip)
    if new == current:
        raise PasswordRefused(
            {"newPassword": Refusal("PASSWORD_UNCHANGED", "must differ from the current one")}
        )
    await policy.check(sc, actor.org_id, "newPassword", new, username=member.username)
    await _set_password(sc, member, await hash_secret(new), must_change=False)
    ended = await auth.end_member_sessions(sc, actor.org_id, member.id, keep=actor.session_id)
    await audit.record(
        sc,
        "auth.password_changed",
        target_type="Member",
        target_id=member.id,
        details={"endedSessions": ended},
    )
    # The rest of this request (the payload's viewer) sees the session as it now is.
    sc.actor = replace(actor, password_change_required=False, scopes=scopes_for(member.role))
    return ended


async def _set_password(
    sc: ServiceContext, member: Member, password_hash: str, *, must_change: bool
) -> None:
    members.set_password_hash(sc, member, password_hash, must_change=must_change)
    # Any unused reset link of the member stops working: the password it would replace
    # is gone.
    await repository.void_open_links(sc.db, member.org_id, member.id, utcnow())


# --- resets by an owner or admin ---------------------------------------------------------


async def set_temporary_password(
    sc: ServiceContext, org_id: uuid.UUID, member_id: uuid.UUID, password: str | None
) -> tuple[Member, str]:
    """Give the member a temporary password (``password``, or one generated), to change
    at their next sign-in; their sessions end. The password is returned once."""
    member = await members.target_for_password_reset(sc, org_id, member_id)
    if password is None:
        password = generate_password((await policy.policy_of(sc, org_id)).min_length)
    else:
        await policy.check(sc, org_id, "password", password, username=member.username)
    await _set_password(sc, member, await hash_secret(password), must_change=True)
    ended = await auth.end_member_sessions(sc, org_id, member.id)
    await audit.record(
        sc,
        "member.temporary_password_set",
        target_type="Member",
        target_id=member.id,
        org_id=org_id,
        details={"username": member.username, "endedSessions": ended},
    )
    return member, password


@dataclass(frozen=True, slots=True)
class NewResetLink:
    member: Member
    token: str
    url: str
    expires_at: datetime
    emailed_to: str | None
    email_problem: str | None


def reset_url(org_slug: str, token: str) -> str:
    """The dashboard page that takes the link, among the org's pages (the token in the
    fragment: browsers send no fragment to servers, so it stays out of access logs and
    Referer headers)."""
    settings = get_settings()
    base = settings.public_url or (settings.allowed_origins or ["http://127.0.0.1:8000"])[0]
    return f"{base.rstrip('/')}/org/{org_slug}/reset-password#token={token}"


async def create_reset_link(
    sc: ServiceContext, org_id: uuid.UUID, member_id: uuid.UUID, email_to: str | None
) -> NewResetLink:
    """A one-time link for the member to set a new password (24 hours; earlier unused
    links of theirs stop working). Mailed to ``email_to`` when given and SMTP is set up."""
    member = await members.target_for_password_reset(sc, org_id, member_id)
    org = await orgs.get_for_actor(sc, org_id)
    address = email_to.strip() if email_to else None
    if address is not None:
        problem = mail.address_problem(address)
        if problem is None and not mail.configured():
            problem = "can't be used: this server has no mail settings (QUIZGRAPH_SMTP_HOST)"
        if problem:
            raise BadUserInput({"emailTo": problem})
    now = utcnow()
    await repository.void_open_links(sc.db, org_id, member.id, now)
    token = secrets.token_urlsafe(32)
    link = PasswordResetLink(
        org_id=org_id,
        member_id=member.id,
        token_hash=_digest(token),
        created_at=now,
        expires_at=now + RESET_LINK_LIFETIME,
    )
    sc.db.add(link)
    url = reset_url(org.slug, token)
    email_problem = None
    if address is not None:
        email_problem = await mail.send_reset_link(
            mail.ResetMail(address, org.name, member.display_name, url, link.expires_at)
        )
    await audit.record(
        sc,
        "member.reset_link_created",
        target_type="Member",
        target_id=member.id,
        org_id=org_id,
        # The address is personal data the log doesn't need: whether it was mailed is.
        details={"username": member.username, "mailed": address is not None and not email_problem},
    )
    return NewResetLink(member, token, url, link.expires_at, address, email_problem)


@dataclass(frozen=True, slots=True)
class OpenLink:
    link: PasswordResetLink
    member: Member
    org: Organization
    policy: Policy


async def _open_link(sc: ServiceContext, token: str) -> OpenLink | None:
    """The link of ``token`` while it works: unused, not expired, its member and org
    there and enabled (a disabled one answers its own code)."""
    link = await repository.link_by_token_hash(sc.db, _digest(token[:200]))
    if link is None or link.used_at is not None or as_utc(link.expires_at) <= utcnow():
        return None
    member = await members.reread_for_login(sc, link.org_id, link.member_id)
    org = await orgs.reread_for_login(sc, link.org_id)
    if member is None or org is None:
        return None
    if org.disabled:
        raise OrgDisabled()
    if member.disabled:
        raise UserDisabled()
    return OpenLink(link, member, org, await policy.policy_of(sc, org.id))


async def reset_link_info(sc: ServiceContext, token: str) -> OpenLink | None:
    """What the link's page shows (whose password, which org, until when, the rules);
    None when it doesn't work. Holding the token is the permission."""
    return await _open_link(sc, token)


@dataclass(frozen=True)
class LinkSignIn:
    """The session a used reset link opens: its token, and how long the org lets it last
    (the cookie's lifetime, as at a sign-in)."""

    token: str
    lifetime: timedelta


async def use_reset_link(sc: ServiceContext, token: str, new: str) -> LinkSignIn:
    """Set the password with a link: it stops working, the member's sessions end, and
    they are signed in with the new password chosen."""
    found = await _open_link(sc, token)
    if found is None:
        raise PasswordRefused({"token": Refusal("RESET_LINK_INVALID", LINK_INVALID)})
    member, org = found.member, found.org
    await policy.check(sc, org.id, "newPassword", new, username=member.username)
    password_hash = await hash_secret(new)
    if not await repository.claim_link(sc.db, found.link, utcnow()):
        # Used at the same moment by another request.
        raise PasswordRefused({"token": Refusal("RESET_LINK_INVALID", LINK_INVALID)})
    await _set_password(sc, member, password_hash, must_change=False)
    await auth.end_member_sessions(sc, org.id, member.id)
    await audit.record(
        sc,
        "auth.password_reset_by_link",
        target_type="Member",
        target_id=member.id,
        org_id=org.id,
        details={"username": member.username},
    )
    session_token = await auth.sign_in_with_reset_link(sc, member, org)
    return LinkSignIn(session_token, org_settings.session_lengths(org).lifetime)


# --- the portal code ------------------------------------------------------------------


async def rotate_portal_code(sc: ServiceContext) -> tuple[Organization, str]:
    """A new portal code for the org (org:write: owners), returned once; the old one stops
    working at once. Open sessions stay (the code gates signing in only)."""
    org_id = sc.actor.home_org()
    sc.actor.require(Scope.ORG_WRITE, org_id)
    org = await orgs.get_for_actor(sc, org_id)
    code = orgs.generate_portal_code()
    org.portal_code_hash = await hash_secret(code)
    sc.db.add(org)
    await audit.record(
        sc, "org.portal_code_rotated", target_type="Organization", target_id=org.id, org_id=org.id
    )
    return org, code
