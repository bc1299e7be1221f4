"""``Organization.notifications`` (notifications:read) and the ``node(id:)`` loader."""

from __future__ import annotations

import uuid
from typing import Annotated, cast

import strawberry
from strawberry import relay
from strawberry.types import Info

from app.access.request import ServiceContext
from app.access.scopes import Scope
from app.core.pagination import Count, fetch_page, map_page
from app.graphql.permissions import requires
from app.graphql.relay import After, Connection, First
from app.notifications import service
from app.notifications.models import NotificationType as NotificationTypeValue
from app.notifications.types import Notification, NotificationType


@strawberry.type(description="A page of notifications, with the reader's unread count.")
class NotificationConnection(Connection[Notification]):
    unread: strawberry.Private[Count | None] = None

    @strawberry.field(
        description="How many notifications you see and haven't read (whatever the filters)."
    )
    async def unread_count(self) -> int:
        assert self.unread is not None
        return await self.unread()


@strawberry.type
class OrganizationNotifications:
    org_id: strawberry.Private[uuid.UUID]

    @strawberry.field(
        description="What needs your attention, newest first: the notifications your role "
        "(or key) may see, with your own read state. Kept for the server's retention period "
        "(90 days unless configured). Needs notifications:read.",
        permission_classes=[requires(Scope.NOTIFICATIONS_READ)],
    )
    async def notifications(
        self,
        info: Info,
        unread: Annotated[
            bool | None,
            strawberry.argument(description="true: only unread; false: only read; null: all."),
        ] = None,
        type: Annotated[
            NotificationType | None,  # type: ignore[valid-type]
            strawberry.argument(description="Only this type."),
        ] = None,
        first: First = None,
        after: After = None,
    ) -> NotificationConnection:
        sc = info.context.sc
        kind = NotificationTypeValue(type) if type is not None else None
        query = service.listing(sc, self.org_id, unread=unread, type_=kind)
        page = await fetch_page(sc.db, query, first=first, after=after)
        connection = cast(
            NotificationConnection,
            NotificationConnection.from_page(map_page(page, Notification.from_row)),
        )
        org_id = self.org_id

        async def unread_count() -> int:
            return await service.unread_count(sc, org_id)

        connection.unread = unread_count
        return connection


async def load_node(sc: ServiceContext, row_id: uuid.UUID) -> relay.Node:
    return Notification.from_row(await service.get(sc, row_id))
