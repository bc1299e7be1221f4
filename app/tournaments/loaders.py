"""DataLoaders for a page of tournaments: rounds, entrant counts, the viewer's entries,
one statement per relation (keys carry the org the tournament was read in)."""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Awaitable, Callable, Sequence
from typing import Any, TypeVar

from sqlmodel.ext.asyncio.session import AsyncSession
from strawberry.dataloader import DataLoader
from strawberry.types import Info

from app.graphql.loaders import loader
from app.tournaments import repository

Key = tuple[uuid.UUID, uuid.UUID]  # (org, tournament)
EntryKey = tuple[uuid.UUID, uuid.UUID, uuid.UUID]  # (org, tournament, member)
V = TypeVar("V")


def _by_org(
    read: Callable[[AsyncSession, uuid.UUID, list[uuid.UUID]], Awaitable[dict[uuid.UUID, V]]],
) -> Callable[[AsyncSession, Sequence[Key]], Awaitable[list[V]]]:
    async def batch(db: AsyncSession, keys: Sequence[Key]) -> list[V]:
        grouped: dict[uuid.UUID, list[uuid.UUID]] = defaultdict(list)
        for org_id, tournament_id in keys:
            grouped[org_id].append(tournament_id)
        found: dict[Key, V] = {}
        for org_id, ids in grouped.items():
            for tournament_id, value in (await read(db, org_id, ids)).items():
                found[(org_id, tournament_id)] = value
        return [found[key] for key in keys]

    return batch


async def _entered(db: AsyncSession, keys: Sequence[EntryKey]) -> list[bool]:
    grouped: dict[tuple[uuid.UUID, uuid.UUID], list[uuid.UUID]] = defaultdict(list)
    for org_id, tournament_id, member_id in keys:
        grouped[(org_id, member_id)].append(tournament_id)
    found: set[EntryKey] = set()
    for (org_id, member_id), ids in grouped.items():
        for tournament_id in await repository.entered(db, org_id, ids, member_id):
            found.add((org_id, tournament_id, member_id))
    return [key in found for key in keys]


def rounds_of(info: Info[Any, Any]) -> DataLoader[Key, list[uuid.UUID]]:
    return loader(info, "tournaments.rounds", _by_org(repository.rounds_of))


def entrant_count_of(info: Info[Any, Any]) -> DataLoader[Key, int]:
    return loader(info, "tournaments.entrant_counts", _by_org(repository.entrant_counts))


def entered_by(info: Info[Any, Any]) -> DataLoader[EntryKey, bool]:
    # Keyed by the member: one viewer's entries never answer for another's.
    return loader(info, "tournaments.entered", _entered)
