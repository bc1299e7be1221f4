"""The ``Viewer``: who the request's actor is."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import strawberry
from strawberry.types import Info

from app.access.actor import Actor, ActorKind
from app.access.scopes import Role
from app.members import service as members
from app.members.types import Member
from app.orgs import service as orgs
from app.orgs.types import OrganizationFields

if TYPE_CHECKING:
    # The schema's ``Organization`` is these fields plus other domains' lists, which
    # accept them as they are (``is_type_of``); Strawberry resolves the lazy name.
    from app.orgs.types import OrganizationFields as Organization

strawberry.enum(ActorKind, description="What kind of credential made the call.")


@strawberry.type(description="The caller of this request.")
class Viewer:
    actor: strawberry.Private[Actor]

    @strawberry.field(description="Anonymous, a member, an API key, or platform staff.")
    def kind(self) -> ActorKind:
        return self.actor.kind

    @strawberry.field(description="The member's role; for a key, its creator's.")
    def role(self) -> Role | None:
        return self.actor.role

    @strawberry.field(description="Effective scopes, sorted.")
    def scopes(self) -> list[str]:
        return sorted(scope.value for scope in self.actor.scopes)

    @strawberry.field(
        description=(
            "True for a session signed in with a temporary password: until changeMyPassword, "
            "everything else answers PASSWORD_CHANGE_REQUIRED (and scopes is empty)."
        )
    )
    def password_change_required(self) -> bool:
        return self.actor.password_change_required

    @strawberry.field(description="The signed-in member; for a key, the member who created it.")
    async def member(self, info: Info) -> Member | None:
        row = await members.own_member(info.context.sc)
        return Member.from_row(row) if row else None

    @strawberry.field(description="The organization the credential belongs to.")
    async def organization(
        self, info: Info
    ) -> Annotated[Organization, strawberry.lazy("app.schema.organization")] | None:
        row = await orgs.own_org(info.context.sc)
        return OrganizationFields.from_row(row) if row else None
