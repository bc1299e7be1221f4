"""GraphQL types for payments: a payment, and a total per purpose and currency.

Money is an ``Int`` of the currency's minor unit with the currency's exponent beside
it (and ``amountDecimal``, the same amount as an exact decimal string, for reading):
never a Float. A total is a sum that may outgrow GraphQL's 32-bit Int, so its amount is
a string of digits.
"""

from __future__ import annotations

import uuid
from datetime import datetime

import strawberry
from strawberry import relay
from strawberry.types import Info

from app.attempts.types import Participant
from app.core.clock import as_utc
from app.core.currencies import decimal_text
from app.members.loaders import member_by_id
from app.payments.models import Payment as PaymentRow
from app.payments.repository import Total
from app.payments.service import currency_exponent

_EXPONENT = (
    "Digits after the decimal point of the currency's minor unit (ISO 4217): 2 for USD "
    "(cents), 0 for JPY, 3 for BHD."
)


@strawberry.type(description="A payment the org's own payment system (its shop, its ERP) reported.")
class Payment(relay.Node):
    id: relay.NodeID[str]
    org_id: strawberry.Private[uuid.UUID]
    row: strawberry.Private[PaymentRow]
    amount: int = strawberry.field(
        description="How much, in the currency's minor unit: 1250 is 12.50 USD or 1,250 JPY."
    )
    currency: str = strawberry.field(description="The ISO 4217 code, e.g. USD.")
    currency_exponent: int = strawberry.field(description=_EXPONENT)
    amount_decimal: str = strawberry.field(
        description="The amount in major units as an exact decimal string, e.g. 12.50."
    )
    purpose: str = strawberry.field(description="What it paid for, as the payment system said.")
    external_id: str = strawberry.field(
        description="The payment system's own reference (the idempotency key)."
    )
    paid_at: datetime = strawberry.field(description="When it was paid, by the payment system.")
    recorded_at: datetime = strawberry.field(description="When quizgraph recorded it.")
    member_id: relay.GlobalID | None = strawberry.field(
        description="The payer's member id (null once the member was removed)."
    )
    tournament_id: relay.GlobalID | None = strawberry.field(
        description="The tournament an entry fee was paid for, if any."
    )

    @classmethod
    def from_row(cls, row: PaymentRow) -> Payment:
        exponent = currency_exponent(row.currency)
        return cls(
            id=str(row.id),
            org_id=row.org_id,
            row=row,
            amount=row.amount,
            currency=row.currency,
            currency_exponent=exponent,
            amount_decimal=decimal_text(row.amount, exponent),
            purpose=row.purpose,
            external_id=row.external_id,
            paid_at=as_utc(row.paid_at),
            recorded_at=as_utc(row.recorded_at),
            member_id=_gid("Member", row.member_id),
            tournament_id=_gid("Tournament", row.tournament_id),
        )

    @strawberry.field(description="Who paid (null once the member was removed).")
    async def payer(self, info: Info) -> Participant | None:
        if self.row.member_id is None:
            return None
        member = await member_by_id(info).load(self.row.member_id)
        if member is None:
            return None
        gid = strawberry.ID(str(relay.GlobalID("Member", str(member.id))))
        return Participant(id=gid, username=member.username, display_name=member.display_name)


@strawberry.type(description="The payments of one purpose in one currency, added up.")
class PaymentTotal:
    purpose: str = strawberry.field(description="What they paid for.")
    currency: str = strawberry.field(description="The ISO 4217 code.")
    currency_exponent: int = strawberry.field(description=_EXPONENT)
    payment_count: int = strawberry.field(description="How many payments.")
    amount: str = strawberry.field(
        description="Their sum in the currency's minor unit, as a string of digits (a sum "
        "can outgrow GraphQL's 32-bit Int)."
    )
    amount_decimal: str = strawberry.field(
        description="The sum in major units as an exact decimal string, e.g. 1250.00."
    )

    @classmethod
    def of(cls, total: Total) -> PaymentTotal:
        exponent = currency_exponent(total.currency)
        return cls(
            purpose=total.purpose,
            currency=total.currency,
            currency_exponent=exponent,
            payment_count=total.count,
            amount=str(total.amount),
            amount_decimal=decimal_text(total.amount, exponent),
        )


def _gid(type_name: str, row_id: uuid.UUID | None) -> relay.GlobalID | None:
    return relay.GlobalID(type_name, str(row_id)) if row_id is not None else None
