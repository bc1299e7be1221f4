"""Queries over the audit log."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlmodel import col, select
from sqlmodel.sql.expression import SelectOfScalar

from app.access.tenancy import scoped
from app.audit.models import AuditEvent


def listing(
    org_id: uuid.UUID,
    *,
    action: str | None = None,
    actor_label: str | None = None,
    actor_id: uuid.UUID | None = None,
    since: datetime | None = None,
    until: datetime | None = None,
) -> SelectOfScalar[AuditEvent]:
    query = scoped(select(AuditEvent), AuditEvent, org_id)
    if action:
        query = query.where(AuditEvent.action == action)
    if actor_label:
        query = query.where(AuditEvent.actor_label == actor_label)
    if actor_id:
        query = query.where(AuditEvent.actor_id == actor_id)
    if since:
        query = query.where(col(AuditEvent.created_at) >= since)
    if until:
        query = query.where(col(AuditEvent.created_at) < until)
    return query.order_by(col(AuditEvent.seq).desc())
