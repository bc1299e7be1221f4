"""The rules for managing members.

- members:read / members:write gate everything (owners and admins);
- a key makes or promotes a member only to a role it could hold itself: every scope of
  the role grantable to keys and among the key's effective scopes (so never an owner or
  admin, who hold api_keys:*; a student needs the key to hold the student's scopes);
- an admin can't create, change or remove an owner;
- nobody changes their own role;
- the last active owner can't be removed, disabled or demoted.
"""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import Sequence
from dataclasses import dataclass

from sqlmodel.sql.expression import SelectOfScalar
from strawberry import relay

from app.access.actor import ActorKind
from app.access.request import ServiceContext
from app.access.scopes import (
    NEVER_GRANTABLE_TO_KEYS,
    ROLE_SCOPES,
    Role,
    Scope,
    manage_refusal,
    roles_assignable_by_key,
    scopes_keeping_keys_off,
    scopes_missing_to_assign,
)
from app.access.tenancy import require_found
from app.accounts import policy
from app.api_keys import service as api_keys
from app.audit import service as audit
from app.core.clock import utcnow
from app.core.errors import Conflict, Forbidden, NotFound
from app.core.passwords import hash_secret
from app.core.validation import Problems
from app.events.bus import Event
from app.members import repository
from app.members.models import Member

# The webhook event of a member added to an org (CONTRACT.md section 7).
USER_REGISTERED = "user.registered"


async def get(sc: ServiceContext, org_id: uuid.UUID, member_id: uuid.UUID) -> Member:
    sc.actor.require(Scope.MEMBERS_READ, org_id)
    member = await repository.by_id(sc.db, member_id, org_id)
    if member is None:
        raise NotFound()
    return member


async def get_by_id(sc: ServiceContext, member_id: uuid.UUID) -> Member:
    """A member of any org the actor reaches (``node(id:)``); others are NOT_FOUND."""
    member = await repository.by_id(sc.db, member_id, sc.actor)
    return require_found(sc.actor, Scope.MEMBERS_READ, member)


async def display_name_of(
    sc: ServiceContext, org_id: uuid.UUID, member_id: uuid.UUID
) -> str | None:
    """A member's display name (None: no such member in the org), with no scope check:
    for records that name whom they are about (a certificate names its holder, whoever
    closed the attempt that earned it)."""
    member = await repository.by_id(sc.db, member_id, org_id, read_only=True)
    return member.display_name if member else None


def listing(
    sc: ServiceContext,
    org_id: uuid.UUID,
    *,
    role: Role | None = None,
    disabled: bool | None = None,
    search: str | None = None,
) -> SelectOfScalar[Member]:
    """The org's members by username, optionally of one role, disabled or active, or
    matching ``search`` (part of the username or display name; blank means no filter)."""
    sc.actor.require(Scope.MEMBERS_READ, org_id)
    needle = (search or "").strip()[:100] or None
    return repository.listing(org_id, role=role, disabled=disabled, search=needle)


async def add_member(
    sc: ServiceContext,
    org_id: uuid.UUID,
    *,
    username: str,
    display_name: str,
    role: Role,
    password: str,
) -> Member:
    sc.actor.require(Scope.MEMBERS_WRITE, org_id)
    problems = Problems()
    username = problems.username("username", username)
    display_name = problems.text("displayName", display_name, max_length=200)
    problems.raise_if_any()
    await policy.check(sc, org_id, "password", password, username=username)
    _check_key_may_assign(sc, role)
    _check_may_manage(sc, role)
    if await repository.by_username(sc.db, org_id, username):
        raise Conflict(
            f"The username '{username}' is taken in this organization.",
            fields={"username": "taken"},
        )
    member = Member(
        org_id=org_id,
        username=username,
        display_name=display_name,
        role=role,
        password_hash=await hash_secret(password),
    )
    sc.db.add(member)
    await sc.db.flush()
    await audit.record(
        sc,
        "member.added",
        target_type="Member",
        target_id=member.id,
        org_id=org_id,
        details={"username": username, "role": role.value},
    )
    sc.events.append(
        Event(
            USER_REGISTERED,
            org_id,
            {
                "memberId": str(relay.GlobalID("Member", str(member.id))),
                "username": username,
                "displayName": display_name,
                "role": role.value,
            },
        )
    )
    return member


