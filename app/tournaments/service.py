"""The rules for tournaments.

- quizzes:read sees (``TournamentVisibility``) and enters; quizzes:write runs them:
  create, update, start early, end early. Another org's tournament is NOT_FOUND.
- A tournament is SCHEDULED, then RUNNING between its times, then ENDED; the
  scheduler (``scheduler.py``) makes both moves when due, staff may make them early
  (``lifecycle.py``). Only a scheduled tournament changes its rounds, times and entry
  rules; a running one its name, end, winners and cap; an ended one nothing.
- Entry: EVERY_MEMBER and ROLES enter members automatically at their first round
  (or when they register, to be on the board before); REGISTERED takes only those
  who registered, or paid the fee (``register_paid``, called by the payments domain:
  a fee is never waived by registering). A cap counts every entrant, however entered.
  An entrant may withdraw until it starts (``withdraw``); a paid fee is not refunded.
- While a quiz is a round of a scheduled or running tournament, attempts on it are the
  tournament's: only entrants start one, only while it runs (``admit_attempt``, asked
  by the attempts service under the quiz's lock), and its deadline is capped at the
  tournament's end (``round_deadline``). A result counts for the tournament when its
  attempt started after the tournament did and closed, or reached its deadline, by its
  end while it still ran (``record_result``, in the transaction that closes the
  attempt); the scheduler ends a tournament only once the submit grace after its end
  has passed (``repository.END_GRACE``), so a submit at the deadline still counts.
Every change writes the audit log.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from sqlalchemy import Select
from strawberry import relay

from app.access.actor import Actor
from app.access.request import ServiceContext
from app.access.scopes import Role, Scope
from app.access.tenancy import require_found
from app.audit import service as audit
from app.core.clock import as_utc, utcnow
from app.core.errors import BadUserInput, Conflict, Forbidden, NotFound
from app.events.bus import Event
from app.quizzes import service as quizzes
from app.quizzes.drafts import QuizStatus
from app.tournaments import repository
from app.tournaments.catalog import BOARD_CHANGED, SCHEDULE_CHANGED
from app.tournaments.models import EntryKind, EntryRule, Tournament, TournamentStatus
from app.tournaments.repository import BoardRow
from app.tournaments.rules import Money, TournamentDraft, problems
from app.tournaments.visibility import TournamentVisibility

# Settings that may change once the tournament runs; the rest only before.
RUNNING_CHANGES = frozenset(
    {"name", "ends_at", "winners_count", "max_entrants", "certificates_for_winners"}
)


def gid(type_name: str, row_id: uuid.UUID) -> str:
    return str(relay.GlobalID(type_name, str(row_id)))


def board_changed(org_id: uuid.UUID, tournament_id: uuid.UUID) -> Event:
    return Event(BOARD_CHANGED, org_id, {"tournamentId": str(tournament_id)})


def schedule_changed(org_id: uuid.UUID) -> Event:
    return Event(SCHEDULE_CHANGED, org_id, {})


# -- reading ---------------------------------------------------------------------------


async def get(sc: ServiceContext, tournament_id: uuid.UUID) -> Tournament:
    """A tournament the actor sees (quizzes:read and ``TournamentVisibility``)."""
    row = await repository.by_id(sc.db, tournament_id, sc.actor)
    row = require_found(sc.actor, Scope.QUIZZES_READ, row)
    if not await _sees(sc, row):
        raise NotFound()
    return row


async def _sees(sc: ServiceContext, row: Tournament) -> bool:
    visibility = TournamentVisibility(sc.actor)
    if visibility.allows(row):
        return True
    member = sc.actor.member_id
    entered = member is not None and await repository.entrant(sc.db, row.org_id, row.id, member)
    return visibility.allows(row, entered=bool(entered))


def listing(
    sc: ServiceContext, org_id: uuid.UUID, *, status: TournamentStatus | None
) -> Select[Any]:
    sc.actor.require(Scope.QUIZZES_READ, org_id)
    visible = TournamentVisibility(sc.actor).clause(org_id)
    return repository.listing(org_id, visible, status=status)


def board(sc: ServiceContext, tournament: Tournament) -> Select[Any]:
    """The tournament's standings, best first: live while it runs, stored once ended."""
    if tournament.status is TournamentStatus.ENDED:
        return repository.frozen_board(tournament.org_id, tournament.id)
    return repository.live_board(tournament.org_id, tournament.id)


