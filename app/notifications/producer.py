"""Writing notifications from the event bus, after the change's commit and off the request.

The bus hands each event to ``Producer.on_event`` after the commit of the change it
reports; that only puts the event in a bounded queue (the request that published it
never waits for a notification). A task of the producer's own takes the events one by
one, asks the event's trigger (``triggers.TRIGGERS``) what to tell, writes it in a
transaction of its own and then publishes ``notifications.changed``, which moves the
live counts. A full queue (a storm of events) drops events with a log line, as the
bus itself delivers at most once; a failing trigger is logged and the next goes on.

With Redis every process hears every event, so every process's producer tries to
write the same notification: the unique ``(org_id, dedupe_key)`` lets one insert win
and the others do nothing (nor announce anything).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator

from app.access.request import RequestMeta, ServiceContext
from app.audit.service import SYSTEM_ACTOR
from app.core.clock import utcnow
from app.core.db import unit_of_work
from app.events.bus import Event, get_bus, publish_all
from app.notifications import repository
from app.notifications.service import changed_event
from app.notifications.triggers import TRIGGERS, Draft

logger = logging.getLogger("quizgraph.notifications")

QUEUE_SIZE = 10_000
PRODUCER_META = RequestMeta(request_id="notifications")


async def deliver(drafts: list[Draft]) -> int:
    """Write the drafts not written before in one transaction, then announce them; how
    many were new. What was written before is read first, so a trigger heard again
    costs a read, not a write transaction (the insert still does nothing on a race)."""
    if not drafts:
        return 0
    async with unit_of_work(write=False) as db:
        sent = await repository.existing_keys(db, [draft.key for draft in drafts])
    due = [draft for draft in drafts if draft.key not in sent]
    if not due:  # heard before (say, every later completion of a quiz past a milestone)
        return 0
    now = utcnow()
    written: list[Draft] = []
    async with unit_of_work() as db:
        for draft in due:
            if await repository.add(db, draft.values(now)) is not None:
                written.append(draft)
    await publish_all([changed_event(draft.org_id, draft.recipient_id) for draft in written])
    return len(written)


async def handle(event: Event) -> int:
    """The notifications ``event`` makes, written; how many were new."""
    trigger = TRIGGERS.get(event.name)
    if trigger is None:
        return 0
    async with unit_of_work(write=False) as db:
        drafts = await trigger(ServiceContext(db=db, actor=SYSTEM_ACTOR, meta=PRODUCER_META), event)
    return await deliver(drafts)


class Producer:
    def __init__(self) -> None:
        self._queue: asyncio.Queue[Event] = asyncio.Queue(QUEUE_SIZE)
        self._idle = asyncio.Event()
        self._idle.set()

    async def on_event(self, event: Event) -> None:
        if event.name not in TRIGGERS:
            return
        try:
            self._queue.put_nowait(event)
            self._idle.clear()
        except asyncio.QueueFull:
            logger.warning("notification queue full: %s (%s) dropped", event.name, event.id)

    async def run_forever(self) -> None:
        while True:
            event = await self._queue.get()
            try:
                await handle(event)
            except Exception:
                logger.exception("notifications for %s (%s) failed", event.name, event.id)
            finally:
                self._queue.task_done()
                if self._queue.empty():
                    self._idle.set()

    async def settled(self) -> None:
        """Wait until every queued event has been handled (tests)."""
        await self._idle.wait()


_producer: Producer | None = None


def get_producer() -> Producer | None:
    return _producer


@contextlib.asynccontextmanager
async def running() -> AsyncIterator[Producer]:
    """The producer, listening on the process's bus while the server runs."""
    global _producer
    producer = Producer()
    unsubscribe = get_bus().subscribe(producer.on_event)
    task = asyncio.create_task(producer.run_forever(), name="notifications-producer")
    _producer = producer
    try:
        yield producer
    finally:
        _producer = None
        unsubscribe()
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task
