"""``Query.organization(slug:)``: public info for anyone."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import strawberry
from strawberry.types import Info

from app.orgs import service

if TYPE_CHECKING:
    from app.graphql.organization import Organization


@strawberry.type
class OrgQueries:
    @strawberry.field(description="An organization by slug; its public fields need no sign-in.")
    async def organization(
        self,
        info: Info,
        slug: Annotated[str, strawberry.argument(description="The organization's slug.")],
    ) -> Annotated[Organization, strawberry.lazy("app.graphql.organization")] | None:
        from app.graphql.organization import Organization

        row = await service.get_public(info.context.sc, slug[:63])
        return Organization.from_row(row) if row else None
