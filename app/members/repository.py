"""Queries for members, each within a tenant (``app.access.tenancy``)."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from typing import cast

from sqlalchemy import func, insert
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession
from sqlmodel.sql.expression import SelectOfScalar

from app.access.scopes import Role
from app.access.tenancy import Tenant, across_orgs, get_scoped, in_tenant, scoped
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


_ROWS_NAME_THE_ORG = "an INSERT has no WHERE to scope: each row's org_id is checked instead"

# Usernames per IN list: well under both databases' bound-parameter limits.
_IN_CHUNK = 1000


async def taken_usernames(
    db: AsyncSession, org_id: uuid.UUID, usernames: Sequence[str]
) -> set[str]:
    taken: set[str] = set()
    for start in range(0, len(usernames), _IN_CHUNK):
        chunk = list(usernames[start : start + _IN_CHUNK])
        found = await db.exec(
            scoped(select(Member.username).where(col(Member.username).in_(chunk)), Member, org_id)
        )
        taken.update(found.all())
    return taken


async def insert_many(db: AsyncSession, org_id: uuid.UUID, rows: list[dict[str, object]]) -> None:
    """One multi-row INSERT (Core: thousands of ORM objects would cost the event loop far
    more); every row must carry ``org_id``."""
    if any(row["org_id"] != org_id for row in rows):
        raise ValueError("every row must belong to the org")
    await db.execute(across_orgs(insert(Member), _ROWS_NAME_THE_ORG), rows)
