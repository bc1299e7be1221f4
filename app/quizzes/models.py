"""Quiz tables: a quiz, its questions and their options, normalised, each row with org_id.

Accepted short answers are a JSON list on the question (they are only ever read with
it); options are rows because attempts refer to them by id. ``version`` counts content
changes; an attempt records the version it was taken on. ``question_count`` and
``max_points`` are kept with the quiz so lists need not load questions to show them.
"""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import JSON, Column, Index, Text
from sqlmodel import Field, SQLModel

from app.core.models import id_field, org_fk, timestamp_field
from app.quizzes.drafts import AnswerReveal, QuestionKind, QuizStatus

__all__ = ["Option", "Question", "Quiz", "QuizStatus"]


class Quiz(SQLModel, table=True):
    __tablename__ = "quizzes"

    id: uuid.UUID = id_field()
    org_id: uuid.UUID = org_fk()
    title: str = Field(max_length=200)
    description: str | None = Field(default=None, sa_type=Text)
    status: QuizStatus = Field(default=QuizStatus.DRAFT, max_length=16)
    version: int = 1
    time_limit_seconds: int | None = None
    attempts_allowed: int | None = None
    pass_mark_percent: float | None = None
    shuffle_questions: bool = False
    shuffle_options: bool = False
    reveal_answers: AnswerReveal = Field(default=AnswerReveal.AFTER_LAST_ATTEMPT, max_length=24)
    # Passing (the pass mark) earns the member one certificate (app/certificates).
    certificate_on_pass: bool = False
    opens_at: datetime | None = timestamp_field(nullable=True)
    closes_at: datetime | None = timestamp_field(nullable=True)
    question_count: int = 0
    max_points: float = 0.0
    created_by_id: uuid.UUID | None = Field(
        default=None, foreign_key="members.id", ondelete="SET NULL", index=True
    )
    created_at: datetime = timestamp_field()
    updated_at: datetime = timestamp_field()
    published_at: datetime | None = timestamp_field(nullable=True)
    archived_at: datetime | None = timestamp_field(nullable=True)


# The listing's order (newest first, id to break ties), for staff (every status) and for
# students (published only), so a page is an index range read with no sort.
Index(
    "ix_quizzes_org_created",
    Quiz.org_id,  # type: ignore[arg-type]
    Quiz.created_at.desc(),  # type: ignore[attr-defined]
    Quiz.id,  # type: ignore[arg-type]
)
Index(
    "ix_quizzes_org_status_created",
    Quiz.org_id,  # type: ignore[arg-type]
    Quiz.status,
    Quiz.created_at.desc(),  # type: ignore[attr-defined]
    Quiz.id,  # type: ignore[arg-type]
)


class Question(SQLModel, table=True):
    __tablename__ = "quiz_questions"
    __table_args__ = (Index("ix_quiz_questions_quiz_position", "quiz_id", "position"),)

    id: uuid.UUID = id_field()
    org_id: uuid.UUID = org_fk()
    quiz_id: uuid.UUID = Field(foreign_key="quizzes.id", ondelete="CASCADE")
    position: int
    kind: QuestionKind = Field(max_length=16)
    prompt: str = Field(sa_type=Text)
    points: float = 1.0
    explanation: str | None = Field(default=None, sa_type=Text)
    accepted_answers: list[str] = Field(
        default_factory=list, sa_column=Column(JSON, nullable=False)
    )
    numeric_value: float | None = None
    numeric_tolerance: float = 0.0


class Option(SQLModel, table=True):
    __tablename__ = "quiz_options"
    __table_args__ = (Index("ix_quiz_options_question_position", "question_id", "position"),)

    id: uuid.UUID = id_field()
    org_id: uuid.UUID = org_fk()
    quiz_id: uuid.UUID = Field(foreign_key="quizzes.id", ondelete="CASCADE", index=True)
    question_id: uuid.UUID = Field(foreign_key="quiz_questions.id", ondelete="CASCADE")
    position: int
    text: str = Field(sa_type=Text)
    correct: bool = False
