"""DataLoader for the tries of deliveries (the delivery log of a page, in one query)."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from typing import Any

from sqlmodel.ext.asyncio.session import AsyncSession
from strawberry.dataloader import DataLoader
from strawberry.types import Info

from app.graphql.loaders import loader
from app.webhooks import repository
from app.webhooks.models import WebhookDeliveryAttempt

# The newest tries shown per delivery (the schedule has 8 per round).
MAX_TRIES_SHOWN = 20


async def _tries(db: AsyncSession, ids: Sequence[uuid.UUID]) -> list[list[WebhookDeliveryAttempt]]:
    found = await repository.attempts_of(db, list(ids), MAX_TRIES_SHOWN)
    return [found.get(delivery_id, []) for delivery_id in ids]


def tries_of(info: Info[Any, Any]) -> DataLoader[uuid.UUID, list[WebhookDeliveryAttempt]]:
    # Keyed by deliveries the resolver read within the actor's tenant.
    return loader(info, "webhooks.tries_of", _tries)
