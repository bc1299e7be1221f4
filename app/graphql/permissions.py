"""Permissions declared on fields: ``permission_classes=[requires(Scope.X)]``.

The check is the actor's own ``require``: the same call services make, so sessions,
keys and staff are judged in one place. The source object's ``org_id`` says whose
data the field belongs to; another org's data answers NOT_FOUND.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from strawberry.permission import BasePermission
from strawberry.types import Info

from app.access.scopes import Scope


@cache
def requires(scope: Scope) -> type[BasePermission]:
    class RequiresScope(BasePermission):
        message = f"Requires {scope.value}"

        def has_permission(self, source: Any, info: Info, **kwargs: Any) -> bool:
            info.context.actor.require(scope, getattr(source, "org_id", None))
            return True

    RequiresScope.__name__ = f"Requires_{scope.name}"
    return RequiresScope
