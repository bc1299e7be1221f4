"""Queries for webhook endpoints, the outbox and the delivery log.

An org's endpoints and their deliveries are read within a tenant
(``app.access.tenancy``). The outbox's writer, the worker and platform endpoints
cross orgs, each saying why.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import datetime
from typing import Any, cast

import sqlalchemy as sa
from sqlalchemy import Select, func, or_, update
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession
from sqlmodel.sql.expression import SelectOfScalar

from app.access.actor import Actor
from app.access.tenancy import Tenant, across_orgs, get_scoped, platform_reach_clause, scoped
from app.webhooks.models import (
    DeliveryStatus,
    WebhookDelivery,
    WebhookDeliveryAttempt,
    WebhookEndpoint,
    WebhookMessage,
)

_OUTBOX = "an org's event goes to its own endpoints and to the platform endpoints reaching it"
_WORKER = "the delivery worker sends every org's due deliveries"
_PLATFORM = "platform endpoints belong to no org"

Claimed = tuple[WebhookDelivery, WebhookMessage, WebhookEndpoint]


async def endpoint_by_id(
    db: AsyncSession, endpoint_id: uuid.UUID, tenant: Tenant, *, for_update: bool = False
) -> WebhookEndpoint | None:
    return await get_scoped(db, WebhookEndpoint, endpoint_id, tenant, for_update=for_update)


async def platform_endpoint_by_id(
    db: AsyncSession, endpoint_id: uuid.UUID
) -> WebhookEndpoint | None:
    found = await db.exec(
        across_orgs(
            select(WebhookEndpoint).where(
                WebhookEndpoint.id == endpoint_id, col(WebhookEndpoint.org_id).is_(None)
            ),
            _PLATFORM,
        )
    )
    return found.first()


def listing(org_id: uuid.UUID) -> SelectOfScalar[WebhookEndpoint]:
    """An org's endpoints, newest first (platform endpoints never appear)."""
    return scoped(select(WebhookEndpoint), WebhookEndpoint, org_id).order_by(
        col(WebhookEndpoint.created_at).desc(), col(WebhookEndpoint.id)
    )


def platform_listing(actor: Actor, dialect: str) -> SelectOfScalar[WebhookEndpoint]:
    """The platform endpoints the actor reaches (``Actor.reaches_all``), newest first."""
    reached = platform_reach_clause(col(WebhookEndpoint.org_ids), actor, dialect)
    return across_orgs(
        select(WebhookEndpoint).where(col(WebhookEndpoint.org_id).is_(None), reached), _PLATFORM
    ).order_by(col(WebhookEndpoint.created_at).desc(), col(WebhookEndpoint.id))


async def subscribers(db: AsyncSession, org_id: uuid.UUID) -> list[WebhookEndpoint]:
    """Enabled endpoints that may receive the org's events: its own and the platform's
    (those restricted to a list of orgs are filtered by the caller)."""
    found = await db.exec(
        across_orgs(
            select(WebhookEndpoint).where(
                col(WebhookEndpoint.enabled).is_(True),
                or_(
                    col(WebhookEndpoint.org_id) == org_id,
                    col(WebhookEndpoint.org_id).is_(None),
                ),
            ),
            _OUTBOX,
        )
    )
    return list(found.all())


async def pending_coalesced(
    db: AsyncSession, endpoint_ids: Sequence[uuid.UUID], keys: Sequence[str]
) -> set[tuple[uuid.UUID, str]]:
    """(endpoint, board) pairs of ``keys`` for which the endpoint already holds an unsent
    delivery."""
    if not endpoint_ids or not keys:
        return set()
    found = await db.exec(
        across_orgs(
            select(WebhookDelivery.endpoint_id, WebhookDelivery.coalesce_key).where(
                col(WebhookDelivery.endpoint_id).in_(endpoint_ids),
                col(WebhookDelivery.coalesce_key).in_(keys),
                WebhookDelivery.status == DeliveryStatus.PENDING,
                WebhookDelivery.attempts == 0,
            ),
            _OUTBOX,
        )
    )
    return {(endpoint_id, key) for endpoint_id, key in found.all() if key is not None}


