"""The statistics themselves: pure functions of numbers, computed with numpy.

Scores come in two shapes: counts per score (from the rollups: the summary figures) and
the response matrix, one row per attempt and one column per question with the points
earned (0 when unanswered: the item analysis). Standard deviations and variances are
of the sample (n - 1), as Moodle's statistics report has them. A value that is
undefined (too few attempts, no spread) is None, never NaN.

Item analysis, following Moodle's quiz statistics:

- facility index: the question's mean score / its maximum (0 to 1).
- discrimination index: Pearson's r of the question's score with the rest of the test
  (the attempt's total minus this question) across attempts.
- discriminative efficiency: the covariance of the question with the rest of the test /
  the largest covariance their values allow (both sorted the same way), so a question
  whose discrimination is capped by its facility is not blamed for it (0 to 1 when
  positive).
- Cronbach's alpha: k/(k-1) * (1 - sum of var(question) / var(total)); for right/wrong items
  this is KR-20. Error ratio: sqrt(1 - alpha), the share of the score's spread that is
  noise; standard error: SD(total) * sqrt(1 - alpha), in points.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

Matrix = npt.NDArray[np.float64]

HISTOGRAM_BUCKETS = 10
VERY_EASY = 0.95
VERY_HARD = 0.05


def finite(value: float | np.floating | None) -> float | None:
    if value is None:
        return None
    number = float(value)
    return number if math.isfinite(number) else None


@dataclass(frozen=True, slots=True)
class HistogramBucket:
    low: float
    high: float
    attempts: int


@dataclass(frozen=True, slots=True)
class ScoreSummary:
    attempts: int
    mean: float | None
    median: float | None
    standard_deviation: float | None
    histogram: tuple[HistogramBucket, ...]


def summarize_scores(
    scores: Sequence[float], counts: Sequence[int], max_score: float
) -> ScoreSummary:
    """Mean, median, sample SD and a histogram of ``HISTOGRAM_BUCKETS`` equal buckets
    over ``[0, max_score]`` (the last one closed), from how many attempts (``counts``)
    scored each score (``scores``, ascending)."""
    values = np.asarray(scores, dtype=np.float64)
    weights = np.asarray(counts, dtype=np.int64)
    total = int(weights.sum())
    edges = np.linspace(0.0, max(max_score, 0.0) or 1.0, HISTOGRAM_BUCKETS + 1)
    if total == 0:
        empty = tuple(
            HistogramBucket(float(low), float(high), 0) for low, high in itertools.pairwise(edges)
        )
        return ScoreSummary(0, None, None, None, empty)
    mean = float(np.average(values, weights=weights))
    sd = None
    if total > 1:
        variance = float(np.sum(weights * (values - mean) ** 2)) / (total - 1)
        sd = math.sqrt(max(variance, 0.0))
    # The middle attempt(s) in score order: the cumulative counts say which score holds them.
    cumulative = np.cumsum(weights)
    lower = values[np.searchsorted(cumulative, (total - 1) // 2, side="right")]
    upper = values[np.searchsorted(cumulative, total // 2, side="right")]
    median = (float(lower) + float(upper)) / 2
    histogram, _ = np.histogram(np.clip(values, edges[0], edges[-1]), bins=edges, weights=weights)
    buckets = tuple(
        HistogramBucket(float(low), float(high), round(float(count)))
        for low, high, count in zip(edges[:-1], edges[1:], histogram, strict=True)
    )
    return ScoreSummary(total, mean, median, sd, buckets)


def question_spread(
    attempts: int, points: float, points_squared: float, max_points: float
) -> tuple[float | None, float | None]:
    """(facility index, sample SD) of a question from its sums over ``attempts``
    (unanswered counts as 0 points)."""
    if attempts == 0:
        return None, None
    mean = points / attempts
    facility = finite(mean / max_points) if max_points > 0 else None
    if attempts < 2:
        return facility, None
    variance = (points_squared - attempts * mean * mean) / (attempts - 1)
    return facility, math.sqrt(max(variance, 0.0))


@dataclass(frozen=True, slots=True)
class ItemFigures:
    discrimination_index: float | None
    discriminative_efficiency: float | None


@dataclass(frozen=True, slots=True)
class TestFigures:
    attempts: int
    items: tuple[ItemFigures, ...]
    cronbach_alpha: float | None
    error_ratio: float | None
    standard_error: float | None


def analyse_items(matrix: Matrix) -> TestFigures:
    """The item analysis of a response matrix (attempts by questions, points earned)."""
    attempts, questions = matrix.shape
    totals = matrix.sum(axis=1)
    items = tuple(_item(matrix[:, index], totals) for index in range(questions))
    alpha = cronbach_alpha(matrix)
    error_ratio = standard_error = None
    if alpha is not None:
        noise = math.sqrt(max(1.0 - alpha, 0.0))
        error_ratio = noise
        standard_error = finite(float(np.std(totals, ddof=1)) * noise)
    return TestFigures(attempts, items, alpha, error_ratio, standard_error)


def cronbach_alpha(matrix: Matrix) -> float | None:
    attempts, questions = matrix.shape
    if attempts < 2 or questions < 2:
        return None
    total_variance = float(np.var(matrix.sum(axis=1), ddof=1))
    if total_variance <= 0:
        return None
    item_variances = float(np.var(matrix, axis=0, ddof=1).sum())
    return finite(questions / (questions - 1) * (1 - item_variances / total_variance))


def _item(scores: Matrix, totals: Matrix) -> ItemFigures:
    rest = totals - scores
    if len(scores) < 2 or np.ptp(scores) == 0 or np.ptp(rest) == 0:
        return ItemFigures(None, None)
    correlation = finite(np.corrcoef(scores, rest)[0, 1])
    covariance = float(np.cov(scores, rest)[0, 1])
    largest = float(np.cov(np.sort(scores), np.sort(rest))[0, 1])
    efficiency = finite(covariance / largest) if largest > 0 else None
    return ItemFigures(correlation, efficiency)


def flags_of(
    facility: float | None, discrimination: float | None, answered: int
) -> list[tuple[str, str]]:
    """(flag, plain reason) for a question that looks wrong."""
    found: list[tuple[str, str]] = []
    if answered == 0:
        found.append(("NOT_ANSWERED", "Nobody answered this question yet."))
    if discrimination is not None and discrimination < 0:
        found.append(
            (
                "NEGATIVE_DISCRIMINATION",
                "Students who did well on the rest of the quiz did worse on this question "
                "than those who did badly: check the answer key and the wording.",
            )
        )
    if facility is not None and answered > 0 and facility >= VERY_EASY:
        found.append(
            (
                "VERY_EASY",
                f"Almost everyone got it right ({facility:.0%} of the points): it tells "
                "stronger and weaker students apart very little.",
            )
        )
    if facility is not None and answered > 0 and facility <= VERY_HARD:
        found.append(
            (
                "VERY_HARD",
                f"Almost nobody got it right ({facility:.0%} of the points): check that the "
                "answer key is right and that it was taught.",
            )
        )
    return found
