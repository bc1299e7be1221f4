"""Withdrawing from a tournament before it starts: the entrant is out (staff see one
fewer, the place is free under the cap), twice is one withdrawal, a paid fee is not
refunded (and the response says so); once started it is CONFLICT and nothing changes."""

from __future__ import annotations

from typing import Any

from app.access.scopes import Role
from app.core.clock import FrozenClock
from app.tournaments import scheduler
from tests.payments.support import LIST, payment_input, record, shop_key
from tests.support.client import ApiClient, GraphQLResult
from tests.support.factories import OrgFixture
from tests.support.fixture_types import SignIn
from tests.tournaments.support import REGISTER, create_tournament, read, reason, two_rounds

WITHDRAW = """mutation($id: ID!) { withdrawFromTournament(input: {id: $id}) {
  withdrawn entryWasPaid message tournament { id entrantCount viewerHasEntered } } }"""
AUDIT = """query($slug: String!) { organization(slug: $slug) {
  auditLog(action: "tournament.withdrawn", first: 10) { edges { node { details } } } } }"""


async def withdraw(client: ApiClient, tournament_id: str) -> GraphQLResult:
    return await client.gql(WITHDRAW, {"id": tournament_id})


def answer(result: GraphQLResult) -> dict[str, Any]:
    found: dict[str, Any] = result.ok()["withdrawFromTournament"]
    return found


async def test_an_entrant_withdraws_before_the_start_and_frees_the_place(
    org: OrgFixture, signed_in: SignIn, clock: FrozenClock
) -> None:
    # given a registered-only tournament with one place, taken by a student
    teacher, student = await signed_in(org, "teacher"), await signed_in(org, "student")
    await org.add("second", Role.STUDENT)
    second = await signed_in(org, "second")
    made = await create_tournament(
        teacher, await two_rounds(teacher), clock, entryRule="REGISTERED", maxEntrants=1
    )
    (await student.gql(REGISTER, {"id": made["id"]})).ok()
    assert (await read(teacher, made["id"]))["entrantCount"] == 1
    # when the student withdraws
    done = answer(await withdraw(student, made["id"]))
    # then they are out, told so, and staff see the count drop
    assert (done["withdrawn"], done["entryWasPaid"]) == (True, False)
    assert done["message"] == "You have withdrawn."
    assert done["tournament"] == {"id": made["id"], "entrantCount": 0, "viewerHasEntered": False}
    assert (await read(teacher, made["id"]))["entrantCount"] == 0
    # and withdrawing again changes nothing
    again = answer(await withdraw(student, made["id"]))
    assert (again["withdrawn"], again["tournament"]["entrantCount"]) == (False, 0)
    # and the freed place can be taken
    (await second.gql(REGISTER, {"id": made["id"]})).ok()
    assert (await read(teacher, made["id"]))["entrantCount"] == 1
    # and the withdrawal is audited once
    log = (await teacher.gql(AUDIT, {"slug": org.slug})).ok()["organization"]["auditLog"]
    assert [edge["node"]["details"]["how"] for edge in log["edges"]] == ["REGISTERED"]


async def test_after_the_start_withdrawing_is_a_conflict(
    org: OrgFixture, signed_in: SignIn, clock: FrozenClock
) -> None:
    # given an entrant of a tournament that has started
    teacher, student = await signed_in(org, "teacher"), await signed_in(org, "student")
    made = await create_tournament(teacher, await two_rounds(teacher), clock)
    (await student.gql(REGISTER, {"id": made["id"]})).ok()
    clock.advance(minutes=10)
    # when they withdraw at the start time, before the scheduler's pass, and after it
    at_start = await withdraw(student, made["id"])
    await scheduler.run_once()
    running = await withdraw(student, made["id"])
    # then both are refused as a state conflict, the entrant still in
    assert (at_start.code, reason(at_start)) == ("CONFLICT", "TOURNAMENT_RUNNING")
    assert (running.code, reason(running)) == ("CONFLICT", "TOURNAMENT_RUNNING")
    assert (await read(student, made["id"]))["viewerHasEntered"] is True
    assert (await read(teacher, made["id"]))["entrantCount"] == 1
    # and once ended too
    clock.advance(hours=2)
    await scheduler.run_once()
    ended = await withdraw(student, made["id"])
    assert (ended.code, reason(ended)) == ("CONFLICT", "TOURNAMENT_ENDED")


async def test_a_paid_entry_is_withdrawn_without_a_refund(
    org: OrgFixture, signed_in: SignIn, clock: FrozenClock
) -> None:
    # given a member entered by paying the fee through the org's shop
    owner, student = await signed_in(org, "owner"), await signed_in(org, "student")
    fee = {"amount": 1500, "currency": "EUR"}
    made = await create_tournament(
        owner, await two_rounds(owner), clock, entryRule="REGISTERED", entryFee=fee
    )
    shop = await shop_key(owner)
    paid = payment_input(org.account("student").global_id, tournamentId=made["id"], **fee)
    (await record(owner, paid, shop)).ok()
    # when they withdraw
    done = answer(await withdraw(student, made["id"]))
    # then they are out, and told the fee is not refunded
    assert (done["withdrawn"], done["entryWasPaid"]) == (True, True)
    assert "not refunded" in done["message"]
    assert done["tournament"]["entrantCount"] == 0
    # and the payment stands as recorded
    payments = await owner.gql(LIST, {"slug": org.slug, "first": 10})
    listed = payments.ok()["organization"]["payments"]["edges"]
    assert [edge["node"]["externalId"] for edge in listed] == [paid["externalId"]]
    # and registering again needs a payment again
    refused = await student.gql(REGISTER, {"id": made["id"]})
    assert (refused.code, reason(refused)) == ("FORBIDDEN", "ENTRY_FEE_UNPAID")


async def test_a_bad_or_foreign_tournament_id_is_refused(
    org: OrgFixture, other_org: OrgFixture, signed_in: SignIn, clock: FrozenClock
) -> None:
    student = await signed_in(org, "student")
    foreign_staff = await signed_in(other_org, "teacher")
    foreign = await create_tournament(foreign_staff, await two_rounds(foreign_staff), clock)
    not_found = await withdraw(student, foreign["id"])
    assert not_found.code == "NOT_FOUND"
    bad = await withdraw(student, "UXVpejpub3QtYS11dWlk")
    assert bad.code == "BAD_USER_INPUT"
    assert "id" in bad.errors[0]["extensions"]["fields"]