async def update_member(
    sc: ServiceContext,
    org_id: uuid.UUID,
    member_id: uuid.UUID,
    *,
    role: Role | None = None,
    disabled: bool | None = None,
    display_name: str | None = None,
) -> Member:
    sc.actor.require(Scope.MEMBERS_WRITE, org_id)
    member = await _target(sc, org_id, member_id)
    _check_may_manage(sc, member.role)
    _check_key_may_touch(sc, member.role)
    changes: dict[str, object] = {}
    if display_name is not None:
        problems = Problems()
        display_name = problems.text("displayName", display_name, max_length=200)
        problems.raise_if_any()
        if display_name != member.display_name:
            changes["displayName"] = display_name
            member.display_name = display_name
    if role is not None and role != member.role:
        if member.id == sc.actor.member_id:
            raise Forbidden("You can't change your own role.")
        _check_key_may_assign(sc, role)
        _check_may_manage(sc, role)
        if member.role is Role.OWNER:
            await _ensure_another_owner(sc, org_id, "demote")
        changes["role"] = {"from": member.role.value, "to": role.value}
        member.role = role
    if disabled is not None and disabled != member.disabled:
        if disabled and member.id == sc.actor.member_id:
            raise Forbidden("You can't disable yourself.")
        if disabled and member.role is Role.OWNER:
            await _ensure_another_owner(sc, org_id, "disable")
        changes["disabled"] = disabled
        member.disabled = disabled
        if disabled:
            await api_keys.announce_stopped_with_creator(
                sc, org_id, member.id, f"{member.username}, who created it, was disabled."
            )
    if changes:
        member.updated_at = utcnow()
        sc.db.add(member)
        await audit.record(
            sc,
            "member.updated",
            target_type="Member",
            target_id=member.id,
            org_id=org_id,
            details={"username": member.username, **changes},
        )
    return member


async def remove_member(sc: ServiceContext, org_id: uuid.UUID, member_id: uuid.UUID) -> uuid.UUID:
    sc.actor.require(Scope.MEMBERS_WRITE, org_id)
    member = await _target(sc, org_id, member_id)
    _check_may_manage(sc, member.role)
    _check_key_may_touch(sc, member.role)
    if member.id == sc.actor.member_id:
        raise Forbidden("You can't remove yourself.")
    if member.role is Role.OWNER:
        await _ensure_another_owner(sc, org_id, "remove")
    await audit.record(
        sc,
        "member.removed",
        target_type="Member",
        target_id=member.id,
        org_id=org_id,
        details={"username": member.username, "role": member.role.value},
    )
    await api_keys.announce_stopped_with_creator(
        sc, org_id, member.id, f"{member.username}, who created it, was removed."
    )
    await sc.db.delete(member)
    await sc.db.flush()
    return member.id


async def _target(sc: ServiceContext, org_id: uuid.UUID, member_id: uuid.UUID) -> Member:
    """The member a write acts on; members:write alone suffices (user management keys)."""
    member = await repository.by_id(sc.db, member_id, org_id)
    if member is None:
        raise NotFound()
    return member


async def target_for_password_reset(
    sc: ServiceContext, org_id: uuid.UUID, member_id: uuid.UUID
) -> Member:
    """The member whose password an owner, admin or user-management key sets: the rules
    of changing a member (an admin never an owner's; a key never an owner's or admin's)."""
    sc.actor.require(Scope.MEMBERS_WRITE, org_id)
    member = await _target(sc, org_id, member_id)
    _check_may_manage(sc, member.role)
    _check_key_may_touch(sc, member.role)
    return member


