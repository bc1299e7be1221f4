"""No memory per delivered message: thousands of deliveries through a cohort leave the
process's traced memory where it was (tracemalloc, in process)."""

from __future__ import annotations

import gc
import tracemalloc

import pytest

from app.graphql.live import CohortKey, LiveHub, SocketSender, variables_key
from tests.graphql.live.app_boards import SUBSCRIPTION, VARIABLES, VISIBILITY, selection, update

SUBSCRIBERS = 50
EVENTS = 100  # 5,000 deliveries per measured run
# What a run may leave behind in all (interpreter caches, tracemalloc's own): far
# less than one byte per delivery. Today's per-subscriber path kept ~3.6 KB each.
ALLOWED_GROWTH = 16 * 1024


class CountingSocket:
    """A transport that takes every frame at once and keeps none."""

    def __init__(self) -> None:
        self.received = 0
        self.sender = SocketSender(self.send, self.close)

    async def send(self, frame: str) -> None:
        self.received += 1

    async def close(self, code: int, reason: str) -> None:
        raise AssertionError("never closed")


async def deliver(hub: LiveHub, first_version: int) -> None:
    for version in range(first_version, first_version + EVENTS):
        assert await hub.publish("board", update(version)) == SUBSCRIBERS


@pytest.mark.parametrize("compiled", [True, False], ids=["compiled", "graphql-core"])
async def test_deliveries_leave_no_memory_behind(compiled: bool) -> None:
    hub = LiveHub()
    key = CohortKey("board", SUBSCRIPTION, None, variables_key(VARIABLES), VISIBILITY)
    made = selection()
    if not compiled:
        made.plan = None
    sockets = [CountingSocket() for _ in range(SUBSCRIBERS)]
    for n, socket in enumerate(sockets):
        hub.join(
            key,
            selection=lambda: made,
            to_root=lambda value: value,
            sender=socket.sender,
            operation_id=str(n % 3),
        )
    await deliver(hub, 0)  # warm up: plans, caches, interned strings
    tracemalloc.start(10)
    try:
        # one traced run first: what the first traced run allocates once (the event
        # loop's queues growing to their size) is not per message
        await deliver(hub, EVENTS)
        gc.collect()
        before = tracemalloc.take_snapshot()
        await deliver(hub, 2 * EVENTS)
        await deliver(hub, 3 * EVENTS)
        gc.collect()
        after = tracemalloc.take_snapshot()
    finally:
        tracemalloc.stop()
    delivered = 2 * EVENTS * SUBSCRIBERS
    assert sum(s.received for s in sockets) == 4 * EVENTS * SUBSCRIBERS
    assert made.executions == 4 * EVENTS
    growth = sum(stat.size_diff for stat in after.compare_to(before, "filename"))
    top = "\n".join(str(s) for s in after.compare_to(before, "traceback")[:5])
    assert growth < ALLOWED_GROWTH, (
        f"{growth} bytes after {delivered} deliveries ({growth / delivered:.1f} per delivery):\n{top}"
    )
