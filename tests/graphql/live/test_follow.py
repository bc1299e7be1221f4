"""A resolver joins its cohort with ``follow``, through Strawberry's own subscribe."""

from __future__ import annotations

import asyncio
from typing import Any

from strawberry.types import ExecutionResult

from app.graphql.live import LiveHub, LiveTarget, Subscriber
from tests.graphql.live.support import FakeSocket, actor, board, schema

LIVE = "subscription($name: String!) { liveBoard(name: $name) { version entries { rank } } }"


async def subscribe(
    hub: LiveHub, socket: FakeSocket, operation_id: str, **context: Any
) -> asyncio.Task[list[Any]]:
    values = {
        "hub": hub,
        "live": LiveTarget(socket.sender, operation_id),
        "actor": actor(),
        "current": board(0),
        **context,
    }
    stream = await schema.subscribe(LIVE, variable_values={"name": "a"}, context_value=values)
    assert not isinstance(stream, ExecutionResult)

    async def drain() -> list[Any]:
        return [result async for result in stream]

    task = asyncio.ensure_future(drain())
    for _ in range(10):
        await asyncio.sleep(0)
    return task


async def test_subscriptions_through_strawberry_share_one_cohort_and_leave_on_cancel() -> None:
    hub = LiveHub()
    sockets = [FakeSocket() for _ in range(3)]
    current = board(0)
    tasks = [await subscribe(hub, s, str(n), current=current) for n, s in enumerate(sockets)]
    # one cohort; each got its first message, made once
    cohorts = list(hub.cohorts(("board", "a")))
    assert len(cohorts) == 1 and hub.subscriber_count == 3
    assert cohorts[0].selection.executions == 1
    assert [s.messages()[0]["id"] for s in sockets] == ["0", "1", "2"]
    # changes reach every subscriber, run once each
    await hub.publish(("board", "a"), board(1))
    assert cohorts[0].selection.executions == 2
    assert all(s.messages()[-1]["payload"]["data"]["liveBoard"]["version"] == 1 for s in sockets)
    # Strawberry's stream itself yields nothing: every message went through the sender
    tasks[0].cancel()
    await asyncio.gather(tasks[0], return_exceptions=True)
    assert hub.subscriber_count == 2
    for task in tasks[1:]:
        task.cancel()
    await asyncio.gather(*tasks[1:], return_exceptions=True)
    assert list(hub.cohorts()) == []


async def test_a_refused_selection_is_the_operations_error() -> None:
    hub = LiveHub()
    document = 'subscription { liveBoard(name: "a") { entries { isMe } } }'
    values = {
        "hub": hub,
        "live": LiveTarget(FakeSocket().sender, "1"),
        "actor": actor(),
        "current": board(0),
    }
    stream = await schema.subscribe(document, context_value=values)
    assert not isinstance(stream, ExecutionResult)
    results = [result async for result in stream]
    assert len(results) == 1 and results[0].errors
    assert "liveBoard.entries.isMe" in results[0].errors[0].message
    assert list(hub.cohorts()) == []


async def test_a_held_subscription_keeps_no_execution_and_leaves_once() -> None:
    # given a target whose connection holds set-up subscriptions
    hub = LiveHub()
    socket = FakeSocket()
    held: list[Subscriber] = []
    left: list[str] = []
    values = {
        "hub": hub,
        "live": LiveTarget(socket.sender, "7", hold=held.append),
        "actor": actor(),
        "current": board(0),
        "on_leave": lambda: left.append("7"),
    }
    # when it subscribes, Strawberry's stream ends at once, with nothing of its own
    stream = await schema.subscribe(LIVE, variable_values={"name": "a"}, context_value=values)
    assert not isinstance(stream, ExecutionResult)
    assert [result async for result in stream] == []
    # and the subscriber, held, got its first message and gets every change
    assert [s.operation_id for s in held] == ["7"] and hub.subscriber_count == 1
    await hub.publish(("board", "a"), board(1))
    assert [m["payload"]["data"]["liveBoard"]["version"] for m in socket.messages()] == [0, 1]
    # when the connection lets it go, it leaves its cohort and the domain hears it once
    held[0].leave()
    held[0].leave()
    assert left == ["7"] and list(hub.cohorts()) == []
    await hub.publish(("board", "a"), board(2))
    assert len(socket.messages()) == 2


async def test_a_refused_join_still_undoes_the_domains_bookkeeping() -> None:
    hub = LiveHub()
    left: list[str] = []
    values = {
        "hub": hub,
        "live": LiveTarget(FakeSocket().sender, "1", hold=lambda s: None),
        "actor": actor(),
        "current": board(0),
        "on_leave": lambda: left.append("1"),
    }
    document = 'subscription { liveBoard(name: "a") { entries { isMe } } }'
    stream = await schema.subscribe(document, context_value=values)
    assert not isinstance(stream, ExecutionResult)
    results = [result async for result in stream]
    assert results[0].errors and left == ["1"]
