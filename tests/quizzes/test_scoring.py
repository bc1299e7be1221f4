import math

import pytest

from app.quizzes.drafts import QuestionKind
from app.quizzes.scoring import (
    MULTIPLE_CHOICE_RULE,
    Answer,
    Grade,
    ScorableQuestion,
    grade,
    parse_number,
    score,
)

SINGLE = ScorableQuestion(
    QuestionKind.SINGLE_CHOICE, points=2.0, options=(("1", False), ("2", True), ("3", False))
)
TRUE_FALSE = ScorableQuestion(
    QuestionKind.TRUE_FALSE, points=1.0, options=(("t", True), ("f", False))
)
MULTIPLE = ScorableQuestion(
    QuestionKind.MULTIPLE_CHOICE,
    points=4.0,
    options=(("a", True), ("b", True), ("c", False), ("d", False)),
)
SHORT = ScorableQuestion(
    QuestionKind.SHORT_ANSWER, points=3.0, accepted_answers=("Carbon dioxide", "CO2")
)
NUMERIC = ScorableQuestion(
    QuestionKind.NUMERIC, points=5.0, numeric_value=3.14, numeric_tolerance=0.01
)


@pytest.mark.parametrize(
    ("selected", "expected"),
    [
        (("2",), 2.0),
        (("2", "2", "2"), 2.0),  # the same option sent three times counts once
        (("1",), 0.0),
        (("2", "1"), 0.0),
        (("99",), 0.0),  # an id that is no option of the question
        (("2", "99"), 0.0),
        ((), 0.0),
    ],
)
def test_single_choice_needs_exactly_the_correct_option(
    selected: tuple[str, ...], expected: float
) -> None:
    assert score(SINGLE, Answer(selected=selected)) == expected


def test_true_false_is_scored_like_single_choice() -> None:
    assert score(TRUE_FALSE, Answer(selected=("t",))) == 1.0
    assert score(TRUE_FALSE, Answer(selected=("f",))) == 0.0
    assert score(TRUE_FALSE, Answer(selected=("t", "f"))) == 0.0


@pytest.mark.parametrize(
    ("selected", "expected"),
    [
        (("a", "b"), 4.0),
        (("b", "a", "a", "b"), 4.0),  # order and repeats do not matter
        (("a",), 2.0),  # one of two correct options: half
        (("a", "b", "c"), 2.0),  # (2 right - 1 wrong) / 2
        (("a", "c"), 0.0),  # (1 - 1) / 2
        (("a", "c", "d"), 0.0),  # never below zero
        (("c", "d"), 0.0),
        (("a", "b", "zzz"), 2.0),  # an unknown id counts as a wrong selection
        (("a", "b", "zzz", "zzz"), 2.0),  # ... once
        ((), 0.0),
    ],
)
def test_multiple_choice_gives_partial_credit(selected: tuple[str, ...], expected: float) -> None:
    assert score(MULTIPLE, Answer(selected=selected)) == expected


def test_multiple_choice_rule_is_described_for_the_schema() -> None:
    assert "max(0" in MULTIPLE_CHOICE_RULE
    assert "unknown option id counts as an incorrect selection" in MULTIPLE_CHOICE_RULE


@pytest.mark.parametrize(
    "text",
    ["CO2", "co2", "  carbon   DIOXIDE ", "Carbon\tdioxide\n", "CARBON DIOXIDE"],
)
def test_short_answer_ignores_case_and_whitespace(text: str) -> None:
    assert score(SHORT, Answer(text=text)) == 3.0


def test_short_answer_compares_composed_and_decomposed_accents_alike() -> None:
    question = ScorableQuestion(QuestionKind.SHORT_ANSWER, 1.0, accepted_answers=("café",))
    assert score(question, Answer(text="cafe\u0301")) == 1.0


@pytest.mark.parametrize("text", ["carbon", "CO 2", "", "   ", None])
def test_short_answer_rejects_other_and_empty_text(text: str | None) -> None:
    assert score(SHORT, Answer(text=text)) == 0.0


