"""The registry of persisted GraphQL documents, found by the SHA-256 of their text.

One global table, not a tenant table: a document is content-addressed (Apollo's
automatic persisted queries share one cache the same way), so a hash names the same
text for every org and nothing in a row is an org's data. ``trusted`` rows were
registered ahead of time (the dashboard's build manifest, ``quizgraph
persisted-queries register``); the others were registered automatically by a client
sending a document with its hash, and ``registered_by_org_id`` (NULL for anonymous
callers and platform staff) says whose cap they count against
(``QUIZGRAPH_PERSISTED_QUERIES_PER_ORG``): the oldest go first when it is full.
"""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import Index, Text
from sqlmodel import Field, SQLModel

from app.core.models import timestamp_field

__all__ = ["HASH_LENGTH", "PersistedQuery"]

HASH_LENGTH = 64  # hex digits of a SHA-256


class PersistedQuery(SQLModel, table=True):
    __tablename__ = "persisted_queries"
    __table_args__ = (
        # A registrant's automatic documents, oldest first: counting them and
        # evicting the oldest when the cap is reached.
        Index(
            "ix_persisted_queries_registrant",
            "registered_by_org_id",
            "trusted",
            "created_at",
        ),
    )

    sha256: str = Field(primary_key=True, max_length=HASH_LENGTH)
    document: str = Field(sa_type=Text)
    trusted: bool = Field(default=False)
    registered_by_org_id: uuid.UUID | None = Field(
        default=None, foreign_key="organizations.id", ondelete="CASCADE"
    )
    created_at: datetime = timestamp_field()
