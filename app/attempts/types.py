"""GraphQL types for attempts.

An attempt shows its questions in its own order, never with answers. Once closed it
shows, per question, what was given, the points and whether it was right; the right
answers and explanations (``revealed``) only when the quiz's ``revealAnswers`` allows it
(``attempts.service.answers_revealed``), or to quiz authors.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

import strawberry
from strawberry import relay
from strawberry.types import Info

from app.attempts.loaders import answers_by_attempt
from app.attempts.models import Attempt as AttemptRow
from app.attempts.models import AttemptAnswer, AttemptStatus
from app.attempts.ordering import option_seed, question_order
from app.attempts.service import answers_revealed
from app.core.clock import utcnow
from app.members.loaders import member_by_id
from app.quizzes.loaders import options_by_question, questions_by_quiz, quiz_by_id
from app.quizzes.types import Question, Quiz, option_gid, utc
from app.quizzes.visibility import QuizVisibility

if TYPE_CHECKING:
    from app.quizzes.models import Question as QuestionRow
    from app.quizzes.models import Quiz as QuizRow

strawberry.enum(
    AttemptStatus,
    description="IN_PROGRESS; SUBMITTED by its owner; or EXPIRED: closed at its deadline.",
)


@strawberry.type(description="Who took an attempt.")
class Participant:
    id: strawberry.ID = strawberry.field(description="The member's id.")
    username: str = strawberry.field(description="The member's username.")
    display_name: str = strawberry.field(description="The member's display name.")


@strawberry.type(description="The right answer to a question, shown after submission.")
class RevealedAnswer:
    correct_option_ids: list[strawberry.ID] = strawberry.field(description="Choice kinds.")
    accepted_answers: list[str] = strawberry.field(description="SHORT_ANSWER.")
    numeric_value: float | None = strawberry.field(description="NUMERIC: the value.")
    numeric_tolerance: float | None = strawberry.field(description="NUMERIC: the tolerance.")
    explanation: str | None = strawberry.field(description="Why, if the author wrote it.")


@dataclass(frozen=True, slots=True)
class AnswerKey:
    """A question's right answer, kept for ``QuestionResult.revealed``."""

    question_id: uuid.UUID
    accepted_answers: tuple[str, ...]
    numeric_value: float | None
    numeric_tolerance: float
    explanation: str | None


@strawberry.type(description="How one question of a closed attempt went.")
class QuestionResult:
    answer_key: strawberry.Private[AnswerKey | None]  # None: not revealed (yet)
    question: Question = strawberry.field(description="The question, in the attempt's order.")
    answered: bool = strawberry.field(description="Whether an answer counted.")
    correct: bool = strawberry.field(description="Whether it earned full points.")
    points_awarded: float = strawberry.field(description="Points earned (partial possible).")
    selected_option_ids: list[strawberry.ID] = strawberry.field(description="Options chosen.")
    text: str | None = strawberry.field(description="The text answer given.")
    number: float | None = strawberry.field(description="The numeric answer given.")

    @strawberry.field(
        description="The right answer: null unless the quiz's revealAnswers shows it by now."
    )
    async def revealed(self, info: Info) -> RevealedAnswer | None:
        key = self.answer_key
        if key is None:
            return None
        options = await options_by_question(info).load(key.question_id)
        return RevealedAnswer(
            correct_option_ids=[option_gid(o.id) for o in options if o.correct],
            accepted_answers=list(key.accepted_answers),
            numeric_value=key.numeric_value,
            numeric_tolerance=key.numeric_tolerance if key.numeric_value is not None else None,
            explanation=key.explanation,
        )


