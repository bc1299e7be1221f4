import dataclasses
import math
from typing import Any

import pytest

from app.quizzes.drafts import (
    MAX_QUESTIONS,
    OptionDraft,
    QuestionDraft,
    QuestionKind,
    QuizDraft,
    publish_problems,
    validate_question,
)

YES_NO = (OptionDraft("Yes", correct=True), OptionDraft("No"))
GOOD_QUESTIONS = {
    QuestionKind.SINGLE_CHOICE: QuestionDraft(QuestionKind.SINGLE_CHOICE, "Q?", options=YES_NO),
    QuestionKind.MULTIPLE_CHOICE: QuestionDraft(
        QuestionKind.MULTIPLE_CHOICE,
        "Q?",
        options=(OptionDraft("a", True), OptionDraft("b", True), OptionDraft("c")),
    ),
    QuestionKind.TRUE_FALSE: QuestionDraft(
        QuestionKind.TRUE_FALSE, "Q?", options=(OptionDraft("True"), OptionDraft("False", True))
    ),
    QuestionKind.SHORT_ANSWER: QuestionDraft(
        QuestionKind.SHORT_ANSWER, "Q?", accepted_answers=("x",)
    ),
    QuestionKind.NUMERIC: QuestionDraft(
        QuestionKind.NUMERIC, "Q?", numeric_value=1.5, numeric_tolerance=0.1
    ),
}


def good_quiz(*questions: QuestionDraft) -> QuizDraft:
    return QuizDraft(title="Quiz", questions=questions or tuple(GOOD_QUESTIONS.values()))


@pytest.mark.parametrize("kind", list(QuestionKind))
def test_a_well_formed_question_of_each_kind_is_publishable(kind: QuestionKind) -> None:
    assert validate_question(GOOD_QUESTIONS[kind]) == []


def test_a_well_formed_quiz_is_publishable() -> None:
    assert publish_problems(good_quiz()) == []


def test_drafts_are_immutable() -> None:
    with pytest.raises(dataclasses.FrozenInstanceError):
        good_quiz().title = "changed"  # type: ignore[misc]


def test_publish_problems_name_the_question_by_number() -> None:
    # given a quiz whose third question has no correct option
    broken = QuestionDraft(
        QuestionKind.SINGLE_CHOICE, "Q?", options=(OptionDraft("a"), OptionDraft("b"))
    )
    quiz = good_quiz(
        GOOD_QUESTIONS[QuestionKind.NUMERIC], GOOD_QUESTIONS[QuestionKind.NUMERIC], broken
    )
    # then
    assert publish_problems(quiz) == ["Question 3 has no correct answer"]


def test_a_quiz_without_questions_or_title_is_not_publishable() -> None:
    assert publish_problems(QuizDraft(title="  ")) == [
        "The quiz has no title",
        "The quiz has no questions",
    ]


@pytest.mark.parametrize(
    ("changes", "problem"),
    [
        ({"time_limit_seconds": 0}, "The time limit must be a positive number of seconds"),
        ({"attempts_allowed": 0}, "The number of attempts allowed must be at least 1"),
        ({"pass_mark_percent": 101.0}, "The pass mark must be a percentage between 0 and 100"),
        ({"pass_mark_percent": math.nan}, "The pass mark must be a percentage between 0 and 100"),
    ],
)
def test_quiz_settings_are_checked(changes: dict[str, Any], problem: str) -> None:
    assert publish_problems(dataclasses.replace(good_quiz(), **changes)) == [problem]


def problems_of(kind: QuestionKind, **changes: Any) -> list[str]:
    return validate_question(dataclasses.replace(GOOD_QUESTIONS[kind], **changes))


@pytest.mark.parametrize("points", [0.0, -1.0, math.inf, math.nan])
def test_points_must_be_positive_and_finite(points: float) -> None:
    assert problems_of(QuestionKind.SINGLE_CHOICE, points=points) == [
        "The question must be worth a positive, finite number of points"
    ]


def test_prompt_must_not_be_blank() -> None:
    assert problems_of(QuestionKind.SHORT_ANSWER, prompt=" \n") == ["The question has no prompt"]


