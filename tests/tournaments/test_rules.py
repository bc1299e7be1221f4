"""What staff may set and change, the cap and the fee, starting and ending early: every
refusal with its code (and the field or reason), and nothing changed by a refusal."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest

from app.access.scopes import Role
from app.core.clock import FrozenClock
from app.events.bus import Event
from app.tournaments import scheduler
from app.webhooks.catalog import TOURNAMENT_ENDED, TOURNAMENT_STARTED
from tests.leaderboards.support import two_point_quiz
from tests.payments.support import payment_input, record
from tests.quizzes.api import create_quiz
from tests.support.factories import OrgFixture
from tests.support.fixture_types import SignIn
from tests.tournaments.support import (
    CREATE,
    END_EARLY,
    REGISTER,
    START_EARLY,
    UPDATE,
    board,
    create_tournament,
    play,
    read,
    reason,
    tournament_input,
    two_rounds,
)


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"name": "  "}, "name"),
        ({"name": "x" * 201}, "name"),
        ({"rounds": []}, "rounds"),
        ({"winnersCount": 0}, "winnersCount"),
        ({"maxEntrants": 0}, "maxEntrants"),
        ({"entryRule": "ROLES"}, "entryRoles"),
        ({"entryRoles": ["STUDENT"]}, "entryRoles"),
        (
            {"entryRule": "REGISTERED", "entryFee": {"amount": 0, "currency": "EUR"}},
            "entryFee.amount",
        ),
        (
            {"entryRule": "REGISTERED", "entryFee": {"amount": 500, "currency": "euro"}},
            "entryFee.currency",
        ),
        ({"entryFee": {"amount": 500, "currency": "EUR"}}, "entryFee"),
        ({"rounds": ["UXVpejpub3QtYS11dWlk"]}, "rounds[0]"),
    ],
)
async def test_bad_settings_are_refused_by_field(
    org: OrgFixture,
    signed_in: SignIn,
    clock: FrozenClock,
    overrides: dict[str, Any],
    field: str,
) -> None:
    teacher = await signed_in(org, "teacher")
    rounds = [await two_point_quiz(teacher)]
    starts = clock.now() + timedelta(hours=1)
    variables = tournament_input(rounds, starts, starts + timedelta(hours=1))
    variables["input"].update(overrides)
    result = await teacher.gql(CREATE, variables)
    assert result.code == "BAD_USER_INPUT"
    assert field in result.errors[0]["extensions"]["fields"]
    listed = await teacher.gql(
        "query($slug: String!) { organization(slug: $slug) { tournaments { totalCount } } }",
        {"slug": org.slug},
    )
    assert listed.ok()["organization"]["tournaments"]["totalCount"] == 0


@pytest.mark.parametrize("currency", ["ABC", "XAU", "XXX", "US"])
async def test_an_entry_fee_currency_is_checked_as_payments_check_it(
    org: OrgFixture, signed_in: SignIn, clock: FrozenClock, currency: str
) -> None:
    # given three letters that are no ISO 4217 currency (ABC), or one without a minor
    # unit (gold, "no currency"): a payment could never pay such a fee
    owner = await signed_in(org, "owner")
    rounds = [await two_point_quiz(owner)]
    starts = clock.now() + timedelta(hours=1)
    variables = tournament_input(rounds, starts, starts + timedelta(hours=1))
    variables["input"].update(
        {"entryRule": "REGISTERED", "entryFee": {"amount": 500, "currency": currency}}
    )
    # when staff make it the entry fee, and a shop records a payment in it
    fee = await owner.gql(CREATE, variables)
    payment = await record(
        owner, payment_input(org.account("student").global_id, currency=currency)
    )
    # then both are refused with the same words on their currency field
    assert fee.code == payment.code == "BAD_USER_INPUT"
    said = fee.errors[0]["extensions"]["fields"]["entryFee.currency"]
    assert said == payment.errors[0]["extensions"]["fields"]["currency"]
    assert "ISO 4217" in said


async def test_times_and_rounds_are_checked(
    org: OrgFixture, signed_in: SignIn, other_org: OrgFixture, clock: FrozenClock
) -> None:
    teacher = await signed_in(org, "teacher")
    quiz = await two_point_quiz(teacher)
    draft = await create_quiz(teacher)
    foreign = await two_point_quiz(await signed_in(other_org, "teacher"))
    now = clock.now()
    cases = [
        (now - timedelta(hours=1), now + timedelta(hours=1), [quiz], "startsAt"),
        (now + timedelta(hours=2), now + timedelta(hours=1), [quiz], "endsAt"),
        (now + timedelta(hours=1), now + timedelta(days=400), [quiz], "endsAt"),
        (now + timedelta(hours=1), now + timedelta(hours=2), [quiz, quiz], "rounds"),
        (now + timedelta(hours=1), now + timedelta(hours=2), [quiz, draft], "rounds[1]"),
        (now + timedelta(hours=1), now + timedelta(hours=2), [foreign], "rounds[0]"),
    ]
    for starts, ends, rounds, field in cases:
        result = await teacher.gql(CREATE, tournament_input(rounds, starts, ends))
        assert result.code == "BAD_USER_INPUT", field
        assert field in result.errors[0]["extensions"]["fields"], result.errors


async def test_the_cap_and_the_fee_keep_members_out(
    org: OrgFixture, signed_in: SignIn, clock: FrozenClock
) -> None:
    teacher = await signed_in(org, "teacher")
    rounds = await two_rounds(teacher)
    capped = await create_tournament(teacher, rounds, clock, entryRule="REGISTERED", maxEntrants=1)
    paid = await create_tournament(
        teacher,
        await two_rounds(teacher),
        clock,
        entryRule="REGISTERED",
        entryFee={"amount": 1999, "currency": "eur"},
    )
    assert paid["entryFee"] == {"amount": 1999, "currency": "EUR"}
    await org.add("second", Role.STUDENT)
    first, second = await signed_in(org, "student"), await signed_in(org, "second")
    (await first.gql(REGISTER, {"id": capped["id"]})).ok()
    assert (await read(second, capped["id"]))["viewerCanRegister"] is False
    full = await second.gql(REGISTER, {"id": capped["id"]})
    assert (full.code, reason(full)) == ("FORBIDDEN", "TOURNAMENT_FULL")
    unpaid = await second.gql(REGISTER, {"id": paid["id"]})
    assert (unpaid.code, reason(unpaid)) == ("FORBIDDEN", "ENTRY_FEE_UNPAID")
    assert (await read(teacher, paid["id"]))["entrantCount"] == 0
    # an automatic entry counts against the cap too
    auto = await create_tournament(teacher, await two_rounds(teacher), clock, maxEntrants=1)
    clock.advance(minutes=10)
    await scheduler.run_once()
    auto_rounds = auto["rounds"]
    played = await first.gql(
        "mutation($q: ID!) { startAttempt(input: {quizId: $q}) { attempt { id } } }",
        {"q": auto_rounds[0]["quizId"]},
    )
    played.ok()
    refused = await second.gql(
        "mutation($q: ID!) { startAttempt(input: {quizId: $q}) { attempt { id } } }",
        {"q": auto_rounds[0]["quizId"]},
    )
    assert (refused.code, reason(refused)) == ("FORBIDDEN", "TOURNAMENT_FULL")
    # registration closes when it ends
    ended = await teacher.gql(END_EARLY, {"id": capped["id"]})
    ended.ok()
    closed = await second.gql(REGISTER, {"id": capped["id"]})
    assert (closed.code, reason(closed)) == ("FORBIDDEN", "REGISTRATION_CLOSED")


async def test_staff_start_and_end_early_once(
    org: OrgFixture, signed_in: SignIn, clock: FrozenClock, events: list[Event]
) -> None:
    teacher = await signed_in(org, "teacher")
    student = await signed_in(org, "student")
    rounds = await two_rounds(teacher)
    made = await create_tournament(teacher, rounds, clock, starts_in=timedelta(days=1))
    # ending what hasn't started is a conflict
    early_end = await teacher.gql(END_EARLY, {"id": made["id"]})
    assert (early_end.code, reason(early_end)) == ("CONFLICT", "TOURNAMENT_SCHEDULED")
    started = (await teacher.gql(START_EARLY, {"id": made["id"]})).ok()["startTournament"]
    assert started["tournament"]["status"] == "RUNNING"
    again = await teacher.gql(START_EARLY, {"id": made["id"]})
    assert (again.code, reason(again)) == ("CONFLICT", "TOURNAMENT_RUNNING")
    await scheduler.run_once()  # the scheduler has nothing left to start
    await play(student, rounds[0], 2, 12, clock)
    ended = (await teacher.gql(END_EARLY, {"id": made["id"]})).ok()["endTournament"]
    assert ended["tournament"]["status"] == "ENDED"
    assert [(w["rank"], w["displayName"]) for w in ended["tournament"]["winners"]] == [
        (1, "Student")
    ]
    twice = await teacher.gql(END_EARLY, {"id": made["id"]})
    assert (twice.code, reason(twice)) == ("CONFLICT", "TOURNAMENT_ENDED")
    clock.advance(days=3)
    await scheduler.run_once()  # nor to end
    ours = [e.name for e in events if e.data.get("tournamentId") == made["id"]]
    assert ours.count(TOURNAMENT_STARTED) == ours.count(TOURNAMENT_ENDED) == 1


async def test_what_may_change_depends_on_the_status(
    org: OrgFixture, signed_in: SignIn, clock: FrozenClock
) -> None:
    teacher = await signed_in(org, "teacher")
    rounds = await two_rounds(teacher)
    made = await create_tournament(teacher, rounds[:1], clock)
    # before it starts: anything, rounds included; null where null means nothing is refused
    changed = await teacher.gql(
        UPDATE,
        {"input": {"id": made["id"], "rounds": [q["id"] for q in rounds], "maxEntrants": 5}},
    )
    updated = changed.ok()["updateTournament"]["tournament"]
    assert [r["position"] for r in updated["rounds"]] == [1, 2]
    assert updated["maxEntrants"] == 5
    nameless = await teacher.gql(UPDATE, {"input": {"id": made["id"], "name": None}})
    assert nameless.code == "BAD_USER_INPUT"
    (await teacher.gql(START_EARLY, {"id": made["id"]})).ok()
    # while it runs: the end and the winners, not the rounds or the rule
    locked = await teacher.gql(UPDATE, {"input": {"id": made["id"], "rounds": [rounds[0]["id"]]}})
    assert (locked.code, reason(locked)) == ("CONFLICT", "TOURNAMENT_RUNNING")
    longer = clock.now() + timedelta(hours=5)
    extended = await teacher.gql(
        UPDATE, {"input": {"id": made["id"], "endsAt": longer.isoformat(), "winnersCount": 1}}
    )
    assert extended.ok()["updateTournament"]["tournament"]["winnersCount"] == 1
    (await teacher.gql(END_EARLY, {"id": made["id"]})).ok()
    frozen = await teacher.gql(UPDATE, {"input": {"id": made["id"], "name": "Renamed"}})
    assert (frozen.code, reason(frozen)) == ("CONFLICT", "TOURNAMENT_ENDED")
    assert (await board(teacher, made["id"]))["status"] == "ENDED"
