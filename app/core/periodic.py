"""A task that runs a pass every so often while the server runs.

The server's background work (closing abandoned attempts, the notifications' sweep,
a tournament's scheduled start and end) is each a pass run at an interval in every
process; what makes several processes safe is the pass's own business (conditional
updates, unique keys). What they share is here: not started at all with an interval
of 0, a failed pass logged and retried at the next interval (never taking the server
down), and the task cancelled when the server stops.
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
) -> AsyncIterator[None]:
    """Run ``one_pass`` every ``interval`` seconds (none with 0) while inside; first at
    once with ``first_at_start``, else after one interval."""
    if interval <= 0:
        yield
        return
    task = asyncio.create_task(
        _forever(interval, one_pass, name, logger, first_at_start), name=name
    )
    try:
        yield
    finally:
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task


async def _forever(
    interval: float,
    one_pass: Callable[[], Awaitable[object]],
    name: str,
    logger: logging.Logger,
    first_at_start: bool,
) -> None:
    if not first_at_start:
        await asyncio.sleep(interval)
    while True:
        try:
            await one_pass()
        except Exception:  # a pass never takes the server down; the next one retries
            logger.exception("%s failed; will retry in %.0f s", name, interval)
        await asyncio.sleep(interval)
