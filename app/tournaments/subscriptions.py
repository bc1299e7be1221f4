"""``tournamentLeaderboardUpdated``: a tournament's top N first, then whenever it moves.

A live field (``app.graphql.live``), as ``leaderboardUpdated``: subscribers with the
same document, variables and visibility share one cohort, fed by the tournament's feed
(``live.py``: one read per change, at most ``MAX_RATE`` a second). Nothing in the
update depends on who asks; the tournament is checked for the subscriber when they
join (quizzes:read and ``TournamentVisibility``), as a query of it would be.
"""

from __future__ import annotations

import uuid
from collections.abc import AsyncGenerator
from functools import partial
from typing import Annotated

import strawberry
from strawberry import relay
from strawberry.types import Info

from app.access.scopes import Scope
from app.graphql.live import BoardTop, checked_top, follow_topic, live_target
from app.graphql.permissions import requires
from app.graphql.relay import decode_id
from app.tournaments import service
from app.tournaments.live import Snapshot, get_hub, topic_of
from app.tournaments.types import TournamentStanding, TournamentStatus


@strawberry.type(description="A tournament's board after a change.")
class TournamentLeaderboardUpdate:
    tournament_id: relay.GlobalID = strawberry.field(description="The tournament.")
    status: TournamentStatus = strawberry.field(  # type: ignore[valid-type]
        description="Its status now (ENDED: the entries are the final standings)."
    )
    entries: list[TournamentStanding] = strawberry.field(description="The top N, best first.")

    @classmethod
    def from_snapshot(cls, snapshot: Snapshot, top: int) -> TournamentLeaderboardUpdate:
        return cls(
            tournament_id=relay.GlobalID("Tournament", str(snapshot.tournament_id)),
            status=snapshot.status,
            entries=[TournamentStanding.from_row(row) for row in snapshot.top[:top]],
        )


async def _tournament_org(
    info: Info, tournament_id: relay.GlobalID, **_: object
) -> uuid.UUID | None:
    return await service.org_of(
        info.context.sc, decode_id(tournament_id, "Tournament", "tournamentId")
    )


@strawberry.type
class TournamentSubscriptions:
    @strawberry.subscription(
        description="A tournament's live standings over a websocket: the current top N, "
        "then a message whenever they change (a counted result, a new entrant, the start, "
        "the end: then the frozen final standings), at most about 10 a second. Needs "
        "quizzes:read.",
        permission_classes=[requires(Scope.QUIZZES_READ, target=_tournament_org)],
    )
    async def tournament_leaderboard_updated(
        self,
        info: Info,
        tournament_id: Annotated[
            relay.GlobalID, strawberry.argument(description="The tournament.")
        ],
        top: BoardTop = 10,
    ) -> AsyncGenerator[TournamentLeaderboardUpdate, None]:
        top = checked_top(top)
        sc = info.context.sc
        tournament = await service.get(sc, decode_id(tournament_id, "Tournament", "tournamentId"))
        target = live_target(info)
        key = (tournament.org_id, tournament.id)
        del tournament  # nothing of the operation's session is kept (``follow_topic`` closes it)
        hub = get_hub()
        feed = hub.follow(key, top)

        async def initial() -> Snapshot:
            return await feed.first(top)

        await follow_topic(
            info,
            target=target,
            hub=hub.live,
            topic=topic_of(key),
            initial=initial,
            to_root=partial(TournamentLeaderboardUpdate.from_snapshot, top=top),
            on_leave=partial(hub.unfollow, feed, top),
        )
        return
        yield  # an async generator, as Strawberry requires
