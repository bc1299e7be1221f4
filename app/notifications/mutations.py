"""``markNotificationsRead`` (notifications:read): a thin wrapper over the service."""

from __future__ import annotations

from typing import Annotated

import strawberry
from strawberry import relay
from strawberry.types import Info

from app.access.scopes import Scope
from app.graphql.inputs import INPUT
from app.graphql.permissions import requires
from app.graphql.relay import decode_id
from app.notifications import service
from app.notifications.service import MAX_IDS
from app.notifications.types import Notification


@strawberry.input(description="Which notifications to mark read: ids, or all: true.")
class MarkNotificationsReadInput:
    ids: list[relay.GlobalID] | None = strawberry.field(
        default=None,
        description=f"1 to {MAX_IDS} notifications you can see (otherwise NOT_FOUND and "
        "nothing changes). Leave out with all: true.",
    )
    all: bool = strawberry.field(
        default=False, description="true marks every notification you can see as read."
    )


@strawberry.type
class MarkNotificationsReadPayload:
    notifications: list[Notification] = strawberry.field(
        description="The notifications named by ids, now read (empty for all: true)."
    )
    marked_count: int = strawberry.field(
        description="How many were unread before (0 when they were read already)."
    )
    unread_count: int = strawberry.field(description="How many you still haven't read.")


@strawberry.type
class NotificationMutations:
    @strawberry.mutation(
        description="Mark one, several or all of your notifications read (your own read "
        "state; a key marks for the member who created it). Needs notifications:read.",
        permission_classes=[requires(Scope.NOTIFICATIONS_READ)],
    )
    async def mark_notifications_read(
        self, info: Info, input: Annotated[MarkNotificationsReadInput, INPUT]
    ) -> MarkNotificationsReadPayload:
        sc = info.context.sc
        org_id = sc.actor.home_org()
        ids = (
            [decode_id(gid, "Notification", "ids") for gid in input.ids]
            if input.ids is not None
            else None
        )
        marked = await service.mark_read(sc, org_id, ids, input.all)
        return MarkNotificationsReadPayload(
            notifications=[Notification.from_row(row) for row in marked.notifications],
            marked_count=marked.newly_read,
            unread_count=await service.unread_count(sc, org_id),
        )
