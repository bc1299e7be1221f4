"""Tournament tables, every one with ``org_id``.

- ``tournaments``: the competition: its times, its entry rule (who may enter, an
  optional fee in the currency's minor unit and an optional cap), how many winners,
  and its ``status`` (SCHEDULED → RUNNING → ENDED). The scheduler claims a due
  transition with a conditional UPDATE on ``status``, so one process makes it.
- ``tournament_rounds``: its published quizzes, in order (a quiz once per tournament).
- ``tournament_entrants``: who takes part, and how they came in (registered, paid, or
  entered automatically by the rule at their first round).
- ``tournament_scores``: each entrant's best result per round while it runs (upserted
  in the transaction that closes the attempt): the live board sums these.
- ``tournament_standings``: the final board, written once when it ends (frozen: later
  attempts, removed quizzes or changed scores can't move it), with the winners marked.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from enum import StrEnum

from sqlalchemy import JSON, Column, Index, UniqueConstraint
from sqlmodel import Field, SQLModel

from app.core.models import id_field, org_fk, timestamp_field

__all__ = [
    "EntryKind",
    "EntryRule",
    "Tournament",
    "TournamentEntrant",
    "TournamentRound",
    "TournamentScore",
    "TournamentStanding",
    "TournamentStatus",
]

NAME_MAX = 200
DISPLAY_NAME_MAX = 200


class TournamentStatus(StrEnum):
    SCHEDULED = "SCHEDULED"
    RUNNING = "RUNNING"
    ENDED = "ENDED"


class EntryRule(StrEnum):
    EVERY_MEMBER = "EVERY_MEMBER"  # every member, entered at their first round
    ROLES = "ROLES"  # members of the listed roles, entered at their first round
    REGISTERED = "REGISTERED"  # only those who registered (or paid the fee)


class EntryKind(StrEnum):
    REGISTERED = "REGISTERED"
    PAID = "PAID"
    AUTOMATIC = "AUTOMATIC"


class Tournament(SQLModel, table=True):
    __tablename__ = "tournaments"
    __table_args__ = (
        # The scheduler's two reads (every org's): the next to start, the next to end.
        Index("ix_tournaments_status_starts", "status", "starts_at"),
        Index("ix_tournaments_status_ends", "status", "ends_at"),
        # An org's list, soonest first.
        Index("ix_tournaments_org_starts", "org_id", "starts_at", "id"),
    )

    id: uuid.UUID = id_field()
    org_id: uuid.UUID = org_fk()
    name: str = Field(max_length=NAME_MAX)
    status: TournamentStatus = Field(default=TournamentStatus.SCHEDULED, max_length=16)
    starts_at: datetime = timestamp_field()
    ends_at: datetime = timestamp_field()
    started_at: datetime | None = timestamp_field(nullable=True)
    ended_at: datetime | None = timestamp_field(nullable=True)
    entry_rule: EntryRule = Field(default=EntryRule.EVERY_MEMBER, max_length=16)
    # The roles of EntryRule.ROLES (Role values); empty otherwise.
    entry_roles: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    # Integer minor units (cents) and an ISO 4217 code, both set or both null.
    entry_fee_amount: int | None = None
    entry_fee_currency: str | None = Field(default=None, max_length=3)
    max_entrants: int | None = None
    winners_count: int = 3
    certificates_for_winners: bool = False
    created_by_id: uuid.UUID | None = Field(
        default=None, foreign_key="members.id", ondelete="SET NULL"
    )
    created_at: datetime = timestamp_field()
    updated_at: datetime = timestamp_field()


class TournamentRound(SQLModel, table=True):
    __tablename__ = "tournament_rounds"
    __table_args__ = (
        UniqueConstraint("tournament_id", "quiz_id", name="uq_tournament_rounds_quiz"),
        # The attempt gate's lookup: is this quiz a round of a live tournament?
        Index("ix_tournament_rounds_org_quiz", "org_id", "quiz_id"),
    )

    tournament_id: uuid.UUID = Field(
        foreign_key="tournaments.id", ondelete="CASCADE", primary_key=True
    )
    position: int = Field(primary_key=True)  # 1, 2, … in play order
    quiz_id: uuid.UUID = Field(foreign_key="quizzes.id", ondelete="CASCADE")
    org_id: uuid.UUID = Field(foreign_key="organizations.id", ondelete="CASCADE")


class TournamentEntrant(SQLModel, table=True):
    __tablename__ = "tournament_entrants"

    tournament_id: uuid.UUID = Field(
        foreign_key="tournaments.id", ondelete="CASCADE", primary_key=True
    )
    member_id: uuid.UUID = Field(
        foreign_key="members.id", ondelete="CASCADE", primary_key=True, index=True
    )
    org_id: uuid.UUID = org_fk()
    kind: EntryKind = Field(max_length=16)
    entered_at: datetime = timestamp_field()


class TournamentScore(SQLModel, table=True):
    __tablename__ = "tournament_scores"

    tournament_id: uuid.UUID = Field(
        foreign_key="tournaments.id", ondelete="CASCADE", primary_key=True
    )
    member_id: uuid.UUID = Field(foreign_key="members.id", ondelete="CASCADE", primary_key=True)
    quiz_id: uuid.UUID = Field(foreign_key="quizzes.id", ondelete="CASCADE", primary_key=True)
    org_id: uuid.UUID = org_fk()
    best_score: float
    best_duration_ms: int
    attempts: int = 1
    best_at: datetime = timestamp_field()


class TournamentStanding(SQLModel, table=True):
    __tablename__ = "tournament_standings"
    __table_args__ = (Index("ix_tournament_standings_rank", "tournament_id", "rank", "member_id"),)

    tournament_id: uuid.UUID = Field(
        foreign_key="tournaments.id", ondelete="CASCADE", primary_key=True
    )
    member_id: uuid.UUID = Field(foreign_key="members.id", ondelete="CASCADE", primary_key=True)
    org_id: uuid.UUID = org_fk()
    # As it was when the tournament ended: the frozen board doesn't follow renames.
    display_name: str = Field(max_length=DISPLAY_NAME_MAX)
    rank: int
    total_score: float
    total_duration_ms: int | None = None  # null: no round played
    rounds_played: int = 0
    winner: bool = False
