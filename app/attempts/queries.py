"""``Organization.attempts``: staff list everyone's (by quiz or member), students their own.

Reading writes nothing: an attempt still open past its deadline is shown EXPIRED and
scored as it stands (``service.as_read``), so nobody sees an attempt "in progress" that
the server would no longer accept answers for; the next mutation that touches it closes it.
"""

from __future__ import annotations

import uuid
from typing import Annotated

import strawberry
from strawberry import relay
from strawberry.types import Info

from app.access.request import ServiceContext
from app.access.scopes import Scope
from app.attempts import service
from app.attempts.models import AttemptStatus
from app.attempts.types import Attempt
from app.core.pagination import Page, fetch_page, map_page
from app.graphql.permissions import requires
from app.graphql.relay import After, Connection, First, decode_id


@strawberry.type
class OrganizationAttempts:
    org_id: strawberry.Private[uuid.UUID]

    @strawberry.field(
        description=(
            "Attempts, newest first. Needs attempts:read; students (and their keys) see "
            "their own only, and asking for another member's is FORBIDDEN."
        ),
        permission_classes=[requires(Scope.ATTEMPTS_READ)],
    )
    async def attempts(
        self,
        info: Info,
        first: First = None,
        after: After = None,
        quiz_id: Annotated[
            relay.GlobalID | None, strawberry.argument(description="Only this quiz's attempts.")
        ] = None,
        member_id: Annotated[
            relay.GlobalID | None, strawberry.argument(description="Only this member's attempts.")
        ] = None,
        status: Annotated[
            AttemptStatus | None, strawberry.argument(description="Only attempts in this status.")
        ] = None,
    ) -> Connection[Attempt] | None:
        sc = info.context.sc
        quiz = decode_id(quiz_id, "Quiz", "quizId") if quiz_id else None
        member = decode_id(member_id, "Member", "memberId") if member_id else None
        query = service.listing(sc, self.org_id, quiz_id=quiz, member_id=member, status=status)
        page = await fetch_page(sc.db, query, first=first, after=after)
        shown = Page(await service.as_read(sc, page.items), page.offset, page.has_next, page.count)
        return Connection[Attempt].from_page(map_page(shown, Attempt.from_row))


async def load_node(sc: ServiceContext, row_id: uuid.UUID) -> relay.Node:
    """``node(id:)`` for an Attempt: its owner's, or staff with attempts:read."""
    return Attempt.from_row(await service.get_readable(sc, row_id))
