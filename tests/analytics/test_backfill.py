"""The analytics migration folds the attempts closed before it into the rollups."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncConnection

from tests.support.migrations import OLD_ORGANIZATIONS, migrated_from, old_org_values


def _table(
    name: str, *columns: str, uuids: tuple[str, ...] = (), json: tuple[str, ...] = ()
) -> Any:
    return sa.table(
        name,
        *(sa.column(column) for column in columns),
        *(sa.column(column, sa.Uuid) for column in uuids),
        *(sa.column(column, sa.JSON) for column in json),
    )


MEMBERS = _table(
    "members",
    "username",
    "display_name",
    "role",
    "password_hash",
    "disabled",
    "created_at",
    "updated_at",
    uuids=("id", "org_id"),
)
QUIZZES = _table(
    "quizzes",
    "title",
    "status",
    "version",
    "shuffle_questions",
    "shuffle_options",
    "reveal_answers",
    "question_count",
    "max_points",
    "created_at",
    "updated_at",
    uuids=("id", "org_id"),
)
QUESTIONS = _table(
    "quiz_questions",
    "position",
    "kind",
    "prompt",
    "points",
    "numeric_tolerance",
    uuids=("id", "org_id", "quiz_id"),
    json=("accepted_answers",),
)
OPTIONS = _table(
    "quiz_options", "position", "text", "correct", uuids=("id", "org_id", "quiz_id", "question_id")
)
ATTEMPTS = _table(
    "attempts",
    "number",
    "quiz_version",
    "status",
    "started_at",
    "closed_at",
    "score",
    "max_score",
    "percentage",
    "passed",
    uuids=("id", "org_id", "quiz_id", "member_id"),
)
ANSWERS = _table(
    "attempt_answers",
    "points",
    "correct",
    "answered_at",
    uuids=("id", "org_id", "attempt_id", "question_id"),
    json=("selected",),
)


async def test_closed_attempts_are_backfilled(database_url: str, tmp_path: Path) -> None:
    now = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)
    org, member, quiz, question = (uuid.uuid4() for _ in range(4))
    right, wrong = uuid.uuid4(), uuid.uuid4()
    closed, still_open = uuid.uuid4(), uuid.uuid4()

    async def seed(db: AsyncConnection) -> None:
        # given an org where a student closed one attempt (right answer, 90 s) and has
        # another open
        await db.execute(
            OLD_ORGANIZATIONS.insert().values(**old_org_values(org, "old", audit_seq=0, now=now))
        )
        await db.execute(
            MEMBERS.insert().values(
                id=member,
                org_id=org,
                username="amy",
                display_name="Amy",
                role="STUDENT",
                password_hash="x",
                disabled=False,
                created_at=now,
                updated_at=now,
            )
        )
        await db.execute(
            QUIZZES.insert().values(
                id=quiz,
                org_id=org,
                title="Old",
                status="PUBLISHED",
                version=1,
                shuffle_questions=False,
                shuffle_options=False,
                reveal_answers="NEVER",
                question_count=1,
                max_points=2.0,
                created_at=now,
                updated_at=now,
            )
        )
        await db.execute(
            QUESTIONS.insert().values(
                id=question,
                org_id=org,
                quiz_id=quiz,
                position=0,
                kind="SINGLE_CHOICE",
                prompt="?",
                points=2.0,
                numeric_tolerance=0.0,
                accepted_answers=[],
            )
        )
        for option_id, position, correct in ((right, 0, True), (wrong, 1, False)):
            await db.execute(
                OPTIONS.insert().values(
                    id=option_id,
                    org_id=org,
                    quiz_id=quiz,
                    question_id=question,
                    position=position,
                    text=str(position),
                    correct=correct,
                )
            )
        for attempt, number, status in ((closed, 1, "SUBMITTED"), (still_open, 2, "IN_PROGRESS")):
            done = status == "SUBMITTED"
            await db.execute(
                ATTEMPTS.insert().values(
                    id=attempt,
                    org_id=org,
                    quiz_id=quiz,
                    member_id=member,
                    number=number,
                    quiz_version=1,
                    status=status,
                    started_at=now - timedelta(seconds=90),
                    closed_at=now if done else None,
                    score=2.0 if done else None,
                    max_score=2.0,
                    percentage=100.0 if done else None,
                    passed=None,
                )
            )
            await db.execute(
                ANSWERS.insert().values(
                    id=uuid.uuid4(),
                    org_id=org,
                    attempt_id=attempt,
                    question_id=question,
                    selected=[str(right)],
                    points=2.0,
                    correct=True,
                    answered_at=now,
                )
            )

    # when the analytics migration runs
    async with (
        migrated_from(database_url, tmp_path, "9694417b72ca", "a7e1c3d50b21", seed) as engine,
        engine.connect() as db,
    ):
        scores = (await db.execute(sa.text("SELECT * FROM analytics_score_days"))).mappings().all()
        questions = (
            (await db.execute(sa.text("SELECT * FROM analytics_question_days"))).mappings().all()
        )
        picks = (await db.execute(sa.text("SELECT * FROM analytics_option_days"))).mappings().all()
        members = (
            (await db.execute(sa.text("SELECT * FROM analytics_member_days"))).mappings().all()
        )
    # then only the closed attempt is counted, on its day, as a first attempt
    assert [(s["attempts"], s["submitted"], s["score"], s["duration_ms"]) for s in scores] == [
        (1, 1, 2.0, 90_000)
    ]
    assert bool(scores[0]["first_attempt"]) is True and str(scores[0]["day"]) == "2026-11-20"
    assert [(q["answered"], q["points"], q["points_squared"]) for q in questions] == [(1, 2.0, 4.0)]
    assert [p["picks"] for p in picks] == [1]
    assert uuid.UUID(str(picks[0]["option_id"])) == right
    assert [(m["attempts"], m["first_attempts"], m["percentage"]) for m in members] == [
        (1, 1, 100.0)
    ]
