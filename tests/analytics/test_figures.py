"""The statistics against independent computations on fixed response matrices.

Independent means another formula or another library: alpha from the covariance matrix
(not the variances of items and totals the code uses), correlations from Python's
``statistics`` module, a small case worked by hand, and numpy's own median/std on the
scores expanded one per attempt.
"""

from __future__ import annotations

import math
import statistics

import numpy as np
import pytest

from app.analytics.figures import (
    analyse_items,
    cronbach_alpha,
    flags_of,
    question_spread,
    summarize_scores,
)


def fixed_matrix() -> np.ndarray:
    """30 students x 10 right/wrong questions from a seeded latent-ability model: able
    students get more right, questions differ in difficulty, and question 7 is keyed
    backwards (the weaker students get it right)."""
    rng = np.random.default_rng(15)
    ability = rng.normal(size=30)
    difficulty = np.linspace(-1.5, 1.5, 10)
    chance = 1 / (1 + np.exp(-(ability[:, None] - difficulty[None, :]) * 1.7))
    chance[:, 7] = 1 - chance[:, 7]
    return (rng.random((30, 10)) < chance).astype(float)


def alpha_from_covariances(matrix: np.ndarray) -> float:
    covariance = np.cov(matrix, rowvar=False)
    k = matrix.shape[1]
    return float(k / (k - 1) * (1 - np.trace(covariance) / covariance.sum()))


def test_alpha_of_a_hand_worked_case() -> None:
    # given four students and three right/wrong questions, a perfect Guttman pattern
    matrix = np.array([[1, 1, 1], [1, 1, 0], [1, 0, 0], [0, 0, 0]], dtype=float)
    # when alpha is computed
    # then it is KR-20 worked by hand: item variances 1/4 + 1/3 + 1/4 = 5/6, total
    # variance 5/3, so 3/2 * (1 - 1/2) = 0.75
    assert cronbach_alpha(matrix) == pytest.approx(0.75)
    # and the first question's discrimination is r([1,1,1,0], [2,1,0,0]) = .75/sqrt(.75*2.75)
    first = analyse_items(matrix).items[0]
    assert first.discrimination_index == pytest.approx(0.75 / math.sqrt(0.75 * 2.75))


def test_the_30_by_10_matrix_matches_an_independent_computation() -> None:
    # given the fixed matrix
    matrix = fixed_matrix()
    totals = matrix.sum(axis=1)
    # when analysed
    result = analyse_items(matrix)
    # then alpha is the covariance-matrix form of Cronbach's alpha, to 1e-12
    expected_alpha = alpha_from_covariances(matrix)
    assert result.cronbach_alpha == pytest.approx(expected_alpha, abs=1e-12)
    assert 0.3 < expected_alpha < 0.9  # a plausible classroom test, not a degenerate one
    # and each question's discrimination is its correlation with the rest of the test
    for index, item in enumerate(result.items):
        rest = (totals - matrix[:, index]).tolist()
        expected = statistics.correlation(matrix[:, index].tolist(), rest)
        assert item.discrimination_index == pytest.approx(expected, abs=1e-12)
    # and the backwards-keyed question is the one that discriminates negatively
    negative = [i for i, item in enumerate(result.items) if (item.discrimination_index or 0) < 0]
    assert negative == [7]
    # and the error ratio and standard error follow from alpha
    assert result.error_ratio == pytest.approx(math.sqrt(1 - expected_alpha))
    assert result.standard_error == pytest.approx(
        statistics.stdev(totals.tolist()) * math.sqrt(1 - expected_alpha)
    )


def test_discriminative_efficiency_is_covariance_over_the_largest_possible() -> None:
    # given the fixed matrix
    matrix = fixed_matrix()
    totals = matrix.sum(axis=1)
    result = analyse_items(matrix)
    for index, item in enumerate(result.items):
        scores, rest = matrix[:, index].tolist(), (totals - matrix[:, index]).tolist()
        # then it is cov(x, rest) / cov(sorted x, sorted rest), by Python's statistics
        expected = statistics.covariance(scores, rest) / statistics.covariance(
            sorted(scores), sorted(rest)
        )
        assert item.discriminative_efficiency == pytest.approx(expected, abs=1e-12)
        assert item.discriminative_efficiency is not None
        assert item.discriminative_efficiency <= 1 + 1e-12


