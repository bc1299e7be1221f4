"""The rules of analytics: who reads what, and where each figure comes from.

- Reading needs analytics:read in the org (staff, and keys granted it). The one
  visibility rule (``AnalyticsVisibility``): analytics:read over everyone's records
  shows every member's figures; anyone else sees only their own progress
  (``member_progress`` with attempts:read), never another member's or the org's.
- Counts, means, medians, spreads, the histogram, pass rate, time taken, facility and
  option picks are summed from the rollups (``rollups.py``), kept current in the
  transaction that scores each attempt (``record_attempt``), so they cost a few indexed
  rows whatever the number of attempts.
- Item correlations and alpha need every attempt's points per question: they are
  computed with numpy from the response matrix in a background task (never in the
  request: 100,000 attempts take seconds) and cached per process with the time they
  were computed (``computedAt``). A cached analysis is current while the attempts it
  counted are still all there are, and for ``STALE_AFTER`` after new ones arrive (so a
  busy quiz recomputes at most that often); after that the request answers the last one
  (``STALE``), or none yet (``COMPUTING``), and starts one recompute per quiz and range.
- Ranges are whole UTC days (``since``/``until`` inclusive), by when attempts closed.
"""

from __future__ import annotations

import asyncio
import logging
import uuid
import weakref
from collections import OrderedDict
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum

import numpy as np
from sqlmodel.ext.asyncio.session import AsyncSession

from app.access.actor import Actor
from app.access.request import ServiceContext
from app.access.scopes import Scope
from app.analytics import figures, repository
from app.analytics.repository import Days
from app.analytics.rollups import ScoredAnswer, ScoredAttempt, Sums, contribution
from app.core.clock import as_utc, utcnow
from app.core.db import unit_of_work
from app.core.errors import BadUserInput, Forbidden
from app.quizzes import service as quizzes
from app.quizzes.drafts import QuestionKind

__all__ = ["ScoredAnswer", "ScoredAttempt"]

STALE_AFTER = timedelta(minutes=5)
CACHED_ANALYSES = 256
REBUILD_BATCH = 1_000
MAX_BUCKETS = 366
MAX_TOP_QUIZZES = 20
EXPORT_BATCH = 1_000
MATRIX_BATCH = 5_000
COMPUTING_AT_ONCE = 2

logger = logging.getLogger("quizgraph.analytics")


class Interval(StrEnum):
    DAY = "DAY"
    WEEK = "WEEK"


# --- keeping the rollups ---------------------------------------------------------------------


async def record_attempt(sc: ServiceContext, attempt: ScoredAttempt) -> None:
    """Add a just-closed attempt to the rollups, in the transaction that scored it."""
    await repository.add_sums(sc.db, contribution(attempt))


async def rebuild(sc: ServiceContext, org_id: uuid.UUID) -> int:
    """Recompute the org's rollups from its closed attempts (after a restore, or to
    check them); returns how many attempts were added. Needs the org's analytics:read
    and runs in the caller's transaction."""
    sc.actor.require(Scope.ANALYTICS_READ, org_id)
    await repository.clear_org(sc.db, org_id)
    sums, added, last = Sums(), 0, None
    while batch := await repository.scored_attempts(sc.db, org_id, last, REBUILD_BATCH):
        sums.add_all(batch)
        added += len(batch)
        last = batch[-1].attempt_id
    await repository.add_sums(sc.db, sums)
    return added


# --- who sees what ----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class AnalyticsVisibility:
    """The one rule: analytics:read over everyone's records shows every member's
    figures; otherwise only the actor's own progress."""

    actor: Actor

    def sees_everyone(self, org_id: uuid.UUID) -> bool:
        return self.actor.has_for_everyone(Scope.ANALYTICS_READ, org_id)

    def allows_member(self, org_id: uuid.UUID, member_id: uuid.UUID) -> bool:
        if not self.actor.reaches(org_id):
            return False
        return self.sees_everyone(org_id) or member_id == self.actor.member_id


def days_of(since: date | None, until: date | None, first_only: bool = False) -> Days:
    if since is not None and until is not None and since > until:
        raise BadUserInput({"since": "must not be after until"})
    return Days(since, until, first_only)


# --- a quiz ------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class OptionFigures:
    option_id: uuid.UUID
    text: str
    correct: bool
    picks: int
    share: float | None  # of the attempts counted


