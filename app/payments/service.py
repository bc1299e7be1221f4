"""The rules of payments: recording one reported by the org's own payment system, and
reading them.

- Recording needs payments:write (owners and admins, and keys holding it: the shop's
  or ERP's integration). The amount is a positive integer of the currency's minor unit,
  the currency an ISO 4217 code with a minor unit (``currencies``), the payer a member
  of the org, ``paidAt`` not in the future.
- ``externalId`` (the payment system's reference) makes recording idempotent, as
  Stripe's idempotency keys do: the same externalId with the same payment answers the
  first payment (``replayed``) and changes nothing (no second row, event or audit
  entry); with a different payment it is CONFLICT (reason IDEMPOTENCY_KEY_REUSED,
  ``conflictingFields`` naming what differs). The unique (org, externalId) decides
  between concurrent reports (``repository.insert_unless_known``).
- ``payment.received`` is announced once per payment, through ``sc.events`` (and so
  the webhooks' outbox, in the same transaction); ``payment.recorded`` is audited.
- Reading follows ``PaymentVisibility``: payments:read sees every payment of the org,
  anyone else their own.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlmodel.sql.expression import SelectOfScalar
from strawberry import relay

from app.access.request import ServiceContext
from app.access.scopes import Scope
from app.audit import service as audit
from app.core.clock import as_utc, utcnow
from app.core.currencies import currency_problem, decimal_text, exponent_of
from app.core.errors import BadUserInput, Conflict
from app.core.validation import Problems
from app.events.bus import Event
from app.members import service as members
from app.payments import repository
from app.payments.models import MAX_EXTERNAL_ID, MAX_PURPOSE, Payment
from app.payments.repository import PaymentFilter, Total
from app.payments.visibility import PaymentVisibility
from app.tournaments import service as tournaments
from app.webhooks.catalog import PAYMENT_RECEIVED

# GraphQL's Int: the most minor units one payment can carry through the API.
MAX_AMOUNT = 2**31 - 1
# How far the payment system's clock may run ahead of ours.
CLOCK_SKEW = timedelta(minutes=5)


@dataclass(frozen=True, slots=True)
class PaymentReport:
    """A payment as the org's payment system reports it (the mutation's input)."""

    member_id: uuid.UUID
    amount: int
    currency: str
    purpose: str
    external_id: str
    paid_at: datetime
    tournament_id: uuid.UUID | None = None


@dataclass(frozen=True, slots=True)
class Recorded:
    payment: Payment
    # True when the externalId was known: the first payment is answered, nothing written.
    replayed: bool


async def record_payment(sc: ServiceContext, report: PaymentReport) -> Recorded:
    """Record the report, or answer the payment its externalId already recorded."""
    org_id = sc.actor.home_org()
    sc.actor.require(Scope.PAYMENTS_WRITE, org_id)
    report = _checked(report)
    known = await repository.by_external_id(sc.db, org_id, report.external_id)
    if known is not None:
        return Recorded(_same_or_conflict(known, report), replayed=True)
    # The payer is a member of this org (recording needs no members:read of its own).
    if await members.display_name_of(sc, org_id, report.member_id) is None:
        raise BadUserInput({"memberId": "is not a member of this organization"})
    new_id = await repository.insert_unless_known(sc.db, _row_values(org_id, report))
    if new_id is None:
        # A concurrent report of the same externalId committed first: answer it as a
        # replay (or CONFLICT), as if this one had come second.
        raced = await repository.by_external_id(sc.db, org_id, report.external_id)
        assert raced is not None, "the unique (org_id, external_id) refused the insert"
        return Recorded(_same_or_conflict(raced, report), replayed=True)
    payment = await repository.by_id(sc.db, new_id, org_id)
    assert payment is not None
    await _enter_paid_tournament(sc, payment)
    await _announce(sc, payment)
    return Recorded(payment, replayed=False)


async def _enter_paid_tournament(sc: ServiceContext, payment: Payment) -> None:
    """The seam for tournaments: a payment naming a tournament (an entry fee) registers
    its payer for it, in this same transaction, so a payment is never recorded without
    its entry nor an entry without its payment.

    The tournaments service judges it (``tournaments.register_paid``: the fee's
    currency, at least its amount, registration open, room under the cap) and refuses
    with a domain error (NOT_FOUND for an unknown tournament, BAD_USER_INPUT for a
    payment that isn't its fee, CONFLICT when closed or full), which rolls the payment
    back. Runs only for a new payment, never for a replay (the entry was made with the
    first)."""
    if payment.tournament_id is None or payment.member_id is None:
        return
    await tournaments.register_paid(
        sc,
        tournaments.FeePaid(
            org_id=payment.org_id,
            tournament_id=payment.tournament_id,
            member_id=payment.member_id,
            amount=payment.amount,
            currency=payment.currency,
        ),
    )


async def _announce(sc: ServiceContext, payment: Payment) -> None:
    data = event_data(payment)
    await audit.record(
        sc,
        "payment.recorded",
        target_type="Payment",
        target_id=payment.id,
        org_id=payment.org_id,
        details={
            key: data[key]
            for key in ("amount", "currency", "amountDecimal", "purpose", "externalId", "memberId")
        },
    )
    sc.events.append(Event(PAYMENT_RECEIVED, payment.org_id, data))


def event_data(payment: Payment) -> dict[str, Any]:
    """``payment.received``'s data: ids are global ids, the amount in minor units with
    its exponent and, for reading, as an exact decimal."""
    exponent = currency_exponent(payment.currency)
    return {
        "paymentId": _global_id("Payment", payment.id),
        "memberId": _global_id("Member", payment.member_id),
        "amount": payment.amount,
        "currency": payment.currency,
        "currencyExponent": exponent,
        "amountDecimal": decimal_text(payment.amount, exponent),
        "purpose": payment.purpose,
        "externalId": payment.external_id,
        "tournamentId": _global_id("Tournament", payment.tournament_id),
        "paidAt": as_utc(payment.paid_at).isoformat().replace("+00:00", "Z"),
    }


def _global_id(type_name: str, row_id: uuid.UUID | None) -> str | None:
    return str(relay.GlobalID(type_name, str(row_id))) if row_id is not None else None


def currency_exponent(code: str) -> int:
    """The exponent of a stored payment's currency (checked when it was recorded)."""
    exponent = exponent_of(code)
    assert exponent is not None, f"{code} was recorded as a currency with a minor unit"
    return exponent


def _checked(report: PaymentReport) -> PaymentReport:
    """The report cleaned (codes upper-cased, text trimmed), or one BAD_USER_INPUT
    naming every field at fault."""
    problems = Problems()
    if not 0 < report.amount <= MAX_AMOUNT:
        problems.add(
            "amount",
            "must be a positive whole number of the currency's minor unit (cents for USD)",
        )
    currency = report.currency.strip().upper()
    problem = currency_problem(currency)
    if problem:
        problems.add("currency", problem)
    purpose = problems.text("purpose", report.purpose, max_length=MAX_PURPOSE)
    external_id = problems.text("externalId", report.external_id, max_length=MAX_EXTERNAL_ID)
    paid_at = as_utc(report.paid_at)
    if paid_at > utcnow() + CLOCK_SKEW:
        problems.add("paidAt", "must not be in the future")
    problems.raise_if_any()
    return PaymentReport(
        member_id=report.member_id,
        amount=report.amount,
        currency=currency,
        purpose=purpose,
        external_id=external_id,
        paid_at=paid_at,
        tournament_id=report.tournament_id,
    )


def _same_or_conflict(known: Payment, report: PaymentReport) -> Payment:
    """The known payment when the report is the same payment; CONFLICT otherwise."""
    differing = [
        name
        for name, stored, given in (
            # A removed payer's payments keep no member to compare.
            ("memberId", known.member_id or report.member_id, report.member_id),
            ("amount", known.amount, report.amount),
            ("currency", known.currency, report.currency),
            ("purpose", known.purpose, report.purpose),
            ("paidAt", as_utc(known.paid_at), report.paid_at),
            ("tournamentId", known.tournament_id, report.tournament_id),
        )
        if stored != given
    ]
    if differing:
        raise Conflict(
            f"The externalId '{report.external_id}' was recorded for a different payment "
            f"({', '.join(differing)} differ). Use a new externalId for a new payment.",
            reason="IDEMPOTENCY_KEY_REUSED",
            conflictingFields=differing,
            paymentId=_global_id("Payment", known.id),
        )
    return known


def _row_values(org_id: uuid.UUID, report: PaymentReport) -> dict[str, Any]:
    return {
        "id": uuid.uuid4(),
        "org_id": org_id,
        "member_id": report.member_id,
        "amount": report.amount,
        "currency": report.currency,
        "purpose": report.purpose,
        "external_id": report.external_id,
        "tournament_id": report.tournament_id,
        "paid_at": report.paid_at,
        "recorded_at": utcnow(),
    }


# --- reading ---------------------------------------------------------------------------


def checked_filter(narrowed: PaymentFilter) -> PaymentFilter:
    """A list's filter with its currency upper-cased and its range checked."""
    since, until = narrowed.paid_since, narrowed.paid_until
    if since is not None and until is not None and as_utc(since) > as_utc(until):
        raise BadUserInput({"paidUntil": "must not be before paidSince"})
    currency = narrowed.currency.strip().upper() if narrowed.currency is not None else None
    purpose = narrowed.purpose.strip() if narrowed.purpose is not None else None
    return PaymentFilter(
        member_id=narrowed.member_id,
        purpose=purpose or None,
        tournament_id=narrowed.tournament_id,
        currency=currency or None,
        paid_since=narrowed.paid_since,
        paid_until=narrowed.paid_until,
    )


def listing(
    sc: ServiceContext, org_id: uuid.UUID, narrowed: PaymentFilter
) -> SelectOfScalar[Payment]:
    """The org's payments the actor sees (``PaymentVisibility``), the latest paid first."""
    visibility = PaymentVisibility(sc.actor)
    visibility.require_org(org_id)
    return repository.listing(org_id, visibility.clause(org_id), checked_filter(narrowed))


async def totals(sc: ServiceContext, org_id: uuid.UUID, narrowed: PaymentFilter) -> list[Total]:
    """Count and sum per purpose and currency of the payments ``listing`` shows."""
    visibility = PaymentVisibility(sc.actor)
    visibility.require_org(org_id)
    return await repository.totals(
        sc.db, org_id, visibility.clause(org_id), checked_filter(narrowed)
    )


async def get(sc: ServiceContext, payment_id: uuid.UUID) -> Payment:
    """One payment the actor sees (``node(id:)``); NOT_FOUND otherwise."""
    visibility = PaymentVisibility(sc.actor)
    return visibility.readable(await repository.by_id(sc.db, payment_id, sc.actor))
