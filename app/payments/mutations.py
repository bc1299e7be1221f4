"""``recordPayment``: a thin wrapper over ``payments.service.record_payment``."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

import strawberry
from strawberry import relay
from strawberry.types import Info

from app.access.scopes import Scope
from app.graphql.inputs import INPUT
from app.graphql.permissions import requires
from app.graphql.relay import decode_id
from app.payments import service
from app.payments.models import MAX_EXTERNAL_ID, MAX_PURPOSE
from app.payments.types import Payment


@strawberry.input(description="A payment your own payment system (shop, ERP) received.")
class RecordPaymentInput:
    member_id: relay.GlobalID = strawberry.field(description="The member who paid.")
    amount: int = strawberry.field(
        description="How much, a positive whole number of the currency's minor unit: 1250 "
        "is 12.50 USD, 1,250 JPY or 1.250 BHD."
    )
    currency: str = strawberry.field(
        description="The ISO 4217 code (USD, EUR, JPY…; case is ignored). Codes without a "
        "minor unit (XAU, XXX…) are refused."
    )
    purpose: str = strawberry.field(
        description=f"What it paid for, e.g. 'Spring Cup entry' (up to {MAX_PURPOSE} "
        "characters); payments are totalled per purpose."
    )
    external_id: str = strawberry.field(
        description="Your payment system's reference for this payment, unique per payment "
        f"(up to {MAX_EXTERNAL_ID} characters): the idempotency key. Sending it again with "
        "the same payment answers the first one (replayed: true) and records nothing; with "
        "a different payment it is CONFLICT."
    )
    paid_at: datetime = strawberry.field(description="When it was paid (not in the future).")
    tournament_id: relay.GlobalID | None = strawberry.field(
        default=None, description="The tournament this is the entry fee of, if any."
    )


@strawberry.type
class RecordPaymentPayload:
    payment: Payment = strawberry.field(description="The payment as recorded (the first one).")
    replayed: bool = strawberry.field(
        description="True when this externalId was already recorded: nothing new was written."
    )


@strawberry.type
class PaymentMutations:
    @strawberry.mutation(
        description="Record a payment your own payment system received; idempotent by "
        "externalId (see RecordPaymentInput.externalId). A different payment under a known "
        "externalId is CONFLICT with extensions.reason IDEMPOTENCY_KEY_REUSED and "
        "conflictingFields. Emits payment.received once per payment. Needs payments:write.",
        permission_classes=[requires(Scope.PAYMENTS_WRITE)],
    )
    async def record_payment(
        self, info: Info, input: Annotated[RecordPaymentInput, INPUT]
    ) -> RecordPaymentPayload:
        tournament = input.tournament_id
        report = service.PaymentReport(
            member_id=decode_id(input.member_id, "Member", "memberId"),
            amount=input.amount,
            currency=input.currency,
            purpose=input.purpose,
            external_id=input.external_id,
            paid_at=input.paid_at,
            tournament_id=(
                decode_id(tournament, "Tournament", "tournamentId") if tournament else None
            ),
        )
        recorded = await service.record_payment(info.context.sc, report)
        return RecordPaymentPayload(
            payment=Payment.from_row(recorded.payment), replayed=recorded.replayed
        )