@dataclass(frozen=True, slots=True)
class QuestionFigures:
    question_id: uuid.UUID
    position: int
    prompt: str
    kind: QuestionKind
    max_points: float
    answered: int
    facility_index: float | None
    standard_deviation: float | None
    options: tuple[OptionFigures, ...]


@dataclass(frozen=True, slots=True)
class ItemAnalysis:
    """The numpy part, as cached: per question id its figures, and the test's."""

    computed_at: datetime
    attempts: int
    test: figures.TestFigures
    question_ids: tuple[uuid.UUID, ...]

    def item(self, question_id: uuid.UUID) -> figures.ItemFigures | None:
        if question_id not in self.question_ids:
            return None
        return self.test.items[self.question_ids.index(question_id)]


@dataclass
class QuizFigures:
    """A quiz's statistics: the rollup figures at once, the item analysis when asked."""

    org_id: uuid.UUID
    quiz_id: uuid.UUID
    days: Days
    max_score: float
    scores: figures.ScoreSummary
    participants: int
    submitted: int
    graded: int
    passed: int
    duration_ms: int
    questions: tuple[QuestionFigures, ...]

    @property
    def completion_rate(self) -> float | None:
        return self.submitted / self.scores.attempts if self.scores.attempts else None

    @property
    def pass_rate(self) -> float | None:
        return self.passed / self.graded if self.graded else None

    @property
    def average_time_seconds(self) -> float | None:
        attempts = self.scores.attempts
        return self.duration_ms / attempts / 1000 if attempts else None


async def quiz_figures(
    sc: ServiceContext, org_id: uuid.UUID, quiz_id: uuid.UUID, days: Days
) -> QuizFigures:
    """The statistics of a quiz the caller has reached (``Quiz.statistics``)."""
    sc.actor.require(Scope.ANALYTICS_READ, org_id)
    content = await quizzes.content_of(sc, await quizzes.quiz_of_record(sc, quiz_id, org_id))
    counts = await repository.score_counts(sc.db, org_id, quiz_id, days)
    scores = figures.summarize_scores(
        [c.score for c in counts], [c.attempts for c in counts], content.quiz.max_points
    )
    sums = await repository.question_sums(sc.db, org_id, quiz_id, days)
    picks = await repository.option_picks(sc.db, org_id, quiz_id, days)
    questions = []
    for question in content.questions:
        summed = sums.get(question.id, repository.QuestionSums(0, 0.0, 0.0))
        facility, spread = figures.question_spread(
            scores.attempts, summed.points, summed.points_squared, question.points
        )
        options = tuple(
            OptionFigures(
                option.id,
                option.text,
                option.correct,
                picks.get(option.id, 0),
                picks.get(option.id, 0) / scores.attempts if scores.attempts else None,
            )
            for option in sorted(content.options, key=lambda o: o.position)
            if option.question_id == question.id
        )
        questions.append(
            QuestionFigures(
                question.id,
                question.position,
                question.prompt,
                question.kind,
                question.points,
                summed.answered,
                facility,
                spread,
                options,
            )
        )
    return QuizFigures(
        org_id=org_id,
        quiz_id=quiz_id,
        days=days,
        max_score=content.quiz.max_points,
        scores=scores,
        participants=await repository.participants(sc.db, org_id, quiz_id, days),
        submitted=sum(c.submitted for c in counts),
        graded=sum(c.graded for c in counts),
        passed=sum(c.passed for c in counts),
        duration_ms=sum(c.duration_ms for c in counts),
        questions=tuple(questions),
    )


class AnalysisStatus(StrEnum):
    READY = "READY"  # computed over the attempts counted now (or within STALE_AFTER)
    COMPUTING = "COMPUTING"  # none yet: being computed, its fields are null meanwhile
    STALE = "STALE"  # the last one answers while a newer one is computed


@dataclass(frozen=True, slots=True)
class AnalysisState:
    status: AnalysisStatus
    analysis: ItemAnalysis | None


_AnalysisKey = tuple[uuid.UUID, Days]
_analyses: OrderedDict[_AnalysisKey, ItemAnalysis] = OrderedDict()
_computing: dict[_AnalysisKey, asyncio.Task[None]] = {}
# per event loop (a semaphore belongs to the loop it first waited in; tests run several)
_computations: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, asyncio.Semaphore] = (
    weakref.WeakKeyDictionary()
)


