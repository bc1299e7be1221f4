"""The rules for reading notifications and marking them read (notifications:read).

What a reader sees is ``NotificationVisibility`` (the one rule); read state is the
reader's own (a key's is its creator's). Marking read appends
``notifications.changed`` for the reader, so their live count follows after the
commit; the producer appends the same event (for everyone who may see it) when it
writes a notification.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime

from sqlmodel.sql.expression import SelectOfScalar

from app.access.request import ServiceContext
from app.access.scopes import Scope
from app.access.tenancy import require_found
from app.core.clock import utcnow
from app.core.db import session_factory
from app.core.errors import BadUserInput, NotFound
from app.events.bus import Event
from app.notifications import repository
from app.notifications.models import Notification, NotificationType
from app.notifications.visibility import NotificationVisibility

NOTIFICATIONS_CHANGED = "notifications.changed"
MAX_IDS = 100


def changed_event(org_id: uuid.UUID, member_id: uuid.UUID | None) -> Event:
    """The unread counts of ``member_id`` (None: of everyone in the org) may have moved."""
    return Event(NOTIFICATIONS_CHANGED, org_id, {"memberId": str(member_id) if member_id else None})


def visibility_of(sc: ServiceContext) -> NotificationVisibility:
    return NotificationVisibility.of(sc.actor)


def listing(
    sc: ServiceContext,
    org_id: uuid.UUID,
    *,
    unread: bool | None = None,
    type_: NotificationType | None = None,
) -> SelectOfScalar[Notification]:
    """The org's notifications the actor sees, newest first."""
    sc.actor.require(Scope.NOTIFICATIONS_READ, org_id)
    return repository.listing(
        org_id, visibility_of(sc), unread=unread, type_=type_.value if type_ else None
    )


async def unread_count(sc: ServiceContext, org_id: uuid.UUID) -> int:
    sc.actor.require(Scope.NOTIFICATIONS_READ, org_id)
    return await repository.unread_count(sc.db, org_id, visibility_of(sc))


async def get(sc: ServiceContext, notification_id: uuid.UUID) -> Notification:
    """One notification the actor sees (``node(id:)``), else NOT_FOUND."""
    row = await repository.by_id(sc.db, notification_id, sc.actor)
    row = require_found(sc.actor, Scope.NOTIFICATIONS_READ, row)
    if not visibility_of(sc).allows(row):
        raise NotFound()
    return row


async def read_at(
    sc: ServiceContext, org_id: uuid.UUID, ids: list[uuid.UUID]
) -> dict[uuid.UUID, datetime]:
    """When the actor's reader read each of ``ids`` (loaded within the org)."""
    reader = sc.actor.member_id
    if reader is None or not ids:
        return {}
    return await repository.read_at(sc.db, org_id, reader, ids)


@dataclass(frozen=True, slots=True)
class Marked:
    notifications: list[Notification]  # those named (none for ``all``)
    newly_read: int


async def mark_read(
    sc: ServiceContext, org_id: uuid.UUID, ids: list[uuid.UUID] | None, everything: bool
) -> Marked:
    """Mark ``ids`` (all visible, else NOT_FOUND and nothing changes) or everything the
    actor sees as read by the actor's reader."""
    sc.actor.require(Scope.NOTIFICATIONS_READ, org_id)
    if everything == (ids is not None):
        raise BadUserInput({"ids": "give either ids or all: true"})
    visibility = visibility_of(sc)
    if visibility.reader is None:
        raise BadUserInput(
            {"ids": "read state belongs to a member; platform credentials have none"}
        )
    now = utcnow()
    if ids is None:
        newly = await repository.mark_all_read(sc.db, org_id, visibility, now)
        found: list[Notification] = []
    else:
        if not 1 <= len(ids) <= MAX_IDS:
            raise BadUserInput({"ids": f"give 1 to {MAX_IDS} ids"})
        wanted = list(dict.fromkeys(ids))
        found = await repository.visible(sc.db, org_id, visibility, wanted)
        if len(found) != len(wanted):
            raise NotFound()
        newly = await repository.mark_read(sc.db, org_id, visibility.reader, wanted, now)
    if newly:
        sc.events.append(changed_event(org_id, visibility.reader))
    return Marked(found, newly)


async def count_for(org_id: uuid.UUID, visibility: NotificationVisibility) -> int:
    """The unread count of one visibility, in a session of its own (the live feeds)."""
    async with session_factory()() as db:
        count = await repository.unread_count(db, org_id, visibility)
        await db.rollback()
    return count
