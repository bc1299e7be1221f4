"""Member mutations: thin wrappers over ``members.service``."""

from __future__ import annotations

from typing import Annotated

import strawberry
from strawberry import relay
from strawberry.types import Info

from app.access.scopes import Role, Scope
from app.graphql.inputs import INPUT
from app.graphql.permissions import requires
from app.graphql.relay import decode_id
from app.members import service
from app.members.types import Member


@strawberry.input(description="A new member of the viewer's organization.")
class AddMemberInput:
    username: str = strawberry.field(description="3-64 characters: a-z, 0-9, '.', '_', '-'.")
    display_name: str = strawberry.field(description="1-200 characters.")
    role: Role = strawberry.field(description="Only an owner may add an owner.")
    password: str = strawberry.field(
        description="The initial password; the org's password policy applies "
        "(Organization.passwordPolicy)."
    )


@strawberry.type
class AddMemberPayload:
    member: Member


@strawberry.input(description="Changes to a member; fields left out stay as they are.")
class UpdateMemberInput:
    id: relay.GlobalID = strawberry.field(description="The member's id.")
    role: Role | None = strawberry.field(default=None, description="A new role.")
    disabled: bool | None = strawberry.field(default=None, description="Disable or re-enable.")
    display_name: str | None = strawberry.field(default=None, description="A new display name.")


@strawberry.type
class UpdateMemberPayload:
    member: Member


@strawberry.input(description="The member to remove.")
class RemoveMemberInput:
    id: relay.GlobalID = strawberry.field(description="The member's id.")


@strawberry.type
class RemoveMemberPayload:
    removed_id: relay.GlobalID = strawberry.field(description="The id of the removed member.")


@strawberry.type
class MemberMutations:
    @strawberry.mutation(
        description="Add a member to the viewer's organization. Needs members:write.",
        permission_classes=[requires(Scope.MEMBERS_WRITE)],
    )
    async def add_member(
        self,
        info: Info,
        input: Annotated[AddMemberInput, INPUT],
    ) -> AddMemberPayload:
        member = await service.add_member(
            info.context.sc,
            info.context.actor.home_org(),
            username=input.username,
            display_name=input.display_name,
            role=input.role,
            password=input.password,
        )
        return AddMemberPayload(member=Member.from_row(member))

    @strawberry.mutation(
        description="Change a member's role, status or name. Needs members:write.",
        permission_classes=[requires(Scope.MEMBERS_WRITE)],
    )
    async def update_member(
        self,
        info: Info,
        input: Annotated[UpdateMemberInput, INPUT],
    ) -> UpdateMemberPayload:
        member = await service.update_member(
            info.context.sc,
            info.context.actor.home_org(),
            decode_id(input.id, "Member"),
            role=input.role,
            disabled=input.disabled,
            display_name=input.display_name,
        )
        return UpdateMemberPayload(member=Member.from_row(member))

    @strawberry.mutation(
        description="Remove a member for good. Needs members:write.",
        permission_classes=[requires(Scope.MEMBERS_WRITE)],
    )
    async def remove_member(
        self,
        info: Info,
        input: Annotated[RemoveMemberInput, INPUT],
    ) -> RemoveMemberPayload:
        removed = await service.remove_member(
            info.context.sc, info.context.actor.home_org(), decode_id(input.id, "Member")
        )
        return RemoveMemberPayload(removed_id=relay.GlobalID("Member", str(removed)))
