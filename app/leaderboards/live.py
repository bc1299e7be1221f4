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

import logging
import uuid
from collections.abc import Hashable
from dataclasses import dataclass

from app.core.db import session_factory
from app.events.bus import Event
from app.graphql.live import FeedRegistry, LiveHub, ProcessHub, SnapshotFeed
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


class _Feed(SnapshotFeed[BoardKey, Snapshot]):
    """One board's snapshots, computed once per change for all its followers."""

    def __init__(self, live: LiveHub, key: BoardKey) -> None:
        self.changed_member: uuid.UUID | None = None
        super().__init__(
            live, key, topic_of(key), rate=MAX_RATE, name=f"leaderboard-feed-{key}", logger=logger
        )

    def mark_member(self, member_id: uuid.UUID) -> None:
        self.changed_member = member_id
        self.mark()

    async def read(self, width: int, *, changed: bool) -> Snapshot:
        return await snapshot_of(self.key, width, self.changed_member if changed else None)

    def size(self, value: Snapshot) -> int:
        return len(value.top)

    def kept(self, value: Snapshot) -> Snapshot:
        # Every joiner's first message is the board without ``changed``.
        return Snapshot(value.top, None)

    def describe(self) -> str:
        return f"board {self.key}"


async def snapshot_of(key: BoardKey, top: int, changed_member: uuid.UUID | None) -> Snapshot:
    org_id, quiz_id = key
    async with session_factory()() as db:
        board = repository.Standings(org_id, quiz_id)
        page = await repository.page(db, board, None, top)
        changed = await repository.entry(db, board, changed_member) if changed_member else None
        await db.rollback()
    return Snapshot(page.rows, changed)


class LeaderboardHub(FeedRegistry[BoardKey, _Feed]):
    """This process's board feeds and the live hub their cohorts live in."""

    event_name = LEADERBOARD_UPDATED

    def make(self, key: BoardKey) -> _Feed:
        return _Feed(self.live, key)

    async def changed(self, event: Event) -> None:
        member = uuid.UUID(event.data["memberId"])
        for key in ((event.org_id, uuid.UUID(event.data["quizId"])), (event.org_id, None)):
            feed = self.get(key)
            if feed is not None:
                feed.mark_member(member)


_hubs = ProcessHub(LeaderboardHub)
get_hub = _hubs.get
reset_hub = _hubs.reset
current_hub = _hubs.current