def test_a_blank_accepted_answer_never_matches_an_empty_answer() -> None:
    question = ScorableQuestion(QuestionKind.SHORT_ANSWER, 1.0, accepted_answers=("", "  "))
    assert score(question, Answer(text="")) == 0.0
    assert score(question, Answer(text=" ")) == 0.0


@pytest.mark.parametrize(
    ("number", "expected"),
    [
        (3.14, 5.0),
        (3.15, 5.0),  # exactly at the tolerance, despite binary floats
        (3.13, 5.0),
        (3.1501, 0.0),
        ("3.14", 5.0),
        ("  3.145\n", 5.0),
        ("314e-2", 5.0),
        (3, 0.0),
        ("3,14", 0.0),  # no locale forms
        ("pi", 0.0),
        ("", 0.0),
        (None, 0.0),
        (math.nan, 0.0),
        ("nan", 0.0),
        (math.inf, 0.0),
        ("-inf", 0.0),
        (1e308 * 10, 0.0),
        ("1e309", 0.0),
        ("1" + "0" * 400, 0.0),  # 10**400 as a string
        (True, 0.0),  # a boolean is no number
    ],
)
def test_numeric_answers(number: float | str | None, expected: float) -> None:
    assert score(NUMERIC, Answer(number=number)) == expected


def test_numeric_huge_integer_does_not_crash() -> None:
    assert score(NUMERIC, Answer(number=10**400)) == 0.0


def test_numeric_difference_overflowing_is_just_wrong() -> None:
    question = ScorableQuestion(QuestionKind.NUMERIC, 1.0, numeric_value=-1.7e308)
    assert score(question, Answer(number=1.7e308)) == 0.0
    assert score(question, Answer(number=-1.7e308)) == 1.0


def test_numeric_with_zero_tolerance_needs_the_exact_value() -> None:
    question = ScorableQuestion(QuestionKind.NUMERIC, 1.0, numeric_value=42.0)
    assert score(question, Answer(number="42")) == 1.0
    assert score(question, Answer(number=42.001)) == 0.0


def test_only_the_field_of_the_kind_counts() -> None:
    # given an answer that fills every field with something right for another kind
    answer = Answer(selected=("2",), text="CO2", number=3.14)
    # then each kind reads only its own field
    assert score(SINGLE, Answer(text="2", number=2)) == 0.0
    assert score(SHORT, Answer(selected=("CO2",))) == 0.0
    assert score(NUMERIC, Answer(text="3.14")) == 0.0
    assert [score(q, answer) for q in (SINGLE, SHORT, NUMERIC)] == [2.0, 3.0, 5.0]


def test_questions_with_nonsensical_points_score_zero() -> None:
    for points in (0.0, -1.0, math.nan, math.inf):
        question = ScorableQuestion(QuestionKind.SINGLE_CHOICE, points, options=(("1", True),))
        assert score(question, Answer(selected=("1",))) == 0.0


def test_parse_number_returns_finite_floats_only() -> None:
    assert parse_number(" -2.5 ") == -2.5
    assert parse_number(7) == 7.0
    assert parse_number("1e400") is None
    assert parse_number("abc") is None


def test_grade_computes_percentage_and_pass() -> None:
    assert grade(7.5, 10, 75) == Grade(75.0, True)
    below = grade(7.4, 10, 75)
    assert below.percentage == pytest.approx(74.0)
    assert below.passed is False
    assert grade(0, 10, None) == Grade(0.0, None)


def test_grade_forgives_float_sums_at_the_pass_mark() -> None:
    # given 0.7 + 0.2 points of 1, which floats sum to 0.8999999999999999
    scored = 0.7 + 0.2
    assert scored / 1 * 100 < 90
    # then it still passes a 90% mark, and an overshoot stays at 100%
    assert grade(scored, 1, 90).passed is True
    assert grade(10.000000000000002, 10, 100) == Grade(100.0, True)


def test_grade_refuses_a_quiz_without_points() -> None:
    with pytest.raises(ValueError, match="max_points"):
        grade(0, 0, 50)
