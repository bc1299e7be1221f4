"""Queries for sessions and platform staff accounts.

The session door's lookups join the members and orgs tables: the cookie, its member and
its org in one indexed query on every request (a service call per domain would add two
queries to each), and the rows it loads are the ones the request's resolvers reuse.
"""

from __future__ import annotations

import uuid
from collections.abc import Collection
from datetime import datetime
from typing import Any

from sqlalchemy import delete, update
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from app.access.scopes import Role
from app.access.tenancy import across_orgs, scoped
from app.auth.models import MemberSession, PlatformAdmin
from app.members.models import Member
from app.orgs.models import Organization

SessionRow = tuple[MemberSession, Member | None, Organization]

# The session door identifies the caller from the cookie's session: no org to scope by
# until the session is found (``app.access.tenancy.across_orgs``).
_DOOR = "the door finds sessions by token or id before the caller's org is known"


async def session_for_door(db: AsyncSession, token_hash: str) -> SessionRow | None:
    """The session with this token hash, its member (None once removed) and its org."""
    found = await db.exec(
        across_orgs(
            select(MemberSession, Member, Organization)
            .join(Organization, col(Organization.id) == MemberSession.org_id)
            .outerjoin(Member, col(Member.id) == MemberSession.member_id)
            .where(MemberSession.token_hash == token_hash),
            _DOOR,
        )
    )
    return found.first()


async def live_sessions(
    db: AsyncSession, session_ids: Collection[uuid.UUID], *, now: datetime
) -> list[tuple[uuid.UUID, Role, datetime, int | None]]:
    """Those of ``session_ids`` not expired, with member and org enabled; each with its
    member's current role, its last activity and its org's own idle timeout (None: the
    platform's), for the caller to judge idleness by."""
    found = await db.exec(
        across_orgs(
            select(
                MemberSession.id,
                Member.role,
                MemberSession.last_seen_at,
                Organization.session_idle_timeout_seconds,
            )
            .join(Member, col(Member.id) == MemberSession.member_id)
            .join(Organization, col(Organization.id) == MemberSession.org_id)
            .where(
                col(MemberSession.id).in_(session_ids),
                col(MemberSession.expires_at) > now,
                col(Member.disabled).is_(False),
                col(Organization.disabled).is_(False),
            ),
            _DOOR,
        )
    )
    return [
        (session_id, Role(role), last_seen, idle)
        for session_id, role, last_seen, idle in found.all()
    ]


async def touch_session(db: AsyncSession, session_id: uuid.UUID, seen_at: datetime) -> None:
    """Move the session's idle clock (a Core UPDATE: no row loaded, no change noted)."""
    await db.execute(
        across_orgs(
            update(MemberSession)
            .where(col(MemberSession.id) == session_id)
            .values(last_seen_at=seen_at)
            .execution_options(synchronize_session=False),
            _DOOR,
        )
    )


async def delete_session(db: AsyncSession, session_id: uuid.UUID) -> None:
    await db.execute(
        across_orgs(delete(MemberSession).where(col(MemberSession.id) == session_id), _DOOR)
    )


async def platform_admin_by_username(db: AsyncSession, username: str) -> PlatformAdmin | None:
    found = await db.exec(select(PlatformAdmin).where(PlatformAdmin.username == username))
    return found.first()


async def delete_member_sessions(
    db: AsyncSession, org_id: uuid.UUID, member_id: uuid.UUID, *, keep: uuid.UUID | None
) -> int:
    whose = col(MemberSession.member_id) == member_id
    if keep is not None:
        whose = whose & (col(MemberSession.id) != keep)
    result: Any = await db.execute(
        scoped(delete(MemberSession).where(whose), MemberSession, org_id)
    )
    return int(result.rowcount or 0)
