"""DataLoaders for attempt relations: answers by attempt, one statement per page."""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Sequence
from functools import partial
from typing import Any

from sqlmodel.ext.asyncio.session import AsyncSession
from strawberry.dataloader import DataLoader
from strawberry.types import Info

from app.access.tenancy import Tenant
from app.attempts import repository
from app.attempts.models import AttemptAnswer
from app.graphql.loaders import loader


async def _answers(
    db: AsyncSession, attempt_ids: Sequence[uuid.UUID], *, tenant: Tenant
) -> list[dict[uuid.UUID, AttemptAnswer]]:
    grouped: dict[uuid.UUID, dict[uuid.UUID, AttemptAnswer]] = defaultdict(dict)
    for answer in await repository.answers_of(db, attempt_ids, tenant):
        grouped[answer.attempt_id][answer.question_id] = answer
    return [grouped.get(attempt_id, {}) for attempt_id in attempt_ids]


def answers_by_attempt(
    info: Info[Any, Any],
) -> DataLoader[uuid.UUID, dict[uuid.UUID, AttemptAnswer]]:
    """Each attempt's answers, keyed by question id."""
    return loader(info, "attempts.answers_by_attempt", partial(_answers, tenant=info.context.actor))


def attempt_org(info: Info[Any, Any]) -> DataLoader[uuid.UUID, uuid.UUID | None]:
    """The org of an attempt the request's actor reaches (None: no such attempt in reach),
    for a field's access check (``requires(..., target=...)``)."""

    async def orgs(db: AsyncSession, ids: Sequence[uuid.UUID]) -> list[uuid.UUID | None]:
        found = [await repository.by_id(db, attempt_id, info.context.actor) for attempt_id in ids]
        return [attempt.org_id if attempt else None for attempt in found]

    return loader(info, "attempts.attempt_org", orgs)
