"""``Query.node(id:)``: every Node type says how to load one of its objects for an actor,
and what access that takes (the loader's service enforces it: NOT_FOUND out of reach)."""

from __future__ import annotations

import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Annotated

import strawberry
from strawberry import relay
from strawberry.permission import BasePermission
from strawberry.types import Info

from app.access.request import ServiceContext
from app.access.scopes import Scope
from app.api_keys.queries import load_node as _api_key
from app.attempts.queries import load_node as _attempt
from app.audit import service as audit
from app.audit.types import AuditEvent
from app.certificates.queries import load_node as _certificate
from app.core.errors import NotFound
from app.graphql.permissions import requires, signed_in
from app.integrity.queries import load_event_node as _integrity_event
from app.integrity.queries import load_record_node as _attempt_integrity
from app.members import service as members
from app.members.types import Member
from app.notifications.queries import load_node as _notification
from app.orgs import service as orgs
from app.payments.queries import load_node as _payment
from app.quizzes.queries import load_node as _quiz
from app.schema.organization import Organization
from app.tournaments.queries import load_node as _tournament
from app.webhooks.queries import load_node as _webhook

NodeLoader = Callable[[ServiceContext, uuid.UUID], Awaitable[relay.Node]]


async def _organization(sc: ServiceContext, row_id: uuid.UUID) -> relay.Node:
    return Organization.from_row(await orgs.get_for_actor(sc, row_id))


async def _member(sc: ServiceContext, row_id: uuid.UUID) -> relay.Node:
    return Member.from_row(await members.get_by_id(sc, row_id))


async def _audit_event(sc: ServiceContext, row_id: uuid.UUID) -> relay.Node:
    return AuditEvent.from_row(await audit.get_event(sc, row_id))


@dataclass(frozen=True, slots=True)
class NodeType:
    load: NodeLoader
    # What reading one takes, as a field declaration (app.graphql.permissions); the
    # loader's service enforces it on the object's org, so out of reach is NOT_FOUND.
    access: type[BasePermission]


NODE_TYPES: dict[str, NodeType] = {
    # an actor's own org (or one platform staff reach); its lists declare their scopes
    "Organization": NodeType(_organization, signed_in()),
    "Member": NodeType(_member, requires(Scope.MEMBERS_READ)),
    "AuditEvent": NodeType(_audit_event, requires(Scope.AUDIT_READ)),
    "ApiKey": NodeType(_api_key, requires(Scope.API_KEYS_READ)),
    # the reader's own visibility rule (app/notifications/visibility.py)
    "Notification": NodeType(_notification, requires(Scope.NOTIFICATIONS_READ)),
    # published-and-open quizzes only, without quizzes:write
    "Quiz": NodeType(_quiz, requires(Scope.QUIZZES_READ)),
    # students (and their keys) their own attempts only
    "Attempt": NodeType(_attempt, requires(Scope.ATTEMPTS_READ)),
    "Webhook": NodeType(_webhook, requires(Scope.WEBHOOKS_READ)),
    "AttemptIntegrity": NodeType(_attempt_integrity, requires(Scope.INTEGRITY_READ)),
    "IntegrityEvent": NodeType(_integrity_event, requires(Scope.INTEGRITY_READ)),
    # your own payments, or every one with payments:read (app/payments/visibility.py)
    "Payment": NodeType(_payment, signed_in()),
    # those the reader may enter (app/tournaments/visibility.py); all with quizzes:write
    "Tournament": NodeType(_tournament, requires(Scope.QUIZZES_READ)),
    # holders their own, staff with attempts:read the org's (app/certificates/visibility.py)
    "Certificate": NodeType(_certificate, requires(Scope.ATTEMPTS_READ)),
}


@strawberry.type
class NodeQueries:
    @strawberry.field(
        description="Any object by its global id; NOT_FOUND when out of reach.",
        # each type's own declaration (NODE_TYPES), enforced by its loader
        permission_classes=[signed_in()],
    )
    async def node(
        self,
        info: Info,
        id: Annotated[relay.GlobalID, strawberry.argument(description="A global id.")],
    ) -> relay.Node:
        node_type = NODE_TYPES.get(id.type_name)
        try:
            row_id = uuid.UUID(id.node_id)
        except ValueError:
            node_type = None
        if node_type is None:
            raise NotFound()
        return await node_type.load(info.context.sc, row_id)
