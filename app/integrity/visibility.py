"""Who sees integrity records: the one rule.

integrity:read over the org's records (``Actor.has_for_everyone``: staff, and keys of
staff) shows every attempt's record and events; nobody else sees any, not even their
own: students are told what is recorded (``Organization.integrityNotice``), not
shown the record. Another org's record is simply not found.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from app.access.actor import Actor
from app.access.scopes import Scope
from app.access.tenancy import require_found
from app.integrity.models import AttemptIntegrity, IntegrityEvent


@dataclass(frozen=True, slots=True)
class IntegrityVisibility:
    actor: Actor

    def require(self, org_id: uuid.UUID) -> None:
        """Raise unless the actor reads the org's integrity records."""
        self.actor.require(Scope.INTEGRITY_READ, org_id)

    def readable(self, record: AttemptIntegrity | None) -> AttemptIntegrity:
        """The loaded record if the actor reads it: NOT_FOUND when missing or out of
        reach, FORBIDDEN without integrity:read."""
        return require_found(self.actor, Scope.INTEGRITY_READ, record)

    def readable_event(self, event: IntegrityEvent | None) -> IntegrityEvent:
        """``readable`` for one event."""
        return require_found(self.actor, Scope.INTEGRITY_READ, event)
