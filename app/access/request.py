"""What a service needs from the request besides its arguments.

``ServiceContext`` bundles the database session (owned by the request, never
committed by services), the actor, and request metadata for the audit log.
``rate_limit`` is the door's rate-limit state for this request (API keys), kept
here so the response's ``RateLimit`` headers cost no second lookup.
``events`` collects domain events; the request publishes them after its commit.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field

from sqlmodel.ext.asyncio.session import AsyncSession

from app.access.actor import Actor
from app.core.ratelimit import LimitState
from app.events.bus import Event


@dataclass(frozen=True, slots=True)
class RequestMeta:
    request_id: str = "-"
    ip: str | None = None
    user_agent: str | None = None


@dataclass(slots=True)
class ServiceContext:
    db: AsyncSession
    actor: Actor
    meta: RequestMeta
    # Rows the door loaded to identify the actor (member, org). Holding them keeps
    # them in the session's weak identity map, so ``db.get`` answers without SQL.
    identity_rows: list[object] = field(default_factory=list)
    rate_limit: LimitState | None = None
    # The query's cost, charged to the key's budget by the door in the same round trip
    # (``app.graphql.cost``), with the budget's state after it.
    query_cost: tuple[int, LimitState] | None = None
    events: list[Event] = field(default_factory=list)
    # (org id, key id) of the org key the door identified, set before its rate limit is
    # spent: a request refused for the limit still counts against its key's usage
    # (``app.api_keys.usage``).
    identified_key: tuple[uuid.UUID, uuid.UUID] | None = None
