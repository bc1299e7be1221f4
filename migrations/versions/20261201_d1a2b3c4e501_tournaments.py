"""tournaments

``tournaments`` (times, entry rule, fee in minor units, cap, winners, status claimed by
the scheduler with a conditional UPDATE), ``tournament_rounds`` (its quizzes in order),
``tournament_entrants``, ``tournament_scores`` (each entrant's best per round while it
runs) and ``tournament_standings`` (the frozen final board). Every table has ``org_id``.

Revision ID: d1a2b3c4e501
Revises: c9a3e5f72d43
Create Date: 2026-12-01 02:45:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = "d1a2b3c4e501"
down_revision: str | None = "c9a3e5f72d43"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_ENUMS = ("tournamentstatus", "entryrule", "entrykind")


def _member_fk() -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(["member_id"], ["members.id"], ondelete="CASCADE")


def _org_fk() -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(["org_id"], ["organizations.id"], ondelete="CASCADE")


def _tournament_fk() -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(["tournament_id"], ["tournaments.id"], ondelete="CASCADE")


def upgrade() -> None:
    op.create_table(
        "tournaments",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("org_id", sa.Uuid(), nullable=False),
        sa.Column("name", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
        sa.Column(
            "status",
            sa.Enum("SCHEDULED", "RUNNING", "ENDED", name="tournamentstatus"),
            nullable=False,
        ),
        sa.Column("starts_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("ends_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("ended_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column(
            "entry_rule",
            sa.Enum("EVERY_MEMBER", "ROLES", "REGISTERED", name="entryrule"),
            nullable=False,
        ),
        sa.Column("entry_roles", sa.JSON(), nullable=False),
        sa.Column("entry_fee_amount", sa.Integer(), nullable=True),
        sa.Column("entry_fee_currency", sqlmodel.sql.sqltypes.AutoString(length=3), nullable=True),
        sa.Column("max_entrants", sa.Integer(), nullable=True),
        sa.Column("winners_count", sa.Integer(), nullable=False),
        sa.Column("certificates_for_winners", sa.Boolean(), nullable=False),
        sa.Column("created_by_id", sa.Uuid(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["created_by_id"], ["members.id"], ondelete="SET NULL"),
        _org_fk(),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("tournaments", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_tournaments_org_id"), ["org_id"], unique=False)
        batch_op.create_index(
            "ix_tournaments_org_starts", ["org_id", "starts_at", "id"], unique=False
        )
        batch_op.create_index("ix_tournaments_status_ends", ["status", "ends_at"], unique=False)
        batch_op.create_index("ix_tournaments_status_starts", ["status", "starts_at"], unique=False)

    op.create_table(
        "tournament_entrants",
        sa.Column("tournament_id", sa.Uuid(), nullable=False),
        sa.Column("member_id", sa.Uuid(), nullable=False),
        sa.Column("org_id", sa.Uuid(), nullable=False),
        sa.Column(
            "kind", sa.Enum("REGISTERED", "PAID", "AUTOMATIC", name="entrykind"), nullable=False
        ),
        sa.Column("entered_at", sa.DateTime(timezone=True), nullable=False),
        _member_fk(),
        _org_fk(),
        _tournament_fk(),
        sa.PrimaryKeyConstraint("tournament_id", "member_id"),
    )
    with op.batch_alter_table("tournament_entrants", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_tournament_entrants_member_id"), ["member_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_tournament_entrants_org_id"), ["org_id"], unique=False)

    op.create_table(
        "tournament_rounds",
        sa.Column("tournament_id", sa.Uuid(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("quiz_id", sa.Uuid(), nullable=False),
        sa.Column("org_id", sa.Uuid(), nullable=False),
        _org_fk(),
        sa.ForeignKeyConstraint(["quiz_id"], ["quizzes.id"], ondelete="CASCADE"),
        _tournament_fk(),
        sa.PrimaryKeyConstraint("tournament_id", "position"),
        sa.UniqueConstraint("tournament_id", "quiz_id", name="uq_tournament_rounds_quiz"),
    )
    with op.batch_alter_table("tournament_rounds", schema=None) as batch_op:
        batch_op.create_index("ix_tournament_rounds_org_quiz", ["org_id", "quiz_id"], unique=False)

    op.create_table(
        "tournament_scores",
        sa.Column("tournament_id", sa.Uuid(), nullable=False),
        sa.Column("member_id", sa.Uuid(), nullable=False),
        sa.Column("quiz_id", sa.Uuid(), nullable=False),
        sa.Column("org_id", sa.Uuid(), nullable=False),
        sa.Column("best_score", sa.Float(), nullable=False),
        sa.Column("best_duration_ms", sa.Integer(), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("best_at", sa.DateTime(timezone=True), nullable=False),
        _member_fk(),
        _org_fk(),
        sa.ForeignKeyConstraint(["quiz_id"], ["quizzes.id"], ondelete="CASCADE"),
        _tournament_fk(),
        sa.PrimaryKeyConstraint("tournament_id", "member_id", "quiz_id"),
    )
    with op.batch_alter_table("tournament_scores", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_tournament_scores_org_id"), ["org_id"], unique=False)

    op.create_table(
        "tournament_standings",
        sa.Column("tournament_id", sa.Uuid(), nullable=False),
        sa.Column("member_id", sa.Uuid(), nullable=False),
        sa.Column("org_id", sa.Uuid(), nullable=False),
        sa.Column("display_name", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
        sa.Column("rank", sa.Integer(), nullable=False),
        sa.Column("total_score", sa.Float(), nullable=False),
        sa.Column("total_duration_ms", sa.Integer(), nullable=True),
        sa.Column("rounds_played", sa.Integer(), nullable=False),
        sa.Column("winner", sa.Boolean(), nullable=False),
        _member_fk(),
        _org_fk(),
        _tournament_fk(),
        sa.PrimaryKeyConstraint("tournament_id", "member_id"),
    )
    with op.batch_alter_table("tournament_standings", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_tournament_standings_org_id"), ["org_id"], unique=False
        )
        batch_op.create_index(
            "ix_tournament_standings_rank", ["tournament_id", "rank", "member_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("tournament_standings", schema=None) as batch_op:
        batch_op.drop_index("ix_tournament_standings_rank")
        batch_op.drop_index(batch_op.f("ix_tournament_standings_org_id"))
    op.drop_table("tournament_standings")
    with op.batch_alter_table("tournament_scores", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_tournament_scores_org_id"))
    op.drop_table("tournament_scores")
    with op.batch_alter_table("tournament_rounds", schema=None) as batch_op:
        batch_op.drop_index("ix_tournament_rounds_org_quiz")
    op.drop_table("tournament_rounds")
    with op.batch_alter_table("tournament_entrants", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_tournament_entrants_org_id"))
        batch_op.drop_index(batch_op.f("ix_tournament_entrants_member_id"))
    op.drop_table("tournament_entrants")
    with op.batch_alter_table("tournaments", schema=None) as batch_op:
        batch_op.drop_index("ix_tournaments_status_starts")
        batch_op.drop_index("ix_tournaments_status_ends")
        batch_op.drop_index("ix_tournaments_org_starts")
        batch_op.drop_index(batch_op.f("ix_tournaments_org_id"))
    op.drop_table("tournaments")
    # PostgreSQL keeps named enum types after their tables are gone.
    for name in _ENUMS:
        sa.Enum(name=name).drop(op.get_bind(), checkfirst=True)
