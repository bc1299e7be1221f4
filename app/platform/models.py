"""The platform console's tables: staff sessions, their second factor, the platform log.

- ``platform_admin_sessions``: a platform admin's signed-in session (cookie
  ``qg_platform_session``, sent to ``/platform`` paths only), stored as the SHA-256 of
  its 256-bit token like a member's session; shorter-lived than a member's.
- ``platform_admin_totp``: an admin's TOTP secret, sealed (Fernet under a key derived
  from the server's secret key): a database dump alone computes no code. ``confirmed_at``
  is NULL until the first code is accepted (enrolment); ``last_used_step`` is the
  newest 30-second step a code was accepted for, so a code is never accepted twice.
- ``platform_audit_events``: what platform staff and the command line did, whatever the
  org. ``org_id`` names the affected org (NULL for platform-wide actions) and is kept
  even when the org goes (no foreign key, ``org_slug`` names it); each staff action on
  an org is also in that org's own log.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import JSON, BigInteger, Column, Index, Text
from sqlmodel import Field, SQLModel

from app.core.models import id_field, timestamp_field


class PlatformAdminSession(SQLModel, table=True):
    __tablename__ = "platform_admin_sessions"

    id: uuid.UUID = id_field()
    admin_id: uuid.UUID = Field(foreign_key="platform_admins.id", index=True, ondelete="CASCADE")
    token_hash: str = Field(max_length=64, unique=True, index=True)
    created_at: datetime = timestamp_field()
    last_seen_at: datetime = timestamp_field()
    expires_at: datetime = timestamp_field()
    ip: str | None = Field(default=None, max_length=64)
    user_agent: str | None = Field(default=None, max_length=500)


class PlatformAdminTotp(SQLModel, table=True):
    __tablename__ = "platform_admin_totp"

    admin_id: uuid.UUID = Field(
        foreign_key="platform_admins.id", primary_key=True, ondelete="CASCADE"
    )
    secret_sealed: str = Field(sa_column=Column(Text, nullable=False))
    confirmed_at: datetime | None = timestamp_field(nullable=True)
    last_used_step: int = Field(default=0, sa_column=Column(BigInteger, nullable=False))
    created_at: datetime = timestamp_field()


class PlatformAuditEvent(SQLModel, table=True):
    __tablename__ = "platform_audit_events"
    __table_args__ = (
        Index("ix_platform_audit_events_created", "created_at", "id"),
        Index("ix_platform_audit_events_org_created", "org_id", "created_at"),
    )

    id: uuid.UUID = id_field()
    action: str = Field(max_length=64, index=True)
    actor_kind: str = Field(max_length=16)
    actor_id: uuid.UUID | None = Field(default=None)
    actor_label: str = Field(max_length=200)
    # The affected org; no foreign key, so the record outlives the org (``org_slug``).
    org_id: uuid.UUID | None = Field(default=None)
    org_slug: str | None = Field(default=None, max_length=63)
    target_type: str | None = Field(default=None, max_length=64)
    target_id: str | None = Field(default=None, max_length=64)
    details: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    ip: str | None = Field(default=None, max_length=64)
    user_agent: str | None = Field(default=None, max_length=500)
    created_at: datetime = timestamp_field()
