"""The console's mutations: signing in (two steps) and out, orgs, platform keys.

Sign-in is public (anyone may try; the password and code decide); every other
mutation needs a platform scope, which no role or key holds. The session cookie is
``qg_platform_session`` with ``Path=/platform`` (see ``app.platform.tokens``).
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

import strawberry
from strawberry import relay
from strawberry.types import Info

from app.access.scopes import Scope
from app.api_keys.service import GRACE_MAX_SECONDS, RATE_LIMIT_DEFAULT
from app.core.errors import BadUserInput, RateLimited
from app.core.settings import get_settings
from app.graphql.inputs import INPUT
from app.graphql.permissions import public, requires
from app.graphql.relay import decode_id
from app.orgs.types import OrganizationFields
from app.platform import keys, service, signin
from app.platform.signin import SESSION_ABSOLUTE
from app.platform.tokens import PLATFORM_COOKIE_PATH, PLATFORM_SESSION_COOKIE
from app.platform.types import LazyOrganization, PlatformApiKey, TotpEnrolment

_SECRET = "The key's secret (iq_live_ and 40 hex). Shown only in this payload: store it now."


@strawberry.input(description="A platform admin's username and password (step 1 of 2).")
class BeginPlatformLoginInput:
    username: str = strawberry.field(description="The platform admin's username.")
    password: str = strawberry.field(description="Their password.")


@strawberry.type
class BeginPlatformLoginPayload:
    ticket: str = strawberry.field(
        description="Send it with a code to completePlatformLogin within 5 minutes."
    )
    enrolment: TotpEnrolment | None = strawberry.field(
        description="Present until a second factor is set up: add it to an authenticator "
        "app, then send its code. Never shown again once a code is accepted."
    )


@strawberry.input(description="The code from the authenticator app (step 2 of 2).")
class CompletePlatformLoginInput:
    ticket: str = strawberry.field(description="From beginPlatformLogin.")
    code: str = strawberry.field(description="The 6-digit code the app shows now.")


@strawberry.type
class CompletePlatformLoginPayload:
    username: str = strawberry.field(description="Who is signed in to the console now.")


@strawberry.input(description="No fields: ends the console session.")
class PlatformLogoutInput:
    client_mutation_id: str | None = strawberry.field(
        default=None, description="Echoed back, for clients that track requests."
    )


@strawberry.type
class PlatformLogoutPayload:
    ok: bool = strawberry.field(description="True when a console session was ended.")


@strawberry.input(description="A new organization and its first owner.")
class CreateOrganizationInput:
    slug: str = strawberry.field(description="1-63 characters of a-z, 0-9 and '-'.")
    name: str = strawberry.field(description="The display name, up to 200 characters.")
    owner_username: str = strawberry.field(description="The first owner's username.")
    owner_display_name: str | None = strawberry.field(
        default=None, description="The owner's display name (the username when left out)."
    )
    owner_password: str | None = strawberry.field(
        default=None,
        description="The owner's first password; generated (and returned once) when left out.",
    )
    portal_code: str | None = strawberry.field(
        default=None, description="The org's portal code; generated when left out."
    )


@strawberry.type
class CreateOrganizationPayload:
    organization: LazyOrganization
    portal_code: str = strawberry.field(
        description="The portal code, shown this once (it is stored hashed)."
    )
    owner_username: str = strawberry.field(description="The owner's username.")
    owner_password: str = strawberry.field(
        description="The owner's first password, shown this once to hand over (stored hashed)."
    )


@strawberry.input(description="Switch an organization off, or back on.")
class SetOrganizationDisabledInput:
    id: relay.GlobalID = strawberry.field(description="The organization's id.")
    disabled: bool = strawberry.field(
        description="true: its members and keys get ORG_DISABLED from their next request; "
        "false: they work again."
    )


@strawberry.type
class SetOrganizationDisabledPayload:
    organization: LazyOrganization


@strawberry.input(description="A new platform key.")
class CreatePlatformApiKeyInput:
    name: str = strawberry.field(description="1-100 characters: what the key is for.")
    scopes: list[str] = strawberry.field(
        description="Scopes grantable to keys (org:write, api_keys:* and the platform's own "
        "never are)."
    )
    organizations: list[str] | None = strawberry.field(
        default=None,
        description="The slugs (1-100) of the orgs the key reaches; see allOrganizations.",
    )
    all_organizations: bool = strawberry.field(
        default=False, description="The key reaches every org (instead of organizations)."
    )
    rate_limit_per_minute: int = strawberry.field(
        default=RATE_LIMIT_DEFAULT, description="Requests per minute, 1 to 10000."
    )
    expires_at: datetime | None = strawberry.field(
        default=None, description="When it stops by itself; never when left out."
    )


@strawberry.type
class PlatformApiKeySecretPayload:
    api_key: PlatformApiKey
    secret: str = strawberry.field(description=_SECRET)


@strawberry.input(description="A platform key, by id.")
class PlatformApiKeyInput:
    id: relay.GlobalID = strawberry.field(description="The platform key's id.")


@strawberry.type
class RevokePlatformApiKeyPayload:
    api_key: PlatformApiKey


@strawberry.input(description="Replace a platform key with a new one.")
class RotatePlatformApiKeyInput:
    id: relay.GlobalID = strawberry.field(description="The platform key to replace.")
    grace_period_seconds: int = strawberry.field(
        description=f"How long the old key keeps working: 0 to {GRACE_MAX_SECONDS} seconds."
    )


@strawberry.type
class RotatePlatformApiKeyPayload:
    api_key: PlatformApiKey = strawberry.field(description="The new key.")
    secret: str = strawberry.field(description=_SECRET)
    previous_api_key: PlatformApiKey = strawberry.field(
        description="The old key, revoked when the grace period ends."
    )


WRITE = requires(Scope.PLATFORM_WRITE)
KEYS_WRITE = requires(Scope.PLATFORM_KEYS_WRITE)


@strawberry.type
class PlatformMutations:
    @strawberry.mutation(
        description="Platform console sign-in, step 1: username and password. Any wrong "
        "value gives INVALID_CREDENTIALS; throttled like member sign-ins (RATE_LIMITED).",
        permission_classes=[public()],
    )
    async def begin_platform_login(
        self, info: Info, input: Annotated[BeginPlatformLoginInput, INPUT]
    ) -> BeginPlatformLoginPayload:
        try:
            started = await signin.begin(
                info.context.sc, username=input.username, password=input.password
            )
        except RateLimited as error:
            _too_many(info, error)
            raise
        enrolment = TotpEnrolment.of(started.enrolment) if started.enrolment else None
        return BeginPlatformLoginPayload(ticket=started.ticket, enrolment=enrolment)

    @strawberry.mutation(
        description="Platform console sign-in, step 2: the authenticator app's code (each "
        "code works once). Sets the qg_platform_session cookie (path /platform). Wrong or "
        "reused codes give INVALID_CREDENTIALS; too many, RATE_LIMITED.",
        permission_classes=[public()],
    )
    async def complete_platform_login(
        self, info: Info, input: Annotated[CompletePlatformLoginInput, INPUT]
    ) -> CompletePlatformLoginPayload:
        try:
            actor, token = await signin.complete(
                info.context.sc, ticket=input.ticket, code=input.code
            )
        except RateLimited as error:
            _too_many(info, error)
            raise
        info.context.response.set_cookie(
            PLATFORM_SESSION_COOKIE,
            token,
            max_age=int(SESSION_ABSOLUTE.total_seconds()),
            httponly=True,
            samesite="strict",
            secure=get_settings().secure_cookies,
            path=PLATFORM_COOKIE_PATH,
        )
        return CompletePlatformLoginPayload(username=actor.label.removeprefix("platform:"))

    @strawberry.mutation(
        description="Sign out of the console: the session ends and its cookie is cleared.",
        # without a console session there is nothing to end: ok is false, never an error
        permission_classes=[public()],
    )
    async def platform_logout(
        self, info: Info, input: Annotated[PlatformLogoutInput | None, INPUT] = None
    ) -> PlatformLogoutPayload:
        ended = await signin.logout(info.context.sc)
        info.context.response.delete_cookie(PLATFORM_SESSION_COOKIE, path=PLATFORM_COOKIE_PATH)
        return PlatformLogoutPayload(ok=ended)

    @strawberry.mutation(
        description="Create an organization and its first owner (as quizgraph create-org "
        "does). Platform staff: needs platform:write.",
        permission_classes=[WRITE],
    )
    async def create_organization(
        self, info: Info, input: Annotated[CreateOrganizationInput, INPUT]
    ) -> CreateOrganizationPayload:
        created = await service.create_org(
            info.context.sc,
            slug=input.slug,
            name=input.name,
            owner_username=input.owner_username,
            owner_display_name=input.owner_display_name,
            owner_password=input.owner_password,
            portal_code=input.portal_code,
        )
        return CreateOrganizationPayload(
            organization=OrganizationFields.from_row(created.org),
            portal_code=created.portal_code,
            owner_username=created.owner.username,
            owner_password=created.owner_password,
        )

    @strawberry.mutation(
        description="Disable an organization (its members and keys get ORG_DISABLED from "
        "their next request, in every server process) or enable it again. Platform staff: "
        "needs platform:write.",
        permission_classes=[WRITE],
    )
    async def set_organization_disabled(
        self, info: Info, input: Annotated[SetOrganizationDisabledInput, INPUT]
    ) -> SetOrganizationDisabledPayload:
        org = await service.set_org_disabled(
            info.context.sc, decode_id(input.id, "Organization"), input.disabled
        )
        return SetOrganizationDisabledPayload(organization=OrganizationFields.from_row(org))

    @strawberry.mutation(
        description="Create a platform key reaching the orgs listed (or every org). Platform "
        "staff: needs platform_keys:write.",
        permission_classes=[KEYS_WRITE],
    )
    async def create_platform_api_key(
        self, info: Info, input: Annotated[CreatePlatformApiKeyInput, INPUT]
    ) -> PlatformApiKeySecretPayload:
        if input.all_organizations == (input.organizations is not None):
            raise BadUserInput(
                {"organizations": "list the orgs, or set allOrganizations (not both)"}
            )
        issued = await keys.create(
            info.context.sc,
            name=input.name,
            scopes=input.scopes,
            org_slugs=input.organizations,
            rate_limit_per_minute=input.rate_limit_per_minute,
            expires_at=input.expires_at,
        )
        return PlatformApiKeySecretPayload(
            api_key=PlatformApiKey.from_row(issued.key), secret=issued.secret
        )

    @strawberry.mutation(
        description="Revoke a platform key for good (refused from the next request on). "
        "Platform staff: needs platform_keys:write.",
        permission_classes=[KEYS_WRITE],
    )
    async def revoke_platform_api_key(
        self, info: Info, input: Annotated[PlatformApiKeyInput, INPUT]
    ) -> RevokePlatformApiKeyPayload:
        key = await keys.revoke(info.context.sc, decode_id(input.id, "PlatformApiKey"))
        return RevokePlatformApiKeyPayload(api_key=PlatformApiKey.from_row(key))

    @strawberry.mutation(
        description="Replace a platform key: a new key like it now, the old one revoked "
        "after the grace period. Platform staff: needs platform_keys:write.",
        permission_classes=[KEYS_WRITE],
    )
    async def rotate_platform_api_key(
        self, info: Info, input: Annotated[RotatePlatformApiKeyInput, INPUT]
    ) -> RotatePlatformApiKeyPayload:
        issued, old = await keys.rotate(
            info.context.sc,
            decode_id(input.id, "PlatformApiKey"),
            grace_period_seconds=input.grace_period_seconds,
        )
        return RotatePlatformApiKeyPayload(
            api_key=PlatformApiKey.from_row(issued.key),
            secret=issued.secret,
            previous_api_key=PlatformApiKey.from_row(old),
        )


def _too_many(info: Info, error: RateLimited) -> None:
    """A throttled sign-in answers 429 with Retry-After, like a member's (contract 5)."""
    info.context.response.status_code = 429
    info.context.response.headers["Retry-After"] = str(error.retry_after_seconds)
