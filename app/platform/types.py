"""GraphQL types of the console: the platform log's rows, platform keys, the enrolment,
and the figures it adds to ``Organization`` (for platform staff only)."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import TYPE_CHECKING, Annotated, cast

import strawberry
from strawberry import relay
from strawberry.scalars import JSON
from strawberry.types import Info

from app.access.scopes import Scope
from app.core.clock import as_utc
from app.core.errors import NotFound
from app.graphql.permissions import requires
from app.orgs.types import OrganizationFields
from app.platform.actions import LABELS
from app.platform.loaders import org_by_id, org_figures
from app.platform.models import PlatformAuditEvent as PlatformAuditRow
from app.platform.signin import Enrolment

if TYPE_CHECKING:
    from app.api_keys.models import ApiKey as ApiKeyRow

    # The schema's ``Organization`` (see app.orgs.types); Strawberry resolves the lazy name.
    from app.orgs.types import OrganizationFields as Organization

LazyOrganization = Annotated["Organization", strawberry.lazy("app.schema.organization")]


def _utc(value: datetime | None) -> datetime | None:
    return as_utc(value) if value is not None else None


@strawberry.type
class OrganizationConsoleFields:
    """What the console shows of an org beyond its own fields: platform staff only."""

    org_id: strawberry.Private[uuid.UUID]

    @strawberry.field(
        description="How many members the org has (disabled ones included). Platform staff: "
        "needs platform:read.",
        permission_classes=[requires(Scope.PLATFORM_READ)],
    )
    async def member_count(self, info: Info) -> int:
        return (await org_figures(info).load(self.org_id)).member_count

    @strawberry.field(
        description="When a member or key of the org last did something the audit log "
        "records (signed in, took a quiz, changed something); null if never. Platform "
        "staff: needs platform:read.",
        permission_classes=[requires(Scope.PLATFORM_READ)],
    )
    async def last_activity_at(self, info: Info) -> datetime | None:
        return _utc((await org_figures(info).load(self.org_id)).last_activity_at)

    @strawberry.field(
        description="Attempts closed in the last 30 days (UTC days, today included). "
        "Platform staff: needs platform:read.",
        permission_classes=[requires(Scope.PLATFORM_READ)],
    )
    async def attempts_last_30_days(self, info: Info) -> int:
        return (await org_figures(info).load(self.org_id)).attempts_last_30_days

    @strawberry.field(
        description="When the org was created. Platform staff: needs platform:read.",
        permission_classes=[requires(Scope.PLATFORM_READ)],
    )
    def created_at(self) -> datetime:
        # The composed Organization's own row (``OrganizationFields.row``).
        row = getattr(self, "row", None)
        if row is None:
            raise NotFound()
        return as_utc(row.created_at)


@strawberry.type(description="Setting up a platform admin's second factor (shown until confirmed).")
class TotpEnrolment:
    secret: str = strawberry.field(
        description="The TOTP secret (base32), to type into an authenticator app."
    )
    otpauth_uri: str = strawberry.field(
        description="The otpauth:// URI an authenticator app reads (the QR code's content)."
    )
    qr_code_svg: str = strawberry.field(
        description="The URI as a QR code: an inline <svg> element, drawn by the server."
    )

    @classmethod
    def of(cls, enrolment: Enrolment) -> TotpEnrolment:
        return cls(
            secret=enrolment.secret,
            otpauth_uri=enrolment.otpauth_uri,
            qr_code_svg=enrolment.qr_code_svg,
        )


@strawberry.type(description="One thing platform staff (or the command line) did.")
class PlatformAuditEvent(relay.Node):
    id: relay.NodeID[str]
    org_uuid: strawberry.Private[uuid.UUID | None]
    action: str = strawberry.field(description="What happened, such as platform.org_disabled.")
    label: str = strawberry.field(description="The action in words.")
    actor_kind: str = strawberry.field(
        description="PLATFORM_ADMIN, or CLI (a quizgraph command run on the server)."
    )
    actor_label: str = strawberry.field(description="Who: platform:<username> or quizgraph CLI.")
    org_slug: str | None = strawberry.field(
        description="The affected org's slug (kept when the org is gone); null for "
        "platform-wide actions."
    )
    target_type: str | None = strawberry.field(description="The kind of object changed.")
    target_id: str | None = strawberry.field(description="The changed object's id.")
    details: JSON = strawberry.field(description="What changed, as a JSON object.")
    ip: str | None = strawberry.field(description="The client's IP address.")
    created_at: datetime = strawberry.field(description="When it happened.")

    @strawberry.field(description="The affected org, while it exists.")
    async def organization(self, info: Info) -> LazyOrganization | None:
        if self.org_uuid is None:
            return None
        row = await org_by_id(info).load(self.org_uuid)
        return OrganizationFields.from_row(row) if row else None

    @classmethod
    def from_row(cls, row: PlatformAuditRow) -> PlatformAuditEvent:
        return cls(
            id=str(row.id),
            org_uuid=row.org_id,
            action=row.action,
            label=LABELS.get(row.action, row.action),
            actor_kind=row.actor_kind,
            actor_label=row.actor_label,
            org_slug=row.org_slug,
            target_type=row.target_type,
            target_id=row.target_id,
            details=cast(JSON, row.details),
            ip=row.ip,
            created_at=as_utc(row.created_at),
        )


@strawberry.type(
    description="A platform key (staff's): acts across orgs, every org or those listed. "
    "Its secret is shown once, when it is created or rotated."
)
class PlatformApiKey(relay.Node):
    id: relay.NodeID[str]
    org_uuids: strawberry.Private[list[uuid.UUID] | None]
    name: str = strawberry.field(description="What the key is for.")
    prefix: str = strawberry.field(description="The secret's first 16 characters.")
    scopes: list[str] = strawberry.field(description="The scopes the key carries.")
    rate_limit_per_minute: int = strawberry.field(description="Requests allowed per minute.")
    all_organizations: bool = strawberry.field(
        description="True when the key reaches every org (no list)."
    )
    created_at: datetime = strawberry.field(description="When the key was created.")
    last_used_at: datetime | None = strawberry.field(description="Last use, to within a minute.")
    expires_at: datetime | None = strawberry.field(description="When it stops by itself.")
    enabled: bool = strawberry.field(description="A disabled key is refused.")
    revoked_at: datetime | None = strawberry.field(
        description="When it was (or, after a rotation, will be) revoked; null while live."
    )

    @strawberry.field(
        description="The orgs the key reaches (at most 100); empty when it reaches every org."
    )
    async def organizations(self, info: Info) -> list[LazyOrganization]:
        if not self.org_uuids:
            return []
        rows = await org_by_id(info).load_many(self.org_uuids)
        return [OrganizationFields.from_row(row) for row in rows if row]

    @classmethod
    def from_row(cls, row: ApiKeyRow) -> PlatformApiKey:
        return cls(
            id=str(row.id),
            org_uuids=[uuid.UUID(value) for value in row.org_ids]
            if row.org_ids is not None
            else None,
            name=row.name,
            prefix=row.prefix,
            scopes=list(row.scopes),
            rate_limit_per_minute=row.rate_limit_per_minute,
            all_organizations=row.org_ids is None,
            created_at=as_utc(row.created_at),
            last_used_at=_utc(row.last_used_at),
            expires_at=_utc(row.expires_at),
            enabled=row.enabled,
            revoked_at=_utc(row.revoked_at),
        )
