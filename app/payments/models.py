"""The payments table: one row per payment an org's own payment system reported.

Money is an integer count of the currency's minor unit (cents for USD, yen for JPY,
fils for BHD), never a float; ``currency`` is the ISO 4217 code. ``external_id`` is the
payment system's own reference and the idempotency key: unique per org, so the same
payment reported twice, even at the same moment, is one row.

``member_id`` is the payer; a removed member's payments stay (the money was received),
their payer set to NULL. ``tournament_id`` names the tournament an entry fee was paid
for; it is a plain column (no foreign key) so the tournaments domain can own its table.
"""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import BigInteger, Column, Index, UniqueConstraint
from sqlmodel import Field, SQLModel

from app.core.models import id_field, org_fk, timestamp_field

MAX_EXTERNAL_ID = 255
MAX_PURPOSE = 100


class Payment(SQLModel, table=True):
    __tablename__ = "payments"
    __table_args__ = (
        # The idempotency key: a second report of the same payment finds the first.
        UniqueConstraint("org_id", "external_id", name="uq_payments_org_external"),
        # Staff's list and totals: the org's payments, newest first.
        Index("ix_payments_org_paid", "org_id", "paid_at"),
        # A member's own payments.
        Index("ix_payments_org_member_paid", "org_id", "member_id", "paid_at"),
    )

    id: uuid.UUID = id_field()
    org_id: uuid.UUID = org_fk()
    member_id: uuid.UUID | None = Field(default=None, foreign_key="members.id", ondelete="SET NULL")
    # In the currency's minor unit; 64 bits, though the API takes at most GraphQL's Int.
    amount: int = Field(sa_column=Column(BigInteger(), nullable=False))
    currency: str = Field(max_length=3)
    purpose: str = Field(max_length=MAX_PURPOSE)
    external_id: str = Field(max_length=MAX_EXTERNAL_ID)
    tournament_id: uuid.UUID | None = Field(default=None, index=True)
    paid_at: datetime = timestamp_field()
    recorded_at: datetime = timestamp_field()
