"""Feeds: what a domain keeps per live topic in a process, and the registry that keeps them.

A domain's live field (``app/<domain>/live.py``) has, per process, one hub: the
``LiveHub`` its cohorts join, a hearing of the event bus for the domain's change
event, and one feed per thing that changes (a board, a reader's count), by key. This
module is that common part, knowing no domain:

- ``FeedRegistry``: the feeds by key, made on first use; a feed followed with a width
  (``follow``: a subscription asking for the top N; a ``FollowedFeed``) is kept while
  it has followers and closed with its last (``unfollow``, the subscription's
  ``on_leave``); another is kept until the domain ``forget``s it. The domain says
  which feeds an event marks (``changed``) and how a feed is made (``make``).
- ``SnapshotFeed``: a topic whose value is read from the database once per change,
  as wide as its widest follower, then published to the topic's cohorts and kept for
  joiners, at most ``rate`` times a second and less when the fan-out is heavy
  (``LiveHub.pause``). Marking it only wakes its task, so the request that caused the
  change never waits for the read or the fan-out. The domain says how to read it.
- ``ProcessHub``: the process's one hub of a domain, made on first use (after the
  event bus is installed), reset when the bus changes or the server stops.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections import Counter
from collections.abc import AsyncIterator, Callable, Hashable, Iterator
from typing import Any, ClassVar, Generic, TypeVar

from app.events.bus import Event, get_bus
from app.graphql.live.cohorts import LiveHub

__all__ = ["Feed", "FeedRegistry", "FollowedFeed", "ProcessHub", "SnapshotFeed"]

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")
F = TypeVar("F", bound="Feed[Any]")
W = TypeVar("W", bound="FollowedFeed[Any]")
H = TypeVar("H", bound="FeedRegistry[Any, Any]")


class Feed(Generic[K]):
    """One key's feed; ``close`` when the registry lets it go."""

    __slots__ = ("key",)

    def __init__(self, key: K) -> None:
        self.key = key

    def close(self) -> None:
        """Stop what the feed runs (nothing by default)."""


class FollowedFeed(Feed[K]):
    """A feed followed with widths (a subscription's top N): it reads as wide as the
    widest of its followers, and lives while it has any (``FeedRegistry.follow``)."""

    __slots__ = ("widths",)

    def __init__(self, key: K) -> None:
        super().__init__(key)
        self.widths: Counter[int] = Counter()

    def widest(self) -> int:
        return max(self.widths, default=1)


class SnapshotFeed(FollowedFeed[K], Generic[K, V]):
    """A topic's value, read once per change for all its followers and published to its
    cohorts. ``current`` is the newest value as a joiner's first message gets it
    (``kept``): one object per version, so a cohort runs once for all its joiners."""

    def __init__(
        self,
        live: LiveHub,
        key: K,
        topic: Hashable,
        *,
        rate: float,
        name: str,
        logger: logging.Logger,
    ) -> None:
        super().__init__(key)
        self.live = live
        self.topic = topic
        self.rate = rate  # publishes per second at the most
        self.logger = logger
        self.current: V | None = None
        self._version = 0
        self._width = 0  # the width the kept value was read with
        self._dirty = asyncio.Event()
        self._task = asyncio.create_task(self._run(), name=name)

    # The domain's part.

    async def read(self, width: int, *, changed: bool) -> V:
        """The topic's value now, ``width`` wide; ``changed``: read after a change (its
        task's read, published), else for a joiner (``first``)."""
        raise NotImplementedError

    def size(self, value: V) -> int:
        """How many entries ``value`` holds (fewer than it was read for: all there are)."""
        raise NotImplementedError

    def kept(self, value: V) -> V:
        """What of a published value is kept for joiners (all of it by default)."""
        return value

    def describe(self) -> str:
        """The feed in a log line."""
        return repr(self.key)

    # The common part.

    def mark(self) -> None:
        self._dirty.set()

    def close(self) -> None:
        self._task.cancel()

    async def first(self, width: int) -> V:
        """The value now, at least ``width`` wide: the kept one when it is wide enough
        (or holds all there is), else one read, kept for later joiners."""
        current = self.current
        if current is not None and (self._width >= width or self.size(current) < self._width):
            return current
        version = self._version
        wanted = max(self.widest(), width)
        value = await self.read(wanted, changed=False)
        if self._version == version:  # no newer value arrived meanwhile
            self._width, self.current = wanted, value
        return value

    async def _run(self) -> None:
        while True:
            await self._dirty.wait()
            self._dirty.clear()
            width = self.widest()
            try:
                value = await self.read(width, changed=True)
            except Exception:
                self.logger.exception("could not read %s", self.describe())
            else:
                self._version += 1
                self._width, self.current = width, self.kept(value)
                await self.live.publish(self.topic, value)
            # At most ``rate`` a second, and less when the fan-out is heavy, so the
            # requests that change the topic keep most of the loop (``LiveHub.pause``).
            await asyncio.sleep(self.live.pause(self.topic, 1 / self.rate))


