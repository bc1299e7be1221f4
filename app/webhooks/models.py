"""The webhook tables: endpoints, the outbox (messages and their deliveries), the log.

- ``webhook_endpoints``: an org's endpoint (``org_id`` set) or a platform endpoint
  (``org_id`` NULL, ``org_ids`` optionally restricting the orgs whose events it gets).
  Secrets are stored encrypted (Fernet, key derived from the server's secret key):
  a dump of the database alone signs nothing.
- ``webhook_messages``: one event as sent, its body fixed once (``body``), so every
  retry carries the same bytes and the same ``webhook-id`` (the message's ``public_id``).
- ``webhook_deliveries``: one row per (message, endpoint), the outbox proper: written in
  the transaction of the change, claimed by a worker with a lease, retried on the
  Standard Webhooks schedule.
- ``webhook_delivery_attempts``: the delivery log, one row per try.

Deliveries and attempts carry the endpoint's ``org_id`` (NULL for platform
endpoints), so an org sees its own endpoints' traffic only.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from enum import StrEnum

from sqlalchemy import JSON, Column, Index, Text
from sqlmodel import Field, SQLModel

from app.access.actor import org_reach
from app.core.models import id_field, timestamp_field

URL_MAX = 2000
DESCRIPTION_MAX = 500


class DeliveryStatus(StrEnum):
    PENDING = "PENDING"  # waiting for its (next) try
    SUCCEEDED = "SUCCEEDED"
    FAILED = "FAILED"  # out of tries, or the endpoint answered 410


class WebhookEndpoint(SQLModel, table=True):
    __tablename__ = "webhook_endpoints"

    id: uuid.UUID = id_field()
    # NULL for a platform endpoint (staff), which receives events of ``org_ids``.
    org_id: uuid.UUID | None = Field(
        default=None, foreign_key="organizations.id", index=True, ondelete="CASCADE"
    )
    # A platform endpoint's orgs (ids as strings); NULL means every org.
    org_ids: list[str] | None = Field(default=None, sa_column=Column(JSON, nullable=True))
    url: str = Field(max_length=URL_MAX)
    description: str = Field(default="", max_length=DESCRIPTION_MAX)
    # Event names it wants; empty means every event.
    events: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    enabled: bool = True
    # Why it was switched off by the server (HTTP 410, failing for days); NULL otherwise.
    disabled_reason: str | None = Field(default=None, max_length=200)
    secret_encrypted: str = Field(sa_column=Column(Text, nullable=False))
    # After a rotation, the old secret signs alongside the new until it expires.
    previous_secret_encrypted: str | None = Field(default=None, sa_column=Column(Text))
    previous_secret_expires_at: datetime | None = timestamp_field(nullable=True)
    created_by_id: uuid.UUID | None = Field(
        default=None, foreign_key="members.id", ondelete="SET NULL"
    )
    created_at: datetime = timestamp_field()
    # Health: the first failure since the last success (NULL while healthy).
    failing_since: datetime | None = timestamp_field(nullable=True)
    last_success_at: datetime | None = timestamp_field(nullable=True)
    last_failure_at: datetime | None = timestamp_field(nullable=True)

    @property
    def is_platform(self) -> bool:
        return self.org_id is None

    @property
    def reach(self) -> frozenset[uuid.UUID] | None:
        """A platform endpoint's orgs (None: every org)."""
        return org_reach(self.org_ids)


class WebhookMessage(SQLModel, table=True):
    __tablename__ = "webhook_messages"

    id: uuid.UUID = id_field()
    org_id: uuid.UUID | None = Field(
        default=None, foreign_key="organizations.id", index=True, ondelete="CASCADE"
    )
    # The ``webhook-id`` header and the body's ``id``: the same on every retry.
    public_id: str = Field(max_length=40, unique=True, index=True)
    event: str = Field(max_length=40)
    # The JSON body as sent; NULL until first sent for a coalesced message (its data is
    # the board's top at that moment).
    body: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    # What a coalesced message describes (``leaderboard:<org>:<quiz or org>``).
    coalesce_key: str | None = Field(default=None, max_length=120)
    created_at: datetime = timestamp_field()


class WebhookDelivery(SQLModel, table=True):
    __tablename__ = "webhook_deliveries"
    __table_args__ = (
        # The worker's claim: what is due, oldest first.
        Index("ix_webhook_deliveries_due", "status", "next_attempt_at"),
        Index("ix_webhook_deliveries_endpoint_created", "endpoint_id", "created_at"),
        Index("ix_webhook_deliveries_coalesce", "endpoint_id", "coalesce_key", "status"),
    )

    id: uuid.UUID = id_field()
    org_id: uuid.UUID | None = Field(
        default=None, foreign_key="organizations.id", index=True, ondelete="CASCADE"
    )
    endpoint_id: uuid.UUID = Field(foreign_key="webhook_endpoints.id", ondelete="CASCADE")
    message_id: uuid.UUID = Field(foreign_key="webhook_messages.id", index=True, ondelete="CASCADE")
    event: str = Field(max_length=40)
    coalesce_key: str | None = Field(default=None, max_length=120)
    status: str = Field(default=DeliveryStatus.PENDING, max_length=16)
    attempts: int = 0
    # ``attempts`` when the current round of tries began (a redelivery starts a new
    # round on the retry schedule).
    retry_from: int = 0
    next_attempt_at: datetime | None = timestamp_field(nullable=True)
    # The worker holding it (until ``lease_until``): no other sends it meanwhile.
    lease_owner: str | None = Field(default=None, max_length=64)
    lease_until: datetime | None = timestamp_field(nullable=True)
    last_attempt_at: datetime | None = timestamp_field(nullable=True)
    http_status: int | None = None
    created_at: datetime = timestamp_field()


class WebhookDeliveryAttempt(SQLModel, table=True):
    __tablename__ = "webhook_delivery_attempts"

    id: uuid.UUID = id_field()
    org_id: uuid.UUID | None = Field(
        default=None, foreign_key="organizations.id", index=True, ondelete="CASCADE"
    )
    delivery_id: uuid.UUID = Field(
        foreign_key="webhook_deliveries.id", index=True, ondelete="CASCADE"
    )
    attempt: int
    attempted_at: datetime = timestamp_field()
    http_status: int | None = None
    duration_ms: int
    # The first bytes of the answer (RESPONSE_BODY_LOGGED) or what went wrong.
    response_body: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    error: str | None = Field(default=None, max_length=300)
    next_attempt_at: datetime | None = timestamp_field(nullable=True)
