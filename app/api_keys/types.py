"""The ``ApiKey`` GraphQL type: everything about a key except its secret and hash."""

from __future__ import annotations

import uuid
from datetime import datetime

import strawberry
from strawberry import relay
from strawberry.types import Info

from app.api_keys.models import ApiKey as ApiKeyRow
from app.core.clock import as_utc
from app.members.loaders import member_by_id
from app.members.types import Member


def _utc(value: datetime | None) -> datetime | None:
    return as_utc(value) if value is not None else None


@strawberry.type(
    description=(
        "A credential a partner sends as `Authorization: Bearer iq_live_…`. "
        "Its secret is shown once, when it is created or rotated, and never again."
    )
)
class ApiKey(relay.Node):
    id: relay.NodeID[str]
    org_id: strawberry.Private[uuid.UUID]
    created_by_id: strawberry.Private[uuid.UUID | None]
    name: str = strawberry.field(description="What the key is for, such as the partner's name.")
    prefix: str = strawberry.field(
        description="The secret's first 16 characters (iq_live_ and 8 hex), to recognise it."
    )
    scopes: list[str] = strawberry.field(
        description="The scopes the key carries; at each use they are narrowed to what its "
        "creator's current role grants."
    )
    rate_limit_per_minute: int = strawberry.field(description="Requests allowed per minute.")
    created_at: datetime = strawberry.field(description="When the key was created.")
    last_used_at: datetime | None = strawberry.field(
        description="When the key was last used, to within a minute; null if never."
    )
    expires_at: datetime | None = strawberry.field(
        description="When the key stops working by itself; null if never."
    )
    enabled: bool = strawberry.field(description="A disabled key is refused until re-enabled.")
    revoked_at: datetime | None = strawberry.field(
        description="When the key was revoked, or, after a rotation, when it will be; "
        "null while it is live."
    )

    @strawberry.field(description="The member who created the key; null once they are removed.")
    async def created_by(self, info: Info) -> Member | None:
        if self.created_by_id is None:
            return None
        row = await member_by_id(info).load(self.created_by_id)
        return Member.from_row(row) if row else None

    @classmethod
    def from_row(cls, row: ApiKeyRow) -> ApiKey:
        assert row.org_id is not None, "platform keys are not exposed through the API"
        return cls(
            id=str(row.id),
            org_id=row.org_id,
            created_by_id=row.created_by_id,
            name=row.name,
            prefix=row.prefix,
            scopes=list(row.scopes),
            rate_limit_per_minute=row.rate_limit_per_minute,
            created_at=as_utc(row.created_at),
            last_used_at=_utc(row.last_used_at),
            expires_at=_utc(row.expires_at),
            enabled=row.enabled,
            revoked_at=_utc(row.revoked_at),
        )
