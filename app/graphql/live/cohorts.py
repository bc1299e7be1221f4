"""Cohorts: the subscribers of a process that can share one execution and one payload.

A cohort is keyed by ``CohortKey``: the topic (what triggers it, say one board), the
document, the operation name, the variables as sent, and the ``Visibility`` of the
subscribers (org, kind, role, effective scopes, reachable orgs: what decides what
they may see, never who they are). Two subscribers that differ in any of them never
share a frame.

``LiveHub.publish(topic, value)`` runs, for each cohort of the topic, its selection
once on the cohort's root value (``to_root(value)``), serializes it once, and offers
every subscriber the same payload in a frame carrying its own operation id
(``Frames``), through its socket's ``SocketSender`` (never waiting on a socket). A
subscriber's first message (``LiveHub.first``) is the cohort's run on the current
value; a cohort reuses its last payload when handed the value it last published.

Between events a cohort holds its selection (one executor, one plan), its members
and its last payload; a member (``Subscriber``) is six references. A cohort is dropped with its
last member, a topic with its last cohort.

The trigger comes from the caller (a domain's feed, on an event of the event bus:
with Redis, one message per change reaches every process, whose feed publishes once
per topic): this module knows no domain.
"""

from __future__ import annotations

import asyncio
import logging
import uuid
from collections.abc import Callable, Hashable, Iterator
from dataclasses import dataclass
from time import perf_counter
from typing import Any

from app.access.actor import Actor, ActorKind
from app.access.scopes import Role, Scope
from app.graphql.live.frames import FrameKind, Frames
from app.graphql.live.selection import LiveSelection
from app.graphql.live.sender import SocketSender

__all__ = ["Cohort", "CohortKey", "LiveHub", "Subscriber", "Visibility"]

logger = logging.getLogger("quizgraph.live")

# Members offered a frame between two turns of the event loop (at ~1-2 us of Python
# plus the kernel's send each: a few milliseconds per chunk).
FANOUT_CHUNK = 256
# Under changes without a break, a topic's fan-out takes at most this share of the
# event loop: after a publish that held the loop b seconds (its own work, chunks
# summed), the topic's feed waits at least b * (1 - share) / share (``LiveHub.pause``)
# before the next, so requests (the writes that change the topic) keep the rest.
FANOUT_SHARE = 0.5


@dataclass(frozen=True, slots=True)
class Visibility:
    """What decides what a subscriber may see; identity left out."""

    kind: ActorKind
    org_id: uuid.UUID | None
    role: Role | None
    scopes: frozenset[Scope]
    reachable_org_ids: frozenset[uuid.UUID] | None = None

    @classmethod
    def of(cls, actor: Actor) -> Visibility:
        return cls(
            kind=actor.kind,
            org_id=actor.org_id,
            role=actor.role,
            scopes=actor.scopes,
            reachable_org_ids=actor.reachable_org_ids,
        )

    def actor(self) -> Actor:
        """An actor that may see what the cohort's subscribers may see and is nobody:
        the cohort's selection runs as it."""
        return Actor(
            kind=self.kind,
            scopes=self.scopes,
            org_id=self.org_id,
            role=self.role,
            reachable_org_ids=self.reachable_org_ids,
            label="live cohort",
        )


@dataclass(frozen=True, slots=True)
class CohortKey:
    topic: Hashable
    document: str
    operation_name: str | None
    variables: bytes
    visibility: Visibility


class Subscriber:
    """One subscription of one socket, a member of one cohort: all that a live
    subscription keeps between events (no task, no stream, no execution state)."""

    __slots__ = ("cohort", "kind", "on_leave", "operation_id", "seen", "sender")

    def __init__(
        self,
        cohort: Cohort,
        sender: SocketSender,
        operation_id: str,
        kind: FrameKind,
        on_leave: Callable[[], None] | None = None,
    ) -> None:
        self.cohort: Cohort | None = cohort
        self.sender = sender
        self.operation_id = operation_id
        self.kind = kind
        self.seen = cohort.delivered  # the cohort's last delivery when this one joined
        # The domain's own bookkeeping to undo when the subscription ends (say, the
        # board's count of followers): called once, by ``leave``.
        self.on_leave = on_leave

    @property
    def active(self) -> bool:
        return self.cohort is not None

    def leave(self) -> None:
        """The subscription ended (idempotent): nothing more is sent for it."""
        cohort, self.cohort = self.cohort, None
        if cohort is None:
            return
        self.sender.discard(self.operation_id)
        cohort.remove(self)
        on_leave, self.on_leave = self.on_leave, None
        if on_leave is not None:
            on_leave()