def test_single_choice_needs_exactly_one_correct_option() -> None:
    both = (OptionDraft("a", True), OptionDraft("b", True))
    assert problems_of(QuestionKind.SINGLE_CHOICE, options=both) == [
        "The question is single choice and needs exactly one correct option, not 2"
    ]
    none = (OptionDraft("a"), OptionDraft("b"))
    assert problems_of(QuestionKind.SINGLE_CHOICE, options=none) == [
        "The question has no correct answer"
    ]


def test_choice_questions_need_two_distinct_nonblank_options() -> None:
    assert problems_of(QuestionKind.MULTIPLE_CHOICE, options=(OptionDraft("a", True),)) == [
        "The question needs at least two options"
    ]
    assert problems_of(
        QuestionKind.SINGLE_CHOICE, options=(OptionDraft("Paris", True), OptionDraft(" paris"))
    ) == ["The question has the same option twice"]
    assert problems_of(
        QuestionKind.SINGLE_CHOICE, options=(OptionDraft("a", True), OptionDraft(" "))
    ) == ["The question has an option with no text"]


def test_multiple_choice_needs_a_correct_option() -> None:
    options = (OptionDraft("a"), OptionDraft("b"))
    assert problems_of(QuestionKind.MULTIPLE_CHOICE, options=options) == [
        "The question has no correct answer"
    ]


@pytest.mark.parametrize(
    "options",
    [
        (OptionDraft("Yes", True), OptionDraft("No")),
        (OptionDraft("False", True), OptionDraft("True")),
        (OptionDraft("True", True), OptionDraft("False"), OptionDraft("Maybe")),
    ],
)
def test_true_false_has_exactly_the_options_true_and_false(
    options: tuple[OptionDraft, ...],
) -> None:
    assert problems_of(QuestionKind.TRUE_FALSE, options=options) == [
        "The question is true/false and must have exactly the options True, False"
    ]


def test_true_false_needs_one_correct_option() -> None:
    both = (OptionDraft("True", True), OptionDraft("False", True))
    assert problems_of(QuestionKind.TRUE_FALSE, options=both) == [
        "The question is true/false and needs exactly one correct option, not 2"
    ]


def test_short_answer_needs_an_accepted_answer() -> None:
    assert problems_of(QuestionKind.SHORT_ANSWER, accepted_answers=()) == [
        "The question needs at least one accepted answer"
    ]
    assert problems_of(QuestionKind.SHORT_ANSWER, accepted_answers=("  ",)) == [
        "The question needs at least one accepted answer"
    ]


@pytest.mark.parametrize("value", [None, math.nan, math.inf])
def test_numeric_needs_a_finite_value(value: float | None) -> None:
    assert problems_of(QuestionKind.NUMERIC, numeric_value=value) == [
        "The question needs a finite numeric answer"
    ]


@pytest.mark.parametrize("tolerance", [-0.1, math.nan, math.inf])
def test_numeric_needs_a_nonnegative_finite_tolerance(tolerance: float) -> None:
    assert problems_of(QuestionKind.NUMERIC, numeric_tolerance=tolerance) == [
        "The question needs a tolerance that is zero or a positive finite number"
    ]


def test_fields_of_other_kinds_are_refused_rather_than_silently_ignored() -> None:
    assert problems_of(QuestionKind.NUMERIC, options=YES_NO) == [
        "The question is a numeric question and cannot have options"
    ]
    assert problems_of(QuestionKind.SINGLE_CHOICE, accepted_answers=("Yes",)) == [
        "The question has accepted answers, which only short answer questions use"
    ]


def test_label_starts_every_sentence() -> None:
    problems = validate_question(
        dataclasses.replace(GOOD_QUESTIONS[QuestionKind.NUMERIC], prompt=""), label="Question 7"
    )
    assert problems == ["Question 7 has no prompt"]


def test_a_quiz_holds_at_most_max_questions() -> None:
    question = GOOD_QUESTIONS[QuestionKind.SHORT_ANSWER]
    assert publish_problems(good_quiz(*[question] * MAX_QUESTIONS)) == []
    assert publish_problems(good_quiz(*[question] * (MAX_QUESTIONS + 1))) == [
        f"The quiz has more than {MAX_QUESTIONS} questions"
    ]
