"""The member table; usernames are unique within an org, not across orgs."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import UniqueConstraint
from sqlmodel import Field, SQLModel

from app.access.scopes import Role
from app.core.models import id_field, org_fk, timestamp_field


class Member(SQLModel, table=True):
    __tablename__ = "members"
    __table_args__ = (UniqueConstraint("org_id", "username", name="uq_members_org_username"),)

    id: uuid.UUID = id_field()
    org_id: uuid.UUID = org_fk()
    username: str = Field(max_length=64)
    display_name: str = Field(max_length=200)
    role: Role = Field(max_length=16)
    password_hash: str = Field(max_length=255)
    disabled: bool = False
    created_at: datetime = timestamp_field()
    updated_at: datetime = timestamp_field()