def deliveries_of(endpoint: WebhookEndpoint, tenant: Tenant) -> Select[Any]:
    """An endpoint's deliveries with their message ids (``msg_…``), newest first."""
    if endpoint.org_id is not None:
        # An org endpoint's messages are the org's own events (and its pings).
        query = scoped(
            scoped(
                sa.select(WebhookDelivery, col(WebhookMessage.public_id)), WebhookDelivery, tenant
            ),
            WebhookMessage,
            tenant,
        )
    else:
        query = across_orgs(sa.select(WebhookDelivery, col(WebhookMessage.public_id)), _PLATFORM)
    ordered = (
        query.join(WebhookMessage, col(WebhookMessage.id) == WebhookDelivery.message_id)
        .where(col(WebhookDelivery.endpoint_id) == endpoint.id)
        .order_by(col(WebhookDelivery.created_at).desc(), col(WebhookDelivery.id))
    )
    return cast(Select[Any], ordered)


async def attempts_of(
    db: AsyncSession, delivery_ids: Sequence[uuid.UUID], limit: int
) -> dict[uuid.UUID, list[WebhookDeliveryAttempt]]:
    """The latest ``limit`` tries of each delivery, newest first (of deliveries the
    caller has already read within its tenant)."""
    found = await db.exec(
        across_orgs(
            select(WebhookDeliveryAttempt)
            .where(col(WebhookDeliveryAttempt.delivery_id).in_(delivery_ids))
            .order_by(col(WebhookDeliveryAttempt.attempted_at).desc()),
            "tries of deliveries already read within the tenant",
        )
    )
    grouped: dict[uuid.UUID, list[WebhookDeliveryAttempt]] = {}
    for row in found.all():
        held = grouped.setdefault(row.delivery_id, [])
        if len(held) < limit:
            held.append(row)
    return grouped


async def messages_by_id(
    db: AsyncSession, message_ids: Sequence[uuid.UUID]
) -> dict[uuid.UUID, WebhookMessage]:
    found = await db.exec(
        across_orgs(
            select(WebhookMessage).where(col(WebhookMessage.id).in_(message_ids)),
            "messages of deliveries already read within the tenant",
        )
    )
    return {row.id: row for row in found.all()}


async def deliveries_of_message(
    db: AsyncSession, public_id: str, tenant: Tenant
) -> list[WebhookDelivery]:
    """Deliveries of the message ``public_id`` (``msg_…``) within the tenant (unrestricted
    platform staff: the platform endpoints' too, whose org is NULL)."""
    query = scoped(select(WebhookDelivery), WebhookDelivery, tenant)
    found = await db.exec(
        query.join(WebhookMessage, col(WebhookMessage.id) == WebhookDelivery.message_id)
        .where(WebhookMessage.public_id == public_id)
        .with_for_update()
    )
    return list(found.all())


async def pending_count(db: AsyncSession, endpoint_id: uuid.UUID) -> int:
    found = await db.exec(
        across_orgs(
            select(func.count())
            .select_from(WebhookDelivery)
            .where(
                WebhookDelivery.endpoint_id == endpoint_id,
                WebhookDelivery.status == DeliveryStatus.PENDING,
            ),
            "counts the deliveries of an endpoint already read within the tenant",
        )
    )
    return int(found.one())


async def recent_outcomes(
    db: AsyncSession, endpoint_id: uuid.UUID, since: datetime
) -> tuple[int, int]:
    """Tries since ``since`` that succeeded and failed (2xx or not)."""
    ok = col(WebhookDeliveryAttempt.http_status).between(200, 299)
    found = await db.exec(
        across_orgs(
            select(
                func.count().filter(ok),
                func.count().filter(~ok | col(WebhookDeliveryAttempt.http_status).is_(None)),
            )
            .select_from(WebhookDeliveryAttempt)
            .join(WebhookDelivery, col(WebhookDelivery.id) == WebhookDeliveryAttempt.delivery_id)
            .where(
                WebhookDelivery.endpoint_id == endpoint_id,
                col(WebhookDeliveryAttempt.attempted_at) >= since,
            ),
            "counts the tries of an endpoint already read within the tenant",
        )
    )
    succeeded, failed = found.one()
    return int(succeeded), int(failed)


