"""A task that runs a pass every so often while the server runs.

The server's background work (closing abandoned attempts, the notifications' sweep,
a tournament's scheduled start and end, writing the API keys' usage and last use) is
each a pass run at an interval in every process; what makes several processes safe
is the pass's own business (conditional updates, unique keys, additive upserts).
What they share is here: not started at all with an interval of 0, a failed pass
logged and retried at the next interval (never taking the server down), and the task
ended when the server stops. Some want more, each an option:

- ``final_pass``: once more on the way out, after the loop ended (what is counted in
  memory is written at a graceful shutdown instead of lost);
- ``wake``: an event that ends the wait early (the schedule changed), cleared before
  each pass so that a change during a pass wakes the next wait;
- ``delay``: how long to wait after a pass instead of ``interval`` (the next
  scheduled transition is sooner);
- ``grace``: at the end, a pass under way is let finish for up to that many seconds
  instead of being cancelled (a pass cancelled inside a database call can leave its
  connection hanging); a wait is always cancelled at once.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator, Awaitable, Callable


@contextlib.asynccontextmanager
async def every(
    interval: float,
    one_pass: Callable[[], Awaitable[object]],
    *,
    name: str,
    logger: logging.Logger,
    first_at_start: bool = False,
    final_pass: Callable[[], Awaitable[object]] | None = None,
    wake: asyncio.Event | None = None,
    delay: Callable[[], float] | None = None,
    grace: float = 0.0,
) -> AsyncIterator[None]:
    """Run ``one_pass`` every ``interval`` seconds (none with 0) while inside; first at
    once with ``first_at_start``, else after one interval; ``final_pass`` once more
    when leaving (not with 0 either). The other options: see the module."""
    if interval <= 0:
        yield
        return
    loop = _Loop(interval, one_pass, name, logger, wake, delay)
    task = asyncio.create_task(loop.run(first_at_start), name=name)
    try:
        yield
    finally:
        await loop.stop(task, grace)
        if final_pass is not None:
            try:
                await final_pass()
            except Exception:  # the server stops anyway
                logger.exception("%s: the final pass at shutdown failed", name)


class _Loop:
    def __init__(
        self,
        interval: float,
        one_pass: Callable[[], Awaitable[object]],
        name: str,
        logger: logging.Logger,
        wake: asyncio.Event | None,
        delay: Callable[[], float] | None,
    ) -> None:
        self.interval = interval
        self.one_pass = one_pass
        self.name = name
        self.logger = logger
        self.wake = wake
        self.delay = delay
        self.in_pass = False
        self.stopping = False

    async def run(self, first_at_start: bool) -> None:
        if not first_at_start:
            await self._wait(self.interval)
        while not self.stopping:
            if self.wake is not None:
                self.wake.clear()  # before the pass: a change during it ends the next wait
            self.in_pass = True
            try:
                await self.one_pass()
            except Exception:  # a pass never takes the server down; the next one retries
                self.logger.exception("%s failed; will retry in %.0f s", self.name, self.interval)
            finally:
                self.in_pass = False
            if self.stopping:
                return
            await self._wait(self.interval if self.delay is None else self.delay())

    async def _wait(self, seconds: float) -> None:
        if self.wake is None:
            await asyncio.sleep(seconds)
            return
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self.wake.wait(), seconds)

    async def stop(self, task: asyncio.Task[None], grace: float) -> None:
        # The loop ends after its pass or wait even if the cancel below is lost (on
        # Python 3.11 ``wait_for`` swallows a cancel that comes as its wait ends: a
        # wake set as the server stops).
        self.stopping = True
        if grace > 0 and self.in_pass:
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(asyncio.shield(task), grace)
        if not task.done():
            task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task
