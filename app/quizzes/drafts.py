"""Quiz drafts: the plain, database-free shape of a quiz while it is being written.

Importers produce a `QuizDraft`, the GraphQL layer turns `createQuiz`/`updateQuiz` input
into one, and the repository stores it. Keeping the draft as frozen dataclasses (and not
as ORM rows) lets the importers and the publishing rules run and be tested without a
database, and makes a draft safe to pass around: nobody can change it on the way.

`validate_question` and `publish_problems` return sentences meant for the quiz author
("Question 3 has no correct answer"), not codes: the GraphQL layer shows them as they are.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from enum import StrEnum

__all__ = [
    "MAX_QUESTIONS",
    "TRUE_FALSE_TEXTS",
    "AnswerReveal",
    "OptionDraft",
    "QuestionDraft",
    "QuestionKind",
    "QuizDraft",
    "QuizStatus",
    "publish_problems",
    "reveal_from_flag",
    "validate_question",
]


class QuizStatus(StrEnum):
    """Where a quiz is in its life: a value other domains may hold (attempts, boards)."""

    DRAFT = "DRAFT"
    PUBLISHED = "PUBLISHED"
    ARCHIVED = "ARCHIVED"


class QuestionKind(StrEnum):
    """How a question is answered, and therefore how it is scored."""

    SINGLE_CHOICE = "SINGLE_CHOICE"
    MULTIPLE_CHOICE = "MULTIPLE_CHOICE"
    TRUE_FALSE = "TRUE_FALSE"
    SHORT_ANSWER = "SHORT_ANSWER"
    NUMERIC = "NUMERIC"


class AnswerReveal(StrEnum):
    """When a member's closed attempts show the right answers and explanations.

    Answers shown while the member can still take the quiz again hand out full marks on
    the retake, so the default waits until they can't: AFTER_LAST_ATTEMPT.
    """

    NEVER = "NEVER"
    AFTER_LAST_ATTEMPT = "AFTER_LAST_ATTEMPT"
    """Once the member can't add an answer that counts: no attempts left for them and none
    still open, or the quiz closed or archived."""
    AFTER_CLOSE = "AFTER_CLOSE"
    """Once the quiz's closing time has passed (never for a quiz without one)."""
    AFTER_SUBMIT = "AFTER_SUBMIT"
    """Right after each attempt closes, even if the member may take the quiz again."""


def reveal_from_flag(reveal: bool) -> AnswerReveal:
    """The old on/off setting (``revealAnswersAfterSubmit``): on means the safe reveal."""
    return AnswerReveal.AFTER_LAST_ATTEMPT if reveal else AnswerReveal.NEVER


CHOICE_KINDS = frozenset(
    {QuestionKind.SINGLE_CHOICE, QuestionKind.MULTIPLE_CHOICE, QuestionKind.TRUE_FALSE}
)
"""Kinds answered by picking options."""

MAX_QUESTIONS = 1000
"""The most questions a quiz may hold; it also bounds the work of importing and scoring."""

TRUE_FALSE_TEXTS = ("True", "False")
"""The two options of a true/false question, in this order."""


@dataclass(frozen=True, slots=True)
class OptionDraft:
    """One option of a choice question."""

    text: str
    correct: bool = False


@dataclass(frozen=True, slots=True)
class QuestionDraft:
    """One question. Only the fields of its `kind` are used; the others stay empty.

    - choice kinds use `options`;
    - `SHORT_ANSWER` uses `accepted_answers`;
    - `NUMERIC` uses `numeric_value` and `numeric_tolerance`.
    """

    kind: QuestionKind
    prompt: str
    points: float = 1.0
    explanation: str | None = None
    options: tuple[OptionDraft, ...] = ()
    accepted_answers: tuple[str, ...] = ()
    numeric_value: float | None = None
    numeric_tolerance: float = 0.0


@dataclass(frozen=True, slots=True)
class QuizDraft:
    """A whole quiz with its settings. `None` settings mean "no limit" / "no pass mark"."""

    title: str
    description: str | None = None
    questions: tuple[QuestionDraft, ...] = ()
    time_limit_seconds: int | None = None
    attempts_allowed: int | None = None
    pass_mark_percent: float | None = None
    shuffle_questions: bool = False
    shuffle_options: bool = False
    reveal_answers: AnswerReveal = AnswerReveal.AFTER_LAST_ATTEMPT
    certificate_on_pass: bool = False


