"""The notification tables: what staff are told, and who has read it.

- ``notifications``: one row per thing that needs staff attention, written by the
  producer (after the commit of the change it is about, never in the request) or by
  the sweep. Who sees it is the row's ``audience`` (the scope a reader must hold) and,
  for a notification addressed to one member (a quiz's owner, an importer),
  ``recipient_id``. ``dedupe_key`` is unique per org: a trigger heard twice (by two
  processes over Redis, or two sweeps) writes one row.
- ``notification_reads``: one row per (notification, member) once that member read
  it; unread is the absence of a row, so a new notification costs one insert.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from enum import StrEnum

from sqlalchemy import Index, UniqueConstraint
from sqlmodel import Field, SQLModel

from app.core.models import id_field, org_fk, timestamp_field

__all__ = ["Notification", "NotificationRead", "NotificationType"]

TITLE_MAX = 200
BODY_MAX = 500
LINK_MAX = 300
DEDUPE_MAX = 200


class NotificationType(StrEnum):
    ATTEMPT_FLAGGED = "ATTEMPT_FLAGGED"
    QUIZ_MILESTONE = "QUIZ_MILESTONE"
    QUIZ_CLOSED = "QUIZ_CLOSED"
    QUIZ_ARCHIVED = "QUIZ_ARCHIVED"
    API_KEY_EXPIRING = "API_KEY_EXPIRING"
    API_KEY_DISABLED = "API_KEY_DISABLED"
    WEBHOOK_DISABLED = "WEBHOOK_DISABLED"
    IMPORT_PROBLEMS = "IMPORT_PROBLEMS"


class Notification(SQLModel, table=True):
    __tablename__ = "notifications"
    __table_args__ = (
        UniqueConstraint("org_id", "dedupe_key", name="uq_notifications_org_dedupe"),
        # The listing's order (newest first, id to break ties) and pruning by age.
        Index("ix_notifications_org_created", "org_id", "created_at", "id"),
    )

    id: uuid.UUID = id_field()
    org_id: uuid.UUID = org_fk()
    type: str = Field(max_length=32)  # a NotificationType
    title: str = Field(max_length=TITLE_MAX)
    body: str = Field(default="", max_length=BODY_MAX)
    # The object it is about, as a global id's type and row id (an Attempt, a Quiz, …).
    subject_type: str | None = Field(default=None, max_length=32)
    subject_id: uuid.UUID | None = None
    # Where the dashboard shows the object, relative to the org's pages (/quizzes/…).
    link: str = Field(default="", max_length=LINK_MAX)
    # The scope a reader must hold (``Scope`` value), besides notifications:read.
    audience: str = Field(max_length=40)
    # Set when only this member may see it (the quiz's owner, the importer).
    recipient_id: uuid.UUID | None = Field(
        default=None, foreign_key="members.id", ondelete="CASCADE", index=True
    )
    dedupe_key: str = Field(max_length=DEDUPE_MAX)
    created_at: datetime = timestamp_field(index=True)


class NotificationRead(SQLModel, table=True):
    __tablename__ = "notification_reads"

    notification_id: uuid.UUID = Field(
        foreign_key="notifications.id", ondelete="CASCADE", primary_key=True
    )
    member_id: uuid.UUID = Field(
        foreign_key="members.id", ondelete="CASCADE", primary_key=True, index=True
    )
    org_id: uuid.UUID = org_fk()
    read_at: datetime = timestamp_field()
