"""A paid entry fee registers its payer, in the payment's transaction: the org's shop
records the payment (recordPayment with the tournament) and the member is in; a payment
that isn't the fee, or for a closed or full tournament, is refused and nothing is kept."""

from __future__ import annotations

from app.access.scopes import Role
from app.core.clock import FrozenClock
from tests.payments.support import LIST, payment_input, record, shop_key
from tests.support.factories import OrgFixture
from tests.support.fixture_types import SignIn
from tests.tournaments.support import (
    END_EARLY,
    REGISTER,
    START_EARLY,
    create_tournament,
    read,
    two_rounds,
)

FEE = {"amount": 1500, "currency": "EUR"}


async def test_paying_the_fee_registers_once_and_a_wrong_payment_changes_nothing(
    org: OrgFixture, signed_in: SignIn, clock: FrozenClock
) -> None:
    # given a tournament with a fee and a cap of one, and the org's shop key
    owner = await signed_in(org, "owner")
    student = await signed_in(org, "student")
    made = await create_tournament(
        owner, await two_rounds(owner), clock, entryRule="REGISTERED", entryFee=FEE, maxEntrants=1
    )
    shop = await shop_key(owner)
    payer = org.account("student").global_id
    unpaid = await student.gql(REGISTER, {"id": made["id"]})
    assert unpaid.code == "FORBIDDEN"

    # when the shop reports payments that aren't the fee, each is refused and unrecorded
    wrong = [
        payment_input(payer, tournamentId=made["id"], amount=1499, currency="EUR"),
        payment_input(payer, tournamentId=made["id"], amount=1500, currency="USD"),
    ]
    for given in wrong:
        refused = await record(owner, given, shop)
        assert refused.code == "BAD_USER_INPUT", refused.errors
    assert (await read(student, made["id"]))["viewerHasEntered"] is False

    # then the fee (or more) registers the payer, and the same report again changes nothing
    paid = payment_input(payer, tournamentId=made["id"], amount=2000, currency="eur")
    assert (await record(owner, paid, shop)).ok()["recordPayment"]["replayed"] is False
    assert (await record(owner, paid, shop)).ok()["recordPayment"]["replayed"] is True
    found = await read(student, made["id"])
    assert (found["viewerHasEntered"], found["entrantCount"]) == (True, 1)

    # and once it is full, another member's payment is refused (CONFLICT), not kept
    other = await org.add("second", Role.STUDENT)
    full = await record(owner, payment_input(other.global_id, tournamentId=made["id"], **FEE), shop)
    assert (full.code, full.errors[0]["extensions"].get("reason")) == (
        "CONFLICT",
        "TOURNAMENT_FULL",
    )
    listed = await owner.gql(LIST, {"slug": org.slug, "tournamentId": made["id"]})
    assert listed.ok()["organization"]["payments"]["totalCount"] == 1
    # nor is a payment for a tournament that has ended
    (await owner.gql(START_EARLY, {"id": made["id"]})).ok()
    (await owner.gql(END_EARLY, {"id": made["id"]})).ok()
    late = await record(owner, payment_input(other.global_id, tournamentId=made["id"], **FEE), shop)
    assert (late.code, late.errors[0]["extensions"].get("reason")) == (
        "CONFLICT",
        "REGISTRATION_CLOSED",
    )