async def winners(sc: ServiceContext, tournament: Tournament) -> list[BoardRow]:
    if tournament.status is not TournamentStatus.ENDED:
        return []
    query = repository.frozen_board(tournament.org_id, tournament.id, winners_only=True)
    return await repository.board_top(sc.db, query, 1000)


# -- authoring -------------------------------------------------------------------------


async def create(sc: ServiceContext, org_id: uuid.UUID, draft: TournamentDraft) -> Tournament:
    sc.actor.require(Scope.QUIZZES_WRITE, org_id)
    now = utcnow()
    await _check(sc, org_id, draft, now, check_start=True)
    tournament = Tournament(
        org_id=org_id,
        name=draft.name.strip(),
        starts_at=draft.starts_at,
        ends_at=draft.ends_at,
        created_by_id=sc.actor.member_id,
        created_at=now,
    )
    _apply(tournament, draft, now)
    sc.db.add(tournament)
    await sc.db.flush()
    await repository.replace_rounds(sc.db, tournament, draft.quiz_ids)
    await audit.record(
        sc,
        "tournament.created",
        target_type="Tournament",
        target_id=tournament.id,
        org_id=org_id,
        details={"name": tournament.name, "rounds": len(draft.quiz_ids)},
    )
    sc.events.append(schedule_changed(org_id))
    return tournament


async def get_writable(sc: ServiceContext, tournament_id: uuid.UUID) -> Tournament:
    """A tournament the actor runs (quizzes:write), locked for the change."""
    row = await repository.by_id(sc.db, tournament_id, sc.actor, for_update=True)
    return require_found(sc.actor, Scope.QUIZZES_WRITE, row)


async def update(
    sc: ServiceContext, tournament_id: uuid.UUID, changes: dict[str, Any]
) -> Tournament:
    """Lay ``changes`` (``TournamentDraft`` field names) over the stored settings."""
    tournament = await get_writable(sc, tournament_id)
    if tournament.status is TournamentStatus.ENDED:
        raise Conflict("The tournament has ended; it no longer changes.", reason="TOURNAMENT_ENDED")
    current = await draft_of(sc, tournament)
    # What the input sets to the value it has is no change (a form sends every field).
    changes = {name: value for name, value in changes.items() if getattr(current, name) != value}
    if tournament.status is TournamentStatus.RUNNING:
        locked = sorted(set(changes) - RUNNING_CHANGES)
        if locked:
            raise Conflict(
                "The tournament is running: only its name, end, winners count, cap and "
                f"certificates can change (not {', '.join(locked)}).",
                reason="TOURNAMENT_RUNNING",
            )
    draft = replace(current, **changes)
    now = utcnow()
    scheduled = tournament.status is TournamentStatus.SCHEDULED
    await _check(
        sc,
        tournament.org_id,
        draft,
        now,
        check_start=scheduled and "starts_at" in changes,
        check_rounds="quiz_ids" in changes,
    )
    if draft.max_entrants is not None and "max_entrants" in changes:
        count = (await repository.entrant_counts(sc.db, tournament.org_id, [tournament.id]))[
            tournament.id
        ]
        if draft.max_entrants < count:
            raise BadUserInput({"maxEntrants": f"{count} have entered already"})
    _apply(tournament, draft, now)
    sc.db.add(tournament)
    if "quiz_ids" in changes:
        await repository.replace_rounds(sc.db, tournament, draft.quiz_ids)
    await sc.db.flush()
    await audit.record(
        sc,
        "tournament.updated",
        target_type="Tournament",
        target_id=tournament.id,
        org_id=tournament.org_id,
        details={"changed": sorted(_camel(name) for name in changes)},
    )
    sc.events.append(schedule_changed(tournament.org_id))
    sc.events.append(board_changed(tournament.org_id, tournament.id))
    return tournament


