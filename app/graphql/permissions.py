"""Access declared on fields: every root field says who may call it, readable back.

Three declarations, each a Strawberry permission class whose ``access`` and ``scopes``
tests (and tools) read from the schema:

- ``requires(*scopes)``: the actor must hold every scope (checked in order) on the
  data's org: the source object's ``org_id`` for a field of an org-scoped object,
  the actor's home org for a root operation. Another org's data answers NOT_FOUND.
- ``requires(*scopes, target=org_of)``: an operation on one object named by an id
  (``updateQuiz(input: {id})``). An actor lacking a scope gets NOT_FOUND when the
  object is missing or out of its reach and FORBIDDEN otherwise, as the service
  would answer: ``org_of`` finds the object's org only on that path.
- ``public()``: anyone, anonymous included (``login``, ``organization(slug:)``).
- ``signed_in()``: any credentials; what the actor reaches is decided per object by
  the service (``node(id:)``, which delegates to each type's declaration, ``logout``).
- ``member_session()``: a member signed in on the portal, not a key or staff: for what
  only a person with a password does (``changeMyPassword``). It asks nothing more, so a
  session holding a temporary password passes (PASSWORD_CHANGE_REQUIRED elsewhere).

The checks are the actor's own ``require``, the call services make too (they keep
theirs: the field check is the first line, not the only one).
"""

from __future__ import annotations

import uuid
from collections.abc import Awaitable, Callable
from enum import StrEnum
from functools import cache
from typing import Any, ClassVar

from starlette.datastructures import UploadFile
from strawberry.permission import BasePermission
from strawberry.types import Info
from strawberry.types.field import StrawberryField

from app.access.actor import ActorKind
from app.access.scopes import Scope
from app.core.errors import Forbidden, NotFound, Unauthenticated

# The org of the object an operation names in its arguments (the resolver's keyword
# arguments), or None when there is no such object.
TargetOrg = Callable[..., Awaitable[uuid.UUID | None]]


class Access(StrEnum):
    PUBLIC = "PUBLIC"
    SIGNED_IN = "SIGNED_IN"
    MEMBER_SESSION = "MEMBER_SESSION"
    SCOPES = "SCOPES"


class Declared(BasePermission):
    """A declaration: what a field needs, readable from the schema."""

    access: ClassVar[Access]
    scopes: ClassVar[tuple[Scope, ...]] = ()
    # Whether the scopes are judged on an object named by the arguments.
    on_target: ClassVar[bool] = False


class _Public(Declared):
    access = Access.PUBLIC
    message = "Public"

    def has_permission(self, source: Any, info: Info, **kwargs: Any) -> bool:
        return True


class _SignedIn(Declared):
    access = Access.SIGNED_IN
    message = "Sign in first."

    def has_permission(self, source: Any, info: Info, **kwargs: Any) -> bool:
        if not info.context.actor.is_authenticated:
            raise Unauthenticated()
        return True


class _MemberSession(Declared):
    access = Access.MEMBER_SESSION
    message = "Only a member signed in on the portal can do this (not an API key)."

    def has_permission(self, source: Any, info: Info, **kwargs: Any) -> bool:
        actor = info.context.actor
        if not actor.is_authenticated:
            raise Unauthenticated()
        if actor.kind is not ActorKind.MEMBER or actor.session_id is None:
            raise Forbidden(self.message)
        return True


def member_session() -> type[BasePermission]:
    return _MemberSession


def public() -> type[BasePermission]:
    return _Public


def signed_in() -> type[BasePermission]:
    return _SignedIn


@cache
def requires(*scopes: Scope, target: TargetOrg | None = None) -> type[BasePermission]:
    if not scopes:
        raise ValueError("requires() needs at least one scope")
    name = "_".join(scope.name for scope in scopes)

    if target is None:

        class RequiresScopes(Declared):
            def has_permission(self, source: Any, info: Info, **kwargs: Any) -> bool:
                actor = info.context.actor
                try:
                    for scope in scopes:
                        actor.require(scope, getattr(source, "org_id", None))
                except Exception:
                    _close_uploads(kwargs)
                    raise
                return True

        permission: type[Declared] = RequiresScopes
    else:
        find_org = target

        class RequiresScopesOnTarget(Declared):
            on_target = True

            async def has_permission(self, source: Any, info: Info, **kwargs: Any) -> bool:
                actor = info.context.actor
                if not actor.is_authenticated:
                    raise Unauthenticated()
                if all(actor.has(scope) for scope in scopes):
                    return True  # the service judges the target's org
                org_id = await find_org(info, **kwargs)
                if org_id is None:
                    raise NotFound()
                for scope in scopes:
                    actor.require(scope, org_id)
                return True

        permission = RequiresScopesOnTarget

    permission.access = Access.SCOPES
    permission.scopes = scopes
    permission.message = f"Requires {', '.join(scope.value for scope in scopes)}"
    permission.__name__ = f"Requires_{name}"
    return permission


def _close_uploads(arguments: dict[str, Any]) -> None:
    """A refused operation never reaches the resolver that reads and closes the files it
    was sent (``importQuiz``): close them here, not when they are garbage collected."""
    for value in arguments.values():
        for item in vars(value).values() if hasattr(value, "__dict__") else ():
            if isinstance(item, UploadFile):
                item.file.close()


def declaration_of(field: StrawberryField) -> type[Declared] | None:
    """The field's access declaration, or None when it has none."""
    declared = [cls for cls in field.permission_classes if issubclass(cls, Declared)]
    return declared[0] if declared else None
