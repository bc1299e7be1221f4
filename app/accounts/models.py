"""The accounts tables: an org's password policy and the one-time password reset links.

- ``password_policies``: one row per org that changed its policy; no row means the
  platform's defaults (``app.accounts.policy.DEFAULT``).
- ``password_reset_links``: a link an owner or admin made for a member. Only the
  SHA-256 of its token is stored (256 random bits: a fast hash is safe, and a database
  leak opens no account); it works once, until ``expires_at``. Found by that hash alone
  (its holder has no org yet), like ``member_sessions``: a named gap of the plan to
  distribute by org_id (docs/scaling.md).
"""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlmodel import Field, SQLModel

from app.core.models import id_field, org_fk, timestamp_field


class PasswordPolicy(SQLModel, table=True):
    __tablename__ = "password_policies"

    # One row per org, keyed by it (so the table distributes by org_id: docs/scaling.md).
    org_id: uuid.UUID = Field(primary_key=True, foreign_key="organizations.id", ondelete="CASCADE")
    min_length: int
    reject_common: bool = True
    updated_at: datetime = timestamp_field()


class PasswordResetLink(SQLModel, table=True):
    __tablename__ = "password_reset_links"

    id: uuid.UUID = id_field()
    org_id: uuid.UUID = org_fk()
    member_id: uuid.UUID = Field(foreign_key="members.id", index=True, ondelete="CASCADE")
    token_hash: str = Field(max_length=64, unique=True, index=True)
    created_at: datetime = timestamp_field()
    expires_at: datetime = timestamp_field()
    # Set when the link is used, or when a later reset or password change voids it.
    used_at: datetime | None = timestamp_field(nullable=True)
