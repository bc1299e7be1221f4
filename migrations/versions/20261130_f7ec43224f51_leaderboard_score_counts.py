"""leaderboard score counts

A rank was 1 + a count of every row above it (tens of thousands of index entries on a
big board); it is now 1 + a sum over ``quiz_score_counts`` / ``org_score_counts`` (how
many members stand at each score of each board, a few rows) + index counts within the
member's own score. The app keeps the counts with the standings it writes; a standing
deleted by a cascade (a member or a quiz removed) is taken off its count by the
triggers made here, so the counts stay exact whoever deletes.

Revision ID: f7ec43224f51
Revises: 9844d309c85f
Create Date: 2026-11-30 18:13:18.705805
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "f7ec43224f51"
down_revision: str | None = "9844d309c85f"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# standings table -> (counts table, board column, its window, score column)
COUNTED = {
    "quiz_standings": ("quiz_score_counts", "quiz_id", "0", "best_score"),
    "quiz_window_standings": ("quiz_score_counts", "quiz_id", "OLD.window_days", "best_score"),
    "org_standings": ("org_score_counts", "org_id", "0", "total_score"),
    "org_window_standings": ("org_score_counts", "org_id", "OLD.window_days", "total_score"),
}
# SQLite: a row trigger (an in-place update of one count).
UNCOUNT = """UPDATE {counts} SET members = members - 1
    WHERE {board} = OLD.{board} AND window_days = {window} AND score = OLD.{score};"""
# PostgreSQL: a statement trigger over the deleted rows, one update per count touched
# (a row trigger would update the same few counts once per deleted row).
UNCOUNT_ALL = """UPDATE {counts} AS counts SET members = counts.members - removed.members
    FROM (SELECT {board}, {window} AS window_days, {score} AS score, count(*) AS members
          FROM gone GROUP BY {board}, {grouped}{score}) AS removed
    WHERE counts.{board} = removed.{board} AND counts.window_days = removed.window_days
      AND counts.score = removed.score;"""
BACKFILL = """INSERT INTO {counts} ({board}, window_days, score, {org}members)
SELECT {board}, {window}, {score}, {org}count(*) FROM {table}
GROUP BY {board}, {grouped}{org}{score}"""


def upgrade() -> None:
    op.create_table(
        "org_score_counts",
        sa.Column("org_id", sa.Uuid(), nullable=False),
        sa.Column("window_days", sa.Integer(), nullable=False),
        sa.Column("score", sa.Float(), nullable=False),
        sa.Column("members", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["org_id"], ["organizations.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("org_id", "window_days", "score"),
    )
    op.create_table(
        "quiz_score_counts",
        sa.Column("quiz_id", sa.Uuid(), nullable=False),
        sa.Column("window_days", sa.Integer(), nullable=False),
        sa.Column("score", sa.Float(), nullable=False),
        sa.Column("org_id", sa.Uuid(), nullable=False),
        sa.Column("members", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["org_id"], ["organizations.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["quiz_id"], ["quizzes.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("quiz_id", "window_days", "score"),
    )
    with op.batch_alter_table("quiz_score_counts", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_quiz_score_counts_org_id"), ["org_id"], unique=False)

    postgres = op.get_bind().dialect.name == "postgresql"
    for table, (counts, board, window, score) in COUNTED.items():
        column = window.replace("OLD.", "")
        grouped = "window_days, " if window.startswith("OLD.") else ""
        if postgres:
            uncount = UNCOUNT_ALL.format(
                counts=counts, board=board, window=column, grouped=grouped, score=score
            )
            op.execute(
                f"CREATE FUNCTION {table}_uncount() RETURNS trigger LANGUAGE plpgsql AS $$\n"
                f"BEGIN\n    {uncount}\n    RETURN NULL;\nEND $$"
            )
            op.execute(
                f"CREATE TRIGGER {table}_uncount AFTER DELETE ON {table} "
                "REFERENCING OLD TABLE AS gone "
                f"FOR EACH STATEMENT EXECUTE FUNCTION {table}_uncount()"
            )
        else:
            uncount = UNCOUNT.format(counts=counts, board=board, window=window, score=score)
            op.execute(
                f"CREATE TRIGGER {table}_uncount AFTER DELETE ON {table}\nBEGIN\n    {uncount}\nEND"
            )
        op.execute(
            BACKFILL.format(
                counts=counts,
                board=board,
                window=column,
                grouped=grouped,
                score=score,
                org="org_id, " if counts == "quiz_score_counts" else "",
                table=table,
            )
        )


def downgrade() -> None:
    postgres = op.get_bind().dialect.name == "postgresql"
    for table in COUNTED:
        if postgres:
            op.execute(f"DROP TRIGGER {table}_uncount ON {table}")
            op.execute(f"DROP FUNCTION {table}_uncount()")
        else:
            op.execute(f"DROP TRIGGER {table}_uncount")
    with op.batch_alter_table("quiz_score_counts", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_quiz_score_counts_org_id"))

    op.drop_table("quiz_score_counts")
    op.drop_table("org_score_counts")
