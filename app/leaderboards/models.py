"""Standings tables, kept current in the same transaction as each scored attempt.

- ``quiz_standings``: each member's best attempt per quiz (all time). Ranking reads
  the top of an index and counts better rows, never scanning attempts.
- ``org_standings``: each member's sum of best scores over the org's quizzes.
- ``leaderboard_results``: one row per closed attempt (score, time taken, when), the
  source of the 7- and 30-day windows, which can't be kept as running bests.
"""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import Index, UniqueConstraint
from sqlmodel import Field, SQLModel

from app.core.models import id_field, org_fk, timestamp_field


class QuizStanding(SQLModel, table=True):
    __tablename__ = "quiz_standings"
    __table_args__ = (
        UniqueConstraint("quiz_id", "member_id", name="uq_quiz_standings_member"),
        Index("ix_quiz_standings_rank", "quiz_id", "best_score", "best_duration_ms", "best_at"),
    )

    id: uuid.UUID = id_field()
    org_id: uuid.UUID = org_fk()
    quiz_id: uuid.UUID = Field(foreign_key="quizzes.id", ondelete="CASCADE")
    member_id: uuid.UUID = Field(foreign_key="members.id", ondelete="CASCADE", index=True)
    best_score: float
    best_duration_ms: int
    best_at: datetime = timestamp_field()
    attempts: int = 1
    last_activity_at: datetime = timestamp_field()


class OrgStanding(SQLModel, table=True):
    __tablename__ = "org_standings"
    __table_args__ = (
        UniqueConstraint("org_id", "member_id", name="uq_org_standings_member"),
        Index("ix_org_standings_rank", "org_id", "total_score"),
    )

    id: uuid.UUID = id_field()
    org_id: uuid.UUID = org_fk()
    member_id: uuid.UUID = Field(foreign_key="members.id", ondelete="CASCADE", index=True)
    total_score: float = 0.0
    quizzes: int = 0
    attempts: int = 0
    last_activity_at: datetime = timestamp_field()


class LeaderboardResult(SQLModel, table=True):
    __tablename__ = "leaderboard_results"
    __table_args__ = (
        Index("ix_leaderboard_results_quiz_at", "quiz_id", "submitted_at"),
        Index("ix_leaderboard_results_org_at", "org_id", "submitted_at"),
    )

    id: uuid.UUID = id_field()
    org_id: uuid.UUID = org_fk()
    quiz_id: uuid.UUID = Field(foreign_key="quizzes.id", ondelete="CASCADE")
    member_id: uuid.UUID = Field(foreign_key="members.id", ondelete="CASCADE")
    attempt_id: uuid.UUID = Field(foreign_key="attempts.id", ondelete="CASCADE", unique=True)
    score: float
    duration_ms: int
    submitted_at: datetime = timestamp_field()
