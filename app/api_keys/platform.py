"""Platform keys: made by staff from the command line, acting across orgs.

A platform key has no org (``org_id`` NULL) and no member; its actor reaches the
orgs listed at creation, or every org when none are. Its scopes are checked like
any key's, so it can never hold org:write or api_keys:*.
"""

from __future__ import annotations

import uuid

from app.access.request import ServiceContext
from app.api_keys.models import NAME_MAX
from app.api_keys.service import IssuedKey, check_rate_limit, check_scopes, issue_key
from app.core.validation import Problems
from app.orgs import service as orgs


async def create_platform_key(
    sc: ServiceContext,
    *,
    admin_id: uuid.UUID,
    name: str,
    scopes: list[str],
    org_slugs: list[str] | None,
    rate_limit_per_minute: int,
) -> IssuedKey:
    """A key made by the platform admin ``admin_id`` (the command line looks it up)."""
    problems = Problems()
    name = problems.text("name", name, max_length=NAME_MAX)
    granted = check_scopes(problems, scopes)
    check_rate_limit(problems, rate_limit_per_minute)
    problems.raise_if_any()
    org_ids = (
        [str(org_id) for org_id in await orgs.ids_by_slug(sc, org_slugs, field="orgs")]
        if org_slugs
        else None
    )
    issued = issue_key(
        None, name, granted, rate_limit_per_minute, None, None, admin_id=admin_id, org_ids=org_ids
    )
    sc.db.add(issued.key)
    return issued
