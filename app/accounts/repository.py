"""Queries for password policies and reset links, each within a tenant
(``app.access.tenancy``), except the link lookup by token (its holder has no org yet)."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from app.access.tenancy import across_orgs, scoped
from app.accounts.models import PasswordPolicy, PasswordResetLink
from app.core.clock import utcnow

_BY_TOKEN = "a reset link is found by its token, which names the org; its holder has no actor"


async def policy_row(db: AsyncSession, org_id: uuid.UUID) -> PasswordPolicy | None:
    found = await db.exec(scoped(select(PasswordPolicy), PasswordPolicy, org_id))
    return found.first()


async def locked_policy(
    db: AsyncSession, org_id: uuid.UUID, *, min_length: int, reject_common: bool
) -> PasswordPolicy:
    """The org's policy row, made from the given defaults if it has none yet, locked
    until commit (two first changes at once don't collide on the org's unique row)."""
    await db.execute(
        _insert(db)(PasswordPolicy)
        .values(
            org_id=org_id,
            min_length=min_length,
            reject_common=reject_common,
            updated_at=utcnow(),
        )
        .on_conflict_do_nothing(index_elements=["org_id"])
    )
    query = scoped(select(PasswordPolicy), PasswordPolicy, org_id).with_for_update()
    found = await db.exec(query.execution_options(populate_existing=True))
    return found.one()


def _insert(db: AsyncSession) -> Any:
    return pg_insert if db.get_bind().dialect.name == "postgresql" else sqlite_insert


async def link_by_token_hash(db: AsyncSession, token_hash: str) -> PasswordResetLink | None:
    found = await db.exec(
        across_orgs(
            select(PasswordResetLink).where(PasswordResetLink.token_hash == token_hash),
            _BY_TOKEN,
        )
    )
    return found.first()


async def claim_link(db: AsyncSession, link: PasswordResetLink, now: datetime) -> bool:
    """Mark the link used, if nobody did first (one UPDATE: two uses at once can't both
    win). False when it was used or voided meanwhile."""
    result: Any = await db.execute(
        scoped(
            update(PasswordResetLink)
            .where(col(PasswordResetLink.id) == link.id, col(PasswordResetLink.used_at).is_(None))
            .values(used_at=now)
            .execution_options(synchronize_session=False),
            PasswordResetLink,
            link.org_id,
        )
    )
    return bool(result.rowcount == 1)


async def void_open_links(
    db: AsyncSession, org_id: uuid.UUID, member_id: uuid.UUID, now: datetime
) -> None:
    """Every unused link of the member stops working (a newer reset or a new password)."""
    await db.execute(
        scoped(
            update(PasswordResetLink)
            .where(
                col(PasswordResetLink.member_id) == member_id,
                col(PasswordResetLink.used_at).is_(None),
            )
            .values(used_at=now)
            .execution_options(synchronize_session=False),
            PasswordResetLink,
            org_id,
        )
    )
