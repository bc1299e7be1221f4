"""The notifications' periodic pass: key reminders, expired keys, closed quizzes, pruning.

Every ``notification_sweep_seconds`` each server process:

- reminds owners and admins (api_keys:read) of each org key expiring within 7 days
  and again within 1 day: one notification per key per threshold, the nearest
  threshold only (a key made to expire in 12 hours gets the 1-day one, never the
  7-day one after it), and one when it has expired (within the last
  ``EXPIRED_LOOKBACK``: the door now refuses it, the server switched it off);
- tells each quiz's owner when its closing time passed (within ``CLOSED_LOOKBACK``),
  once, with how many took part;
- deletes the notifications older than ``notification_retention_days``, with their
  read state, in batches.

Several processes may sweep at once: a reminder's ``dedupe_key``
(``api_key.expiring:<key>:<days>d``) is unique per org, so the second insert does
nothing, whichever process makes it. Reminders already sent are looked up first so
that a pass over many keys writes only what is new.
"""

from __future__ import annotations

import contextlib
import dataclasses
import logging
import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Protocol

from app.access.request import RequestMeta, ServiceContext
from app.access.scopes import Scope
from app.api_keys import service as api_keys
from app.audit.service import SYSTEM_ACTOR
from app.core import periodic
from app.core.clock import as_utc, utcnow
from app.core.db import unit_of_work
from app.core.settings import get_settings
from app.events.bus import publish_all
from app.leaderboards import service as leaderboards
from app.notifications import repository
from app.notifications.models import NotificationType
from app.notifications.producer import deliver
from app.notifications.service import changed_event
from app.notifications.triggers import Draft, to_quiz_owner
from app.quizzes import service as quizzes

logger = logging.getLogger("quizgraph.notifications.sweep")

# The reminders before a key expires, nearest first.
REMINDERS: tuple[timedelta, ...] = (timedelta(days=1), timedelta(days=7))
EXPIRED_LOOKBACK = timedelta(days=7)
CLOSED_LOOKBACK = timedelta(days=7)
PARTICIPANTS_COUNTED = 100_001  # a closed quiz's body counts participants up to this
SWEEP_META = RequestMeta(request_id="notifications-sweep")
BATCH_SIZE = 500
MAX_BATCHES = 20  # per pass and kind: 10,000 keys or notifications


@dataclass(frozen=True, slots=True)
class Swept:
    reminded: int
    closed: int
    pruned: int


class ExpiringKey(Protocol):
    @property
    def id(self) -> uuid.UUID: ...
    @property
    def org_id(self) -> uuid.UUID | None: ...
    @property
    def name(self) -> str: ...
    @property
    def prefix(self) -> str: ...
    @property
    def expires_at(self) -> datetime | None: ...


def key_draft(key: ExpiringKey, now: datetime) -> Draft | None:
    """The notification a key is due (its nearest threshold, or expired), if any."""
    if key.org_id is None or key.expires_at is None:
        return None
    expires = as_utc(key.expires_at)
    left = expires - now
    if left <= timedelta(0):
        kind = NotificationType.API_KEY_DISABLED
        title = f"The API key “{key.name}” expired and no longer works"
        body = f"{key.prefix}… expired at {expires.isoformat()}."
        dedupe_key = f"api_key.expired:{key.id}"
    else:
        threshold = next((t for t in REMINDERS if left <= t), None)
        if threshold is None:
            return None
        days = threshold.days
        kind = NotificationType.API_KEY_EXPIRING
        title = f"The API key “{key.name}” expires in {'1 day' if days == 1 else f'{days} days'}"
        body = f"{key.prefix}… expires at {expires.isoformat()}; rotate it before then."
        dedupe_key = f"api_key.expiring:{key.id}:{days}d"
    return Draft(
        org_id=key.org_id,
        type=kind,
        title=title,
        body=body,
        audience=Scope.API_KEYS_READ,
        subject_type="ApiKey",
        subject_id=key.id,
        link="/dashboard/api-keys",
        dedupe_key=dedupe_key,
    )


