"""Column helpers shared by every table: UUID keys and timezone-aware timestamps."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import DateTime
from sqlmodel import Field

from app.core.clock import utcnow


def id_field() -> uuid.UUID:
    return Field(default_factory=uuid.uuid4, primary_key=True)


def timestamp_field(*, index: bool = False, nullable: bool = False) -> datetime:
    if nullable:
        return Field(default=None, sa_type=DateTime(timezone=True), nullable=True, index=index)
    return Field(default_factory=utcnow, sa_type=DateTime(timezone=True), index=index)


def org_fk() -> uuid.UUID:
    return Field(foreign_key="organizations.id", index=True, ondelete="CASCADE")
