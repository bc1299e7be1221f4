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

import logging
import uuid
from collections.abc import Hashable
from dataclasses import dataclass

from app.core.db import session_factory
from app.events.bus import Event
from app.graphql.live import FeedRegistry, LiveHub, ProcessHub, SnapshotFeed
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


class _Feed(SnapshotFeed[BoardKey, Snapshot]):
    def __init__(self, live: LiveHub, key: BoardKey) -> None:
        super().__init__(
            live, key, topic_of(key), rate=MAX_RATE, name=f"tournament-feed-{key[1]}", logger=logger
        )

    async def read(self, width: int, *, changed: bool) -> Snapshot:
        return await snapshot_of(self.key, width)

    def size(self, value: Snapshot) -> int:
        return len(value.top)

    def describe(self) -> str:
        return f"the board of tournament {self.key[1]}"


class TournamentHub(FeedRegistry[BoardKey, _Feed]):
    """This process's tournament feeds and the live hub their cohorts live in."""

    event_name = BOARD_CHANGED

    def make(self, key: BoardKey) -> _Feed:
        return _Feed(self.live, key)

    async def changed(self, event: Event) -> None:
        feed = self.get((event.org_id, uuid.UUID(event.data["tournamentId"])))
        if feed is not None:
            feed.mark()


_hubs = ProcessHub(TournamentHub)
get_hub = _hubs.get
reset_hub = _hubs.reset
running = _hubs.running
