"""DataLoaders for quiz relations: one statement per relation for a whole page of quizzes.

A quiz's content (questions with their options) comes from the process's cache when
the version the request read is cached (synchronously: no awaitable, no statement),
otherwise from one statement for every quiz of the page that missed. Concurrent misses
of the same version in one process are read once (``load_contents``).
"""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import Awaitable, Sequence
from functools import partial
from typing import Any

from graphql import OperationType
from sqlmodel.ext.asyncio.session import AsyncSession
from strawberry.dataloader import DataLoader
from strawberry.types import Info

from app.access.tenancy import Tenant
from app.graphql.loaders import loader
from app.quizzes import repository
from app.quizzes.content import ContentKey, Questions, content_cache
from app.quizzes.models import Quiz


async def _quizzes(
    db: AsyncSession, ids: Sequence[uuid.UUID], *, tenant: Tenant
) -> list[Quiz | None]:
    found = {quiz.id: quiz for quiz in await repository.by_ids(db, ids, tenant)}
    return [found.get(quiz_id) for quiz_id in ids]


# Content reads under way in this process, by (quiz id, version): a query that misses
# a version another query is already reading waits for that read instead of making
# its own (a cold cache under load would otherwise read each page once per request).
# A read that fails, is cancelled or finds no content answers None: its waiters then
# read for themselves.
_reading: dict[tuple[uuid.UUID, int], asyncio.Future[Questions | None]] = {}


async def load_contents(
    db: AsyncSession, keys: Sequence[ContentKey], *, tenant: Tenant, store: bool = True
) -> list[Questions]:
    """The content of each key's quiz: from the cache, or from a read of the same version
    already under way, or read now in one statement for the rest. What is read now goes
    to the cache under the version read with it (which may be newer than the key's)
    when ``store``; a read that doesn't store (a mutation's) is not shared either."""
    found: dict[int, Questions] = {}
    waiting: list[tuple[int, asyncio.Future[Questions | None]]] = []
    mine: list[int] = []
    for index, key in enumerate(keys):
        if store:
            cached = content_cache.get(key.quiz_id, key.version)
            if cached is not None:
                found[index] = cached
                continue
            pending = _reading.get((key.quiz_id, key.version))
            if pending is not None:
                waiting.append((index, pending))
                continue
        mine.append(index)
    await _read(db, keys, mine, found, tenant=tenant, store=store)
    again: list[int] = []
    for index, pending in waiting:
        # shielded: a waiter cancelled (its request gone) must not cancel the shared read
        shared = await asyncio.shield(pending)
        if shared is None:
            again.append(index)
        else:
            found[index] = shared
    await _read(db, keys, again, found, tenant=tenant, store=store)
    return [found[index] for index in range(len(keys))]


async def _read(
    db: AsyncSession,
    keys: Sequence[ContentKey],
    indexes: list[int],
    found: dict[int, Questions],
    *,
    tenant: Tenant,
    store: bool,
) -> None:
    """Read the content of ``keys[i]`` for each of ``indexes`` into ``found``, announcing
    the reads in ``_reading`` (when ``store``) until they are done."""
    if not indexes:
        return
    announced: dict[tuple[uuid.UUID, int], asyncio.Future[Questions | None]] = {}
    if store:
        loop = asyncio.get_running_loop()
        for index in indexes:
            name = (keys[index].quiz_id, keys[index].version)
            if name not in _reading:
                announced[name] = _reading[name] = loop.create_future()
    try:
        loaded = await repository.content_rows(db, [keys[i].quiz_id for i in indexes], tenant)
        if store:
            for quiz_id, content in loaded.items():
                content_cache.put(quiz_id, content)
        for index in indexes:
            # a quiz outside the tenant (or deleted meanwhile) has no content
            read = loaded.get(keys[index].quiz_id)
            found[index] = read.questions if read else ()
        for (quiz_id, _version), future in announced.items():
            read = loaded.get(quiz_id)
            future.set_result(read.questions if read else None)
    finally:
        for name, future in announced.items():
            if _reading.get(name) is future:
                del _reading[name]
            if not future.done():
                future.set_result(None)


# Each loader reads within the orgs the request's actor reaches (tenant scoping).


def quiz_by_id(info: Info[Any, Any]) -> DataLoader[uuid.UUID, Quiz | None]:
    return loader(info, "quizzes.quiz_by_id", partial(_quizzes, tenant=info.context.actor))


def content_by_quiz(info: Info[Any, Any]) -> DataLoader[ContentKey, Questions]:
    # a mutation's reads are neither stored nor shared: its transaction may have written
    # the content it reads and may still roll back (see app/quizzes/content.py)
    store = info.operation.operation is not OperationType.MUTATION
    batch = partial(load_contents, tenant=info.context.actor, store=store)
    return loader(info, "quizzes.content_by_quiz", batch)


def questions_of(info: Info[Any, Any], key: ContentKey) -> Questions | Awaitable[Questions]:
    """The questions (with options) of the quiz version ``key`` names, for a quiz row the
    request has read (and may show): from the cache, as they are, when that version is
    cached; otherwise through ``content_by_quiz``, batched with the rest of the page."""
    cached = content_cache.get(key.quiz_id, key.version)
    if cached is not None:
        return cached
    return content_by_quiz(info).load(key)


async def load_questions(info: Info[Any, Any], key: ContentKey) -> Questions:
    """``questions_of``, awaited (for resolvers that await other things anyway)."""
    found = questions_of(info, key)
    return found if isinstance(found, tuple) else await found
