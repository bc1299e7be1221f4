"""DataLoaders for quiz relations: one statement per relation for a whole page of quizzes."""

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
from app.graphql.loaders import loader
from app.quizzes import repository
from app.quizzes.models import Question, Quiz
from app.quizzes.repository import OptionView


async def _quizzes(
    db: AsyncSession, ids: Sequence[uuid.UUID], *, tenant: Tenant
) -> list[Quiz | None]:
    found = {quiz.id: quiz for quiz in await repository.by_ids(db, ids, tenant)}
    return [found.get(quiz_id) for quiz_id in ids]


async def _questions(
    db: AsyncSession, quiz_ids: Sequence[uuid.UUID], *, tenant: Tenant
) -> list[list[Question]]:
    grouped: dict[uuid.UUID, list[Question]] = defaultdict(list)
    for question in await repository.questions_of(db, quiz_ids, tenant):
        grouped[question.quiz_id].append(question)
    return [grouped.get(quiz_id, []) for quiz_id in quiz_ids]


async def _options(
    db: AsyncSession, question_ids: Sequence[uuid.UUID], *, tenant: Tenant
) -> list[list[OptionView]]:
    grouped: dict[uuid.UUID, list[OptionView]] = defaultdict(list)
    for option in await repository.options_of(db, question_ids, tenant):
        grouped[option.question_id].append(option)
    return [grouped.get(question_id, []) for question_id in question_ids]


# Each loader reads within the orgs the request's actor reaches (tenant scoping).


def quiz_by_id(info: Info[Any, Any]) -> DataLoader[uuid.UUID, Quiz | None]:
    return loader(info, "quizzes.quiz_by_id", partial(_quizzes, tenant=info.context.actor))


def questions_by_quiz(info: Info[Any, Any]) -> DataLoader[uuid.UUID, list[Question]]:
    return loader(info, "quizzes.questions_by_quiz", partial(_questions, tenant=info.context.actor))


def options_by_question(info: Info[Any, Any]) -> DataLoader[uuid.UUID, list[OptionView]]:
    return loader(info, "quizzes.options_by_question", partial(_options, tenant=info.context.actor))
