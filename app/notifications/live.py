"""Live unread counts: one count per reader, shared by that reader's sockets.

``notificationsChanged`` is a per-subscriber value (each member has their own unread
count), which the cohort machinery (``app.graphql.live``) refuses as a field. It
takes the separate path issue 12 allows, on the same machinery: the *topic* is the
reader's visibility (org, member, effective scopes), so a cohort only ever holds the
subscriptions of one reader with one set of scopes (their tabs and devices), and the
value the cohort runs its selection on is that reader's count, computed once per
change for the reader (one COUNT query), never per socket. The cohort's actor
has no identity and needs none: nothing in ``NotificationsUpdate`` is resolved from
the actor.

A change is ``notifications.changed`` on the event bus (from this process or, over
Redis, another: one message per change): a new notification recounts the followed
readers of its org (its recipient only, when it has one), marking read the reader's.
A reader is recounted at most ``MAX_RATE`` times a second (changes meanwhile are
folded into the next count) and a message goes out only when the count moved.

Readers' cohorts differ only in topic, so they share one selection per document,
variables and visibility (``ReaderCohorts``); what each keeps is its cohort, its key
and its last payload (``bench/notifications_memory.py``).
"""

from __future__ import annotations

import asyncio
import logging
import uuid
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from typing import Any, cast
from weakref import WeakValueDictionary

from app.events.bus import Event
from app.graphql.live import (
    CohortKey,
    Feed,
    FeedRegistry,
    LiveHub,
    LiveSelection,
    ProcessHub,
    Subscriber,
)
from app.notifications.service import NOTIFICATIONS_CHANGED, count_for
from app.notifications.visibility import NotificationVisibility

logger = logging.getLogger("quizgraph.notifications.live")

MAX_RATE = 4  # recounts per second per reader
FeedKey = tuple[uuid.UUID, NotificationVisibility]


def topic_of(key: FeedKey) -> Hashable:
    org_id, visibility = key
    return ("notifications", org_id, visibility)


@dataclass(frozen=True, slots=True)
class Count:
    """One reader's unread count (a new object per change: cohorts reuse a payload
    for the same object)."""

    unread: int


class _SharedSelection:
    """A selection several cohorts run (they differ only in topic); gone with the last
    cohort holding it (``ReaderCohorts`` keeps it by weak reference)."""

    __slots__ = ("__weakref__", "inner")

    def __init__(self, inner: LiveSelection) -> None:
        self.inner = inner

    async def run(self, root_value: Any) -> bytes:
        return await self.inner.run(root_value)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.inner, name)


class ReaderCohorts(LiveHub):
    """The live hub of per-reader topics: every reader has cohorts of their own, but the
    cohorts of one document, variables and visibility run one shared selection (its
    executor and plan), made by the first of them. A selection keeps nothing between
    runs (``app.graphql.live.selection``), so sharing it shares no state; what stays
    per reader is the cohort, its key and its last payload."""

    def __init__(self) -> None:
        super().__init__()
        self._selections: WeakValueDictionary[Hashable, _SharedSelection] = WeakValueDictionary()

    def join(
        self, key: CohortKey, *, selection: Callable[[], LiveSelection], **kwargs: Any
    ) -> Subscriber:
        alike = (key.document, key.operation_name, key.variables, key.visibility)

        def shared() -> LiveSelection:
            found = self._selections.get(alike)
            if found is None:
                found = self._selections[alike] = _SharedSelection(selection())
            return cast("LiveSelection", found)

        return super().join(key, selection=shared, **kwargs)


class _Reader(Feed[FeedKey]):
    """One reader's count, and its recount under way (if any)."""

    __slots__ = ("again", "current", "recounting", "topic")

    def __init__(self, key: FeedKey) -> None:
        super().__init__(key)
        self.topic = topic_of(key)
        self.current: Count | None = None
        self.recounting: asyncio.Task[None] | None = None
        self.again = False  # a change came during the recount under way

    def close(self) -> None:
        if self.recounting is not None:
            self.recounting.cancel()


class NotificationHub(FeedRegistry[FeedKey, _Reader]):
    """This process's unread counts of the readers subscribed here, and the live hub
    their cohorts live in.

    Nothing runs for an idle subscriber: a change starts one recount task per
    affected reader, which ends when no further change came during its pause. The
    readers followed are the live hub's topics (a reader's topic exists while a cohort
    of it does), so this hub keeps no follower counts of its own and needs no hook
    when a subscription ends; a reader whose topic is gone is forgotten at the next
    change (once its recount under way, if any, has finished)."""

    event_name = NOTIFICATIONS_CHANGED

    def __init__(self) -> None:
        super().__init__(ReaderCohorts())

    def make(self, key: FeedKey) -> _Reader:
        return _Reader(key)

    async def changed(self, event: Event) -> None:
        member = event.data.get("memberId")
        followed = set(self.live.topics())
        for key in self.keys():
            reader = self.get(key)
            # Kept while recounting, so that closing the hub still cancels its recount.
            if topic_of(key) not in followed and reader is not None and reader.recounting is None:
                self.forget(key)
        for topic in followed:
            if _affected(topic, event.org_id, member):
                _kind, org_id, visibility = cast(
                    "tuple[str, uuid.UUID, NotificationVisibility]", topic
                )
                self._mark(self.open((org_id, visibility)))

    async def first(self, key: FeedKey) -> Count:
        """The reader's count now (kept while their topic is followed)."""
        reader = self.open(key)
        current = reader.current
        if current is None:
            current = reader.current = Count(await count_for(*key))
        return current

    def _mark(self, reader: _Reader) -> None:
        if reader.recounting is not None:
            reader.again = True
            return
        reader.recounting = asyncio.create_task(self._recount(reader), name="notification-recount")

    async def _recount(self, reader: _Reader) -> None:
        try:
            while True:
                reader.again = False
                try:
                    unread = await count_for(*reader.key)
                except Exception:
                    logger.exception("could not count the notifications of %s", reader.topic)
                else:
                    last = reader.current
                    if last is None or last.unread != unread:
                        current = reader.current = Count(unread)
                        await self.live.publish(reader.topic, current)
                await asyncio.sleep(1 / MAX_RATE)
                if not reader.again:
                    return
        finally:
            reader.recounting = None


def _affected(topic: Hashable, org_id: uuid.UUID, member: object) -> bool:
    """Whether a change of ``org_id``'s notifications (for ``member``, or for
    everyone when None) may move the count of ``topic``."""
    if not (isinstance(topic, tuple) and len(topic) == 3 and topic[0] == "notifications"):
        return False
    _kind, topic_org, visibility = topic
    if topic_org != org_id:
        return False
    return member is None or str(visibility.reader) == member


_hubs = ProcessHub(NotificationHub)
get_hub = _hubs.get
reset_hub = _hubs.reset
current_hub = _hubs.current
running = _hubs.running
