"""Scoring answers: pure functions, one per question kind, and a dispatcher.

The functions take plain values (no rows, no GraphQL types) so that the database layer can
build a `ScorableQuestion` from whatever it loaded and so that the rules can be tested,
property-tested and benchmarked on their own. Every function is total: any answer a client
can send, however malformed, scores a number in ``[0, points]`` and never raises.

Rules, per kind:

- single choice and true/false: full points iff the set of selected option ids is exactly
  the one correct option (a repeated id counts once); anything else scores 0.
- multiple choice: partial credit, see `MULTIPLE_CHOICE_RULE`.
- short answer: full points iff the answer matches an accepted answer after both are
  normalised (surrounding whitespace stripped, inner runs of whitespace collapsed to one
  space, Unicode NFC, case folded); otherwise 0.
- numeric: the answer is a float or a string in Python's float syntax (``"3.5"``,
  ``" -1e3 "``); NaN, infinities, numbers too large for a float and text that does not
  parse score 0. Full points iff ``|answer - value| <= tolerance`` (with a few units in
  the last place of slack, so that 3.15 is within 0.01 of 3.14 despite binary floats).

An empty answer (nothing selected, blank text, no number) scores 0 for every kind.
"""

from __future__ import annotations

import math
import sys
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from typing import NamedTuple

from app.quizzes.drafts import QuestionKind

__all__ = [
    "MULTIPLE_CHOICE_RULE",
    "Answer",
    "Grade",
    "ScorableQuestion",
    "grade",
    "normalize_text",
    "parse_number",
    "score",
    "score_multiple_choice",
    "score_numeric",
    "score_short_answer",
    "score_single_choice",
]

MULTIPLE_CHOICE_RULE = (
    "Multiple choice questions give partial credit: "
    "points * max(0, (correct options selected - incorrect options selected) "
    "/ number of correct options). Selecting an option twice counts once, and an unknown "
    "option id counts as an incorrect selection."
)
"""The multiple choice rule in one sentence, for the GraphQL schema's descriptions."""

_FLOAT_SLACK = 8 * sys.float_info.epsilon
"""Relative slack for the numeric comparison: a few units in the last place."""


@dataclass(frozen=True, slots=True)
class ScorableQuestion:
    """What scoring needs to know about a question; build it from the stored rows.

    `options` holds ``(option id, correct)`` pairs, the ids as the client sends them back.
    """

    kind: QuestionKind
    points: float
    options: tuple[tuple[str, bool], ...] = ()
    accepted_answers: tuple[str, ...] = ()
    numeric_value: float | None = None
    numeric_tolerance: float = 0.0


@dataclass(frozen=True, slots=True)
class Answer:
    """A participant's answer to one question; only the field of the question's kind counts."""

    selected: tuple[str, ...] = ()
    text: str | None = None
    number: float | str | None = None


class Grade(NamedTuple):
    """The result of a whole attempt. `passed` is None when the quiz has no pass mark."""

    percentage: float
    passed: bool | None


def score(question: ScorableQuestion, answer: Answer) -> float:
    """Points `answer` earns on `question`, in ``[0, question.points]``."""
    match question.kind:
        case QuestionKind.SINGLE_CHOICE | QuestionKind.TRUE_FALSE:
            return score_single_choice(question.options, answer.selected, question.points)
        case QuestionKind.MULTIPLE_CHOICE:
            return score_multiple_choice(question.options, answer.selected, question.points)
        case QuestionKind.SHORT_ANSWER:
            return score_short_answer(question.accepted_answers, answer.text, question.points)
        case QuestionKind.NUMERIC:
            return score_numeric(
                question.numeric_value, question.numeric_tolerance, answer.number, question.points
            )


def score_single_choice(
    options: Iterable[tuple[str, bool]], selected: Iterable[str], points: float
) -> float:
    """Full points iff exactly the one correct option is selected (repeats count once)."""
    correct = {option_id for option_id, is_correct in options if is_correct}
    if len(correct) != 1:
        return 0.0
    return _bounded(points, points if set(selected) == correct else 0.0)


def score_multiple_choice(
    options: Iterable[tuple[str, bool]], selected: Iterable[str], points: float
) -> float:
    """Partial credit as `MULTIPLE_CHOICE_RULE` states it."""
    correct = {option_id for option_id, is_correct in options if is_correct}
    if not correct:
        return 0.0
    chosen = set(selected)
    right = len(chosen & correct)
    wrong = len(chosen - correct)  # known incorrect options and unknown ids alike
    return _bounded(points, points * max(0.0, (right - wrong) / len(correct)))


def score_short_answer(accepted: Iterable[str], text: str | None, points: float) -> float:
    """Full points iff the normalised text equals a normalised accepted answer."""
    given = normalize_text(text or "")
    if not given:
        return 0.0
    matches = any(given == normalize_text(candidate) for candidate in accepted)
    return _bounded(points, points if matches else 0.0)


def score_numeric(
    value: float | None, tolerance: float, number: float | str | None, points: float
) -> float:
    """Full points iff the answer is within `tolerance` of `value`."""
    given = parse_number(number)
    if given is None or value is None or not math.isfinite(value):
        return 0.0
    if not (math.isfinite(tolerance) and tolerance >= 0):
        return 0.0
    slack = _FLOAT_SLACK * max(abs(given), abs(value))
    within = abs(given - value) <= tolerance + slack  # an overflow to inf is simply "not within"
    return _bounded(points, points if within else 0.0)


def normalize_text(text: str) -> str:
    """The form short answers are compared in: trimmed, single-spaced, NFC, case folded."""
    return unicodedata.normalize("NFC", " ".join(text.split())).casefold()


def parse_number(number: float | str | None) -> float | None:
    """A finite float from a numeric answer, or None when it is not one.

    Strings use Python's float syntax (surrounding whitespace allowed); no locale forms
    such as ``"1,5"``. Booleans are not numbers here, even though Python says they are.
    """
    if number is None or isinstance(number, bool):
        return None
    try:
        parsed = float(number)
    except (ValueError, OverflowError, TypeError):
        return None
    return parsed if math.isfinite(parsed) else None


def grade(points_scored: float, max_points: float, pass_mark_percent: float | None) -> Grade:
    """The percentage of `max_points` scored, and whether it reaches the pass mark.

    The percentage is clamped to ``[0, 100]`` (a sum of float scores can overshoot by an
    ulp), and the comparison with the pass mark forgives the same tiny error.

    Raises ValueError when `max_points` is not a positive finite number: a publishable
    quiz always has one, so anything else is a bug in the caller.
    """
    if not (math.isfinite(max_points) and max_points > 0):
        raise ValueError(f"max_points must be positive and finite, not {max_points!r}")
    scored = points_scored if math.isfinite(points_scored) else 0.0
    percentage = min(100.0, max(0.0, scored / max_points * 100.0))
    if pass_mark_percent is None:
        return Grade(percentage, None)
    return Grade(percentage, percentage + 1e-9 >= pass_mark_percent)


def _bounded(points: float, earned: float) -> float:
    """`earned` forced into ``[0, points]``; a nonsensical `points` earns nothing."""
    if not (math.isfinite(points) and points > 0):
        return 0.0
    return min(points, max(0.0, earned))
