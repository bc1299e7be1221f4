"""A tournament's life with a frozen clock: registration, the rounds kept for entrants and
its times, the board, the scheduler's start and end (one event each, even with two
schedulers racing), the winners and the frozen standings."""

from __future__ import annotations

import asyncio
from typing import Any

from app.access.scopes import Role
from app.core.clock import FrozenClock
from app.core.deadlines import SUBMIT_GRACE
from app.events.bus import Event, get_bus
from app.tournaments import scheduler
from app.webhooks.catalog import TOURNAMENT_ENDED, TOURNAMENT_STARTED
from tests.support.factories import OrgFixture
from tests.support.fixture_types import SignIn
from tests.tournaments.support import (
    REGISTER,
    board,
    create_tournament,
    play,
    read,
    reason,
    standings,
    start_round,
    two_rounds,
)


def named(events: list[Event], name: str, tournament: dict[str, Any]) -> list[Event]:
    """The events ``name`` of this tournament (the scheduler moves every org's, and the
    database holds the other tests' tournaments too)."""
    return [
        event
        for event in events
        if event.name == name and event.data.get("tournamentId") == tournament["id"]
    ]


async def test_registration_rounds_board_start_end_and_winners(
    org: OrgFixture, signed_in: SignIn, clock: FrozenClock, events: list[Event]
) -> None:
    # given a registration-only tournament of two rounds, two winners, three students
    teacher = await signed_in(org, "teacher")
    rounds = await two_rounds(teacher)
    made = await create_tournament(teacher, rounds, clock, entryRule="REGISTERED", winnersCount=2)
    assert made["status"] == "SCHEDULED"
    assert [r["quiz"]["title"] for r in made["rounds"]] == ["Round one", "Round two"]
    for name in ("ann", "bob", "cat"):
        await org.add(name, Role.STUDENT)
    ann, bob, cat = [await signed_in(org, name) for name in ("ann", "bob", "cat")]
    for student in (ann, bob):
        entered = (await student.gql(REGISTER, {"id": made["id"]})).ok()
        assert entered["registerForTournament"]["tournament"]["viewerHasEntered"] is True
    # registering twice is one entry
    again = await ann.gql(REGISTER, {"id": made["id"]})
    assert again.ok()["registerForTournament"]["tournament"]["entrantCount"] == 2

    # when nobody may play before it starts, entrant or not
    for student in (ann, cat):
        early = await start_round(student, rounds[0])
        assert (early.code, reason(early)) == ("FORBIDDEN", "TOURNAMENT_NOT_STARTED")

    # and the scheduler starts it at its time, once
    await scheduler.run_once()
    assert (await read(teacher, made["id"]))["status"] == "SCHEDULED"
    clock.advance(minutes=10)
    await scheduler.run_once()
    await scheduler.run_once()
    assert (await read(teacher, made["id"]))["status"] == "RUNNING"
    started = named(events, TOURNAMENT_STARTED, made)
    assert len(started) == 1
    assert started[0].data["tournamentId"] == made["id"]
    assert started[0].data["entrants"] == 2

    # then only entrants play
    outsider = await start_round(cat, rounds[0])
    assert (outsider.code, reason(outsider)) == ("FORBIDDEN", "NOT_AN_ENTRANT")
    await play(ann, rounds[0], 2, 30, clock)
    await play(ann, rounds[1], 1, 20, clock)
    await play(bob, rounds[0], 2, 10, clock)
    await play(bob, rounds[1], 1, 10, clock)
    # same score: the faster total ranks first
    found = await board(teacher, made["id"])
    assert standings(found) == [(1, "Bob", 3.0, 20.0), (2, "Ann", 3.0, 50.0)]
    # the best per round counts: Ann's better second try lifts her (a worse one doesn't)
    await play(ann, rounds[1], 2, 40, clock)
    await play(bob, rounds[0], 0, 5, clock)
    found = await board(ann, made["id"])
    assert standings(found) == [(1, "Ann", 4.0, 70.0), (2, "Bob", 3.0, 20.0)]
    assert found["winners"] == []

    # when its end comes, the scheduler ends it once, with the final top in the event
    clock.advance(hours=1)
    late = await start_round(ann, rounds[0])
    assert (late.code, reason(late)) == ("FORBIDDEN", "TOURNAMENT_ENDED")
    await scheduler.run_once()
    await scheduler.run_once()
    ended = named(events, TOURNAMENT_ENDED, made)
    assert len(ended) == 1
    assert [(s["rank"], s["displayName"], s["winner"]) for s in ended[0].data["top"]] == [
        (1, "Ann", True),
        (2, "Bob", True),
    ]
    assert [s["displayName"] for s in ended[0].data["winners"]] == ["Ann", "Bob"]

    # then the standings are frozen: new attempts (the quiz is plain again) don't move them
    final = await board(cat, made["id"])
    assert final["status"] == "ENDED"
    assert [(w["rank"], w["displayName"]) for w in final["winners"]] == [(1, "Ann"), (2, "Bob")]
    await play(bob, rounds[1], 2, 1, clock)
    assert standings(await board(teacher, made["id"])) == standings(final)
    assert standings(final) == [(1, "Ann", 4.0, 70.0), (2, "Bob", 3.0, 20.0)]


