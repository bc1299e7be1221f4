"""Integrity tables: the org's rules, one record per attempt, and the events themselves.

- ``integrity_rules``: an org's thresholds; no row means the shipped defaults
  (``rules.DEFAULT_RULES``). A limit left NULL is not checked.
- ``integrity_attempts``: one row per attempt that reported or was seen doing anything,
  holding the running counts the rules are judged on (so flagging never rereads the
  events), the addresses and devices seen, the flag and its review.
- ``integrity_events``: what happened, one row per event, for the timeline: the
  client's time (``occurred_at``) and the server's (``recorded_at``), the client's IP as
  the server saw it, and a few validated details.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import JSON, Column, Index, UniqueConstraint
from sqlmodel import Field, SQLModel

from app.core.models import id_field, org_fk, timestamp_field

# The addresses and devices kept per attempt: enough to tell one from two or more.
MAX_SIGHTINGS = 10
# The events one attempt may report: a client stuck in a loop can't fill the table (any
# rule checked is long broken by then).
MAX_EVENTS = 1_000


class IntegrityEventType(StrEnum):
    PAGE_HIDDEN = "PAGE_HIDDEN"  # the tab or window was hidden (a switch away)
    PAGE_SHOWN = "PAGE_SHOWN"  # shown again
    FULLSCREEN_EXITED = "FULLSCREEN_EXITED"
    COPY = "COPY"
    PASTE = "PASTE"
    ANSWERS_BULK_CHANGED = "ANSWERS_BULK_CHANGED"  # many answers changed at once
    # Detected by the server, never reported by a client:
    NEW_IP_ADDRESS = "NEW_IP_ADDRESS"
    NEW_DEVICE = "NEW_DEVICE"


SERVER_DETECTED: frozenset[IntegrityEventType] = frozenset(
    {IntegrityEventType.NEW_IP_ADDRESS, IntegrityEventType.NEW_DEVICE}
)


class ReviewOutcome(StrEnum):
    CLEARED = "CLEARED"  # looked at: nothing wrong
    CONFIRMED = "CONFIRMED"  # looked at: the integrity concern stands


class IntegrityRules(SQLModel, table=True):
    __tablename__ = "integrity_rules"
    __table_args__ = (UniqueConstraint("org_id", name="uq_integrity_rules_org"),)

    id: uuid.UUID = id_field()
    org_id: uuid.UUID = Field(foreign_key="organizations.id", ondelete="CASCADE")
    max_page_switches: int | None = None
    max_hidden_seconds: int | None = None
    max_ip_addresses: int | None = None
    max_devices: int | None = None
    max_fullscreen_exits: int | None = None
    max_clipboard_events: int | None = None
    max_bulk_answer_changes: int | None = None
    updated_at: datetime = timestamp_field()
    updated_by_id: uuid.UUID | None = Field(
        default=None, foreign_key="members.id", ondelete="SET NULL"
    )


class AttemptIntegrity(SQLModel, table=True):
    __tablename__ = "integrity_attempts"
    __table_args__ = (
        UniqueConstraint("attempt_id", name="uq_integrity_attempts_attempt"),
        # Staff's list: the org's flagged attempts, newest flag first.
        Index("ix_integrity_attempts_org_flagged", "org_id", "flagged_at"),
    )

    id: uuid.UUID = id_field()
    org_id: uuid.UUID = org_fk()
    attempt_id: uuid.UUID = Field(foreign_key="attempts.id", ondelete="CASCADE")
    quiz_id: uuid.UUID = Field(foreign_key="quizzes.id", ondelete="CASCADE")
    member_id: uuid.UUID = Field(foreign_key="members.id", ondelete="CASCADE")
    page_switches: int = 0
    hidden_seconds: float = 0.0
    # While the page is hidden: when it was hidden (the client's time), to measure how long.
    hidden_since: datetime | None = timestamp_field(nullable=True)
    fullscreen_exits: int = 0
    clipboard_events: int = 0
    bulk_answer_changes: int = 0
    ip_addresses: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    devices: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    event_count: int = 0
    last_event_at: datetime | None = timestamp_field(nullable=True)
    flagged_at: datetime | None = timestamp_field(nullable=True)
    flag_reasons: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    review_outcome: ReviewOutcome | None = Field(default=None, max_length=16)
    review_note: str | None = Field(default=None, max_length=1000)
    reviewed_at: datetime | None = timestamp_field(nullable=True)
    reviewed_by_id: uuid.UUID | None = Field(
        default=None, foreign_key="members.id", ondelete="SET NULL"
    )


class IntegrityEvent(SQLModel, table=True):
    __tablename__ = "integrity_events"
    __table_args__ = (
        Index("ix_integrity_events_attempt_occurred", "attempt_id", "occurred_at"),
        Index("ix_integrity_events_org_recorded", "org_id", "recorded_at"),
    )

    id: uuid.UUID = id_field()
    org_id: uuid.UUID = org_fk()
    attempt_id: uuid.UUID = Field(foreign_key="attempts.id", ondelete="CASCADE")
    member_id: uuid.UUID = Field(foreign_key="members.id", ondelete="CASCADE")
    type: IntegrityEventType = Field(max_length=32)
    occurred_at: datetime = timestamp_field()
    recorded_at: datetime = timestamp_field()
    ip: str | None = Field(default=None, max_length=64)
    details: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
