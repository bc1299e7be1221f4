"""DataLoader for the read state of notifications (a page's, in one query)."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlmodel.ext.asyncio.session import AsyncSession
from strawberry.dataloader import DataLoader
from strawberry.types import Info

from app.graphql.loaders import loader
from app.notifications import repository

ReadKey = tuple[uuid.UUID, uuid.UUID, uuid.UUID]  # (org, reader, notification)


async def _read_at(db: AsyncSession, keys: Sequence[ReadKey]) -> list[datetime | None]:
    by_reader: dict[tuple[uuid.UUID, uuid.UUID], list[uuid.UUID]] = {}
    for org_id, reader, notification_id in keys:
        by_reader.setdefault((org_id, reader), []).append(notification_id)
    found: dict[ReadKey, datetime] = {}
    for (org_id, reader), ids in by_reader.items():
        for notification_id, at in (await repository.read_at(db, org_id, reader, ids)).items():
            found[(org_id, reader, notification_id)] = at
    return [found.get(key) for key in keys]


def read_at_of(info: Info[Any, Any]) -> DataLoader[ReadKey, datetime | None]:
    # Keyed by notifications the resolver read within the actor's visibility, and the
    # actor's own reader: one reader's state never answers for another.
    return loader(info, "notifications.read_at", _read_at)
