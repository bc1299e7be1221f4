"""Properties every scoring rule must have, whatever the question and the answer."""

import math

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.quizzes.drafts import QuestionKind
from app.quizzes.scoring import Answer, ScorableQuestion, score

points = st.floats(min_value=0.01, max_value=1000, allow_nan=False, allow_infinity=False)
option_ids = st.text(alphabet="abcdefgh0123456789", min_size=1, max_size=4)
finite = st.floats(allow_nan=False, allow_infinity=False, min_value=-1e12, max_value=1e12)
any_number = st.one_of(st.none(), st.floats(), st.integers(), st.text(max_size=20))
# Letters whose upper case folds back to themselves (unlike, say, the Turkish dotless i, U+0131).
words = st.text(alphabet="abcxyz ÉéßØø09\t", min_size=1, max_size=12).filter(str.strip)
# The first full-Unicode `st.text()` of a fresh machine builds Hypothesis's character
# tables, which takes about a second: not the slowness the health check is about.
fuzzing = settings(suppress_health_check=[HealthCheck.too_slow])


@st.composite
def choice_questions(draw: st.DrawFn) -> ScorableQuestion:
    kind = draw(st.sampled_from([QuestionKind.SINGLE_CHOICE, QuestionKind.MULTIPLE_CHOICE]))
    ids = draw(st.lists(option_ids, min_size=2, max_size=8, unique=True))
    if kind is QuestionKind.SINGLE_CHOICE:
        right = {draw(st.sampled_from(ids))}
    else:
        right = set(draw(st.lists(st.sampled_from(ids), min_size=1, unique=True)))
    return ScorableQuestion(kind, draw(points), options=tuple((i, i in right) for i in ids))


@st.composite
def questions_with_right_answers(draw: st.DrawFn) -> tuple[ScorableQuestion, Answer]:
    kind = draw(st.sampled_from(list(QuestionKind)))
    if kind is QuestionKind.TRUE_FALSE:
        truth = draw(st.booleans())
        question = ScorableQuestion(kind, draw(points), options=(("t", truth), ("f", not truth)))
        return question, Answer(selected=("t" if truth else "f",))
    if kind is QuestionKind.SHORT_ANSWER:
        accepted = draw(st.lists(words, min_size=1, max_size=3))
        question = ScorableQuestion(kind, draw(points), accepted_answers=tuple(accepted))
        return question, Answer(text=f"  {draw(st.sampled_from(accepted)).upper()} ")
    if kind is QuestionKind.NUMERIC:
        value, tolerance = draw(finite), draw(st.floats(min_value=0, max_value=1e6))
        question = ScorableQuestion(
            kind, draw(points), numeric_value=value, numeric_tolerance=tolerance
        )
        offset = draw(st.floats(min_value=-1, max_value=1)) * tolerance
        right_numbers: list[float | str] = [value + offset, repr(value)]
        return question, Answer(number=draw(st.sampled_from(right_numbers)))
    question = draw(choice_questions())
    right = [option_id for option_id, correct in question.options if correct]
    return question, Answer(selected=tuple(right))


@st.composite
def any_answers(draw: st.DrawFn, question: ScorableQuestion) -> Answer:
    known = [option_id for option_id, _ in question.options] or ["x"]
    ids = st.one_of(st.sampled_from(known), option_ids)
    return Answer(
        selected=tuple(draw(st.lists(ids, max_size=10))),
        text=draw(st.one_of(st.none(), st.text(max_size=30))),
        number=draw(any_number),
    )


@st.composite
def any_questions(draw: st.DrawFn) -> ScorableQuestion:
    question, _ = draw(questions_with_right_answers())
    return question


@given(questions_with_right_answers())
def test_a_fully_right_answer_scores_full_points(case: tuple[ScorableQuestion, Answer]) -> None:
    question, answer = case
    assert score(question, answer) == question.points


@fuzzing
@given(st.data())
def test_any_answer_scores_between_zero_and_the_points(data: st.DataObject) -> None:
    question = data.draw(any_questions())
    answer = data.draw(any_answers(question))
    earned = score(question, answer)
    assert 0.0 <= earned <= question.points
    assert math.isfinite(earned)


@fuzzing
@given(st.data())
def test_option_order_and_repeats_never_matter(data: st.DataObject) -> None:
    # given a choice question and any selection
    question = data.draw(choice_questions())
    answer = data.draw(any_answers(question))
    # when the selection is shuffled and some of it repeated
    shuffled = data.draw(st.permutations(answer.selected))
    repeated = (
        shuffled + data.draw(st.lists(st.sampled_from(shuffled), max_size=5)) if shuffled else ()
    )
    # then the score is the same
    assert score(question, Answer(selected=tuple(repeated))) == score(question, answer)
