"""The ``Webhook`` and ``WebhookDelivery`` GraphQL types: endpoints, their health and log.

A secret is never a field: it is shown once, in the payload of ``createWebhook`` and
``rotateWebhookSecret``.
"""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta
from enum import Enum

import strawberry
from strawberry import relay
from strawberry.types import Info

from app.core.clock import as_utc, utcnow
from app.core.pagination import fetch_page, map_page
from app.graphql.relay import After, Connection, First
from app.webhooks import service
from app.webhooks.catalog import EVENT_NAMES, WebhookEventName
from app.webhooks.loaders import MAX_TRIES_SHOWN, tries_of
from app.webhooks.models import DeliveryStatus, WebhookDeliveryAttempt, WebhookEndpoint
from app.webhooks.models import WebhookDelivery as DeliveryRow

HEALTH_WINDOW = timedelta(hours=24)

WebhookEvent = strawberry.enum(
    WebhookEventName,
    name="WebhookEvent",
    description="The events an endpoint can subscribe to; each value's name is the event's "
    "name in capitals (QUIZ_COMPLETED is quiz.completed). Inputs take the names as strings.",
)


def _utc(value: datetime | None) -> datetime | None:
    return as_utc(value) if value is not None else None


@strawberry.enum(description="Whether an endpoint gets deliveries.")
class WebhookStatus(Enum):
    ACTIVE = "ACTIVE"
    FAILING = "FAILING"
    DISABLED = "DISABLED"


WebhookDeliveryStatus = strawberry.enum(
    DeliveryStatus,
    name="WebhookDeliveryStatus",
    description="PENDING until it succeeds (2xx) or fails for good (out of tries, or 410).",
)


@strawberry.type(
    name="WebhookDeliveryTry", description="One try of a delivery: the delivery log's line."
)
class WebhookDeliveryAttempt_:
    attempt: int = strawberry.field(description="1 for the first try, and so on.")
    attempted_at: datetime = strawberry.field(description="When it was sent.")
    http_status: int | None = strawberry.field(
        description="The endpoint's HTTP status; null when no answer came."
    )
    duration_ms: int = strawberry.field(description="Milliseconds until the answer (or failure).")
    response_body: str | None = strawberry.field(
        description="The answer's first 1,024 bytes (as text)."
    )
    error: str | None = strawberry.field(
        description="Why no answer came (timeout, refused connection, a refused address)."
    )
    next_attempt_at: datetime | None = strawberry.field(
        description="When the next try was scheduled after this one; null if none."
    )

    @classmethod
    def from_row(cls, row: WebhookDeliveryAttempt) -> WebhookDeliveryAttempt_:
        return cls(
            attempt=row.attempt,
            attempted_at=as_utc(row.attempted_at),
            http_status=row.http_status,
            duration_ms=row.duration_ms,
            response_body=row.response_body,
            error=row.error,
            next_attempt_at=_utc(row.next_attempt_at),
        )


@strawberry.type(
    name="WebhookDelivery",
    description="One message to one endpoint, tried until it succeeds or runs out of tries.",
)
class WebhookDelivery(relay.Node):
    id: relay.NodeID[str]
    org_id: strawberry.Private[uuid.UUID | None]
    row_id: strawberry.Private[uuid.UUID]
    message_id: str = strawberry.field(
        description="The message's id (msg_…): the webhook-id header and the body's id, the "
        "same on every try; give it to redeliverWebhookMessage."
    )
    event: str = strawberry.field(description="The event's name, e.g. quiz.completed.")
    attempt: int = strawberry.field(description="How many tries were made.")
    status: WebhookDeliveryStatus = strawberry.field(  # type: ignore[valid-type]
        description="PENDING, SUCCEEDED or FAILED."
    )
    http_status: int | None = strawberry.field(description="The last try's HTTP status.")
    created_at: datetime = strawberry.field(description="When the event was written.")
    last_attempt_at: datetime | None = strawberry.field(description="When it was last tried.")
    next_attempt_at: datetime | None = strawberry.field(
        description="When it will be tried next; null once it succeeded or failed for good."
    )

    @strawberry.field(
        description=f"The tries, newest first (at most {MAX_TRIES_SHOWN}): time, status, "
        "duration and the answer's first bytes."
    )
    async def tries(self, info: Info) -> list[WebhookDeliveryAttempt_]:
        rows = await tries_of(info).load(self.row_id)
        return [WebhookDeliveryAttempt_.from_row(row) for row in rows]

    @classmethod
    def from_row(cls, row: DeliveryRow, message_id: str) -> WebhookDelivery:
        return cls(
            id=str(row.id),
            row_id=row.id,
            org_id=row.org_id,
            message_id=message_id,
            event=row.event,
            attempt=row.attempts,
            status=DeliveryStatus(row.status),
            http_status=row.http_status,
            created_at=as_utc(row.created_at),
            last_attempt_at=_utc(row.last_attempt_at),
            next_attempt_at=_utc(row.next_attempt_at),
        )


