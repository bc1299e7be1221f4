"""Queries for members, each within a tenant (``app.access.tenancy``)."""

from __future__ import annotations

import uuid
from typing import cast

from sqlalchemy import func
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession
from sqlmodel.sql.expression import SelectOfScalar

from app.access.scopes import Role
from app.access.tenancy import Tenant, get_scoped, in_tenant, scoped
from app.core.db import peek
from app.members.models import Member


async def by_id(
    db: AsyncSession,
    member_id: uuid.UUID,
    tenant: Tenant,
    *,
    fresh: bool = False,
    read_only: bool = False,
) -> Member | None:
    # get_scoped answers from the session's identity map when the door already loaded
    # the member for this request, saving a query on every ``viewer { member }``;
    # ``fresh`` reads it as committed now instead. ``read_only`` may answer the row the
    # door offered itself (``peek``: shared, never to be changed), without opening the
    # session.
    if read_only and not fresh:
        row = peek(db, Member, member_id)
        if row is not None and in_tenant(row.org_id, tenant):
            return cast(Member, row)
    return await get_scoped(db, Member, member_id, tenant, fresh=fresh)


async def by_username(db: AsyncSession, org_id: uuid.UUID, username: str) -> Member | None:
    found = await db.exec(scoped(select(Member).where(Member.username == username), Member, org_id))
    return found.first()


def listing(
    org_id: uuid.UUID,
    *,
    role: Role | None = None,
    disabled: bool | None = None,
    search: str | None = None,
) -> SelectOfScalar[Member]:
    query = scoped(select(Member), Member, org_id)
    if role is not None:
        query = query.where(Member.role == role)
    if disabled is not None:
        query = query.where(Member.disabled == disabled)
    if search:
        # autoescape: '%' and '_' typed in the search box are characters to find, not
        # LIKE wildcards (usernames may contain '_').
        needle = search.lower()
        query = query.where(
            col(Member.username).contains(needle, autoescape=True)
            | func.lower(Member.display_name).contains(needle, autoescape=True)
        )
    return query.order_by(col(Member.username), col(Member.id))


async def count_active_owners(db: AsyncSession, org_id: uuid.UUID) -> int:
    found = await db.exec(
        scoped(
            select(func.count())
            .select_from(Member)
            .where(Member.role == Role.OWNER, col(Member.disabled).is_(False)),
            Member,
            org_id,
        )
    )
    return int(found.one())


async def by_ids(db: AsyncSession, ids: list[uuid.UUID], tenant: Tenant) -> list[Member]:
    found = await db.exec(scoped(select(Member).where(col(Member.id).in_(ids)), Member, tenant))
    return list(found.all())
