"""GraphQL types for quizzes, split so answers can't leak.

``Quiz``, ``Question`` and ``Option`` carry no answer data at all: no correct flag,
no accepted answers, no explanation. Those live only on ``AuthoredQuestion`` and
``AuthoredOption``, reachable solely through ``Quiz.questionsWithAnswers``, which
needs quizzes:write. No fragment, alias or ``node(id:)`` can reach a field a type
doesn't have, and introspection only shows that the guarded field exists.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated, overload

import strawberry
from strawberry import relay
from strawberry.types import Info

from app.access.scopes import Scope
from app.attempts.ordering import shuffled
from app.core.clock import as_utc, utcnow
from app.core.errors import BadUserInput
from app.graphql.permissions import requires
from app.members.loaders import member_by_id
from app.members.types import Member
from app.quizzes.drafts import MAX_QUESTIONS, AnswerReveal, QuestionKind
from app.quizzes.importers import ImportFormat
from app.quizzes.loaders import options_by_question, questions_by_quiz
from app.quizzes.models import Question as QuestionRow
from app.quizzes.models import Quiz as QuizRow
from app.quizzes.models import QuizStatus
from app.quizzes.repository import OptionView
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


def _first(rows: list[QuestionRow], first: int | None) -> list[QuestionRow]:
    if first is None:
        return rows
    if not 0 <= first <= MAX_QUESTIONS:
        raise BadUserInput({"first": f"must be between 0 and {MAX_QUESTIONS}"})
    return rows[:first]


def option_gid(row_id: uuid.UUID) -> strawberry.ID:
    return strawberry.ID(str(relay.GlobalID("Option", str(row_id))))


def question_gid(row_id: uuid.UUID) -> strawberry.ID:
    return strawberry.ID(str(relay.GlobalID("Question", str(row_id))))


@strawberry.type(description="A choice of a question. Whether it is correct is never shown here.")
class Option:
    id: strawberry.ID = strawberry.field(description="Send it back in selectedOptionIds.")
    text: str = strawberry.field(description="The option's text.")

    @classmethod
    def from_row(cls, row: OptionView) -> Option:
        return cls(id=option_gid(row.id), text=row.text)


@strawberry.type(description="A question as a participant sees it: no answer, no explanation.")
class Question:
    row_id: strawberry.Private[uuid.UUID]
    option_seed: strawberry.Private[int | None]
    id: strawberry.ID = strawberry.field(description="Send it back as an answer's questionId.")
    number: int = strawberry.field(description="Position in the quiz (or attempt), from 1.")
    kind: QuestionKind = strawberry.field(description="How it is answered and scored.")
    prompt: str = strawberry.field(description="The question's text.")
    points: float = strawberry.field(description="Points for a fully right answer.")

    @classmethod
    def from_row(cls, row: QuestionRow, number: int, option_seed: int | None = None) -> Question:
        return cls(
            row_id=row.id,
            option_seed=option_seed,
            id=question_gid(row.id),
            number=number,
            kind=row.kind,
            prompt=row.prompt,
            points=row.points,
        )

    @strawberry.field(description="The options of a choice question (empty for other kinds).")
    async def options(self, info: Info) -> list[Option]:
        rows = await options_by_question(info).load(self.row_id)
        return [Option.from_row(row) for row in shuffled(self.option_seed, rows)]


@strawberry.type(description="An option with its correctness, for quiz authors.")
class AuthoredOption:
    id: strawberry.ID = strawberry.field(description="The option's id.")
    text: str = strawberry.field(description="The option's text.")
    correct: bool = strawberry.field(description="Whether choosing it is right.")


@strawberry.type(description="A question with its answer and explanation, for quiz authors.")
class AuthoredQuestion:
    row: strawberry.Private[QuestionRow]
    id: strawberry.ID = strawberry.field(description="The question's id.")
    number: int = strawberry.field(description="Position in the quiz, from 1.")
    kind: QuestionKind = strawberry.field(description="How it is answered and scored.")
    prompt: str = strawberry.field(description="The question's text.")
    points: float = strawberry.field(description="Points for a fully right answer.")
    explanation: str | None = strawberry.field(description="Shown after submission, if at all.")
    accepted_answers: list[str] = strawberry.field(description="SHORT_ANSWER: right answers.")
    numeric_value: float | None = strawberry.field(description="NUMERIC: the right value.")
    numeric_tolerance: float = strawberry.field(description="NUMERIC: allowed difference.")

    @classmethod
    def from_row(cls, row: QuestionRow) -> AuthoredQuestion:
        return cls(
            row=row,
            id=question_gid(row.id),
            number=row.position + 1,
            kind=row.kind,
            prompt=row.prompt,
            points=row.points,
            explanation=row.explanation,
            accepted_answers=list(row.accepted_answers),
            numeric_value=row.numeric_value,
            numeric_tolerance=row.numeric_tolerance,
        )

    @strawberry.field(description="The options with their correctness.")
    async def options(self, info: Info) -> list[AuthoredOption]:
        rows = await options_by_question(info).load(self.row.id)
        return [AuthoredOption(id=option_gid(r.id), text=r.text, correct=r.correct) for r in rows]


@strawberry.type(
    description="A quiz. Its answers are only on questionsWithAnswers (quizzes:write)."
)
class Quiz(relay.Node):
    id: relay.NodeID[str]
    org_id: strawberry.Private[uuid.UUID]
    row: strawberry.Private[QuizRow]
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
        return cls(
            id=str(row.id),
            org_id=row.org_id,
            row=row,
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
            reveal_answers_after_submit=row.reveal_answers is not AnswerReveal.NEVER,
            opens_at=utc(row.opens_at),
            closes_at=utc(row.closes_at),
            question_count=row.question_count,
            max_points=row.max_points,
            created_at=utc(row.created_at),
            updated_at=utc(row.updated_at),
            published_at=utc(row.published_at),
        )

    @strawberry.field(
        description="Whether attempts can start now (published and within its times)."
    )
    def is_open(self) -> bool:
        return self.row.status is QuizStatus.PUBLISHED and is_open(self.row, utcnow())

    @strawberry.field(description="The questions in quiz order, without answers.")
    async def questions(self, info: Info, first: FirstQuestions = None) -> list[Question]:
        rows = _first(await questions_by_quiz(info).load(self.row.id), first)
        return [Question.from_row(row, row.position + 1) for row in rows]

    @strawberry.field(
        description="The questions with answers and explanations. Needs quizzes:write.",
        permission_classes=[requires(Scope.QUIZZES_WRITE)],
    )
    async def questions_with_answers(
        self, info: Info, first: FirstQuestions = None
    ) -> list[AuthoredQuestion]:
        rows = _first(await questions_by_quiz(info).load(self.row.id), first)
        return [AuthoredQuestion.from_row(row) for row in rows]

    @strawberry.field(
        description="Who created it (null once removed). Needs quizzes:write.",
        permission_classes=[requires(Scope.QUIZZES_WRITE)],
    )
    async def created_by(self, info: Info) -> Member | None:
        if self.row.created_by_id is None:
            return None
        member = await member_by_id(info).load(self.row.created_by_id)
        return Member.from_row(member) if member else None


@strawberry.type(description="A part of an imported file that was not imported.")
class ImportProblem:
    line: int | None = strawberry.field(description="1-based line in the file, when known.")
    message: str = strawberry.field(description="What was wrong, for the quiz author.")
