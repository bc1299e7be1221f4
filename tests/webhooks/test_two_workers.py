"""Two workers at once over one outbox: 1,000 events to 3 endpoints give exactly 3,000
successful deliveries, none sent twice (PostgreSQL: FOR UPDATE SKIP LOCKED and leases;
SQLite: the claims' write transactions take turns)."""

from __future__ import annotations

import asyncio
import json
from collections import Counter

from app.core.db import unit_of_work
from app.events.bus import Event
from app.webhooks import outbox
from app.webhooks.worker import Worker
from tests.support.factories import OrgFixture, cli_context
from tests.support.fixture_types import SignIn
from tests.webhooks.support import Receiver, create_webhook

EVENTS = 1_000
BATCH = 100


async def work_until_done(worker: Worker, done: asyncio.Event) -> None:
    while not done.is_set():
        if not await worker.run_once():
            await asyncio.sleep(0.01)


async def test_two_workers_deliver_every_message_to_every_endpoint_once(
    org: OrgFixture, signed_in: SignIn, receiver: Receiver
) -> None:
    # given three endpoints and 1,000 events in the outbox
    owner = await signed_in(org, "owner")
    for path in ("/a", "/b", "/c"):
        await create_webhook(owner, receiver.url(path), events=["quiz.completed"])
    for start in range(0, EVENTS, BATCH):
        async with unit_of_work() as db:
            sc = cli_context(db)
            events = [
                Event("quiz.completed", org.id, {"n": n}) for n in range(start, start + BATCH)
            ]
            assert await outbox.stage(sc, events) == 3 * BATCH
    # when two workers drain it at once
    first, second = Worker(owner="first"), Worker(owner="second")
    done = asyncio.Event()
    runs = [asyncio.create_task(work_until_done(w, done)) for w in (first, second)]
    try:
        while len(receiver.received) < 3 * EVENTS:
            receiver.arrived.clear()
            await asyncio.wait_for(receiver.arrived.wait(), 60)
        done.set()
        await asyncio.gather(*runs)
    finally:
        done.set()
        await first.close()
        await second.close()
    # then each (endpoint, message) arrived exactly once
    seen = Counter((item.path, item.headers["webhook-id"]) for item in receiver.received)
    assert len(seen) == 3 * EVENTS
    assert max(seen.values()) == 1
    numbers = {(item.path, json.loads(item.body)["data"]["n"]) for item in receiver.received}
    assert len(numbers) == 3 * EVENTS
