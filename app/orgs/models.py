"""The organization table: the tenant every other table points at through ``org_id``."""

from __future__ import annotations

import uuid
from datetime import datetime

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
    disabled: bool = False
    api_access_enabled: bool = True
    # The newest audit event's sequence number; bumping it serialises appends per org
    # and lets verification notice a deleted tail.
    audit_seq: int = 0
    created_at: datetime = timestamp_field()
