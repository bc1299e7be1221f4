"""Queries for quizzes, questions and options, always within one org or by batch of ids.

Batch functions (``*_of``) serve the dataloaders: one statement for any number of ids.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import datetime
from typing import Protocol, cast

from sqlalchemy import ColumnElement, delete, func, or_
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession
from sqlmodel.sql.expression import SelectOfScalar

from app.attempts.models import Attempt
from app.quizzes.drafts import QuestionDraft
from app.quizzes.models import Option, Question, Quiz, QuizStatus


async def by_id(db: AsyncSession, quiz_id: uuid.UUID, *, for_update: bool = False) -> Quiz | None:
    """The quiz with this id in any org; callers check the actor may reach its org."""
    query = select(Quiz).where(Quiz.id == quiz_id)
    if for_update:
        query = query.with_for_update()
    return (await db.exec(query.execution_options(populate_existing=True))).first()


async def by_ids(db: AsyncSession, ids: Sequence[uuid.UUID]) -> list[Quiz]:
    return list((await db.exec(select(Quiz).where(col(Quiz.id).in_(ids)))).all())


def listing(
    org_id: uuid.UUID,
    *,
    status: QuizStatus | None = None,
    search: str | None = None,
    open_at: datetime | None = None,
) -> SelectOfScalar[Quiz]:
    """Quizzes of the org, newest first; ``open_at`` keeps published quizzes open then."""
    query = select(Quiz).where(Quiz.org_id == org_id)
    if status is not None:
        query = query.where(Quiz.status == status)
    if open_at is not None:
        query = query.where(Quiz.status == QuizStatus.PUBLISHED, *open_conditions(open_at))
    if search:
        query = query.where(func.lower(Quiz.title).like(_contains(search), escape="\\"))
    return query.order_by(col(Quiz.created_at).desc(), col(Quiz.id))


def open_conditions(now: datetime) -> tuple[ColumnElement[bool], ...]:
    return (
        or_(col(Quiz.opens_at).is_(None), col(Quiz.opens_at) <= now),
        or_(col(Quiz.closes_at).is_(None), col(Quiz.closes_at) > now),
    )


def _contains(search: str) -> str:
    escaped = search.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


async def questions_of(db: AsyncSession, quiz_ids: Sequence[uuid.UUID]) -> list[Question]:
    found = await db.exec(
        select(Question)
        .where(col(Question.quiz_id).in_(quiz_ids))
        .order_by(col(Question.quiz_id), col(Question.position))
    )
    return list(found.all())


class OptionView(Protocol):
    """What reading an option needs; plain rows, not ORM objects (a page of quizzes
    shows hundreds of options, and building ORM objects for them was most of its cost)."""

    id: uuid.UUID
    question_id: uuid.UUID
    text: str
    correct: bool


async def options_of(db: AsyncSession, question_ids: Sequence[uuid.UUID]) -> list[OptionView]:
    found = await db.execute(
        select(col(Option.id), col(Option.question_id), col(Option.text), col(Option.correct))
        .where(col(Option.question_id).in_(question_ids))
        .order_by(col(Option.question_id), col(Option.position))
    )
    return cast(list[OptionView], list(found.all()))


async def options_of_quiz(db: AsyncSession, quiz_id: uuid.UUID) -> list[Option]:
    found = await db.exec(
        select(Option)
        .where(Option.quiz_id == quiz_id)
        .order_by(col(Option.question_id), col(Option.position))
    )
    return list(found.all())


async def has_attempts(db: AsyncSession, quiz_id: uuid.UUID) -> bool:
    found = await db.exec(select(Attempt.id).where(Attempt.quiz_id == quiz_id).limit(1))
    return found.first() is not None


async def replace_questions(
    db: AsyncSession, quiz: Quiz, questions: Sequence[QuestionDraft]
) -> None:
    """Delete the quiz's questions and options and write ``questions`` in their place."""
    await db.execute(delete(Option).where(col(Option.quiz_id) == quiz.id))
    await db.execute(delete(Question).where(col(Question.quiz_id) == quiz.id))
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
