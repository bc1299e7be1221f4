"""``Query.viewer``."""

from __future__ import annotations

import strawberry
from strawberry.types import Info

from app.auth.types import Viewer


@strawberry.type
class AuthQueries:
    @strawberry.field(description="Who is calling: kind, member, organization, role and scopes.")
    def viewer(self, info: Info) -> Viewer:
        return Viewer(actor=info.context.actor)
