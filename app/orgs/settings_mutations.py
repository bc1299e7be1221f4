"""The owner's edits to the org: branding (name, colour, tagline, logo) and settings.

All need org:write (owners; never a key). Fields left out of an input stay as they are;
null clears a field (the platform's default for a setting).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any

import strawberry
from strawberry.file_uploads import Upload
from strawberry.types import Info

from app.access.scopes import Scope
from app.graphql.inputs import INPUT
from app.graphql.permissions import requires
from app.orgs import branding, org_settings
from app.orgs.types import OrganizationFields

if TYPE_CHECKING:
    # The schema's ``Organization``; Strawberry resolves the lazy name.
    from app.orgs.types import OrganizationFields as Organization

_LEFT_OUT = "Left out: unchanged."


@strawberry.input(description="The org's public face on its portal; fields left out stay.")
class UpdateOrganizationBrandingInput:
    name: str | None = strawberry.field(
        default=strawberry.UNSET,
        description=f"1-{branding.NAME_MAX} characters. {_LEFT_OUT}",
    )
    primary_color: str | None = strawberry.field(
        default=strawberry.UNSET,
        description=f"#rrggbb, such as #1d4ed8; null for the default. {_LEFT_OUT}",
    )
    logo_url: str | None = strawberry.field(
        default=strawberry.UNSET,
        description=f"An https:// address of an image (at most {branding.LOGO_URL_MAX} "
        f"characters); it replaces an uploaded logo. null removes the logo. {_LEFT_OUT}",
    )
    tagline: str | None = strawberry.field(
        default=strawberry.UNSET,
        description=f"A line under the name, at most {branding.TAGLINE_MAX} characters; "
        f"null for none. {_LEFT_OUT}",
    )


@strawberry.input(
    description="A logo to upload (GraphQL multipart request): a PNG, JPEG or WebP image "
    "within Organization.settings.limits.logoMaxBytes and "
    f"{branding.LOGO_MAX_SIDE} x {branding.LOGO_MAX_SIDE} pixels."
)
class UploadOrganizationLogoInput:
    file: Upload = strawberry.field(description="The image file.")


@strawberry.input(description="The org's settings; fields left out stay, null: the default.")
class UpdateOrganizationSettingsInput:
    session_idle_timeout_seconds: int | None = strawberry.field(
        default=strawberry.UNSET,
        description="Within Organization.settings.limits, at most the session lifetime.",
    )
    session_lifetime_seconds: int | None = strawberry.field(
        default=strawberry.UNSET,
        description="Within Organization.settings.limits; reaches sessions signed in after.",
    )
    default_api_key_rate_limit_per_minute: int | None = strawberry.field(
        default=strawberry.UNSET,
        description="For new keys whose creator names none; 1-10000.",
    )


@strawberry.type
class OrganizationPayload:
    organization: Annotated[Organization, strawberry.lazy("app.schema.organization")]


def _given(input: object, names: dict[str, str]) -> dict[str, Any]:
    """The input's fields that were sent, by API name (``names``: API name to attribute)."""
    return {
        api_name: getattr(input, attribute)
        for api_name, attribute in names.items()
        if getattr(input, attribute) is not strawberry.UNSET
    }


_BRANDING_FIELDS = {
    branding.NAME: "name",
    branding.PRIMARY_COLOR: "primary_color",
    branding.LOGO_URL: "logo_url",
    branding.TAGLINE: "tagline",
}
_SETTINGS_FIELDS = {
    org_settings.SESSION_IDLE: "session_idle_timeout_seconds",
    org_settings.SESSION_LIFETIME: "session_lifetime_seconds",
    org_settings.KEY_RATE_LIMIT: "default_api_key_rate_limit_per_minute",
}


@strawberry.type
class OrgSettingsMutations:
    @strawberry.mutation(
        description="Change the org's name, colour, tagline or logo address (audited). "
        "Needs org:write.",
        permission_classes=[requires(Scope.ORG_WRITE)],
    )
    async def update_organization_branding(
        self, info: Info, input: Annotated[UpdateOrganizationBrandingInput, INPUT]
    ) -> OrganizationPayload:
        org = await branding.update(info.context.sc, _given(input, _BRANDING_FIELDS))
        return OrganizationPayload(organization=OrganizationFields.from_row(org))

    @strawberry.mutation(
        description="Upload the org's logo; it is served at Organization.branding.logoUrl "
        "and replaces a logo address (audited). Needs org:write.",
        permission_classes=[requires(Scope.ORG_WRITE)],
    )
    async def upload_organization_logo(
        self, info: Info, input: Annotated[UploadOrganizationLogoInput, INPUT]
    ) -> OrganizationPayload:
        upload: Any = input.file  # Starlette's UploadFile under the Upload scalar
        try:
            # One byte over the cap is enough to refuse with the size.
            data = await upload.read(branding.logo_max_bytes() + 1)
        finally:
            await upload.close()
        org = await branding.upload_logo(info.context.sc, data)
        return OrganizationPayload(organization=OrganizationFields.from_row(org))

    @strawberry.mutation(
        description="Change the org's session lengths or its default rate limit of new "
        "keys (audited). Needs org:write.",
        permission_classes=[requires(Scope.ORG_WRITE)],
    )
    async def update_organization_settings(
        self, info: Info, input: Annotated[UpdateOrganizationSettingsInput, INPUT]
    ) -> OrganizationPayload:
        org = await org_settings.update(info.context.sc, _given(input, _SETTINGS_FIELDS))
        return OrganizationPayload(organization=OrganizationFields.from_row(org))
