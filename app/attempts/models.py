"""Attempt tables: one row per attempt and one per answered question, each with org_id.

An attempt's question and option order is not stored: it is derived from the attempt's
id (see ``ordering.py``), which is stable and costs nothing. Score fields stay NULL
until the attempt is closed, by its owner's submit or by its deadline.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from enum import StrEnum

from sqlalchemy import JSON, Column, Index, Text, UniqueConstraint
from sqlmodel import Field, SQLModel

from app.core.models import id_field, org_fk, timestamp_field


class AttemptStatus(StrEnum):
    IN_PROGRESS = "IN_PROGRESS"
    SUBMITTED = "SUBMITTED"
    EXPIRED = "EXPIRED"


class Attempt(SQLModel, table=True):
    __tablename__ = "attempts"
    __table_args__ = (
        Index("ix_attempts_quiz_member", "quiz_id", "member_id"),
        Index("ix_attempts_org_status_deadline", "org_id", "status", "deadline"),
        Index("ix_attempts_member_started", "member_id", "started_at"),
    )

    id: uuid.UUID = id_field()
    org_id: uuid.UUID = org_fk()
    quiz_id: uuid.UUID = Field(foreign_key="quizzes.id", ondelete="CASCADE")
    member_id: uuid.UUID = Field(foreign_key="members.id", ondelete="CASCADE")
    number: int = Field(description="1 for the member's first attempt at the quiz, and so on.")
    quiz_version: int
    status: AttemptStatus = Field(default=AttemptStatus.IN_PROGRESS, max_length=16)
    started_at: datetime = timestamp_field()
    deadline: datetime | None = timestamp_field(nullable=True)
    closed_at: datetime | None = timestamp_field(nullable=True)
    score: float | None = None
    max_score: float = 0.0
    percentage: float | None = None
    passed: bool | None = None


class AttemptAnswer(SQLModel, table=True):
    __tablename__ = "attempt_answers"
    __table_args__ = (
        UniqueConstraint("attempt_id", "question_id", name="uq_attempt_answers_question"),
    )

    id: uuid.UUID = id_field()
    org_id: uuid.UUID = org_fk()
    attempt_id: uuid.UUID = Field(foreign_key="attempts.id", ondelete="CASCADE")
    question_id: uuid.UUID = Field(foreign_key="quiz_questions.id", ondelete="CASCADE")
    selected: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    text: str | None = Field(default=None, sa_type=Text)
    number: float | None = None
    points: float | None = None
    correct: bool | None = None
    answered_at: datetime = timestamp_field()
