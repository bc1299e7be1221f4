"""GraphQL types for quizzes, split so answers can't leak.

``Quiz``, ``Question`` and ``Option`` have no answer fields at all: no correct flag, no
accepted answers, no explanation. Those are only on ``AuthoredQuestion`` and
``AuthoredOption``, reachable solely through ``Quiz.questionsWithAnswers``, which needs
quizzes:write. No fragment, alias or ``node(id:)`` can reach a field a type doesn't
have, and introspection only shows that the guarded field exists.

The types are handed light values, not instances of themselves: a ``QuizValue`` built
from the row the list (or a load by id) read, and the questions and options of
``app.quizzes.content`` (the same cached value serves ``Question`` and
``AuthoredQuestion``: what a client can read of it is the type's fields). Plain fields
are attributes of the value, read as they are; global ids are encoded when first read.
"""

from __future__ import annotations

import uuid
from collections.abc import Awaitable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Annotated, Any, ClassVar, TypeVar, cast, overload

import strawberry
from strawberry import relay
from strawberry.types import Info

from app.access.scopes import Scope
from app.analytics.queries import QuizStatisticsField
from app.core.clock import as_utc, utcnow
from app.core.errors import BadUserInput
from app.graphql.permissions import requires
from app.members.loaders import member_by_id
from app.members.types import Member
from app.quizzes.content import ContentKey, OptionValue, Questions, QuestionValue
from app.quizzes.drafts import MAX_QUESTIONS, AnswerReveal, QuestionKind
from app.quizzes.importers import ImportFormat
from app.quizzes.loaders import load_questions, questions_of
from app.quizzes.models import Quiz as QuizRow
from app.quizzes.models import QuizStatus
from app.quizzes.scoring import MULTIPLE_CHOICE_RULE
from app.quizzes.visibility import is_open

strawberry.enum(QuizStatus, description="Where a quiz is in its life: DRAFT, PUBLISHED, ARCHIVED.")
strawberry.enum(
    QuestionKind,
    description=(
        "How a question is answered and scored. SINGLE_CHOICE and TRUE_FALSE: full points "
        "for exactly the one correct option. MULTIPLE_CHOICE: " + MULTIPLE_CHOICE_RULE + " "
        "SHORT_ANSWER: full points when the text matches an accepted answer, ignoring case "
        "and surrounding spaces. NUMERIC: full points within the tolerance of the value."
    ),
)
strawberry.enum(ImportFormat, name="QuizImportFormat", description="File formats importQuiz reads.")
strawberry.enum(
    AnswerReveal,
    description=(
        "When a member's closed attempts show the right answers and explanations (authors "
        "always see them). NEVER. AFTER_LAST_ATTEMPT (the default): once the member can't "
        "add an answer that counts: no attempts left and none open, or the quiz closed or "
        "archived. AFTER_CLOSE: once the quiz's closing time has passed. AFTER_SUBMIT: right "
        "after each attempt, even when the member may retake the quiz and copy them."
    ),
)


@overload
def utc(value: datetime) -> datetime: ...
@overload
def utc(value: datetime | None) -> datetime | None: ...
def utc(value: datetime | None) -> datetime | None:
    """Timestamps leave in UTC with their offset (SQLite hands them back naive)."""
    return None if value is None else as_utc(value)


# A list's ``first`` bounds its query cost (app/graphql/complexity.py): without it a
# question list counts as the most a quiz can hold.
FirstQuestions = Annotated[
    int | None,
    strawberry.argument(
        description=f"Only the first N questions (0 to {MAX_QUESTIONS}); all when left out. "
        "Lowers the query's cost, which otherwise counts the most a quiz can hold."
    ),
]

T = TypeVar("T")


def _checked(first: int | None) -> int | None:
    if first is not None and not 0 <= first <= MAX_QUESTIONS:
        raise BadUserInput({"first": f"must be between 0 and {MAX_QUESTIONS}"})
    return first


def _first(items: Sequence[T], first: int | None) -> Sequence[T]:
    return items if first is None else items[:first]


async def _first_when_loaded(
    pending: Awaitable[Questions], first: int | None
) -> Sequence[QuestionValue]:
    return _first(await pending, first)


def option_gid(row_id: uuid.UUID) -> strawberry.ID:
    return strawberry.ID(str(relay.GlobalID("Option", str(row_id))))


# The types below are never instantiated: each reads a value's attributes (an
# ``OptionValue``, a ``QuestionValue``), which is what their resolvers return.


@strawberry.type(description="A choice of a question. Whether it is correct is never shown here.")
class Option:
    id: strawberry.ID = strawberry.field(description="Send it back in selectedOptionIds.")
    text: str = strawberry.field(description="The option's text.")


