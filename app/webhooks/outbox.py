"""The outbox's writer: events become messages and deliveries in the change's transaction.

The composition root runs ``stage`` on a request's ``sc.events`` just before its commit
(and the attempt sweep before each of its commits), so the event, its message and one
delivery per subscribed endpoint commit together with the change, or not at all. The
worker (``app.webhooks.worker``) sends them afterwards, however long that takes.

``leaderboard.updated`` is coalesced per endpoint and board: while an endpoint holds an
unsent delivery of the board, another result adds nothing; a new one is due
``COALESCE_SECONDS`` after it is written, and its body (the board's top) is made when
it is first sent. A result changes two boards, the quiz's and the org-wide one
(``data.quizId`` null), and each has its own message.
"""

from __future__ import annotations

import json
import uuid
from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from app.access.request import ServiceContext
from app.core.clock import as_utc, utcnow
from app.events.bus import Event
from app.orgs import service as orgs
from app.webhooks import repository
from app.webhooks.catalog import (
    COALESCE_SECONDS,
    COALESCED,
    EVENT_NAMES,
    LEADERBOARD_UPDATED,
    QUEUED,
)
from app.webhooks.models import WebhookDelivery, WebhookEndpoint, WebhookMessage

_DELIVERABLE = frozenset(EVENT_NAMES)


def new_message_id() -> str:
    return f"msg_{uuid.uuid4().hex}"


def rfc3339(value: datetime) -> str:
    return as_utc(value).isoformat().replace("+00:00", "Z")


def body_of(public_id: str, event: str, org_slug: str | None, at: datetime, data: Any) -> str:
    """The contract's body, as the bytes sent and signed."""
    document = {
        "id": public_id,
        "event": event,
        "org": org_slug,
        "timestamp": rfc3339(at),
        "data": data,
    }
    return json.dumps(document, separators=(",", ":"), ensure_ascii=False)


def queued_event(org_id: uuid.UUID | None) -> Event:
    """What ping and redeliver append to ``sc.events``: wakes the workers after commit."""
    return Event(QUEUED, org_id or uuid.UUID(int=0), {})


def wants(endpoint: WebhookEndpoint, org_id: uuid.UUID, event: str) -> bool:
    restricted = endpoint.org_id is None and endpoint.org_ids is not None
    if restricted and str(org_id) not in (endpoint.org_ids or []):
        return False
    return not endpoint.events or event in endpoint.events


def coalesce_keys(event: Event) -> list[str]:
    """The boards a result changed: its quiz's and the org-wide one."""
    org_board = f"leaderboard:{event.org_id}:org"
    quiz = event.data.get("quizId")
    return [f"leaderboard:{event.org_id}:{quiz}", org_board] if quiz else [org_board]


async def stage(sc: ServiceContext, events: list[Event]) -> int:
    """Write the messages and deliveries of ``events``; returns how many deliveries."""
    by_org: dict[uuid.UUID, list[Event]] = defaultdict(list)
    for event in events:
        if event.name in _DELIVERABLE:
            by_org[event.org_id].append(event)
    staged = _Staged([], [])
    for org_id, group in by_org.items():
        endpoints = await repository.subscribers(sc.db, org_id)
        if not endpoints:
            continue
        slug: str | None = None
        for event in group:
            wanting = [endpoint for endpoint in endpoints if wants(endpoint, org_id, event.name)]
            if not wanting:
                continue
            if slug is None:
                slug = (await orgs.get_for_actor(sc, org_id)).slug
            if event.name in COALESCED:
                await _stage_coalesced(sc, event, wanting, staged)
            else:
                _stage_one(event, slug, wanting, staged)
    if staged.messages:
        # Messages first: the deliveries' foreign keys name them (the rows have no ORM
        # relationship that would order the inserts).
        sc.db.add_all(staged.messages)
        await sc.db.flush()
        sc.db.add_all(staged.deliveries)
    return len(staged.deliveries)


@dataclass(slots=True)
class _Staged:
    messages: list[WebhookMessage]
    deliveries: list[WebhookDelivery]


def _stage_one(event: Event, slug: str, endpoints: list[WebhookEndpoint], staged: _Staged) -> None:
    public_id = new_message_id()
    message = WebhookMessage(
        org_id=event.org_id,
        public_id=public_id,
        event=event.name,
        body=body_of(public_id, event.name, slug, event.occurred_at, event.data),
    )
    staged.messages.append(message)
    now = utcnow()
    for endpoint in endpoints:
        staged.deliveries.append(
            WebhookDelivery(
                org_id=endpoint.org_id,
                endpoint_id=endpoint.id,
                message_id=message.id,
                event=event.name,
                next_attempt_at=now,
            )
        )


async def _stage_coalesced(
    sc: ServiceContext, event: Event, endpoints: list[WebhookEndpoint], staged: _Staged
) -> None:
    assert event.name == LEADERBOARD_UPDATED
    keys = coalesce_keys(event)
    held = await repository.pending_coalesced(sc.db, [e.id for e in endpoints], keys)
    due = utcnow() + timedelta(seconds=COALESCE_SECONDS)
    for key in keys:
        for endpoint in endpoints:
            if (endpoint.id, key) in held or any(
                d.endpoint_id == endpoint.id and d.coalesce_key == key for d in staged.deliveries
            ):
                continue
            message = WebhookMessage(
                org_id=event.org_id,
                public_id=new_message_id(),
                event=event.name,
                coalesce_key=key,
            )
            staged.messages.append(message)
            staged.deliveries.append(
                WebhookDelivery(
                    org_id=endpoint.org_id,
                    endpoint_id=endpoint.id,
                    message_id=message.id,
                    event=event.name,
                    coalesce_key=key,
                    next_attempt_at=due,
                )
            )
