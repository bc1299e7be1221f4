"""Live tournament boards: one feed per tournament, shared by every cohort following it.

When a tournament's board may have moved (``tournament.board_changed`` on the event
bus, after the commit of a counted result, a new entrant, the start or the end; from
this process or, through Redis, another), its feed is marked dirty; the feed reads
the board's top once (as wide as its widest follower, one statement with the names),
keeps that snapshot for joiners and publishes it to the process's cohorts
(``app.graphql.live``), at most ``MAX_RATE`` times a second, so a burst of submits
costs one read per tenth of a second, whatever the number of subscribers. Once the
tournament has ended the snapshot is its frozen standings.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import uuid
from collections import Counter
from collections.abc import AsyncIterator, Hashable
from dataclasses import dataclass

from app.core.db import session_factory
from app.events.bus import Event, get_bus
from app.graphql.live import LiveHub
from app.tournaments import repository
from app.tournaments.catalog import BOARD_CHANGED
from app.tournaments.models import TournamentStatus
from app.tournaments.repository import BoardRow

logger = logging.getLogger("quizgraph.tournaments.live")

MAX_RATE = 10  # snapshots per second per tournament
BoardKey = tuple[uuid.UUID, uuid.UUID]  # (org, tournament)


def topic_of(key: BoardKey) -> Hashable:
    return ("tournament-board", *key)


@dataclass(frozen=True, slots=True)
class Snapshot:
    tournament_id: uuid.UUID
    status: TournamentStatus
    top: list[BoardRow]


async def snapshot_of(key: BoardKey, top: int) -> Snapshot:
    org_id, tournament_id = key
    async with session_factory()() as db:
        tournament = await repository.by_id(db, tournament_id, org_id, fresh=True)
        if tournament is None:  # deleted with its org: an empty board
            await db.rollback()
            return Snapshot(tournament_id, TournamentStatus.ENDED, [])
        query = (
            repository.frozen_board(org_id, tournament_id)
            if tournament.status is TournamentStatus.ENDED
            else repository.live_board(org_id, tournament_id)
        )
        rows = await repository.board_top(db, query, top)
        status = tournament.status
        await db.rollback()
    return Snapshot(tournament_id, status, rows)


class _Feed:
    def __init__(self, hub: TournamentHub, key: BoardKey) -> None:
        self.hub = hub
        self.key = key
        self.topic = topic_of(key)
        self.tops: Counter[int] = Counter()
        self.current: Snapshot | None = None
        self._width = 0
        self._version = 0
        self._dirty = asyncio.Event()
        self._task = asyncio.create_task(self._run(), name=f"tournament-feed-{key[1]}")

    def mark(self) -> None:
        self._dirty.set()

    def close(self) -> None:
        self._task.cancel()

    def widest(self) -> int:
        return max(self.tops, default=1)

    async def first(self, top: int) -> Snapshot:
        current = self.current
        if current is not None and (self._width >= top or len(current.top) < self._width):
            return current
        version = self._version
        width = max(self.widest(), top)
        snapshot = await snapshot_of(self.key, width)
        if self._version == version:
            self._width, self.current = width, snapshot
        return snapshot

    async def _run(self) -> None:
        while True:
            await self._dirty.wait()
            self._dirty.clear()
            width = self.widest()
            try:
                snapshot = await snapshot_of(self.key, width)
            except Exception:
                logger.exception("could not read the board of tournament %s", self.key[1])
            else:
                self._version += 1
                self._width, self.current = width, snapshot
                await self.hub.live.publish(self.topic, snapshot)
            await asyncio.sleep(self.hub.live.pause(self.topic, 1 / MAX_RATE))


class TournamentHub:
    """This process's tournament feeds and the live hub their cohorts live in."""

    def __init__(self) -> None:
        self.live = LiveHub()
        self._feeds: dict[BoardKey, _Feed] = {}
        self._unsubscribe = get_bus().subscribe(self.on_event)

    async def on_event(self, event: Event) -> None:
        if event.name != BOARD_CHANGED:
            return
        feed = self._feeds.get((event.org_id, uuid.UUID(event.data["tournamentId"])))
        if feed is not None:
            feed.mark()

    def feed(self, key: BoardKey, top: int) -> _Feed:
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


_hub: TournamentHub | None = None


def get_hub() -> TournamentHub:
    """The process's hub, created on first use (after the event bus is installed)."""
    global _hub
    if _hub is None:
        _hub = TournamentHub()
    return _hub


def reset_hub() -> None:
    global _hub
    if _hub is not None:
        _hub.close()
    _hub = None


@contextlib.asynccontextmanager
async def running() -> AsyncIterator[None]:
    """A fresh hub on the process's bus while the server runs (after the bus is set)."""
    reset_hub()
    try:
        yield
    finally:
        reset_hub()
