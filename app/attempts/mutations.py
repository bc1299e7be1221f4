"""Attempt mutations: start, save answers, submit. Thin wrappers over ``attempts.service``."""

from __future__ import annotations

import uuid
from typing import Annotated

import strawberry
from strawberry import relay
from strawberry.types import Info

from app.access.scopes import Scope
from app.attempts import service
from app.attempts.loaders import attempt_org
from app.attempts.types import Attempt
from app.core.errors import BadUserInput
from app.graphql.inputs import INPUT
from app.graphql.permissions import requires
from app.graphql.relay import decode_id
from app.quizzes.drafts import MAX_QUESTIONS
from app.quizzes.loaders import quiz_by_id


@strawberry.input(description="The quiz to take.")
class StartAttemptInput:
    quiz_id: relay.GlobalID = strawberry.field(description="A published, open quiz.")


@strawberry.input(description="An answer to one question; fill the field of its kind.")
class AnswerInput:
    question_id: strawberry.ID = strawberry.field(description="The question's id.")
    selected_option_ids: list[strawberry.ID] = strawberry.field(
        default_factory=list,
        description=f"Choice kinds: the chosen options' ids (at most {service.MAX_SELECTED}).",
    )
    text: str | None = strawberry.field(
        default=None, description=f"SHORT_ANSWER (or NUMERIC as text), up to {service.MAX_TEXT}."
    )
    number: float | None = strawberry.field(default=None, description="NUMERIC: the number.")


@strawberry.input(description="Answers of an attempt; later answers to a question replace earlier.")
class AttemptAnswersInput:
    attempt_id: relay.GlobalID = strawberry.field(description="Your attempt's id.")
    answers: list[AnswerInput] = strawberry.field(
        default_factory=list, description=f"At most {MAX_QUESTIONS}, one per question."
    )


@strawberry.type
class AttemptPayload:
    attempt: Attempt


async def _quiz_org(info: Info, input: StartAttemptInput) -> uuid.UUID | None:
    quiz = await quiz_by_id(info).load(decode_id(input.quiz_id, "Quiz", "quizId"))
    return quiz.org_id if quiz else None


async def _attempt_org(info: Info, input: AttemptAnswersInput) -> uuid.UUID | None:
    return await attempt_org(info).load(_attempt_id(input))


# Taking a quiz reads it; students' attempts:write covers their own attempts only
# (the service: another member's attempt is FORBIDDEN to staff, NOT_FOUND to students).
TAKE = requires(Scope.QUIZZES_READ, Scope.ATTEMPTS_WRITE, target=_quiz_org)
ANSWER = requires(Scope.ATTEMPTS_WRITE, target=_attempt_org)


@strawberry.type
class AttemptMutations:
    @strawberry.mutation(
        description=(
            "Start (or resume the open) attempt at a quiz. FORBIDDEN with extensions.reason "
            "QUIZ_NOT_OPEN, QUIZ_CLOSED or NO_ATTEMPTS_LEFT. Needs attempts:write."
        ),
        permission_classes=[TAKE],
    )
    async def start_attempt(
        self, info: Info, input: Annotated[StartAttemptInput, INPUT]
    ) -> AttemptPayload:
        attempt = await service.start_attempt(
            info.context.sc, decode_id(input.quiz_id, "Quiz", "quizId")
        )
        return AttemptPayload(attempt=Attempt.from_row(attempt))

    @strawberry.mutation(
        description=(
            "Save answers of your open attempt without submitting; they count if the "
            "deadline closes it. Needs attempts:write."
        ),
        permission_classes=[ANSWER],
    )
    async def save_attempt_answers(
        self, info: Info, input: Annotated[AttemptAnswersInput, INPUT]
    ) -> AttemptPayload:
        attempt = await service.save_answers(
            info.context.sc, _attempt_id(input), _answers(input.answers)
        )
        return AttemptPayload(attempt=Attempt.from_row(attempt))

    @strawberry.mutation(
        description=(
            "Submit your attempt and get its score. After the deadline no new answer "
            "counts; a second submit returns the first result. Needs attempts:write."
        ),
        permission_classes=[ANSWER],
    )
    async def submit_attempt(
        self, info: Info, input: Annotated[AttemptAnswersInput, INPUT]
    ) -> AttemptPayload:
        attempt = await service.submit_attempt(
            info.context.sc, _attempt_id(input), _answers(input.answers)
        )
        return AttemptPayload(attempt=Attempt.from_row(attempt))


def _attempt_id(input: AttemptAnswersInput) -> uuid.UUID:
    return decode_id(input.attempt_id, "Attempt", "attemptId")


def _answers(inputs: list[AnswerInput]) -> list[service.GivenAnswer]:
    if len(inputs) > MAX_QUESTIONS:
        raise BadUserInput({"answers": f"at most {MAX_QUESTIONS}"})
    return [
        service.GivenAnswer(
            question_id=decode_id(answer.question_id, "Question", f"answers[{index}].questionId"),
            selected=tuple(_option_key(value) for value in answer.selected_option_ids),
            text=answer.text,
            number=answer.number,
        )
        for index, answer in enumerate(inputs)
    ]


def _option_key(value: str) -> str:
    """The option's row id, or the value itself (an unknown id scores as a wrong choice)."""
    try:
        gid = relay.GlobalID.from_id(value)
        return str(uuid.UUID(gid.node_id)) if gid.type_name == "Option" else value
    except ValueError:
        return value
