"""Imports every domain's tables so ``SQLModel.metadata`` is complete (for alembic)."""

from sqlmodel import SQLModel

from app.accounts.models import PasswordPolicy, PasswordResetLink
from app.analytics.models import MemberDay, OptionDay, QuestionDay, ScoreDay
from app.api_keys.models import ApiKey
from app.attempts.models import Attempt, AttemptAnswer
from app.audit.models import AuditEvent
from app.auth.models import MemberSession, PlatformAdmin
from app.certificates.models import Certificate
from app.integrity.models import AttemptIntegrity, IntegrityEvent, IntegrityRules
from app.leaderboards.models import LeaderboardResult, OrgStanding, QuizStanding
from app.members.models import Member
from app.notifications.models import Notification, NotificationRead
from app.orgs.models import Organization, OrgLogo
from app.payments.models import Payment
from app.persisted_queries.models import PersistedQuery
from app.platform.models import PlatformAdminSession, PlatformAdminTotp, PlatformAuditEvent
from app.quizzes.models import Option, Question, Quiz
from app.tournaments.models import (
    Tournament,
    TournamentEntrant,
    TournamentRound,
    TournamentScore,
    TournamentStanding,
)
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
    "AttemptIntegrity",
    "AuditEvent",
    "Certificate",
    "IntegrityEvent",
    "IntegrityRules",
    "LeaderboardResult",
    "Member",
    "MemberDay",
    "MemberSession",
    "Notification",
    "NotificationRead",
    "Option",
    "OptionDay",
    "OrgLogo",
    "OrgStanding",
    "Organization",
    "PasswordPolicy",
    "PasswordResetLink",
    "Payment",
    "PersistedQuery",
    "PlatformAdmin",
    "PlatformAdminSession",
    "PlatformAdminTotp",
    "PlatformAuditEvent",
    "Question",
    "QuestionDay",
    "Quiz",
    "QuizStanding",
    "ScoreDay",
    "Tournament",
    "TournamentEntrant",
    "TournamentRound",
    "TournamentScore",
    "TournamentStanding",
    "WebhookDelivery",
    "WebhookDeliveryAttempt",
    "WebhookEndpoint",
    "WebhookMessage",
    "metadata",
]
