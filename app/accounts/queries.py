"""``Organization.passwordPolicy`` (anyone of the org) and ``Query.passwordResetLink``
(anyone holding a link's token)."""

from __future__ import annotations

import uuid
from typing import Annotated

import strawberry
from strawberry.types import Info

from app.accounts import service
from app.accounts.types import PasswordPolicy, PasswordResetLinkInfo
from app.graphql.permissions import public, signed_in


@strawberry.type
class OrganizationPasswordPolicy:
    org_id: strawberry.Private[uuid.UUID]

    @strawberry.field(
        description="The rules new passwords meet (changed with updatePasswordPolicy). "
        "Anyone of the organization may read them.",
        permission_classes=[signed_in()],
    )
    async def password_policy(self, info: Info) -> PasswordPolicy:
        return PasswordPolicy.of(await service.get_policy(info.context.sc, self.org_id))


@strawberry.type
class AccountQueries:
    @strawberry.field(
        description="A password reset link's details while it works (null once used, "
        "replaced or expired). The token is the permission.",
        permission_classes=[public()],
    )
    async def password_reset_link(
        self,
        info: Info,
        token: Annotated[str, strawberry.argument(description="The token of the link.")],
    ) -> PasswordResetLinkInfo | None:
        found = await service.reset_link_info(info.context.sc, token)
        if found is None:
            return None
        return PasswordResetLinkInfo(
            username=found.member.username,
            display_name=found.member.display_name,
            organization_name=found.org.name,
            organization_slug=found.org.slug,
            expires_at=found.link.expires_at,
            password_policy=PasswordPolicy.of(found.policy),
        )
