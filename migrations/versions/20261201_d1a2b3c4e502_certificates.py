"""certificates

The certificates table (one row per certificate, ``org_id`` like every tenant table;
one per quiz and member, one per tournament and member, and a unique verification
code), and the quiz setting that issues them on a pass.

Revision ID: d1a2b3c4e502
Revises: d1a2b3c4e501
Create Date: 2026-12-01 02:45:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = "d1a2b3c4e502"
down_revision: str | None = "d1a2b3c4e501"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

certificate_kind = sa.Enum("QUIZ", "TOURNAMENT", name="certificatekind")


def upgrade() -> None:
    with op.batch_alter_table("quizzes", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column(
                "certificate_on_pass", sa.Boolean(), nullable=False, server_default=sa.false()
            )
        )
    # The default filled the existing rows; new rows get theirs from the model.
    with op.batch_alter_table("quizzes", schema=None) as batch_op:
        batch_op.alter_column("certificate_on_pass", server_default=None)
    op.create_table(
        "certificates",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("org_id", sa.Uuid(), nullable=False),
        sa.Column("code", sqlmodel.sql.sqltypes.AutoString(length=32), nullable=False),
        sa.Column("kind", certificate_kind, nullable=False),
        sa.Column("member_id", sa.Uuid(), nullable=True),
        sa.Column("holder_name", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
        sa.Column("title", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
        sa.Column("quiz_id", sa.Uuid(), nullable=True),
        sa.Column("attempt_id", sa.Uuid(), nullable=True),
        sa.Column("tournament_id", sa.Uuid(), nullable=True),
        sa.Column("score", sa.Float(), nullable=True),
        sa.Column("max_score", sa.Float(), nullable=True),
        sa.Column("percentage", sa.Float(), nullable=True),
        sa.Column("rank", sa.Integer(), nullable=True),
        sa.Column("issued_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("revoked_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("revoked_by_id", sa.Uuid(), nullable=True),
        sa.Column("revocation_reason", sqlmodel.sql.sqltypes.AutoString(length=500), nullable=True),
        sa.Column("revocation_reason_public", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(["org_id"], ["organizations.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["member_id"], ["members.id"], ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["quiz_id"], ["quizzes.id"], ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["attempt_id"], ["attempts.id"], ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["revoked_by_id"], ["members.id"], ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("code", name="uq_certificates_code"),
        sa.UniqueConstraint("quiz_id", "member_id", name="uq_certificates_quiz_member"),
        sa.UniqueConstraint("tournament_id", "member_id", name="uq_certificates_tournament_member"),
    )
    with op.batch_alter_table("certificates", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_certificates_org_id"), ["org_id"], unique=False)
        batch_op.create_index(
            "ix_certificates_org_issued", ["org_id", "issued_at", "id"], unique=False
        )
        batch_op.create_index(
            "ix_certificates_member_issued", ["member_id", "issued_at"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("certificates", schema=None) as batch_op:
        batch_op.drop_index("ix_certificates_member_issued")
        batch_op.drop_index("ix_certificates_org_issued")
        batch_op.drop_index(batch_op.f("ix_certificates_org_id"))
    op.drop_table("certificates")
    certificate_kind.drop(op.get_bind(), checkfirst=True)
    with op.batch_alter_table("quizzes", schema=None) as batch_op:
        batch_op.drop_column("certificate_on_pass")