async def draft_of(sc: ServiceContext, tournament: Tournament) -> TournamentDraft:
    rounds = await repository.rounds_of(sc.db, tournament.org_id, [tournament.id])
    fee = (
        Money(tournament.entry_fee_amount, tournament.entry_fee_currency)
        if tournament.entry_fee_amount is not None and tournament.entry_fee_currency
        else None
    )
    return TournamentDraft(
        name=tournament.name,
        quiz_ids=tuple(rounds[tournament.id]),
        starts_at=as_utc(tournament.starts_at),
        ends_at=as_utc(tournament.ends_at),
        entry_rule=tournament.entry_rule,
        entry_roles=tuple(Role(role) for role in tournament.entry_roles),
        entry_fee=fee,
        max_entrants=tournament.max_entrants,
        winners_count=tournament.winners_count,
        certificates_for_winners=tournament.certificates_for_winners,
    )


async def rounds_of(
    sc: ServiceContext, org_id: uuid.UUID, tournament_ids: list[uuid.UUID]
) -> dict[uuid.UUID, list[uuid.UUID]]:
    return await repository.rounds_of(sc.db, org_id, tournament_ids)


async def entrant_counts(
    sc: ServiceContext, org_id: uuid.UUID, tournament_ids: list[uuid.UUID]
) -> dict[uuid.UUID, int]:
    return await repository.entrant_counts(sc.db, org_id, tournament_ids)


async def entered(
    sc: ServiceContext, org_id: uuid.UUID, tournament_ids: list[uuid.UUID]
) -> set[uuid.UUID]:
    """Which of the tournaments the actor's member entered."""
    member = sc.actor.member_id
    if member is None or sc.actor.org_id != org_id:
        return set()
    return await repository.entered(sc.db, org_id, tournament_ids, member)


def _camel(name: str) -> str:
    head, *rest = name.split("_")
    return head + "".join(part.title() for part in rest)


async def _check(
    sc: ServiceContext,
    org_id: uuid.UUID,
    draft: TournamentDraft,
    now: datetime,
    *,
    check_start: bool,
    check_rounds: bool = True,
) -> None:
    found = problems(draft, now, check_start=check_start)
    if check_rounds and "rounds" not in found:
        found.update(await _round_problems(sc, org_id, draft.quiz_ids))
    if found:
        raise BadUserInput(found)


async def _round_problems(
    sc: ServiceContext, org_id: uuid.UUID, quiz_ids: tuple[uuid.UUID, ...]
) -> dict[str, str]:
    found: dict[str, str] = {}
    for index, quiz_id in enumerate(quiz_ids):
        try:
            quiz = await quizzes.get_visible(sc, quiz_id, org_id)
        except NotFound:
            found[f"rounds[{index}]"] = "is not a quiz of this organization"
            continue
        if quiz.status is not QuizStatus.PUBLISHED:
            found[f"rounds[{index}]"] = "is not published (only published quizzes are rounds)"
    return found


def _apply(tournament: Tournament, draft: TournamentDraft, now: datetime) -> None:
    tournament.name = draft.name.strip()
    tournament.starts_at = draft.starts_at
    tournament.ends_at = draft.ends_at
    tournament.entry_rule = draft.entry_rule
    tournament.entry_roles = [role.value for role in draft.entry_roles]
    tournament.entry_fee_amount = draft.entry_fee.amount if draft.entry_fee else None
    tournament.entry_fee_currency = draft.entry_fee.currency if draft.entry_fee else None
    tournament.max_entrants = draft.max_entrants
    tournament.winners_count = draft.winners_count
    tournament.certificates_for_winners = draft.certificates_for_winners
    tournament.updated_at = now


