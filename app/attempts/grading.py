"""Scoring an attempt from its stored rows with the pure functions of ``quizzes.scoring``."""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from app.attempts.models import AttemptAnswer
from app.quizzes.scoring import Answer, Grade, ScorableQuestion, grade, score

if TYPE_CHECKING:
    from app.quizzes.models import Option, Question


@dataclass(frozen=True, slots=True)
class AttemptScore:
    points: float
    max_points: float
    grade: Grade


def options_by_question(options: Iterable[Option]) -> dict[uuid.UUID, list[Option]]:
    grouped: dict[uuid.UUID, list[Option]] = defaultdict(list)
    for option in options:
        grouped[option.question_id].append(option)
    return grouped


def scorable(question: Question, options: Iterable[Option]) -> ScorableQuestion:
    return ScorableQuestion(
        kind=question.kind,
        points=question.points,
        options=tuple((str(option.id), option.correct) for option in options),
        accepted_answers=tuple(question.accepted_answers),
        numeric_value=question.numeric_value,
        numeric_tolerance=question.numeric_tolerance,
    )


def score_answers(
    questions: list[Question],
    options: Iterable[Option],
    answers: Iterable[AttemptAnswer],
    pass_mark_percent: float | None,
) -> AttemptScore:
    """Score each stored answer in place (``points``, ``correct``) and grade the total."""
    grouped = options_by_question(options)
    by_question = {answer.question_id: answer for answer in answers}
    total = 0.0
    for question in questions:
        answer = by_question.get(question.id)
        if answer is None:
            continue
        number = answer.number if answer.number is not None else answer.text
        given = Answer(selected=tuple(answer.selected), text=answer.text, number=number)
        earned = score(scorable(question, grouped.get(question.id, ())), given)
        answer.points = earned
        answer.correct = earned >= question.points
        total += earned
    max_points = sum(question.points for question in questions)
    if max_points <= 0:
        return AttemptScore(0.0, 0.0, Grade(0.0, None))
    return AttemptScore(total, max_points, grade(total, max_points, pass_mark_percent))