def test_one_participant_leaves_every_spread_undefined() -> None:
    # given a single attempt
    result = analyse_items(np.array([[1.0, 0.0, 2.0]]))
    # then nothing that needs two attempts is a number (and nothing is NaN)
    assert result.cronbach_alpha is None
    assert result.error_ratio is None and result.standard_error is None
    assert all(item.discrimination_index is None for item in result.items)
    assert question_spread(1, 1.0, 1.0, 1.0) == (1.0, None)


def test_everyone_equal_leaves_alpha_and_correlations_undefined() -> None:
    # given ten attempts with the same answers
    result = analyse_items(np.tile([1.0, 0.0, 1.0, 1.0], (10, 1)))
    # then there is no spread to correlate
    assert result.cronbach_alpha is None
    assert all(item.discrimination_index is None for item in result.items)
    assert all(item.discriminative_efficiency is None for item in result.items)


def test_a_question_nobody_answered_is_null_and_the_others_still_count() -> None:
    # given the fixed matrix with a question nobody answered (zero points for everyone)
    matrix = np.hstack([fixed_matrix(), np.zeros((30, 1))])
    result = analyse_items(matrix)
    # then that question has no correlation, the others keep theirs
    assert result.items[-1].discrimination_index is None
    assert all(item.discrimination_index is not None for item in result.items[:-1])
    # and alpha is still the covariance form's value (a constant item adds no variance)
    assert result.cronbach_alpha == pytest.approx(alpha_from_covariances(matrix), abs=1e-12)
    # and it is flagged, in words
    flags = flags_of(None, None, answered=0)
    assert [flag for flag, _ in flags] == ["NOT_ANSWERED"]


def test_score_summary_from_counts_matches_numpy_on_the_expanded_scores() -> None:
    # given how many attempts scored each score
    scores, counts = [0.0, 1.5, 2.0, 4.0, 5.0], [3, 1, 6, 2, 4]
    expanded = np.repeat(scores, counts)
    # when summarised
    summary = summarize_scores(scores, counts, max_score=5.0)
    # then the figures are numpy's on the expanded list
    assert summary.attempts == 16
    assert summary.mean == pytest.approx(float(np.mean(expanded)))
    assert summary.median == pytest.approx(float(np.median(expanded)))
    assert summary.standard_deviation == pytest.approx(float(np.std(expanded, ddof=1)))
    # and the histogram's 10 buckets hold every attempt, the maximum in the last
    assert len(summary.histogram) == 10
    assert sum(bucket.attempts for bucket in summary.histogram) == 16
    assert summary.histogram[-1].attempts == 4 and summary.histogram[0].attempts == 3


@pytest.mark.parametrize("total", [1, 2, 3, 4, 7])
def test_median_of_small_counts(total: int) -> None:
    scores = [float(i) for i in range(total)]
    summary = summarize_scores(scores, [1] * total, max_score=10.0)
    assert summary.median == pytest.approx(statistics.median(scores))


def test_no_attempts_is_all_null() -> None:
    summary = summarize_scores([], [], max_score=4.0)
    assert (summary.attempts, summary.mean, summary.median, summary.standard_deviation) == (
        0,
        None,
        None,
        None,
    )
    assert question_spread(0, 0.0, 0.0, 1.0) == (None, None)


def test_question_spread_from_sums_is_the_sample_sd() -> None:
    points = [1.0, 0.0, 1.0, 1.0, 0.5]
    facility, spread = question_spread(
        len(points), sum(points), sum(p * p for p in points), max_points=1.0
    )
    assert facility == pytest.approx(statistics.mean(points))
    assert spread == pytest.approx(statistics.stdev(points))


def test_flags_name_negative_discrimination_and_extreme_facility() -> None:
    assert [f for f, _ in flags_of(0.5, -0.2, answered=10)] == ["NEGATIVE_DISCRIMINATION"]
    assert [f for f, _ in flags_of(0.97, 0.3, answered=10)] == ["VERY_EASY"]
    assert [f for f, _ in flags_of(0.02, 0.3, answered=10)] == ["VERY_HARD"]
    assert flags_of(0.6, 0.4, answered=10) == []
    assert all(reason for _, reason in flags_of(0.0, -0.5, answered=3))
