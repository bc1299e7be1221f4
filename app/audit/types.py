"""GraphQL type of an audit event."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import cast

import strawberry
from strawberry import relay
from strawberry.scalars import JSON
from strawberry.types import Info

from app.access.actor import Actor
from app.access.scopes import Capability
from app.audit.models import AuditEvent as AuditEventRow

_CLIENT_DETAILS = (
    "Personal data: null unless you are signed in as an owner or admin of the org "
    "(teachers and API keys read the rest of the event, not this)."
)


@strawberry.type(description="One change made through the API. Append-only.")
class AuditEvent(relay.Node):
    id: relay.NodeID[str]
    org_id: strawberry.Private[uuid.UUID]
    seq: int = strawberry.field(description="Position in the org's hash chain, from 1.")
    action: str = strawberry.field(description="What happened, such as member.added.")
    actor_kind: str = strawberry.field(
        description="MEMBER, API_KEY, PLATFORM_ADMIN, or CLI (a quizgraph command run on the "
        "server, with no actorId)."
    )
    actor_label: str = strawberry.field(
        description="Who: a username, an API key prefix, or quizgraph CLI."
    )
    actor_id: str | None = strawberry.field(description="The acting member's or key's id.")
    target_type: str | None = strawberry.field(description="The kind of object changed.")
    target_id: str | None = strawberry.field(description="The changed object's id.")
    details: JSON = strawberry.field(description="What changed, as a JSON object.")
    client_ip: strawberry.Private[str | None]
    client_user_agent: strawberry.Private[str | None]
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
            client_ip=row.ip,
            client_user_agent=row.user_agent,
            created_at=row.created_at,
            hash=row.hash,
        )

    @strawberry.field(description=f"The client's IP address. {_CLIENT_DETAILS}")
    def ip(self, info: Info) -> str | None:
        return self.client_ip if _sees_client_details(info, self.org_id) else None

    @strawberry.field(description=f"The client's user agent. {_CLIENT_DETAILS}")
    def user_agent(self, info: Info) -> str | None:
        return self.client_user_agent if _sees_client_details(info, self.org_id) else None


def _sees_client_details(info: Info, org_id: uuid.UUID) -> bool:
    actor: Actor = info.context.sc.actor
    return actor.can(Capability.SEE_CLIENT_DETAILS, org_id)