class Cohort:
    __slots__ = (
        "_last_value",
        "busy",
        "delivered",
        "hub",
        "key",
        "last_payload",
        "published",
        "selection",
        "subscribers",
        "to_root",
    )

    def __init__(
        self,
        hub: LiveHub,
        key: CohortKey,
        selection: LiveSelection,
        to_root: Callable[[Any], Any],
    ) -> None:
        self.hub = hub
        self.key = key
        self.selection = selection
        self.to_root = to_root
        self.subscribers: dict[Subscriber, None] = {}
        self.published = 0  # events started
        self.delivered = 0  # the newest event whose frames went out
        self.busy = 0.0  # seconds the last publish held the event loop (its own work)
        self._last_value: Any = None
        self.last_payload: bytes | None = None

    def remove(self, subscriber: Subscriber) -> None:
        self.subscribers.pop(subscriber, None)
        if not self.subscribers:
            self.hub._drop(self)

    async def payload_of(self, value: Any) -> bytes:
        """The payload for ``value``: the last one when ``value`` is what it was made
        of (the same object), else one run of the selection."""
        if self.last_payload is not None and value is self._last_value:
            return self.last_payload
        payload = await self.selection.run(self.to_root(value))
        self._last_value, self.last_payload = value, payload
        return payload

    async def publish(self, value: Any) -> int:
        """Run once for ``value`` and offer every member its frame; the frames offered.
        A run that finishes after a newer one was delivered is dropped.

        The members are offered in chunks of ``FANOUT_CHUNK``; between chunks the
        event loop runs whatever else is ready (a request writing to the database, a
        socket's message), so a large cohort's fan-out never holds the loop for more
        than one chunk's writes (~5 ms)."""
        self.published += 1
        number = self.published
        self.busy = 0.0
        started = perf_counter()
        payload = await self.payload_of(value)
        if number < self.delivered or not self.subscribers:
            return 0
        self.delivered = number
        frames = Frames(payload)
        members = list(self.subscribers)
        offered = 0
        for start in range(0, len(members), FANOUT_CHUNK):
            if start:
                self.busy += perf_counter() - started
                await asyncio.sleep(0)
                started = perf_counter()
                if self.delivered != number:
                    break  # a newer run was delivered meanwhile: the rest get that one
            offered += self._offer(frames, members[start : start + FANOUT_CHUNK])
        self.busy += perf_counter() - started
        return offered

    def _offer(self, frames: Frames, members: list[Subscriber]) -> int:
        offered = 0
        wire, text = frames.wire, frames.text
        for subscriber in members:
            if subscriber.cohort is not self:
                continue  # left meanwhile
            sender = subscriber.sender
            operation_id = subscriber.operation_id
            frame = (wire if sender.raw else text)(subscriber.kind, operation_id)
            sender.offer(operation_id, frame)
            offered += 1
        return offered


class LiveHub:
    """This process's cohorts, by topic."""

    def __init__(self) -> None:
        self._topics: dict[Hashable, dict[CohortKey, Cohort]] = {}
        self._busy: dict[Hashable, float] = {}  # seconds each topic's last publish took

    def join(
        self,
        key: CohortKey,
        *,
        selection: Callable[[], LiveSelection],
        to_root: Callable[[Any], Any],
        sender: SocketSender,
        operation_id: str,
        kind: FrameKind = FrameKind.NEXT,
        on_leave: Callable[[], None] | None = None,
    ) -> Subscriber:
        """Add a subscription to the cohort of ``key``, made (``selection()``, which
        may refuse it) when the process has none yet. ``on_leave`` runs once when the
        subscriber leaves."""
        cohorts = self._topics.get(key.topic)
        cohort = cohorts.get(key) if cohorts is not None else None
        if cohort is None:
            cohort = Cohort(self, key, selection(), to_root)
            self._topics.setdefault(key.topic, {})[key] = cohort
        subscriber = Subscriber(cohort, sender, operation_id, kind, on_leave)
        cohort.subscribers[subscriber] = None
        return subscriber

    async def first(self, subscriber: Subscriber, value: Any) -> None:
        """A new subscriber's first message: its cohort's payload for the current
        ``value``, unless a newer delivery reached it meanwhile."""
        cohort = subscriber.cohort
        if cohort is None:
            return
        payload = await cohort.payload_of(value)
        if subscriber.cohort is not cohort or cohort.delivered > subscriber.seen:
            return  # left, or already has a newer frame
        sender = subscriber.sender
        frame = Frames(payload).for_socket(sender.raw, subscriber.kind, subscriber.operation_id)
        sender.offer(subscriber.operation_id, frame)

    async def publish(self, topic: Hashable, value: Any) -> int:
        """``value`` is the topic's new state: each cohort runs once; the frames
        offered. A cohort that fails is logged and skipped; the others go on."""
        cohorts = self._topics.get(topic)
        if not cohorts:
            self._busy.pop(topic, None)
            return 0
        offered = 0
        busy = 0.0
        for cohort in list(cohorts.values()):
            try:
                offered += await cohort.publish(value)
            except Exception:
                logger.exception("live cohort on %r failed", topic)
            busy += cohort.busy
        self._busy[topic] = busy
        return offered

    def pause(self, topic: Hashable, minimum: float) -> float:
        """How long the feed of ``topic`` should wait before its next publish: at
        least ``minimum``, and long enough that its fan-out keeps to
        ``FANOUT_SHARE`` of the event loop."""
        busy = self._busy.get(topic, 0.0)
        return max(minimum, busy * (1 - FANOUT_SHARE) / FANOUT_SHARE)

    def topics(self) -> list[Hashable]:
        return list(self._topics)

    def cohorts(self, topic: Hashable | None = None) -> Iterator[Cohort]:
        groups = self._topics.values() if topic is None else [self._topics.get(topic, {})]
        for cohorts in groups:
            yield from cohorts.values()

    @property
    def subscriber_count(self) -> int:
        return sum(len(cohort.subscribers) for cohort in self.cohorts())

    def _drop(self, cohort: Cohort) -> None:
        cohorts = self._topics.get(cohort.key.topic)
        if cohorts is None or cohorts.get(cohort.key) is not cohort:
            return
        del cohorts[cohort.key]
        if not cohorts:
            del self._topics[cohort.key.topic]
            self._busy.pop(cohort.key.topic, None)
