"""The organization table (the tenant every other table points at through ``org_id``) and
its uploaded logo."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import LargeBinary
from sqlmodel import Field, SQLModel

from app.core.models import id_field, timestamp_field


class Organization(SQLModel, table=True):
    __tablename__ = "organizations"

    id: uuid.UUID = id_field()
    slug: str = Field(max_length=63, unique=True, index=True)
    name: str = Field(max_length=200)
    # Portal codes are hashed like passwords: they gate the login page.
    portal_code_hash: str = Field(max_length=255)
    primary_color: str | None = Field(default=None, max_length=7)
    logo_url: str | None = Field(default=None, max_length=500)
    tagline: str | None = Field(default=None, max_length=200)
    # The SHA-256 of the uploaded logo (``OrgLogo``), None without one; it names the
    # image's version in its address, so a browser never shows a replaced logo.
    logo_digest: str | None = Field(default=None, max_length=64)
    # The owner's settings (app/orgs/org_settings.py); None means the platform's default.
    session_idle_timeout_seconds: int | None = None
    session_lifetime_seconds: int | None = None
    api_key_rate_limit_per_minute: int | None = None
    disabled: bool = False
    api_access_enabled: bool = True
    # The newest audit event's sequence number; bumping it serialises appends per org
    # and lets verification notice a deleted tail.
    audit_seq: int = 0
    created_at: datetime = timestamp_field()


class OrgLogo(SQLModel, table=True):
    """An org's uploaded logo, kept in the database so that every server process (and a
    restored backup) serves the same image with no shared disk."""

    __tablename__ = "org_logos"

    org_id: uuid.UUID = Field(primary_key=True, foreign_key="organizations.id", ondelete="CASCADE")
    content_type: str = Field(max_length=32)
    data: bytes = Field(sa_type=LargeBinary)
    digest: str = Field(max_length=64)
    updated_at: datetime = timestamp_field()
