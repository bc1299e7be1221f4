"""Queries of the platform console.

Two kinds reach into other domains' tables, each allowed by
``tests/architecture/imports.py`` with its reason:

- the platform session door: the cookie's session and its admin in one indexed query
  on every console request (and sign-in reads the admin's account by name);
- the org listing: a page of orgs, then one grouped query per figure (members, last
  activity, attempts in the last 30 days) for that page's orgs, each on an index
  that starts with ``org_id``, instead of a service call per org and domain.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

from sqlalchemy import Select, delete, func, or_, update
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from app.access.tenancy import Tenant, across_orgs, scoped
from app.analytics.models import MemberDay
from app.audit.models import AuditEvent
from app.auth.models import PlatformAdmin
from app.members.models import Member
from app.orgs.models import Organization
from app.platform.models import PlatformAdminSession, PlatformAdminTotp, PlatformAuditEvent

# The platform log is staff's own record across orgs (platform-wide rows have no org);
# only platform:read holders read it, which the service checks.
_PLATFORM_LOG = "the platform log spans every org and platform-wide actions"
# Who counts as "activity": the org's own members and keys, not staff or the server.
ACTIVE_ACTOR_KINDS = ("MEMBER", "API_KEY")


async def admin_by_username(db: AsyncSession, username: str) -> PlatformAdmin | None:
    found = await db.exec(select(PlatformAdmin).where(PlatformAdmin.username == username))
    return found.first()


async def admin_by_id(db: AsyncSession, admin_id: uuid.UUID) -> PlatformAdmin | None:
    return await db.get(PlatformAdmin, admin_id)


async def totp_of(
    db: AsyncSession, admin_id: uuid.UUID, *, fresh: bool = False
) -> PlatformAdminTotp | None:
    """``fresh``: as committed now (a code checked inside the writer transaction)."""
    return await db.get(PlatformAdminTotp, admin_id, populate_existing=fresh)


async def claim_step(db: AsyncSession, admin_id: uuid.UUID, step: int) -> bool:
    """Record ``step`` as the newest accepted, only if it is newer than the one stored:
    one conditional UPDATE, so two requests racing with one code can't both pass."""
    result = await db.execute(
        update(PlatformAdminTotp)
        .where(
            col(PlatformAdminTotp.admin_id) == admin_id,
            col(PlatformAdminTotp.last_used_step) < step,
        )
        .values(last_used_step=step)
        .execution_options(synchronize_session=False)
    )
    return bool(getattr(result, "rowcount", 0) == 1)


async def session_for_door(
    db: AsyncSession, token_hash: str
) -> tuple[PlatformAdminSession, PlatformAdmin] | None:
    found = await db.exec(
        select(PlatformAdminSession, PlatformAdmin)
        .join(PlatformAdmin, col(PlatformAdmin.id) == PlatformAdminSession.admin_id)
        .where(PlatformAdminSession.token_hash == token_hash)
    )
    return found.first()


async def touch_session(db: AsyncSession, session_id: uuid.UUID, seen_at: datetime) -> None:
    await db.execute(
        update(PlatformAdminSession)
        .where(col(PlatformAdminSession.id) == session_id)
        .values(last_seen_at=seen_at)
        .execution_options(synchronize_session=False)
    )


async def delete_session(db: AsyncSession, session_id: uuid.UUID) -> None:
    await db.execute(delete(PlatformAdminSession).where(col(PlatformAdminSession.id) == session_id))


def audit_listing(
    *, org_id: uuid.UUID | None, action: str | None
) -> Select[tuple[PlatformAuditEvent]]:
    """The platform log, newest first, narrowed to one org's or one action's rows."""
    query: Any = across_orgs(select(PlatformAuditEvent), _PLATFORM_LOG)
    if org_id is not None:
        query = query.where(col(PlatformAuditEvent.org_id) == org_id)
    if action is not None:
        query = query.where(col(PlatformAuditEvent.action) == action)
    ordered: Select[tuple[PlatformAuditEvent]] = query.order_by(
        col(PlatformAuditEvent.created_at).desc(), col(PlatformAuditEvent.id).desc()
    )
    return ordered


def org_listing(
    *, search: str | None, disabled: bool | None, reach: frozenset[uuid.UUID] | None
) -> Select[tuple[Organization]]:
    """Orgs by slug, those whose slug or name contains ``search`` (any case), within
    the actor's reach (None: every org)."""
    query: Any = select(Organization)
    if search:
        pattern = "%" + _escape_like(search.lower()) + "%"
        query = query.where(
            or_(
                func.lower(col(Organization.slug)).like(pattern, escape="\\"),
                func.lower(col(Organization.name)).like(pattern, escape="\\"),
            )
        )
    if disabled is not None:
        query = query.where(col(Organization.disabled).is_(disabled))
    if reach is not None:
        query = query.where(col(Organization.id).in_(sorted(reach)))
    ordered: Select[tuple[Organization]] = query.order_by(col(Organization.slug))
    return ordered


async def orgs_by_id(
    db: AsyncSession, org_ids: Sequence[uuid.UUID], reach: frozenset[uuid.UUID] | None
) -> dict[uuid.UUID, Organization]:
    wanted = [org_id for org_id in org_ids if reach is None or org_id in reach]
    found = await db.exec(select(Organization).where(col(Organization.id).in_(wanted)))
    return {org.id: org for org in found.all()}


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


async def member_counts(
    db: AsyncSession, org_ids: Sequence[uuid.UUID], tenant: Tenant
) -> dict[uuid.UUID, int]:
    found = await db.execute(
        scoped(
            select(Member.org_id, func.count())
            .where(col(Member.org_id).in_(org_ids))
            .group_by(col(Member.org_id)),
            Member,
            tenant,
        )
    )
    return {org_id: int(count) for org_id, count in found.all()}


async def last_activity(
    db: AsyncSession, org_ids: Sequence[uuid.UUID], tenant: Tenant
) -> dict[uuid.UUID, datetime]:
    """The newest audit event by a member or key of each org (sign-ins, attempts,
    changes): the org's (org_id, created_at) index, read from its newest end."""
    found = await db.execute(
        scoped(
            select(AuditEvent.org_id, func.max(AuditEvent.created_at))
            .where(
                col(AuditEvent.org_id).in_(org_ids),
                col(AuditEvent.actor_kind).in_(ACTIVE_ACTOR_KINDS),
            )
            .group_by(col(AuditEvent.org_id)),
            AuditEvent,
            tenant,
        )
    )
    return {org_id: at for org_id, at in found.all() if at is not None}


async def attempts_since(
    db: AsyncSession, org_ids: Sequence[uuid.UUID], since: date, tenant: Tenant
) -> dict[uuid.UUID, int]:
    """Attempts closed since ``since`` (a UTC day), from the analytics rollup of members'
    days (its (org_id, day) index): a few rows per active member, not one per attempt."""
    found = await db.execute(
        scoped(
            select(MemberDay.org_id, func.sum(MemberDay.attempts))
            .where(col(MemberDay.org_id).in_(org_ids), col(MemberDay.day) >= since)
            .group_by(col(MemberDay.org_id)),
            MemberDay,
            tenant,
        )
    )
    return {org_id: int(total or 0) for org_id, total in found.all()}
