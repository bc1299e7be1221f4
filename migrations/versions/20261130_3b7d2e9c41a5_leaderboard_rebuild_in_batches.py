"""leaderboard window rebuild in batches

The daily rebuild of the window standings no longer holds the org's scoring
transactions for its whole length: it recomputes its members in batches, each in a
short transaction of its own. ``leaderboard_window_builds.rebuilding_since`` claims a
rebuild (one process at a time), and ``leaderboard_window_pending`` lists the members
whose results were scored while their window standings were stale (during a rebuild,
or before it started), so the rebuild's last transaction recomputes them.

Revision ID: 3b7d2e9c41a5
Revises: f7ec43224f51
Create Date: 2026-11-30 20:10:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "3b7d2e9c41a5"
down_revision: str | None = "f7ec43224f51"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("leaderboard_window_builds", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("rebuilding_since", sa.DateTime(timezone=True), nullable=True)
        )
    op.create_table(
        "leaderboard_window_pending",
        sa.Column("org_id", sa.Uuid(), nullable=False),
        sa.Column("window_days", sa.Integer(), nullable=False),
        sa.Column("member_id", sa.Uuid(), nullable=False),
        sa.ForeignKeyConstraint(["member_id"], ["members.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["org_id"], ["organizations.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("org_id", "window_days", "member_id"),
    )
    with op.batch_alter_table("leaderboard_window_pending", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_leaderboard_window_pending_member_id"), ["member_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("leaderboard_window_pending", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_leaderboard_window_pending_member_id"))
    op.drop_table("leaderboard_window_pending")
    with op.batch_alter_table("leaderboard_window_builds", schema=None) as batch_op:
        batch_op.drop_column("rebuilding_since")
