"""``lastUsedAt``, written behind: at most once per key per minute, never per request.

The door notes a use only when the value it last saw (read with the key, or noted
since by this process) is a minute old or more, so this costs nothing per request.
Noted uses wait in memory and a background task writes them every
``FLUSH_INTERVAL_SECONDS``, so a crash loses at most that much. The UPDATE is
conditional on the stored value being a minute old, so several processes noting the
same key still write it once a minute.
"""

from __future__ import annotations

import contextlib
import logging
import uuid
from datetime import datetime, timedelta

from app.api_keys import repository
from app.core import periodic
from app.core.clock import as_utc
from app.core.db import unit_of_work

logger = logging.getLogger("quizgraph.api_keys.last_used")

WRITE_INTERVAL = timedelta(seconds=60)
FLUSH_INTERVAL_SECONDS = 20.0

_pending: dict[uuid.UUID, datetime] = {}


def note_use(key_id: uuid.UUID, last_used_at: datetime | None, now: datetime) -> bool:
    """Remember that the key was used, unless ``last_used_at`` is still fresh; whether
    the use was noted (then ``now`` is the key's last use as this process knows it)."""
    if last_used_at is not None and now - as_utc(last_used_at) < WRITE_INTERVAL:
        return False
    _pending.setdefault(key_id, now)
    return True


def pending() -> dict[uuid.UUID, datetime]:
    return dict(_pending)


async def flush() -> int:
    """Write the noted uses; returns how many keys were updated."""
    if not _pending:
        return 0
    batch = dict(_pending)
    _pending.clear()
    try:
        async with unit_of_work() as db:
            # Rows in id order: two processes flushing overlapping keys then lock them in
            # the same order, so they wait for each other instead of deadlocking.
            written = [
                await repository.touch_last_used(db, key_id, batch[key_id], WRITE_INTERVAL)
                for key_id in sorted(batch)
            ]
    except Exception:
        for key_id, used_at in batch.items():
            _pending.setdefault(key_id, used_at)
        raise
    return sum(written)


def running() -> contextlib.AbstractAsyncContextManager[None]:
    """Flush in the background while the server runs, and once more at shutdown."""
    return periodic.every(
        FLUSH_INTERVAL_SECONDS,
        flush,  # a failed flush keeps its keys for the next; a request never waits
        name="lastUsedAt flush",
        logger=logger,
        final_pass=flush,
    )
