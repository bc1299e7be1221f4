"""org settings: session lengths, the default key rate limit, an uploaded logo

Nullable columns on ``organizations`` (None: the platform's default) and one table for
an org's uploaded logo, keyed by ``org_id``.

Revision ID: d1a2b3c4e508
Revises: d1a2b3c4e507
Create Date: 2026-12-01 03:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = "d1a2b3c4e508"
down_revision: str | None = "d1a2b3c4e507"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("organizations") as batch:
        batch.add_column(
            sa.Column("logo_digest", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=True)
        )
        batch.add_column(sa.Column("session_idle_timeout_seconds", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("session_lifetime_seconds", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("api_key_rate_limit_per_minute", sa.Integer(), nullable=True))
    op.create_table(
        "org_logos",
        sa.Column("org_id", sa.Uuid(), nullable=False),
        sa.Column("content_type", sqlmodel.sql.sqltypes.AutoString(length=32), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        sa.Column("digest", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["org_id"], ["organizations.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("org_id"),
    )


def downgrade() -> None:
    op.drop_table("org_logos")
    with op.batch_alter_table("organizations") as batch:
        batch.drop_column("api_key_rate_limit_per_minute")
        batch.drop_column("session_lifetime_seconds")
        batch.drop_column("session_idle_timeout_seconds")
        batch.drop_column("logo_digest")
