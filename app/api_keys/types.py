"""The ``ApiKey`` GraphQL type: everything about a key except its secret and hash."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Annotated

import strawberry
from strawberry import relay
from strawberry.types import Info

from app.access.scopes import Scope
from app.api_keys import service
from app.api_keys.loaders import usage_by_key
from app.api_keys.models import ApiKey as ApiKeyRow
from app.api_keys.usage import RETENTION_DAYS
from app.core.clock import as_utc, utcnow
from app.graphql.permissions import requires
from app.members.loaders import member_by_id
from app.members.types import Member


def _utc(value: datetime | None) -> datetime | None:
    return as_utc(value) if value is not None else None


@strawberry.type(description="One UTC day of a key's use.")
class ApiKeyUsageDay:
    day: date = strawberry.field(description="The day (UTC).")
    requests: int = strawberry.field(
        description="Requests the key made, refused and failed ones included."
    )
    errors: int = strawberry.field(
        description="Requests that ended with an error (rate-limit refusals aside)."
    )
    rate_limited: int = strawberry.field(description="Requests refused for the key's rate limit.")


@strawberry.type(description="How many of a key's requests ended with one error code.")
class ApiKeyErrorCount:
    code: str = strawberry.field(description="The error's `extensions.code`.")
    count: int = strawberry.field(description="Requests that ended with it.")


@strawberry.type(
    description="A key's use, counted by each server process and written every minute "
    "(the latest minute may not show yet)."
)
class ApiKeyUsage:
    daily: list[ApiKeyUsageDay] = strawberry.field(
        description=f"One point per day, oldest first, today last (at most {RETENTION_DAYS})."
    )
    errors_by_code: list[ApiKeyErrorCount] = strawberry.field(
        description=f"The window's errors per code, most frequent first (at most "
        f"{service.MAX_CODES_SHOWN}; rate-limit refusals are counted in rateLimited instead)."
    )
    last_used_at: datetime | None = strawberry.field(
        description="When the key was last used (any request, refused ones included); "
        "null if never."
    )
    last_used_ip: str | None = strawberry.field(
        description="The client address of that last use; null if unknown."
    )
    unused_for_30_days: bool = strawberry.field(
        description="Whether the key, older than 30 days, has not been used in the last 30 "
        "(a candidate for revocation)."
    )


@strawberry.type(
    description=(
        "A credential a partner sends as `Authorization: Bearer iq_live_…`. "
        "Its secret is shown once, when it is created or rotated, and never again."
    )
)
class ApiKey(relay.Node):
    id: relay.NodeID[str]
    org_id: strawberry.Private[uuid.UUID]
    created_by_id: strawberry.Private[uuid.UUID | None]
    name: str = strawberry.field(description="What the key is for, such as the partner's name.")
    prefix: str = strawberry.field(
        description="The secret's first 16 characters (iq_live_ and 8 hex), to recognise it."
    )
    scopes: list[str] = strawberry.field(
        description="The scopes the key carries; at each use they are narrowed to what its "
        "creator's current role grants."
    )
    rate_limit_per_minute: int = strawberry.field(description="Requests allowed per minute.")
    created_at: datetime = strawberry.field(description="When the key was created.")
    last_used_at: datetime | None = strawberry.field(
        description="When the key was last used, to within a minute; null if never."
    )
    expires_at: datetime | None = strawberry.field(
        description="When the key stops working by itself; null if never."
    )
    enabled: bool = strawberry.field(description="A disabled key is refused until re-enabled.")
    revoked_at: datetime | None = strawberry.field(
        description="When the key was revoked, or, after a rotation, when it will be; "
        "null while it is live."
    )

    @strawberry.field(description="The member who created the key; null once they are removed.")
    async def created_by(self, info: Info) -> Member | None:
        if self.created_by_id is None:
            return None
        row = await member_by_id(info).load(self.created_by_id)
        return Member.from_row(row) if row else None

    @strawberry.field(
        description="The key's use over its last `days` UTC days (1 to "
        f"{RETENTION_DAYS}, today included). Needs api_keys:read.",
        permission_classes=[requires(Scope.API_KEYS_READ)],
    )
    async def usage(
        self,
        info: Info,
        days: Annotated[
            int, strawberry.argument(description=f"Days to show, 1 to {RETENTION_DAYS}.")
        ] = service.USAGE_DAYS_DEFAULT,
    ) -> ApiKeyUsage:
        service.check_usage_days(days)
        report = await usage_by_key(info).load((uuid.UUID(str(self.id)), days))
        last_used_at = max(
            (at for at in (report.last_used_at, self.last_used_at) if at is not None),
            default=None,
        )
        return ApiKeyUsage(
            daily=[
                ApiKeyUsageDay(
                    day=point.day,
                    requests=point.requests,
                    errors=point.errors,
                    rate_limited=point.rate_limited,
                )
                for point in report.daily
            ],
            errors_by_code=[
                ApiKeyErrorCount(code=code, count=count) for code, count in report.errors_by_code
            ],
            last_used_at=last_used_at,
            last_used_ip=report.last_used_ip,
            unused_for_30_days=service.is_unused(self.created_at, last_used_at, utcnow()),
        )

    @classmethod
    def from_row(cls, row: ApiKeyRow) -> ApiKey:
        assert row.org_id is not None, "platform keys are not exposed through the API"
        return cls(
            id=str(row.id),
            org_id=row.org_id,
            created_by_id=row.created_by_id,
            name=row.name,
            prefix=row.prefix,
            scopes=list(row.scopes),
            rate_limit_per_minute=row.rate_limit_per_minute,
            created_at=as_utc(row.created_at),
            last_used_at=_utc(row.last_used_at),
            expires_at=_utc(row.expires_at),
            enabled=row.enabled,
            revoked_at=_utc(row.revoked_at),
        )
