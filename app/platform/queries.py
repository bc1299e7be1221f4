"""The console's reads: ``platformAuditLog``, ``platformApiKeys``, ``platformAdmin``;
platform staff only (platform scopes, which no role or key holds). The org listing,
``platformOrganizations``, returns the schema's ``Organization`` and so lives in the
composition root (``app.schema.platform_console``). An org's own audit log is its
``auditLog`` (staff hold audit:read), reached by ``node(id:)`` so that a disabled org
is found too."""

from __future__ import annotations

from typing import Annotated

import strawberry
from strawberry import relay
from strawberry.types import Info

from app.access.scopes import Scope
from app.core.errors import Forbidden
from app.core.pagination import fetch_page, map_page
from app.graphql.permissions import requires
from app.graphql.relay import After, Connection, First, decode_id
from app.platform import keys, service
from app.platform.types import PlatformApiKey, PlatformAuditEvent


@strawberry.type(description="The platform admin signed in to the console.")
class PlatformAdmin:
    username: str = strawberry.field(description="The admin's username.")


@strawberry.type
class PlatformQueries:
    @strawberry.field(
        description="The signed-in platform admin. Needs platform:read.",
        permission_classes=[requires(Scope.PLATFORM_READ)],
    )
    def platform_admin(self, info: Info) -> PlatformAdmin:
        actor = info.context.actor
        if actor.platform_admin_id is None:
            raise Forbidden("Only a platform admin signed in to the console has an account.")
        return PlatformAdmin(username=actor.label.removeprefix("platform:"))

    @strawberry.field(
        description="The platform log, newest first: what platform staff and the command "
        "line did. Platform staff: needs platform:read.",
        permission_classes=[requires(Scope.PLATFORM_READ)],
    )
    async def platform_audit_log(
        self,
        info: Info,
        first: First = None,
        after: After = None,
        organization_id: Annotated[
            relay.GlobalID | None,
            strawberry.argument(description="Only what was done to this organization."),
        ] = None,
        action: Annotated[
            str | None,
            strawberry.argument(description="Only this action, e.g. platform.org_disabled."),
        ] = None,
    ) -> Connection[PlatformAuditEvent]:
        sc = info.context.sc
        org_id = (
            decode_id(organization_id, "Organization", "organizationId")
            if organization_id is not None
            else None
        )
        query = service.platform_log(sc, org_id=org_id, action=action)
        page = await fetch_page(sc.db, query, first=first, after=after)
        return Connection[PlatformAuditEvent].from_page(map_page(page, PlatformAuditEvent.from_row))

    @strawberry.field(
        description="Every platform key, newest first; never their secrets. Platform staff: "
        "needs platform_keys:read.",
        permission_classes=[requires(Scope.PLATFORM_KEYS_READ)],
    )
    async def platform_api_keys(
        self, info: Info, first: First = None, after: After = None
    ) -> Connection[PlatformApiKey]:
        sc = info.context.sc
        page = await fetch_page(sc.db, keys.listing(sc), first=first, after=after)
        return Connection[PlatformApiKey].from_page(map_page(page, PlatformApiKey.from_row))