def validate_question(question: QuestionDraft, *, label: str = "The question") -> list[str]:
    """Every reason why `question` cannot be published; empty when it can.

    `label` starts each sentence, e.g. ``"Question 3"`` gives "Question 3 has no prompt".
    """
    problems: list[str] = []
    if not question.prompt.strip():
        problems.append(f"{label} has no prompt")
    if not (math.isfinite(question.points) and question.points > 0):
        problems.append(f"{label} must be worth a positive, finite number of points")
    if question.kind in CHOICE_KINDS:
        problems.extend(_choice_problems(question, label))
    elif question.options:
        problems.append(
            f"{label} is a {_kind_name(question.kind)} question and cannot have options"
        )
    if question.kind is QuestionKind.SHORT_ANSWER:
        if not any(answer.strip() for answer in question.accepted_answers):
            problems.append(f"{label} needs at least one accepted answer")
    elif question.accepted_answers:
        problems.append(f"{label} has accepted answers, which only short answer questions use")
    if question.kind is QuestionKind.NUMERIC:
        problems.extend(_numeric_problems(question, label))
    return problems


def publish_problems(draft: QuizDraft) -> list[str]:
    """Every reason why `draft` cannot be published; empty when it can."""
    problems: list[str] = []
    if not draft.title.strip():
        problems.append("The quiz has no title")
    if draft.time_limit_seconds is not None and draft.time_limit_seconds <= 0:
        problems.append("The time limit must be a positive number of seconds")
    if draft.attempts_allowed is not None and draft.attempts_allowed < 1:
        problems.append("The number of attempts allowed must be at least 1")
    mark = draft.pass_mark_percent
    if mark is not None and not (math.isfinite(mark) and 0 <= mark <= 100):
        problems.append("The pass mark must be a percentage between 0 and 100")
    if not draft.questions:
        problems.append("The quiz has no questions")
    if len(draft.questions) > MAX_QUESTIONS:
        problems.append(f"The quiz has more than {MAX_QUESTIONS} questions")
    for number, question in enumerate(draft.questions, start=1):
        problems.extend(validate_question(question, label=f"Question {number}"))
    return problems


def _choice_problems(question: QuestionDraft, label: str) -> list[str]:
    options = question.options
    problems: list[str] = []
    if any(not option.text.strip() for option in options):
        problems.append(f"{label} has an option with no text")
    texts = [option.text.strip().casefold() for option in options]
    if len(set(texts)) != len(texts):
        problems.append(f"{label} has the same option twice")
    correct = sum(option.correct for option in options)
    if question.kind is QuestionKind.TRUE_FALSE:
        if tuple(option.text.strip() for option in options) != TRUE_FALSE_TEXTS:
            problems.append(f"{label} is true/false and must have exactly the options True, False")
    elif len(options) < 2:
        problems.append(f"{label} needs at least two options")
    if correct == 0:
        problems.append(f"{label} has no correct answer")
    elif correct > 1 and question.kind is not QuestionKind.MULTIPLE_CHOICE:
        problems.append(
            f"{label} is {_kind_name(question.kind)} and needs exactly one correct option, "
            f"not {correct}"
        )
    return problems


def _numeric_problems(question: QuestionDraft, label: str) -> list[str]:
    problems: list[str] = []
    value = question.numeric_value
    if value is None or not math.isfinite(value):
        problems.append(f"{label} needs a finite numeric answer")
    tolerance = question.numeric_tolerance
    if not (math.isfinite(tolerance) and tolerance >= 0):
        problems.append(f"{label} needs a tolerance that is zero or a positive finite number")
    return problems


def _kind_name(kind: QuestionKind) -> str:
    return {
        QuestionKind.SINGLE_CHOICE: "single choice",
        QuestionKind.MULTIPLE_CHOICE: "multiple choice",
        QuestionKind.TRUE_FALSE: "true/false",
        QuestionKind.SHORT_ANSWER: "short answer",
        QuestionKind.NUMERIC: "numeric",
    }[kind]
