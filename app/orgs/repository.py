"""Queries for organizations."""

from __future__ import annotations

import uuid
from collections.abc import Collection

from sqlalchemy import delete, update
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from app.access.tenancy import get_scoped, scoped
from app.orgs.models import Organization, OrgLogo


async def by_slug(db: AsyncSession, slug: str) -> Organization | None:
    found = await db.exec(select(Organization).where(Organization.slug == slug))
    return found.first()


async def ids_by_slug(db: AsyncSession, slugs: list[str]) -> dict[str, uuid.UUID]:
    """The ids of the orgs of these slugs, by slug (unknown slugs are left out)."""
    found = await db.exec(
        select(Organization.slug, Organization.id).where(col(Organization.slug).in_(slugs))
    )
    return dict(found.all())


async def by_id(db: AsyncSession, org_id: uuid.UUID, *, fresh: bool = False) -> Organization | None:
    """``fresh`` reads the org as committed now, not as this session last saw it."""
    return await db.get(Organization, org_id, populate_existing=fresh)


async def disabled_among(db: AsyncSession, org_ids: Collection[uuid.UUID]) -> set[uuid.UUID]:
    """Those of ``org_ids`` that are disabled."""
    found = await db.exec(
        select(Organization.id).where(
            col(Organization.id).in_(org_ids), col(Organization.disabled).is_(True)
        )
    )
    return set(found.all())


async def bump_audit_seq(db: AsyncSession, org_id: uuid.UUID) -> tuple[int, str]:
    """Add one to the org's audit counter; the new value and the org's slug."""
    result = await db.execute(
        update(Organization)
        .where(col(Organization.id) == org_id)
        .values(audit_seq=Organization.audit_seq + 1)
        .returning(col(Organization.audit_seq), col(Organization.slug))
    )
    seq, slug = result.one()
    return int(seq), str(slug)


async def audit_seqs(db: AsyncSession, slug: str | None = None) -> list[tuple[uuid.UUID, str, int]]:
    """Every org's (or the one ``slug``'s) id, slug and audit counter, by slug."""
    query = select(Organization.id, Organization.slug, Organization.audit_seq)
    if slug is not None:
        query = query.where(col(Organization.slug) == slug)
    found = await db.exec(query.order_by(col(Organization.slug)))
    return [(org_id, org_slug, int(seq)) for org_id, org_slug, seq in found.all()]


async def logo(db: AsyncSession, org_id: uuid.UUID) -> OrgLogo | None:
    """The org's uploaded logo (keyed by its org: the id is the tenant)."""
    return await get_scoped(db, OrgLogo, org_id, org_id)


async def save_logo(db: AsyncSession, row: OrgLogo) -> None:
    """Keep ``row`` as its org's logo, in place of any earlier one."""
    await db.merge(row)


async def delete_logo(db: AsyncSession, org_id: uuid.UUID) -> None:
    await db.execute(scoped(delete(OrgLogo), OrgLogo, org_id))
