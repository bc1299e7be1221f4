"""The ``Notification`` GraphQL type and its enum.

``read``/``readAt`` are the asking reader's own (a key's: its creator's); they come
from a loader, one query per page.
"""

from __future__ import annotations

import uuid
from datetime import datetime

import strawberry
from strawberry import relay
from strawberry.types import Info

from app.core.clock import as_utc
from app.graphql.live import per_subscriber
from app.notifications.loaders import read_at_of
from app.notifications.models import Notification as NotificationRow
from app.notifications.models import NotificationType as NotificationTypeValue

NotificationType = strawberry.enum(
    NotificationTypeValue,
    name="NotificationType",
    description="What a notification is about.",
)


@strawberry.type(
    description="Something that needs staff attention: a flagged attempt, a quiz's "
    "milestone, a key about to expire, an endpoint switched off, an import with problems. "
    "Read state is each member's own."
)
class Notification(relay.Node):
    id: relay.NodeID[str]
    org_id: strawberry.Private[uuid.UUID]
    type: NotificationType = strawberry.field(  # type: ignore[valid-type]
        description="What it is about."
    )
    title: str = strawberry.field(description="One line, ready to show.")
    body: str = strawberry.field(description="More detail (reasons, problems); may be empty.")
    subject_id: relay.GlobalID | None = strawberry.field(
        description="The object it is about (an Attempt, Quiz, ApiKey or Webhook); null "
        "when there is none."
    )
    link: str = strawberry.field(
        description="Where the dashboard shows the object, relative to /org/<slug> "
        "(such as /dashboard/quizzes/<id>)."
    )
    created_at: datetime = strawberry.field(description="When it was made.")

    @classmethod
    def from_row(cls, row: NotificationRow) -> Notification:
        return cls(
            id=str(row.id),
            org_id=row.org_id,
            type=NotificationTypeValue(row.type),
            title=row.title,
            body=row.body,
            subject_id=(
                relay.GlobalID(row.subject_type, str(row.subject_id))
                if row.subject_type and row.subject_id
                else None
            ),
            link=row.link,
            created_at=as_utc(row.created_at),
        )

    @strawberry.field(
        description="When you read it; null while unread (and always for platform staff, "
        "who have no read state).",
        metadata=per_subscriber("each member has their own read state"),
    )
    async def read_at(self, info: Info) -> datetime | None:
        reader = info.context.actor.member_id
        if reader is None:
            return None
        at = await read_at_of(info).load((self.org_id, reader, uuid.UUID(self.id)))
        return as_utc(at) if at is not None else None

    @strawberry.field(
        description="Whether you have read it.",
        metadata=per_subscriber("each member has their own read state"),
    )
    async def read(self, info: Info) -> bool:
        return await self.read_at(info) is not None