async def test_every_member_and_role_tournaments_enter_at_the_first_round(
    org: OrgFixture, signed_in: SignIn, clock: FrozenClock
) -> None:
    # given a running every-member tournament and a running teachers-only one
    teacher = await signed_in(org, "teacher")
    student = await signed_in(org, "student")
    open_rounds = await two_rounds(teacher)
    staff_rounds = await two_rounds(teacher)
    everyone = await create_tournament(teacher, open_rounds, clock)
    teachers = await create_tournament(
        teacher, staff_rounds, clock, entryRule="ROLES", entryRoles=["TEACHER"]
    )
    clock.advance(minutes=10)
    await scheduler.run_once()

    # when a student plays a round of the first, they are entered
    assert (await read(student, everyone["id"]))["viewerHasEntered"] is False
    await play(student, open_rounds[0], 1, 10, clock)
    assert (await read(student, everyone["id"]))["viewerHasEntered"] is True
    assert [r[1] for r in standings(await board(teacher, everyone["id"]))] == ["Student"]

    # and the teachers' tournament doesn't exist for them, nor do its rounds open
    hidden = await student.gql("query($id: ID!) { node(id: $id) { id } }", {"id": teachers["id"]})
    assert hidden.code == "NOT_FOUND"
    refused = await start_round(student, staff_rounds[0])
    assert (refused.code, reason(refused)) == ("FORBIDDEN", "NOT_AN_ENTRANT")
    registered = await student.gql(REGISTER, {"id": teachers["id"]})
    assert registered.code == "NOT_FOUND"
    # while a teacher is entered by playing
    await play(teacher, staff_rounds[1], 2, 3, clock)
    assert (await read(teacher, teachers["id"]))["entrantCount"] == 1


async def test_two_schedulers_racing_make_one_start_and_one_end(
    org: OrgFixture, signed_in: SignIn, clock: FrozenClock, events: list[Event]
) -> None:
    # given a tournament, and two schedulers on the same database (two processes' loops)
    teacher = await signed_in(org, "teacher")
    made = await create_tournament(teacher, await two_rounds(teacher), clock)
    async with scheduler.running(max_sleep=30) as first, scheduler.running(max_sleep=30) as second:
        assert first is not None and second is not None

        async def passes_after_wake() -> None:
            waits = [asyncio.ensure_future(loop.next_pass()) for loop in (first, second)]
            scheduler.wake_all()
            await asyncio.wait_for(asyncio.gather(*waits), 10)

        # when its start comes, both pass
        clock.advance(minutes=10)
        await passes_after_wake()
        await passes_after_wake()
        # then it started once
        assert len(named(events, TOURNAMENT_STARTED, made)) == 1
        assert (await read(teacher, made["id"]))["status"] == "RUNNING"

        # and when its end comes (and the attempts' submit grace after it), it ends once
        clock.advance(hours=1, seconds=SUBMIT_GRACE.total_seconds())
        await passes_after_wake()
        await passes_after_wake()
        assert len(named(events, TOURNAMENT_ENDED, made)) == 1
        assert (await read(teacher, made["id"]))["status"] == "ENDED"


async def test_passes_run_at_once_claim_each_move_once(
    org: OrgFixture, signed_in: SignIn, clock: FrozenClock, events: list[Event]
) -> None:
    teacher = await signed_in(org, "teacher")
    made = await create_tournament(teacher, await two_rounds(teacher), clock)
    clock.advance(minutes=10)
    await asyncio.gather(*(scheduler.run_once() for _ in range(4)))
    assert len(named(events, TOURNAMENT_STARTED, made)) == 1


async def test_a_restarted_server_catches_up_on_what_fell_due(
    org: OrgFixture, signed_in: SignIn, clock: FrozenClock, events: list[Event]
) -> None:
    # given a tournament whose whole time passed while no scheduler ran
    teacher = await signed_in(org, "teacher")
    made = await create_tournament(teacher, await two_rounds(teacher), clock)
    clock.advance(hours=2)
    # when a scheduler starts, its first passes start it and then end it
    ended = asyncio.Event()

    async def hear(event: Event) -> None:
        if named([event], TOURNAMENT_ENDED, made):
            ended.set()

    unsubscribe = get_bus().subscribe(hear)
    async with scheduler.running(max_sleep=30) as loop:
        assert loop is not None
        await asyncio.wait_for(ended.wait(), 10)
    unsubscribe()
    found: dict[str, Any] = await read(teacher, made["id"])
    assert found["status"] == "ENDED"
    assert len(named(events, TOURNAMENT_STARTED, made)) == 1
    assert found["startedAt"] == found["endedAt"] == clock.now().isoformat()
