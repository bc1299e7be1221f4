"""Per-reader cohorts of the bell's count share one selection, and let it go with the last."""

from __future__ import annotations

import gc
import uuid

from graphql import parse

from app.access.actor import Actor, ActorKind
from app.access.scopes import Role, scopes_for
from app.graphql.exposure import QuietExecutionContext
from app.graphql.live import CohortKey, LiveSelection, Visibility
from app.graphql.live.selection import document_key, variables_key
from app.notifications.live import Count, ReaderCohorts
from app.notifications.subscriptions import NotificationsUpdate
from app.notifications.visibility import NotificationVisibility
from app.schema import schema
from tests.graphql.live.support import FakeSocket

BELL = parse("subscription($s: String!) { notificationsChanged(orgSlug: $s) { unreadCount } }")
ORG = uuid.UUID(int=3)
VISIBILITY = Visibility.of(
    Actor(kind=ActorKind.MEMBER, scopes=scopes_for(Role.TEACHER), org_id=ORG, role=Role.TEACHER)
)


def key(reader: uuid.UUID) -> CohortKey:
    topic = ("notifications", ORG, NotificationVisibility(reader, scopes_for(Role.TEACHER)))
    return CohortKey(
        topic=topic,
        document=document_key(BELL.definitions[0], {}),  # type: ignore[arg-type]
        operation_name=None,
        variables=variables_key({"s": "x"}),
        visibility=VISIBILITY,
    )


def build() -> LiveSelection:
    built.append(1)
    return LiveSelection.build(
        schema._schema,
        BELL,
        variables={"s": "x"},
        context_value=None,
        executor_class=QuietExecutionContext,
    )


built: list[int] = []


async def test_two_readers_get_their_own_counts_from_one_shared_selection() -> None:
    built.clear()
    hub = ReaderCohorts()
    sockets = {reader: FakeSocket() for reader in (uuid.uuid4(), uuid.uuid4())}
    joined = [
        hub.join(
            key(reader),
            selection=build,
            to_root=NotificationsUpdate.from_count,
            sender=socket.sender,
            operation_id="1",
        )
        for reader, socket in sockets.items()
    ]
    for count, subscriber in zip((2, 5), joined, strict=True):
        await hub.first(subscriber, Count(count))
    # each reader got their own count, from one selection built once
    assert [socket.messages()[0]["payload"] for socket in sockets.values()] == [
        {"data": {"notificationsChanged": {"unreadCount": 2}}},
        {"data": {"notificationsChanged": {"unreadCount": 5}}},
    ]
    assert built == [1]
    # and when both leave, the shared selection goes with their cohorts
    for subscriber in joined:
        subscriber.leave()
    gc.collect()
    assert len(hub._selections) == 0