@strawberry.type(description="A question as a participant sees it: no answer, no explanation.")
class Question:
    id: strawberry.ID = strawberry.field(description="Send it back as an answer's questionId.")
    number: int = strawberry.field(description="Position in the quiz (or attempt), from 1.")
    kind: QuestionKind = strawberry.field(description="How it is answered and scored.")
    prompt: str = strawberry.field(description="The question's text.")
    points: float = strawberry.field(description="Points for a fully right answer.")
    options: tuple[OptionValue, ...] = strawberry.field(
        graphql_type=list[Option],
        description="The options of a choice question (empty for other kinds).",
    )


@strawberry.type(description="An option with its correctness, for quiz authors.")
class AuthoredOption:
    id: strawberry.ID = strawberry.field(description="The option's id.")
    text: str = strawberry.field(description="The option's text.")
    correct: bool = strawberry.field(description="Whether choosing it is right.")


@strawberry.type(description="A question with its answer and explanation, for quiz authors.")
class AuthoredQuestion:
    id: strawberry.ID = strawberry.field(description="The question's id.")
    number: int = strawberry.field(description="Position in the quiz, from 1.")
    kind: QuestionKind = strawberry.field(description="How it is answered and scored.")
    prompt: str = strawberry.field(description="The question's text.")
    points: float = strawberry.field(description="Points for a fully right answer.")
    explanation: str | None = strawberry.field(description="Shown after submission, if at all.")
    accepted_answers: tuple[str, ...] = strawberry.field(
        graphql_type=list[str], description="SHORT_ANSWER: right answers."
    )
    numeric_value: float | None = strawberry.field(description="NUMERIC: the right value.")
    numeric_tolerance: float = strawberry.field(description="NUMERIC: allowed difference.")
    options: tuple[OptionValue, ...] = strawberry.field(
        graphql_type=list[AuthoredOption], description="The options with their correctness."
    )


@dataclass(frozen=True, slots=True)
class QuizValue:
    """What ``Quiz`` reads: a quiz row's columns (``repository.LISTED_COLUMNS``), its
    timestamps in UTC, its id and global id made when first asked for."""

    # strawberry's marker for an object that stands for one of its types (it decides
    # ``is_type_of`` and the ``Node`` interface's type), set to ``Quiz`` below
    __as_strawberry_type__: ClassVar[type]

    row_id: uuid.UUID
    org_id: uuid.UUID
    title: str
    description: str | None
    status: QuizStatus
    version: int
    time_limit_seconds: int | None
    attempts_allowed: int | None
    pass_mark_percent: float | None
    shuffle_questions: bool
    shuffle_options: bool
    reveal_answers: AnswerReveal
    certificate_on_pass: bool
    opens_at: datetime | None
    closes_at: datetime | None
    question_count: int
    max_points: float
    created_by_id: uuid.UUID | None
    created_at: datetime
    updated_at: datetime
    published_at: datetime | None
    _id: str | None = field(default=None, init=False, repr=False, compare=False)

    @property
    def id(self) -> str:
        """The row id as text (``Quiz``'s ``NodeID``; Strawberry makes the global id)."""
        encoded = self._id
        if encoded is None:
            encoded = str(self.row_id)
            object.__setattr__(self, "_id", encoded)
        return encoded

    @property
    def reveal_answers_after_submit(self) -> bool:
        return self.reveal_answers is not AnswerReveal.NEVER

    @classmethod
    def from_columns(cls, row: Sequence[Any]) -> QuizValue:
        """A row of ``repository.LISTED_COLUMNS``."""
        (
            row_id,
            org_id,
            title,
            description,
            status,
            version,
            time_limit_seconds,
            attempts_allowed,
            pass_mark_percent,
            shuffle_questions,
            shuffle_options,
            reveal_answers,
            certificate_on_pass,
            opens_at,
            closes_at,
            question_count,
            max_points,
            created_by_id,
            created_at,
            updated_at,
            published_at,
        ) = row
        return cls(
            row_id,
            org_id,
            title,
            description,
            status,
            version,
            time_limit_seconds,
            attempts_allowed,
            pass_mark_percent,
            shuffle_questions,
            shuffle_options,
            reveal_answers,
            certificate_on_pass,
            utc(opens_at),
            utc(closes_at),
            question_count,
            max_points,
            created_by_id,
            utc(created_at),
            utc(updated_at),
            utc(published_at),
        )

    @classmethod
    def from_model(cls, row: QuizRow) -> QuizValue:
        """A quiz loaded as an ORM object (by id, or just changed by a mutation)."""
        return cls(
            row_id=row.id,
            org_id=row.org_id,
            title=row.title,
            description=row.description,
            status=row.status,
            version=row.version,
            time_limit_seconds=row.time_limit_seconds,
            attempts_allowed=row.attempts_allowed,
            pass_mark_percent=row.pass_mark_percent,
            shuffle_questions=row.shuffle_questions,
            shuffle_options=row.shuffle_options,
            reveal_answers=row.reveal_answers,
            certificate_on_pass=row.certificate_on_pass,
            opens_at=utc(row.opens_at),
            closes_at=utc(row.closes_at),
            question_count=row.question_count,
            max_points=row.max_points,
            created_by_id=row.created_by_id,
            created_at=utc(row.created_at),
            updated_at=utc(row.updated_at),
            published_at=utc(row.published_at),
        )


