"""``Organization.apiKeys`` (api_keys:read) and the ``node(id:)`` loader for keys."""

from __future__ import annotations

import uuid

import strawberry
from strawberry import relay
from strawberry.types import Info

from app.access.request import ServiceContext
from app.access.scopes import Scope
from app.api_keys import service
from app.api_keys.types import ApiKey
from app.core.pagination import fetch_page, map_page
from app.graphql.permissions import requires
from app.graphql.relay import After, Connection, First


@strawberry.type
class OrganizationApiKeys:
    org_id: strawberry.Private[uuid.UUID]

    @strawberry.field(
        description="The org's API keys, newest first, revoked ones included; never their "
        "secrets. Needs api_keys:read.",
        permission_classes=[requires(Scope.API_KEYS_READ)],
    )
    async def api_keys(
        self,
        info: Info,
        first: First = None,
        after: After = None,
    ) -> Connection[ApiKey] | None:
        query = service.listing(info.context.sc, self.org_id)
        page = await fetch_page(info.context.sc.db, query, first=first, after=after)
        return Connection[ApiKey].from_page(map_page(page, ApiKey.from_row))


async def load_node(sc: ServiceContext, row_id: uuid.UUID) -> relay.Node:
    return ApiKey.from_row(await service.get(sc, row_id))
