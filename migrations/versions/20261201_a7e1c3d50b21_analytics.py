"""analytics rollups: per-quiz and per-question aggregates

Four rollup tables (``app/analytics/models.py``), then the attempts closed before this
revision folded into them (the same sums each scoring adds from now on), read in
batches so a large database is not held in memory.

Revision ID: a7e1c3d50b21
Revises: 9694417b72ca
Create Date: 2026-12-01 00:00:00
"""

from collections import defaultdict
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa
from alembic import op

revision: str = "a7e1c3d50b21"
down_revision: str | None = "9694417b72ca"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_BATCH = 2_000


def upgrade() -> None:
    op.create_table(
        "analytics_score_days",
        sa.Column("quiz_id", sa.Uuid(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("first_attempt", sa.Boolean(), nullable=False),
        sa.Column("score", sa.Float(), nullable=False),
        sa.Column("org_id", sa.Uuid(), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("submitted", sa.Integer(), nullable=False),
        sa.Column("graded", sa.Integer(), nullable=False),
        sa.Column("passed", sa.Integer(), nullable=False),
        sa.Column("duration_ms", sa.Integer(), nullable=False),
        sa.Column("percentage", sa.Float(), nullable=False),
        sa.ForeignKeyConstraint(["org_id"], ["organizations.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["quiz_id"], ["quizzes.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("quiz_id", "day", "first_attempt", "score"),
    )
    with op.batch_alter_table("analytics_score_days", schema=None) as batch_op:
        batch_op.create_index("ix_analytics_score_days_org_day", ["org_id", "day"], unique=False)

    op.create_table(
        "analytics_question_days",
        sa.Column("question_id", sa.Uuid(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("first_attempt", sa.Boolean(), nullable=False),
        sa.Column("org_id", sa.Uuid(), nullable=False),
        sa.Column("quiz_id", sa.Uuid(), nullable=False),
        sa.Column("answered", sa.Integer(), nullable=False),
        sa.Column("points", sa.Float(), nullable=False),
        sa.Column("points_squared", sa.Float(), nullable=False),
        sa.ForeignKeyConstraint(["org_id"], ["organizations.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["question_id"], ["quiz_questions.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["quiz_id"], ["quizzes.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("question_id", "day", "first_attempt"),
    )
    with op.batch_alter_table("analytics_question_days", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_analytics_question_days_org_id"), ["org_id"], unique=False
        )
        batch_op.create_index(
            "ix_analytics_question_days_quiz_day", ["quiz_id", "day"], unique=False
        )

    op.create_table(
        "analytics_option_days",
        sa.Column("option_id", sa.Uuid(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("first_attempt", sa.Boolean(), nullable=False),
        sa.Column("org_id", sa.Uuid(), nullable=False),
        sa.Column("quiz_id", sa.Uuid(), nullable=False),
        sa.Column("picks", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["option_id"], ["quiz_options.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["org_id"], ["organizations.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["quiz_id"], ["quizzes.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("option_id", "day", "first_attempt"),
    )
    with op.batch_alter_table("analytics_option_days", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_analytics_option_days_org_id"), ["org_id"], unique=False
        )
        batch_op.create_index("ix_analytics_option_days_quiz_day", ["quiz_id", "day"], unique=False)

    op.create_table(
        "analytics_member_days",
        sa.Column("member_id", sa.Uuid(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("org_id", sa.Uuid(), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("first_attempts", sa.Integer(), nullable=False),
        sa.Column("percentage", sa.Float(), nullable=False),
        sa.ForeignKeyConstraint(["member_id"], ["members.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["org_id"], ["organizations.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("member_id", "day"),
    )
    with op.batch_alter_table("analytics_member_days", schema=None) as batch_op:
        batch_op.create_index("ix_analytics_member_days_org_day", ["org_id", "day"], unique=False)

    _backfill()


def downgrade() -> None:
    for table, indexes in (
        ("analytics_member_days", ["ix_analytics_member_days_org_day"]),
        (
            "analytics_option_days",
            ["ix_analytics_option_days_quiz_day", "ix_analytics_option_days_org_id"],
        ),
        (
            "analytics_question_days",
            ["ix_analytics_question_days_quiz_day", "ix_analytics_question_days_org_id"],
        ),
        ("analytics_score_days", ["ix_analytics_score_days_org_day"]),
    ):
        with op.batch_alter_table(table, schema=None) as batch_op:
            for index in indexes:
                batch_op.drop_index(index)
        op.drop_table(table)


# --- the backfill: the sums ``app.analytics.rollups`` adds per attempt, for every closed
# attempt so far (a migration keeps its own copy: the app's code moves on, it must not).

_attempts = sa.table(
    "attempts",
    sa.column("id", sa.Uuid()),
    sa.column("org_id", sa.Uuid()),
    sa.column("quiz_id", sa.Uuid()),
    sa.column("member_id", sa.Uuid()),
    sa.column("number", sa.Integer()),
    sa.column("status", sa.String()),
    sa.column("started_at", sa.DateTime(timezone=True)),
    sa.column("closed_at", sa.DateTime(timezone=True)),
    sa.column("score", sa.Float()),
    sa.column("percentage", sa.Float()),
    sa.column("passed", sa.Boolean()),
)
_answers = sa.table(
    "attempt_answers",
    sa.column("attempt_id", sa.Uuid()),
    sa.column("question_id", sa.Uuid()),
    sa.column("selected", sa.JSON()),
    sa.column("points", sa.Float()),
)
_options = sa.table("quiz_options", sa.column("id", sa.Uuid()))


def _utc(moment: datetime) -> datetime:
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def _backfill() -> None:
    bind = op.get_bind()
    known_options = {str(row.id) for row in bind.execute(sa.select(_options.c.id))}
    sums: dict[str, dict[tuple[Any, ...], dict[str, Any]]] = defaultdict(dict)

    def add(table: str, key: tuple[Any, ...], fixed: dict[str, Any], **counts: Any) -> None:
        row = sums[table].setdefault(key, {**fixed, **dict.fromkeys(counts, 0)})
        for name, value in counts.items():
            row[name] += value

    closed = (
        sa.select(_attempts)
        .where(_attempts.c.closed_at.is_not(None), _attempts.c.score.is_not(None))
        .order_by(_attempts.c.id)
    )
    last = None
    while True:
        page = closed if last is None else closed.where(_attempts.c.id > last)
        attempts = list(bind.execute(page.limit(_BATCH)))
        if not attempts:
            break
        last = attempts[-1].id
        answers: dict[Any, list[Any]] = defaultdict(list)
        ids = [attempt.id for attempt in attempts]
        for answer in bind.execute(sa.select(_answers).where(_answers.c.attempt_id.in_(ids))):
            answers[answer.attempt_id].append(answer)
        for attempt in attempts:
            closed_at = _utc(attempt.closed_at)
            day, first = closed_at.date(), attempt.number == 1
            took = max(0, int((closed_at - _utc(attempt.started_at)).total_seconds() * 1000))
            percentage = attempt.percentage or 0.0
            add(
                "analytics_score_days",
                (attempt.quiz_id, day, first, float(attempt.score)),
                {"org_id": attempt.org_id},
                attempts=1,
                submitted=int(str(attempt.status).endswith("SUBMITTED")),
                graded=int(attempt.passed is not None),
                passed=int(bool(attempt.passed)),
                duration_ms=took,
                percentage=percentage,
            )
            add(
                "analytics_member_days",
                (attempt.member_id, day),
                {"org_id": attempt.org_id},
                attempts=1,
                first_attempts=int(first),
                percentage=percentage,
            )
            for answer in answers[attempt.id]:
                points = answer.points or 0.0
                add(
                    "analytics_question_days",
                    (answer.question_id, day, first),
                    {"org_id": attempt.org_id, "quiz_id": attempt.quiz_id},
                    answered=1,
                    points=points,
                    points_squared=points * points,
                )
                for option_id in dict.fromkeys(answer.selected or []):
                    if option_id in known_options:
                        add(
                            "analytics_option_days",
                            (option_id, day, first),
                            {"org_id": attempt.org_id, "quiz_id": attempt.quiz_id},
                            picks=1,
                        )
    _insert_sums(sums)


_KEYS = {
    "analytics_score_days": ("quiz_id", "day", "first_attempt", "score"),
    "analytics_question_days": ("question_id", "day", "first_attempt"),
    "analytics_option_days": ("option_id", "day", "first_attempt"),
    "analytics_member_days": ("member_id", "day"),
}


def _insert_sums(sums: dict[str, dict[tuple[Any, ...], dict[str, Any]]]) -> None:
    import uuid

    for name, rows in sums.items():
        keys = _KEYS[name]
        values = []
        for key, row in rows.items():
            named = dict(zip(keys, key, strict=True))
            if name == "analytics_option_days":
                named["option_id"] = uuid.UUID(named["option_id"])
            values.append({**named, **row})
        columns = [sa.column(column, _type_of(column)) for column in values[0]] if values else []
        table = sa.table(name, *columns)
        for start in range(0, len(values), _BATCH):
            op.get_bind().execute(table.insert(), values[start : start + _BATCH])


def _type_of(column: str) -> Any:
    if column.endswith("_id"):
        return sa.Uuid()
    if column == "day":
        return sa.Date()
    if column == "first_attempt":
        return sa.Boolean()
    if column in {"score", "percentage", "points", "points_squared"}:
        return sa.Float()
    return sa.Integer()
