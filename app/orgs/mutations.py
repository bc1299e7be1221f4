"""Org mutations: the owner's API access switch (org:write)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import strawberry
from strawberry.types import Info

from app.access.scopes import Scope
from app.graphql.inputs import INPUT
from app.graphql.permissions import requires
from app.orgs import service
from app.orgs.types import OrganizationFields

if TYPE_CHECKING:
    # The schema's ``Organization`` is these fields plus other domains' lists, which
    # accept them as they are (``is_type_of``); Strawberry resolves the lazy name.
    from app.orgs.types import OrganizationFields as Organization


@strawberry.input(description="Turn every API key of the viewer's organization off, or back on.")
class SetApiAccessInput:
    enabled: bool = strawberry.field(
        description="false: every key of the org gets API_ACCESS_DISABLED; true: they work again."
    )


@strawberry.type
class SetApiAccessPayload:
    organization: Annotated[Organization, strawberry.lazy("app.schema.organization")]


@strawberry.type
class OrgMutations:
    @strawberry.mutation(
        description="The API access switch of the org. Needs org:write.",
        permission_classes=[requires(Scope.ORG_WRITE)],
    )
    async def set_api_access(
        self, info: Info, input: Annotated[SetApiAccessInput, INPUT]
    ) -> SetApiAccessPayload:
        org = await service.set_api_access(
            info.context.sc, info.context.actor.home_org(), input.enabled
        )
        return SetApiAccessPayload(organization=OrganizationFields.from_row(org))
