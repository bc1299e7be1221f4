"""Cohorts: who shares a frame, one execution per cohort per event, what each gets."""

from __future__ import annotations

import asyncio
from typing import Any

import orjson
import pytest
from graphql import parse
from strawberry.types import ExecutionResult

from app.access.actor import ActorKind
from app.access.scopes import Role, Scope
from app.core.errors import BadUserInput
from app.graphql.live import FrameKind, LiveHub, LiveSelection, Visibility
from tests.graphql.live.support import (
    BOARD,
    OTHER_ORG,
    Board,
    FakeSocket,
    actor,
    board,
    join,
    schema,
    selection_for,
)

SEEN_BY = 'subscription { board(name: "a") { version seenBy } }'


async def settle() -> None:
    for _ in range(5):
        await asyncio.sleep(0)


def executions(hub: LiveHub) -> int:
    return sum(cohort.selection.executions for cohort in hub.cohorts())


async def test_one_execution_per_cohort_per_event_and_every_member_gets_its_frame() -> None:
    # given 300 subscribers who may see the same (different members, same role and scopes)
    hub = LiveHub()
    sockets = [FakeSocket() for _ in range(300)]
    for n, socket in enumerate(sockets):
        join(hub, socket, Visibility.of(actor()), operation_id=f"op-{n}")
    assert len(list(hub.cohorts())) == 1 and hub.subscriber_count == 300
    # when the board changes 10 times
    for version in range(1, 11):
        assert await hub.publish("board-a", board(version)) == 300
    # then the selection ran 10 times in all, and each socket got 10 frames with its id
    assert executions(hub) == 10
    cohort = next(hub.cohorts())
    assert cohort.selection.compiled  # from a compiled plan
    for n, socket in enumerate(sockets):
        messages = socket.messages()
        assert [m["id"] for m in messages] == [f"op-{n}"] * 10
        assert [m["payload"]["data"]["board"]["version"] for m in messages] == list(range(1, 11))
        assert all(m["type"] == "next" for m in messages)
    # and every frame of one event carries the same payload bytes
    payloads = {socket.frames[3].split(',"payload":', 1)[1] for socket in sockets}
    assert len(payloads) == 1


@pytest.mark.parametrize(
    "other",
    [
        {"org": OTHER_ORG},
        {"scopes": frozenset({Scope.LEADERBOARD_READ, Scope.QUIZZES_READ})},
        {"role": Role.STUDENT},
        {"kind": ActorKind.API_KEY},
    ],
    ids=["org", "scopes", "role", "kind"],
)
async def test_subscribers_who_may_see_differently_never_share_a_frame(
    other: dict[str, Any],
) -> None:
    hub = LiveHub()
    mine, theirs = FakeSocket(), FakeSocket()
    join(hub, mine, Visibility.of(actor()), document=SEEN_BY, variables={})
    join(hub, theirs, Visibility.of(actor(**other)), document=SEEN_BY, variables={})
    # two cohorts, each run once for the event, each seeing as its own members may
    assert len(list(hub.cohorts())) == 2
    await hub.publish("board-a", board(1))
    assert executions(hub) == 2
    seen = [s.messages()[0]["payload"]["data"]["board"]["seenBy"] for s in (mine, theirs)]
    assert seen[0] != seen[1]
    assert seen[0] == "MEMBER:1:TEACHER:leaderboard:read"


async def test_the_cohort_runs_as_nobody() -> None:
    visibility = Visibility.of(actor())
    cohort_actor = visibility.actor()
    assert cohort_actor.member_id is None and cohort_actor.api_key_id is None
    assert cohort_actor.session_id is None and cohort_actor.platform_admin_id is None
    assert Visibility.of(cohort_actor) == visibility


async def test_different_documents_variables_or_topics_are_different_cohorts() -> None:
    hub = LiveHub()
    visibility = Visibility.of(actor())
    join(hub, FakeSocket(), visibility, variables={"name": "a"})
    join(hub, FakeSocket(), visibility, variables={"name": "a", "top": 5})
    join(hub, FakeSocket(), visibility, variables={"name": "a"}, topic="board-b")
    join(hub, FakeSocket(), visibility, document=BOARD.replace("rank name", "name rank"))
    join(hub, FakeSocket(), visibility, variables={"name": "a"})  # same as the first
    assert len(list(hub.cohorts())) == 4
    assert hub.subscriber_count == 5
    assert await hub.publish("board-a", board(1)) == 4
    assert await hub.publish("board-b", board(1)) == 1


