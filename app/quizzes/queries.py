"""``Organization.quizzes``: the quiz list, for quizzes:read.

Authors (quizzes:write) see every quiz; everyone else sees published quizzes inside
their opening window only, whatever ``status`` they ask for.
"""

from __future__ import annotations

import uuid
from typing import Annotated

import strawberry
from strawberry import relay
from strawberry.types import Info

from app.access.request import ServiceContext
from app.access.scopes import Scope
from app.core.pagination import fetch_page, map_page
from app.graphql.permissions import requires
from app.graphql.relay import After, Connection, First
from app.quizzes import service
from app.quizzes.models import QuizStatus
from app.quizzes.types import Quiz


@strawberry.type
class OrganizationQuizzes:
    org_id: strawberry.Private[uuid.UUID]

    @strawberry.field(
        description=(
            "Quizzes, newest first. Needs quizzes:read; without quizzes:write only "
            "published quizzes that are open now are listed."
        ),
        permission_classes=[requires(Scope.QUIZZES_READ)],
    )
    async def quizzes(
        self,
        info: Info,
        first: First = None,
        after: After = None,
        status: Annotated[
            QuizStatus | None, strawberry.argument(description="Only quizzes in this status.")
        ] = None,
        search: Annotated[
            str | None, strawberry.argument(description="Part of the title, any case.")
        ] = None,
    ) -> Connection[Quiz] | None:
        query = service.listing(
            info.context.sc,
            self.org_id,
            status=status,
            search=(search or "").strip()[:100] or None,
        )
        # plain rows of the listed columns, not ORM objects (``repository.listing``)
        page = await fetch_page(info.context.sc.db, query, first=first, after=after, scalars=False)
        return Connection[Quiz].from_page(map_page(page, Quiz.from_columns))


async def load_node(sc: ServiceContext, row_id: uuid.UUID) -> relay.Node:
    """``node(id:)`` for a Quiz: NOT_FOUND unless the actor may see it."""
    return Quiz.from_row(await service.get_readable(sc, row_id))
