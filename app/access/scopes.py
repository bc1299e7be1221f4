"""The role and scope table of CONTRACT.md section 3, kept in this one module.

Every permission check in the code asks for one of these scopes; roles only matter
here, where they are turned into the scopes they grant.
"""

from __future__ import annotations

from enum import StrEnum


class Role(StrEnum):
    OWNER = "OWNER"
    ADMIN = "ADMIN"
    TEACHER = "TEACHER"
    STUDENT = "STUDENT"


class Scope(StrEnum):
    ORG_READ = "org:read"
    ORG_WRITE = "org:write"
    MEMBERS_READ = "members:read"
    MEMBERS_WRITE = "members:write"
    QUIZZES_READ = "quizzes:read"
    QUIZZES_WRITE = "quizzes:write"
    ATTEMPTS_READ = "attempts:read"
    ATTEMPTS_WRITE = "attempts:write"
    LEADERBOARD_READ = "leaderboard:read"
    ANALYTICS_READ = "analytics:read"
    AUDIT_READ = "audit:read"
    INTEGRITY_READ = "integrity:read"
    INTEGRITY_WRITE = "integrity:write"
    NOTIFICATIONS_READ = "notifications:read"
    WEBHOOKS_READ = "webhooks:read"
    WEBHOOKS_WRITE = "webhooks:write"
    PAYMENTS_READ = "payments:read"
    PAYMENTS_WRITE = "payments:write"
    API_KEYS_READ = "api_keys:read"
    API_KEYS_WRITE = "api_keys:write"
    # Platform staff's own (the console): held by platform admins, never by a role or key.
    PLATFORM_READ = "platform:read"
    PLATFORM_WRITE = "platform:write"
    PLATFORM_KEYS_READ = "platform_keys:read"
    PLATFORM_KEYS_WRITE = "platform_keys:write"


ALL_SCOPES: frozenset[Scope] = frozenset(Scope)

# What each scope lets its holder do, in the words of CONTRACT.md section 3; the schema
# publishes them (``Query.accessModel``) so that clients need no copy of this table.
SCOPE_DESCRIPTIONS: dict[Scope, str] = {
    Scope.ORG_READ: "Read the organization",
    Scope.ORG_WRITE: "Change the organization's settings, API access switch and status",
    Scope.MEMBERS_READ: "List members",
    Scope.MEMBERS_WRITE: "Add, change and remove members (user management)",
    Scope.QUIZZES_READ: "Read quizzes (students: published ones, without answers)",
    Scope.QUIZZES_WRITE: "Create, import, update, publish and archive quizzes",
    Scope.ATTEMPTS_READ: "Read everyone's attempts and results (students: their own)",
    Scope.ATTEMPTS_WRITE: "Take quizzes",
    Scope.LEADERBOARD_READ: "Read leaderboards",
    Scope.ANALYTICS_READ: "Read analytics",
    Scope.AUDIT_READ: "Read the audit log",
    Scope.INTEGRITY_READ: "Read integrity events",
    Scope.INTEGRITY_WRITE: "Report an integrity event of an own attempt",
    Scope.NOTIFICATIONS_READ: "Read notifications",
    Scope.WEBHOOKS_READ: "Read webhook endpoints and their deliveries",
    Scope.WEBHOOKS_WRITE: "Add, change, test and remove webhook endpoints",
    Scope.PAYMENTS_READ: "Read every payment (members see their own without it)",
    Scope.PAYMENTS_WRITE: "Record a payment from the organization's own payment system",
    Scope.API_KEYS_READ: "List API keys",
    Scope.API_KEYS_WRITE: "Create, pause, rotate and revoke API keys",
    Scope.PLATFORM_READ: "Platform staff: list organizations with their figures, read the "
    "platform log",
    Scope.PLATFORM_WRITE: "Platform staff: create organizations, disable and re-enable them",
    Scope.PLATFORM_KEYS_READ: "Platform staff: list platform API keys",
    Scope.PLATFORM_KEYS_WRITE: "Platform staff: create, rotate and revoke platform API keys",
}

# The resource part of a scope (``quizzes`` of ``quizzes:read``), as a heading.
RESOURCE_LABELS: dict[str, str] = {
    "org": "Organization",
    "members": "Members",
    "quizzes": "Quizzes",
    "attempts": "Attempts & results",
    "leaderboard": "Leaderboard",
    "analytics": "Analytics",
    "audit": "Audit log",
    "integrity": "Integrity",
    "notifications": "Notifications",
    "webhooks": "Webhooks",
    "payments": "Payments",
    "api_keys": "API keys",
    "platform": "Platform console",
    "platform_keys": "Platform keys",
}

_STAFF: frozenset[Scope] = frozenset(
    {
        Scope.ORG_READ,
        Scope.QUIZZES_READ,
        Scope.QUIZZES_WRITE,
        Scope.ATTEMPTS_READ,
        Scope.ATTEMPTS_WRITE,
        Scope.LEADERBOARD_READ,
        Scope.ANALYTICS_READ,
        Scope.AUDIT_READ,
        Scope.INTEGRITY_READ,
        Scope.INTEGRITY_WRITE,
        Scope.NOTIFICATIONS_READ,
    }
)
_MANAGEMENT: frozenset[Scope] = frozenset(
    {
        Scope.MEMBERS_READ,
        Scope.MEMBERS_WRITE,
        Scope.WEBHOOKS_READ,
        Scope.WEBHOOKS_WRITE,
        Scope.PAYMENTS_READ,
        Scope.PAYMENTS_WRITE,
        Scope.API_KEYS_READ,
        Scope.API_KEYS_WRITE,
    }
)

