"""leaderboard daily bests and window standings

The 7- and 30-day boards stop aggregating every result of the window per request:
``leaderboard_daily_bests`` keeps each member's best result per quiz per UTC day (kept
in the scoring transaction from now on, filled here from ``leaderboard_results``), and
``quiz_window_standings`` / ``org_window_standings`` hold the boards of the window
ending on the day recorded in ``leaderboard_window_builds`` (built on first read).

Revision ID: 9844d309c85f
Revises: 8c2cd9701ba1
Create Date: 2026-11-30 17:45:41.384299
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "9844d309c85f"
down_revision: str | None = "8c2cd9701ba1"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Each member's best result per quiz per UTC day (higher score, then less time, then
# the earlier submission), with the day's attempt count and latest result.
BACKFILL = """
INSERT INTO leaderboard_daily_bests (quiz_id, member_id, day, org_id, best_score,
    best_duration_ms, best_at, attempts, last_activity_at)
SELECT quiz_id, member_id, day, org_id, score, duration_ms, submitted_at, attempts, latest
FROM (
    SELECT quiz_id, member_id, {day} AS day, org_id, score, duration_ms, submitted_at,
        row_number() OVER (PARTITION BY quiz_id, member_id, {day}
            ORDER BY score DESC, duration_ms, submitted_at) AS position,
        count(*) OVER (PARTITION BY quiz_id, member_id, {day}) AS attempts,
        max(submitted_at) OVER (PARTITION BY quiz_id, member_id, {day}) AS latest
    FROM leaderboard_results
) AS ranked
WHERE position = 1
"""
DAY = {
    "postgresql": "(submitted_at AT TIME ZONE 'UTC')::date",
    "sqlite": "date(submitted_at)",  # stored as UTC text
}


def upgrade() -> None:
    op.create_table(
        "leaderboard_window_builds",
        sa.Column("org_id", sa.Uuid(), nullable=False),
        sa.Column("window_days", sa.Integer(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.ForeignKeyConstraint(["org_id"], ["organizations.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("org_id", "window_days"),
    )
    op.create_table(
        "org_window_standings",
        sa.Column("org_id", sa.Uuid(), nullable=False),
        sa.Column("window_days", sa.Integer(), nullable=False),
        sa.Column("member_id", sa.Uuid(), nullable=False),
        sa.Column("total_score", sa.Float(), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("last_activity_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["member_id"], ["members.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["org_id"], ["organizations.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("org_id", "window_days", "member_id"),
    )
    with op.batch_alter_table("org_window_standings", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_org_window_standings_member_id"), ["member_id"], unique=False
        )
        batch_op.create_index(
            "ix_org_window_standings_rank",
            ["org_id", "window_days", sa.literal_column("total_score DESC"), "member_id"],
            unique=False,
        )

    op.create_table(
        "leaderboard_daily_bests",
        sa.Column("quiz_id", sa.Uuid(), nullable=False),
        sa.Column("member_id", sa.Uuid(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("org_id", sa.Uuid(), nullable=False),
        sa.Column("best_score", sa.Float(), nullable=False),
        sa.Column("best_duration_ms", sa.Integer(), nullable=False),
        sa.Column("best_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("last_activity_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["member_id"], ["members.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["org_id"], ["organizations.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["quiz_id"], ["quizzes.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("quiz_id", "member_id", "day"),
    )
    with op.batch_alter_table("leaderboard_daily_bests", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_leaderboard_daily_bests_member_id"), ["member_id"], unique=False
        )
        batch_op.create_index("ix_leaderboard_daily_bests_org_day", ["org_id", "day"], unique=False)

    op.create_table(
        "quiz_window_standings",
        sa.Column("quiz_id", sa.Uuid(), nullable=False),
        sa.Column("window_days", sa.Integer(), nullable=False),
        sa.Column("member_id", sa.Uuid(), nullable=False),
        sa.Column("org_id", sa.Uuid(), nullable=False),
        sa.Column("best_score", sa.Float(), nullable=False),
        sa.Column("best_duration_ms", sa.Integer(), nullable=False),
        sa.Column("best_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("last_activity_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["member_id"], ["members.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["org_id"], ["organizations.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["quiz_id"], ["quizzes.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("quiz_id", "window_days", "member_id"),
    )
    with op.batch_alter_table("quiz_window_standings", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_quiz_window_standings_member_id"), ["member_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_quiz_window_standings_org_id"), ["org_id"], unique=False
        )
        batch_op.create_index(
            "ix_quiz_window_standings_rank",
            [
                "quiz_id",
                "window_days",
                sa.literal_column("best_score DESC"),
                "best_duration_ms",
                "best_at",
                "member_id",
            ],
            unique=False,
        )

    dialect = op.get_bind().dialect.name
    op.execute(BACKFILL.format(day=DAY.get(dialect, DAY["postgresql"])))


def downgrade() -> None:
    with op.batch_alter_table("quiz_window_standings", schema=None) as batch_op:
        batch_op.drop_index("ix_quiz_window_standings_rank")
        batch_op.drop_index(batch_op.f("ix_quiz_window_standings_org_id"))
        batch_op.drop_index(batch_op.f("ix_quiz_window_standings_member_id"))

    op.drop_table("quiz_window_standings")
    with op.batch_alter_table("leaderboard_daily_bests", schema=None) as batch_op:
        batch_op.drop_index("ix_leaderboard_daily_bests_org_day")
        batch_op.drop_index(batch_op.f("ix_leaderboard_daily_bests_member_id"))

    op.drop_table("leaderboard_daily_bests")
    with op.batch_alter_table("org_window_standings", schema=None) as batch_op:
        batch_op.drop_index("ix_org_window_standings_rank")
        batch_op.drop_index(batch_op.f("ix_org_window_standings_member_id"))

    op.drop_table("org_window_standings")
    op.drop_table("leaderboard_window_builds")
