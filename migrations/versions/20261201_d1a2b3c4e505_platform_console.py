"""platform console

``platform_admin_sessions``: platform admins' signed-in sessions (token hash only).
``platform_admin_totp``: each admin's sealed TOTP secret, when it was confirmed, and the
newest time step a code was accepted for (no code is accepted twice).
``platform_audit_events``: what platform staff and the command line did; ``org_id``
names the affected org without a foreign key, so a record outlives its org.

Revision ID: d1a2b3c4e505
Revises: d1a2b3c4e504
Create Date: 2026-12-01 02:45:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = "d1a2b3c4e505"
down_revision: str | None = "d1a2b3c4e504"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "platform_admin_sessions",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("admin_id", sa.Uuid(), nullable=False),
        sa.Column("token_hash", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("last_seen_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("ip", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=True),
        sa.Column("user_agent", sqlmodel.sql.sqltypes.AutoString(length=500), nullable=True),
        sa.ForeignKeyConstraint(["admin_id"], ["platform_admins.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("platform_admin_sessions", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_platform_admin_sessions_admin_id"), ["admin_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_platform_admin_sessions_token_hash"), ["token_hash"], unique=True
        )

    op.create_table(
        "platform_admin_totp",
        sa.Column("admin_id", sa.Uuid(), nullable=False),
        sa.Column("secret_sealed", sa.Text(), nullable=False),
        sa.Column("confirmed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("last_used_step", sa.BigInteger(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["admin_id"], ["platform_admins.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("admin_id"),
    )

    op.create_table(
        "platform_audit_events",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("action", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column("actor_kind", sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
        sa.Column("actor_id", sa.Uuid(), nullable=True),
        sa.Column("actor_label", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
        sa.Column("org_id", sa.Uuid(), nullable=True),
        sa.Column("org_slug", sqlmodel.sql.sqltypes.AutoString(length=63), nullable=True),
        sa.Column("target_type", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=True),
        sa.Column("target_id", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=True),
        sa.Column("details", sa.JSON(), nullable=False),
        sa.Column("ip", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=True),
        sa.Column("user_agent", sqlmodel.sql.sqltypes.AutoString(length=500), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("platform_audit_events", schema=None) as batch_op:
        batch_op.create_index(
            "ix_platform_audit_events_created", ["created_at", "id"], unique=False
        )
        batch_op.create_index(
            "ix_platform_audit_events_org_created", ["org_id", "created_at"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_platform_audit_events_action"), ["action"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("platform_audit_events", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_platform_audit_events_action"))
        batch_op.drop_index("ix_platform_audit_events_org_created")
        batch_op.drop_index("ix_platform_audit_events_created")
    op.drop_table("platform_audit_events")
    op.drop_table("platform_admin_totp")
    with op.batch_alter_table("platform_admin_sessions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_platform_admin_sessions_token_hash"))
        batch_op.drop_index(batch_op.f("ix_platform_admin_sessions_admin_id"))
    op.drop_table("platform_admin_sessions")
