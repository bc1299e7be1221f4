"""``Query.organization(slug:)``: public info for anyone."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import strawberry
from strawberry.types import Info

from app.graphql.permissions import public
from app.orgs import service
from app.orgs.types import OrganizationFields

if TYPE_CHECKING:
    # The schema's ``Organization`` is these fields plus other domains' lists, which
    # accept them as they are (``is_type_of``); Strawberry resolves the lazy name.
    from app.orgs.types import OrganizationFields as Organization


@strawberry.type
class OrgQueries:
    @strawberry.field(
        description="An organization by slug; its public fields need no sign-in.",
        permission_classes=[public()],  # its other fields declare their own scopes
    )
    async def organization(
        self,
        info: Info,
        slug: Annotated[str, strawberry.argument(description="The organization's slug.")],
    ) -> Annotated[Organization, strawberry.lazy("app.schema.organization")] | None:
        row = await service.get_public(info.context.sc, slug[:63])
        return OrganizationFields.from_row(row) if row else None
