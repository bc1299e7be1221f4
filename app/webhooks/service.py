"""The rules for webhook endpoints: create, update, delete, rotate, ping, redeliver, list.

- webhooks:read lists and reads an org's endpoints and their delivery log;
  webhooks:write changes them (owners, admins, keys holding it);
- URLs pass the outbound check (``ssrf``) when saved, and again at every send;
- the secret (``whsec_…``) is returned by creation and rotation only, and stored
  sealed; a rotation keeps the old secret signing alongside for a grace period;
- platform staff (platform admins, unrestricted platform keys holding webhooks:write)
  keep endpoints of no org that receive every org's events, or those of a list of orgs;
- every change to an org's endpoint lands in its audit log (never the secret).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Select
from sqlmodel.sql.expression import SelectOfScalar

from app.access.request import ServiceContext
from app.access.scopes import Scope
from app.audit import service as audit
from app.core.clock import as_utc, utcnow
from app.core.errors import BadUserInput, NotFound, Unauthenticated
from app.core.validation import Problems
from app.orgs import service as orgs
from app.webhooks import repository, signing, ssrf
from app.webhooks.catalog import EVENT_NAMES, PING
from app.webhooks.models import (
    DESCRIPTION_MAX,
    URL_MAX,
    DeliveryStatus,
    WebhookDelivery,
    WebhookDeliveryAttempt,
    WebhookEndpoint,
    WebhookMessage,
)
from app.webhooks.outbox import body_of, new_message_id, queued_event

GRACE_MAX_SECONDS = 7 * 24 * 60 * 60
MAX_ORGS = 100
# A message reaches at most one delivery per endpoint; redelivering one answers them all.
MAX_ENDPOINT_DELIVERIES = 100


@dataclass(frozen=True, slots=True)
class IssuedEndpoint:
    """An endpoint and its secret, shown this once."""

    endpoint: WebhookEndpoint
    secret: str


@dataclass(frozen=True, slots=True)
class Changes:
    url: str | None = None
    description: str | None = None
    events: list[str] | None = None
    enabled: bool | None = None


def listing(sc: ServiceContext, org_id: uuid.UUID) -> SelectOfScalar[WebhookEndpoint]:
    sc.actor.require(Scope.WEBHOOKS_READ, org_id)
    return repository.listing(org_id)


def reachable_platform_listing(sc: ServiceContext) -> SelectOfScalar[WebhookEndpoint]:
    """The platform endpoints the actor reaches, newest first: every one for a platform
    admin or an unrestricted platform key; for a key restricted to orgs, those whose
    orgs are all among its orgs; none for anyone else (an org's endpoints are
    ``Organization.webhooks``). Needs webhooks:read."""
    sc.actor.require(Scope.WEBHOOKS_READ, None)
    return repository.platform_listing(sc.actor, sc.db.get_bind().dialect.name)


async def get(sc: ServiceContext, endpoint_id: uuid.UUID) -> WebhookEndpoint:
    return await _load(sc, Scope.WEBHOOKS_READ, endpoint_id)


def deliveries(sc: ServiceContext, endpoint: WebhookEndpoint) -> Select[Any]:
    """The endpoint's deliveries (the caller has read the endpoint through this module)."""
    if endpoint.org_id is not None:
        sc.actor.require(Scope.WEBHOOKS_READ, endpoint.org_id)
    return repository.deliveries_of(endpoint, sc.actor)


async def create(
    sc: ServiceContext,
    org_id: uuid.UUID | None,
    *,
    url: str,
    description: str = "",
    events: list[str] | None = None,
    enabled: bool = True,
    org_slugs: list[str] | None = None,
) -> IssuedEndpoint:
    """An org's endpoint (``org_id``), or with ``org_id`` None a platform endpoint for
    every org (``org_slugs`` None) or the listed ones."""
    if org_id is None:
        sc.actor.require_platform(Scope.WEBHOOKS_WRITE)
    else:
        sc.actor.require(Scope.WEBHOOKS_WRITE, org_id)
    problems = Problems()
    description = problems.text(
        "description", description, max_length=DESCRIPTION_MAX, min_length=0
    )
    chosen = check_events(problems, events or [])
    problems.raise_if_any()
    url = await check_url(url)
    org_ids: list[str] | None = None
    if org_id is None and org_slugs is not None:
        if not 1 <= len(org_slugs) <= MAX_ORGS:
            raise BadUserInput({"organizations": f"must list 1-{MAX_ORGS} organizations"})
        found = await orgs.ids_by_slug(sc, org_slugs, field="organizations")
        org_ids = sorted({str(found_id) for found_id in found})
    secret = signing.new_secret()
    endpoint = WebhookEndpoint(
        org_id=org_id,
        org_ids=org_ids,
        url=url,
        description=description,
        events=chosen,
        enabled=enabled,
        secret_encrypted=signing.seal(secret),
        created_by_id=sc.actor.member_id,
    )
    sc.db.add(endpoint)
    await sc.db.flush()
    await _audit(sc, endpoint, "webhook.created", _describe(endpoint))
    return IssuedEndpoint(endpoint, secret)