@strawberry.type(
    description="A quiz. Its answers are only on questionsWithAnswers (quizzes:write)."
)
class Quiz(relay.Node, QuizStatisticsField):
    """Declares the GraphQL type; the objects it resolves are ``QuizValue``s, which have
    every attribute declared here (``from_row``/``from_columns`` hand them out as
    ``Quiz`` for the connection and ``Node`` signatures; see ``as_quiz``)."""

    id: relay.NodeID[str]
    row_id: strawberry.Private[uuid.UUID]
    org_id: strawberry.Private[uuid.UUID]
    created_by_id: strawberry.Private[uuid.UUID | None]
    title: str = strawberry.field(description="The quiz's title.")
    description: str | None = strawberry.field(description="What the quiz is about.")
    status: QuizStatus = strawberry.field(description="DRAFT, PUBLISHED or ARCHIVED.")
    version: int = strawberry.field(description="Counts changes; attempts record theirs.")
    time_limit_seconds: int | None = strawberry.field(description="Per attempt; null: none.")
    attempts_allowed: int | None = strawberry.field(description="Per member; null: no limit.")
    pass_mark_percent: float | None = strawberry.field(description="Null: no pass mark.")
    shuffle_questions: bool = strawberry.field(description="Each attempt orders questions anew.")
    shuffle_options: bool = strawberry.field(description="Each attempt orders options anew.")
    reveal_answers: AnswerReveal = strawberry.field(
        description="When members see the right answers and explanations of closed attempts."
    )
    certificate_on_pass: bool = strawberry.field(
        description="Whether passing earns the member a certificate (once per member)."
    )
    reveal_answers_after_submit: bool = strawberry.field(
        description="Whether closed attempts ever show the answers (revealAnswers is not NEVER).",
        deprecation_reason="Use revealAnswers, which says when.",
    )
    opens_at: datetime | None = strawberry.field(description="No attempts before this time.")
    closes_at: datetime | None = strawberry.field(description="No attempts from this time on.")
    question_count: int = strawberry.field(description="How many questions it has.")
    max_points: float = strawberry.field(description="The points of all questions together.")
    created_at: datetime = strawberry.field(description="When it was created.")
    updated_at: datetime = strawberry.field(description="When it last changed.")
    published_at: datetime | None = strawberry.field(description="When it was published.")

    @classmethod
    def from_row(cls, row: QuizRow) -> Quiz:
        return as_quiz(QuizValue.from_model(row))

    @classmethod
    def from_columns(cls, row: Sequence[Any]) -> Quiz:
        return as_quiz(QuizValue.from_columns(row))

    @strawberry.field(
        description="Whether attempts can start now (published and within its times)."
    )
    def is_open(self) -> bool:
        return self.status is QuizStatus.PUBLISHED and is_open(self, utcnow())

    @strawberry.field(
        graphql_type=list[Question], description="The questions in quiz order, without answers."
    )
    def questions(
        self, info: Info, first: FirstQuestions = None
    ) -> Sequence[QuestionValue] | Awaitable[Sequence[QuestionValue]]:
        # synchronous when the content is cached: no awaitable for the executor to gather
        first = _checked(first)
        found = questions_of(info, ContentKey(self.row_id, self.version))
        if isinstance(found, tuple):
            return _first(found, first)
        return found if first is None else _first_when_loaded(found, first)

    @strawberry.field(
        graphql_type=list[AuthoredQuestion],
        description="The questions with answers and explanations. Needs quizzes:write.",
        permission_classes=[requires(Scope.QUIZZES_WRITE)],
    )
    async def questions_with_answers(
        self, info: Info, first: FirstQuestions = None
    ) -> Sequence[QuestionValue]:
        first = _checked(first)
        return _first(await load_questions(info, ContentKey(self.row_id, self.version)), first)

    @strawberry.field(
        description="Who created it (null once removed). Needs quizzes:write.",
        permission_classes=[requires(Scope.QUIZZES_WRITE)],
    )
    async def created_by(self, info: Info) -> Member | None:
        if self.created_by_id is None:
            return None
        member = await member_by_id(info).load(self.created_by_id)
        return Member.from_row(member) if member else None


QuizValue.__as_strawberry_type__ = Quiz


def as_quiz(value: QuizValue) -> Quiz:
    """``value`` where a ``Quiz`` is expected (a connection's nodes, ``node(id:)``, a
    payload). Strawberry resolves it as a ``Quiz`` (the marker above), and it has every
    attribute ``Quiz`` declares (tests/quizzes/test_values.py checks), so the resolvers
    written against ``Quiz`` read it as they would an instance."""
    return cast(Quiz, value)


@strawberry.type(description="A part of an imported file that was not imported.")
class ImportProblem:
    line: int | None = strawberry.field(description="1-based line in the file, when known.")
    message: str = strawberry.field(description="What was wrong, for the quiz author.")
