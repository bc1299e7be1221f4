"""``Organization.tournaments`` (quizzes:read) and the ``node(id:)`` loader."""

from __future__ import annotations

import uuid

import strawberry
from strawberry import relay
from strawberry.types import Info

from app.access.request import ServiceContext
from app.access.scopes import Scope
from app.core.pagination import fetch_page, map_page
from app.graphql.permissions import requires
from app.graphql.relay import After, Connection, First
from app.tournaments import service
from app.tournaments.models import TournamentStatus as TournamentStatusValue
from app.tournaments.types import StatusArgument, Tournament


@strawberry.type(description="A page of tournaments.")
class TournamentConnection(Connection[Tournament]):
    pass


@strawberry.type
class OrganizationTournaments:
    org_id: strawberry.Private[uuid.UUID]

    @strawberry.field(
        description="The org's tournaments you may see, soonest start first: all of them "
        "with quizzes:write; otherwise those you may enter (or have entered). Needs "
        "quizzes:read.",
        permission_classes=[requires(Scope.QUIZZES_READ)],
    )
    async def tournaments(
        self,
        info: Info,
        status: StatusArgument = None,
        first: First = None,
        after: After = None,
    ) -> TournamentConnection:
        sc = info.context.sc
        wanted = TournamentStatusValue(status) if status is not None else None
        query = service.listing(sc, self.org_id, status=wanted)
        page = await fetch_page(sc.db, query, first=first, after=after)
        return TournamentConnection.from_page(map_page(page, Tournament.from_row))  # type: ignore[return-value]


async def load_node(sc: ServiceContext, row_id: uuid.UUID) -> relay.Node:
    return Tournament.from_row(await service.get(sc, row_id))
