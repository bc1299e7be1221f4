"""DataLoaders for quiz relations: one statement per relation for a whole page of quizzes.

A quiz's content (questions with their options) comes from the process's cache when
the version the request read is published and cached (synchronously: no awaitable, no
statement), otherwise from one statement for every quiz of the page that missed.
"""

from __future__ import annotations

import uuid
from collections.abc import Awaitable, Sequence
from functools import partial
from typing import Any

from sqlmodel.ext.asyncio.session import AsyncSession
from strawberry.dataloader import DataLoader
from strawberry.types import Info

from app.access.tenancy import Tenant
from app.graphql.loaders import loader
from app.quizzes import repository
from app.quizzes.content import ContentKey, Questions, content_cache
from app.quizzes.drafts import QuizStatus
from app.quizzes.models import Quiz


async def _quizzes(
    db: AsyncSession, ids: Sequence[uuid.UUID], *, tenant: Tenant
) -> list[Quiz | None]:
    found = {quiz.id: quiz for quiz in await repository.by_ids(db, ids, tenant)}
    return [found.get(quiz_id) for quiz_id in ids]


async def load_contents(
    db: AsyncSession, keys: Sequence[ContentKey], *, tenant: Tenant
) -> list[Questions]:
    """The content of each key's quiz, read now in one statement; published versions go
    to the cache under the version read with them (which may be newer than the key's)."""
    loaded = await repository.content_rows(db, [key.quiz_id for key in keys], tenant)
    for quiz_id, found in loaded.items():
        content_cache.put(quiz_id, found)  # keeps published versions only
    # a quiz outside the tenant (or deleted meanwhile) has no content
    return [content.questions if (content := loaded.get(key.quiz_id)) else () for key in keys]


# Each loader reads within the orgs the request's actor reaches (tenant scoping).


def quiz_by_id(info: Info[Any, Any]) -> DataLoader[uuid.UUID, Quiz | None]:
    return loader(info, "quizzes.quiz_by_id", partial(_quizzes, tenant=info.context.actor))


def content_by_quiz(info: Info[Any, Any]) -> DataLoader[ContentKey, Questions]:
    batch = partial(load_contents, tenant=info.context.actor)
    return loader(info, "quizzes.content_by_quiz", batch)


def questions_of(info: Info[Any, Any], key: ContentKey) -> Questions | Awaitable[Questions]:
    """The questions (with options) of the quiz version ``key`` names, for a quiz row the
    request has read (and may show): from the cache, as they are, when that version is
    published and cached; otherwise through ``content_by_quiz``, batched with the rest of
    the page."""
    if key.status is QuizStatus.PUBLISHED:
        cached = content_cache.get(key.quiz_id, key.version)
        if cached is not None:
            return cached
    return content_by_quiz(info).load(key)


async def load_questions(info: Info[Any, Any], key: ContentKey) -> Questions:
    """``questions_of``, awaited (for resolvers that await other things anyway)."""
    found = questions_of(info, key)
    return found if isinstance(found, tuple) else await found
