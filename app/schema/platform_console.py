"""``Query.platformOrganizations``: the console's org listing, which returns the schema's
``Organization`` (with the console's figures, ``app.platform.types``), so it is
composed here rather than in the platform domain."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, cast

import strawberry
from strawberry.types import Info

from app.access.scopes import Scope
from app.core.pagination import fetch_page, map_page
from app.graphql.permissions import requires
from app.graphql.relay import After, Connection, First
from app.platform import service
from app.schema.organization import Organization

if TYPE_CHECKING:
    from app.orgs.models import Organization as OrganizationRow


def _organization(row: OrganizationRow) -> Organization:
    return cast(Organization, Organization.from_row(row))


@strawberry.type
class PlatformOrganizationQueries:
    @strawberry.field(
        description="Every organization (disabled ones too), by slug, with the figures the "
        "console shows (memberCount, lastActivityAt, attemptsLast30Days). Platform staff: "
        "needs platform:read.",
        permission_classes=[requires(Scope.PLATFORM_READ)],
    )
    async def platform_organizations(
        self,
        info: Info,
        first: First = None,
        after: After = None,
        search: Annotated[
            str | None,
            strawberry.argument(
                description="Only orgs whose slug or name contains this (any case; up to "
                "100 characters)."
            ),
        ] = None,
        disabled: Annotated[
            bool | None, strawberry.argument(description="Only disabled (true) or enabled.")
        ] = None,
    ) -> Connection[Organization]:
        sc = info.context.sc
        query = service.org_listing(sc, search=search, disabled=disabled)
        page = await fetch_page(sc.db, query, first=first, after=after)
        # ``from_row`` on the composed type builds the composed type (typed as its base's).
        return Connection[Organization].from_page(map_page(page, _organization))
