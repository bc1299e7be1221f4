"""key usage

Each org key's use per UTC day (requests, errors, rate-limit refusals, the last use
and its address) and its errors by code, added to once a minute by every server
process (``app.api_keys.usage``). ``org_id`` leads each primary key (the tables are
distributed by it, docs/scaling.md); ``key_id`` has no foreign key (keys are never
deleted, and one to ``api_keys`` could not include ``org_id``).

Revision ID: d1a2b3c4e506
Revises: d1a2b3c4e505
Create Date: 2026-12-01 02:45:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = "d1a2b3c4e506"
down_revision: str | None = "d1a2b3c4e505"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "api_key_usage_days",
        sa.Column("org_id", sa.Uuid(), nullable=False),
        sa.Column("key_id", sa.Uuid(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("requests", sa.Integer(), nullable=False),
        sa.Column("errors", sa.Integer(), nullable=False),
        sa.Column("rate_limited", sa.Integer(), nullable=False),
        sa.Column("last_used_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("last_ip", sqlmodel.sql.sqltypes.AutoString(length=45), nullable=True),
        sa.ForeignKeyConstraint(["org_id"], ["organizations.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("org_id", "key_id", "day"),
    )
    with op.batch_alter_table("api_key_usage_days", schema=None) as batch_op:
        batch_op.create_index("ix_api_key_usage_days_day", ["day"], unique=False)
    op.create_table(
        "api_key_usage_errors",
        sa.Column("org_id", sa.Uuid(), nullable=False),
        sa.Column("key_id", sa.Uuid(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("code", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column("count", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["org_id"], ["organizations.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("org_id", "key_id", "day", "code"),
    )
    with op.batch_alter_table("api_key_usage_errors", schema=None) as batch_op:
        batch_op.create_index("ix_api_key_usage_errors_day", ["day"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("api_key_usage_errors", schema=None) as batch_op:
        batch_op.drop_index("ix_api_key_usage_errors_day")
    op.drop_table("api_key_usage_errors")
    with op.batch_alter_table("api_key_usage_days", schema=None) as batch_op:
        batch_op.drop_index("ix_api_key_usage_days_day")
    op.drop_table("api_key_usage_days")
