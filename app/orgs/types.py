"""GraphQL types of an organization's own fields (lists hang off it from other domains)."""

from __future__ import annotations

import uuid

import strawberry
from strawberry import relay

from app.access.scopes import Scope
from app.graphql.permissions import requires
from app.orgs.branding import logo_address
from app.orgs.models import Organization as OrganizationRow


@strawberry.type(description="How an organization's portal looks.")
class Branding:
    primary_color: str | None = strawberry.field(description="Hex colour such as #1d4ed8.")
    logo_url: str | None = strawberry.field(
        description="Address of the logo image: an https:// address, or a path on this "
        "server (/orgs/<slug>/logo?v=…) for an uploaded logo."
    )
    tagline: str | None = strawberry.field(description="A line shown under the name.")


@strawberry.type(name="Organization", description="A school or company using quizgraph.")
class OrganizationFields(relay.Node):
    id: relay.NodeID[str]
    org_id: strawberry.Private[uuid.UUID]
    row: strawberry.Private[OrganizationRow]
    slug: str = strawberry.field(description="The short name used in addresses.")
    name: str = strawberry.field(description="The display name.")
    branding: Branding = strawberry.field(description="Public look of the portal.")

    @strawberry.field(
        description="Whether the org's API keys work (the owner's switch). Needs org:read.",
        permission_classes=[requires(Scope.ORG_READ)],
    )
    def api_access_enabled(self) -> bool:
        return self.row.api_access_enabled

    @strawberry.field(
        description="Whether platform staff switched the org off. Needs org:read.",
        permission_classes=[requires(Scope.ORG_READ)],
    )
    def disabled(self) -> bool:
        return self.row.disabled

    @classmethod
    def from_row(cls, row: OrganizationRow) -> OrganizationFields:
        """The org's own fields; the schema's ``Organization`` accepts them as itself (its
        other domains' fields read only ``org_id``), so this domain needs no upward import."""
        return cls(
            id=str(row.id),
            org_id=row.id,
            row=row,
            slug=row.slug,
            name=row.name,
            branding=Branding(
                primary_color=row.primary_color, logo_url=logo_address(row), tagline=row.tagline
            ),
        )
