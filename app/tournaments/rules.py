"""A tournament's settings and the checks they must pass, with no database.

``TournamentDraft`` is everything staff set, whole: ``createTournament`` builds one from
its input, ``updateTournament`` from the stored tournament with the input's changes
laid over it, so one ``problems`` judges both. Each problem names the input field it is
about (BAD_USER_INPUT's ``fields``). What the stored state allows to change (a running
tournament keeps its rounds and rules) is the service's to say, not this module's.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta

from app.access.scopes import Role
from app.core.currencies import currency_problem
from app.tournaments.models import NAME_MAX, EntryRule

MAX_ROUNDS = 20
MAX_WINNERS = 100
MAX_ENTRANTS = 100_000
# Ten million in the currency's major unit at two decimals: far above any entry fee,
# well inside a 32-bit integer.
MAX_FEE_MINOR = 1_000_000_000
MAX_DURATION = timedelta(days=366)
# A start a little in the past is a form submitted a few seconds late, not a mistake.
START_SLACK = timedelta(minutes=1)


@dataclass(frozen=True, slots=True)
class Money:
    amount: int  # in the currency's minor unit (cents)
    currency: str  # ISO 4217, upper case


@dataclass(frozen=True, slots=True)
class TournamentDraft:
    name: str
    quiz_ids: tuple[uuid.UUID, ...]
    starts_at: datetime
    ends_at: datetime
    entry_rule: EntryRule = EntryRule.EVERY_MEMBER
    entry_roles: tuple[Role, ...] = ()
    entry_fee: Money | None = None
    max_entrants: int | None = None
    winners_count: int = 3
    certificates_for_winners: bool = False


def problems(draft: TournamentDraft, now: datetime, *, check_start: bool) -> dict[str, str]:
    """What is wrong with ``draft``, by input field; empty when nothing is.
    ``check_start``: the start must not be in the past (a tournament not started yet)."""
    found: dict[str, str] = {}
    name = draft.name.strip()
    if not name:
        found["name"] = "must not be empty"
    elif len(name) > NAME_MAX:
        found["name"] = f"at most {NAME_MAX} characters"
    if not 1 <= len(draft.quiz_ids) <= MAX_ROUNDS:
        found["rounds"] = f"give 1 to {MAX_ROUNDS} quizzes"
    elif len(set(draft.quiz_ids)) != len(draft.quiz_ids):
        found["rounds"] = "a quiz can be a round only once"
    found.update(_time_problems(draft, now, check_start=check_start))
    found.update(_entry_problems(draft))
    if not 1 <= draft.winners_count <= MAX_WINNERS:
        found["winnersCount"] = f"must be between 1 and {MAX_WINNERS}"
    return found


def _time_problems(draft: TournamentDraft, now: datetime, *, check_start: bool) -> dict[str, str]:
    found: dict[str, str] = {}
    if check_start and draft.starts_at < now - START_SLACK:
        found["startsAt"] = "must not be in the past"
    if draft.ends_at <= draft.starts_at:
        found["endsAt"] = "must be after startsAt"
    elif draft.ends_at <= now:
        found["endsAt"] = "must be in the future"
    elif draft.ends_at - draft.starts_at > MAX_DURATION:
        found["endsAt"] = f"at most {MAX_DURATION.days} days after startsAt"
    return found


def _entry_problems(draft: TournamentDraft) -> dict[str, str]:
    found: dict[str, str] = {}
    if draft.entry_rule is EntryRule.ROLES and not draft.entry_roles:
        found["entryRoles"] = "name at least one role for entryRule ROLES"
    elif draft.entry_rule is not EntryRule.ROLES and draft.entry_roles:
        found["entryRoles"] = "only entryRule ROLES takes roles"
    fee = draft.entry_fee
    if fee is not None:
        if not 1 <= fee.amount <= MAX_FEE_MINOR:
            found["entryFee.amount"] = (
                f"must be between 1 and {MAX_FEE_MINOR} (in the currency's minor unit)"
            )
        # The payments domain's own check: a fee it could never record a payment of
        # would keep every member out.
        currency = currency_problem(fee.currency)
        if currency:
            found["entryFee.currency"] = currency
        if draft.entry_rule is not EntryRule.REGISTERED:
            # Automatic entry would let members in without paying.
            found["entryFee"] = "an entry fee needs entryRule REGISTERED"
    if draft.max_entrants is not None and not 1 <= draft.max_entrants <= MAX_ENTRANTS:
        found["maxEntrants"] = f"must be between 1 and {MAX_ENTRANTS}, or null for no cap"
    return found
