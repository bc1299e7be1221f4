"""``Query.viewer``."""

from __future__ import annotations

import strawberry
from strawberry.types import Info

from app.auth.types import Viewer
from app.graphql.permissions import public


@strawberry.type
class AuthQueries:
    @strawberry.field(
        description="Who is calling: kind, member, organization, role and scopes.",
        permission_classes=[public()],  # anonymous callers see kind ANONYMOUS
    )
    def viewer(self, info: Info) -> Viewer:
        return Viewer(actor=info.context.actor)
