"""Webhook mutations: thin wrappers over ``webhooks.service`` (all need webhooks:write).

Platform staff create endpoints of no org with ``organizations`` (a list of slugs, or
``allOrganizations: true``); members and org keys create their org's.
"""

from __future__ import annotations

import uuid
from typing import Annotated

import strawberry
from strawberry import relay
from strawberry.types import Info

from app.access.scopes import Scope
from app.core.errors import BadUserInput
from app.graphql.inputs import INPUT
from app.graphql.permissions import requires
from app.graphql.relay import decode_id
from app.webhooks import service
from app.webhooks.catalog import EVENT_NAMES
from app.webhooks.service import GRACE_MAX_SECONDS, MAX_ORGS
from app.webhooks.types import Webhook, WebhookDelivery

_SECRET = (
    "The signing secret (whsec_ and base64). Shown only in this payload: store it now; "
    "verify deliveries with it (any Standard Webhooks library)."
)
_EVENTS = f"Event names ({', '.join(EVENT_NAMES)}); empty (or left out) means every event."


@strawberry.input(description="A new webhook endpoint.")
class CreateWebhookInput:
    url: str = strawberry.field(
        description="https:// URL (http only to hosts the operator allows); its host may not "
        "resolve to a loopback, private, link-local or reserved address."
    )
    description: str = strawberry.field(default="", description="Up to 500 characters.")
    events: list[str] = strawberry.field(default_factory=list, description=_EVENTS)
    enabled: bool = strawberry.field(default=True, description="false to create it switched off.")
    organizations: list[str] | None = strawberry.field(
        default=None,
        description=f"Platform staff only: the slugs (1-{MAX_ORGS}) of the orgs whose events "
        "the endpoint receives; see allOrganizations.",
    )
    all_organizations: bool = strawberry.field(
        default=False,
        description="Platform staff only: the endpoint receives the events of every org.",
    )


# The shapes several mutations share. Each mutation keeps its own GraphQL type (the
# names are the contract's and clients declare variables with them), subclassing these.
@strawberry.input(description="An endpoint, by id.")
class EndpointInput:
    id: relay.GlobalID = strawberry.field(description="The endpoint's id.")


@strawberry.type(description="An endpoint and its new signing secret.")
class IssuedSecretPayload:
    webhook: Webhook
    secret: str = strawberry.field(description=_SECRET)


@strawberry.type
class CreateWebhookPayload(IssuedSecretPayload):
    pass


@strawberry.input(description="Change an endpoint; fields left out stay as they are.")
class UpdateWebhookInput(EndpointInput):
    url: str | None = strawberry.field(
        default=None, description="A new URL (checked as on create)."
    )
    description: str | None = strawberry.field(default=None, description="A new description.")
    events: list[str] | None = strawberry.field(default=None, description=_EVENTS)
    enabled: bool | None = strawberry.field(
        default=None,
        description="false stops deliveries; true resumes them, pending ones included.",
    )


@strawberry.type
class UpdateWebhookPayload:
    webhook: Webhook


@strawberry.input(description="The endpoint to delete, with its delivery log.")
class DeleteWebhookInput(EndpointInput):
    pass


@strawberry.type
class DeleteWebhookPayload:
    deleted_id: relay.GlobalID = strawberry.field(description="The deleted endpoint's id.")


@strawberry.input(description="Give an endpoint a new secret.")
class RotateWebhookSecretInput(EndpointInput):
    grace_period_seconds: int = strawberry.field(
        description=f"How long the old secret keeps signing alongside the new one: 0 to "
        f"{GRACE_MAX_SECONDS} seconds (7 days)."
    )


@strawberry.type
class RotateWebhookSecretPayload(IssuedSecretPayload):
    pass


@strawberry.input(description="Send a test message (event webhook.ping) to an endpoint.")
class PingWebhookInput(EndpointInput):
    pass


@strawberry.type
class PingWebhookPayload:
    delivery: WebhookDelivery = strawberry.field(description="The test delivery, queued now.")


@strawberry.input(description="Send a past message again, with the same webhook-id.")
class RedeliverWebhookMessageInput:
    message_id: str = strawberry.field(description="The message's id (msg_…).")
    webhook_id: relay.GlobalID | None = strawberry.field(
        default=None, description="Only to this endpoint (every endpoint that had it if left out)."
    )