# Students read published quizzes without answers and only their own attempts;
# those narrower meanings are enforced by the services that own the data.
ROLE_SCOPES: dict[Role, frozenset[Scope]] = {
    Role.OWNER: _STAFF | _MANAGEMENT | {Scope.ORG_WRITE},
    Role.ADMIN: _STAFF | _MANAGEMENT,
    Role.TEACHER: _STAFF,
    Role.STUDENT: frozenset(
        {
            Scope.QUIZZES_READ,
            Scope.ATTEMPTS_READ,
            Scope.ATTEMPTS_WRITE,
            Scope.LEADERBOARD_READ,
            Scope.INTEGRITY_WRITE,
        }
    ),
}

# Scopes a role holds only for its own records: a student's attempts:read shows their
# own attempts, not everyone's (contract section 3).
OWN_RECORDS_ONLY: dict[Role, frozenset[Scope]] = {Role.STUDENT: frozenset({Scope.ATTEMPTS_READ})}


class Capability(StrEnum):
    """What a role may see beyond its scopes; held by signed-in members only, never keys."""

    # Other members' IP addresses and user agents (in the audit log): personal data
    # that staff reading the log for quiz work (teachers) and integrations don't need.
    SEE_CLIENT_DETAILS = "see_client_details"


ROLE_CAPABILITIES: dict[Role, frozenset[Capability]] = {
    Role.OWNER: frozenset({Capability.SEE_CLIENT_DETAILS}),
    Role.ADMIN: frozenset({Capability.SEE_CLIENT_DETAILS}),
}

# The console's scopes: what a platform admin's session holds. Besides the platform's
# own, staff read an org's profile and its audit log (org:read, audit:read); nothing
# else of an org's (no quizzes, members or attempts: staff don't act as members).
PLATFORM_SCOPES: frozenset[Scope] = frozenset(
    {
        Scope.PLATFORM_READ,
        Scope.PLATFORM_WRITE,
        Scope.PLATFORM_KEYS_READ,
        Scope.PLATFORM_KEYS_WRITE,
    }
)
PLATFORM_ADMIN_SCOPES: frozenset[Scope] = PLATFORM_SCOPES | {Scope.ORG_READ, Scope.AUDIT_READ}

NEVER_GRANTABLE_TO_KEYS: frozenset[Scope] = (
    frozenset({Scope.ORG_WRITE, Scope.API_KEYS_READ, Scope.API_KEYS_WRITE}) | PLATFORM_SCOPES
)
KEY_GRANTABLE_SCOPES: frozenset[Scope] = ALL_SCOPES - NEVER_GRANTABLE_TO_KEYS


def scopes_missing_to_assign(role: Role, key_scopes: frozenset[Scope]) -> frozenset[Scope]:
    """The scopes of ``role`` a key holding ``key_scopes`` lacks to give a member that role.

    A key may create or promote a member only to a role whose every scope is grantable to
    keys and among the key's own effective scopes: otherwise a key could make a person who
    signs in with more than the key holds (an owner made by a key mints keys). Empty when
    the key may assign the role.
    """
    return ROLE_SCOPES[role] - (key_scopes & KEY_GRANTABLE_SCOPES)


def roles_assignable_by_key(key_scopes: frozenset[Scope]) -> list[Role]:
    """The roles a key holding ``key_scopes`` may give (see ``scopes_missing_to_assign``)."""
    return [role for role in Role if not scopes_missing_to_assign(role, key_scopes)]


# Roles ranked for the "an admin can't touch an owner" rule; only this module compares them.
_ROLE_RANK: dict[Role, int] = {Role.STUDENT: 0, Role.TEACHER: 1, Role.ADMIN: 2, Role.OWNER: 3}


def manage_refusal(actor_role: Role | None, target: Role, *, platform: bool) -> str | None:
    """Why an actor of ``actor_role`` may not create, change or remove a member whose role
    is (or becomes) ``target``, or None when it may. Only an owner (or platform staff)
    manages an owner; nobody manages a role above their own (keys: their creator's)."""
    if target is Role.OWNER and not (actor_role is Role.OWNER or platform):
        return "Only an owner can create, change or remove an owner."
    if actor_role is not None and _ROLE_RANK[target] > _ROLE_RANK[actor_role]:
        return "You can't manage a member whose role is above yours."
    return None


def scopes_keeping_keys_off(role: Role) -> frozenset[Scope]:
    """The scopes of ``role`` no key can hold: a key never changes or removes a member
    holding any (the owners and admins who govern keys). Empty: keys may touch the role."""
    return ROLE_SCOPES[role] & NEVER_GRANTABLE_TO_KEYS


def scopes_for(role: Role) -> frozenset[Scope]:
    return ROLE_SCOPES[role]


def parse_scopes(values: list[str]) -> tuple[frozenset[Scope], list[str]]:
    """Split strings into known scopes and the unknown ones (for a clear error)."""
    known = {scope.value: scope for scope in Scope}
    unknown = [value for value in values if value not in known]
    return frozenset(known[value] for value in values if value in known), unknown
