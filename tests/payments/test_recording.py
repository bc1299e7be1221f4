"""Recording a payment with a shop's key: minor units, idempotency by externalId (the
same payment answers the first; a different one is CONFLICT), and every bad input
refused with BAD_USER_INPUT naming the field, changing nothing."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from tests.payments.support import (
    listed,
    paid_tournament,
    payment_input,
    record,
    recorded,
    reference,
    shop_key,
)
from tests.support.factories import OrgFixture
from tests.support.fixture_types import ClientFactory, SignIn

AUDIT = """query($slug: String!) { organization(slug: $slug) {
  auditLog(action: "payment.recorded", first: 100) { totalCount edges { node { details } } } } }"""


async def test_a_shop_key_records_a_payment_in_minor_units(
    org: OrgFixture, signed_in: SignIn, client_factory: ClientFactory
) -> None:
    # given the shop's key
    owner = await signed_in(org, "owner")
    key = await shop_key(owner)
    student = org.account("student")
    # when it reports 12.50 USD paid by the student
    result = await record(client_factory(), payment_input(student.global_id, currency="usd"), key)
    # then the payment is recorded as sent, the currency code upper-cased
    payload = result.ok()["recordPayment"]
    payment = payload["payment"]
    assert payload["replayed"] is False
    assert payment["amount"] == 1250
    assert (payment["currency"], payment["currencyExponent"]) == ("USD", 2)
    assert payment["amountDecimal"] == "12.50"
    assert payment["memberId"] == student.global_id
    assert payment["payer"] == {"username": "student", "displayName": "Student"}
    assert payment["paidAt"] == "2026-11-20T10:00:00+00:00"
    assert payment["tournamentId"] is None


@pytest.mark.parametrize(
    ("currency", "amount", "exponent", "decimal"),
    [("JPY", 1250, 0, "1250"), ("BHD", 1250, 3, "1.250"), ("EUR", 5, 2, "0.05")],
)
async def test_amounts_are_read_in_the_currency_minor_unit(
    org: OrgFixture, signed_in: SignIn, currency: str, amount: int, exponent: int, decimal: str
) -> None:
    owner = await signed_in(org, "owner")
    given = payment_input(org.account("student").global_id, amount=amount, currency=currency)
    payment = await recorded(owner, given)
    assert (payment["amount"], payment["currencyExponent"]) == (amount, exponent)
    assert payment["amountDecimal"] == decimal


async def test_the_same_external_id_twice_records_one_payment_and_answers_the_first(
    org: OrgFixture, signed_in: SignIn, client_factory: ClientFactory
) -> None:
    # given a payment recorded once
    owner = await signed_in(org, "owner")
    key = await shop_key(owner)
    given = payment_input(org.account("student").global_id)
    shop = client_factory()
    first = (await record(shop, given, key)).ok()["recordPayment"]
    # when the shop sends it again (a retry after a timeout)
    again = (await record(shop, given, key)).ok()["recordPayment"]
    # then the first payment is answered, marked as a replay, and there is one row
    assert again["replayed"] is True
    assert again["payment"] == first["payment"]
    listing = await listed(owner, org)
    assert [edge["node"]["externalId"] for edge in listing["edges"]].count(given["externalId"]) == 1
    # and it was audited once
    audited = (await owner.gql(AUDIT, {"slug": org.slug})).ok()["organization"]["auditLog"]
    mine = [
        e for e in audited["edges"] if e["node"]["details"]["externalId"] == given["externalId"]
    ]
    assert len(mine) == 1
    assert mine[0]["node"]["details"]["amount"] == 1250


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"amount": 1300}, "amount"),
        ({"currency": "EUR"}, "currency"),
        ({"memberId": "teacher"}, "memberId"),
        ({"purpose": "Membership"}, "purpose"),
    ],
)
async def test_a_different_payment_under_a_known_external_id_is_a_conflict(
    org: OrgFixture, signed_in: SignIn, change: dict[str, str | int], field: str
) -> None:
    # given a recorded payment
    owner = await signed_in(org, "owner")
    given = payment_input(org.account("student").global_id)
    first = await recorded(owner, given)
    # when another payment comes with its externalId
    if change.get("memberId") == "teacher":
        change = {"memberId": org.account("teacher").global_id}
    result = await record(owner, {**given, **change})
    # then it is CONFLICT naming what differs, and the first payment is unchanged
    assert result.codes == ["CONFLICT"]
    extensions = result.errors[0]["extensions"]
    assert extensions["reason"] == "IDEMPOTENCY_KEY_REUSED"
    assert extensions["conflictingFields"] == [field]
    assert extensions["paymentId"] == first["id"]
    listing = await listed(owner, org)
    same = [e["node"] for e in listing["edges"] if e["node"]["externalId"] == given["externalId"]]
    assert same == [first]


async def test_an_external_id_is_idempotent_per_org_not_across_orgs(
    org: OrgFixture, other_org: OrgFixture, signed_in: SignIn
) -> None:
    # given the same externalId reported by two orgs' shops
    shared = reference()
    ours = await recorded(
        await signed_in(org, "owner"),
        payment_input(org.account("student").global_id, externalId=shared),
    )
    theirs_result = await record(
        await signed_in(other_org, "owner"),
        payment_input(other_org.account("student").global_id, externalId=shared, amount=99),
    )
    # then each org has its own payment (no conflict across orgs)
    theirs = theirs_result.ok()["recordPayment"]
    assert theirs["replayed"] is False
    assert theirs["payment"]["id"] != ours["id"]
    assert theirs["payment"]["amount"] == 99


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"amount": 0}, "amount"),
        ({"amount": -500}, "amount"),
        ({"currency": "ABC"}, "currency"),
        ({"currency": "XAU"}, "currency"),  # gold: ISO 4217 gives it no minor unit
        ({"currency": "US"}, "currency"),
        ({"purpose": "   "}, "purpose"),
        ({"externalId": ""}, "externalId"),
        ({"externalId": "x" * 256}, "externalId"),
        ({"memberId": "UXVpejox"}, "memberId"),  # a global id of another type
    ],
)
async def test_bad_input_is_refused_naming_the_field(
    org: OrgFixture, signed_in: SignIn, change: dict[str, str | int], field: str
) -> None:
    owner = await signed_in(org, "owner")
    given = payment_input(org.account("student").global_id, **change)
    result = await record(owner, given)
    assert result.codes == ["BAD_USER_INPUT"], result
    assert field in result.errors[0]["extensions"]["fields"]
    assert result.data is None


async def test_a_payment_dated_in_the_future_is_refused(org: OrgFixture, signed_in: SignIn) -> None:
    owner = await signed_in(org, "owner")
    tomorrow = (datetime.now(UTC) + timedelta(days=1)).isoformat()
    result = await record(owner, payment_input(org.account("student").global_id, paidAt=tomorrow))
    assert result.codes == ["BAD_USER_INPUT"]
    assert "paidAt" in result.errors[0]["extensions"]["fields"]


async def test_the_payer_must_be_a_member_of_the_org(
    org: OrgFixture, other_org: OrgFixture, signed_in: SignIn
) -> None:
    # given another org's student
    owner = await signed_in(org, "owner")
    outsider = other_org.account("student").global_id
    # when our shop names them as the payer
    given = payment_input(outsider)
    result = await record(owner, given)
    # then it is refused, and nothing was recorded under the externalId
    assert result.codes == ["BAD_USER_INPUT"]
    assert "memberId" in result.errors[0]["extensions"]["fields"]
    retry = await record(owner, {**given, "memberId": org.account("student").global_id})
    assert retry.ok()["recordPayment"]["replayed"] is False


async def test_a_tournament_entry_fee_keeps_its_tournament(
    org: OrgFixture, signed_in: SignIn
) -> None:
    owner = await signed_in(org, "owner")
    tournament = await paid_tournament(owner, 1250, "USD")
    given = payment_input(org.account("student").global_id, tournamentId=tournament)
    payment = await recorded(owner, given)
    assert payment["tournamentId"] == tournament
    # a replay naming no tournament is another payment
    result = await record(owner, {**given, "tournamentId": None})
    assert result.codes == ["CONFLICT"]
    assert result.errors[0]["extensions"]["conflictingFields"] == ["tournamentId"]
