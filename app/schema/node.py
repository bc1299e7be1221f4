"""``Query.node(id:)``: every Node type says how to load one of its objects for an actor."""

from __future__ import annotations

import uuid
from collections.abc import Awaitable, Callable
from typing import Annotated

import strawberry
from strawberry import relay
from strawberry.types import Info

from app.access.request import ServiceContext
from app.api_keys.queries import load_node as _api_key
from app.attempts.queries import load_node as _attempt
from app.audit import service as audit
from app.audit.types import AuditEvent
from app.core.errors import NotFound
from app.members import service as members
from app.members.types import Member
from app.orgs import service as orgs
from app.quizzes.queries import load_node as _quiz
from app.schema.organization import Organization

NodeLoader = Callable[[ServiceContext, uuid.UUID], Awaitable[relay.Node]]


async def _organization(sc: ServiceContext, row_id: uuid.UUID) -> relay.Node:
    return Organization.from_row(await orgs.get_for_actor(sc, row_id))


async def _member(sc: ServiceContext, row_id: uuid.UUID) -> relay.Node:
    return Member.from_row(await members.get_by_id(sc, row_id))


async def _audit_event(sc: ServiceContext, row_id: uuid.UUID) -> relay.Node:
    return AuditEvent.from_row(await audit.get_event(sc, row_id))


NODE_LOADERS: dict[str, NodeLoader] = {
    "Organization": _organization,
    "Member": _member,
    "AuditEvent": _audit_event,
    "ApiKey": _api_key,
    "Quiz": _quiz,
    "Attempt": _attempt,
}


def register_node(type_name: str, loader: NodeLoader) -> None:
    NODE_LOADERS[type_name] = loader


@strawberry.type
class NodeQueries:
    @strawberry.field(description="Any object by its global id; NOT_FOUND when out of reach.")
    async def node(
        self,
        info: Info,
        id: Annotated[relay.GlobalID, strawberry.argument(description="A global id.")],
    ) -> relay.Node:
        loader = NODE_LOADERS.get(id.type_name)
        try:
            row_id = uuid.UUID(id.node_id)
        except ValueError:
            loader = None
        if loader is None:
            raise NotFound()
        return await loader(info.context.sc, row_id)
