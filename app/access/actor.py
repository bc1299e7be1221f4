"""The one actor type every request resolves to, and the one way to check permission.

A member session, an API key and platform staff are all an ``Actor`` carrying the
org it belongs to (or the orgs it may reach) and its effective scopes. Services and
GraphQL fields ask ``actor.require(scope, org_id)``; nothing else looks at roles.
Asking about another org's object answers NOT_FOUND, never FORBIDDEN, so that an
actor can't learn which ids exist elsewhere.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum

from app.access.scopes import (
    OWN_RECORDS_ONLY,
    PLATFORM_ADMIN_SCOPES,
    ROLE_CAPABILITIES,
    Capability,
    Role,
    Scope,
    scopes_for,
)
from app.core.errors import (
    BadUserInput,
    Forbidden,
    InsufficientScopes,
    NotFound,
    PasswordChangeRequired,
    Unauthenticated,
)


class ActorKind(StrEnum):
    ANONYMOUS = "ANONYMOUS"
    MEMBER = "MEMBER"
    API_KEY = "API_KEY"
    PLATFORM_ADMIN = "PLATFORM_ADMIN"


@dataclass(frozen=True, slots=True)
class Actor:
    kind: ActorKind
    scopes: frozenset[Scope] = frozenset()
    org_id: uuid.UUID | None = None
    member_id: uuid.UUID | None = None
    role: Role | None = None
    api_key_id: uuid.UUID | None = None
    platform_admin_id: uuid.UUID | None = None
    # Platform staff reach every org unless restricted to these.
    reachable_org_ids: frozenset[uuid.UUID] | None = None
    # What the audit log shows as "who": a username or a key prefix, never a secret.
    label: str = "anonymous"
    session_id: uuid.UUID | None = field(default=None, compare=False)
    # A session signed in with a temporary password: it holds no scope, and every check
    # answers PASSWORD_CHANGE_REQUIRED until the member chooses a password.
    password_change_required: bool = False

    @property
    def is_authenticated(self) -> bool:
        return self.kind is not ActorKind.ANONYMOUS

    @property
    def is_platform(self) -> bool:
        return self.kind is ActorKind.PLATFORM_ADMIN or (
            self.kind is ActorKind.API_KEY and self.org_id is None
        )

    def reaches(self, org_id: uuid.UUID) -> bool:
        if self.is_platform:
            return self.reachable_org_ids is None or org_id in self.reachable_org_ids
        return self.org_id == org_id

    def reaches_all(self, org_ids: Iterable[uuid.UUID] | None) -> bool:
        """Reaches a platform object (of no org: a platform endpoint, say) that covers
        ``org_ids``, None meaning every org. Only platform staff do, and staff restricted
        to some orgs only when those include every org it covers, so a restricted key
        can't change what other orgs' data flows to. ``tenancy.platform_reach_clause``
        is this rule in SQL."""
        if not self.is_platform:
            return False
        if self.reachable_org_ids is None:
            return True
        return org_ids is not None and self.reachable_org_ids.issuperset(org_ids)

    def require_platform(self, scope: Scope) -> None:
        """Raise unless the actor is platform staff (a platform admin or a platform key)
        holding ``scope``: for what only staff do, such as configuring across orgs."""
        self._require_usable()
        if not self.is_platform:
            raise Forbidden("Only platform staff may act across organizations.")
        self.require(scope, None)

    def home_org(self) -> uuid.UUID:
        """The org a mutation without an org argument acts on."""
        self._require_usable()
        if self.org_id is None:
            raise BadUserInput({"organization": "platform credentials must name the organization"})
        return self.org_id

    def has(self, scope: Scope) -> bool:
        return scope in self.scopes

    def has_for_everyone(self, scope: Scope, org_id: uuid.UUID) -> bool:
        """Holds ``scope`` over everyone's records of the org, not only its own."""
        limited = OWN_RECORDS_ONLY.get(self.role, frozenset()) if self.role else frozenset()
        return self.has(scope) and scope not in limited and self.reaches(org_id)

    def can(self, capability: Capability, org_id: uuid.UUID) -> bool:
        """A capability of a signed-in member's role in that org (keys hold none)."""
        granted = ROLE_CAPABILITIES.get(self.role, frozenset()) if self.role else frozenset()
        return self.kind is ActorKind.MEMBER and capability in granted and self.reaches(org_id)

    def require(self, scope: Scope, org_id: uuid.UUID | None) -> None:
        """Raise unless the actor may use ``scope`` on data of ``org_id``."""
        self._require_usable()
        if org_id is not None and not self.reaches(org_id):
            raise NotFound()
        if scope not in self.scopes:
            holder = "key" if self.kind is ActorKind.API_KEY else "role"
            raise InsufficientScopes([scope.value], [s.value for s in self.scopes], holder)

    def require_org(self, org_id: uuid.UUID) -> None:
        """Raise NOT_FOUND unless the actor belongs to (or may reach) the org."""
        self._require_usable()
        if not self.reaches(org_id):
            raise NotFound()

    def _require_usable(self) -> None:
        """Credentials that may act at all: signed in, and not waiting for a new password."""
        if not self.is_authenticated:
            raise Unauthenticated()
        if self.password_change_required:
            raise PasswordChangeRequired()


ANONYMOUS = Actor(kind=ActorKind.ANONYMOUS)


def org_reach(stored: Iterable[str] | None) -> frozenset[uuid.UUID] | None:
    """The orgs a platform key or platform endpoint is restricted to, from its stored
    ``org_ids`` (a JSON list of ids as strings); None, unrestricted, reaches every org."""
    return None if stored is None else frozenset(uuid.UUID(value) for value in stored)


def member_actor(
    *,
    org_id: uuid.UUID,
    member_id: uuid.UUID,
    role: Role,
    username: str,
    session_id: uuid.UUID | None = None,
    password_change_required: bool = False,
) -> Actor:
    """A member's session; one signed in with a temporary password holds no scope
    until the password is changed."""
    return Actor(
        kind=ActorKind.MEMBER,
        scopes=frozenset() if password_change_required else scopes_for(role),
        org_id=org_id,
        member_id=member_id,
        role=role,
        label=username,
        session_id=session_id,
        password_change_required=password_change_required,
    )


def platform_admin_actor(
    admin_id: uuid.UUID, username: str, session_id: uuid.UUID | None = None
) -> Actor:
    """A platform admin signed in to the console: the console's scopes, every org."""
    return Actor(
        kind=ActorKind.PLATFORM_ADMIN,
        scopes=PLATFORM_ADMIN_SCOPES,
        platform_admin_id=admin_id,
        label=f"platform:{username}",
        session_id=session_id,
    )
