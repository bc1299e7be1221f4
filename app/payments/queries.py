"""``Organization.payments`` and ``Organization.paymentTotals`` (payments:read sees every
payment of the org, anyone else signed in their own: ``PaymentVisibility``), and the
``node(id:)`` loader for payments."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated

import strawberry
from strawberry import relay
from strawberry.types import Info

from app.access.request import ServiceContext
from app.core.pagination import fetch_page, map_page
from app.graphql.permissions import signed_in
from app.graphql.relay import After, Connection, First, decode_id
from app.payments import service
from app.payments.repository import MAX_TOTALS, PaymentFilter
from app.payments.types import Payment, PaymentTotal

MemberArgument = Annotated[
    relay.GlobalID | None, strawberry.argument(description="Only this member's payments.")
]
PurposeArgument = Annotated[
    str | None, strawberry.argument(description="Only payments of this purpose (exact).")
]
TournamentArgument = Annotated[
    relay.GlobalID | None, strawberry.argument(description="Only entry fees of this tournament.")
]
CurrencyArgument = Annotated[
    str | None, strawberry.argument(description="Only payments in this ISO 4217 currency.")
]
SinceArgument = Annotated[
    datetime | None, strawberry.argument(description="Only payments paid at or after this.")
]
UntilArgument = Annotated[
    datetime | None, strawberry.argument(description="Only payments paid at or before this.")
]


def _filter(
    member_id: relay.GlobalID | None,
    purpose: str | None,
    tournament_id: relay.GlobalID | None,
    currency: str | None,
    paid_since: datetime | None,
    paid_until: datetime | None,
) -> PaymentFilter:
    return PaymentFilter(
        member_id=decode_id(member_id, "Member", "memberId") if member_id else None,
        purpose=purpose,
        tournament_id=(
            decode_id(tournament_id, "Tournament", "tournamentId") if tournament_id else None
        ),
        currency=currency,
        paid_since=paid_since,
        paid_until=paid_until,
    )


@strawberry.type
class OrganizationPayments:
    org_id: strawberry.Private[uuid.UUID]

    @strawberry.field(
        description="Payments the org's payment system reported, the latest paid first. "
        "With payments:read (owners, admins, keys holding it): every payment of the org; "
        "otherwise your own (a key: its creator's). Signed in.",
        permission_classes=[signed_in()],
    )
    async def payments(
        self,
        info: Info,
        first: First = None,
        after: After = None,
        member_id: MemberArgument = None,
        purpose: PurposeArgument = None,
        tournament_id: TournamentArgument = None,
        currency: CurrencyArgument = None,
        paid_since: SinceArgument = None,
        paid_until: UntilArgument = None,
    ) -> Connection[Payment]:
        sc = info.context.sc
        narrowed = _filter(member_id, purpose, tournament_id, currency, paid_since, paid_until)
        query = service.listing(sc, self.org_id, narrowed)
        page = await fetch_page(sc.db, query, first=first, after=after)
        return Connection[Payment].from_page(map_page(page, Payment.from_row))

    @strawberry.field(
        description="How many payments and how much per purpose and currency (amounts in "
        "different currencies are never added together), over the payments "
        "Organization.payments shows with the same filters; by purpose, then currency, "
        f"at most {MAX_TOTALS} (filter to see others). Signed in.",
        permission_classes=[signed_in()],
    )
    async def payment_totals(
        self,
        info: Info,
        member_id: MemberArgument = None,
        purpose: PurposeArgument = None,
        tournament_id: TournamentArgument = None,
        currency: CurrencyArgument = None,
        paid_since: SinceArgument = None,
        paid_until: UntilArgument = None,
    ) -> list[PaymentTotal]:
        narrowed = _filter(member_id, purpose, tournament_id, currency, paid_since, paid_until)
        found = await service.totals(info.context.sc, self.org_id, narrowed)
        return [PaymentTotal.of(total) for total in found]


async def load_node(sc: ServiceContext, row_id: uuid.UUID) -> relay.Node:
    """``node(id:)`` for a Payment (``PaymentVisibility``: yours, or any with payments:read)."""
    return Payment.from_row(await service.get(sc, row_id))