async def own_member_for_update(sc: ServiceContext) -> Member:
    """The signed-in member's own row as committed now, to change (their password)."""
    if sc.actor.member_id is None or sc.actor.org_id is None:
        raise Forbidden("Only a signed-in member has a password to change.")
    member = await repository.by_id(sc.db, sc.actor.member_id, sc.actor.org_id, fresh=True)
    if member is None:
        raise NotFound()
    return member


def set_password_hash(
    sc: ServiceContext, member: Member, password_hash: str, *, must_change: bool
) -> None:
    """Store a new password's hash; ``must_change`` makes it a temporary one."""
    now = utcnow()
    member.password_hash = password_hash
    member.must_change_password = must_change
    member.password_changed_at = now
    member.updated_at = now
    sc.db.add(member)


def role_refusal(sc: ServiceContext, role: Role) -> str | None:
    """Why the actor may not give a new member ``role`` (None: it may): the rules of
    ``add_member``, as a sentence for a report (an import's row)."""
    try:
        _check_key_may_assign(sc, role)
        _check_may_manage(sc, role)
    except Forbidden as refused:
        return refused.message
    return None


async def taken_usernames(
    sc: ServiceContext, org_id: uuid.UUID, usernames: Sequence[str]
) -> set[str]:
    """Those of ``usernames`` the org's members already have (members:write: for adding)."""
    sc.actor.require(Scope.MEMBERS_WRITE, org_id)
    return await repository.taken_usernames(sc.db, org_id, usernames)


@dataclass(frozen=True, slots=True)
class NewMember:
    username: str
    display_name: str
    role: Role
    password_hash: str
    must_change_password: bool


# Rows per INSERT statement of a bulk add: under SQLite's 32,766 bound parameters, and
# small enough that building one statement is a short turn of the event loop.
BULK_INSERT_ROWS = 100


async def add_many(sc: ServiceContext, org_id: uuid.UUID, new: Sequence[NewMember]) -> int:
    """Add members in bulk (an import), in the caller's transaction: validated already
    (by ``add_member``'s rules: ``role_refusal``, the password policy), hashed already.
    One ``user.registered`` event each, like ``add_member``; the caller audits once."""
    sc.actor.require(Scope.MEMBERS_WRITE, org_id)
    now = utcnow()
    for start in range(0, len(new), BULK_INSERT_ROWS):
        chunk = new[start : start + BULK_INSERT_ROWS]
        rows: list[dict[str, object]] = [
            {
                "id": uuid.uuid4(),
                "org_id": org_id,
                "username": item.username,
                "display_name": item.display_name,
                "role": item.role,
                "password_hash": item.password_hash,
                "must_change_password": item.must_change_password,
                "password_changed_at": now,
                "disabled": False,
                "created_at": now,
                "updated_at": now,
            }
            for item in chunk
        ]
        await repository.insert_many(sc.db, org_id, rows)
        for row, item in zip(rows, chunk, strict=True):
            sc.events.append(
                Event(
                    USER_REGISTERED,
                    org_id,
                    {
                        "memberId": str(relay.GlobalID("Member", str(row["id"]))),
                        "username": item.username,
                        "displayName": item.display_name,
                        "role": item.role.value,
                    },
                )
            )
        await asyncio.sleep(0)  # let other requests run between statements
    return len(new)


def _check_key_may_assign(sc: ServiceContext, role: Role) -> None:
    """A key gives a member only a role whose scopes it holds itself (sessions: owner rules)."""
    if sc.actor.kind is not ActorKind.API_KEY:
        return
    missing = scopes_missing_to_assign(role, sc.actor.scopes)
    if not missing:
        return
    never = sorted(scope.value for scope in missing & NEVER_GRANTABLE_TO_KEYS)
    if never:
        why = f"the role holds {', '.join(never)}, which no API key can hold"
    else:
        why = f"your key lacks {', '.join(sorted(scope.value for scope in missing))}"
    assignable = [r.value for r in roles_assignable_by_key(sc.actor.scopes)]
    raise Forbidden(
        f"An API key can only give a member a role whose scopes it holds itself. "
        f"{role.value}: {why}. This key may give: {', '.join(assignable) or 'no role'}.",
        requiredScopes=sorted(scope.value for scope in ROLE_SCOPES[role]),
        grantedScopes=sorted(scope.value for scope in sc.actor.scopes),
        missingScopes=sorted(scope.value for scope in missing),
    )


