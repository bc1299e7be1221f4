"""The ``Organization`` type, composed from each domain's org-scoped fields."""

from __future__ import annotations

import strawberry
from graphql import GraphQLResolveInfo

from app.accounts.queries import OrganizationPasswordPolicy
from app.analytics.queries import OrganizationAnalyticsFields
from app.api_keys.queries import OrganizationApiKeys
from app.attempts.queries import OrganizationAttempts
from app.audit.queries import OrganizationAuditLog
from app.certificates.queries import OrganizationCertificates
from app.integrity.queries import OrganizationIntegrity
from app.leaderboards.queries import OrganizationLeaderboard
from app.members.queries import OrganizationMembers
from app.notifications.queries import OrganizationNotifications
from app.orgs.settings_types import OrganizationSettingsFields
from app.orgs.types import OrganizationFields
from app.payments.queries import OrganizationPayments
from app.platform.types import OrganizationConsoleFields
from app.quizzes.queries import OrganizationQuizzes
from app.tournaments.queries import OrganizationTournaments
from app.webhooks.queries import OrganizationWebhooks


@strawberry.type(name="Organization", description="A school or company using quizgraph.")
class Organization(
    OrganizationFields,
    OrganizationMembers,
    OrganizationAuditLog,
    OrganizationApiKeys,
    OrganizationQuizzes,
    OrganizationAttempts,
    OrganizationLeaderboard,
    OrganizationWebhooks,
    OrganizationNotifications,
    OrganizationAnalyticsFields,
    OrganizationIntegrity,
    OrganizationPayments,
    OrganizationPasswordPolicy,
    OrganizationTournaments,
    OrganizationConsoleFields,
    OrganizationSettingsFields,
    OrganizationCertificates,
):
    @classmethod
    def is_type_of(cls, obj: object, _info: GraphQLResolveInfo[object]) -> bool:
        """Domains return ``OrganizationFields.from_row(…)``: the same fields, built
        without importing this composition root."""
        return isinstance(obj, OrganizationFields)
