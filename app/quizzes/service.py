"""The rules for quizzes.

- quizzes:read reads; quizzes:write authors (create, import, update, publish, archive).
- Who sees which quiz is ``visibility.QuizVisibility``'s to say: without quizzes:write,
  published quizzes inside their opening window only, and never answers; another
  org's quiz, or one the actor may not see, is NOT_FOUND.
- Once a quiz has attempts its questions (and shuffling) are locked: CONFLICT, with
  ``duplicateQuiz`` offered for an editable copy. Archived quizzes don't change.
- Publishing needs a quiz ``publish_problems`` has nothing to say about.
Every change writes the audit log; creation also emits ``quiz.created``.
"""

from __future__ import annotations

import dataclasses
import uuid
from dataclasses import dataclass, field
from datetime import datetime
from functools import partial
from pathlib import PurePath
from typing import Any

import anyio.to_thread
from sqlalchemy import Select
from strawberry import relay

from app.access.request import ServiceContext
from app.access.scopes import Scope
from app.access.tenancy import require_found
from app.audit import service as audit
from app.core.clock import as_utc, utcnow
from app.core.errors import BadUserInput, Conflict, NotFound
from app.events.bus import QUIZ_CREATED, Event
from app.quizzes import repository
from app.quizzes.catalog import QUIZ_ARCHIVED, QUIZ_IMPORT_PROBLEMS
from app.quizzes.checks import check_draft
from app.quizzes.content import content_cache
from app.quizzes.drafts import OptionDraft, QuestionDraft, QuizDraft, publish_problems
from app.quizzes.importers import ImportFormat, ImportResult, detect_format, parse_quiz
from app.quizzes.models import Option, Question, Quiz, QuizStatus
from app.quizzes.repository import OptionView
from app.quizzes.visibility import QuizVisibility

IMPORT_PROBLEMS_IN_EVENT = 3  # the first problems an event carries, as text

LOCKED_SETTINGS = frozenset({"shuffle_questions", "shuffle_options"})
LOCKED_MESSAGE = (
    "This quiz has attempts, so its questions can no longer change. "
    "Use duplicateQuiz to make an editable copy."
)


@dataclass(frozen=True, slots=True)
class QuizChanges:
    """An update: ``settings`` maps column names to new values; questions replace all."""

    settings: dict[str, Any] = field(default_factory=dict)
    questions: tuple[QuestionDraft, ...] | None = None


async def get_readable(sc: ServiceContext, quiz_id: uuid.UUID, *, for_update: bool = False) -> Quiz:
    """A quiz the actor may read (quizzes:read and ``QuizVisibility``), else NOT_FOUND."""
    quiz = await repository.by_id(sc.db, quiz_id, sc.actor, for_update=for_update)
    quiz = require_found(sc.actor, Scope.QUIZZES_READ, quiz)
    if not QuizVisibility(sc.actor, utcnow()).allows(quiz):
        raise NotFound()
    return quiz


async def get_visible(
    sc: ServiceContext, quiz_id: uuid.UUID, org_id: uuid.UUID, *, for_update: bool = False
) -> Quiz:
    """A quiz of ``org_id`` ``QuizVisibility`` shows the actor, else NOT_FOUND; the
    caller has checked the scope its operation needs (a board: leaderboard:read)."""
    quiz = await repository.by_id(sc.db, quiz_id, org_id, for_update=for_update)
    if quiz is None or not QuizVisibility(sc.actor, utcnow()).allows(quiz):
        raise NotFound()
    return quiz


async def get_writable(sc: ServiceContext, quiz_id: uuid.UUID) -> Quiz:
    return require_found(
        sc.actor,
        Scope.QUIZZES_WRITE,
        await repository.by_id(sc.db, quiz_id, sc.actor, for_update=True),
    )


def listing(
    sc: ServiceContext,
    org_id: uuid.UUID,
    *,
    status: QuizStatus | None = None,
    search: str | None = None,
) -> Select[Any]:
    """The org's quizzes the actor sees (``QuizVisibility``), newest first, as rows of
    ``repository.LISTED_COLUMNS``."""
    visible = QuizVisibility(sc.actor, utcnow()).clause(org_id)
    return repository.listing(org_id, visible, status=status, search=search)


