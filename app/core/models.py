"""Column helpers shared by every table: UUID keys and timezone-aware timestamps."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import DateTime
from sqlmodel import Field

# SQLModel's Field() is typed as returning Any: it stands for the column's value type.
from app.core.clock import utcnow


def id_field() -> uuid.UUID:
    field: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    return field


def timestamp_field(*, index: bool = False, nullable: bool = False) -> datetime:
    field: datetime
    if nullable:
        field = Field(default=None, sa_type=DateTime(timezone=True), nullable=True, index=index)
    else:
        field = Field(default_factory=utcnow, sa_type=DateTime(timezone=True), index=index)
    return field


def org_fk() -> uuid.UUID:
    field: uuid.UUID = Field(foreign_key="organizations.id", index=True, ondelete="CASCADE")
    return field
