"""Reading payments: staff with payments:read list them all with filters and totals per
purpose and currency; a student sees only their own; another org's payments are out of
reach for its members and keys alike."""

from __future__ import annotations

from typing import Any

import pytest

from app.access.scopes import Role
from tests.api_keys.support import bearer
from tests.payments.support import (
    LIST,
    NODE,
    TOTALS,
    listed,
    paid_tournament,
    payment_input,
    recorded,
    shop_key,
    totals,
)
from tests.support.client import ApiClient
from tests.support.factories import OrgFixture
from tests.support.fixture_types import ClientFactory, SignIn


async def _book(owner: ApiClient, org: OrgFixture) -> dict[str, Any]:
    """Payments of two members in two purposes and currencies, on three days; two of
    them pay the entry fee (7.50 USD) of a tournament."""
    student = org.account("student").global_id
    other = (await org.add("payer-two", Role.STUDENT)).global_id
    cup = await paid_tournament(owner, 750, "USD")
    made = {
        "cup-usd": payment_input(student, tournamentId=cup, paidAt="2026-11-01T09:00:00Z"),
        "cup-eur": payment_input(other, currency="EUR", amount=1000, paidAt="2026-11-02T09:00:00Z"),
        "cup-usd-2": payment_input(
            other, amount=750, tournamentId=cup, paidAt="2026-11-03T09:00:00Z"
        ),
        "dues": payment_input(
            student, purpose="Membership", amount=5000, paidAt="2026-11-03T10:00:00Z"
        ),
    }
    ids = {name: (await recorded(owner, given))["id"] for name, given in made.items()}
    return {"student": student, "other": other, "ids": ids, "cup": cup}


def _ids(connection: dict[str, Any]) -> list[str]:
    return [edge["node"]["id"] for edge in connection["edges"]]


async def test_staff_list_every_payment_with_filters(org: OrgFixture, signed_in: SignIn) -> None:
    owner = await signed_in(org, "owner")
    book = await _book(owner, org)
    ids = book["ids"]
    admin = await signed_in(org, "admin")
    # everything, the latest paid first
    everything = await listed(admin, org)
    assert _ids(everything) == [ids["dues"], ids["cup-usd-2"], ids["cup-eur"], ids["cup-usd"]]
    assert everything["totalCount"] == 4
    # narrowed
    assert _ids(await listed(admin, org, memberId=book["student"])) == [
        ids["dues"],
        ids["cup-usd"],
    ]
    assert _ids(await listed(admin, org, purpose="Membership")) == [ids["dues"]]
    assert _ids(await listed(admin, org, tournamentId=book["cup"])) == [
        ids["cup-usd-2"],
        ids["cup-usd"],
    ]
    assert _ids(await listed(admin, org, currency="eur")) == [ids["cup-eur"]]
    window = await listed(
        admin, org, paidSince="2026-11-02T00:00:00Z", paidUntil="2026-11-03T09:00:00Z"
    )
    assert _ids(window) == [ids["cup-usd-2"], ids["cup-eur"]]


async def test_a_range_ending_before_it_starts_is_refused(
    org: OrgFixture, signed_in: SignIn
) -> None:
    owner = await signed_in(org, "owner")
    result = await owner.gql(
        LIST,
        {
            "slug": org.slug,
            "paidSince": "2026-11-03T00:00:00Z",
            "paidUntil": "2026-11-01T00:00:00Z",
        },
    )
    assert result.codes == ["BAD_USER_INPUT"]
    assert "paidUntil" in result.errors[0]["extensions"]["fields"]