@dataclass(frozen=True, slots=True)
class QuizContent:
    """A quiz with its questions and options, as taking and scoring it need them."""

    quiz: Quiz
    questions: list[Question]
    options: list[Option]


async def content_of(sc: ServiceContext, quiz: Quiz) -> QuizContent:
    """``quiz``'s questions (in order) and options, for a quiz the caller has loaded."""
    questions = await repository.questions_of(sc.db, [quiz.id], quiz.org_id)
    options = await repository.options_of_quiz(sc.db, quiz.id, quiz.org_id)
    return QuizContent(quiz, questions, options)


async def quiz_of_record(sc: ServiceContext, quiz_id: uuid.UUID, org_id: uuid.UUID) -> Quiz:
    """A quiz that a record of the org (an attempt) points at, whoever may see it now:
    attempts are deleted with their quiz, so it exists."""
    quiz = await repository.by_id(sc.db, quiz_id, org_id)
    assert quiz is not None, "attempts are deleted with their quiz"
    return quiz


async def closed_between(
    sc: ServiceContext, since: datetime, until: datetime, limit: int, offset: int = 0
) -> list[Quiz]:
    """Every org's published quizzes that closed in [since, until), for the server's own
    notifications (no scope is checked: nothing is shown to anyone from here)."""
    return await repository.closed_between(sc.db, since, until, limit, offset)


async def questions_of(sc: ServiceContext, quiz: Quiz) -> list[Question]:
    return await repository.questions_of(sc.db, [quiz.id], quiz.org_id)


async def options_of(sc: ServiceContext, quiz: Quiz) -> list[Option]:
    return await repository.options_of_quiz(sc.db, quiz.id, quiz.org_id)


async def option_views(
    sc: ServiceContext, quiz: Quiz, questions: list[Question]
) -> list[OptionView]:
    """The options of ``questions`` (of ``quiz``), as plain rows."""
    return await repository.options_of(sc.db, [question.id for question in questions], quiz.org_id)


async def create_quiz(
    sc: ServiceContext,
    org_id: uuid.UUID,
    draft: QuizDraft,
    *,
    opens_at: datetime | None = None,
    closes_at: datetime | None = None,
    action: str = "quiz.created",
    details: dict[str, Any] | None = None,
) -> Quiz:
    sc.actor.require(Scope.QUIZZES_WRITE, org_id)
    draft = dataclasses.replace(draft, title=draft.title.strip())
    check_draft(draft, opens_at, closes_at)
    quiz = Quiz(
        org_id=org_id,
        created_by_id=sc.actor.member_id,
        opens_at=opens_at,
        closes_at=closes_at,
        **_settings_of(draft),
    )
    sc.db.add(quiz)
    await sc.db.flush()
    await repository.replace_questions(sc.db, quiz, draft.questions)
    await audit.record(
        sc,
        action,
        target_type="Quiz",
        target_id=quiz.id,
        org_id=org_id,
        details={"title": quiz.title, "questions": quiz.question_count, **(details or {})},
    )
    sc.events.append(
        Event(
            QUIZ_CREATED,
            org_id,
            {
                "quizId": global_id("Quiz", quiz.id),
                "title": quiz.title,
                "questionCount": quiz.question_count,
                "createdById": global_id("Member", quiz.created_by_id),
            },
        )
    )
    return quiz


