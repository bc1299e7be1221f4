"""Queries for certificates, each within a tenant (``app.access.tenancy``); the public
verification page alone finds one by its code across orgs (the code is the credential).
"""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import ColumnElement
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession
from sqlmodel.sql.expression import SelectOfScalar

from app.access.tenancy import Tenant, across_orgs, get_scoped, scoped
from app.certificates.models import Certificate

_BY_CODE = (
    "the public verification page finds a certificate by its code alone: the code is "
    "unguessable and names one certificate of one org"
)


def _insert(db: AsyncSession) -> Any:
    return pg_insert if db.get_bind().dialect.name == "postgresql" else sqlite_insert


async def insert_once(db: AsyncSession, row: Certificate, unique: tuple[str, str]) -> bool:
    """Insert ``row`` unless a certificate with the same ``unique`` columns exists (for
    the same quiz or tournament and member); True when this call inserted it.

    ``ON CONFLICT DO NOTHING`` on the unique constraint: a concurrent issuer's row, even
    uncommitted, makes this one wait for it and then do nothing, on both databases, with
    no error that would spoil the surrounding transaction (the submit's)."""
    values = row.model_dump()
    # An insert names its org in its values (there is nothing to narrow).
    statement = (
        _insert(db)(Certificate)
        .values(**values)
        .on_conflict_do_nothing(index_elements=list(unique))
        .returning(col(Certificate.id))
    )
    inserted = (await db.execute(statement)).first()
    return inserted is not None


async def by_id(
    db: AsyncSession, certificate_id: uuid.UUID, tenant: Tenant, *, for_update: bool = False
) -> Certificate | None:
    return await get_scoped(db, Certificate, certificate_id, tenant, for_update=for_update)


async def of_quiz_member(
    db: AsyncSession, org_id: uuid.UUID, quiz_id: uuid.UUID, member_id: uuid.UUID
) -> Certificate | None:
    query = scoped(select(Certificate), Certificate, org_id).where(
        Certificate.quiz_id == quiz_id, Certificate.member_id == member_id
    )
    return (await db.exec(query.execution_options(populate_existing=True))).first()


async def of_tournament_member(
    db: AsyncSession, org_id: uuid.UUID, tournament_id: uuid.UUID, member_id: uuid.UUID
) -> Certificate | None:
    query = scoped(select(Certificate), Certificate, org_id).where(
        Certificate.tournament_id == tournament_id, Certificate.member_id == member_id
    )
    return (await db.exec(query.execution_options(populate_existing=True))).first()


async def by_code(db: AsyncSession, code: str) -> Certificate | None:
    found = await db.exec(
        across_orgs(select(Certificate).where(Certificate.code == code), _BY_CODE)
    )
    return found.first()


def listing(
    org_id: uuid.UUID,
    visible: ColumnElement[bool],
    *,
    quiz_id: uuid.UUID | None = None,
    member_id: uuid.UUID | None = None,
    tournament_id: uuid.UUID | None = None,
    revoked: bool | None = None,
) -> SelectOfScalar[Certificate]:
    """The org's certificates ``visible`` admits, newest first."""
    query = scoped(select(Certificate), Certificate, org_id).where(visible)
    if quiz_id is not None:
        query = query.where(Certificate.quiz_id == quiz_id)
    if member_id is not None:
        query = query.where(Certificate.member_id == member_id)
    if tournament_id is not None:
        query = query.where(Certificate.tournament_id == tournament_id)
    if revoked is not None:
        revoked_at = col(Certificate.revoked_at)
        query = query.where(revoked_at.is_not(None) if revoked else revoked_at.is_(None))
    return query.order_by(col(Certificate.issued_at).desc(), col(Certificate.id).desc())
