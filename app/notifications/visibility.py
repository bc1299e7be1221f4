"""The one rule for who sees a notification.

A reader sees a notification of its org when it holds the notification's audience
scope (``api_keys:read`` for key reminders, ``integrity:read`` for flagged attempts,
…) and the notification is for everyone holding it or addressed to the reader. So a
teacher sees flagged attempts and their own quizzes' news, owners and admins see key
and endpoint news too, and students (who lack notifications:read) see none. A key
reads as the member who created it, with its own effective scopes; platform staff
read as nobody in particular (no read state, only notifications for everyone).

The rule is data (``reader`` and ``scopes``), not an actor, so the live count's feed
can apply it with no request behind it: a subscriber's topic is its visibility.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlalchemy import ColumnElement, and_, or_
from sqlmodel import col

from app.access.actor import Actor
from app.access.scopes import Scope
from app.notifications.models import Notification


@dataclass(frozen=True, slots=True)
class NotificationVisibility:
    reader: uuid.UUID | None  # the member whose read state counts; None for staff
    scopes: frozenset[Scope]

    @classmethod
    def of(cls, actor: Actor) -> NotificationVisibility:
        return cls(reader=actor.member_id, scopes=actor.scopes)

    def clause(self) -> ColumnElement[bool]:
        """As a SQL condition on ``notifications`` (the org is the caller's ``scoped``)."""
        recipient = col(Notification.recipient_id)
        addressed = (
            recipient.is_(None)
            if self.reader is None
            else or_(recipient.is_(None), recipient == self.reader)
        )
        audiences = sorted(scope.value for scope in self.scopes)
        return and_(col(Notification.audience).in_(audiences), addressed)

    def allows(self, row: Notification) -> bool:
        """The same rule for a loaded row."""
        addressed = row.recipient_id is None or row.recipient_id == self.reader
        return addressed and row.audience in {scope.value for scope in self.scopes}