@strawberry.type
class RedeliverWebhookMessagePayload:
    deliveries: list[WebhookDelivery] = strawberry.field(description="The deliveries queued again.")


WRITE = requires(Scope.WEBHOOKS_WRITE)


@strawberry.type
class WebhookMutations:
    @strawberry.mutation(
        description="Create a webhook endpoint; its secret is in the payload, once. "
        "Needs webhooks:write.",
        permission_classes=[WRITE],
    )
    async def create_webhook(
        self, info: Info, input: Annotated[CreateWebhookInput, INPUT]
    ) -> CreateWebhookPayload:
        sc = info.context.sc
        cross = input.all_organizations or input.organizations is not None
        if input.all_organizations and input.organizations is not None:
            raise BadUserInput(
                {"organizations": "give organizations or allOrganizations, not both"}
            )
        org_id = None if cross else sc.actor.home_org()
        issued = await service.create(
            sc,
            org_id,
            url=input.url,
            description=input.description,
            events=input.events,
            enabled=input.enabled,
            org_slugs=input.organizations,
        )
        return CreateWebhookPayload(webhook=Webhook.from_row(issued.endpoint), secret=issued.secret)

    @strawberry.mutation(
        description="Change a webhook endpoint. Needs webhooks:write.", permission_classes=[WRITE]
    )
    async def update_webhook(
        self, info: Info, input: Annotated[UpdateWebhookInput, INPUT]
    ) -> UpdateWebhookPayload:
        endpoint = await service.update(
            info.context.sc,
            decode_id(input.id, "Webhook"),
            service.Changes(
                url=input.url,
                description=input.description,
                events=input.events,
                enabled=input.enabled,
            ),
        )
        return UpdateWebhookPayload(webhook=Webhook.from_row(endpoint))

    @strawberry.mutation(
        description="Delete a webhook endpoint. Needs webhooks:write.", permission_classes=[WRITE]
    )
    async def delete_webhook(
        self, info: Info, input: Annotated[DeleteWebhookInput, INPUT]
    ) -> DeleteWebhookPayload:
        deleted = await service.delete(info.context.sc, decode_id(input.id, "Webhook"))
        return DeleteWebhookPayload(deleted_id=relay.GlobalID("Webhook", str(deleted)))

    @strawberry.mutation(
        description="Issue a new secret; the old one signs alongside for the grace period. "
        "Needs webhooks:write.",
        permission_classes=[WRITE],
    )
    async def rotate_webhook_secret(
        self, info: Info, input: Annotated[RotateWebhookSecretInput, INPUT]
    ) -> RotateWebhookSecretPayload:
        issued = await service.rotate(
            info.context.sc,
            decode_id(input.id, "Webhook"),
            grace_period_seconds=input.grace_period_seconds,
        )
        return RotateWebhookSecretPayload(
            webhook=Webhook.from_row(issued.endpoint), secret=issued.secret
        )

    @strawberry.mutation(
        description="Send a test message to an endpoint. Needs webhooks:write.",
        permission_classes=[WRITE],
    )
    async def ping_webhook(
        self, info: Info, input: Annotated[PingWebhookInput, INPUT]
    ) -> PingWebhookPayload:
        endpoint_id = decode_id(input.id, "Webhook")
        delivery = await service.ping(
            info.context.sc, endpoint_id, str(relay.GlobalID("Webhook", str(endpoint_id)))
        )
        message = await service.message_ids(info.context.sc, [delivery.message_id])
        return PingWebhookPayload(
            delivery=WebhookDelivery.from_row(delivery, message[delivery.message_id])
        )

    @strawberry.mutation(
        description="Send a past message again, with the same webhook-id. Needs webhooks:write.",
        permission_classes=[WRITE],
    )
    async def redeliver_webhook_message(
        self, info: Info, input: Annotated[RedeliverWebhookMessageInput, INPUT]
    ) -> RedeliverWebhookMessagePayload:
        endpoint_id: uuid.UUID | None = None
        if input.webhook_id is not None:
            endpoint_id = decode_id(input.webhook_id, "Webhook", "webhookId")
        found = await service.redeliver(info.context.sc, input.message_id, endpoint_id)
        return RedeliverWebhookMessagePayload(
            deliveries=[WebhookDelivery.from_row(row, input.message_id.strip()) for row in found]
        )
