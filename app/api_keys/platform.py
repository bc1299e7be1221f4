"""Platform keys: made by staff from the command line, acting across orgs.

A platform key has no org (``org_id`` NULL) and no member; its actor reaches the
orgs listed at creation, or every org when none are. Its scopes are checked like
any key's, so it can never hold org:write or api_keys:*.
"""

from __future__ import annotations

from sqlmodel import select
from sqlmodel.ext.asyncio.session import AsyncSession

from app.api_keys.models import NAME_MAX
from app.api_keys.service import IssuedKey, check_rate_limit, check_scopes, issue_key
from app.auth.models import PlatformAdmin
from app.core.errors import BadUserInput
from app.core.validation import Problems
from app.orgs import repository as orgs


async def create_platform_key(
    db: AsyncSession,
    *,
    admin_username: str,
    name: str,
    scopes: list[str],
    org_slugs: list[str] | None,
    rate_limit_per_minute: int,
) -> IssuedKey:
    problems = Problems()
    name = problems.text("name", name, max_length=NAME_MAX)
    granted = check_scopes(problems, scopes)
    check_rate_limit(problems, rate_limit_per_minute)
    problems.raise_if_any()
    found = await db.exec(select(PlatformAdmin).where(PlatformAdmin.username == admin_username))
    admin = found.first()
    if admin is None:
        raise BadUserInput({"adminUsername": f"no platform admin is named {admin_username}"})
    org_ids = await _org_ids(db, org_slugs) if org_slugs else None
    issued = issue_key(
        None, name, granted, rate_limit_per_minute, None, None, admin_id=admin.id, org_ids=org_ids
    )
    db.add(issued.key)
    return issued


async def _org_ids(db: AsyncSession, slugs: list[str]) -> list[str]:
    ids: list[str] = []
    for slug in slugs:
        org = await orgs.by_slug(db, slug.strip().lower())
        if org is None:
            raise BadUserInput({"orgs": f"no organization has the slug {slug}"})
        ids.append(str(org.id))
    return ids
