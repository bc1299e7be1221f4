"""Analytics rollups, kept current in the transaction that scores each attempt.

Every closed attempt adds itself to one row of each table below (keyed by its UTC day
of closing and whether it was its member's first attempt at the quiz), so a figure over
any whole-day range, first attempts only or all, is a ``SUM`` over a few rows instead of
a read of every answer:

- ``analytics_score_days``: attempts per quiz, day, cohort and exact score, with their
  submitted/passed counts, time taken and percentage: counts, mean, variance, median,
  the score histogram and pass rate of a quiz, and the org's trend.
- ``analytics_question_days``: per question the answers, the sum and the sum of squares
  of its points: facility index and standard deviation.
- ``analytics_option_days``: how often each option was picked (distractor analysis).
- ``analytics_member_days``: per member and day their attempts and percentages: active
  members and each member's progress.

Item correlations and alpha need the whole response matrix; they are recomputed on
demand (``service.item_analysis``) and cached, not rolled up.
"""

from __future__ import annotations

import uuid
from datetime import date

from sqlalchemy import Index
from sqlmodel import Field, SQLModel


def _org() -> uuid.UUID:
    # Indexed by each table's (org_id, day) index rather than on its own.
    field: uuid.UUID = Field(foreign_key="organizations.id", ondelete="CASCADE")
    return field


class ScoreDay(SQLModel, table=True):
    __tablename__ = "analytics_score_days"
    __table_args__ = (Index("ix_analytics_score_days_org_day", "org_id", "day"),)

    quiz_id: uuid.UUID = Field(foreign_key="quizzes.id", ondelete="CASCADE", primary_key=True)
    day: date = Field(primary_key=True)
    first_attempt: bool = Field(primary_key=True)
    score: float = Field(primary_key=True)
    org_id: uuid.UUID = _org()
    attempts: int = 0
    submitted: int = 0  # closed by their member's submit (the rest expired)
    graded: int = 0  # with a pass mark (passed is not null)
    passed: int = 0
    duration_ms: int = 0  # summed
    percentage: float = 0.0  # summed


class QuestionDay(SQLModel, table=True):
    __tablename__ = "analytics_question_days"
    __table_args__ = (Index("ix_analytics_question_days_quiz_day", "quiz_id", "day"),)

    question_id: uuid.UUID = Field(
        foreign_key="quiz_questions.id", ondelete="CASCADE", primary_key=True
    )
    day: date = Field(primary_key=True)
    first_attempt: bool = Field(primary_key=True)
    org_id: uuid.UUID = Field(foreign_key="organizations.id", ondelete="CASCADE", index=True)
    quiz_id: uuid.UUID = Field(foreign_key="quizzes.id", ondelete="CASCADE")
    answered: int = 0
    points: float = 0.0  # summed
    points_squared: float = 0.0  # summed


class OptionDay(SQLModel, table=True):
    __tablename__ = "analytics_option_days"
    __table_args__ = (Index("ix_analytics_option_days_quiz_day", "quiz_id", "day"),)

    option_id: uuid.UUID = Field(
        foreign_key="quiz_options.id", ondelete="CASCADE", primary_key=True
    )
    day: date = Field(primary_key=True)
    first_attempt: bool = Field(primary_key=True)
    org_id: uuid.UUID = Field(foreign_key="organizations.id", ondelete="CASCADE", index=True)
    quiz_id: uuid.UUID = Field(foreign_key="quizzes.id", ondelete="CASCADE")
    picks: int = 0


class MemberDay(SQLModel, table=True):
    __tablename__ = "analytics_member_days"
    __table_args__ = (Index("ix_analytics_member_days_org_day", "org_id", "day"),)

    member_id: uuid.UUID = Field(foreign_key="members.id", ondelete="CASCADE", primary_key=True)
    day: date = Field(primary_key=True)
    org_id: uuid.UUID = _org()
    attempts: int = 0
    first_attempts: int = 0  # quizzes taken for the first time
    percentage: float = 0.0  # summed
