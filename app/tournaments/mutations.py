"""Tournament mutations: thin wrappers over the service (and ``lifecycle`` for the early
start and end). Running tournaments needs quizzes:write; registering quizzes:read."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated, Any

import strawberry
from strawberry import relay
from strawberry.types import Info

from app.access.scopes import Role, Scope
from app.core.errors import BadUserInput
from app.graphql.inputs import INPUT
from app.graphql.permissions import requires
from app.graphql.relay import decode_id
from app.tournaments import lifecycle, service
from app.tournaments.models import EntryRule as EntryRuleValue
from app.tournaments.rules import MAX_ENTRANTS, MAX_ROUNDS, MAX_WINNERS, Money, TournamentDraft
from app.tournaments.types import Tournament, TournamentEntryRule

_ROUNDS = f"1 to {MAX_ROUNDS} published quizzes of the organization, in play order, each once."
_ROLES = "The roles that may enter, for entryRule ROLES (and only then)."
_FEE = (
    "An entry fee (entryRule REGISTERED only): members are registered when the org's "
    "payment system records their payment of it (recordPayment with the tournament)."
)
_CAP = f"At most this many entrants (1 to {MAX_ENTRANTS}); null for no cap."
_WINNERS = f"How many ranks win when it ends (1 to {MAX_WINNERS})."


@strawberry.input(description="An entry fee in the currency's minor unit.")
class EntryFeeInput:
    amount: int = strawberry.field(description="Minor units: 1999 is 19.99 EUR.")
    currency: str = strawberry.field(description="ISO 4217 code such as EUR or USD.")


@strawberry.input(description="A new tournament.")
class CreateTournamentInput:
    name: str = strawberry.field(description="1 to 200 characters.")
    rounds: list[relay.GlobalID] = strawberry.field(description=_ROUNDS)
    starts_at: datetime = strawberry.field(description="When it starts (not in the past).")
    ends_at: datetime = strawberry.field(description="When it ends (after startsAt).")
    entry_rule: TournamentEntryRule = strawberry.field(  # type: ignore[valid-type]
        default=EntryRuleValue.EVERY_MEMBER, description="Who takes part."
    )
    entry_roles: list[Role] = strawberry.field(default_factory=list, description=_ROLES)
    entry_fee: EntryFeeInput | None = strawberry.field(default=None, description=_FEE)
    max_entrants: int | None = strawberry.field(default=None, description=_CAP)
    winners_count: int = strawberry.field(default=3, description=_WINNERS)
    certificates_for_winners: bool = strawberry.field(
        default=False, description="Issue the winners certificates when it ends."
    )


@strawberry.input(
    description="Change a tournament; fields left out stay. Before it starts anything can "
    "change; while it runs only name, endsAt, maxEntrants, winnersCount and "
    "certificatesForWinners (CONFLICT otherwise); once ended nothing."
)
class UpdateTournamentInput:
    id: relay.GlobalID = strawberry.field(description="The tournament.")
    name: str | None = strawberry.field(default=strawberry.UNSET, description="A new name.")
    rounds: list[relay.GlobalID] | None = strawberry.field(
        default=strawberry.UNSET, description=_ROUNDS
    )
    starts_at: datetime | None = strawberry.field(
        default=strawberry.UNSET, description="A new start."
    )
    ends_at: datetime | None = strawberry.field(default=strawberry.UNSET, description="A new end.")
    entry_rule: TournamentEntryRule | None = strawberry.field(  # type: ignore[valid-type]
        default=strawberry.UNSET, description="Who takes part."
    )
    entry_roles: list[Role] | None = strawberry.field(default=strawberry.UNSET, description=_ROLES)
    entry_fee: EntryFeeInput | None = strawberry.field(
        default=strawberry.UNSET, description=_FEE + " null removes it."
    )
    max_entrants: int | None = strawberry.field(default=strawberry.UNSET, description=_CAP)
    winners_count: int | None = strawberry.field(default=strawberry.UNSET, description=_WINNERS)
    certificates_for_winners: bool | None = strawberry.field(
        default=strawberry.UNSET, description="Issue the winners certificates when it ends."
    )


@strawberry.input(description="A tournament, by id.")
class TournamentIdInput:
    id: relay.GlobalID = strawberry.field(description="The tournament.")


@strawberry.type
class TournamentPayload:
    tournament: Tournament = strawberry.field(description="The tournament, as it is now.")


_NO_REFUND = (
    "Withdrawing refunds nothing: a paid entry fee stays paid (refunds are the "
    "organization's business, through its payment system)."
)


@strawberry.type(description="A withdrawal from a tournament. " + _NO_REFUND)
class WithdrawFromTournamentPayload:
    tournament: Tournament = strawberry.field(description="The tournament, as it is now.")
    withdrawn: bool = strawberry.field(
        description="True when you were an entrant and no longer are; false when you had "
        "not entered (nothing changed)."
    )
    entry_was_paid: bool = strawberry.field(
        description="You had entered by paying the entry fee. " + _NO_REFUND
    )
    message: str = strawberry.field(description="What happened, to show as it is.")


def _withdrawal_message(withdrawal: service.Withdrawal) -> str:
    if not withdrawal.withdrawn:
        return "You had not entered this tournament."
    if withdrawal.entry_was_paid:
        return (
            "You have withdrawn. Your entry fee is not refunded by withdrawing: ask your "
            "organization about a refund."
        )
    return "You have withdrawn."


def _rounds(ids: list[relay.GlobalID]) -> tuple[uuid.UUID, ...]:
    return tuple(decode_id(gid, "Quiz", f"rounds[{index}]") for index, gid in enumerate(ids))


def _fee(value: EntryFeeInput | None) -> Money | None:
    return Money(value.amount, value.currency.strip().upper()) if value else None


def draft_of(input: CreateTournamentInput) -> TournamentDraft:
    return TournamentDraft(
        name=input.name,
        quiz_ids=_rounds(input.rounds),
        starts_at=input.starts_at,
        ends_at=input.ends_at,
        entry_rule=EntryRuleValue(input.entry_rule),
        entry_roles=tuple(dict.fromkeys(input.entry_roles)),
        entry_fee=_fee(input.entry_fee),
        max_entrants=input.max_entrants,
        winners_count=input.winners_count,
        certificates_for_winners=input.certificates_for_winners,
    )


# Update fields that may not be null (null would mean nothing: leave them out instead).
_REQUIRED = (
    "name",
    "rounds",
    "starts_at",
    "ends_at",
    "entry_rule",
    "entry_roles",
    "winners_count",
    "certificates_for_winners",
)


def changes_of(input: UpdateTournamentInput) -> dict[str, Any]:
    nulls = {
        _camel(name): "may not be null (leave it out to keep it)"
        for name in _REQUIRED
        if getattr(input, name) is None
    }
    if nulls:
        raise BadUserInput(nulls)
    changes: dict[str, Any] = {}
    for name in (
        "name",
        "starts_at",
        "ends_at",
        "max_entrants",
        "winners_count",
        "certificates_for_winners",
    ):
        value = getattr(input, name)
        if value is not strawberry.UNSET:
            changes[name] = value
    if input.rounds is not strawberry.UNSET and input.rounds is not None:
        changes["quiz_ids"] = _rounds(input.rounds)
    if input.entry_rule is not strawberry.UNSET and input.entry_rule is not None:
        changes["entry_rule"] = EntryRuleValue(input.entry_rule)
    if input.entry_roles is not strawberry.UNSET and input.entry_roles is not None:
        changes["entry_roles"] = tuple(dict.fromkeys(input.entry_roles))
    if input.entry_fee is not strawberry.UNSET:
        changes["entry_fee"] = _fee(input.entry_fee)
    return changes


def _camel(name: str) -> str:
    head, *rest = name.split("_")
    return head + "".join(part.title() for part in rest)


async def tournament_org(
    info: Info, input: TournamentIdInput | UpdateTournamentInput
) -> uuid.UUID | None:
    """The org of the tournament an input names, when the actor reaches it."""
    return await service.org_of(info.context.sc, decode_id(input.id, "Tournament"))


WRITE = requires(Scope.QUIZZES_WRITE)
RUN = requires(Scope.QUIZZES_WRITE, target=tournament_org)
ENTER = requires(Scope.QUIZZES_READ, target=tournament_org)


@strawberry.type
class TournamentMutations:
    @strawberry.mutation(
        description="Create a tournament over published quizzes; it starts and ends by "
        "itself at its times. Needs quizzes:write.",
        permission_classes=[WRITE],
    )
    async def create_tournament(
        self, info: Info, input: Annotated[CreateTournamentInput, INPUT]
    ) -> TournamentPayload:
        sc = info.context.sc
        row = await service.create(sc, sc.actor.home_org(), draft_of(input))
        return TournamentPayload(tournament=Tournament.from_row(row))

    @strawberry.mutation(
        description="Change a tournament (what may change depends on its status). Needs "
        "quizzes:write.",
        permission_classes=[RUN],
    )
    async def update_tournament(
        self, info: Info, input: Annotated[UpdateTournamentInput, INPUT]
    ) -> TournamentPayload:
        tournament_id = decode_id(input.id, "Tournament")
        row = await service.update(info.context.sc, tournament_id, changes_of(input))
        return TournamentPayload(tournament=Tournament.from_row(row))

    @strawberry.mutation(
        description="Enter a tournament yourself (a key: its creator). FORBIDDEN with "
        "extensions.reason REGISTRATION_CLOSED, NOT_ELIGIBLE, ENTRY_FEE_UNPAID or "
        "TOURNAMENT_FULL when it can't; registering twice is one entry. Needs quizzes:read.",
        permission_classes=[ENTER],
    )
    async def register_for_tournament(
        self, info: Info, input: Annotated[TournamentIdInput, INPUT]
    ) -> TournamentPayload:
        row = await service.register(info.context.sc, decode_id(input.id, "Tournament"))
        return TournamentPayload(tournament=Tournament.from_row(row))

    @strawberry.mutation(
        description="Withdraw yourself (a key: its creator) from a tournament before it "
        "starts; CONFLICT with extensions.reason TOURNAMENT_RUNNING or TOURNAMENT_ENDED "
        "once it has started. Withdrawing when not entered changes nothing. "
        + _NO_REFUND
        + " Needs quizzes:read.",
        permission_classes=[ENTER],
    )
    async def withdraw_from_tournament(
        self, info: Info, input: Annotated[TournamentIdInput, INPUT]
    ) -> WithdrawFromTournamentPayload:
        withdrawal = await service.withdraw(info.context.sc, decode_id(input.id, "Tournament"))
        return WithdrawFromTournamentPayload(
            tournament=Tournament.from_row(withdrawal.tournament),
            withdrawn=withdrawal.withdrawn,
            entry_was_paid=withdrawal.entry_was_paid,
            message=_withdrawal_message(withdrawal),
        )

    @strawberry.mutation(
        description="Start a scheduled tournament now, before its time (CONFLICT when it "
        "isn't scheduled). Needs quizzes:write.",
        permission_classes=[RUN],
    )
    async def start_tournament(
        self, info: Info, input: Annotated[TournamentIdInput, INPUT]
    ) -> TournamentPayload:
        row = await lifecycle.start_now(info.context.sc, decode_id(input.id, "Tournament"))
        return TournamentPayload(tournament=Tournament.from_row(row))

    @strawberry.mutation(
        description="End a running tournament now: its standings are frozen and its "
        "winners recorded (CONFLICT when it isn't running). Needs quizzes:write.",
        permission_classes=[RUN],
    )
    async def end_tournament(
        self, info: Info, input: Annotated[TournamentIdInput, INPUT]
    ) -> TournamentPayload:
        row = await lifecycle.end_now(info.context.sc, decode_id(input.id, "Tournament"))
        return TournamentPayload(tournament=Tournament.from_row(row))
