"""``notificationsChanged``: the subscriber's unread count first, then whenever it moves.

It runs through the same websocket door and bounds as ``leaderboardUpdated``
(connection_init, the per-connection operation cap, credential watching, the slow
consumer close) and joins a cohort of ``app.graphql.live``. The count is the
subscriber's own, so its topic is the subscriber's visibility (org, member, scopes):
see ``live.py`` for why that keeps the cohort machinery's one-payload-per-cohort
rule without sharing anyone's count.
"""

from __future__ import annotations

import uuid
from collections.abc import AsyncGenerator
from functools import partial
from typing import Annotated

import strawberry
from strawberry.types import Info

from app.access.scopes import Scope
from app.core.errors import NotFound, Unauthenticated
from app.graphql.live import follow_topic, live_target
from app.graphql.permissions import requires
from app.notifications import service
from app.notifications.live import Count, get_hub, topic_of
from app.orgs import service as orgs


@strawberry.type(description="Your unread notification count, after a change.")
class NotificationsUpdate:
    unread_count: int = strawberry.field(
        description="How many notifications you see and haven't read."
    )

    @classmethod
    def from_count(cls, count: Count) -> NotificationsUpdate:
        return cls(unread_count=count.unread)


async def _org_of(info: Info, org_slug: str, **_: object) -> uuid.UUID | None:
    org = await orgs.get_public(info.context.sc, org_slug.strip().lower()[:63])
    return org.id if org else None


@strawberry.type
class NotificationSubscriptions:
    @strawberry.subscription(
        description="Your unread notification count over a websocket: the count now, then "
        "a message whenever it changes (new notifications you may see, or you marking some "
        "read, from any tab or server process), at most about 4 a second. Needs "
        "notifications:read.",
        permission_classes=[requires(Scope.NOTIFICATIONS_READ, target=_org_of)],
    )
    async def notifications_changed(
        self,
        info: Info,
        org_slug: Annotated[str, strawberry.argument(description="The organization's slug.")],
    ) -> AsyncGenerator[NotificationsUpdate, None]:
        sc = info.context.sc
        org = await orgs.get_public(sc, org_slug.strip().lower()[:63])
        if org is None:
            raise NotFound() if sc.actor.is_authenticated else Unauthenticated()
        org_id = org.id
        sc.actor.require(Scope.NOTIFICATIONS_READ, org_id)
        target = live_target(info)
        # An idle subscriber holds no database state (``follow_topic`` closes the
        # session), nor a follower count here: its topic lives in the live hub as long
        # as its cohort.
        del org
        hub = get_hub()
        key = (org_id, service.visibility_of(sc))
        await follow_topic(
            info,
            target=target,
            hub=hub.live,
            topic=topic_of(key),
            initial=partial(hub.first, key),
            to_root=NotificationsUpdate.from_count,
        )
        return
        yield  # an async generator, as Strawberry requires
