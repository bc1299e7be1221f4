"""Quiz inputs, and their conversion into drafts and changes for the service."""

from __future__ import annotations

from typing import Any

import strawberry

from app.core.errors import BadUserInput
from app.quizzes.checks import (
    MAX_ACCEPTED_ANSWERS,
    MAX_OPTIONS,
    MAX_POINTS,
    MAX_PROMPT,
)
from app.quizzes.drafts import (
    MAX_QUESTIONS,
    AnswerReveal,
    OptionDraft,
    QuestionDraft,
    QuestionKind,
    QuizDraft,
    reveal_from_flag,
)
from app.quizzes.service import QuizChanges


@strawberry.input(description="An option of a choice question.")
class OptionInput:
    text: str = strawberry.field(description="1-1000 characters.")
    correct: bool = strawberry.field(default=False, description="Whether choosing it is right.")


@strawberry.input(description="A question. Only the fields of its kind are used.")
class QuestionInput:
    kind: QuestionKind = strawberry.field(description="How it is answered and scored.")
    prompt: str = strawberry.field(description=f"The question, up to {MAX_PROMPT} characters.")
    points: float = strawberry.field(
        default=1.0, description=f"Points for a right answer, above 0, at most {MAX_POINTS:g}."
    )
    explanation: str | None = strawberry.field(
        default=None, description="Shown after submission when the quiz reveals answers."
    )
    options: list[OptionInput] = strawberry.field(
        default_factory=list,
        description=(
            f"Choice kinds: up to {MAX_OPTIONS} options. TRUE_FALSE: exactly True, False."
        ),
    )
    accepted_answers: list[str] = strawberry.field(
        default_factory=list,
        description=f"SHORT_ANSWER: up to {MAX_ACCEPTED_ANSWERS} right answers.",
    )
    numeric_value: float | None = strawberry.field(
        default=None, description="NUMERIC: the right value."
    )
    numeric_tolerance: float = strawberry.field(
        default=0.0, description="NUMERIC: how far from the value still counts as right."
    )

    def to_draft(self) -> QuestionDraft:
        return QuestionDraft(
            kind=self.kind,
            prompt=self.prompt.strip(),
            points=self.points,
            explanation=(self.explanation or "").strip() or None,
            options=tuple(OptionDraft(o.text.strip(), o.correct) for o in self.options),
            accepted_answers=tuple(self.accepted_answers),
            numeric_value=self.numeric_value,
            numeric_tolerance=self.numeric_tolerance,
        )


def questions_of(inputs: list[QuestionInput]) -> tuple[QuestionDraft, ...]:
    if len(inputs) > MAX_QUESTIONS:
        raise BadUserInput({"questions": f"at most {MAX_QUESTIONS} questions"})
    return tuple(question.to_draft() for question in inputs)


# Settings that may be set to null (meaning "none"), and those that may not.
_NULLABLE = (
    "description",
    "time_limit_seconds",
    "attempts_allowed",
    "pass_mark_percent",
    "opens_at",
    "closes_at",
)
_REQUIRED = (
    "title",
    "shuffle_questions",
    "shuffle_options",
    "reveal_answers",
    "certificate_on_pass",
)


def changes_of(source: Any) -> QuizChanges:
    """The fields an update input sets (left-out fields are UNSET and stay as they are)."""
    settings: dict[str, Any] = {}
    reveal = _reveal_of(source)
    for name in (*_NULLABLE, *_REQUIRED):
        value = reveal if name == "reveal_answers" else getattr(source, name)
        if value is strawberry.UNSET:
            continue
        if value is None and name in _REQUIRED:
            raise BadUserInput({_camel(name): "can't be null; leave it out to keep it"})
        settings[name] = value
    questions = source.questions
    if questions is None and questions is not strawberry.UNSET:
        raise BadUserInput({"questions": "can't be null; leave it out to keep them"})
    return QuizChanges(
        settings=settings,
        questions=None if questions is strawberry.UNSET else questions_of(questions),
    )


def draft_of(source: Any) -> QuizDraft:
    return QuizDraft(
        title=source.title,
        description=source.description,
        questions=questions_of(source.questions),
        time_limit_seconds=source.time_limit_seconds,
        attempts_allowed=source.attempts_allowed,
        pass_mark_percent=source.pass_mark_percent,
        shuffle_questions=source.shuffle_questions,
        shuffle_options=source.shuffle_options,
        reveal_answers=_reveal_of(source) or AnswerReveal.AFTER_LAST_ATTEMPT,
        certificate_on_pass=source.certificate_on_pass,
    )


def _reveal_of(source: Any) -> Any:
    """``revealAnswers``, or the deprecated ``revealAnswersAfterSubmit`` turned into it.

    UNSET (or None) when neither was sent; both at once would be ambiguous, so refused.
    """
    reveal, flag = source.reveal_answers, source.reveal_answers_after_submit
    if flag is strawberry.UNSET or flag is None:
        return reveal
    if reveal is not strawberry.UNSET and reveal is not None:
        raise BadUserInput(
            {"revealAnswersAfterSubmit": "deprecated; send only revealAnswers"},
        )
    return reveal_from_flag(flag)


def _camel(name: str) -> str:
    head, *rest = name.split("_")
    return head + "".join(part.title() for part in rest)
