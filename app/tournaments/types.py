"""GraphQL types of tournaments: the tournament, its rounds and its standings.

``TournamentStanding`` holds only values read with the board (names included), so the
live subscription's cohorts can resolve it without a database session.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated

import strawberry
from strawberry import relay
from strawberry.types import Info

from app.access.scopes import Role
from app.core.clock import as_utc, utcnow
from app.core.pagination import Count, fetch_page
from app.graphql.live import per_subscriber
from app.graphql.relay import After, First
from app.quizzes.loaders import quiz_by_id
from app.quizzes.types import Quiz
from app.quizzes.visibility import QuizVisibility
from app.tournaments import service
from app.tournaments.loaders import entered_by, entrant_count_of, rounds_of
from app.tournaments.models import EntryRule as EntryRuleValue
from app.tournaments.models import Tournament as TournamentRow
from app.tournaments.models import TournamentStatus as TournamentStatusValue
from app.tournaments.repository import BoardRow, board_row

TournamentStatus = strawberry.enum(
    TournamentStatusValue,
    name="TournamentStatus",
    description="SCHEDULED until it starts, RUNNING between its times, ENDED after.",
)
TournamentEntryRule = strawberry.enum(
    EntryRuleValue,
    name="TournamentEntryRule",
    description="Who takes part: EVERY_MEMBER and ROLES (members of entryRoles) are "
    "entered at their first round (or when they register); REGISTERED only those who "
    "registered (or paid the entry fee).",
)


@strawberry.type(description="An amount of money in the currency's minor unit (cents).")
class Money:
    amount: int = strawberry.field(description="In the currency's minor unit (1999 = 19.99).")
    currency: str = strawberry.field(description="ISO 4217 code, upper case (EUR, USD).")


@strawberry.type(description="One member's standing in a tournament.")
class TournamentStanding:
    rank: int = strawberry.field(
        description="1 for the best; entrants with the same score and time share a rank."
    )
    member_id: relay.GlobalID = strawberry.field(description="The member's id.")
    display_name: str = strawberry.field(
        description="The member's display name (once ended: as it was then)."
    )
    total_score: float = strawberry.field(description="The sum of their best score per round.")
    total_time_seconds: float | None = strawberry.field(
        description="The sum of those best attempts' times; null before their first result."
    )
    rounds_played: int = strawberry.field(description="Rounds with a counted result.")
    winner: bool = strawberry.field(description="Among the winners (once ended).")

    @classmethod
    def from_row(cls, row: BoardRow) -> TournamentStanding:
        return cls(
            rank=row.rank,
            member_id=relay.GlobalID("Member", str(row.member_id)),
            display_name=row.display_name,
            total_score=row.total_score,
            total_time_seconds=(
                row.total_duration_ms / 1000 if row.total_duration_ms is not None else None
            ),
            rounds_played=row.rounds_played,
            winner=row.winner,
        )


@strawberry.type(description="A standing of a tournament board page, with its cursor.")
class TournamentStandingEdge:
    cursor: str = strawberry.field(description="A cursor for use in pagination.")
    node: TournamentStanding = strawberry.field(description="The standing.")


@strawberry.type(description="A page of a tournament's standings, best first.")
class TournamentStandingConnection:
    edges: list[TournamentStandingEdge] = strawberry.field(description="This page's standings.")
    page_info: relay.PageInfo = strawberry.field(description="Pagination data.")
    count: strawberry.Private[Count]

    @strawberry.field(description="How many entrants are on the board.")
    async def total_count(self) -> int:
        return await self.count()


@strawberry.type(description="A round of a tournament: one published quiz.")
class TournamentRound:
    position: int = strawberry.field(description="1 for the first round, in play order.")
    quiz_id: relay.GlobalID = strawberry.field(description="The quiz's id.")
    quiz: Quiz | None = strawberry.field(
        description="The quiz; null when you may not see it now (outside its opening times)."
    )


@strawberry.type(
    description="A competition over one or more published quizzes (rounds) between two "
    "times, with its own board: the sum of each entrant's best score per round."
)
class Tournament(relay.Node):
    id: relay.NodeID[str]
    org_id: strawberry.Private[uuid.UUID]
    row: strawberry.Private[TournamentRow]
    name: str = strawberry.field(description="Its name.")
    status: TournamentStatus = strawberry.field(  # type: ignore[valid-type]
        description="SCHEDULED, RUNNING or ENDED."
    )
    starts_at: datetime = strawberry.field(description="When it starts by itself.")
    ends_at: datetime = strawberry.field(description="When it ends by itself.")
    started_at: datetime | None = strawberry.field(description="When it started (maybe early).")
    ended_at: datetime | None = strawberry.field(description="When it ended (maybe early).")
    entry_rule: TournamentEntryRule = strawberry.field(  # type: ignore[valid-type]
        description="Who takes part."
    )
    entry_roles: list[Role] = strawberry.field(description="The roles of entryRule ROLES.")
    entry_fee: Money | None = strawberry.field(
        description="The fee a member pays to enter (recorded by the org's payment system); "
        "null: free."
    )
    max_entrants: int | None = strawberry.field(description="The cap on entrants; null: none.")
    winners_count: int = strawberry.field(description="How many ranks win (top N).")
    certificates_for_winners: bool = strawberry.field(
        description="Whether the winners receive certificates when it ends."
    )
    created_at: datetime = strawberry.field(description="When it was created.")
    updated_at: datetime = strawberry.field(description="When its settings last changed.")

    @classmethod
    def from_row(cls, row: TournamentRow) -> Tournament:
        fee = (
            Money(amount=row.entry_fee_amount, currency=row.entry_fee_currency)
            if row.entry_fee_amount is not None and row.entry_fee_currency
            else None
        )
        return cls(
            id=str(row.id),
            org_id=row.org_id,
            row=row,
            name=row.name,
            status=TournamentStatusValue(row.status),
            starts_at=as_utc(row.starts_at),
            ends_at=as_utc(row.ends_at),
            started_at=as_utc(row.started_at) if row.started_at else None,
            ended_at=as_utc(row.ended_at) if row.ended_at else None,
            entry_rule=EntryRuleValue(row.entry_rule),
            entry_roles=[Role(role) for role in row.entry_roles],
            entry_fee=fee,
            max_entrants=row.max_entrants,
            winners_count=row.winners_count,
            certificates_for_winners=row.certificates_for_winners,
            created_at=as_utc(row.created_at),
            updated_at=as_utc(row.updated_at),
        )

    @property
    def row_id(self) -> uuid.UUID:
        return self.row.id

    @strawberry.field(description="The rounds, in play order.")
    async def rounds(self, info: Info) -> list[TournamentRound]:
        quiz_ids = await rounds_of(info).load((self.org_id, self.row_id))
        visibility = QuizVisibility(info.context.actor, utcnow())
        rounds: list[TournamentRound] = []
        for position, quiz_id in enumerate(quiz_ids, start=1):
            row = await quiz_by_id(info).load(quiz_id)
            shown = Quiz.from_row(row) if row is not None and visibility.allows(row) else None
            gid = relay.GlobalID("Quiz", str(quiz_id))
            rounds.append(TournamentRound(position=position, quiz_id=gid, quiz=shown))
        return rounds

    @strawberry.field(description="How many members have entered.")
    async def entrant_count(self, info: Info) -> int:
        return await entrant_count_of(info).load((self.org_id, self.row_id))

    @strawberry.field(
        description="Whether you have entered (a key: its creator); false for staff "
        "credentials of no member.",
        metadata=per_subscriber("each member has their own entries"),
    )
    async def viewer_has_entered(self, info: Info) -> bool:
        member = info.context.actor.member_id
        if member is None or info.context.actor.org_id != self.org_id:
            return False
        return await entered_by(info).load((self.org_id, self.row_id, member))

    @strawberry.field(
        description="Whether registerForTournament would enter you now: registration "
        "open, your role eligible, no fee to pay, room under the cap, not entered yet.",
        metadata=per_subscriber("each member has their own entries"),
    )
    async def viewer_can_register(self, info: Info) -> bool:
        actor = info.context.actor
        if actor.member_id is None or actor.org_id != self.org_id:
            return False
        if not service.registration_open(self.row, utcnow()):
            return False
        if not service.eligible(self.row, actor.role) or self.row.entry_fee_amount is not None:
            return False
        if await self.viewer_has_entered(info):
            return False
        cap = self.row.max_entrants
        return cap is None or await self.entrant_count(info) < cap

    @strawberry.field(description="Whether registration is open (until the tournament ends).")
    def registration_open(self) -> bool:
        return service.registration_open(self.row, utcnow())

    @strawberry.field(
        description="The standings, best first: live while it runs (each entrant's best "
        "score per round summed; ties by the sum of those attempts' times; entrants with "
        "no result last), frozen once it has ended."
    )
    async def leaderboard(
        self, info: Info, first: First = None, after: After = None
    ) -> TournamentStandingConnection:
        sc = info.context.sc
        page = await fetch_page(
            sc.db, service.board(sc, self.row), first=first, after=after, scalars=False
        )
        edges = [
            TournamentStandingEdge(
                cursor=page.cursor(index), node=TournamentStanding.from_row(board_row(found))
            )
            for index, found in enumerate(page.items)
        ]
        return TournamentStandingConnection(
            edges=edges,
            page_info=relay.PageInfo(
                has_next_page=page.has_next,
                has_previous_page=page.offset > 0,
                start_cursor=edges[0].cursor if edges else None,
                end_cursor=edges[-1].cursor if edges else None,
            ),
            count=page.count,
        )

    @strawberry.field(
        description="The winners (the top winnersCount ranks among those who played, "
        "every tied entrant included), best first; empty until it has ended."
    )
    async def winners(self, info: Info) -> list[TournamentStanding]:
        rows = await service.winners(info.context.sc, self.row)
        return [TournamentStanding.from_row(row) for row in rows]


StatusArgument = Annotated[
    TournamentStatus | None,  # type: ignore[valid-type]
    strawberry.argument(description="Only tournaments in this status."),
]
