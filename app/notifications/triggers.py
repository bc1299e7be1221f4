"""What each event of the bus tells staff: a ``Draft`` per notification it makes.

Each trigger reads the event (and, where it must, a row or a count) and returns the
notifications to write; none writes anything itself. The events and who hears them:

| event | notification | who sees it |
| --- | --- | --- |
| ``attempt.flagged`` (integrity) | ATTEMPT_FLAGGED | integrity:read |
| ``quiz.completed`` reaching a milestone | QUIZ_MILESTONE | the quiz's owner (quizzes:write) |
| ``quiz.archived`` by someone else | QUIZ_ARCHIVED | the quiz's owner (quizzes:write) |
| ``quiz.import_problems`` | IMPORT_PROBLEMS | the importer (quizzes:write) |
| ``webhook.disabled`` (by the worker) | WEBHOOK_DISABLED | webhooks:read |
| ``api_key.disabled`` (creator disabled or removed) | API_KEY_DISABLED | api_keys:read |

The sweep adds key expiry reminders, expired keys and quizzes whose closing time
passed (QUIZ_CLOSED, to the quiz's owner) (``sweep.py``). Each draft has a
``dedupe_key``: the same trigger heard twice (every process hears every event over
Redis) writes one notification.
"""

from __future__ import annotations

import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from strawberry import relay

from app.access.request import ServiceContext
from app.access.scopes import Scope
from app.api_keys.service import API_KEY_DISABLED
from app.core.settings import get_settings
from app.events.bus import QUIZ_COMPLETED, Event
from app.integrity.catalog import ATTEMPT_FLAGGED
from app.integrity.rules import REASON_TEXT
from app.leaderboards import service as leaderboards
from app.notifications.models import BODY_MAX, TITLE_MAX, NotificationType
from app.quizzes import service as quizzes
from app.quizzes.catalog import QUIZ_ARCHIVED, QUIZ_IMPORT_PROBLEMS

WEBHOOK_DISABLED = "webhook.disabled"


@dataclass(frozen=True, slots=True)
class Draft:
    org_id: uuid.UUID
    type: NotificationType
    title: str
    audience: Scope
    dedupe_key: str
    body: str = ""
    subject_type: str | None = None
    subject_id: uuid.UUID | None = None
    link: str = ""
    recipient_id: uuid.UUID | None = None

    @property
    def key(self) -> tuple[uuid.UUID, str]:
        """What makes it the same notification as one written before."""
        return self.org_id, self.dedupe_key

    def values(self, now: datetime) -> dict[str, Any]:
        return {
            "id": uuid.uuid4(),
            "org_id": self.org_id,
            "type": self.type.value,
            "title": self.title[:TITLE_MAX],
            "body": self.body[:BODY_MAX],
            "subject_type": self.subject_type,
            "subject_id": self.subject_id,
            "link": self.link,
            "audience": self.audience.value,
            "recipient_id": self.recipient_id,
            "dedupe_key": self.dedupe_key,
            "created_at": now,
        }


def row_id(value: object, type_name: str) -> uuid.UUID | None:
    """The row id of a global id of ``type_name`` (or of a plain UUID), else None."""
    if not isinstance(value, str) or not value:
        return None
    try:
        return uuid.UUID(value)
    except ValueError:
        pass
    try:
        gid = relay.GlobalID.from_id(value)
        return uuid.UUID(gid.node_id) if gid.type_name == type_name else None
    except ValueError:
        return None


def _gid(type_name: str, value: uuid.UUID) -> str:
    return str(relay.GlobalID(type_name, str(value)))


def to_quiz_owner(
    org_id: uuid.UUID,
    kind: NotificationType,
    title: str,
    quiz_id: uuid.UUID,
    owner: uuid.UUID | None,
    dedupe_key: str,
    body: str = "",
) -> Draft:
    """News of a quiz for its owner (quizzes:write), linking to the quiz's page."""
    return Draft(
        org_id=org_id,
        type=kind,
        title=title,
        body=body,
        audience=Scope.QUIZZES_WRITE,
        recipient_id=owner,
        subject_type="Quiz",
        subject_id=quiz_id,
        link=f"/dashboard/quizzes/{_gid('Quiz', quiz_id)}",
        dedupe_key=dedupe_key,
    )


def _quoted(title: object) -> str:
    return f"“{title}”" if title else "A quiz"


async def attempt_flagged(sc: ServiceContext, event: Event) -> list[Draft]:
    attempt = row_id(event.data.get("attemptId"), "Attempt")
    if attempt is None:
        return []
    quiz = row_id(event.data.get("quizId"), "Quiz")
    title = "An attempt was flagged for review"
    if quiz is not None:
        quiz_title = (await quizzes.quiz_of_record(sc, quiz, event.org_id)).title
        title = f"An attempt at {_quoted(quiz_title)} was flagged"
    reasons = event.data.get("reasons") or []
    said = [REASON_TEXT.get(str(reason), str(reason)) for reason in reasons]
    body = f"The participant {', and '.join(said)}." if isinstance(reasons, list) and said else ""
    return [
        Draft(
            org_id=event.org_id,
            type=NotificationType.ATTEMPT_FLAGGED,
            title=title,
            body=body,
            audience=Scope.INTEGRITY_READ,
            subject_type="Attempt",
            subject_id=attempt,
            link=f"/dashboard/integrity?attempt={_gid('Attempt', attempt)}",
            dedupe_key=f"attempt.flagged:{attempt}",
        )
    ]


