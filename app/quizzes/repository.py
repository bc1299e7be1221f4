"""Queries for quizzes, questions and options, always within one org or by batch of ids.

Batch functions (``*_of``) serve the dataloaders: one statement for any number of ids.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from typing import Protocol, cast

from sqlalchemy import ColumnElement, delete, func
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession
from sqlmodel.sql.expression import SelectOfScalar

from app.access.tenancy import Tenant, get_scoped, scoped
from app.quizzes.drafts import QuestionDraft, QuizStatus
from app.quizzes.models import Option, Question, Quiz


async def by_id(
    db: AsyncSession, quiz_id: uuid.UUID, tenant: Tenant, *, for_update: bool = False
) -> Quiz | None:
    """The quiz with this id in the tenant, as committed now."""
    return await get_scoped(db, Quiz, quiz_id, tenant, for_update=for_update, fresh=True)


async def by_ids(db: AsyncSession, ids: Sequence[uuid.UUID], tenant: Tenant) -> list[Quiz]:
    query = scoped(select(Quiz).where(col(Quiz.id).in_(ids)), Quiz, tenant)
    return list((await db.exec(query)).all())


def listing(
    org_id: uuid.UUID,
    visible: ColumnElement[bool],
    *,
    status: QuizStatus | None = None,
    search: str | None = None,
) -> SelectOfScalar[Quiz]:
    """The org's quizzes ``visible`` (``QuizVisibility.clause``) keeps, newest first."""
    query = scoped(select(Quiz).where(visible), Quiz, org_id)
    if status is not None:
        query = query.where(Quiz.status == status)
    if search:
        query = query.where(func.lower(Quiz.title).like(_contains(search), escape="\\"))
    return query.order_by(col(Quiz.created_at).desc(), col(Quiz.id))


def _contains(search: str) -> str:
    escaped = search.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


async def questions_of(
    db: AsyncSession, quiz_ids: Sequence[uuid.UUID], tenant: Tenant
) -> list[Question]:
    found = await db.exec(
        scoped(
            select(Question).where(col(Question.quiz_id).in_(quiz_ids)), Question, tenant
        ).order_by(col(Question.quiz_id), col(Question.position))
    )
    return list(found.all())


class OptionView(Protocol):
    """What reading an option needs; plain rows, not ORM objects (a page of quizzes
    shows hundreds of options, and building ORM objects for them was most of its cost)."""

    id: uuid.UUID
    question_id: uuid.UUID
    text: str
    correct: bool


async def options_of(
    db: AsyncSession, question_ids: Sequence[uuid.UUID], tenant: Tenant
) -> list[OptionView]:
    found = await db.execute(
        scoped(
            select(col(Option.id), col(Option.question_id), col(Option.text), col(Option.correct)),
            Option,
            tenant,
        )
        .where(col(Option.question_id).in_(question_ids))
        .order_by(col(Option.question_id), col(Option.position))
    )
    return cast(list[OptionView], list(found.all()))


async def options_of_quiz(db: AsyncSession, quiz_id: uuid.UUID, tenant: Tenant) -> list[Option]:
    found = await db.exec(
        scoped(select(Option).where(Option.quiz_id == quiz_id), Option, tenant).order_by(
            col(Option.question_id), col(Option.position)
        )
    )
    return list(found.all())


async def replace_questions(
    db: AsyncSession, quiz: Quiz, questions: Sequence[QuestionDraft]
) -> None:
    """Delete the quiz's questions and options and write ``questions`` in their place."""
    await db.execute(
        scoped(delete(Option).where(col(Option.quiz_id) == quiz.id), Option, quiz.org_id)
    )
    await db.execute(
        scoped(delete(Question).where(col(Question.quiz_id) == quiz.id), Question, quiz.org_id)
    )
    rows = [_question_row(quiz, position, draft) for position, draft in enumerate(questions)]
    db.add_all(rows)
    await db.flush()  # questions first: without relationships, flush order isn't by foreign key
    db.add_all(
        Option(
            org_id=quiz.org_id,
            quiz_id=quiz.id,
            question_id=row.id,
            position=index,
            text=option.text,
            correct=option.correct,
        )
        for row, draft in zip(rows, questions, strict=True)
        for index, option in enumerate(draft.options)
    )
    quiz.question_count = len(questions)
    quiz.max_points = sum(draft.points for draft in questions)
    await db.flush()


def _question_row(quiz: Quiz, position: int, draft: QuestionDraft) -> Question:
    return Question(
        org_id=quiz.org_id,
        quiz_id=quiz.id,
        position=position,
        kind=draft.kind,
        prompt=draft.prompt,
        points=draft.points,
        explanation=draft.explanation,
        accepted_answers=list(draft.accepted_answers),
        numeric_value=draft.numeric_value,
        numeric_tolerance=draft.numeric_tolerance,
    )