@strawberry.type(description="How an endpoint has been doing.")
class WebhookHealth:
    endpoint: strawberry.Private[WebhookEndpoint]
    failing_since: datetime | None = strawberry.field(
        description="The first failure since the last success; null while healthy."
    )
    last_success_at: datetime | None = strawberry.field(description="The last 2xx answer.")
    last_failure_at: datetime | None = strawberry.field(description="The last failed try.")

    @strawberry.field(description="Deliveries waiting for their (next) try.")
    async def pending(self, info: Info) -> int:
        return await service.pending_count(info.context.sc, self.endpoint)

    @strawberry.field(description="Tries in the last 24 hours that got a 2xx answer.")
    async def succeeded_last_24h(self, info: Info) -> int:
        ok, _failed = await service.recent_outcomes(
            info.context.sc, self.endpoint, utcnow() - HEALTH_WINDOW
        )
        return ok

    @strawberry.field(description="Tries in the last 24 hours that failed.")
    async def failed_last_24h(self, info: Info) -> int:
        _ok, failed = await service.recent_outcomes(
            info.context.sc, self.endpoint, utcnow() - HEALTH_WINDOW
        )
        return failed


@strawberry.type(
    description="An HTTPS endpoint that receives the org's events, signed as Standard "
    "Webhooks do. Its secret is shown once, when created or rotated."
)
class Webhook(relay.Node):
    id: relay.NodeID[str]
    org_id: strawberry.Private[uuid.UUID | None]
    row: strawberry.Private[WebhookEndpoint]
    url: str = strawberry.field(description="Where events are POSTed.")
    description: str = strawberry.field(description="What the endpoint is for.")
    events: list[str] = strawberry.field(
        description="The event names it subscribed to; empty means every event."
    )
    enabled: bool = strawberry.field(description="A disabled endpoint gets nothing until enabled.")
    created_at: datetime = strawberry.field(description="When it was created.")
    disabled_reason: str | None = strawberry.field(
        description="Why the server disabled it (a 410 answer, failing for days); null otherwise."
    )

    @strawberry.field(description="The events it receives (every event when events is empty).")
    def subscribed_events(self) -> list[WebhookEvent]:  # type: ignore[valid-type]
        names = self.events or list(EVENT_NAMES)
        return [WebhookEventName(name) for name in names]

    @strawberry.field(description="ACTIVE, FAILING (its last tries failed) or DISABLED.")
    def status(self) -> WebhookStatus:
        if not self.enabled:
            return WebhookStatus.DISABLED
        return WebhookStatus.FAILING if self.row.failing_since else WebhookStatus.ACTIVE

    @strawberry.field(description="Recent delivery health.")
    def health(self) -> WebhookHealth:
        return WebhookHealth(
            endpoint=self.row,
            failing_since=_utc(self.row.failing_since),
            last_success_at=_utc(self.row.last_success_at),
            last_failure_at=_utc(self.row.last_failure_at),
        )

    @strawberry.field(description="The delivery log, newest first.")
    async def deliveries(
        self, info: Info, first: First = None, after: After = None
    ) -> Connection[WebhookDelivery]:
        query = service.deliveries(info.context.sc, self.row)
        page = await fetch_page(info.context.sc.db, query, first=first, after=after, scalars=False)
        return Connection[WebhookDelivery].from_page(
            map_page(page, lambda found: WebhookDelivery.from_row(found[0], found[1]))
        )

    @classmethod
    def from_row(cls, row: WebhookEndpoint) -> Webhook:
        return cls(
            id=str(row.id),
            org_id=row.org_id,
            row=row,
            url=row.url,
            description=row.description,
            events=list(row.events),
            enabled=row.enabled,
            created_at=as_utc(row.created_at),
            disabled_reason=row.disabled_reason,
        )