async def test_both_protocols_in_one_cohort_each_get_their_own_message_type() -> None:
    hub = LiveHub()
    modern, legacy = FakeSocket(), FakeSocket()
    join(hub, modern, Visibility.of(actor()), operation_id="7")
    join(hub, legacy, Visibility.of(actor()), operation_id="7", kind=FrameKind.DATA)
    await hub.publish("board-a", board(1))
    assert len(list(hub.cohorts())) == 1 and executions(hub) == 1
    assert modern.messages()[0]["type"] == "next" and legacy.messages()[0]["type"] == "data"
    assert modern.messages()[0]["payload"] == legacy.messages()[0]["payload"]


async def test_a_slow_consumer_is_closed_while_its_cohort_gets_every_update() -> None:
    hub = LiveHub()
    sockets = [FakeSocket() for _ in range(20)]
    for n, socket in enumerate(sockets):
        join(hub, socket, Visibility.of(actor()), operation_id=str(n))
    slow = sockets[7]
    slow.writable.clear()
    events = slow.sender.max_superseded + 10
    for version in range(events):
        await hub.publish("board-a", board(version))
    await settle()
    assert slow.closed_with is not None and slow.closed_with[0] == 4008
    for socket in sockets:
        if socket is not slow:
            versions = [m["payload"]["data"]["board"]["version"] for m in socket.messages()]
            assert versions == list(range(events))
    assert executions(hub) == events


async def test_leaving_stops_frames_and_the_last_one_out_drops_the_cohort() -> None:
    hub = LiveHub()
    a, b = FakeSocket(), FakeSocket()
    first = join(hub, a, Visibility.of(actor()))
    second = join(hub, b, Visibility.of(actor()))
    await hub.publish("board-a", board(1))
    first.leave()
    first.leave()  # idempotent
    await hub.publish("board-a", board(2))
    assert len(a.frames) == 1 and len(b.frames) == 2
    second.leave()
    assert list(hub.cohorts()) == [] and hub.topics() == []
    assert await hub.publish("board-a", board(3)) == 0


async def test_a_revoked_subscriber_leaving_does_not_disturb_its_cohort() -> None:
    hub = LiveHub()
    sockets = [FakeSocket() for _ in range(5)]
    members = [
        join(hub, s, Visibility.of(actor()), operation_id=str(n)) for n, s in enumerate(sockets)
    ]
    await hub.publish("board-a", board(1))
    # the door closes the revoked one's socket: its subscription leaves, its sender detaches
    members[2].leave()
    sockets[2].sender.detach()
    await hub.publish("board-a", board(2))
    assert [len(s.frames) for s in sockets] == [2, 2, 1, 2, 2]
    assert executions(hub) == 2


async def test_the_first_message_reuses_the_payload_of_the_value_last_published() -> None:
    hub = LiveHub()
    current = board(1)
    early = FakeSocket()
    await hub.first(join(hub, early, Visibility.of(actor())), current)
    late = FakeSocket()
    await hub.first(join(hub, late, Visibility.of(actor())), current)
    assert executions(hub) == 1  # the second subscriber's first message was not run again
    assert early.frames == late.frames
    await hub.first(join(hub, FakeSocket(), Visibility.of(actor())), board(1))  # another value
    assert executions(hub) == 2


async def test_a_first_message_overtaken_by_an_update_is_not_sent() -> None:
    hub = LiveHub()
    socket = FakeSocket()
    member = join(hub, socket, Visibility.of(actor()))
    stale = board(1)
    first = asyncio.ensure_future(hub.first(member, stale))
    await hub.publish("board-a", board(2))
    await first
    assert [m["payload"]["data"]["board"]["version"] for m in socket.messages()] == [2]


