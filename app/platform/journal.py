"""Writing the platform log, in the caller's transaction, and a staff action into both logs.

``record`` appends one row to ``platform_audit_events``. ``record_on_org`` is a staff
action on an org: the org's hash-chained log gets it under the org's action name (so
the org's people see what staff did to their org) and the platform log under the
platform's. Who acted is written as in the orgs' logs: a platform admin by id and
``platform:<username>``, the command line as kind ``CLI`` with no id.
"""

from __future__ import annotations

import uuid
from typing import Any

from app.access.actor import Actor, ActorKind
from app.access.request import ServiceContext
from app.audit import service as audit
from app.platform.actions import LABELS
from app.platform.models import PlatformAuditEvent


def actor_of(actor: Actor) -> tuple[str, uuid.UUID | None]:
    """The actor kind and id a platform log row records."""
    if actor.kind is ActorKind.PLATFORM_ADMIN and actor.platform_admin_id is None:
        return audit.CLI_ACTOR_KIND, None
    return actor.kind.value, actor.platform_admin_id or actor.api_key_id or actor.member_id


def record(
    sc: ServiceContext,
    action: str,
    *,
    org_id: uuid.UUID | None = None,
    org_slug: str | None = None,
    target_type: str | None = None,
    target_id: uuid.UUID | str | None = None,
    details: dict[str, Any] | None = None,
    actor: Actor | None = None,
) -> PlatformAuditEvent:
    """One row of the platform log; ``actor`` when it isn't the request's (a sign-in)."""
    if action not in LABELS:
        raise ValueError(f"{action} is not a platform action (app/platform/actions.py)")
    who = actor or sc.actor
    kind, actor_id = actor_of(who)
    event = PlatformAuditEvent(
        action=action,
        actor_kind=kind,
        actor_id=actor_id,
        actor_label=who.label,
        org_id=org_id,
        org_slug=org_slug,
        target_type=target_type,
        target_id=str(target_id) if target_id is not None else None,
        details=details or {},
        ip=sc.meta.ip,
        user_agent=(sc.meta.user_agent or "")[:500] or None,
    )
    sc.db.add(event)
    return event


async def record_on_org(
    sc: ServiceContext,
    *,
    org_id: uuid.UUID,
    org_slug: str,
    org_action: str,
    platform_action: str,
    target_type: str,
    target_id: uuid.UUID | str,
    details: dict[str, Any] | None = None,
) -> None:
    """A staff action on one org, in that org's log and in the platform log."""
    await audit.record(
        sc,
        org_action,
        target_type=target_type,
        target_id=target_id,
        details=details,
        org_id=org_id,
    )
    record(
        sc,
        platform_action,
        org_id=org_id,
        org_slug=org_slug,
        target_type=target_type,
        target_id=target_id,
        details=details,
    )
