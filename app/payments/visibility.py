"""Who sees which payment: the one rule, as a Python predicate and as a SQL condition.

payments:read (owners and admins, and keys holding it) shows every payment of the
org; anyone else signed in to the org sees only their own, the payments whose payer
they are (a key: its creator's, as it reads everything as its creator). Platform
staff holding payments:read see the payments of the orgs they reach. Another org's
payment is simply not found.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlalchemy import ColumnElement, false, true
from sqlmodel import col

from app.access.actor import Actor
from app.access.scopes import Scope
from app.core.errors import NotFound, Unauthenticated
from app.payments.models import Payment


@dataclass(frozen=True, slots=True)
class PaymentVisibility:
    actor: Actor

    def sees_everyones(self, org_id: uuid.UUID) -> bool:
        return self.actor.has_for_everyone(Scope.PAYMENTS_READ, org_id)

    def require_org(self, org_id: uuid.UUID) -> None:
        """Raise unless the actor belongs to (or reaches) the org: UNAUTHENTICATED
        without credentials, NOT_FOUND for another org."""
        self.actor.require_org(org_id)

    def allows(self, payment: Payment) -> bool:
        if not self.actor.reaches(payment.org_id):
            return False
        if self.sees_everyones(payment.org_id):
            return True
        return self.actor.member_id is not None and payment.member_id == self.actor.member_id

    def readable(self, payment: Payment | None) -> Payment:
        """The loaded payment if the actor sees it; NOT_FOUND otherwise (another
        member's payment is not revealed to exist)."""
        if not self.actor.is_authenticated:
            raise Unauthenticated()
        if payment is None or not self.allows(payment):
            raise NotFound()
        return payment

    def clause(self, org_id: uuid.UUID) -> ColumnElement[bool]:
        """The payments of ``org_id`` ``allows`` accepts (the org itself is the
        repository's tenant scope)."""
        if self.sees_everyones(org_id):
            return true()
        if self.actor.member_id is None:
            return false()
        return col(Payment.member_id) == self.actor.member_id
