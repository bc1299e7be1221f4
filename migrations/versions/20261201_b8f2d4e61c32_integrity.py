"""integrity events, rules and reviews

An org's integrity thresholds (no row: the shipped defaults), one record per attempt
with the running counts the rules judge, its flag and review, and the events of the
attempts' timelines. Every table carries ``org_id``.

Revision ID: b8f2d4e61c32
Revises: a7e1c3d50b21
Create Date: 2026-12-01 00:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = "b8f2d4e61c32"
down_revision: str | None = "a7e1c3d50b21"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

EVENT_TYPES = (
    "PAGE_HIDDEN",
    "PAGE_SHOWN",
    "FULLSCREEN_EXITED",
    "COPY",
    "PASTE",
    "ANSWERS_BULK_CHANGED",
    "NEW_IP_ADDRESS",
    "NEW_DEVICE",
)


def upgrade() -> None:
    op.create_table(
        "integrity_rules",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("org_id", sa.Uuid(), nullable=False),
        sa.Column("max_page_switches", sa.Integer(), nullable=True),
        sa.Column("max_hidden_seconds", sa.Integer(), nullable=True),
        sa.Column("max_ip_addresses", sa.Integer(), nullable=True),
        sa.Column("max_devices", sa.Integer(), nullable=True),
        sa.Column("max_fullscreen_exits", sa.Integer(), nullable=True),
        sa.Column("max_clipboard_events", sa.Integer(), nullable=True),
        sa.Column("max_bulk_answer_changes", sa.Integer(), nullable=True),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_by_id", sa.Uuid(), nullable=True),
        sa.ForeignKeyConstraint(["org_id"], ["organizations.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["updated_by_id"], ["members.id"], ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("org_id", name="uq_integrity_rules_org"),
    )
    op.create_table(
        "integrity_attempts",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("org_id", sa.Uuid(), nullable=False),
        sa.Column("attempt_id", sa.Uuid(), nullable=False),
        sa.Column("quiz_id", sa.Uuid(), nullable=False),
        sa.Column("member_id", sa.Uuid(), nullable=False),
        sa.Column("page_switches", sa.Integer(), nullable=False),
        sa.Column("hidden_seconds", sa.Float(), nullable=False),
        sa.Column("hidden_since", sa.DateTime(timezone=True), nullable=True),
        sa.Column("fullscreen_exits", sa.Integer(), nullable=False),
        sa.Column("clipboard_events", sa.Integer(), nullable=False),
        sa.Column("bulk_answer_changes", sa.Integer(), nullable=False),
        sa.Column("ip_addresses", sa.JSON(), nullable=False),
        sa.Column("devices", sa.JSON(), nullable=False),
        sa.Column("event_count", sa.Integer(), nullable=False),
        sa.Column("last_event_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("flagged_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("flag_reasons", sa.JSON(), nullable=False),
        sa.Column(
            "review_outcome",
            sa.Enum("CLEARED", "CONFIRMED", name="reviewoutcome"),
            nullable=True,
        ),
        sa.Column("review_note", sqlmodel.sql.sqltypes.AutoString(length=1000), nullable=True),
        sa.Column("reviewed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("reviewed_by_id", sa.Uuid(), nullable=True),
        sa.ForeignKeyConstraint(["attempt_id"], ["attempts.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["member_id"], ["members.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["org_id"], ["organizations.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["quiz_id"], ["quizzes.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["reviewed_by_id"], ["members.id"], ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("attempt_id", name="uq_integrity_attempts_attempt"),
    )
    with op.batch_alter_table("integrity_attempts", schema=None) as batch_op:
        batch_op.create_index(
            "ix_integrity_attempts_org_flagged", ["org_id", "flagged_at"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_integrity_attempts_org_id"), ["org_id"], unique=False)

    op.create_table(
        "integrity_events",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("org_id", sa.Uuid(), nullable=False),
        sa.Column("attempt_id", sa.Uuid(), nullable=False),
        sa.Column("member_id", sa.Uuid(), nullable=False),
        sa.Column("type", sa.Enum(*EVENT_TYPES, name="integrityeventtype"), nullable=False),
        sa.Column("occurred_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("ip", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=True),
        sa.Column("details", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(["attempt_id"], ["attempts.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["member_id"], ["members.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["org_id"], ["organizations.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("integrity_events", schema=None) as batch_op:
        batch_op.create_index(
            "ix_integrity_events_attempt_occurred", ["attempt_id", "occurred_at"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_integrity_events_org_id"), ["org_id"], unique=False)
        batch_op.create_index(
            "ix_integrity_events_org_recorded", ["org_id", "recorded_at"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("integrity_events", schema=None) as batch_op:
        batch_op.drop_index("ix_integrity_events_org_recorded")
        batch_op.drop_index(batch_op.f("ix_integrity_events_org_id"))
        batch_op.drop_index("ix_integrity_events_attempt_occurred")

    op.drop_table("integrity_events")
    with op.batch_alter_table("integrity_attempts", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_integrity_attempts_org_id"))
        batch_op.drop_index("ix_integrity_attempts_org_flagged")

    op.drop_table("integrity_attempts")
    op.drop_table("integrity_rules")
    # PostgreSQL keeps named enum types after their tables are gone.
    for name in ("integrityeventtype", "reviewoutcome"):
        sa.Enum(name=name).drop(op.get_bind(), checkfirst=True)
