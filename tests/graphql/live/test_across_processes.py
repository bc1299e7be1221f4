"""With Redis, one message per board change reaches every cohort of every process.

Two processes are two event buses on one Redis channel, each with its own hub and
cohorts; a bridge on each (what a domain's feed does) publishes the change to its
hub's topic. A third connection counts the channel's messages."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import AsyncIterator
from typing import Any

import orjson
import pytest
from redis.asyncio import Redis

from app.access.scopes import Role
from app.events.bus import Event
from app.events.redis_bus import RedisEventBus, encode
from app.graphql.live import LiveHub, Visibility
from tests.graphql.live.support import ORG, FakeSocket, actor, board, join
from tests.support.redis import REDIS_URL

SUBSCRIBERS_PER_PROCESS = 40
CHANGES = 5


@pytest.fixture
async def channel() -> AsyncIterator[str]:
    yield f"quizgraph:test-live:{uuid.uuid4()}"


async def test_one_redis_message_per_change_reaches_every_cohort_of_every_process(
    channel: str,
) -> None:
    counter = Redis.from_url(REDIS_URL)
    counted = counter.pubsub()
    await counted.subscribe(channel)
    buses = [RedisEventBus(REDIS_URL, channel) for _ in range(2)]
    hubs = [LiveHub() for _ in buses]
    sockets: list[list[FakeSocket]] = []
    finished = [asyncio.Event() for _ in buses]  # a process published the last change
    try:
        for bus, hub, done in zip(buses, hubs, finished, strict=True):
            await bus.start()

            async def bridge(event: Event, hub: LiveHub = hub, done: asyncio.Event = done) -> None:
                if event.name != "board.changed":
                    return
                version = event.data["version"]
                await hub.publish(("board", event.org_id), board(version))
                if version == CHANGES - 1:
                    done.set()  # the fan-out is done when publish returns

            bus.subscribe(bridge)
            # two cohorts per process: two roles see the board
            mine = []
            for n in range(SUBSCRIBERS_PER_PROCESS):
                socket = FakeSocket()
                role_actor = actor() if n % 2 else actor(role=Role.STUDENT)
                join(
                    hub,
                    socket,
                    Visibility.of(role_actor),
                    topic=("board", ORG),
                    operation_id=str(n),
                )
                mine.append(socket)
            sockets.append(mine)
            assert len(list(hub.cohorts())) == 2
        # when the board changes CHANGES times, each published once, on one process
        for version in range(CHANGES):
            await buses[version % 2].publish(Event("board.changed", ORG, {"version": version}))
        await counter.publish(channel, encode(Event("sentinel", ORG, {})))  # after them
        everyone = sockets[0] + sockets[1]
        async with asyncio.timeout(10):  # a bound, not a measure: a hang fails here
            for done in finished:
                await done.wait()
        # then every subscriber of both processes got every change, in order
        for socket in everyone:
            versions = [m["payload"]["data"]["board"]["version"] for m in socket.messages()]
            assert versions == list(range(CHANGES))
        # and the channel carried one message per change, whatever the subscribers
        messages: list[dict[str, Any]] = []
        async with asyncio.timeout(10):
            while not messages or messages[-1]["name"] != "sentinel":
                message = await counted.get_message(ignore_subscribe_messages=True, timeout=1)
                if message is not None:
                    messages.append(orjson.loads(message["data"]))
        assert [m["data"]["version"] for m in messages[:-1]] == list(range(CHANGES))
        # and each process ran each cohort once per change
        for hub in hubs:
            assert [c.selection.executions for c in hub.cohorts()] == [CHANGES, CHANGES]
    finally:
        for bus in buses:
            await bus.stop()
        await counted.unsubscribe(channel)
        await counted.aclose()  # type: ignore[no-untyped-call]
        await counter.aclose()
