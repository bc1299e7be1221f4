"""``Organization.settings``: the owner's settings and the platform's bounds around them."""

from __future__ import annotations

import uuid

import strawberry
from strawberry.types import Info

from app.access.scopes import Scope
from app.api_keys.service import RATE_LIMIT_DEFAULT, RATE_LIMIT_MAX, RATE_LIMIT_MIN
from app.graphql.permissions import requires
from app.orgs import branding, org_settings
from app.orgs.models import Organization as OrganizationRow


@strawberry.type(description="What the platform allows an org to choose, and its defaults.")
class OrganizationSettingsLimits:
    session_min_seconds: int = strawberry.field(
        description="The shortest session idle timeout or lifetime an org may choose."
    )
    session_max_seconds: int = strawberry.field(
        description="The longest session idle timeout or lifetime an org may choose."
    )
    platform_session_idle_timeout_seconds: int = strawberry.field(
        description="The idle timeout of an org that chose none."
    )
    platform_session_lifetime_seconds: int = strawberry.field(
        description="The session lifetime of an org that chose none."
    )
    api_key_rate_limit_min: int = strawberry.field(description="The lowest key rate limit.")
    api_key_rate_limit_max: int = strawberry.field(description="The highest key rate limit.")
    platform_api_key_rate_limit_per_minute: int = strawberry.field(
        description="The rate limit of a new key in an org that chose none."
    )
    logo_max_bytes: int = strawberry.field(description="The largest logo upload.")
    name_max_length: int = strawberry.field(description="The longest organization name.")
    tagline_max_length: int = strawberry.field(description="The longest tagline.")


@strawberry.type(description="The owner's settings of an organization (null: the platform's).")
class OrganizationSettings:
    session_idle_timeout_seconds: int | None = strawberry.field(
        description="A session unused this long ends (null: the platform's default). "
        "A change reaches open sessions at their next request."
    )
    session_lifetime_seconds: int | None = strawberry.field(
        description="A session ends this long after sign-in, used or not (null: the "
        "platform's default). A change reaches sessions signed in after it."
    )
    default_api_key_rate_limit_per_minute: int | None = strawberry.field(
        description="The rate limit of a new key whose creator names none (null: the "
        "platform's default)."
    )
    limits: OrganizationSettingsLimits = strawberry.field(
        description="The bounds of these settings and the platform's defaults."
    )

    @classmethod
    def of(cls, org: OrganizationRow) -> OrganizationSettings:
        bounds = org_settings.session_bounds()
        return cls(
            session_idle_timeout_seconds=org.session_idle_timeout_seconds,
            session_lifetime_seconds=org.session_lifetime_seconds,
            default_api_key_rate_limit_per_minute=org.api_key_rate_limit_per_minute,
            limits=OrganizationSettingsLimits(
                session_min_seconds=bounds.min_seconds,
                session_max_seconds=bounds.max_seconds,
                platform_session_idle_timeout_seconds=bounds.default_idle_seconds,
                platform_session_lifetime_seconds=bounds.default_lifetime_seconds,
                api_key_rate_limit_min=RATE_LIMIT_MIN,
                api_key_rate_limit_max=RATE_LIMIT_MAX,
                platform_api_key_rate_limit_per_minute=RATE_LIMIT_DEFAULT,
                logo_max_bytes=branding.logo_max_bytes(),
                name_max_length=branding.NAME_MAX,
                tagline_max_length=branding.TAGLINE_MAX,
            ),
        )


@strawberry.type
class OrganizationSettingsFields:
    org_id: strawberry.Private[uuid.UUID]

    @strawberry.field(
        description="Session lengths and the default key rate limit, changed with "
        "updateOrganizationSettings. Needs org:read.",
        permission_classes=[requires(Scope.ORG_READ)],
    )
    async def settings(self, info: Info) -> OrganizationSettings | None:
        return OrganizationSettings.of(await org_settings.settings_of(info.context.sc, self.org_id))
