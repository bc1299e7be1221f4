"""A large cohort's fan-out shares the event loop: it yields between chunks of
sockets, and its feed is told to wait in proportion to the loop time it took."""

from __future__ import annotations

import asyncio

from app.graphql.live import FANOUT_CHUNK, FANOUT_SHARE, LiveHub, Visibility
from tests.graphql.live.support import FakeSocket, actor, board, join

MEMBERS = 3 * FANOUT_CHUNK + 5


async def test_other_work_runs_between_chunks_and_every_member_gets_the_change() -> None:
    # given one cohort of more members than fit in one chunk
    hub = LiveHub()
    visibility = Visibility.of(actor())
    sockets = [FakeSocket() for _ in range(MEMBERS)]
    for n, socket in enumerate(sockets):
        join(hub, socket, visibility, operation_id=str(n))
    # and other work that waits for the event loop (a request, say)
    seen: list[int] = []
    done = False

    async def other_work() -> None:
        while not done:
            seen.append(sum(len(socket.frames) for socket in sockets))
            await asyncio.sleep(0)

    other = asyncio.ensure_future(other_work())
    # when the board changes
    offered = await hub.publish("board-a", board(1))
    done = True
    await other
    # then every member got the change, and the other work ran mid fan-out
    assert offered == MEMBERS
    assert all(len(socket.frames) == 1 for socket in sockets)
    assert any(0 < count < MEMBERS for count in seen), seen


async def test_the_feed_waits_in_proportion_to_the_loop_time_its_fanout_took() -> None:
    hub = LiveHub()
    visibility = Visibility.of(actor())
    for n in range(MEMBERS):
        join(hub, FakeSocket(), visibility, operation_id=str(n))
    # nothing published yet: the minimum
    assert hub.pause("board-a", 0.1) == 0.1
    await hub.publish("board-a", board(1))
    (cohort,) = hub.cohorts("board-a")
    assert cohort.busy > 0
    expected = cohort.busy * (1 - FANOUT_SHARE) / FANOUT_SHARE
    assert hub.pause("board-a", 0.0) == expected
    assert hub.pause("board-a", expected + 1) == expected + 1
