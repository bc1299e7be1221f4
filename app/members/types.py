"""GraphQL types for members."""

from __future__ import annotations

import uuid
from datetime import datetime

import strawberry
from strawberry import relay

from app.access.scopes import Role, Scope
from app.graphql.permissions import requires
from app.members.models import Member as MemberRow

strawberry.enum(Role, description="What a member may do, from most to least.")


@strawberry.type(description="A person in an organization.")
class Member(relay.Node):
    id: relay.NodeID[str]
    org_id: strawberry.Private[uuid.UUID]
    username: str = strawberry.field(description="Unique within the organization.")
    display_name: str = strawberry.field(description="The name shown to others.")
    role: Role = strawberry.field(description="The member's role.")
    disabled: bool = strawberry.field(description="A disabled member can't sign in.")
    created_at: datetime = strawberry.field(description="When the member was added.")
    must_change_password: strawberry.Private[bool] = False

    @strawberry.field(
        description="The member holds a temporary password, to change at their next "
        "sign-in. Needs members:read.",
        permission_classes=[requires(Scope.MEMBERS_READ)],
    )
    def password_change_required(self) -> bool:
        return self.must_change_password

    @classmethod
    def from_row(cls, row: MemberRow) -> Member:
        return cls(
            id=str(row.id),
            org_id=row.org_id,
            username=row.username,
            display_name=row.display_name,
            role=row.role,
            disabled=row.disabled,
            created_at=row.created_at,
            must_change_password=row.must_change_password,
        )
