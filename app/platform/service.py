"""The platform console's rules: orgs (list with figures, create, disable, re-enable),
the platform log, platform keys. Platform staff only, each operation asking
``actor.require_platform`` for its scope; members and org keys are refused whatever
their role (no role or key holds a platform scope).

Every change is recorded twice: in the affected org's own log (the org's action name,
so its owner sees what staff did) and in the platform log. Staff see no member's
password and no key's secret, except a key secret or a first owner's generated
password in the one response that creates it; nobody can act as a member from here.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from sqlalchemy import Select

from app.access.request import ServiceContext
from app.access.scopes import Scope
from app.core.clock import utcnow
from app.core.errors import BadUserInput
from app.orgs import service as orgs
from app.platform import actions, journal, repository
from app.platform.actions import LABELS
from app.platform.models import PlatformAuditEvent

if TYPE_CHECKING:
    from app.orgs.models import Organization

ACTIVITY_DAYS = 30
SEARCH_MAX = 100


def org_listing(
    sc: ServiceContext, *, search: str | None, disabled: bool | None
) -> Select[tuple[Organization]]:
    sc.actor.require_platform(Scope.PLATFORM_READ)
    cleaned = (search or "").strip()[:SEARCH_MAX] or None
    return repository.org_listing(
        search=cleaned, disabled=disabled, reach=sc.actor.reachable_org_ids
    )


@dataclass(frozen=True, slots=True)
class OrgFigures:
    member_count: int
    last_activity_at: datetime | None
    attempts_last_30_days: int


async def figures(sc: ServiceContext, org_ids: list[uuid.UUID]) -> list[OrgFigures]:
    """Members, last activity and recent attempts of each org, in the order asked: three
    grouped queries for any number of orgs (a page's)."""
    sc.actor.require_platform(Scope.PLATFORM_READ)
    since = (utcnow() - timedelta(days=ACTIVITY_DAYS)).date()
    counts = await repository.member_counts(sc.db, org_ids, sc.actor)
    activity = await repository.last_activity(sc.db, org_ids, sc.actor)
    attempts = await repository.attempts_since(sc.db, org_ids, since, sc.actor)
    return [
        OrgFigures(counts.get(org_id, 0), activity.get(org_id), attempts.get(org_id, 0))
        for org_id in org_ids
    ]


async def create_org(
    sc: ServiceContext,
    *,
    slug: str,
    name: str,
    owner_username: str,
    owner_display_name: str | None,
    owner_password: str | None,
    portal_code: str | None,
) -> orgs.NewOrg:
    """An org and its first owner, as ``quizgraph create-org`` makes them; what is left
    out (password, portal code) is generated and returned this once."""
    sc.actor.require_platform(Scope.PLATFORM_WRITE)
    created = await orgs.create_org(
        sc,
        slug=slug,
        name=name,
        owner_username=owner_username,
        owner_password=owner_password,
        portal_code=portal_code,
        owner_display_name=owner_display_name,
    )
    journal.record(
        sc,
        actions.ORG_CREATED,
        org_id=created.org.id,
        org_slug=created.org.slug,
        target_type="Organization",
        target_id=created.org.id,
        details={"name": created.org.name, "ownerUsername": created.owner.username},
    )
    return created


async def set_org_disabled(sc: ServiceContext, org_id: uuid.UUID, disabled: bool) -> Organization:
    """Switch an org off (its sessions and keys get ORG_DISABLED from their next
    request, in every process) or back on. Setting what is already set changes nothing."""
    sc.actor.require_platform(Scope.PLATFORM_WRITE)
    current = await orgs.get_for_actor(sc, org_id)
    if current.disabled == disabled:
        return current
    org = await orgs.set_disabled(sc, org_id, disabled)
    journal.record(
        sc,
        actions.ORG_DISABLED if disabled else actions.ORG_ENABLED,
        org_id=org.id,
        org_slug=org.slug,
        target_type="Organization",
        target_id=org.id,
    )
    return org


def platform_log(
    sc: ServiceContext, *, org_id: uuid.UUID | None, action: str | None
) -> Select[tuple[PlatformAuditEvent]]:
    """The platform log, newest first; only one org's rows, or one action's, if asked."""
    sc.actor.require_platform(Scope.PLATFORM_READ)
    if action is not None and action not in LABELS:
        raise BadUserInput({"action": f"is not one of {', '.join(sorted(LABELS))}"})
    return repository.audit_listing(org_id=org_id, action=action)


async def orgs_by_id(sc: ServiceContext, org_ids: list[uuid.UUID]) -> list[Organization | None]:
    """These orgs (a platform key's or a log row's), in the order asked; None for one
    that is gone or out of reach."""
    sc.actor.require_platform(Scope.PLATFORM_READ)
    found = await repository.orgs_by_id(sc.db, org_ids, sc.actor.reachable_org_ids)
    return [found.get(org_id) for org_id in org_ids]