async def update_quiz(sc: ServiceContext, quiz_id: uuid.UUID, changes: QuizChanges) -> Quiz:
    quiz = await get_writable(sc, quiz_id)
    if quiz.status is QuizStatus.ARCHIVED:
        raise Conflict("An archived quiz can't change; duplicate it instead.", reason="ARCHIVED")
    touches_content = changes.questions is not None or bool(
        LOCKED_SETTINGS & changes.settings.keys()
    )
    if touches_content and await _has_attempts(sc, quiz):
        raise Conflict(LOCKED_MESSAGE, reason="QUIZ_LOCKED")
    current = await draft_of(sc, quiz)
    merged = dataclasses.replace(
        current,
        questions=changes.questions if changes.questions is not None else current.questions,
        **{k: v for k, v in changes.settings.items() if k in _DRAFT_FIELDS},
    )
    merged = dataclasses.replace(merged, title=merged.title.strip())
    opens_at = _utc(changes.settings.get("opens_at", quiz.opens_at))
    closes_at = _utc(changes.settings.get("closes_at", quiz.closes_at))
    check_draft(merged, opens_at, closes_at)
    if quiz.status is QuizStatus.PUBLISHED:
        _require_publishable(merged)
    for name, value in {
        **_settings_of(merged),
        "opens_at": opens_at,
        "closes_at": closes_at,
    }.items():
        setattr(quiz, name, value)
    if changes.questions is not None:
        await repository.replace_questions(sc.db, quiz, changes.questions)
    # Every change of content comes here and moves the version with it, in the same
    # transaction: cached content is keyed by version (app/quizzes/content.py).
    quiz.version += 1
    content_cache.forget(quiz.id)
    quiz.updated_at = utcnow()
    sc.db.add(quiz)
    await audit.record(
        sc,
        "quiz.updated",
        target_type="Quiz",
        target_id=quiz.id,
        org_id=quiz.org_id,
        details={
            "title": quiz.title,
            "changed": sorted(changes.settings) + (["questions"] if changes.questions else []),
            "version": quiz.version,
        },
    )
    return quiz


async def publish_quiz(sc: ServiceContext, quiz_id: uuid.UUID) -> Quiz:
    quiz = await get_writable(sc, quiz_id)
    if quiz.status is QuizStatus.PUBLISHED:
        return quiz
    if quiz.status is QuizStatus.ARCHIVED:
        raise Conflict("An archived quiz can't be published again.", reason="ARCHIVED")
    _require_publishable(await draft_of(sc, quiz))
    return await _set_status(sc, quiz, QuizStatus.PUBLISHED, "quiz.published")


async def archive_quiz(sc: ServiceContext, quiz_id: uuid.UUID) -> Quiz:
    quiz = await get_writable(sc, quiz_id)
    if quiz.status is QuizStatus.ARCHIVED:
        return quiz
    await _set_status(sc, quiz, QuizStatus.ARCHIVED, "quiz.archived")
    sc.events.append(
        Event(
            QUIZ_ARCHIVED,
            quiz.org_id,
            {
                "quizId": global_id("Quiz", quiz.id),
                "title": quiz.title,
                "createdById": global_id("Member", quiz.created_by_id),
                "archivedById": global_id("Member", sc.actor.member_id),
            },
        )
    )
    return quiz


async def duplicate_quiz(sc: ServiceContext, quiz_id: uuid.UUID, title: str | None) -> Quiz:
    """An editable draft copy of a quiz (its content and settings, not its attempts)."""
    source = await get_writable(sc, quiz_id)
    draft = await draft_of(sc, source)
    draft = dataclasses.replace(draft, title=title or f"Copy of {draft.title}"[:200])
    return await create_quiz(
        sc,
        source.org_id,
        draft,
        opens_at=source.opens_at,
        closes_at=source.closes_at,
        action="quiz.duplicated",
        details={"sourceQuizId": str(source.id)},
    )


async def import_quiz(
    sc: ServiceContext,
    org_id: uuid.UUID,
    data: bytes,
    fmt: ImportFormat | None,
    *,
    filename: str | None,
    title: str | None,
    pasted: bool = False,
) -> tuple[Quiz | None, ImportResult, ImportFormat]:
    """Parse (in a thread: it is CPU work) and store the draft in the caller's transaction.

    The format is detected from the file when not named; the file's name (without its
    extension) is the title when neither the file nor the caller gives one. ``pasted``:
    the data was pasted into the import form, and the problems call it "pasted text"."""
    sc.actor.require(Scope.QUIZZES_WRITE, org_id)
    fmt = fmt or detect_format(filename, data)
    if fmt is None:
        source = "pasted text" if pasted else "file"
        raise BadUserInput({"format": f"could not be detected from the {source}; choose one"})
    title_hint = PurePath(filename).stem if filename else None
    result = await anyio.to_thread.run_sync(
        partial(parse_quiz, data, fmt, title_hint=title_hint, pasted=pasted)
    )
    if result.draft is None:
        _announce_import_problems(sc, org_id, None, result, fmt, filename)
        return None, result, fmt
    draft = result.draft if not title else dataclasses.replace(result.draft, title=title)
    quiz = await create_quiz(
        sc,
        org_id,
        draft,
        action="quiz.imported",
        details={"format": fmt.value, "problems": len(result.problems)},
    )
    _announce_import_problems(sc, org_id, quiz, result, fmt, filename)
    return quiz, result, fmt


