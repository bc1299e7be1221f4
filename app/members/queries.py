"""``Organization.members``: the member list, for members:read."""

from __future__ import annotations

import uuid
from typing import Annotated

import strawberry
from strawberry.types import Info

from app.access.scopes import Role, Scope
from app.core.pagination import fetch_page, map_page
from app.graphql.permissions import requires
from app.graphql.relay import After, Connection, First
from app.members import service
from app.members.types import Member


@strawberry.type
class OrganizationMembers:
    org_id: strawberry.Private[uuid.UUID]

    @strawberry.field(
        description="Members, by username. Needs members:read.",
        permission_classes=[requires(Scope.MEMBERS_READ)],
    )
    async def members(
        self,
        info: Info,
        first: First = None,
        after: After = None,
        role: Annotated[Role | None, strawberry.argument(description="Only this role.")] = None,
        disabled: Annotated[
            bool | None, strawberry.argument(description="Only disabled (true) or active (false).")
        ] = None,
        search: Annotated[
            str | None, strawberry.argument(description="Part of the username or display name.")
        ] = None,
    ) -> Connection[Member] | None:
        query = service.listing(
            info.context.sc, self.org_id, role=role, disabled=disabled, search=search
        )
        page = await fetch_page(info.context.sc.db, query, first=first, after=after)
        return Connection[Member].from_page(map_page(page, Member.from_row))
