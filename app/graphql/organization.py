"""The ``Organization`` type, composed from each domain's org-scoped fields."""

from __future__ import annotations

import strawberry

from app.api_keys.queries import OrganizationApiKeys
from app.attempts.queries import OrganizationAttempts
from app.audit.queries import OrganizationAuditLog
from app.leaderboards.queries import OrganizationLeaderboard
from app.members.queries import OrganizationMembers
from app.orgs.models import Organization as OrganizationRow
from app.orgs.types import Branding, OrganizationFields
from app.quizzes.queries import OrganizationQuizzes


@strawberry.type(name="Organization", description="A school or company using quizgraph.")
class Organization(
    OrganizationFields,
    OrganizationMembers,
    OrganizationAuditLog,
    OrganizationApiKeys,
    OrganizationQuizzes,
    OrganizationAttempts,
    OrganizationLeaderboard,
):
    @classmethod
    def from_row(cls, row: OrganizationRow) -> Organization:
        return cls(
            id=str(row.id),
            org_id=row.id,
            row=row,
            slug=row.slug,
            name=row.name,
            branding=Branding(
                primary_color=row.primary_color, logo_url=row.logo_url, tagline=row.tagline
            ),
        )
