"""Who sees which attempt: the one rule, as a Python predicate and as a SQL condition.

attempts:read over everyone's records (``Actor.has_for_everyone``: staff, and keys of
staff) shows every attempt of the org; otherwise (students, and their keys) only the
actor's own. Listings and ``node(id:)`` ask this module; the attempts:read scope itself
is checked by the operation, before.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlalchemy import ColumnElement, false, true
from sqlmodel import col

from app.access.actor import Actor
from app.access.scopes import Scope
from app.attempts.models import Attempt


@dataclass(frozen=True, slots=True)
class AttemptVisibility:
    """``allows(attempt)`` for a loaded row, ``clause(org_id)`` for a query of that
    org's attempts; both from ``sees_everyones``."""

    actor: Actor

    def sees_everyones(self, org_id: uuid.UUID) -> bool:
        return self.actor.has_for_everyone(Scope.ATTEMPTS_READ, org_id)

    def allows(self, attempt: Attempt) -> bool:
        if not self.actor.reaches(attempt.org_id):
            return False
        if self.sees_everyones(attempt.org_id):
            return True
        return self.actor.member_id is not None and attempt.member_id == self.actor.member_id

    def clause(self, org_id: uuid.UUID) -> ColumnElement[bool]:
        """The attempts of ``org_id`` ``allows`` accepts (the org itself is the
        repository's tenant scope)."""
        if self.sees_everyones(org_id):
            return true()
        if self.actor.member_id is None:
            return false()
        return col(Attempt.member_id) == self.actor.member_id