async def update(sc: ServiceContext, endpoint_id: uuid.UUID, changes: Changes) -> WebhookEndpoint:
    endpoint = await _load(sc, Scope.WEBHOOKS_WRITE, endpoint_id)
    problems = Problems()
    if changes.description is not None:
        endpoint.description = problems.text(
            "description", changes.description, max_length=DESCRIPTION_MAX, min_length=0
        )
    if changes.events is not None:
        endpoint.events = check_events(problems, changes.events)
    problems.raise_if_any()
    if changes.url is not None:
        endpoint.url = await check_url(changes.url)
    if changes.enabled is not None and changes.enabled != endpoint.enabled:
        endpoint.enabled = changes.enabled
        if changes.enabled:
            # Re-enabled: what is pending goes out again, on a clean health record.
            endpoint.disabled_reason = None
            endpoint.failing_since = None
    sc.db.add(endpoint)
    await _audit(sc, endpoint, "webhook.updated", _describe(endpoint))
    return endpoint


async def delete(sc: ServiceContext, endpoint_id: uuid.UUID) -> uuid.UUID:
    endpoint = await _load(sc, Scope.WEBHOOKS_WRITE, endpoint_id)
    await _audit(sc, endpoint, "webhook.deleted", {"url": endpoint.url})
    await sc.db.delete(endpoint)
    await sc.db.flush()
    return endpoint_id


async def rotate(
    sc: ServiceContext, endpoint_id: uuid.UUID, *, grace_period_seconds: int
) -> IssuedEndpoint:
    endpoint = await _load(sc, Scope.WEBHOOKS_WRITE, endpoint_id)
    if not 0 <= grace_period_seconds <= GRACE_MAX_SECONDS:
        raise BadUserInput({"gracePeriodSeconds": f"must be between 0 and {GRACE_MAX_SECONDS}"})
    secret = signing.new_secret()
    if grace_period_seconds:
        endpoint.previous_secret_encrypted = endpoint.secret_encrypted
        endpoint.previous_secret_expires_at = utcnow() + timedelta(seconds=grace_period_seconds)
    else:
        endpoint.previous_secret_encrypted = None
        endpoint.previous_secret_expires_at = None
    endpoint.secret_encrypted = signing.seal(secret)
    sc.db.add(endpoint)
    await _audit(
        sc, endpoint, "webhook.secret_rotated", {"gracePeriodSeconds": grace_period_seconds}
    )
    return IssuedEndpoint(endpoint, secret)


async def ping(sc: ServiceContext, endpoint_id: uuid.UUID, global_id: str) -> WebhookDelivery:
    """A test message to this endpoint alone, sent now whatever it subscribed to."""
    endpoint = await _load(sc, Scope.WEBHOOKS_WRITE, endpoint_id)
    slug = (await orgs.get_for_actor(sc, endpoint.org_id)).slug if endpoint.org_id else None
    public_id = new_message_id()
    now = utcnow()
    message = WebhookMessage(
        org_id=endpoint.org_id,
        public_id=public_id,
        event=PING,
        body=body_of(public_id, PING, slug, now, {"webhookId": global_id}),
    )
    delivery = WebhookDelivery(
        org_id=endpoint.org_id,
        endpoint_id=endpoint.id,
        message_id=message.id,
        event=PING,
        next_attempt_at=now,
    )
    sc.db.add(message)
    await sc.db.flush()  # first: the delivery's foreign key names it
    sc.db.add(delivery)
    await sc.db.flush()
    sc.events.append(queued_event(endpoint.org_id))
    return delivery


