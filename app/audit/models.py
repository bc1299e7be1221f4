"""Audit events: one per change, chained per org by hash so tampering shows.

Each row stores the hash of the previous event of its org and its own hash over
its content plus that link; editing or deleting any row breaks the chain at that
row, which ``quizgraph audit verify`` reports.

A chain can't show that its newest links were cut off (what remains is still a valid
chain), so each org's head is also anchored outside the rows it protects: a checkpoint
(seq and head hash, signed with the server key) written in the same transaction as
every event, in its own table with no foreign key, so it outlives the org row too.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Column, Index, UniqueConstraint
from sqlmodel import Field, SQLModel

from app.core.models import id_field, org_fk, timestamp_field


class AuditEvent(SQLModel, table=True):
    __tablename__ = "audit_events"
    __table_args__ = (
        UniqueConstraint("org_id", "seq", name="uq_audit_events_org_seq"),
        Index("ix_audit_events_org_created", "org_id", "created_at"),
    )

    id: uuid.UUID = id_field()
    org_id: uuid.UUID = org_fk()
    seq: int
    action: str = Field(max_length=64, index=True)
    actor_kind: str = Field(max_length=16)
    actor_id: uuid.UUID | None = Field(default=None, index=True)
    actor_label: str = Field(max_length=200)
    target_type: str | None = Field(default=None, max_length=64)
    target_id: str | None = Field(default=None, max_length=64)
    details: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    ip: str | None = Field(default=None, max_length=64)
    user_agent: str | None = Field(default=None, max_length=500)
    created_at: datetime = timestamp_field()
    prev_hash: str = Field(max_length=64)
    hash: str = Field(max_length=64)


class AuditCheckpoint(SQLModel, table=True):
    """The newest event of an org's chain, signed with the server key (see ``chain``)."""

    __tablename__ = "audit_checkpoints"

    # No foreign key: the checkpoint must outlive a deleted org row to report it.
    org_id: uuid.UUID = Field(primary_key=True)
    # Unsigned, for the report only: names an org whose row is gone.
    org_slug: str = Field(max_length=63)
    seq: int
    head_hash: str = Field(max_length=64)
    signature: str = Field(max_length=64)