async def quiz_completed(sc: ServiceContext, event: Event) -> list[Draft]:
    """The highest milestone the quiz's participants have reached, once per milestone."""
    quiz_id = row_id(event.data.get("quizId"), "Quiz")
    milestones = sorted(set(get_settings().notification_milestones))
    if quiz_id is None or not milestones:
        return []
    count = await leaderboards.participant_count(sc, event.org_id, quiz_id, milestones[-1])
    reached = [milestone for milestone in milestones if milestone <= count]
    if not reached:
        return []
    milestone = reached[-1]
    quiz = await quizzes.quiz_of_record(sc, quiz_id, event.org_id)
    return [
        to_quiz_owner(
            event.org_id,
            NotificationType.QUIZ_MILESTONE,
            f"{_quoted(quiz.title)} was completed by {milestone:,} participants",
            quiz.id,
            quiz.created_by_id,
            f"quiz.milestone:{quiz.id}:{milestone}",
        )
    ]


async def quiz_archived(sc: ServiceContext, event: Event) -> list[Draft]:
    quiz_id = row_id(event.data.get("quizId"), "Quiz")
    owner = row_id(event.data.get("createdById"), "Member")
    archiver = row_id(event.data.get("archivedById"), "Member")
    if quiz_id is None or owner is None or owner == archiver:
        return []  # nobody to tell, or the owner archived it themselves
    return [
        to_quiz_owner(
            event.org_id,
            NotificationType.QUIZ_ARCHIVED,
            f"{_quoted(event.data.get('title'))} was closed (archived)",
            quiz_id,
            owner,
            f"quiz.archived:{quiz_id}",
        )
    ]


async def import_problems(sc: ServiceContext, event: Event) -> list[Draft]:
    importer = row_id(event.data.get("memberId"), "Member")
    if importer is None:
        return []  # a key without a member behind it, or platform staff: nobody to tell
    quiz_id = row_id(event.data.get("quizId"), "Quiz")
    problems = int(event.data.get("problems") or 0)
    name = event.data.get("filename") or "pasted text"
    title = (
        f"{_quoted(event.data.get('title'))} was imported with {problems:,} problems"
        if quiz_id
        else f"Nothing could be imported from {name} ({problems:,} problems)"
    )
    first = event.data.get("firstProblems") or []
    return [
        Draft(
            org_id=event.org_id,
            type=NotificationType.IMPORT_PROBLEMS,
            title=title,
            body="; ".join(str(problem) for problem in first),
            audience=Scope.QUIZZES_WRITE,
            recipient_id=importer,
            subject_type="Quiz" if quiz_id else None,
            subject_id=quiz_id,
            link=f"/dashboard/quizzes/{_gid('Quiz', quiz_id)}" if quiz_id else "/dashboard/quizzes",
            dedupe_key=f"quiz.import_problems:{event.id}",
        )
    ]


async def webhook_disabled(sc: ServiceContext, event: Event) -> list[Draft]:
    webhook = row_id(event.data.get("webhookId"), "Webhook")
    if webhook is None:
        return []
    return [
        Draft(
            org_id=event.org_id,
            type=NotificationType.WEBHOOK_DISABLED,
            title=f"The webhook endpoint {event.data.get('url', '')} was switched off",
            body=str(event.data.get("reason") or ""),
            audience=Scope.WEBHOOKS_READ,
            subject_type="Webhook",
            subject_id=webhook,
            link=f"/dashboard/webhooks/{_gid('Webhook', webhook)}",
            dedupe_key=f"webhook.disabled:{event.id}",
        )
    ]


async def api_key_disabled(sc: ServiceContext, event: Event) -> list[Draft]:
    key = row_id(event.data.get("apiKeyId"), "ApiKey")
    if key is None:
        return []
    name = event.data.get("name") or event.data.get("prefix") or "An API key"
    return [
        Draft(
            org_id=event.org_id,
            type=NotificationType.API_KEY_DISABLED,
            title=f"The API key “{name}” was switched off by the server",
            body=str(event.data.get("reason") or ""),
            audience=Scope.API_KEYS_READ,
            subject_type="ApiKey",
            subject_id=key,
            link="/dashboard/api-keys",
            dedupe_key=f"api_key.disabled:{event.id}",
        )
    ]


Trigger = Callable[[ServiceContext, Event], Awaitable[list[Draft]]]

TRIGGERS: dict[str, Trigger] = {
    ATTEMPT_FLAGGED: attempt_flagged,
    QUIZ_COMPLETED: quiz_completed,
    QUIZ_ARCHIVED: quiz_archived,
    QUIZ_IMPORT_PROBLEMS: import_problems,
    WEBHOOK_DISABLED: webhook_disabled,
    API_KEY_DISABLED: api_key_disabled,
}
