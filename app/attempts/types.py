"""GraphQL types for attempts.

An attempt shows its questions in its own order, never with answers. Once closed it
shows, per question, what was given, the points and whether it was right; the right
answers and explanations (``revealed``) only when the quiz's ``revealAnswers`` allows it
(``attempts.service.answers_revealed``), or to quiz authors.
"""

from __future__ import annotations

import dataclasses
import uuid
from datetime import datetime
from typing import TYPE_CHECKING

import strawberry
from strawberry import relay
from strawberry.types import Info

from app.attempts.loaders import answers_by_attempt
from app.attempts.models import Attempt as AttemptRow
from app.attempts.models import AttemptAnswer, AttemptStatus
from app.attempts.ordering import option_seed, question_order, shuffled
from app.attempts.service import answers_revealed
from app.core.clock import utcnow
from app.members.loaders import member_by_id
from app.quizzes.content import ContentKey, QuestionValue
from app.quizzes.loaders import load_questions, quiz_by_id
from app.quizzes.types import Question, Quiz, option_gid, utc
from app.quizzes.visibility import QuizVisibility

if TYPE_CHECKING:
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


@strawberry.type(description="How one question of a closed attempt went.")
class QuestionResult:
    # the question in quiz order, with its answer; None: not revealed (yet)
    answer_key: strawberry.Private[QuestionValue | None]
    question: QuestionValue = strawberry.field(
        graphql_type=Question, description="The question, in the attempt's order."
    )
    answered: bool = strawberry.field(description="Whether an answer counted.")
    correct: bool = strawberry.field(description="Whether it earned full points.")
    points_awarded: float = strawberry.field(description="Points earned (partial possible).")
    selected_option_ids: list[strawberry.ID] = strawberry.field(description="Options chosen.")
    text: str | None = strawberry.field(description="The text answer given.")
    number: float | None = strawberry.field(description="The numeric answer given.")

    @strawberry.field(
        description="The right answer: null unless the quiz's revealAnswers shows it by now."
    )
    def revealed(self) -> RevealedAnswer | None:
        key = self.answer_key
        if key is None:
            return None
        return RevealedAnswer(
            correct_option_ids=[strawberry.ID(o.id) for o in key.options if o.correct],
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

    @strawberry.field(
        graphql_type=list[Question],
        description="The questions in this attempt's own, stable order.",
    )
    async def questions(self, info: Info) -> list[QuestionValue]:
        quiz, rows = await self._ordered(info)
        seed = self.row.id if quiz.shuffle_options else None
        return [_in_attempt(row, number, seed) for number, row in enumerate(rows, start=1)]

    @strawberry.field(description="Per question results; null while in progress.")
    async def results(self, info: Info) -> list[QuestionResult] | None:
        if self.row.status is AttemptStatus.IN_PROGRESS:
            return None
        quiz, rows = await self._ordered(info)
        answers = await answers_by_attempt(info).load(self.row.id)
        reveal = await answers_revealed(info.context.sc, quiz, self.row)
        seed = self.row.id if quiz.shuffle_options else None
        return [
            _result(row, number, answers.get(row.row_id), reveal, seed)
            for number, row in enumerate(rows, start=1)
        ]

    async def _quiz(self, info: Info) -> QuizRow:
        quiz = await quiz_by_id(info).load(self.row.quiz_id)
        assert quiz is not None  # attempts are deleted with their quiz
        return quiz

    async def _ordered(self, info: Info) -> tuple[QuizRow, list[QuestionValue]]:
        quiz = await self._quiz(info)
        rows = await load_questions(info, ContentKey(quiz.id, quiz.version))
        return quiz, question_order(self.row.id, rows, quiz.shuffle_questions)


def _in_attempt(
    question: QuestionValue, number: int, attempt_seed: uuid.UUID | None
) -> QuestionValue:
    """The quiz's (shared, cached) question as this attempt shows it: its number here,
    and its options in the attempt's order when the quiz shuffles them."""
    if attempt_seed is None:
        return dataclasses.replace(question, number=number)
    seed = option_seed(attempt_seed, question.row_id)
    return dataclasses.replace(
        question, number=number, options=tuple(shuffled(seed, question.options))
    )


def _result(
    row: QuestionValue,
    number: int,
    answer: AttemptAnswer | None,
    reveal: bool,
    attempt_seed: uuid.UUID | None,
) -> QuestionResult:
    return QuestionResult(
        answer_key=row if reveal else None,
        question=_in_attempt(row, number, attempt_seed),
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
