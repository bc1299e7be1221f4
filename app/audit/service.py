"""Writing audit events inside the caller's transaction, and verifying the chains."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

from sqlalchemy import update
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from app.audit.chain import GENESIS_HASH, event_digest
from app.audit.models import AuditEvent
from app.auth.scopes import Scope
from app.core.errors import NotFound
from app.core.request import ServiceContext
from app.orgs.models import Organization


async def record(
    sc: ServiceContext,
    action: str,
    *,
    target_type: str | None = None,
    target_id: uuid.UUID | str | None = None,
    details: dict[str, Any] | None = None,
    org_id: uuid.UUID | None = None,
) -> AuditEvent:
    """Append one event to the org's chain, in the same transaction as the change."""
    org_id = org_id or sc.actor.org_id
    if org_id is None:
        raise ValueError("an audit event needs an org")
    seq = await _next_seq(sc.db, org_id)
    prev_hash = await _hash_of(sc.db, org_id, seq - 1)
    actor = sc.actor
    event = AuditEvent(
        org_id=org_id,
        seq=seq,
        action=action,
        actor_kind=actor.kind.value,
        actor_id=actor.member_id or actor.api_key_id or actor.platform_admin_id,
        actor_label=actor.label,
        target_type=target_type,
        target_id=str(target_id) if target_id is not None else None,
        details=details or {},
        ip=sc.meta.ip,
        user_agent=(sc.meta.user_agent or "")[:500] or None,
        prev_hash=prev_hash,
        hash="",
    )
    event.hash = event_digest(event, prev_hash)
    sc.db.add(event)
    return event


async def get_event(sc: ServiceContext, event_id: uuid.UUID) -> AuditEvent:
    """One event of an org the actor may read the log of (``node(id:)``)."""
    event = await sc.db.get(AuditEvent, event_id)
    if event is None:
        raise NotFound()
    sc.actor.require(Scope.AUDIT_READ, event.org_id)
    return event


async def _next_seq(db: AsyncSession, org_id: uuid.UUID) -> int:
    # An UPDATE takes the org row's write lock until commit, so concurrent appends
    # of one org queue up instead of forking the chain.
    result = await db.execute(
        update(Organization)
        .where(col(Organization.id) == org_id)
        .values(audit_seq=Organization.audit_seq + 1)
        .returning(col(Organization.audit_seq))
    )
    return int(result.scalar_one())


async def _hash_of(db: AsyncSession, org_id: uuid.UUID, seq: int) -> str:
    if seq <= 0:
        return GENESIS_HASH
    found = await db.exec(
        select(AuditEvent.hash).where(AuditEvent.org_id == org_id, AuditEvent.seq == seq)
    )
    return found.first() or GENESIS_HASH


@dataclass(frozen=True, slots=True)
class BrokenLink:
    org_slug: str
    seq: int
    event_id: uuid.UUID | None
    reason: str


async def verify_org(db: AsyncSession, org: Organization) -> BrokenLink | None:
    """The first place the org's chain breaks, or None when it is intact."""
    expected_prev = GENESIS_HASH
    expected_seq = 1
    rows = await db.exec(
        select(AuditEvent).where(AuditEvent.org_id == org.id).order_by(col(AuditEvent.seq))
    )
    for event in rows:
        if event.seq != expected_seq:
            return BrokenLink(org.slug, expected_seq, None, "event is missing (deleted)")
        if event.prev_hash != expected_prev:
            return BrokenLink(org.slug, event.seq, event.id, "link to the previous event broken")
        if event_digest(event, event.prev_hash) != event.hash:
            return BrokenLink(org.slug, event.seq, event.id, "content was changed")
        expected_prev = event.hash
        expected_seq += 1
    if expected_seq - 1 != org.audit_seq:
        return BrokenLink(org.slug, expected_seq, None, "newest events are missing (deleted)")
    return None


async def verify_all(db: AsyncSession) -> list[BrokenLink]:
    orgs = await db.exec(select(Organization).order_by(col(Organization.slug)))
    broken = [await verify_org(db, org) for org in orgs.all()]
    return [link for link in broken if link is not None]
