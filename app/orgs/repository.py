"""Queries for organizations."""

from __future__ import annotations

import uuid

from sqlmodel import select
from sqlmodel.ext.asyncio.session import AsyncSession

from app.orgs.models import Organization


async def by_slug(db: AsyncSession, slug: str) -> Organization | None:
    found = await db.exec(select(Organization).where(Organization.slug == slug))
    return found.first()


async def by_id(db: AsyncSession, org_id: uuid.UUID) -> Organization | None:
    return await db.get(Organization, org_id)