async def test_a_run_finishing_after_a_newer_one_is_dropped() -> None:
    # an async field makes each run wait; the newer run is delivered first
    hub = LiveHub()
    socket = FakeSocket()
    document = 'subscription { board(name: "a") { version entries { later } } }'
    join(hub, socket, Visibility.of(actor()), document=document, variables={})
    older = asyncio.ensure_future(hub.publish("board-a", board(1)))
    newer = asyncio.ensure_future(hub.publish("board-a", board(2)))
    await asyncio.gather(older, newer)
    versions = [m["payload"]["data"]["board"]["version"] for m in socket.messages()]
    assert versions[-1] == 2 and sorted(versions) == versions


async def test_a_per_subscriber_field_is_refused_with_its_path() -> None:
    visibility = Visibility.of(actor())
    document = """subscription { board(name: "a") { entries { ...E } } }
                  fragment E on Entry { rank isMe }"""
    with pytest.raises(BadUserInput) as refused:
        selection_for(visibility, document, {})
    assert refused.value.code == "BAD_USER_INPUT"
    assert "board.entries.isMe" in refused.value.message
    assert "depends on who asks" in refused.value.message
    # and the hub refuses the subscription without making a cohort
    hub = LiveHub()
    with pytest.raises(BadUserInput):
        join(hub, FakeSocket(), visibility, document=document, variables={})
    assert list(hub.cohorts()) == []


async def test_a_skipped_per_subscriber_field_is_not_refused() -> None:
    document = """subscription($me: Boolean!) { board(name: "a") { entries { rank isMe @include(if: $me) } } }"""
    selection_for(Visibility.of(actor()), document, {"me": False})
    with pytest.raises(BadUserInput):
        selection_for(Visibility.of(actor()), document, {"me": True})


async def test_errors_are_classified_once_for_the_cohort() -> None:
    hub = LiveHub()
    socket = FakeSocket()
    document = 'subscription { board(name: "a") { entries { rank fails breaks } } }'
    join(hub, socket, Visibility.of(actor()), document=document, variables={})
    await hub.publish("board-a", board(1, size=1))
    payload = socket.messages()[0]["payload"]
    assert payload["data"] == {"board": {"entries": [{"rank": 1, "fails": None, "breaks": None}]}}
    codes = [e["extensions"]["code"] for e in payload["errors"]]
    assert codes == ["NOT_FOUND", "INTERNAL"]
    assert "secret detail" not in orjson.dumps(payload).decode()
    assert payload["errors"][1]["extensions"]["requestId"] == "live-test"


@pytest.mark.parametrize(
    "document",
    [
        BOARD,
        'subscription { board(name: "a") { __typename version entries { ... on Entry { r: rank name } } } }',
        'subscription { board(name: "a") { entries { rank later fails breaks } } }',
    ],
)
async def test_compiled_and_graphql_core_runs_give_the_same_bytes(document: str) -> None:
    visibility = Visibility.of(actor())
    variables: dict[str, Any] = {"name": "a"} if "$name" in document else {}
    compiled = selection_for(visibility, document, variables)
    assert compiled.compiled
    reference = selection_for(visibility, document, variables)
    reference.plan = None  # graphql-core's executor
    for version in range(3):
        value = board(version)
        assert await compiled.run(value) == await reference.run(value)


async def test_a_cohorts_payload_is_what_strawberry_sends_each_subscriber_today(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    document = (
        'subscription { board(name: "a") { __typename version entries { rank name later } } }'
    )
    values = [board(version, size=version) for version in range(4)]
    monkeypatch.setattr("tests.graphql.live.support.STRAWBERRY_EVENTS", values)
    stream = await schema.subscribe(document)
    assert not isinstance(stream, ExecutionResult)
    strawberrys = [orjson.dumps({"data": result.data}) async for result in stream]
    selection = selection_for(Visibility.of(actor()), document, {})
    assert selection.compiled
    assert [await selection.run(value) for value in values] == strawberrys


def test_only_subscriptions_make_cohorts() -> None:
    with pytest.raises(BadUserInput):
        LiveSelection.build(schema._schema, parse("{ ok }"))


def test_the_board_type_is_what_the_tests_publish() -> None:
    assert isinstance(board(1), Board)
