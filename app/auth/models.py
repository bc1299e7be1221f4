"""Server-side sessions and platform staff accounts.

A session row stores only the SHA-256 of its 256-bit token: the token is random
enough that a fast hash is safe, and a database leak yields no usable cookie.
"""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlmodel import Field, SQLModel

from app.core.models import id_field, org_fk, timestamp_field


class MemberSession(SQLModel, table=True):
    __tablename__ = "member_sessions"

    id: uuid.UUID = id_field()
    org_id: uuid.UUID = org_fk()
    # Kept (as NULL) when the member is removed, so the cookie answers USER_DISABLED.
    member_id: uuid.UUID | None = Field(
        default=None, foreign_key="members.id", index=True, ondelete="SET NULL"
    )
    token_hash: str = Field(max_length=64, unique=True, index=True)
    created_at: datetime = timestamp_field()
    last_seen_at: datetime = timestamp_field()
    expires_at: datetime = timestamp_field()
    ip: str | None = Field(default=None, max_length=64)
    user_agent: str | None = Field(default=None, max_length=500)


class PlatformAdmin(SQLModel, table=True):
    __tablename__ = "platform_admins"

    id: uuid.UUID = id_field()
    username: str = Field(max_length=64, unique=True, index=True)
    password_hash: str = Field(max_length=255)
    created_at: datetime = timestamp_field()
