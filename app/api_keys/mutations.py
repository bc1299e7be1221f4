"""API key mutations: thin wrappers over ``api_keys.service`` (all need api_keys:write)."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

import strawberry
from strawberry import relay
from strawberry.types import Info

from app.access.scopes import Scope
from app.api_keys import service
from app.api_keys.service import GRACE_MAX_SECONDS, MAX_SCOPES, RATE_LIMIT_DEFAULT
from app.api_keys.types import ApiKey
from app.graphql.inputs import INPUT
from app.graphql.permissions import requires
from app.graphql.relay import decode_id
from app.orgs import org_settings

_SECRET_DESCRIPTION = (
    "The full key (iq_live_ and 40 hex characters). Shown only in this payload: store it now."
)


@strawberry.input(description="A new API key for the viewer's organization.")
class CreateApiKeyInput:
    name: str = strawberry.field(description="1-100 characters, such as the partner's name.")
    scopes: list[str] = strawberry.field(
        description=f"1-{MAX_SCOPES} scopes such as quizzes:read, each one the creator holds; "
        "org:write and api_keys:* are never granted to a key."
    )
    rate_limit_per_minute: int | None = strawberry.field(
        default=None,
        description="Requests per minute, 1-10000; when left out, the org's default "
        f"(Organization.settings; {RATE_LIMIT_DEFAULT} unless its owner changed it).",
    )
    expires_at: datetime | None = strawberry.field(
        default=None,
        description="When the key stops working by itself (in the future); never when left out.",
    )


@strawberry.type
class CreateApiKeyPayload:
    api_key: ApiKey
    secret: str = strawberry.field(description=_SECRET_DESCRIPTION)


@strawberry.input(description="Switch a key off (refused until switched on again) or on.")
class SetApiKeyEnabledInput:
    id: relay.GlobalID = strawberry.field(description="The key's id.")
    enabled: bool = strawberry.field(description="false to disable, true to re-enable.")


@strawberry.type
class SetApiKeyEnabledPayload:
    api_key: ApiKey


@strawberry.input(description="The key to revoke, for good, from the next request on.")
class RevokeApiKeyInput:
    id: relay.GlobalID = strawberry.field(description="The key's id.")


@strawberry.type
class RevokeApiKeyPayload:
    api_key: ApiKey


@strawberry.input(description="Replace a key by a new one with the same name, scopes and limit.")
class RotateApiKeyInput:
    id: relay.GlobalID = strawberry.field(description="The key to replace.")
    grace_period_seconds: int = strawberry.field(
        description=f"How long the old key keeps working: 0 (revoked at once) to "
        f"{GRACE_MAX_SECONDS} seconds (7 days)."
    )
    expires_at: datetime | None = strawberry.field(
        default=None,
        description="The new key's expiry; when left out, the old key's (if still ahead).",
    )


@strawberry.type
class RotateApiKeyPayload:
    api_key: ApiKey = strawberry.field(description="The new key.")
    secret: str = strawberry.field(description=_SECRET_DESCRIPTION)
    previous_api_key: ApiKey = strawberry.field(
        description="The old key; its revokedAt is the end of the grace period."
    )


# api_keys:write is asked before a key is looked up (no key of another org is revealed
# by the answer), so every key mutation declares it as one on the actor's own org.
WRITE = requires(Scope.API_KEYS_WRITE)


@strawberry.type
class ApiKeyMutations:
    @strawberry.mutation(
        description="Create an API key; the secret is in the payload, once. Needs api_keys:write.",
        permission_classes=[WRITE],
    )
    async def create_api_key(
        self, info: Info, input: Annotated[CreateApiKeyInput, INPUT]
    ) -> CreateApiKeyPayload:
        sc, org_id = info.context.sc, info.context.actor.home_org()
        rate_limit = input.rate_limit_per_minute
        if rate_limit is None:
            rate_limit = await org_settings.default_key_rate_limit(sc, org_id)
        issued = await service.create(
            sc,
            org_id,
            name=input.name,
            scopes=input.scopes,
            rate_limit_per_minute=rate_limit,
            expires_at=input.expires_at,
        )
        return CreateApiKeyPayload(api_key=ApiKey.from_row(issued.key), secret=issued.secret)

    @strawberry.mutation(
        description="Disable or re-enable an API key. Needs api_keys:write.",
        permission_classes=[WRITE],
    )
    async def set_api_key_enabled(
        self, info: Info, input: Annotated[SetApiKeyEnabledInput, INPUT]
    ) -> SetApiKeyEnabledPayload:
        key = await service.set_enabled(
            info.context.sc, decode_id(input.id, "ApiKey"), input.enabled
        )
        return SetApiKeyEnabledPayload(api_key=ApiKey.from_row(key))

    @strawberry.mutation(
        description="Revoke an API key for good. Needs api_keys:write.",
        permission_classes=[WRITE],
    )
    async def revoke_api_key(
        self, info: Info, input: Annotated[RevokeApiKeyInput, INPUT]
    ) -> RevokeApiKeyPayload:
        key = await service.revoke(info.context.sc, decode_id(input.id, "ApiKey"))
        return RevokeApiKeyPayload(api_key=ApiKey.from_row(key))

    @strawberry.mutation(
        description="Issue a new secret for a key; the old one works for the grace period, "
        "then is revoked. Needs api_keys:write.",
        permission_classes=[WRITE],
    )
    async def rotate_api_key(
        self, info: Info, input: Annotated[RotateApiKeyInput, INPUT]
    ) -> RotateApiKeyPayload:
        issued, old = await service.rotate(
            info.context.sc,
            decode_id(input.id, "ApiKey"),
            grace_period_seconds=input.grace_period_seconds,
            expires_at=input.expires_at,
        )
        return RotateApiKeyPayload(
            api_key=ApiKey.from_row(issued.key),
            secret=issued.secret,
            previous_api_key=ApiKey.from_row(old),
        )
