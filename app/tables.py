"""Imports every domain's tables so ``SQLModel.metadata`` is complete (for alembic)."""

from sqlmodel import SQLModel

from app.api_keys.models import ApiKey
from app.attempts.models import Attempt, AttemptAnswer
from app.audit.models import AuditEvent
from app.auth.models import MemberSession, PlatformAdmin
from app.leaderboards.models import LeaderboardResult, OrgStanding, QuizStanding
from app.members.models import Member
from app.orgs.models import Organization
from app.quizzes.models import Option, Question, Quiz
from app.webhooks.models import (
    WebhookDelivery,
    WebhookDeliveryAttempt,
    WebhookEndpoint,
    WebhookMessage,
)

metadata = SQLModel.metadata

__all__ = [
    "ApiKey",
    "Attempt",
    "AttemptAnswer",
    "AuditEvent",
    "LeaderboardResult",
    "Member",
    "MemberSession",
    "Option",
    "OrgStanding",
    "Organization",
    "PlatformAdmin",
    "Question",
    "Quiz",
    "QuizStanding",
    "WebhookDelivery",
    "WebhookDeliveryAttempt",
    "WebhookEndpoint",
    "WebhookMessage",
    "metadata",
]