# One batch of candidates at an offset: how many rows it read, and its drafts not yet
# sent (read in the batch's read-only transaction).
Batch = Callable[[ServiceContext, int], Awaitable[tuple[int, list[Draft]]]]


async def _write_due(batch_of: Batch) -> int:
    """Write what the batches find due, batch by batch; how many were new."""
    written = 0
    for batch in range(MAX_BATCHES):
        async with unit_of_work(write=False) as db:
            sc = ServiceContext(db=db, actor=SYSTEM_ACTOR, meta=SWEEP_META)
            read, drafts = await batch_of(sc, batch * BATCH_SIZE)
        written += await deliver(drafts)
        if read < BATCH_SIZE:
            break
    return written


async def _unsent(sc: ServiceContext, drafts: list[Draft]) -> list[Draft]:
    sent = await repository.existing_keys(sc.db, [draft.key for draft in drafts])
    return [draft for draft in drafts if draft.key not in sent]


async def remind(now: datetime) -> int:
    """Write the key reminders due now; how many were new."""

    async def batch_of(sc: ServiceContext, offset: int) -> tuple[int, list[Draft]]:
        since, until = now - EXPIRED_LOOKBACK, now + REMINDERS[-1]
        keys = await api_keys.expiring(sc.db, since, until, BATCH_SIZE, offset)
        drafts = [draft for key in keys if (draft := key_draft(key, now)) is not None]
        return len(keys), await _unsent(sc, drafts)

    return await _write_due(batch_of)


async def closed_quizzes(now: datetime) -> int:
    """Tell each owner of a quiz that closed (its closing time passed, within
    ``CLOSED_LOOKBACK``), once, with how many took part; how many were new."""

    async def batch_of(sc: ServiceContext, offset: int) -> tuple[int, list[Draft]]:
        closed = await quizzes.closed_between(sc, now - CLOSED_LOOKBACK, now, BATCH_SIZE, offset)
        drafts = [
            to_quiz_owner(
                quiz.org_id,
                NotificationType.QUIZ_CLOSED,
                f"“{quiz.title}” closed",
                quiz.id,
                quiz.created_by_id,
                f"quiz.closed:{quiz.id}",
            )
            for quiz in closed
            if quiz.created_by_id is not None
        ]
        due = await _unsent(sc, drafts)
        for index, draft in enumerate(due):
            assert draft.subject_id is not None
            took_part = await leaderboards.participant_count(
                sc, draft.org_id, draft.subject_id, PARTICIPANTS_COUNTED
            )
            due[index] = dataclasses.replace(draft, body=_took_part(took_part))
        return len(closed), due

    return await _write_due(batch_of)


def _took_part(count: int) -> str:
    if count >= PARTICIPANTS_COUNTED:
        return f"More than {PARTICIPANTS_COUNTED - 1:,} participants took part."
    return f"{count:,} participant{'' if count == 1 else 's'} took part."


async def prune(now: datetime) -> int:
    """Delete notifications past the retention period; how many. An unread one pruned
    moves its readers' counts: each org pruned is announced (its live counts recount)."""
    before = now - timedelta(days=get_settings().notification_retention_days)
    pruned = 0
    for _ in range(MAX_BATCHES):
        async with unit_of_work() as db:
            orgs = await repository.prune(db, before, BATCH_SIZE)
        await publish_all([changed_event(org_id, None) for org_id in dict.fromkeys(orgs)])
        pruned += len(orgs)
        if len(orgs) < BATCH_SIZE:
            break
    return pruned


async def sweep_once() -> Swept:
    now = utcnow()
    return Swept(
        reminded=await remind(now), closed=await closed_quizzes(now), pruned=await prune(now)
    )


async def _logged_pass() -> None:
    swept = await sweep_once()
    if swept.reminded or swept.closed or swept.pruned:
        logger.info("notifications: %s", swept)


def running() -> contextlib.AbstractAsyncContextManager[None]:
    """Sweep in the background while the server runs (not at all with the setting 0)."""
    return periodic.every(
        get_settings().notification_sweep_seconds,
        _logged_pass,
        name="notifications-sweep",
        logger=logger,
        first_at_start=True,
    )
