"""accounts: password policies, reset links, temporary passwords

``password_policies``: an org's password rules (minimum length, the common-password
check); no row means the defaults. ``password_reset_links``: one-time links an owner
or admin made for a member, stored as the SHA-256 of their token. ``members`` gains
``must_change_password`` (a temporary password: its sessions can only change it) and
``password_changed_at``.

Revision ID: d1a2b3c4e504
Revises: d1a2b3c4e503
Create Date: 2026-12-01 02:45:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = "d1a2b3c4e504"
down_revision: str | None = "d1a2b3c4e503"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "password_policies",
        sa.Column("org_id", sa.Uuid(), nullable=False),
        sa.Column("min_length", sa.Integer(), nullable=False),
        sa.Column("reject_common", sa.Boolean(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["org_id"], ["organizations.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("org_id"),
    )
    op.create_table(
        "password_reset_links",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("org_id", sa.Uuid(), nullable=False),
        sa.Column("member_id", sa.Uuid(), nullable=False),
        sa.Column("token_hash", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("used_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(["member_id"], ["members.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["org_id"], ["organizations.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("password_reset_links", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_password_reset_links_member_id"), ["member_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_password_reset_links_org_id"), ["org_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_password_reset_links_token_hash"), ["token_hash"], unique=True
        )
    with op.batch_alter_table("members", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column(
                "must_change_password", sa.Boolean(), nullable=False, server_default=sa.false()
            )
        )
        batch_op.add_column(
            sa.Column("password_changed_at", sa.DateTime(timezone=True), nullable=True)
        )


def downgrade() -> None:
    with op.batch_alter_table("members", schema=None) as batch_op:
        batch_op.drop_column("password_changed_at")
        batch_op.drop_column("must_change_password")
    with op.batch_alter_table("password_reset_links", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_password_reset_links_token_hash"))
        batch_op.drop_index(batch_op.f("ix_password_reset_links_org_id"))
        batch_op.drop_index(batch_op.f("ix_password_reset_links_member_id"))
    op.drop_table("password_reset_links")
    op.drop_table("password_policies")