@strawberry.type(description="One member's go at a quiz.")
class Attempt(relay.Node):
    id: relay.NodeID[str]
    org_id: strawberry.Private[uuid.UUID]
    row: strawberry.Private[AttemptRow]
    number: int = strawberry.field(description="1 for the member's first attempt, and so on.")
    status: AttemptStatus = strawberry.field(description="Where the attempt is.")
    quiz_version: int = strawberry.field(description="The quiz version it was taken on.")
    started_at: datetime = strawberry.field(description="When it started.")
    deadline: datetime | None = strawberry.field(
        description="Answers submitted after this (plus a few seconds of grace) don't count."
    )
    closed_at: datetime | None = strawberry.field(description="When it was submitted or expired.")
    score: float | None = strawberry.field(description="Points earned; null while in progress.")
    max_score: float = strawberry.field(description="Points available.")
    percentage: float | None = strawberry.field(description="Score as 0-100; null until closed.")
    passed: bool | None = strawberry.field(description="Null without a pass mark or until closed.")

    @classmethod
    def from_row(cls, row: AttemptRow) -> Attempt:
        return cls(
            id=str(row.id),
            org_id=row.org_id,
            row=row,
            number=row.number,
            status=row.status,
            quiz_version=row.quiz_version,
            started_at=utc(row.started_at),
            deadline=utc(row.deadline),
            closed_at=utc(row.closed_at),
            score=row.score,
            max_score=row.max_score,
            percentage=row.percentage,
            passed=row.passed,
        )

    @strawberry.field(description="The quiz; null when the viewer may no longer see it.")
    async def quiz(self, info: Info) -> Quiz | None:
        row = await self._quiz(info)
        visible = QuizVisibility(info.context.actor, utcnow()).allows(row)
        return Quiz.from_row(row) if visible else None

    @strawberry.field(description="The quiz's title, even when the quiz is no longer listed.")
    async def quiz_title(self, info: Info) -> str:
        return (await self._quiz(info)).title

    @strawberry.field(description="Who takes or took it.")
    async def participant(self, info: Info) -> Participant | None:
        member = await member_by_id(info).load(self.row.member_id)
        if member is None:
            return None
        gid = strawberry.ID(str(relay.GlobalID("Member", str(member.id))))
        return Participant(id=gid, username=member.username, display_name=member.display_name)

    @strawberry.field(description="The questions in this attempt's own, stable order.")
    async def questions(self, info: Info) -> list[Question]:
        quiz, rows = await self._ordered(info)
        return [
            Question.from_row(
                row, number, option_seed(self.row.id, row.id) if quiz.shuffle_options else None
            )
            for number, row in enumerate(rows, start=1)
        ]

    @strawberry.field(description="Per question results; null while in progress.")
    async def results(self, info: Info) -> list[QuestionResult] | None:
        if self.row.status is AttemptStatus.IN_PROGRESS:
            return None
        quiz, rows = await self._ordered(info)
        answers = await answers_by_attempt(info).load(self.row.id)
        reveal = await answers_revealed(info.context.sc, quiz, self.row)
        seed = self.row.id if quiz.shuffle_options else None
        return [
            _result(row, number, answers.get(row.id), reveal, seed)
            for number, row in enumerate(rows, start=1)
        ]

    async def _quiz(self, info: Info) -> QuizRow:
        quiz = await quiz_by_id(info).load(self.row.quiz_id)
        assert quiz is not None  # attempts are deleted with their quiz
        return quiz

    async def _ordered(self, info: Info) -> tuple[QuizRow, list[QuestionRow]]:
        quiz = await self._quiz(info)
        rows = await questions_by_quiz(info).load(quiz.id)
        return quiz, question_order(self.row.id, rows, quiz.shuffle_questions)


def _result(
    row: QuestionRow,
    number: int,
    answer: AttemptAnswer | None,
    reveal: bool,
    attempt_seed: uuid.UUID | None,
) -> QuestionResult:
    seed = option_seed(attempt_seed, row.id) if attempt_seed else None
    key = AnswerKey(
        row.id,
        tuple(row.accepted_answers),
        row.numeric_value,
        row.numeric_tolerance,
        row.explanation,
    )
    return QuestionResult(
        answer_key=key if reveal else None,
        question=Question.from_row(row, number, seed),
        answered=answer is not None,
        correct=bool(answer and answer.correct),
        points_awarded=(answer.points or 0.0) if answer else 0.0,
        selected_option_ids=[option_gid_or_raw(value) for value in answer.selected]
        if answer
        else [],
        text=answer.text if answer else None,
        number=answer.number if answer else None,
    )


def option_gid_or_raw(value: str) -> strawberry.ID:
    try:
        return option_gid(uuid.UUID(value))
    except ValueError:
        return strawberry.ID(value)
