"""GraphQL types of the leaderboards."""

from __future__ import annotations

from datetime import datetime

import strawberry
from strawberry import relay
from strawberry.types import Info

from app.core.pagination import Count
from app.leaderboards import cursors, service
from app.leaderboards.repository import BoardPage, BoardRow
from app.leaderboards.service import Window

strawberry.enum(Window, name="LeaderboardWindow", description="Which results count.")


@strawberry.type(description="One member's standing on a board.")
class LeaderboardEntry:
    rank: int = strawberry.field(description="1 for the best; equal standings share a rank.")
    member_id: relay.GlobalID = strawberry.field(description="The member's id.")
    display_name: str = strawberry.field(description="The member's display name.")
    score: float = strawberry.field(
        description="Best score on the quiz; org-wide, the sum of best scores per quiz."
    )
    attempts: int = strawberry.field(description="Attempts counted on this board.")
    last_activity_at: datetime = strawberry.field(description="The member's latest result.")
    time_taken_seconds: float | None = strawberry.field(
        description="Time taken by the best attempt (quiz boards only)."
    )

    @classmethod
    def from_row(cls, row: BoardRow) -> LeaderboardEntry:
        return cls(
            rank=row.rank,
            member_id=relay.GlobalID("Member", str(row.member_id)),
            display_name=row.display_name,
            score=row.score,
            attempts=row.attempts,
            last_activity_at=row.last_activity_at,
            time_taken_seconds=row.duration_ms / 1000 if row.duration_ms is not None else None,
        )


@strawberry.type(description="An entry of a leaderboard page with its cursor.")
class LeaderboardEdge:
    cursor: str = strawberry.field(description="A cursor for use in pagination.")
    node: LeaderboardEntry = strawberry.field(description="The entry.")


@strawberry.type(description="A page of a leaderboard, best first (a Relay connection).")
class LeaderboardConnection:
    edges: list[LeaderboardEdge] = strawberry.field(description="The entries of this page.")
    page_info: relay.PageInfo = strawberry.field(description="Pagination data.")
    count: strawberry.Private[Count]
    # Checked when the page was read: myRank reads the same board without a recheck.
    board: strawberry.Private[service.Board]

    @strawberry.field(description="How many members are on the board.")
    async def total_count(self) -> int:
        return await self.count()

    @strawberry.field(description="The viewer's own entry (for a key, its creator's), if any.")
    async def my_rank(self, info: Info) -> LeaderboardEntry | None:
        member_id = info.context.actor.member_id
        if member_id is None:
            return None
        row = await service.entry_of(info.context.sc, self.board, member_id)
        return LeaderboardEntry.from_row(row) if row else None

    @classmethod
    def from_board(cls, page: BoardPage, board: service.Board) -> LeaderboardConnection:
        edges = [
            LeaderboardEdge(cursor=cursors.encode(row.key), node=LeaderboardEntry.from_row(row))
            for row in page.rows
        ]
        return cls(
            edges=edges,
            page_info=relay.PageInfo(
                has_next_page=page.has_next,
                has_previous_page=page.has_previous,
                start_cursor=edges[0].cursor if edges else None,
                end_cursor=edges[-1].cursor if edges else None,
            ),
            count=page.count,
            board=board,
        )
