"""``leaderboardUpdated``: the current top N first, then a message whenever it changes.

A live field (``app.graphql.live``): subscribers with the same document, variables
and visibility share one cohort, which runs the selection once per board change and
writes the same bytes to all their sockets. The resolver returns once the first
message is out: the websocket door keeps the subscriber, nothing else (no parked
stream). Nothing in ``LeaderboardUpdate`` depends on who asks (a field that did would
be marked ``per_subscriber()`` and refused)."""

from __future__ import annotations

import uuid
from collections.abc import AsyncGenerator
from functools import partial
from typing import Annotated

import strawberry
from strawberry import relay
from strawberry.types import Info

from app.access.scopes import Scope
from app.core.errors import NotFound, Unauthenticated
from app.graphql.live import BoardTop, checked_top, follow_topic, live_target
from app.graphql.permissions import requires
from app.graphql.relay import decode_id
from app.leaderboards import service
from app.leaderboards.live import Snapshot, get_hub, topic_of
from app.leaderboards.types import LeaderboardEntry
from app.orgs import service as org_service
from app.orgs import service as orgs


@strawberry.type(description="A leaderboard after a change.")
class LeaderboardUpdate:
    quiz_id: relay.GlobalID | None = strawberry.field(description="The quiz; null for org-wide.")
    entries: list[LeaderboardEntry] = strawberry.field(description="The top N, best first.")
    changed: LeaderboardEntry | None = strawberry.field(
        description="The entry whose change caused this message; null in the first message."
    )

    @classmethod
    def from_snapshot(cls, snapshot: Snapshot, quiz_id: uuid.UUID | None) -> LeaderboardUpdate:
        return cls(
            quiz_id=relay.GlobalID("Quiz", str(quiz_id)) if quiz_id else None,
            entries=[LeaderboardEntry.from_row(row) for row in snapshot.top],
            changed=LeaderboardEntry.from_row(snapshot.changed) if snapshot.changed else None,
        )


async def _board_org(info: Info, org_slug: str, **_: object) -> uuid.UUID | None:
    org = await org_service.get_public(info.context.sc, org_slug[:63])
    return org.id if org else None


@strawberry.type
class LeaderboardSubscriptions:
    @strawberry.subscription(
        description=(
            "Live standings over a websocket. The first message is the current top N; then "
            "one whenever the board changes, at most about 10 a second (bursts coalesce; the "
            "last message is always current). Needs leaderboard:read."
        ),
        permission_classes=[requires(Scope.LEADERBOARD_READ, target=_board_org)],
    )
    async def leaderboard_updated(
        self,
        info: Info,
        org_slug: Annotated[str, strawberry.argument(description="The organization's slug.")],
        quiz_id: Annotated[
            relay.GlobalID | None, strawberry.argument(description="A quiz; left out: org-wide.")
        ] = None,
        top: BoardTop = 10,
    ) -> AsyncGenerator[LeaderboardUpdate, None]:
        top = checked_top(top)
        sc = info.context.sc
        quiz = decode_id(quiz_id, "Quiz", "quizId") if quiz_id is not None else None
        org = await orgs.get_public(sc, org_slug.strip().lower()[:63])
        if org is None:
            # The same answers as for another org's board: sign in first, then NOT_FOUND.
            raise NotFound() if sc.actor.is_authenticated else Unauthenticated()
        org_id = org.id
        await service.check_board(sc, org_id, quiz)
        target = live_target(info)
        del org  # nothing of the operation's session is kept (``follow_topic`` closes it)
        hub = get_hub()
        key = (org_id, quiz)
        feed = hub.follow(key, top)

        async def initial() -> Snapshot:
            return await feed.first(top)

        def to_root(snapshot: Snapshot) -> LeaderboardUpdate:
            return LeaderboardUpdate.from_snapshot(
                Snapshot(snapshot.top[:top], snapshot.changed), quiz
            )

        await follow_topic(
            info,
            target=target,
            hub=hub.live,
            topic=topic_of(key),
            initial=initial,
            to_root=to_root,
            on_leave=partial(hub.unfollow, feed, top),
        )
        return
        yield  # an async generator, as Strawberry requires
