"""Live boards: one feed per board, shared by all of its subscribers.

When a result lands (``leaderboard.updated`` on the event bus, from this process
or, through Redis, from another), the boards it touches are marked dirty. Each
board's feed recomputes its top entries at most ``MAX_RATE`` times a second, with
one query for all its subscribers, and hands every subscriber the newest snapshot
(an older one not yet taken is replaced, so a slow client never falls behind and
the last message is always current). Publishing only marks boards dirty, so the
request that caused it never waits for the fan-out.
"""

from __future__ import annotations

import asyncio
import logging
import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass

from app.core.db import session_factory
from app.events.bus import Event, get_bus
from app.leaderboards import repository
from app.leaderboards.repository import BoardRow
from app.leaderboards.service import LEADERBOARD_UPDATED

logger = logging.getLogger("quizgraph.leaderboards.live")

MAX_RATE = 10  # snapshots per second per board
BoardKey = tuple[uuid.UUID, uuid.UUID | None]  # (org, quiz or None for org-wide)


@dataclass(frozen=True, slots=True)
class Snapshot:
    top: list[BoardRow]
    changed: BoardRow | None


class _Slot:
    """Holds the newest snapshot for one subscriber until it is taken."""

    def __init__(self, top: int) -> None:
        self.top = top
        self._value: Snapshot | None = None
        self._ready = asyncio.Event()

    def put(self, snapshot: Snapshot) -> None:
        self._value = Snapshot(snapshot.top[: self.top], snapshot.changed)
        self._ready.set()

    async def take(self) -> Snapshot:
        await self._ready.wait()
        self._ready.clear()
        value, self._value = self._value, None
        assert value is not None
        return value


class _Feed:
    def __init__(self, key: BoardKey) -> None:
        self.key = key
        self.slots: set[_Slot] = set()
        self.changed_member: uuid.UUID | None = None
        self._dirty = asyncio.Event()
        self._task = asyncio.create_task(self._run(), name=f"leaderboard-feed-{key}")

    def mark(self, member_id: uuid.UUID) -> None:
        self.changed_member = member_id
        self._dirty.set()

    def close(self) -> None:
        self._task.cancel()

    async def _run(self) -> None:
        while True:
            await self._dirty.wait()
            self._dirty.clear()
            try:
                snapshot = await snapshot_of(self.key, self._widest(), self.changed_member)
            except Exception:
                logger.exception("could not compute board %s", self.key)
            else:
                for slot in list(self.slots):
                    slot.put(snapshot)
            await asyncio.sleep(1 / MAX_RATE)

    def _widest(self) -> int:
        return max((slot.top for slot in self.slots), default=1)


async def snapshot_of(key: BoardKey, top: int, changed_member: uuid.UUID | None) -> Snapshot:
    org_id, quiz_id = key
    async with session_factory()() as db:
        board = repository.Standings(org_id, quiz_id)
        page = await repository.page(db, board, None, top)
        changed = await repository.entry(db, board, changed_member) if changed_member else None
        await db.rollback()
    return Snapshot(page.rows, changed)


class LeaderboardHub:
    def __init__(self) -> None:
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
        return sum(len(feed.slots) for feed in self._feeds.values())

    async def follow(self, key: BoardKey, top: int) -> AsyncIterator[Snapshot]:
        """The current top first, then a snapshot each time the board changes."""
        slot = _Slot(top)
        feed = self._feeds.get(key) or self._feeds.setdefault(key, _Feed(key))
        feed.slots.add(slot)
        try:
            yield await snapshot_of(key, top, None)
            while True:
                yield await slot.take()
        finally:
            feed.slots.discard(slot)
            if not feed.slots and self._feeds.get(key) is feed:
                del self._feeds[key]
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
