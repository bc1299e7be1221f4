"""Closing the attempts their members abandoned: a pass every ``attempt_sweep_seconds``.

Queries never write, so an attempt left open past its deadline is closed by its
member's next start, save or submit (``service.close_expired``). A member who never
comes back would leave it IN_PROGRESS, and off the leaderboards, for good; each pass
closes up to ``BATCH_SIZE`` such attempts (deadline plus ``SUBMIT_GRACE`` passed), oldest
deadline first, through that same ``close_expired``: scored as it stands, closed at its
deadline, standings updated, an ``attempt.expired`` audit event by the SYSTEM actor, and
``quiz.completed``/``user.scored``/``leaderboard.updated`` published after the commit.

Each member's attempts close in a transaction of their own, so a pass never holds the
write lock (SQLite) for long and one failure leaves the rest closed. Several server
processes may sweep at once: ``repository.claim_close`` (a conditional UPDATE) lets
exactly one of them, or the member's own request, close each attempt.
"""

from __future__ import annotations

import contextlib
import logging
import uuid

from app.access.request import RequestMeta, ServiceContext
from app.attempts import repository, service
from app.audit.service import SYSTEM_ACTOR
from app.core import periodic
from app.core.clock import utcnow
from app.core.db import unit_of_work
from app.core.settings import get_settings
from app.events.bus import publish_all
from app.webhooks import outbox as webhooks_outbox

logger = logging.getLogger("quizgraph.attempts.sweep")

BATCH_SIZE = 200
SWEEP_META = RequestMeta(request_id="attempt-sweep")


async def sweep_once(limit: int = BATCH_SIZE) -> int:
    """One pass: close up to ``limit`` open attempts past their deadline and the grace;
    returns how many this pass closed (those another process closed first don't count)."""
    async with unit_of_work(write=False) as db:
        due = await repository.overdue(db, utcnow() - service.SUBMIT_GRACE, limit)
    closed = 0
    for org_id, quiz_id, member_id in due:
        try:
            closed += await _close(org_id, quiz_id, member_id)
        except Exception:  # the next pass tries again; the others still close
            logger.exception(
                "closing the expired attempt of member %s on quiz %s failed", member_id, quiz_id
            )
    return closed


async def _close(org_id: uuid.UUID, quiz_id: uuid.UUID, member_id: uuid.UUID) -> int:
    async with unit_of_work() as db:
        sc = ServiceContext(db=db, actor=SYSTEM_ACTOR, meta=SWEEP_META)
        closed = await service.close_expired(sc, org_id, quiz_id=quiz_id, member_id=member_id)
        await webhooks_outbox.stage(sc, sc.events)  # in the same transaction
    await publish_all(sc.events)  # committed: announce it, as a request would
    return closed


async def _logged_pass() -> None:
    closed = await sweep_once()
    if closed:
        logger.info("closed %d attempts past their deadline", closed)


def running() -> contextlib.AbstractAsyncContextManager[None]:
    """Sweep in the background while the server runs (not at all with the setting 0)."""
    return periodic.every(
        get_settings().attempt_sweep_seconds, _logged_pass, name="attempt-sweep", logger=logger
    )