def _announce_import_problems(
    sc: ServiceContext,
    org_id: uuid.UUID,
    quiz: Quiz | None,
    result: ImportResult,
    fmt: ImportFormat,
    filename: str | None,
) -> None:
    """An import that left something out is told to its importer after the commit."""
    if not result.problems:
        return
    sc.events.append(
        Event(
            QUIZ_IMPORT_PROBLEMS,
            org_id,
            {
                "quizId": global_id("Quiz", quiz.id) if quiz else None,
                "title": quiz.title if quiz else None,
                "memberId": global_id("Member", sc.actor.member_id),
                "format": fmt.value,
                "filename": filename,
                "importedQuestions": result.imported_questions,
                "problems": len(result.problems),
                "firstProblems": [str(p) for p in result.problems[:IMPORT_PROBLEMS_IN_EVENT]],
            },
        )
    )


async def draft_of(sc: ServiceContext, quiz: Quiz) -> QuizDraft:
    """The stored quiz as a draft, to check or copy it."""
    content = await content_of(sc, quiz)
    return to_draft(quiz, content.questions, content.options)


def to_draft(quiz: Quiz, questions: list[Question], options: list[Option]) -> QuizDraft:
    by_question: dict[uuid.UUID, list[OptionDraft]] = {}
    for option in options:
        by_question.setdefault(option.question_id, []).append(
            OptionDraft(option.text, option.correct)
        )
    return QuizDraft(
        title=quiz.title,
        description=quiz.description,
        time_limit_seconds=quiz.time_limit_seconds,
        attempts_allowed=quiz.attempts_allowed,
        pass_mark_percent=quiz.pass_mark_percent,
        shuffle_questions=quiz.shuffle_questions,
        shuffle_options=quiz.shuffle_options,
        reveal_answers=quiz.reveal_answers,
        certificate_on_pass=quiz.certificate_on_pass,
        questions=tuple(
            QuestionDraft(
                kind=question.kind,
                prompt=question.prompt,
                points=question.points,
                explanation=question.explanation,
                options=tuple(by_question.get(question.id, ())),
                accepted_answers=tuple(question.accepted_answers),
                numeric_value=question.numeric_value,
                numeric_tolerance=question.numeric_tolerance,
            )
            for question in questions
        ),
    )


async def _has_attempts(sc: ServiceContext, quiz: Quiz) -> bool:
    # Attempts build on quizzes (their service imports this one at load time), so this
    # one question asked the other way is imported when asked.
    from app.attempts import service as attempts

    return await attempts.quiz_has_attempts(sc, quiz.id, quiz.org_id)


def global_id(type_name: str, row_id: uuid.UUID | None) -> str | None:
    return None if row_id is None else str(relay.GlobalID(type_name, str(row_id)))


_DRAFT_FIELDS = frozenset(f.name for f in dataclasses.fields(QuizDraft)) - {"questions"}


def _settings_of(draft: QuizDraft) -> dict[str, Any]:
    return {name: getattr(draft, name) for name in _DRAFT_FIELDS}


def _utc(value: datetime | None) -> datetime | None:
    return None if value is None else as_utc(value)


def _require_publishable(draft: QuizDraft) -> None:
    problems = publish_problems(draft)
    if problems:
        raise Conflict(
            "The quiz can't be published: " + "; ".join(problems) + ".",
            reason="NOT_PUBLISHABLE",
            problems=problems,
        )


async def _set_status(sc: ServiceContext, quiz: Quiz, status: QuizStatus, action: str) -> Quiz:
    now = utcnow()
    quiz.status = status
    quiz.updated_at = now
    if status is QuizStatus.PUBLISHED:
        quiz.published_at = now
    if status is QuizStatus.ARCHIVED:
        quiz.archived_at = now
    sc.db.add(quiz)
    await audit.record(
        sc,
        action,
        target_type="Quiz",
        target_id=quiz.id,
        org_id=quiz.org_id,
        details={"title": quiz.title},
    )
    return quiz
