"""``Organization.certificates``: staff list the org's (by quiz, member, tournament,
revoked or not), students their own (attempts:read, as for attempts)."""

from __future__ import annotations

import uuid
from typing import Annotated

import strawberry
from strawberry import relay
from strawberry.types import Info

from app.access.request import ServiceContext
from app.access.scopes import Scope
from app.certificates import service
from app.certificates.types import Certificate
from app.core.pagination import fetch_page, map_page
from app.graphql.permissions import requires
from app.graphql.relay import (
    After,
    Connection,
    First,
    MemberFilter,
    QuizFilter,
    TournamentFilter,
    decode_id,
)


def _optional_id(value: relay.GlobalID | None, type_name: str, field: str) -> uuid.UUID | None:
    return decode_id(value, type_name, field) if value is not None else None


@strawberry.type
class OrganizationCertificates:
    org_id: strawberry.Private[uuid.UUID]

    @strawberry.field(
        description="Certificates, newest first. Needs attempts:read; students (and their "
        "keys) see their own only, and asking for another member's is FORBIDDEN.",
        permission_classes=[requires(Scope.ATTEMPTS_READ)],
    )
    async def certificates(
        self,
        info: Info,
        first: First = None,
        after: After = None,
        quiz_id: QuizFilter = None,
        member_id: MemberFilter = None,
        tournament_id: TournamentFilter = None,
        revoked: Annotated[
            bool | None,
            strawberry.argument(description="Only revoked (true) or only valid (false) ones."),
        ] = None,
    ) -> Connection[Certificate] | None:
        sc = info.context.sc
        query = service.listing(
            sc,
            self.org_id,
            quiz_id=_optional_id(quiz_id, "Quiz", "quizId"),
            member_id=_optional_id(member_id, "Member", "memberId"),
            tournament_id=_optional_id(tournament_id, "Tournament", "tournamentId"),
            revoked=revoked,
        )
        page = await fetch_page(sc.db, query, first=first, after=after)
        return Connection[Certificate].from_page(map_page(page, Certificate.from_row))


async def load_node(sc: ServiceContext, row_id: uuid.UUID) -> relay.Node:
    """``node(id:)`` for a Certificate: its holder's, or staff with attempts:read."""
    return Certificate.from_row(await service.get_readable(sc, row_id))
