"""payments

Payments an org's own payment system reported: an integer amount of the currency's
minor unit, the ISO 4217 code, the payer (kept as NULL when the member is removed),
the purpose, the payment system's reference (unique per org: the idempotency key),
an optional tournament (a plain column: the tournaments table is its domain's) and
when it was paid and recorded. Carries ``org_id``.

Revision ID: d1a2b3c4e503
Revises: d1a2b3c4e502
Create Date: 2026-12-01 02:45:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = "d1a2b3c4e503"
down_revision: str | None = "d1a2b3c4e502"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "payments",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("org_id", sa.Uuid(), nullable=False),
        sa.Column("member_id", sa.Uuid(), nullable=True),
        sa.Column("amount", sa.BigInteger(), nullable=False),
        sa.Column("currency", sqlmodel.sql.sqltypes.AutoString(length=3), nullable=False),
        sa.Column("purpose", sqlmodel.sql.sqltypes.AutoString(length=100), nullable=False),
        sa.Column("external_id", sqlmodel.sql.sqltypes.AutoString(length=255), nullable=False),
        sa.Column("tournament_id", sa.Uuid(), nullable=True),
        sa.Column("paid_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["org_id"], ["organizations.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["member_id"], ["members.id"], ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("org_id", "external_id", name="uq_payments_org_external"),
    )
    op.create_index(op.f("ix_payments_org_id"), "payments", ["org_id"], unique=False)
    op.create_index(op.f("ix_payments_tournament_id"), "payments", ["tournament_id"], unique=False)
    op.create_index("ix_payments_org_paid", "payments", ["org_id", "paid_at"], unique=False)
    op.create_index(
        "ix_payments_org_member_paid", "payments", ["org_id", "member_id", "paid_at"], unique=False
    )


def downgrade() -> None:
    op.drop_index("ix_payments_org_member_paid", table_name="payments")
    op.drop_index("ix_payments_org_paid", table_name="payments")
    op.drop_index(op.f("ix_payments_tournament_id"), table_name="payments")
    op.drop_index(op.f("ix_payments_org_id"), table_name="payments")
    op.drop_table("payments")