def item_analysis(quiz: QuizFigures) -> AnalysisState:
    """The item analysis of ``quiz``'s attempts as it stands, at once: the cached one
    while current (see the module's docstring), else the last one (or none) while a
    background task computes a new one. Never reads the answers in the request."""
    key = (quiz.quiz_id, quiz.days)
    cached = _analyses.get(key)
    if cached is not None:
        _analyses.move_to_end(key)
        fresh = utcnow() - cached.computed_at < STALE_AFTER
        if cached.attempts == quiz.scores.attempts or fresh:
            return AnalysisState(AnalysisStatus.READY, cached)
    if key not in _computing:
        question_ids = tuple(question.question_id for question in quiz.questions)
        task = asyncio.create_task(
            _compute(key, quiz.org_id, question_ids), name=f"item-analysis-{quiz.quiz_id}"
        )
        _computing[key] = task
        task.add_done_callback(lambda done: _settled(key, done))
    if cached is None:
        return AnalysisState(AnalysisStatus.COMPUTING, None)
    return AnalysisState(AnalysisStatus.STALE, cached)


async def item_analysis_ready(quiz_id: uuid.UUID | None = None) -> None:
    """Wait for the item analyses being computed (of ``quiz_id``, else all) to end
    (tests, and anyone who would rather wait than read a stale one)."""
    pending = [task for key, task in _computing.items() if quiz_id in (None, key[0])]
    await asyncio.gather(*pending, return_exceptions=True)


def forget_analyses() -> None:
    """Drop the cached item analyses and stop those being computed (tests)."""
    _analyses.clear()
    for task in _computing.values():
        task.cancel()
    _computing.clear()


async def _compute(
    key: _AnalysisKey, org_id: uuid.UUID, question_ids: tuple[uuid.UUID, ...]
) -> None:
    """Compute one item analysis in its own read transaction, ``COMPUTING_AT_ONCE`` at
    most per process; numpy runs in a thread so requests go on meanwhile."""
    loop = asyncio.get_running_loop()
    async with _computations.setdefault(loop, asyncio.Semaphore(COMPUTING_AT_ONCE)):
        started = utcnow()
        async with unit_of_work(write=False) as db:
            matrix = await _points_matrix(db, org_id, key, question_ids)
        test = await asyncio.to_thread(figures.analyse_items, matrix)
        _analyses[key] = ItemAnalysis(started, matrix.shape[0], test, question_ids)
        _analyses.move_to_end(key)
        while len(_analyses) > CACHED_ANALYSES:
            _analyses.popitem(last=False)


def _settled(key: _AnalysisKey, task: asyncio.Task[None]) -> None:
    if _computing.get(key) is task:
        del _computing[key]
    if not task.cancelled() and (error := task.exception()) is not None:
        logger.error("item analysis of quiz %s failed", key[0], exc_info=error)


async def _points_matrix(
    db: AsyncSession, org_id: uuid.UUID, key: _AnalysisKey, question_ids: tuple[uuid.UUID, ...]
) -> figures.Matrix:
    """Attempts by questions, the points earned (0: unanswered or ungraded); attempts
    without any answer are rows of zeros. Answers to questions no longer in the quiz
    are left out."""
    quiz_id, days = key
    column = {question_id: index for index, question_id in enumerate(question_ids)}
    pages: list[figures.Matrix] = []
    async for page in repository.points_pages(db, org_id, quiz_id, days, MATRIX_BATCH):
        block = np.zeros((page.attempts, len(question_ids)))
        columns = np.fromiter(
            (column.get(question, -1) for question in page.question_ids),
            np.int64,
            len(page.question_ids),
        )
        kept = columns >= 0
        block[page.rows[kept], columns[kept]] = page.points[kept]
        pages.append(block)
    return np.vstack(pages) if pages else np.zeros((0, len(question_ids)))


# --- the org -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Period:
    since: date
    until: date
    interval: Interval

    @property
    def weekly(self) -> bool:
        return self.interval is Interval.WEEK

    @property
    def days(self) -> Days:
        return Days(self.since, self.until)


def period_of(since: date | None, until: date | None, interval: Interval) -> Period:
    """The range asked for; by default the last 30 days (DAY) or 12 weeks (WEEK) up to
    today. At most ``MAX_BUCKETS`` days or weeks."""
    end = until or utcnow().date()
    span = timedelta(days=30) if interval is Interval.DAY else timedelta(weeks=12)
    start = since or end - span + timedelta(days=1)
    if start > end:
        raise BadUserInput({"since": "must not be after until"})
    step = 1 if interval is Interval.DAY else 7
    if (end - start).days // step + 1 > MAX_BUCKETS:
        unit = "days" if interval is Interval.DAY else "weeks"
        raise BadUserInput({"since": f"the range spans more than {MAX_BUCKETS} {unit}"})
    return Period(start, end, interval)


