"""Who sees which certificate (outside the public page): the one rule.

Certificates follow attempts:read (CONTRACT.md section 3): holding it over everyone's
records (``Actor.has_for_everyone``: staff, and keys of staff) shows every certificate
of the org; otherwise (students, and their keys) only the actor's own. Anyone, signed in
or not, may verify one by its code on the public page; that is not this rule's business.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlalchemy import ColumnElement, false, true
from sqlmodel import col

from app.access.actor import Actor
from app.access.scopes import Scope
from app.certificates.models import Certificate


@dataclass(frozen=True, slots=True)
class CertificateVisibility:
    """``allows(certificate)`` for a loaded row, ``clause(org_id)`` for a query of that
    org's certificates; both from ``sees_everyones``."""

    actor: Actor

    def sees_everyones(self, org_id: uuid.UUID) -> bool:
        return self.actor.has_for_everyone(Scope.ATTEMPTS_READ, org_id)

    def allows(self, certificate: Certificate) -> bool:
        if not self.actor.reaches(certificate.org_id):
            return False
        if self.sees_everyones(certificate.org_id):
            return True
        member = self.actor.member_id
        return member is not None and certificate.member_id == member

    def clause(self, org_id: uuid.UUID) -> ColumnElement[bool]:
        """The certificates of ``org_id`` ``allows`` accepts (the org itself is the
        repository's tenant scope)."""
        if self.sees_everyones(org_id):
            return true()
        if self.actor.member_id is None:
            return false()
        return col(Certificate.member_id) == self.actor.member_id
