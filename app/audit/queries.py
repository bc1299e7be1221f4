"""``Organization.auditLog``: newest first, for audit:read."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated

import strawberry
from strawberry import relay
from strawberry.types import Info

from app.access.scopes import Scope
from app.audit import service
from app.audit.types import AuditAction, AuditEvent, all_actions
from app.core.errors import BadUserInput
from app.core.pagination import fetch_page, map_page
from app.graphql.permissions import requires
from app.graphql.relay import After, Connection, First

# Who can act: a member or an API key (platform staff have no global id).
ACTOR_TYPES = ("Member", "ApiKey")


def _actor_uuid(actor_id: relay.GlobalID | None) -> uuid.UUID | None:
    if actor_id is None:
        return None
    # A global id of another type (a quiz's, say) is a mistake to report, not a uuid
    # to filter by.
    if actor_id.type_name not in ACTOR_TYPES:
        raise BadUserInput({"actorId": "is not the id of a Member or an ApiKey"})
    try:
        return uuid.UUID(actor_id.node_id)
    except ValueError as error:
        raise BadUserInput({"actorId": "is not the id of a Member or an ApiKey"}) from error


@strawberry.type
class OrganizationAuditLog:
    org_id: strawberry.Private[uuid.UUID]

    @strawberry.field(
        description="The org's audit log, newest first. Needs audit:read.",
        permission_classes=[requires(Scope.AUDIT_READ)],
    )
    async def audit_log(
        self,
        info: Info,
        first: First = None,
        after: After = None,
        action: Annotated[str | None, strawberry.argument(description="Only this action.")] = None,
        area: Annotated[
            str | None,
            strawberry.argument(
                description="Only the actions of this area (`api_key`: every key action); "
                "the areas are those of `auditActions`."
            ),
        ] = None,
        exclude_actions: Annotated[
            list[str] | None,
            strawberry.argument(
                description='Leave out these actions (`["auth.login"]` folds sign-ins).'
            ),
        ] = None,
        actor: Annotated[
            str | None, strawberry.argument(description="Only this actor: username or key prefix.")
        ] = None,
        actor_id: Annotated[
            relay.GlobalID | None, strawberry.argument(description="Only this member or key.")
        ] = None,
        since: Annotated[
            datetime | None, strawberry.argument(description="Events at or after this time.")
        ] = None,
        until: Annotated[
            datetime | None, strawberry.argument(description="Events before this time.")
        ] = None,
    ) -> Connection[AuditEvent] | None:
        query = service.listing(
            info.context.sc,
            self.org_id,
            action=action,
            area=area,
            exclude_actions=exclude_actions,
            actor_label=actor,
            actor_id=_actor_uuid(actor_id),
            since=since,
            until=until,
        )
        page = await fetch_page(info.context.sc.db, query, first=first, after=after)
        return Connection[AuditEvent].from_page(map_page(page, AuditEvent.from_row))

    @strawberry.field(
        description="Every action the audit log records, grouped by area, with labels to "
        "pick from. Needs audit:read.",
        permission_classes=[requires(Scope.AUDIT_READ)],
    )
    def audit_actions(self) -> list[AuditAction] | None:
        return all_actions()
