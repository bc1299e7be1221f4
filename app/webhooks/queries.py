"""``Organization.webhooks`` and ``Query.platformWebhooks`` (webhooks:read), and the
``node(id:)`` loader for endpoints."""

from __future__ import annotations

import uuid

import strawberry
from strawberry import relay
from strawberry.types import Info

from app.access.request import ServiceContext
from app.access.scopes import Scope
from app.core.pagination import fetch_page, map_page
from app.graphql.permissions import requires
from app.graphql.relay import After, Connection, First
from app.webhooks import service
from app.webhooks.types import Webhook


@strawberry.type
class OrganizationWebhooks:
    org_id: strawberry.Private[uuid.UUID]

    @strawberry.field(
        description="The org's webhook endpoints, newest first, with their status, health and "
        "delivery log; never their secrets. Needs webhooks:read.",
        permission_classes=[requires(Scope.WEBHOOKS_READ)],
    )
    async def webhooks(
        self, info: Info, first: First = None, after: After = None
    ) -> Connection[Webhook] | None:
        query = service.listing(info.context.sc, self.org_id)
        page = await fetch_page(info.context.sc.db, query, first=first, after=after)
        return Connection[Webhook].from_page(map_page(page, Webhook.from_row))


@strawberry.type
class WebhookQueries:
    @strawberry.field(
        description="Platform staff: the platform's webhook endpoints (of no org, receiving "
        "every org's events or a list of orgs'), newest first; a key restricted to orgs sees "
        "those within its orgs. Anyone else sees none: an org's endpoints are "
        "Organization.webhooks. Needs webhooks:read.",
        permission_classes=[requires(Scope.WEBHOOKS_READ)],
    )
    async def platform_webhooks(
        self, info: Info, first: First = None, after: After = None
    ) -> Connection[Webhook]:
        sc = info.context.sc
        query = service.reachable_platform_listing(sc)
        page = await fetch_page(sc.db, query, first=first, after=after)
        return Connection[Webhook].from_page(map_page(page, Webhook.from_row))


async def load_node(sc: ServiceContext, row_id: uuid.UUID) -> relay.Node:
    return Webhook.from_row(await service.get(sc, row_id))