# -- entering --------------------------------------------------------------------------


def registration_open(tournament: Tournament, now: datetime) -> bool:
    """Until the tournament ends (entering late still leaves the rounds to play)."""
    return tournament.status is not TournamentStatus.ENDED and now < as_utc(tournament.ends_at)


def eligible(tournament: Tournament, role: Role | None) -> bool:
    if tournament.entry_rule is not EntryRule.ROLES:
        return True
    return role is not None and role.value in tournament.entry_roles


def _member_of(actor: Actor, org_id: uuid.UUID) -> uuid.UUID:
    if actor.member_id is None or actor.org_id != org_id:
        raise Forbidden("Only members of the organization enter its tournaments.")
    return actor.member_id


async def register(sc: ServiceContext, tournament_id: uuid.UUID) -> Tournament:
    """Enter the actor's member (a key: its creator); entering twice is one entry."""
    tournament = await get(sc, tournament_id)
    member_id = _member_of(sc.actor, tournament.org_id)
    tournament = await _locked(sc, tournament)
    if await repository.entrant(sc.db, tournament.org_id, tournament.id, member_id):
        return tournament
    if not registration_open(tournament, utcnow()):
        raise Forbidden(
            "Registration for this tournament has closed.", reason="REGISTRATION_CLOSED"
        )
    if not eligible(tournament, sc.actor.role):
        raise Forbidden("This tournament is for members of other roles.", reason="NOT_ELIGIBLE")
    if tournament.entry_fee_amount is not None:
        raise Forbidden(
            f"This tournament has an entry fee of {tournament.entry_fee_amount} (minor units) "
            f"{tournament.entry_fee_currency}: once the payment is recorded you are registered.",
            reason="ENTRY_FEE_UNPAID",
        )
    await _enter(sc, tournament, member_id, EntryKind.REGISTERED)
    return tournament


@dataclass(frozen=True, slots=True)
class Withdrawal:
    tournament: Tournament
    withdrawn: bool  # False: the member had not entered (withdrawing twice is one)
    entry_was_paid: bool  # entered by paying the fee: withdrawing refunds nothing


async def withdraw(sc: ServiceContext, tournament_id: uuid.UUID) -> Withdrawal:
    """Take the actor's member (a key: its creator) out of a tournament before it
    starts: staff see one entrant fewer and the place is free again under the cap. Once
    it has started (or its start time has come) it is CONFLICT, the entrant already on
    its board. A paid entry is withdrawn like any other and nothing is refunded: money
    is the org's payment system's business, not this service's."""
    tournament = await get(sc, tournament_id)
    member_id = _member_of(sc.actor, tournament.org_id)
    tournament = await _locked(sc, tournament)
    if tournament.status is TournamentStatus.ENDED:
        raise Conflict("The tournament has ended.", reason="TOURNAMENT_ENDED")
    if tournament.status is TournamentStatus.RUNNING or utcnow() >= as_utc(tournament.starts_at):
        raise Conflict(
            "The tournament has started: entrants can no longer withdraw.",
            reason="TOURNAMENT_RUNNING",
        )
    entry = await repository.entrant(sc.db, tournament.org_id, tournament.id, member_id)
    if entry is None:
        return Withdrawal(tournament, withdrawn=False, entry_was_paid=False)
    await repository.remove_entrant(sc.db, tournament.org_id, tournament.id, member_id)
    paid = entry.kind is EntryKind.PAID
    await audit.record(
        sc,
        "tournament.withdrawn",
        target_type="Tournament",
        target_id=tournament.id,
        org_id=tournament.org_id,
        details={"memberId": gid("Member", member_id), "how": entry.kind.value, "refunded": False},
    )
    sc.events.append(board_changed(tournament.org_id, tournament.id))
    return Withdrawal(tournament, withdrawn=True, entry_was_paid=paid)


