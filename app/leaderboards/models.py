"""Standings tables, kept current in the same transaction as each scored attempt.

- ``quiz_standings``: each member's best attempt per quiz (all time). Ranking reads
  the top of an index and counts better rows, never scanning attempts.
- ``org_standings``: each member's sum of best scores over the org's quizzes.
- ``leaderboard_results``: one row per closed attempt (score, time taken, when): the
  raw history, read by no board.
- ``leaderboard_daily_bests``: each member's best result per quiz per UTC day (with the
  day's attempt count and latest result), upserted with each result: the source of the
  7- and 30-day windows, which can't be kept as running bests (a best falls out).
- ``quiz_window_standings`` / ``org_window_standings``: the 7- and 30-day boards ending
  on one UTC day (``leaderboard_window_builds.day``), rebuilt from the daily bests when
  the day changes and kept current like the all-time standings until then.
- ``quiz_score_counts`` / ``org_score_counts``: how many members stand at each score on
  each board, so a rank sums a few counts instead of counting every row above it. Kept
  with the standings they count; a standing deleted by a cascade (a member or quiz
  removed) is uncounted by a database trigger (see the migration that adds them).
"""

from __future__ import annotations

import uuid
from datetime import date, datetime

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


# The tables below are derived (upserted, or rebuilt with INSERT ... SELECT), so each is
# keyed by what identifies its rows rather than by a generated id.


class DailyBest(SQLModel, table=True):
    __tablename__ = "leaderboard_daily_bests"
    __table_args__ = (Index("ix_leaderboard_daily_bests_org_day", "org_id", "day"),)

    quiz_id: uuid.UUID = Field(foreign_key="quizzes.id", ondelete="CASCADE", primary_key=True)
    member_id: uuid.UUID = Field(
        foreign_key="members.id", ondelete="CASCADE", index=True, primary_key=True
    )
    day: date = Field(primary_key=True)  # the UTC day of the results
    # Indexed by ix_leaderboard_daily_bests_org_day (a rebuild reads an org's days).
    org_id: uuid.UUID = Field(foreign_key="organizations.id", ondelete="CASCADE")
    best_score: float
    best_duration_ms: int
    best_at: datetime = timestamp_field()
    attempts: int = 1
    last_activity_at: datetime = timestamp_field()


class QuizWindowStanding(SQLModel, table=True):
    """A member's best on a quiz within the window of ``window_days`` ending on the
    org's build day (``WindowBuild``)."""

    __tablename__ = "quiz_window_standings"

    quiz_id: uuid.UUID = Field(foreign_key="quizzes.id", ondelete="CASCADE", primary_key=True)
    window_days: int = Field(primary_key=True)
    member_id: uuid.UUID = Field(
        foreign_key="members.id", ondelete="CASCADE", index=True, primary_key=True
    )
    org_id: uuid.UUID = org_fk()
    best_score: float
    best_duration_ms: int
    best_at: datetime = timestamp_field()
    attempts: int = 1
    last_activity_at: datetime = timestamp_field()


class OrgWindowStanding(SQLModel, table=True):
    __tablename__ = "org_window_standings"

    org_id: uuid.UUID = Field(foreign_key="organizations.id", ondelete="CASCADE", primary_key=True)
    window_days: int = Field(primary_key=True)
    member_id: uuid.UUID = Field(
        foreign_key="members.id", ondelete="CASCADE", index=True, primary_key=True
    )
    total_score: float = 0.0
    attempts: int = 0
    last_activity_at: datetime = timestamp_field()


class WindowBuild(SQLModel, table=True):
    """The UTC day an org's window standings of ``window_days`` end on; a board read on
    a later day finds them stale and is computed from the daily bests until rebuilt."""

    __tablename__ = "leaderboard_window_builds"

    org_id: uuid.UUID = Field(foreign_key="organizations.id", ondelete="CASCADE", primary_key=True)
    window_days: int = Field(primary_key=True)
    day: date
    # Set while a process rebuilds them (in batches); a claim older than the longest
    # rebuild is taken over (its process died).
    rebuilding_since: datetime | None = timestamp_field(nullable=True)


class WindowPending(SQLModel, table=True):
    """A member with a result scored while the org's window standings of
    ``window_days`` were stale (not folded into them): their rebuild's last
    transaction recomputes the member."""

    __tablename__ = "leaderboard_window_pending"

    org_id: uuid.UUID = Field(foreign_key="organizations.id", ondelete="CASCADE", primary_key=True)
    window_days: int = Field(primary_key=True)
    member_id: uuid.UUID = Field(
        foreign_key="members.id", ondelete="CASCADE", index=True, primary_key=True
    )


class QuizScoreCount(SQLModel, table=True):
    """Members at ``score`` on a quiz board (``window_days`` 0: all time)."""

    __tablename__ = "quiz_score_counts"

    quiz_id: uuid.UUID = Field(foreign_key="quizzes.id", ondelete="CASCADE", primary_key=True)
    window_days: int = Field(primary_key=True)
    score: float = Field(primary_key=True)
    org_id: uuid.UUID = org_fk()
    members: int = 0


class OrgScoreCount(SQLModel, table=True):
    """Members at ``score`` on an org-wide board (``window_days`` 0: all time)."""

    __tablename__ = "org_score_counts"

    org_id: uuid.UUID = Field(foreign_key="organizations.id", ondelete="CASCADE", primary_key=True)
    window_days: int = Field(primary_key=True)
    score: float = Field(primary_key=True)
    members: int = 0


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
Index(
    "ix_quiz_window_standings_rank",
    QuizWindowStanding.quiz_id,  # type: ignore[arg-type]
    QuizWindowStanding.window_days,  # type: ignore[arg-type]
    QuizWindowStanding.best_score.desc(),  # type: ignore[attr-defined]
    QuizWindowStanding.best_duration_ms,  # type: ignore[arg-type]
    QuizWindowStanding.best_at,  # type: ignore[arg-type]
    QuizWindowStanding.member_id,  # type: ignore[arg-type]
)
Index(
    "ix_org_window_standings_rank",
    OrgWindowStanding.org_id,  # type: ignore[arg-type]
    OrgWindowStanding.window_days,  # type: ignore[arg-type]
    OrgWindowStanding.total_score.desc(),  # type: ignore[attr-defined]
    OrgWindowStanding.member_id,  # type: ignore[arg-type]
)