async def test_totals_are_per_purpose_and_currency(org: OrgFixture, signed_in: SignIn) -> None:
    owner = await signed_in(org, "owner")
    await _book(owner, org)
    assert await totals(owner, org) == [
        {
            "purpose": "Membership",
            "currency": "USD",
            "currencyExponent": 2,
            "paymentCount": 1,
            "amount": "5000",
            "amountDecimal": "50.00",
        },
        {
            "purpose": "Spring Cup entry",
            "currency": "EUR",
            "currencyExponent": 2,
            "paymentCount": 1,
            "amount": "1000",
            "amountDecimal": "10.00",
        },
        {
            "purpose": "Spring Cup entry",
            "currency": "USD",
            "currencyExponent": 2,
            "paymentCount": 2,
            "amount": "2000",
            "amountDecimal": "20.00",
        },
    ]
    # the totals follow the list's filters
    usd_in_november_3 = await totals(owner, org, currency="USD", paidSince="2026-11-03T00:00:00Z")
    assert [(t["purpose"], t["amount"]) for t in usd_in_november_3] == [
        ("Membership", "5000"),
        ("Spring Cup entry", "750"),
    ]


async def test_a_total_may_outgrow_graphql_int(org: OrgFixture, signed_in: SignIn) -> None:
    owner = await signed_in(org, "owner")
    student = org.account("student").global_id
    for _ in range(2):
        await recorded(owner, payment_input(student, purpose="Big", amount=2**31 - 1))
    [big] = await totals(owner, org, purpose="Big")
    assert big["amount"] == str(2 * (2**31 - 1))
    assert big["amountDecimal"] == "42949672.94"


async def test_a_student_sees_only_their_own_payments(org: OrgFixture, signed_in: SignIn) -> None:
    # given payments of the student and of another member
    owner = await signed_in(org, "owner")
    book = await _book(owner, org)
    ids = book["ids"]
    student = await signed_in(org, "student")
    # then the student's list and totals hold only their own, whatever they filter by
    assert _ids(await listed(student, org)) == [ids["dues"], ids["cup-usd"]]
    assert _ids(await listed(student, org, memberId=book["other"])) == []
    assert [(t["purpose"], t["amount"]) for t in await totals(student, org)] == [
        ("Membership", "5000"),
        ("Spring Cup entry", "1250"),
    ]
    # and another member's payment is not found by id
    mine = await student.gql(NODE, {"id": ids["cup-usd"]})
    assert mine.ok()["node"]["amount"] == 1250
    theirs = await student.gql(NODE, {"id": ids["cup-eur"]})
    assert theirs.codes == ["NOT_FOUND"]


@pytest.mark.parametrize("role", ["teacher", "student"])
async def test_members_without_payments_read_see_their_own_only(
    org: OrgFixture, signed_in: SignIn, role: str
) -> None:
    owner = await signed_in(org, "owner")
    await _book(owner, org)
    member = await signed_in(org, role)
    own = await listed(member, org)
    payer_ids = {edge["node"]["memberId"] for edge in own["edges"]}
    assert payer_ids <= {org.account(role).global_id}


async def test_another_orgs_payments_are_out_of_reach(
    org: OrgFixture, other_org: OrgFixture, signed_in: SignIn, client_factory: ClientFactory
) -> None:
    # given a payment of our org
    owner = await signed_in(org, "owner")
    payment = await recorded(owner, payment_input(org.account("student").global_id))
    # when the other org's owner and its payments key look for it
    their_owner = await signed_in(other_org, "owner")
    their_key = await shop_key(their_owner, ("payments:read", "payments:write"))
    for client, headers in ((their_owner, None), (client_factory(), bearer(their_key.secret))):
        # then our org's list and totals are NOT_FOUND, and so is the payment's id
        listing = await client.gql(LIST, {"slug": org.slug}, headers=headers)
        assert listing.codes == ["NOT_FOUND"]
        summed = await client.gql(TOTALS, {"slug": org.slug}, headers=headers)
        assert summed.codes == ["NOT_FOUND"]
        by_id = await client.gql(NODE, {"id": payment["id"]}, headers=headers)
        assert by_id.codes == ["NOT_FOUND"]
    # and their own list doesn't hold it
    assert (await listed(their_owner, other_org))["totalCount"] == 0


async def test_a_payments_read_key_lists_every_payment(
    org: OrgFixture, signed_in: SignIn, client_factory: ClientFactory
) -> None:
    owner = await signed_in(org, "owner")
    book = await _book(owner, org)
    key = await shop_key(owner, ("payments:read",))
    listing = await listed(client_factory(), org, key)
    assert sorted(_ids(listing)) == sorted(book["ids"].values())
