"""Live boards: one feed per board, shared by every cohort that follows it.

When a result lands (``leaderboard.updated`` on the event bus, from this process
or, through Redis, from another: one message per change, whatever the number of
subscribers), the boards it touches are marked dirty. Each board's feed recomputes
its top entries at most ``MAX_RATE`` times a second (fewer when its fan-out is heavy:
``LiveHub.pause`` keeps it to a share of the event loop), with one query for all its
subscribers (as wide as its widest subscription), keeps that snapshot, and publishes
it once to the process's cohorts of the board (``app.graphql.live.LiveHub``), which
run their selections once each and write the same bytes to every socket. Publishing
only marks boards dirty, so the request that caused it never waits for the fan-out.
"""

from __future__ import annotations

import asyncio
import logging
import uuid
from collections import Counter
from collections.abc import Hashable
from dataclasses import dataclass

from app.core.db import session_factory
from app.events.bus import Event, get_bus
from app.graphql.live import LiveHub
from app.leaderboards import repository
from app.leaderboards.repository import BoardRow
from app.leaderboards.service import LEADERBOARD_UPDATED

logger = logging.getLogger("quizgraph.leaderboards.live")

MAX_RATE = 10  # snapshots per second per board
BoardKey = tuple[uuid.UUID, uuid.UUID | None]  # (org, quiz or None for org-wide)


def topic_of(key: BoardKey) -> Hashable:
    """The board's topic in the live hub."""
    return ("board", *key)


@dataclass(frozen=True, slots=True)
class Snapshot:
    top: list[BoardRow]
    changed: BoardRow | None


class _Feed:
    """One board's snapshots, computed once per change for all its followers."""

    def __init__(self, hub: LeaderboardHub, key: BoardKey) -> None:
        self.hub = hub
        self.key = key
        self.topic = topic_of(key)
        self.tops: Counter[int] = Counter()  # the followers' ``top``, to read the widest
        self.changed_member: uuid.UUID | None = None
        # The newest snapshot without ``changed``: every joiner's first message (one
        # object per version, so a cohort runs once for all its joiners).
        self.current: Snapshot | None = None
        self._version = 0
        self._width = 0  # the width the kept snapshot was read with
        self._dirty = asyncio.Event()
        self._task = asyncio.create_task(self._run(), name=f"leaderboard-feed-{key}")

    def mark(self, member_id: uuid.UUID) -> None:
        self.changed_member = member_id
        self._dirty.set()

    def close(self) -> None:
        self._task.cancel()

    async def first(self, top: int) -> Snapshot:
        """The board now, at least ``top`` wide: the kept snapshot when it is wide
        enough (or holds the whole board), else one query, kept for later joiners."""
        current = self.current
        if current is not None and (self._width >= top or len(current.top) < self._width):
            return current
        version = self._version
        width = max(self.widest(), top)
        snapshot = await snapshot_of(self.key, width, None)
        if self._version == version:  # no newer snapshot arrived meanwhile
            self._width, self.current = width, snapshot
        return snapshot

    async def _run(self) -> None:
        while True:
            await self._dirty.wait()
            self._dirty.clear()
            width = self.widest()
            try:
                snapshot = await snapshot_of(self.key, width, self.changed_member)
            except Exception:
                logger.exception("could not compute board %s", self.key)
            else:
                self._version += 1
                self._width = width
                self.current = Snapshot(snapshot.top, None)
                await self.hub.live.publish(self.topic, snapshot)
            # At most MAX_RATE a second, and less when the fan-out is heavy, so the
            # requests that change the board keep most of the loop (``LiveHub.pause``).
            await asyncio.sleep(self.hub.live.pause(self.topic, 1 / MAX_RATE))

    def widest(self) -> int:
        return max(self.tops, default=1)


async def snapshot_of(key: BoardKey, top: int, changed_member: uuid.UUID | None) -> Snapshot:
    org_id, quiz_id = key
    async with session_factory()() as db:
        board = repository.Standings(org_id, quiz_id)
        page = await repository.page(db, board, None, top)
        changed = await repository.entry(db, board, changed_member) if changed_member else None
        await db.rollback()
    return Snapshot(page.rows, changed)


class LeaderboardHub:
    """This process's board feeds and the live hub their cohorts live in."""

    def __init__(self) -> None:
        self.live = LiveHub()
        self._feeds: dict[BoardKey, _Feed] = {}
        self._unsubscribe = get_bus().subscribe(self.on_event)

    async def on_event(self, event: Event) -> None:
        if event.name != LEADERBOARD_UPDATED:
            return
        member = uuid.UUID(event.data["memberId"])
        for key in ((event.org_id, uuid.UUID(event.data["quizId"])), (event.org_id, None)):
            feed = self._feeds.get(key)
            if feed is not None:
                feed.mark(member)

    @property
    def subscriber_count(self) -> int:
        return self.live.subscriber_count

    def feed(self, key: BoardKey, top: int) -> _Feed:
        """The board's feed, with one more follower of width ``top`` (``unfollow``
        when it ends)."""
        feed = self._feeds.get(key)
        if feed is None:
            feed = self._feeds[key] = _Feed(self, key)
        feed.tops[top] += 1
        return feed

    def unfollow(self, feed: _Feed, top: int) -> None:
        feed.tops[top] -= 1
        if feed.tops[top] <= 0:
            del feed.tops[top]
        if not feed.tops and self._feeds.get(feed.key) is feed:
            del self._feeds[feed.key]
            feed.close()

    def close(self) -> None:
        self._unsubscribe()
        for feed in self._feeds.values():
            feed.close()
        self._feeds.clear()


_hub: LeaderboardHub | None = None


def get_hub() -> LeaderboardHub:
    """The process's hub, created on first use (after the event bus is installed)."""
    global _hub
    if _hub is None:
        _hub = LeaderboardHub()
    return _hub


def reset_hub() -> None:
    global _hub
    if _hub is not None:
        _hub.close()
    _hub = None
