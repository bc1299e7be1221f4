"""Queries for payments, each within a tenant (``app.access.tenancy``)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, func
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession
from sqlmodel.sql.expression import SelectOfScalar

from app.access.tenancy import Tenant, get_scoped, scoped
from app.payments.models import Payment

# The most (purpose, currency) totals one answer holds; a filter narrows to the rest.
MAX_TOTALS = 100


@dataclass(frozen=True, slots=True)
class PaymentFilter:
    """What a list or its totals are narrowed to; None means no narrowing."""

    member_id: uuid.UUID | None = None
    purpose: str | None = None
    tournament_id: uuid.UUID | None = None
    currency: str | None = None
    paid_since: datetime | None = None
    paid_until: datetime | None = None  # included, as the audit log's until

    def conditions(self) -> list[ColumnElement[bool]]:
        found: list[ColumnElement[bool]] = []
        for column, value in (
            (Payment.member_id, self.member_id),
            (Payment.purpose, self.purpose),
            (Payment.tournament_id, self.tournament_id),
            (Payment.currency, self.currency),
        ):
            if value is not None:
                found.append(col(column) == value)
        if self.paid_since is not None:
            found.append(col(Payment.paid_at) >= self.paid_since)
        if self.paid_until is not None:
            found.append(col(Payment.paid_at) <= self.paid_until)
        return found


@dataclass(frozen=True, slots=True)
class Total:
    purpose: str
    currency: str
    count: int
    amount: int


async def by_id(db: AsyncSession, payment_id: uuid.UUID, tenant: Tenant) -> Payment | None:
    return await get_scoped(db, Payment, payment_id, tenant)


async def by_external_id(db: AsyncSession, org_id: uuid.UUID, external_id: str) -> Payment | None:
    """The org's payment of that external id, as committed now (a concurrent request may
    just have written it)."""
    query = scoped(
        select(Payment).where(col(Payment.external_id) == external_id), Payment, org_id
    ).execution_options(populate_existing=True)
    return (await db.exec(query)).first()


async def insert_unless_known(db: AsyncSession, values: dict[str, Any]) -> uuid.UUID | None:
    """Insert the payment unless its org already has its external id; the new row's id,
    or None when it was known. The unique constraint decides (``ON CONFLICT DO
    NOTHING``), so of two concurrent inserts exactly one writes: on PostgreSQL the
    second waits for the first to commit and then inserts nothing (no error to recover
    from); on SQLite writers queue (``BEGIN IMMEDIATE``) and the second sees the first."""
    # An insert names its org in its values (there is nothing to narrow).
    inserted = await db.execute(
        _insert(db)(Payment)
        .values(**values)
        .on_conflict_do_nothing(index_elements=["org_id", "external_id"])
        .returning(col(Payment.id))
    )
    return inserted.scalar_one_or_none()


def _insert(db: AsyncSession) -> Any:
    return pg_insert if db.get_bind().dialect.name == "postgresql" else sqlite_insert


def listing(
    org_id: uuid.UUID, visible: ColumnElement[bool], narrowed: PaymentFilter
) -> SelectOfScalar[Payment]:
    """The org's payments the reader sees, the latest paid first."""
    query = scoped(select(Payment), Payment, org_id).where(visible, *narrowed.conditions())
    return query.order_by(
        col(Payment.paid_at).desc(), col(Payment.recorded_at).desc(), col(Payment.id)
    )


async def totals(
    db: AsyncSession, org_id: uuid.UUID, visible: ColumnElement[bool], narrowed: PaymentFilter
) -> list[Total]:
    """How many payments and how much per purpose and currency (amounts of different
    currencies are never added up), by purpose then currency, the first ``MAX_TOTALS``."""
    purpose, currency = col(Payment.purpose), col(Payment.currency)
    query = (
        scoped(
            select(purpose, currency, func.count(), func.sum(col(Payment.amount))),
            Payment,
            org_id,
        )
        .where(visible, *narrowed.conditions())
        .group_by(purpose, currency)
        .order_by(purpose, currency)
        .limit(MAX_TOTALS)
    )
    rows = (await db.exec(query)).all()
    # PostgreSQL sums a bigint as numeric (a Decimal here): an exact integer either way.
    return [Total(p, c, int(n), int(amount)) for p, c, n, amount in rows]