@dataclass(frozen=True, slots=True)
class FeePaid:
    org_id: uuid.UUID
    tournament_id: uuid.UUID
    member_id: uuid.UUID
    amount: int  # minor units
    currency: str


async def register_paid(sc: ServiceContext, paid: FeePaid) -> bool:
    """Register the member whose entry fee was paid; the payments domain calls this in
    the payment's transaction, having checked its own scope (payments:write), and a
    refusal rolls the payment back so the payment system can refund it. True when the
    member is newly entered, False when they were already. Refused: NOT_FOUND (no such
    tournament in the org), BAD_USER_INPUT (it takes no fee, another currency, less
    than the fee), CONFLICT (registration closed, full)."""
    row = await repository.by_id(sc.db, paid.tournament_id, paid.org_id, for_update=True)
    if row is None:
        raise NotFound("No such tournament.")
    if await repository.entrant(sc.db, row.org_id, row.id, paid.member_id):
        return False
    fee, currency = row.entry_fee_amount, row.entry_fee_currency
    if fee is None or currency is None:
        raise BadUserInput({"tournamentId": "this tournament takes no entry fee"})
    if paid.currency.upper() != currency:
        raise BadUserInput({"currency": f"the entry fee is in {currency}"})
    if paid.amount < fee:
        raise BadUserInput({"amount": f"less than the entry fee ({fee} minor units)"})
    if not registration_open(row, utcnow()):
        raise Conflict("Registration for this tournament has closed.", reason="REGISTRATION_CLOSED")
    if await _full(sc, row):
        raise Conflict(
            f"The tournament is full ({row.max_entrants} entrants).", reason="TOURNAMENT_FULL"
        )
    await _enter(sc, row, paid.member_id, EntryKind.PAID, check_cap=False)
    return True


async def _locked(sc: ServiceContext, tournament: Tournament) -> Tournament:
    """The row again under its write lock: entries of one tournament queue up, so two
    can't both take the last place under the cap."""
    row = await repository.by_id(sc.db, tournament.id, tournament.org_id, for_update=True)
    assert row is not None
    return row


async def _full(sc: ServiceContext, tournament: Tournament) -> bool:
    if tournament.max_entrants is None:
        return False
    counts = await repository.entrant_counts(sc.db, tournament.org_id, [tournament.id])
    return counts[tournament.id] >= tournament.max_entrants


async def _enter(
    sc: ServiceContext,
    tournament: Tournament,
    member_id: uuid.UUID,
    kind: EntryKind,
    *,
    check_cap: bool = True,
) -> None:
    """Add the entrant; the caller holds the tournament's lock."""
    if check_cap and await _full(sc, tournament):
        raise Forbidden(
            f"The tournament is full ({tournament.max_entrants} entrants).",
            reason="TOURNAMENT_FULL",
        )
    if not await repository.add_entrant(sc.db, tournament, member_id, kind, utcnow()):
        return
    await audit.record(
        sc,
        "tournament.entered",
        target_type="Tournament",
        target_id=tournament.id,
        org_id=tournament.org_id,
        details={"memberId": gid("Member", member_id), "how": kind.value},
    )
    sc.events.append(board_changed(tournament.org_id, tournament.id))


# -- the attempts' side ----------------------------------------------------------------


