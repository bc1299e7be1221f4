"""Per-request DataLoaders: each domain's ``loaders`` module asks for its loaders here.

A loader lives in ``info.context.loaders`` for one request, so its cache never
outlives the request's transaction (nor leaks data between actors).

Loads are shielded: many resolvers await one batch future, and when graphql-core
cancels one of them (a sibling non-null field failed), plain asyncio would cancel the
shared future too and every other waiter would crash with CancelledError.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Sequence
from typing import Any, TypeVar

from sqlmodel.ext.asyncio.session import AsyncSession
from strawberry.dataloader import DataLoader
from strawberry.types import Info

K = TypeVar("K")
V = TypeVar("V")

BatchLoad = Callable[[AsyncSession, Sequence[K]], Awaitable[Sequence[V]]]


class ShieldedLoader(DataLoader[K, V]):
    def load(self, key: K) -> asyncio.Future[V]:
        return asyncio.shield(super().load(key))


def loader(info: Info[Any, Any], name: str, batch: BatchLoad[K, V]) -> DataLoader[K, V]:
    """The request's loader called ``name``, made on first use from ``batch``."""
    loaders: dict[str, Any] = info.context.loaders
    found = loaders.get(name)
    if found is None:
        db = info.context.sc.db

        async def load(keys: list[K]) -> Sequence[V]:
            return await batch(db, keys)

        found = loaders[name] = ShieldedLoader(load_fn=load)
    return found
