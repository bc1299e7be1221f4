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
    __table_args__ = (UniqueConstraint("quiz_id", "member_id", name="uq_quiz_standings_member"),)

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
    __table_args__ = (UniqueConstraint("org_id", "member_id", name="uq_org_standings_member"),)

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


# Ranking indexes in board order (score descending, then ascending tie-breakers), so a
# page is a range read and "rows better than this one" are index range counts.
Index(
    "ix_quiz_standings_rank",
    QuizStanding.quiz_id,  # type: ignore[arg-type]
    QuizStanding.best_score.desc(),  # type: ignore[attr-defined]
    QuizStanding.best_duration_ms,  # type: ignore[arg-type]
    QuizStanding.best_at,  # type: ignore[arg-type]
    QuizStanding.member_id,  # type: ignore[arg-type]
)
Index(
    "ix_org_standings_rank",
    OrgStanding.org_id,  # type: ignore[arg-type]
    OrgStanding.total_score.desc(),  # type: ignore[attr-defined]
    OrgStanding.member_id,  # type: ignore[arg-type]
)
