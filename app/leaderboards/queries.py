"""``Organization.leaderboard``: per quiz or org-wide, for members and leaderboard:read keys."""

from __future__ import annotations

import uuid
from typing import Annotated

import strawberry
from strawberry import relay
from strawberry.types import Info

from app.access.scopes import Scope
from app.core.pagination import page_size
from app.graphql.permissions import requires
from app.graphql.relay import After, First, decode_id
from app.leaderboards import service
from app.leaderboards.service import Window
from app.leaderboards.types import LeaderboardConnection


@strawberry.type
class OrganizationLeaderboard:
    org_id: strawberry.Private[uuid.UUID]

    @strawberry.field(
        description=(
            "Standings, best first. With quizId: each member's best attempt (higher score, "
            "then less time, then earlier submission). Without: the sum of each member's "
            "best score per quiz. Needs leaderboard:read."
        ),
        permission_classes=[requires(Scope.LEADERBOARD_READ)],
    )
    async def leaderboard(
        self,
        info: Info,
        quiz_id: Annotated[
            relay.GlobalID | None, strawberry.argument(description="A quiz; left out: org-wide.")
        ] = None,
        window: Annotated[
            Window, strawberry.argument(description="Which results count; all time by default.")
        ] = Window.ALL_TIME,
        first: First = None,
        after: After = None,
    ) -> LeaderboardConnection | None:
        quiz = decode_id(quiz_id, "Quiz", "quizId") if quiz_id is not None else None
        sc = info.context.sc
        board = await service.open_board(sc, self.org_id, quiz, window)
        page = await service.page_of(sc, board, after, page_size(first))
        return LeaderboardConnection.from_board(page, board)