async def admit_attempt(
    sc: ServiceContext, org_id: uuid.UUID, quiz_id: uuid.UUID, member_id: uuid.UUID
) -> datetime | None:
    """Refuse a new attempt on a quiz that is a round of a scheduled or running
    tournament unless the member is (or now becomes, by the entry rule) an entrant
    of a running one and it hasn't reached its end. Called by ``startAttempt``, which
    caps the attempt's deadline at what this returns: the end of the tournament it is
    played in (the earliest, if several), so that no round outlasts its tournament;
    None for a quiz in no live tournament."""
    live = await repository.live_with_round(sc.db, org_id, quiz_id)
    if not live:
        return None
    now = utcnow()
    running = [t for t in live if t.status is TournamentStatus.RUNNING and now < as_utc(t.ends_at)]
    entered = [t for t in running if await repository.entrant(sc.db, org_id, t.id, member_id)]
    if entered:
        return round_deadline(entered)
    for tournament in running:
        if tournament.entry_rule is not EntryRule.REGISTERED and eligible(
            tournament, sc.actor.role
        ):
            locked = await _locked(sc, tournament)
            await _enter(sc, locked, member_id, EntryKind.AUTOMATIC)
            return round_deadline([locked])
    if running:
        names = ", ".join(f'"{t.name}"' for t in running)
        raise Forbidden(
            f"This quiz is a round of the tournament {names}, which you have not entered.",
            reason="NOT_AN_ENTRANT",
        )
    scheduled = [t for t in live if t.status is TournamentStatus.SCHEDULED]
    if scheduled:
        first = min(scheduled, key=lambda t: as_utc(t.starts_at))
        raise Forbidden(
            f'This quiz is a round of the tournament "{first.name}", which starts at '
            f"{as_utc(first.starts_at).isoformat()}.",
            reason="TOURNAMENT_NOT_STARTED",
        )
    raise Forbidden(
        "This quiz's tournament has ended; its results are being settled.",
        reason="TOURNAMENT_ENDED",
    )


def round_deadline(played_in: list[Tournament]) -> datetime:
    """The latest an attempt of a round may run: the end of the tournament it is played
    in (the earliest end, when its quiz is a round of several the member entered; an
    attempt past one tournament's end would not count there)."""
    return min(as_utc(t.ends_at) for t in played_in)


@dataclass(frozen=True, slots=True)
class RoundResult:
    org_id: uuid.UUID
    quiz_id: uuid.UUID
    member_id: uuid.UUID
    score: float
    started_at: datetime
    closed_at: datetime
    deadline: datetime | None = None  # the attempt's own


async def record_result(sc: ServiceContext, result: RoundResult) -> None:
    """Count a closed attempt for every running tournament of which its quiz is a round
    and its member an entrant, when it started after the tournament did and closed
    before its end. Called in the attempt's closing transaction."""
    running = await repository.running_with_round_locked(sc.db, result.org_id, result.quiz_id)
    if not running:
        return
    started, closed = as_utc(result.started_at), as_utc(result.closed_at)
    duration_ms = max(0, int((closed - started).total_seconds() * 1000))
    # A submit the attempts service took as on time (within the grace after the
    # deadline) is judged at its deadline, as an attempt that ran out is closed at it:
    # a round capped at the tournament's end then counts whichever way it closed.
    judged = min(closed, as_utc(result.deadline)) if result.deadline is not None else closed
    for tournament in running:
        if not _counts(tournament, started, judged):
            continue
        if not await repository.entrant(sc.db, result.org_id, tournament.id, result.member_id):
            continue
        await repository.record_best(
            sc.db, tournament, result.quiz_id, result.member_id, result.score, duration_ms, closed
        )
        sc.events.append(board_changed(result.org_id, tournament.id))


def _counts(tournament: Tournament, started: datetime, closed: datetime) -> bool:
    if tournament.status is not TournamentStatus.RUNNING or tournament.started_at is None:
        return False
    return as_utc(tournament.started_at) <= started and closed <= as_utc(tournament.ends_at)


async def org_of(sc: ServiceContext, tournament_id: uuid.UUID) -> uuid.UUID | None:
    """The org of the tournament, when the actor reaches it (the field declarations'
    NOT_FOUND-before-FORBIDDEN)."""
    row = await repository.by_id(sc.db, tournament_id, sc.actor)
    return row.org_id if row else None