async def redeliver(
    sc: ServiceContext, message_id: str, endpoint_id: uuid.UUID | None = None
) -> list[WebhookDelivery]:
    """Send a past message again (to each endpoint of the actor's reach that had it, or
    to one), on a fresh round of the retry schedule, with the same ``webhook-id``."""
    if not sc.actor.is_authenticated:
        raise Unauthenticated()
    sc.actor.require(Scope.WEBHOOKS_WRITE, None)
    # Platform staff reach the platform's endpoints too (their deliveries have no org).
    found = await repository.deliveries_of_message(sc.db, message_id.strip(), sc.actor)
    if endpoint_id is not None:
        found = [delivery for delivery in found if delivery.endpoint_id == endpoint_id]
    if not found:
        raise NotFound()
    now = utcnow()
    for delivery in found:
        if delivery.org_id is not None:
            sc.actor.require(Scope.WEBHOOKS_WRITE, delivery.org_id)
        delivery.status = DeliveryStatus.PENDING
        delivery.retry_from = delivery.attempts
        delivery.next_attempt_at = now
        sc.db.add(delivery)
    await sc.db.flush()
    sc.events.append(queued_event(found[0].org_id))
    return found


async def attempts_of(
    sc: ServiceContext, delivery_ids: list[uuid.UUID], limit: int
) -> dict[uuid.UUID, list[WebhookDeliveryAttempt]]:
    return await repository.attempts_of(sc.db, delivery_ids, limit)


async def message_ids(sc: ServiceContext, ids: list[uuid.UUID]) -> dict[uuid.UUID, str]:
    found = await repository.messages_by_id(sc.db, ids)
    return {row_id: message.public_id for row_id, message in found.items()}


async def pending_count(sc: ServiceContext, endpoint: WebhookEndpoint) -> int:
    return await repository.pending_count(sc.db, endpoint.id)


async def recent_outcomes(
    sc: ServiceContext, endpoint: WebhookEndpoint, since: datetime
) -> tuple[int, int]:
    return await repository.recent_outcomes(sc.db, endpoint.id, since)


def check_events(problems: Problems, values: list[str]) -> list[str]:
    unknown = sorted({value[:40] for value in values if value not in EVENT_NAMES})
    if len(values) > len(EVENT_NAMES) * 2:
        problems.add("events", f"may list at most {len(EVENT_NAMES)} events")
    elif unknown:
        problems.add(
            "events",
            f"unknown events: {', '.join(unknown[:5])} (known: {', '.join(EVENT_NAMES)})",
        )
    return sorted(set(values))


async def check_url(url: str) -> str:
    url = url.strip()
    if not url or len(url) > URL_MAX:
        raise BadUserInput({"url": f"must be 1-{URL_MAX} characters"})
    try:
        await ssrf.check(url)
    except ssrf.UnsafeUrl as refusal:
        raise BadUserInput({"url": str(refusal)}) from refusal
    return url


def live_secrets(endpoint: WebhookEndpoint, now: datetime) -> list[str]:
    """The secrets that sign now: the current one, and the old one in its grace period."""
    found = [signing.unseal(endpoint.secret_encrypted)]
    expires = endpoint.previous_secret_expires_at
    if endpoint.previous_secret_encrypted and expires and as_utc(expires) > now:
        found.append(signing.unseal(endpoint.previous_secret_encrypted))
    return found


async def _load(sc: ServiceContext, scope: Scope, endpoint_id: uuid.UUID) -> WebhookEndpoint:
    """An endpoint the actor may use ``scope`` on; NOT_FOUND for other orgs' endpoints."""
    sc.actor.require(scope, None)
    endpoint = await repository.endpoint_by_id(sc.db, endpoint_id, sc.actor)
    if endpoint is None and sc.actor.is_platform:
        endpoint = await repository.platform_endpoint_by_id(sc.db, endpoint_id)
        if endpoint is not None and not sc.actor.reaches_all(endpoint.reach):
            endpoint = None
    if endpoint is None:
        raise NotFound()
    if endpoint.org_id is not None:
        sc.actor.require(scope, endpoint.org_id)
    return endpoint


async def _audit(
    sc: ServiceContext, endpoint: WebhookEndpoint, action: str, details: dict[str, object]
) -> None:
    if endpoint.org_id is None:
        return  # a platform endpoint belongs to no org's log
    await audit.record(
        sc,
        action,
        target_type="Webhook",
        target_id=endpoint.id,
        org_id=endpoint.org_id,
        details=details,
    )


def _describe(endpoint: WebhookEndpoint) -> dict[str, object]:
    return {
        "url": endpoint.url,
        "description": endpoint.description,
        "events": endpoint.events,
        "enabled": endpoint.enabled,
    }
