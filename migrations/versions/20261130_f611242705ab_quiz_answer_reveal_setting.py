"""quiz answer reveal setting

``reveal_answers_after_submit`` (on/off) becomes ``reveal_answers`` (when). Quizzes that
revealed answers after every submit now reveal them after the member's last attempt (or
once the quiz closes): answers shown while a retake is possible were answers handed out.

Revision ID: f611242705ab
Revises: f99530019bd6
Create Date: 2026-11-30 13:56:54.639427
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "f611242705ab"
down_revision: str | None = "f99530019bd6"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

answer_reveal = sa.Enum(
    "NEVER", "AFTER_LAST_ATTEMPT", "AFTER_CLOSE", "AFTER_SUBMIT", name="answerreveal"
)


def upgrade() -> None:
    answer_reveal.create(op.get_bind(), checkfirst=True)
    with op.batch_alter_table("quizzes", schema=None) as batch_op:
        batch_op.add_column(sa.Column("reveal_answers", answer_reveal, nullable=True))
    # Plain literals, not a CASE: PostgreSQL casts a literal to the enum, not a text CASE.
    op.execute(
        "UPDATE quizzes SET reveal_answers = 'AFTER_LAST_ATTEMPT' WHERE reveal_answers_after_submit"
    )
    op.execute("UPDATE quizzes SET reveal_answers = 'NEVER' WHERE NOT reveal_answers_after_submit")
    with op.batch_alter_table("quizzes", schema=None) as batch_op:
        batch_op.alter_column("reveal_answers", existing_type=answer_reveal, nullable=False)
        batch_op.drop_column("reveal_answers_after_submit")


def downgrade() -> None:
    with op.batch_alter_table("quizzes", schema=None) as batch_op:
        batch_op.add_column(sa.Column("reveal_answers_after_submit", sa.Boolean(), nullable=True))
    op.execute("UPDATE quizzes SET reveal_answers_after_submit = (reveal_answers <> 'NEVER')")
    with op.batch_alter_table("quizzes", schema=None) as batch_op:
        batch_op.alter_column(
            "reveal_answers_after_submit", existing_type=sa.Boolean(), nullable=False
        )
        batch_op.drop_column("reveal_answers")
    answer_reveal.drop(op.get_bind(), checkfirst=True)