class FeedRegistry(Generic[K, F]):
    """This process's feeds of one domain, by key, and the live hub their cohorts live
    in. It hears the event bus from its making to its ``close`` and hands the events
    named ``event_name`` to ``changed``."""

    event_name: ClassVar[str]

    def __init__(self, live: LiveHub | None = None) -> None:
        self.live = LiveHub() if live is None else live
        self._feeds: dict[K, F] = {}
        self._unsubscribe = get_bus().subscribe(self.on_event)

    # The domain's part.

    def make(self, key: K) -> F:
        raise NotImplementedError

    async def changed(self, event: Event) -> None:
        """An event of the domain's name: mark the feeds it may move."""
        raise NotImplementedError

    # The common part.

    async def on_event(self, event: Event) -> None:
        if event.name == self.event_name:
            await self.changed(event)

    @property
    def subscriber_count(self) -> int:
        return self.live.subscriber_count

    def get(self, key: K) -> F | None:
        return self._feeds.get(key)

    def open(self, key: K) -> F:
        """The feed of ``key``, made if there is none."""
        feed = self._feeds.get(key)
        if feed is None:
            feed = self._feeds[key] = self.make(key)
        return feed

    def forget(self, key: K) -> None:
        """Let the feed of ``key`` go without closing it (what it runs ends by itself)."""
        self._feeds.pop(key, None)

    def keys(self) -> Iterator[K]:
        return iter(list(self._feeds))

    def follow(self: FeedRegistry[K, W], key: K, width: int) -> W:
        """The feed of ``key``, with one more follower of ``width`` (``unfollow`` when it
        ends)."""
        feed = self.open(key)
        feed.widths[width] += 1
        return feed

    def unfollow(self: FeedRegistry[K, W], feed: W, width: int) -> None:
        """One follower of ``width`` gone; the feed is closed with its last."""
        feed.widths[width] -= 1
        if feed.widths[width] <= 0:
            del feed.widths[width]
        if not feed.widths and self._feeds.get(feed.key) is feed:
            del self._feeds[feed.key]
            feed.close()

    def close(self) -> None:
        self._unsubscribe()
        for feed in self._feeds.values():
            feed.close()
        self._feeds.clear()


class ProcessHub(Generic[H]):
    """The process's one hub of a domain: made on first use, after the event bus is
    installed (it subscribes to the bus there is then)."""

    def __init__(self, make: Callable[[], H]) -> None:
        self._make = make
        self._hub: H | None = None

    def get(self) -> H:
        if self._hub is None:
            self._hub = self._make()
        return self._hub

    def current(self) -> H | None:
        """The hub if made, never making one (a metrics scrape reads, never creates)."""
        return self._hub

    def reset(self) -> None:
        hub, self._hub = self._hub, None
        if hub is not None:
            hub.close()

    @contextlib.asynccontextmanager
    async def running(self) -> AsyncIterator[None]:
        """A fresh hub on the process's bus while the server runs (after the bus is set)."""
        self.reset()
        try:
            yield
        finally:
            self.reset()
