"""The ``api_keys`` table: org keys (``org_id`` set) and platform keys (``org_id`` NULL).

Only a keyed hash of the secret is stored (``secret_hash``, unique and indexed: the
door's one lookup) plus its first 16 characters for display. Platform keys live in
the same table so the door needs one indexed query whatever the key is; their
``org_id`` is NULL and ``org_ids`` optionally restricts the orgs they reach.

``revoked_at`` may lie in the future: a rotated key keeps working until then.

Each org key's use is rolled up per UTC day (``api_key_usage_days``, with its error
codes in ``api_key_usage_errors``), written by ``app.api_keys.usage`` once a minute.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime

from sqlalchemy import JSON, Column, Index
from sqlmodel import Field, SQLModel

from app.core.models import id_field, timestamp_field

NAME_MAX = 100
IP_MAX = 45  # an IPv6 address in full, with an embedded IPv4 one
CODE_MAX = 64


class ApiKey(SQLModel, table=True):
    __tablename__ = "api_keys"

    id: uuid.UUID = id_field()
    # NULL for a platform key (staff), which reaches orgs through ``org_ids``.
    org_id: uuid.UUID | None = Field(
        default=None, foreign_key="organizations.id", index=True, ondelete="CASCADE"
    )
    name: str = Field(max_length=NAME_MAX)
    prefix: str = Field(max_length=16)
    secret_hash: str = Field(max_length=64, unique=True, index=True)
    scopes: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    rate_limit_per_minute: int
    # Kept (as NULL) when the creator is removed, so the key answers USER_DISABLED.
    created_by_id: uuid.UUID | None = Field(
        default=None, foreign_key="members.id", index=True, ondelete="SET NULL"
    )
    created_by_admin_id: uuid.UUID | None = Field(
        default=None, foreign_key="platform_admins.id", ondelete="SET NULL"
    )
    # A platform key's reachable orgs (ids as strings); NULL means every org.
    org_ids: list[str] | None = Field(default=None, sa_column=Column(JSON, nullable=True))
    created_at: datetime = timestamp_field()
    last_used_at: datetime | None = timestamp_field(nullable=True)
    expires_at: datetime | None = timestamp_field(nullable=True)
    enabled: bool = True
    revoked_at: datetime | None = timestamp_field(nullable=True)

    @property
    def is_platform(self) -> bool:
        return self.org_id is None


class ApiKeyUsageDay(SQLModel, table=True):
    """One org key's requests on one UTC day, added to by every process's flush
    (``app.api_keys.usage``). ``key_id`` has no foreign key: keys are never deleted
    (revocation keeps the row), the org's removal takes these rows with it, and a
    foreign key to ``api_keys`` could not include ``org_id`` (docs/scaling.md)."""

    __tablename__ = "api_key_usage_days"
    # Pruning past the retention reads by day across orgs.
    __table_args__ = (Index("ix_api_key_usage_days_day", "day"),)

    org_id: uuid.UUID = Field(foreign_key="organizations.id", ondelete="CASCADE", primary_key=True)
    key_id: uuid.UUID = Field(primary_key=True)
    day: date = Field(primary_key=True)
    requests: int = 0  # every request the key made, refused ones included
    errors: int = 0  # requests that ended with an error, rate-limit refusals aside
    rate_limited: int = 0  # requests refused for the key's rate limit
    last_used_at: datetime | None = timestamp_field(nullable=True)
    last_ip: str | None = Field(default=None, max_length=IP_MAX)


class ApiKeyUsageError(SQLModel, table=True):
    """How many of a key's requests on a day ended with each error code."""

    __tablename__ = "api_key_usage_errors"
    __table_args__ = (Index("ix_api_key_usage_errors_day", "day"),)

    org_id: uuid.UUID = Field(foreign_key="organizations.id", ondelete="CASCADE", primary_key=True)
    key_id: uuid.UUID = Field(primary_key=True)
    day: date = Field(primary_key=True)
    code: str = Field(primary_key=True, max_length=CODE_MAX)
    count: int = 0
