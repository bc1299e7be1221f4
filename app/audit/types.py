"""GraphQL type of an audit event."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import cast

import strawberry
from strawberry import relay
from strawberry.scalars import JSON

from app.audit.models import AuditEvent as AuditEventRow


@strawberry.type(description="One change made through the API. Append-only.")
class AuditEvent(relay.Node):
    id: relay.NodeID[str]
    org_id: strawberry.Private[uuid.UUID]
    seq: int = strawberry.field(description="Position in the org's hash chain, from 1.")
    action: str = strawberry.field(description="What happened, such as member.added.")
    actor_kind: str = strawberry.field(description="MEMBER, API_KEY or PLATFORM_ADMIN.")
    actor_label: str = strawberry.field(description="Who: a username or an API key prefix.")
    actor_id: str | None = strawberry.field(description="The acting member's or key's id.")
    target_type: str | None = strawberry.field(description="The kind of object changed.")
    target_id: str | None = strawberry.field(description="The changed object's id.")
    details: JSON = strawberry.field(description="What changed, as a JSON object.")
    ip: str | None = strawberry.field(description="The client's IP address.")
    user_agent: str | None = strawberry.field(description="The client's user agent.")
    created_at: datetime = strawberry.field(description="When it happened.")
    hash: str = strawberry.field(description="This event's chain hash.")

    @classmethod
    def from_row(cls, row: AuditEventRow) -> AuditEvent:
        return cls(
            id=str(row.id),
            org_id=row.org_id,
            seq=row.seq,
            action=row.action,
            actor_kind=row.actor_kind,
            actor_label=row.actor_label,
            actor_id=str(row.actor_id) if row.actor_id else None,
            target_type=row.target_type,
            target_id=row.target_id,
            details=cast(JSON, row.details),
            ip=row.ip,
            user_agent=row.user_agent,
            created_at=row.created_at,
            hash=row.hash,
        )
