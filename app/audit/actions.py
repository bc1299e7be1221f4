"""Every action the audit log records, with the words a person reads it in.

``service.record`` takes the action as a string from each domain; this table is what
the API offers to pick from (``Organization.auditActions``) and what the dashboard writes
its sentences with. tests/audit/test_actions.py reads the source of ``app/`` and fails
when a domain records an action this table doesn't name.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Area:
    name: str  # the part of an action before the dot
    label: str


@dataclass(frozen=True, slots=True)
class ActionInfo:
    action: str
    label: str  # e.g. "Key disabled"
    area: Area


SIGN_IN = Area("auth", "Sign-ins")
MEMBERS = Area("member", "Members")
API_KEYS = Area("api_key", "API keys")
ORGANIZATION = Area("org", "Organization")
QUIZZES = Area("quiz", "Quizzes")
ATTEMPTS = Area("attempt", "Attempts")
WEBHOOKS = Area("webhook", "Webhooks")
INTEGRITY = Area("integrity", "Integrity")
TOURNAMENTS = Area("tournament", "Tournaments")
CERTIFICATES = Area("certificate", "Certificates")
PAYMENTS = Area("payment", "Payments")

AREAS: tuple[Area, ...] = (
    SIGN_IN,
    MEMBERS,
    API_KEYS,
    ORGANIZATION,
    QUIZZES,
    ATTEMPTS,
    WEBHOOKS,
    INTEGRITY,
    TOURNAMENTS,
    CERTIFICATES,
    PAYMENTS,
)

# Sign-ins that succeeded: the most frequent event by far, which the dashboard folds.
SIGNED_IN = "auth.login"

ACTIONS: tuple[ActionInfo, ...] = (
    ActionInfo(SIGNED_IN, "Signed in", SIGN_IN),
    ActionInfo("auth.logout", "Signed out", SIGN_IN),
    ActionInfo("auth.login_failed", "Sign-in failed", SIGN_IN),
    ActionInfo("auth.locked_out", "Sign-ins locked out for a while", SIGN_IN),
    ActionInfo("auth.password_changed", "Password changed", SIGN_IN),
    ActionInfo("auth.password_reset_by_link", "Password set with a reset link", SIGN_IN),
    ActionInfo("member.added", "Member added", MEMBERS),
    ActionInfo("member.updated", "Member changed", MEMBERS),
    ActionInfo("member.removed", "Member removed", MEMBERS),
    ActionInfo("member.temporary_password_set", "Temporary password set", MEMBERS),
    ActionInfo("member.reset_link_created", "Password reset link made", MEMBERS),
    ActionInfo("member.imported", "Members imported", MEMBERS),
    ActionInfo("api_key.created", "Key created", API_KEYS),
    ActionInfo("api_key.enabled", "Key enabled", API_KEYS),
    ActionInfo("api_key.disabled", "Key disabled", API_KEYS),
    ActionInfo("api_key.revoked", "Key revoked", API_KEYS),
    ActionInfo("api_key.rotated", "Key rotated", API_KEYS),
    ActionInfo("org.created", "Organization created", ORGANIZATION),
    ActionInfo("org.api_access_changed", "API access switched on or off", ORGANIZATION),
    ActionInfo("org.disabled", "Organization disabled", ORGANIZATION),
    ActionInfo("org.enabled", "Organization enabled", ORGANIZATION),
    ActionInfo("org.portal_code_rotated", "Portal code changed", ORGANIZATION),
    ActionInfo("org.password_policy_updated", "Password policy changed", ORGANIZATION),
    ActionInfo("org.branding_updated", "Branding changed", ORGANIZATION),
    ActionInfo("org.logo_uploaded", "Logo uploaded", ORGANIZATION),
    ActionInfo("org.settings_updated", "Settings changed", ORGANIZATION),
    ActionInfo("quiz.created", "Quiz created", QUIZZES),
    ActionInfo("quiz.imported", "Quiz imported", QUIZZES),
    ActionInfo("quiz.duplicated", "Quiz duplicated", QUIZZES),
    ActionInfo("quiz.updated", "Quiz edited", QUIZZES),
    ActionInfo("quiz.published", "Quiz published", QUIZZES),
    ActionInfo("quiz.archived", "Quiz archived", QUIZZES),
    ActionInfo("attempt.started", "Attempt started", ATTEMPTS),
    ActionInfo("attempt.submitted", "Attempt submitted", ATTEMPTS),
    ActionInfo("attempt.expired", "Attempt closed at its deadline", ATTEMPTS),
    ActionInfo("webhook.created", "Endpoint added", WEBHOOKS),
    ActionInfo("webhook.updated", "Endpoint changed", WEBHOOKS),
    ActionInfo("webhook.secret_rotated", "Endpoint secret rotated", WEBHOOKS),
    ActionInfo("webhook.disabled", "Endpoint disabled", WEBHOOKS),
    ActionInfo("webhook.deleted", "Endpoint deleted", WEBHOOKS),
    ActionInfo("integrity.flagged", "Attempt flagged for review", INTEGRITY),
    ActionInfo("integrity.reviewed", "Integrity flag reviewed", INTEGRITY),
    ActionInfo("integrity.rules_updated", "Integrity rules changed", INTEGRITY),
    ActionInfo("tournament.created", "Tournament created", TOURNAMENTS),
    ActionInfo("tournament.updated", "Tournament changed", TOURNAMENTS),
    ActionInfo("tournament.entered", "Member entered a tournament", TOURNAMENTS),
    ActionInfo("tournament.withdrawn", "Member withdrew from a tournament", TOURNAMENTS),
    ActionInfo("tournament.started", "Tournament started", TOURNAMENTS),
    ActionInfo("tournament.ended", "Tournament ended", TOURNAMENTS),
    ActionInfo("certificate.issued", "Certificate issued", CERTIFICATES),
    ActionInfo("certificate.revoked", "Certificate revoked", CERTIFICATES),
    ActionInfo("payment.recorded", "Payment recorded", PAYMENTS),
)

BY_NAME: dict[str, ActionInfo] = {info.action: info for info in ACTIONS}
AREA_NAMES: frozenset[str] = frozenset(area.name for area in AREAS)