@dataclass(frozen=True, slots=True)
class OrgFigures:
    org_id: uuid.UUID
    period: Period
    active_members: int
    timeline: tuple[repository.Bucket, ...]

    @property
    def attempts(self) -> int:
        return sum(bucket.attempts for bucket in self.timeline)

    @property
    def average_percentage(self) -> float | None:
        total = sum(bucket.percentage_sum for bucket in self.timeline)
        return total / self.attempts if self.attempts else None


async def org_figures(sc: ServiceContext, org_id: uuid.UUID, period: Period) -> OrgFigures:
    sc.actor.require(Scope.ANALYTICS_READ, org_id)
    timeline = await repository.buckets(sc.db, org_id, period.days, period.weekly)
    active = await repository.active_members(sc.db, org_id, period.days)
    return OrgFigures(org_id, period, active, tuple(timeline))


async def top_quizzes(
    sc: ServiceContext, org: OrgFigures, first: int
) -> list[repository.QuizTotal]:
    if not 1 <= first <= MAX_TOP_QUIZZES:
        raise BadUserInput({"first": f"must be between 1 and {MAX_TOP_QUIZZES}"})
    return await repository.top_quizzes(sc.db, org.org_id, org.period.days, first)


async def member_totals(
    sc: ServiceContext, org: OrgFigures, offset: int, limit: int
) -> list[repository.MemberTotal]:
    """Every active member's totals (``AnalyticsVisibility``: for analytics:read over
    everyone's records only, which ``org_figures`` required)."""
    if not AnalyticsVisibility(sc.actor).sees_everyone(org.org_id):
        raise Forbidden("You can only see your own progress.")
    return await repository.member_totals(
        sc.db, org.org_id, org.period.days, offset=offset, limit=limit
    )


@dataclass(frozen=True, slots=True)
class MemberProgress:
    member_id: uuid.UUID
    period: Period
    total: repository.MemberTotal | None
    timeline: tuple[repository.Bucket, ...]


async def member_progress(
    sc: ServiceContext, org_id: uuid.UUID, member_id: uuid.UUID | None, period: Period
) -> MemberProgress:
    """A member's attempts and average over time: the actor's own (attempts:read), or
    anyone's for analytics:read over everyone's records; anyone else's is FORBIDDEN."""
    sc.actor.require(Scope.ATTEMPTS_READ, org_id)
    member = member_id or sc.actor.member_id
    if member is None:
        raise BadUserInput({"memberId": "is required for credentials without a member"})
    if not AnalyticsVisibility(sc.actor).allows_member(org_id, member):
        raise Forbidden("You can only see your own progress.")
    totals = await repository.member_totals(sc.db, org_id, period.days, member_id=member)
    timeline = await repository.member_buckets(sc.db, org_id, member, period.days, period.weekly)
    return MemberProgress(member, period, totals[0] if totals else None, tuple(timeline))


# --- the export ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ExportHeader:
    quiz_title: str
    question_ids: tuple[uuid.UUID, ...]
    question_labels: tuple[str, ...]


async def export_header(sc: ServiceContext, quiz_id: uuid.UUID) -> tuple[uuid.UUID, ExportHeader]:
    """The quiz's org and the export's columns, after the checks: the quiz must be one
    the actor reads (else NOT_FOUND) and the actor needs analytics:read in its org."""
    quiz = await quizzes.get_readable(sc, quiz_id)
    sc.actor.require(Scope.ANALYTICS_READ, quiz.org_id)
    questions = await quizzes.questions_of(sc, quiz)
    return quiz.org_id, ExportHeader(
        quiz.title,
        tuple(question.id for question in questions),
        tuple(f"Q{question.position + 1} ({question.points:g})" for question in questions),
    )


async def export_batches(
    sc: ServiceContext, org_id: uuid.UUID, quiz_id: uuid.UUID, days: Days
) -> AsyncIterator[list[tuple[repository.ExportRow, dict[uuid.UUID, float | None]]]]:
    """The export's rows, ``EXPORT_BATCH`` attempts at a time."""
    async for rows in repository.export_attempts(sc.db, org_id, quiz_id, days, EXPORT_BATCH):
        yield rows


def duration_seconds(row: repository.ExportRow) -> float | None:
    if row.closed_at is None:
        return None
    return (as_utc(row.closed_at) - as_utc(row.started_at)).total_seconds()
