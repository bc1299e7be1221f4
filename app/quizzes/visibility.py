"""Who sees which quiz: the one rule, as a Python predicate and as a SQL condition.

- Authors (quizzes:write in the quiz's org) see every quiz of it: drafts, published
  (open or not) and archived.
- Everyone else who reaches the org sees a quiz only while it is published and open
  now (its opening time passed or unset, its closing time ahead or unset); drafts,
  archived quizzes and quizzes outside their window don't exist for them (NOT_FOUND).

Listings, ``node(id:)``, ``Attempt.quiz``, boards and board subscriptions all ask this
module; the scopes an operation needs (quizzes:read to read, leaderboard:read for a
board) are checked by the operation itself, before.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from sqlalchemy import ColumnElement, and_, or_, true
from sqlmodel import col

from app.access.actor import Actor
from app.access.scopes import Scope
from app.core.clock import as_utc
from app.quizzes.drafts import QuizStatus
from app.quizzes.models import Quiz


def is_author(actor: Actor, org_id: uuid.UUID) -> bool:
    """Writes the org's quizzes, and so sees all of them."""
    return actor.has(Scope.QUIZZES_WRITE) and actor.reaches(org_id)


class Window(Protocol):
    """A quiz's opening times, as a row or a value read from one holds them."""

    @property
    def opens_at(self) -> datetime | None: ...
    @property
    def closes_at(self) -> datetime | None: ...


def is_open(quiz: Window, now: datetime) -> bool:
    opens, closes = quiz.opens_at, quiz.closes_at
    return (opens is None or as_utc(opens) <= now) and (closes is None or as_utc(closes) > now)


def open_conditions(now: datetime) -> tuple[ColumnElement[bool], ...]:
    """``is_open`` in SQL."""
    return (
        or_(col(Quiz.opens_at).is_(None), col(Quiz.opens_at) <= now),
        or_(col(Quiz.closes_at).is_(None), col(Quiz.closes_at) > now),
    )


@dataclass(frozen=True, slots=True)
class QuizVisibility:
    """The rule for one actor at one moment: ``allows(quiz)`` for a loaded row,
    ``clause(org_id)`` for a query of that org's quizzes; both from ``sees_all``."""

    actor: Actor
    now: datetime

    def sees_all(self, org_id: uuid.UUID) -> bool:
        return is_author(self.actor, org_id)

    def allows(self, quiz: Quiz) -> bool:
        if not self.actor.reaches(quiz.org_id):
            return False
        if self.sees_all(quiz.org_id):
            return True
        return quiz.status is QuizStatus.PUBLISHED and is_open(quiz, self.now)

    def clause(self, org_id: uuid.UUID) -> ColumnElement[bool]:
        """The quizzes of ``org_id`` ``allows`` accepts (the org itself is the
        repository's tenant scope, and the caller has checked the actor reaches it)."""
        if self.sees_all(org_id):
            return true()
        return and_(col(Quiz.status) == QuizStatus.PUBLISHED, *open_conditions(self.now))