def _check_key_may_touch(sc: ServiceContext, role: Role) -> None:
    """A key never changes or removes a member whose role holds scopes no key can hold:
    otherwise a user-management key could disable or demote the owners and admins who
    govern keys. (Students and teachers stay manageable with members:write alone.)"""
    if sc.actor.kind is not ActorKind.API_KEY:
        return
    never = scopes_keeping_keys_off(role)
    if never:
        raise Forbidden(
            f"An API key can't change or remove a member with the role {role.value}: "
            f"the role holds {', '.join(sorted(scope.value for scope in never))}, "
            "which no API key can hold.",
            requiredScopes=sorted(scope.value for scope in ROLE_SCOPES[role]),
            grantedScopes=sorted(scope.value for scope in sc.actor.scopes),
        )


def _check_may_manage(sc: ServiceContext, role: Role) -> None:
    """Only an owner (or platform staff) may create, change or remove an owner."""
    refusal = manage_refusal(sc.actor.role, role, platform=sc.actor.is_platform)
    if refusal:
        raise Forbidden(refusal)


async def _ensure_another_owner(sc: ServiceContext, org_id: uuid.UUID, verb: str) -> None:
    if await repository.count_active_owners(sc.db, org_id) <= 1:
        raise Forbidden(f"You can't {verb} the last owner of the organization.")


async def own_member(sc: ServiceContext) -> Member | None:
    """The actor's own member row (a session's member, a key's creator): reading
    yourself needs no scope. None for anonymous callers and platform staff."""
    if sc.actor.member_id is None or sc.actor.org_id is None:
        return None
    # Read only: the row the request holds or the one the door offered (a cached
    # credential's), with no SQL and the session left unopened. Never change it.
    return await repository.by_id(sc.db, sc.actor.member_id, sc.actor.org_id, read_only=True)


async def create_first_owner(
    sc: ServiceContext, org_id: uuid.UUID, *, username: str, display_name: str, password: str
) -> Member:
    """The owner an org is created with (``orgs.service.create_org``, which validated the
    values). Nobody holds members:write in an org that didn't exist, so creating the org
    is the permission; refused once the org has an owner, so it adds no second one."""
    if await repository.count_active_owners(sc.db, org_id):
        raise Conflict("The organization already has an owner.")
    member = Member(
        org_id=org_id,
        username=username,
        display_name=display_name,
        role=Role.OWNER,
        password_hash=await hash_secret(password),
    )
    sc.db.add(member)
    await sc.db.flush()
    return member


async def find_for_login(sc: ServiceContext, org_id: uuid.UUID, username: str) -> Member | None:
    """The member a sign-in names, disabled or not, with no scope check: there is no
    actor yet, and ``auth.service.login`` says nothing until the password checks out."""
    return await repository.by_username(sc.db, org_id, username)


async def reread_for_login(
    sc: ServiceContext, org_id: uuid.UUID, member_id: uuid.UUID
) -> Member | None:
    """The member as committed now (not as the session cached it), so a sign-in inside
    its writer transaction sees a ``disabled`` set since it looked the member up."""
    return await repository.by_id(sc.db, member_id, org_id, fresh=True)


def upgrade_password_hash(
    sc: ServiceContext, member: Member, *, verified_hash: str, new_hash: str
) -> None:
    """Store a rehash of the password a sign-in just verified against ``verified_hash``
    (hashing parameters raised since), unless the password changed meanwhile."""
    if member.password_hash == verified_hash:
        member.password_hash = new_hash
        sc.db.add(member)
