"""Each org key's use, counted in memory and added to the daily rollup once a minute.

The request log (``app.web.request_log``), which sees every request's outcome, calls
``count`` once per request an org key made (passed, failed or refused for its rate
limit): a few integer additions in this process's memory, never a database write.
Every ``FLUSH_INTERVAL_SECONDS`` (and once more at a graceful shutdown) ``flush``
adds what was counted to ``api_key_usage_days`` and ``api_key_usage_errors`` with
``INSERT ... ON CONFLICT DO UPDATE SET requests = requests + excluded.requests``: each
process adds its own counts, so any number of processes (and a flush racing another)
sum correctly. A process that crashes loses what it counted since its last flush, at
most a minute of its requests; a flush that fails keeps its counts for the next one.

In memory rather than Redis: the counts are additive, so nothing needs to be shared
before the flush, and a request then costs no round trip even when Redis is configured.

What counts: ``requests`` is every request (refused ones included); ``rate_limited``
the refusals for the key's limit; ``errors`` the other requests that ended with an
error, and ``api_key_usage_errors`` how many of them carried each code (a request
with two errors of one code counts once for it). The last use and its client address
are kept per day.
"""

from __future__ import annotations

import contextlib
import logging
import time
import uuid
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from app.api_keys import repository
from app.core import periodic
from app.core.clock import utcnow
from app.core.db import unit_of_work

logger = logging.getLogger("quizgraph.api_keys.usage")

FLUSH_INTERVAL_SECONDS = 60.0
RATE_LIMITED = "RATE_LIMITED"
# Days of usage kept (and the most ``ApiKey.usage(days:)`` shows); older ones are pruned.
RETENTION_DAYS = 90
PRUNE_EVERY_SECONDS = 3600.0

TallyKey = tuple[uuid.UUID, uuid.UUID, date]  # org, key, UTC day


@dataclass(slots=True)
class Tally:
    """One key's counts for one day, since the last flush."""

    requests: int = 0
    errors: int = 0
    rate_limited: int = 0
    by_code: Counter[str] = field(default_factory=Counter)
    last_used_at: datetime | None = None
    last_ip: str | None = None

    def add(self, other: Tally) -> None:
        """Fold ``other`` (an unflushed batch put back) into this one."""
        self.requests += other.requests
        self.errors += other.errors
        self.rate_limited += other.rate_limited
        self.by_code.update(other.by_code)
        if other.last_used_at is not None and (
            self.last_used_at is None or other.last_used_at > self.last_used_at
        ):
            self.last_used_at, self.last_ip = other.last_used_at, other.last_ip


class UsageCounter:
    """One process's counts waiting for their flush."""

    def __init__(self) -> None:
        self._tallies: dict[TallyKey, Tally] = {}

    def count(
        self,
        org_id: uuid.UUID,
        key_id: uuid.UUID,
        codes: Iterable[str],
        ip: str | None,
        now: datetime,
    ) -> None:
        """One request of the key, ended with these error codes (none: it succeeded)."""
        slot = (org_id, key_id, now.date())
        tally = self._tallies.get(slot)
        if tally is None:
            tally = self._tallies[slot] = Tally()
        tally.requests += 1
        tally.last_used_at, tally.last_ip = now, ip
        distinct = set(codes)
        if RATE_LIMITED in distinct:
            tally.rate_limited += 1
        elif distinct:
            tally.errors += 1
            tally.by_code.update(distinct)

    def pending(self) -> dict[TallyKey, Tally]:
        return dict(self._tallies)

    async def flush(self) -> int:
        """Add the counts to the rollup; how many (key, day) rows were written."""
        if not self._tallies:
            return 0
        batch, self._tallies = self._tallies, {}
        try:
            async with unit_of_work() as db:
                await repository.add_usage(db, batch)
        except BaseException:
            self._put_back(batch)
            raise
        return len(batch)

    def _put_back(self, batch: dict[TallyKey, Tally]) -> None:
        for slot, tally in batch.items():
            self._tallies.setdefault(slot, Tally()).add(tally)


counter = UsageCounter()


def count(org_id: uuid.UUID, key_id: uuid.UUID, codes: Iterable[str], ip: str | None) -> None:
    """This process's count of one request of an org key (see ``UsageCounter.count``)."""
    counter.count(org_id, key_id, codes, ip, utcnow())


def oldest_kept_day(today: date) -> date:
    return today - timedelta(days=RETENTION_DAYS - 1)


async def prune() -> int:
    """Delete the rollup's days past the retention; how many rows went."""
    async with unit_of_work() as db:
        return await repository.prune_usage(db, oldest_kept_day(utcnow().date()))


class _Pass:
    """A flush, and now and then the pruning (every process prunes: deleting what
    another already deleted costs nothing)."""

    def __init__(self) -> None:
        self.pruned_at: float | None = None

    async def __call__(self) -> None:
        await counter.flush()
        now = time.monotonic()
        if self.pruned_at is None or now - self.pruned_at >= PRUNE_EVERY_SECONDS:
            self.pruned_at = now
            await prune()


def running() -> contextlib.AbstractAsyncContextManager[None]:
    """Flush every minute while the server runs, and once more when it stops (what a
    failed last flush held is lost)."""
    return periodic.every(
        FLUSH_INTERVAL_SECONDS,
        _Pass(),  # a failed pass keeps its counts for the next; a request never waits
        name="api key usage flush",
        logger=logger,
        final_pass=counter.flush,
    )
