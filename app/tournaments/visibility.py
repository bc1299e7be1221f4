"""Who sees which tournament: the one rule, as a Python predicate and a SQL condition.

- Staff who run tournaments (quizzes:write in the org) see all of the org's.
- Everyone else with quizzes:read in the org sees those they may enter: every-member
  and registration tournaments, and role tournaments that name their role. A member
  who entered one sees it whatever their role became since (``entered`` is asked for
  a loaded row only: the list shows what the rule shows).

Listings, ``node(id:)``, registration, boards and their subscription all ask this
module; the scope (quizzes:read) is checked by the operation itself, before.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlalchemy import ColumnElement, String, cast, or_, true
from sqlmodel import col

from app.access.actor import Actor
from app.access.scopes import Scope
from app.tournaments.models import EntryRule, Tournament


def runs_tournaments(actor: Actor, org_id: uuid.UUID) -> bool:
    return actor.has(Scope.QUIZZES_WRITE) and actor.reaches(org_id)


@dataclass(frozen=True, slots=True)
class TournamentVisibility:
    actor: Actor

    def sees_all(self, org_id: uuid.UUID) -> bool:
        return runs_tournaments(self.actor, org_id)

    def allows(self, tournament: Tournament, *, entered: bool = False) -> bool:
        if not self.actor.reaches(tournament.org_id):
            return False
        if self.sees_all(tournament.org_id) or entered:
            return True
        if tournament.entry_rule is not EntryRule.ROLES:
            return True
        role = self.actor.role
        return role is not None and role.value in tournament.entry_roles

    def clause(self, org_id: uuid.UUID) -> ColumnElement[bool]:
        """The tournaments of ``org_id`` ``allows`` accepts (the org is the
        repository's tenant scope)."""
        if self.sees_all(org_id):
            return true()
        open_to_all = col(Tournament.entry_rule) != EntryRule.ROLES
        role = self.actor.role
        if role is None:
            return open_to_all
        # The roles are a JSON list of plain words: its text holds "ROLE" quoted exactly
        # when the role is listed (no role's name is inside another's quotes).
        listed = cast(col(Tournament.entry_roles), String).contains(f'"{role.value}"')
        return or_(open_to_all, listed)
