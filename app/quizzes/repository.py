"""Queries for quizzes, questions and options, always within one org or by batch of ids.

Batch functions (``*_of``) serve the dataloaders: one statement for any number of ids.
Read paths (the quiz list, quiz content) select columns and hand back plain rows, not
ORM objects: a page of 20 quizzes shows a thousand questions and options, and building
ORM (and pydantic) instances for them was most of its cost.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import datetime
from typing import Any, Protocol, cast

import sqlalchemy as sa
from sqlalchemy import ColumnElement, Select, and_, delete, func
from sqlalchemy.sql.elements import SQLCoreOperations
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from app.access.tenancy import Tenant, across_orgs, get_scoped, scoped
from app.quizzes.content import LoadedContent, assemble
from app.quizzes.drafts import QuestionDraft, QuizStatus
from app.quizzes.models import Option, Question, Quiz


async def by_id(
    db: AsyncSession, quiz_id: uuid.UUID, tenant: Tenant, *, for_update: bool = False
) -> Quiz | None:
    """The quiz with this id in the tenant; ``for_update`` locks it and reads it as
    committed now, otherwise a row the session already holds is answered as it is."""
    return await get_scoped(db, Quiz, quiz_id, tenant, for_update=for_update)


async def by_ids(db: AsyncSession, ids: Sequence[uuid.UUID], tenant: Tenant) -> list[Quiz]:
    query = scoped(select(Quiz).where(col(Quiz.id).in_(ids)), Quiz, tenant)
    return list((await db.exec(query)).all())


# What the quiz list reads of a quiz, in this order (``types.QuizValue.from_columns``
# unpacks it): every column the ``Quiz`` type shows, none it doesn't (``archived_at``).
LISTED_COLUMNS: tuple[SQLCoreOperations[Any], ...] = (
    col(Quiz.id),
    col(Quiz.org_id),
    col(Quiz.title),
    col(Quiz.description),
    col(Quiz.status),
    col(Quiz.version),
    col(Quiz.time_limit_seconds),
    col(Quiz.attempts_allowed),
    col(Quiz.pass_mark_percent),
    col(Quiz.shuffle_questions),
    col(Quiz.shuffle_options),
    col(Quiz.reveal_answers),
    col(Quiz.certificate_on_pass),
    col(Quiz.opens_at),
    col(Quiz.closes_at),
    col(Quiz.question_count),
    col(Quiz.max_points),
    col(Quiz.created_by_id),
    col(Quiz.created_at),
    col(Quiz.updated_at),
    col(Quiz.published_at),
)


async def closed_between(
    db: AsyncSession, since: datetime, until: datetime, limit: int, offset: int = 0
) -> list[Quiz]:
    """Published quizzes of every org whose closing time fell in [since, until),
    soonest first (the notifications sweep tells each quiz's owner)."""
    found = await db.exec(
        across_orgs(
            select(Quiz)
            .where(
                col(Quiz.status) == QuizStatus.PUBLISHED,
                col(Quiz.closes_at) >= since,
                col(Quiz.closes_at) < until,
            )
            .order_by(col(Quiz.closes_at), col(Quiz.id))
            .offset(offset)
            .limit(limit),
            "the notifications sweep tells every org's quiz owners of quizzes that closed",
        )
    )
    return list(found.all())


def listing(
    org_id: uuid.UUID,
    visible: ColumnElement[bool],
    *,
    status: QuizStatus | None = None,
    search: str | None = None,
) -> Select[Any]:
    """The org's quizzes ``visible`` (``QuizVisibility.clause``) keeps, newest first, as
    rows of ``LISTED_COLUMNS``."""
    query = scoped(sa.select(*LISTED_COLUMNS).where(visible), Quiz, org_id)
    if status is not None:
        query = query.where(col(Quiz.status) == status)
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


async def content_rows(
    db: AsyncSession, quiz_ids: Sequence[uuid.UUID], tenant: Tenant
) -> dict[uuid.UUID, LoadedContent]:
    """The questions and options of these quizzes, with each quiz's version, in one
    statement: one snapshot, so the version read is the content's version (the
    content cache relies on it). Quizzes outside the tenant are left out."""
    return assemble((await db.execute(content_query(quiz_ids, tenant))).all())


def raw(column: Any) -> Any:
    """``column`` as the driver returns it, without SQLAlchemy's conversion."""
    return sa.type_coerce(column, sa.Unicode).label(None)


def content_query(quiz_ids: Sequence[uuid.UUID], tenant: Tenant) -> Select[Any]:
    """Every quiz with its questions and their options (outer joins: a quiz without
    questions, a question without options still come), in quiz and position order."""
    questions = scoped(
        sa.select(
            col(Question.id),
            col(Question.quiz_id),
            col(Question.position),
            col(Question.kind),
            col(Question.prompt),
            col(Question.points),
            col(Question.explanation),
            col(Question.accepted_answers),
            col(Question.numeric_value),
            col(Question.numeric_tolerance),
        ).where(col(Question.quiz_id).in_(quiz_ids)),
        Question,
        tenant,
    ).cte("question")
    options = scoped(
        sa.select(
            col(Option.id),
            col(Option.quiz_id),
            col(Option.question_id),
            col(Option.position),
            col(Option.text),
            col(Option.correct),
        ).where(col(Option.quiz_id).in_(quiz_ids)),
        Option,
        tenant,
    ).cte("option")
    # PostgreSQL reads each once and joins them by hash: inlined, on tables it has no
    # statistics for yet (just after a bulk load), it looked the options up through
    # their org_id index once per question (0.7 s for 20 quizzes among 10,000; 20 ms so)
    questions = questions.prefix_with("MATERIALIZED", dialect="postgresql")
    options = options.prefix_with("MATERIALIZED", dialect="postgresql")
    q, o = questions.c, options.c
    return scoped(
        # in the order ``content.assemble`` reads; ids and JSON as the driver gives them
        # (``assemble`` converts each once: a question's columns repeat on every option)
        sa.select(
            raw(col(Quiz.id)),
            col(Quiz.version),
            raw(q.id),
            q.position,
            q.kind,
            q.prompt,
            q.points,
            q.explanation,
            raw(q.accepted_answers),
            q.numeric_value,
            q.numeric_tolerance,
            raw(o.id),
            o.text,
            o.correct,
        )
        .select_from(Quiz)
        .outerjoin(questions, q.quiz_id == Quiz.id)
        # o.quiz_id too: without table statistics SQLite would otherwise look the options
        # up through their org_id index (all of the org's options) for every question
        .outerjoin(options, and_(o.question_id == q.id, o.quiz_id == q.quiz_id))
        .where(col(Quiz.id).in_(quiz_ids)),
        Quiz,
        tenant,
    ).order_by(col(Quiz.id), q.position, o.position)


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
