"""Starting and ending tournaments at their times: one loop per server process.

Each pass reads the soonest transitions of every org (``repository.next_due``: one
statement over two index ranges), makes those that are due, each in a transaction of
its own (``lifecycle.start``/``end``: a conditional UPDATE claims it, so when several
processes pass at once exactly one makes each move and emits its event; the others'
UPDATE matches nothing), stages the events into the webhooks' outbox in that
transaction and publishes them after the commit (before an end, the rounds' attempts
left to run out are closed and counted in a transaction of their own committed first:
``_close_run_out``). Then it sleeps until the next
transition is due, at most ``tournament_scheduler_seconds``, or until the schedule
changes (``tournament.schedule_changed`` on the event bus, from this process or,
with Redis, any other). A process that was down catches up at its first pass: what
fell due meanwhile is due still.

Idle (nothing scheduled), a process costs one short read-only transaction per
``tournament_scheduler_seconds`` (30 s by default: 2 passes a minute; see
docs/tournaments.md for the measure).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import datetime

from app.access.request import RequestMeta, ServiceContext
from app.audit.service import SYSTEM_ACTOR
from app.core import periodic
from app.core.clock import as_utc, utcnow
from app.core.db import unit_of_work
from app.core.settings import get_settings
from app.events.bus import Event, get_bus, publish_all
from app.tournaments import lifecycle, repository
from app.tournaments.catalog import SCHEDULE_CHANGED
from app.tournaments.models import TournamentStatus
from app.tournaments.repository import Due
from app.webhooks import outbox as webhooks_outbox

logger = logging.getLogger("quizgraph.tournaments.scheduler")

BATCH_SIZE = 50
STOP_GRACE_SECONDS = 5.0
SCHEDULER_META = RequestMeta(request_id="tournament-scheduler")


@dataclass(frozen=True, slots=True)
class Pass:
    made: int  # transitions this pass made (not those another process made first)
    next_at: datetime | None  # when the next known transition is due; None: none


async def run_once(limit: int = BATCH_SIZE) -> Pass:
    """One pass: make every transition due now (up to ``limit`` of each kind)."""
    async with unit_of_work(write=False) as db:
        soonest = await repository.next_due(db, limit)
    now = utcnow()
    made = 0
    later: list[datetime] = []
    for due in soonest:
        at = as_utc(due.at)
        if at > now:
            later.append(at)
            continue
        try:
            made += await _transition(due)
        except Exception:  # the next pass tries again; the others still move
            logger.exception(
                "moving tournament %s on from %s failed", due.tournament_id, due.status
            )
    full = len(soonest) >= limit  # more may be due than one pass read
    return Pass(made, now if full else min(later, default=None))


async def _transition(due: Due) -> int:
    if due.status is TournamentStatus.RUNNING:
        await _close_run_out(due)
    async with unit_of_work() as db:
        sc = ServiceContext(db=db, actor=SYSTEM_ACTOR, meta=SCHEDULER_META)
        tournament = await repository.by_id(db, due.tournament_id, due.org_id)
        if tournament is None:
            return 0
        if due.status is TournamentStatus.SCHEDULED:
            made = await lifecycle.start(sc, tournament, due_only=True)
        else:
            made = await lifecycle.end(sc, tournament, due_only=True) is not None
        await webhooks_outbox.stage(sc, sc.events)  # in the same transaction
    await publish_all(sc.events)  # committed: announce it, as a request would
    return int(made)


async def _close_run_out(due: Due) -> None:
    """The rounds' attempts left to run out, closed and counted in a transaction of
    their own (as the attempts' sweep closes them: the attempt rows, then the
    tournament's row shared) and committed just before the ending transaction, which
    then takes the tournament's row without holding any attempt's."""
    async with unit_of_work() as db:
        sc = ServiceContext(db=db, actor=SYSTEM_ACTOR, meta=SCHEDULER_META)
        tournament = await repository.by_id(db, due.tournament_id, due.org_id)
        if tournament is None:
            return
        await lifecycle.close_run_out(sc, tournament)
        await webhooks_outbox.stage(sc, sc.events)  # in the same transaction
    await publish_all(sc.events)


class Scheduler:
    """The loop's state (``periodic.every`` runs it): a pass, then sleep until the next
    transition or a schedule change."""

    def __init__(self, max_sleep: float) -> None:
        self.max_sleep = max_sleep
        self.passes = 0
        self.next_at: datetime | None = None  # the last pass's next known transition
        self.woken = asyncio.Event()
        self._passed = asyncio.Event()
        self._unsubscribe = get_bus().subscribe(self._on_event)

    async def _on_event(self, event: Event) -> None:
        if event.name == SCHEDULE_CHANGED:
            self.woken.set()

    def wake(self) -> None:
        self.woken.set()

    async def next_pass(self) -> None:
        """Until the end of the pass after the one under way (or the next one)."""
        await self._passed.wait()

    async def one_pass(self) -> None:
        try:
            found = await run_once()
        except Exception:  # a pass never takes the server down; the next one retries
            logger.exception("the tournament scheduler's pass failed; will retry")
            found = Pass(0, None)
        self.passes += 1
        self.next_at = found.next_at
        # Wake those waiting for a pass, and give later waiters a new event.
        passed, self._passed = self._passed, asyncio.Event()
        passed.set()
        if found.made:
            logger.info("made %d tournament transitions", found.made)

    def delay(self) -> float:
        """How long to sleep after a pass: until its next transition, at most
        ``max_sleep``."""
        if self.next_at is None:
            return self.max_sleep
        return min(self.max_sleep, max(0.0, (self.next_at - utcnow()).total_seconds()))

    def close(self) -> None:
        self._unsubscribe()


_running: list[Scheduler] = []


def wake_all() -> None:
    """Wake this process's schedulers now (tests that move the clock)."""
    for scheduler in _running:
        scheduler.wake()


@contextlib.asynccontextmanager
async def running(max_sleep: float | None = None) -> AsyncIterator[Scheduler | None]:
    """Run the scheduler in the background (not at all with the setting 0). At the end,
    the pass under way finishes (up to ``STOP_GRACE_SECONDS``) rather than being
    cancelled inside a database call, which can leave its connection hanging."""
    interval = get_settings().tournament_scheduler_seconds if max_sleep is None else max_sleep
    if interval <= 0:
        yield None
        return
    scheduler = Scheduler(interval)
    _running.append(scheduler)
    try:
        async with periodic.every(
            interval,
            scheduler.one_pass,
            name=f"tournament-scheduler-{uuid.uuid4().hex[:6]}",
            logger=logger,
            first_at_start=True,
            wake=scheduler.woken,
            delay=scheduler.delay,
            grace=STOP_GRACE_SECONDS,
        ):
            yield scheduler
    finally:
        scheduler.close()
        _running.remove(scheduler)