# --- the worker ---------------------------------------------------------------------------


async def due(
    db: AsyncSession, now: datetime, limit: int, *, skip_locked: bool
) -> list[tuple[uuid.UUID, uuid.UUID]]:
    """(delivery, endpoint) ids due now, oldest first, that no live lease holds; on
    PostgreSQL the rows are locked (``FOR UPDATE SKIP LOCKED``) until the claim commits."""
    query = across_orgs(
        select(WebhookDelivery.id, WebhookDelivery.endpoint_id)
        .join(WebhookEndpoint, col(WebhookEndpoint.id) == WebhookDelivery.endpoint_id)
        .where(
            WebhookDelivery.status == DeliveryStatus.PENDING,
            col(WebhookDelivery.next_attempt_at) <= now,
            or_(
                col(WebhookDelivery.lease_until).is_(None),
                col(WebhookDelivery.lease_until) < now,
            ),
            col(WebhookEndpoint.enabled).is_(True),
        )
        .order_by(col(WebhookDelivery.next_attempt_at))
        .limit(limit),
        _WORKER,
    )
    if skip_locked:
        query = query.with_for_update(of=WebhookDelivery, skip_locked=True)
    found = await db.exec(query)
    return [(row[0], row[1]) for row in found.all()]


async def lease(
    db: AsyncSession, delivery_ids: Sequence[uuid.UUID], owner: str, until: datetime
) -> None:
    await db.execute(
        across_orgs(update(WebhookDelivery), _WORKER)
        .where(col(WebhookDelivery.id).in_(delivery_ids))
        .values(lease_owner=owner, lease_until=until)
    )


async def claimed(db: AsyncSession, delivery_ids: Sequence[uuid.UUID]) -> list[Claimed]:
    found = await db.exec(
        across_orgs(
            select(WebhookDelivery, WebhookMessage, WebhookEndpoint)
            .join(WebhookMessage, col(WebhookMessage.id) == WebhookDelivery.message_id)
            .join(WebhookEndpoint, col(WebhookEndpoint.id) == WebhookDelivery.endpoint_id)
            .where(col(WebhookDelivery.id).in_(delivery_ids)),
            _WORKER,
        )
    )
    return [(row[0], row[1], row[2]) for row in found.all()]


async def update_delivery(db: AsyncSession, delivery_id: uuid.UUID, **values: Any) -> None:
    await db.execute(
        across_orgs(update(WebhookDelivery), _WORKER)
        .where(col(WebhookDelivery.id) == delivery_id)
        .values(**values)
    )


async def finish_delivery(
    db: AsyncSession, delivery_id: uuid.UUID, token: str, **values: Any
) -> bool:
    """Write a send's outcome while the claim ``token`` still holds the delivery; False
    when another claim took it over (its lease had expired) or it is gone."""
    result = await db.execute(
        across_orgs(update(WebhookDelivery), _WORKER)
        .where(col(WebhookDelivery.id) == delivery_id, col(WebhookDelivery.lease_owner) == token)
        .values(**values)
    )
    return bool(cast(Any, result).rowcount)


async def update_endpoint(db: AsyncSession, endpoint_id: uuid.UUID, **values: Any) -> None:
    await db.execute(
        across_orgs(update(WebhookEndpoint), _WORKER)
        .where(col(WebhookEndpoint.id) == endpoint_id)
        .values(**values)
    )


async def set_message_body(db: AsyncSession, message_id: uuid.UUID, body: str) -> None:
    await db.execute(
        across_orgs(update(WebhookMessage), _WORKER)
        .where(col(WebhookMessage.id) == message_id, col(WebhookMessage.body).is_(None))
        .values(body=body)
    )


async def endpoint_for_worker(db: AsyncSession, endpoint_id: uuid.UUID) -> WebhookEndpoint | None:
    found = await db.exec(
        across_orgs(
            select(WebhookEndpoint).where(WebhookEndpoint.id == endpoint_id).with_for_update(),
            _WORKER,
        )
    )
    return found.first()
