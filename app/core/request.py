"""What a service needs from the request besides its arguments.

``ServiceContext`` bundles the database session (owned by the request, never
committed by services), the actor, and request metadata for the audit log.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlmodel.ext.asyncio.session import AsyncSession

from app.auth.actor import Actor


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
