"""Queries over the audit log and its checkpoints, each within a tenant
(``app.access.tenancy``) except verification's, which reads every org on purpose."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import update
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession
from sqlmodel.sql.expression import SelectOfScalar

from app.access.tenancy import Tenant, across_orgs, get_scoped, scoped
from app.audit.models import AuditCheckpoint, AuditEvent

# `quizgraph audit verify` and `audit checkpoint` run on the command line over the whole
# database: every org's checkpoint, including those whose org row is gone.
VERIFY_EVERY_ORG = "verification and export read every org's checkpoint, deleted orgs' too"


def listing(
    org_id: uuid.UUID,
    *,
    action: str | None = None,
    area: str | None = None,
    exclude_actions: list[str] | None = None,
    actor_label: str | None = None,
    actor_id: uuid.UUID | None = None,
    since: datetime | None = None,
    until: datetime | None = None,
) -> SelectOfScalar[AuditEvent]:
    query = scoped(select(AuditEvent), AuditEvent, org_id)
    if action:
        query = query.where(AuditEvent.action == action)
    if area:
        query = query.where(col(AuditEvent.action).startswith(f"{area}.", autoescape=True))
    if exclude_actions:
        query = query.where(col(AuditEvent.action).not_in(exclude_actions))
    if actor_label:
        query = query.where(AuditEvent.actor_label == actor_label)
    if actor_id:
        query = query.where(AuditEvent.actor_id == actor_id)
    if since:
        query = query.where(col(AuditEvent.created_at) >= since)
    if until:
        query = query.where(col(AuditEvent.created_at) < until)
    return query.order_by(col(AuditEvent.seq).desc())


async def by_id(db: AsyncSession, event_id: uuid.UUID, tenant: Tenant) -> AuditEvent | None:
    return await get_scoped(db, AuditEvent, event_id, tenant)


async def hash_at(db: AsyncSession, org_id: uuid.UUID, seq: int) -> str | None:
    """The hash of the org's event number ``seq``, None when there is no such event."""
    found = await db.exec(
        scoped(select(AuditEvent.hash).where(AuditEvent.seq == seq), AuditEvent, org_id)
    )
    return found.first()


async def chain(db: AsyncSession, org_id: uuid.UUID) -> Sequence[AuditEvent]:
    """The org's events, oldest first."""
    found = await db.exec(
        scoped(select(AuditEvent), AuditEvent, org_id).order_by(col(AuditEvent.seq))
    )
    return found.all()


async def save_checkpoint(db: AsyncSession, checkpoint: AuditCheckpoint) -> None:
    """Replace the org's checkpoint with ``checkpoint`` (the first one is added)."""
    updated = await db.execute(
        scoped(update(AuditCheckpoint), AuditCheckpoint, checkpoint.org_id)
        .values(
            org_slug=checkpoint.org_slug,
            seq=checkpoint.seq,
            head_hash=checkpoint.head_hash,
            signature=checkpoint.signature,
        )
        .returning(col(AuditCheckpoint.org_id))
    )
    if updated.first() is None:  # the org's first event
        db.add(checkpoint)


async def checkpoints(db: AsyncSession, org_slug: str | None = None) -> Sequence[AuditCheckpoint]:
    """Every org's checkpoint (or only ``org_slug``'s), by slug."""
    query = across_orgs(select(AuditCheckpoint), VERIFY_EVERY_ORG)
    if org_slug is not None:
        query = query.where(col(AuditCheckpoint.org_slug) == org_slug)
    found = await db.exec(query.order_by(col(AuditCheckpoint.org_slug)))
    return found.all()
