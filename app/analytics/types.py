"""GraphQL types of analytics: a quiz's statistics, the org's activity, a member's progress.

``QuizStatistics`` answers its counts and spreads from the rollups it was built with;
the item analysis (discrimination, efficiency, alpha, error ratio, standard error,
``computedAt``, ``itemAnalysisStatus``) is looked up once per response, when one of
those fields is asked for: the cached one, while a background task computes a newer one.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime
from enum import StrEnum
from typing import Annotated

import strawberry
from strawberry import relay
from strawberry.types import Info

from app.access.scopes import Scope
from app.analytics import service
from app.analytics.figures import flags_of
from app.analytics.repository import Bucket, MemberTotal, QuizTotal
from app.analytics.service import (
    AnalysisStatus,
    Interval,
    ItemAnalysis,
    OptionFigures,
    QuestionFigures,
)
from app.core.pagination import decode_cursor, encode_cursor, page_size
from app.graphql.relay import After, First
from app.members.loaders import member_by_id
from app.quizzes.loaders import quiz_by_id

strawberry.enum(
    Interval, name="AnalyticsInterval", description="How figures over time are grouped."
)
strawberry.enum(
    AnalysisStatus,
    name="ItemAnalysisStatus",
    description="Where a quiz's item analysis stands (it is computed in the background).",
)


@strawberry.enum(description="Why a question looks wrong (flagReasons says it in words).")
class QuestionFlag(StrEnum):
    NOT_ANSWERED = "NOT_ANSWERED"
    NEGATIVE_DISCRIMINATION = "NEGATIVE_DISCRIMINATION"
    VERY_EASY = "VERY_EASY"
    VERY_HARD = "VERY_HARD"


@strawberry.type(description="Attempts whose score fell in [low, high) (the last: [low, high]).")
class ScoreBucket:
    low: float = strawberry.field(description="Lowest score of the bucket, in points.")
    high: float = strawberry.field(description="Highest score of the bucket, in points.")
    attempts: int = strawberry.field(description="Attempts that scored within it.")


@strawberry.type(description="How often an option was picked (distractor analysis).")
class OptionStatistics:
    option: strawberry.Private[OptionFigures]

    @strawberry.field(description="The option's id.")
    def option_id(self) -> relay.GlobalID:
        return relay.GlobalID("Option", str(self.option.option_id))

    @strawberry.field(description="The option's text.")
    def text(self) -> str:
        return self.option.text

    @strawberry.field(description="Whether it is a right answer; null without quizzes:write.")
    def correct(self, info: Info) -> bool | None:
        return self.option.correct if info.context.actor.has(Scope.QUIZZES_WRITE) else None

    @strawberry.field(description="Attempts that picked it.")
    def picks(self) -> int:
        return self.option.picks

    @strawberry.field(description="Share of the attempts counted that picked it (0 to 1).")
    def share(self) -> float | None:
        return self.option.share


class _Once:
    """The item analysis of one ``QuizStatistics`` as it stood when a field first asked:
    every field of the response answers from the same one."""

    def __init__(self) -> None:
        self._state: service.AnalysisState | None = None

    def get(self, figures: service.QuizFigures) -> service.AnalysisState:
        if self._state is None:
            self._state = service.item_analysis(figures)
        return self._state

    def analysis(self, figures: service.QuizFigures) -> ItemAnalysis | None:
        return self.get(figures).analysis


@strawberry.type(description="Item analysis of one question, as Moodle's statistics report.")
class QuestionStatistics:
    question: strawberry.Private[QuestionFigures]
    quiz: strawberry.Private[service.QuizFigures]
    once: strawberry.Private[_Once]

    @strawberry.field(description="The question's id.")
    def question_id(self) -> relay.GlobalID:
        return relay.GlobalID("Question", str(self.question.question_id))

    @strawberry.field(description="Its place in the quiz, from 1.")
    def number(self) -> int:
        return self.question.position + 1

    @strawberry.field(description="The question's text.")
    def prompt(self) -> str:
        return self.question.prompt

    @strawberry.field(description="Its kind, a QuestionKind name (SINGLE_CHOICE, ...).")
    def kind(self) -> str:
        return self.question.kind.value

    @strawberry.field(description="Its points.")
    def max_points(self) -> float:
        return self.question.max_points

    @strawberry.field(description="Attempts counted that answered it.")
    def answered(self) -> int:
        return self.question.answered

    @strawberry.field(
        description="Mean score on it / its points, over the attempts counted (0 to 1; an "
        "unanswered question scores 0). Null without attempts."
    )
    def facility_index(self) -> float | None:
        return self.question.facility_index

    @strawberry.field(description="Sample standard deviation of its score, in points.")
    def standard_deviation(self) -> float | None:
        return self.question.standard_deviation

    @strawberry.field(
        description="Pearson correlation (-1 to 1) of its score with the rest of the test "
        "(the total minus this question) across attempts. Null when undefined (fewer than "
        "two attempts, or no spread)."
    )
    def discrimination_index(self) -> float | None:
        analysis = self.once.analysis(self.quiz)
        item = analysis.item(self.question.question_id) if analysis else None
        return item.discrimination_index if item else None

    @strawberry.field(
        description="Its covariance with the rest of the test / the largest its scores "
        "allow (both sorted alike): discrimination corrected for facility (at most 1)."
    )
    def discriminative_efficiency(self) -> float | None:
        analysis = self.once.analysis(self.quiz)
        item = analysis.item(self.question.question_id) if analysis else None
        return item.discriminative_efficiency if item else None

    def _flags(self) -> list[tuple[str, str]]:
        discrimination = self.discrimination_index()
        return flags_of(self.question.facility_index, discrimination, self.question.answered)

    @strawberry.field(
        description="What looks wrong with it; flagReasons says why. Without an item "
        "analysis yet (itemAnalysisStatus COMPUTING) NEGATIVE_DISCRIMINATION cannot show."
    )
    def flags(self) -> list[QuestionFlag]:
        return [QuestionFlag(flag) for flag, _reason in self._flags()]

    @strawberry.field(description="The flags in plain words, in the same order.")
    def flag_reasons(self) -> list[str]:
        return [reason for _flag, reason in self._flags()]

    @strawberry.field(description="Choice questions: how often each option was picked.")
    def options(self) -> list[OptionStatistics]:
        return [OptionStatistics(option=option) for option in self.question.options]


@strawberry.type(
    description="Statistics of a quiz over its closed attempts (first attempts only by "
    "default), with Moodle's item analysis. Counts, spreads and picks are kept current with "
    "every attempt; the item analysis is recomputed in the background on demand (see "
    "computedAt and itemAnalysisStatus)."
)
class QuizStatistics:
    figures: strawberry.Private[service.QuizFigures]
    once: strawberry.Private[_Once]

    @strawberry.field(description="Closed attempts counted.")
    def attempts(self) -> int:
        return self.figures.scores.attempts

    @strawberry.field(description="Members with an attempt counted.")
    def participants(self) -> int:
        return self.figures.participants

    @strawberry.field(
        description="Share of the attempts counted that their member submitted (the rest "
        "ran out of time), 0 to 1."
    )
    def completion_rate(self) -> float | None:
        return self.figures.completion_rate

    @strawberry.field(description="The quiz's maximum score, in points.")
    def max_score(self) -> float:
        return self.figures.max_score

    @strawberry.field(description="Mean score, in points.")
    def mean(self) -> float | None:
        return self.figures.scores.mean

    @strawberry.field(description="Median score, in points.")
    def median(self) -> float | None:
        return self.figures.scores.median

    @strawberry.field(description="Sample standard deviation of the scores, in points.")
    def standard_deviation(self) -> float | None:
        return self.figures.scores.standard_deviation

    @strawberry.field(description="Share of the attempts that passed (null: no pass mark).")
    def pass_rate(self) -> float | None:
        return self.figures.pass_rate

    @strawberry.field(description="Mean time from start to close, in seconds.")
    def average_time_seconds(self) -> float | None:
        return self.figures.average_time_seconds

    @strawberry.field(description="Scores in 10 equal buckets from 0 to the maximum score.")
    def score_distribution(self) -> list[ScoreBucket]:
        return [
            ScoreBucket(low=bucket.low, high=bucket.high, attempts=bucket.attempts)
            for bucket in self.figures.scores.histogram
        ]

    @strawberry.field(
        description="Cronbach's alpha (KR-20 for right/wrong questions): "
        "k/(k-1) * (1 - sum of the questions' variances / variance of the totals). Null when "
        "undefined (fewer than two attempts or questions, or no spread)."
    )
    def cronbach_alpha(self) -> float | None:
        analysis = self.once.analysis(self.figures)
        return analysis.test.cronbach_alpha if analysis else None

    @strawberry.field(
        description="sqrt(1 - alpha): the share of the scores' spread that is noise (0 to 1)."
    )
    def error_ratio(self) -> float | None:
        analysis = self.once.analysis(self.figures)
        return analysis.test.error_ratio if analysis else None

    @strawberry.field(
        description="Standard error of measurement: SD of the totals * sqrt(1 - alpha), in points."
    )
    def standard_error(self) -> float | None:
        analysis = self.once.analysis(self.figures)
        return analysis.test.standard_error if analysis else None

    @strawberry.field(
        description="When the item analysis (discrimination, efficiency, alpha, error ratio, "
        "standard error) was computed; it is recomputed in the background when asked for "
        "after new attempts, at most every 5 minutes. Null while the first one is computed "
        "(itemAnalysisStatus COMPUTING)."
    )
    def computed_at(self) -> datetime | None:
        analysis = self.once.analysis(self.figures)
        return analysis.computed_at if analysis else None

    @strawberry.field(
        description="Whether the item analysis fields are current (READY), from an earlier "
        "computation while a newer one runs (STALE), or null while the first one runs "
        "(COMPUTING). Asking starts the computation; ask again to read it."
    )
    def item_analysis_status(self) -> AnalysisStatus:
        return self.once.get(self.figures).status

    @strawberry.field(description="Per question, in quiz order.")
    def questions(self) -> list[QuestionStatistics]:
        return [
            QuestionStatistics(question=question, quiz=self.figures, once=self.once)
            for question in self.figures.questions
        ]

    @classmethod
    def of(cls, figures: service.QuizFigures) -> QuizStatistics:
        return cls(figures=figures, once=_Once())


@strawberry.type(description="Activity in one day or week.")
class ActivityBucket:
    bucket: strawberry.Private[Bucket]

    @strawberry.field(description="Its first day (a week starts on Monday), UTC.")
    def start(self) -> date:
        return self.bucket.start

    @strawberry.field(description="Attempts closed in it.")
    def attempts(self) -> int:
        return self.bucket.attempts

    @strawberry.field(description="Members with an attempt closed in it.")
    def active_members(self) -> int:
        return self.bucket.active_members

    @strawberry.field(description="Mean percentage of those attempts.")
    def average_percentage(self) -> float | None:
        return self.bucket.percentage_sum / self.bucket.attempts if self.bucket.attempts else None


@strawberry.type(description="A quiz's activity in the period.")
class QuizActivity:
    total: strawberry.Private[QuizTotal]

    @strawberry.field(description="The quiz's id.")
    def quiz_id(self) -> relay.GlobalID:
        return relay.GlobalID("Quiz", str(self.total.quiz_id))

    @strawberry.field(description="The quiz's title.")
    async def title(self, info: Info) -> str:
        quiz = await quiz_by_id(info).load(self.total.quiz_id)
        return quiz.title if quiz else ""

    @strawberry.field(description="Attempts closed in the period.")
    def attempts(self) -> int:
        return self.total.attempts

    @strawberry.field(description="Their mean percentage.")
    def average_percentage(self) -> float | None:
        return self.total.percentage_sum / self.total.attempts if self.total.attempts else None


@strawberry.type(description="A member's attempts and progress in the period.")
class MemberProgress:
    member_id_value: strawberry.Private[uuid.UUID]
    total: strawberry.Private[MemberTotal | None]
    timeline_buckets: strawberry.Private[tuple[Bucket, ...] | None]

    @strawberry.field(description="The member's id.")
    def member_id(self) -> relay.GlobalID:
        return relay.GlobalID("Member", str(self.member_id_value))

    @strawberry.field(description="The member's display name.")
    async def display_name(self, info: Info) -> str:
        member = await member_by_id(info).load(self.member_id_value)
        return member.display_name if member else ""

    @strawberry.field(description="Attempts closed in the period.")
    def attempts(self) -> int:
        return self.total.attempts if self.total else 0

    @strawberry.field(description="Quizzes taken for the first time in the period.")
    def quizzes_started(self) -> int:
        return self.total.quizzes if self.total else 0

    @strawberry.field(description="Mean percentage of the attempts.")
    def average_percentage(self) -> float | None:
        if self.total is None or not self.total.attempts:
            return None
        return self.total.percentage_sum / self.total.attempts

    @strawberry.field(description="The last day with an attempt closed, UTC.")
    def last_active_on(self) -> date | None:
        return self.total.last_day if self.total else None

    @strawberry.field(
        description="Attempts and mean percentage per day or week (only on memberProgress; "
        "empty in a list)."
    )
    def timeline(self) -> list[ActivityBucket]:
        return [ActivityBucket(bucket=bucket) for bucket in self.timeline_buckets or ()]

    @classmethod
    def of(cls, progress: service.MemberProgress) -> MemberProgress:
        return cls(
            member_id_value=progress.member_id,
            total=progress.total,
            timeline_buckets=progress.timeline,
        )


@strawberry.type(description="A member's progress with its cursor.")
class MemberProgressEdge:
    cursor: str = strawberry.field(description="A cursor for use in pagination.")
    node: MemberProgress = strawberry.field(description="The member's progress.")


@strawberry.type(description="Active members, most attempts first (a Relay connection).")
class MemberProgressConnection:
    edges: list[MemberProgressEdge] = strawberry.field(description="This page's members.")
    page_info: relay.PageInfo = strawberry.field(description="Pagination data.")

    @classmethod
    def of(cls, totals: list[MemberTotal], offset: int, has_next: bool) -> MemberProgressConnection:
        edges = [
            MemberProgressEdge(
                cursor=encode_cursor(offset + index),
                node=MemberProgress(
                    member_id_value=total.member_id, total=total, timeline_buckets=None
                ),
            )
            for index, total in enumerate(totals)
        ]
        return cls(
            edges=edges,
            page_info=relay.PageInfo(
                has_next_page=has_next,
                has_previous_page=offset > 0,
                start_cursor=edges[0].cursor if edges else None,
                end_cursor=edges[-1].cursor if edges else None,
            ),
        )


@strawberry.type(description="The org's activity over a period (analytics:read).")
class OrganizationAnalytics:
    figures: strawberry.Private[service.OrgFigures]

    @strawberry.field(description="The period's first day (UTC).")
    def since(self) -> date:
        return self.figures.period.since

    @strawberry.field(description="The period's last day (UTC, included).")
    def until(self) -> date:
        return self.figures.period.until

    @strawberry.field(description="How the timeline is grouped.")
    def interval(self) -> Interval:
        return self.figures.period.interval

    @strawberry.field(description="Members with an attempt closed in the period.")
    def active_members(self) -> int:
        return self.figures.active_members

    @strawberry.field(description="Attempts closed in the period.")
    def attempts(self) -> int:
        return self.figures.attempts

    @strawberry.field(description="Mean percentage of those attempts.")
    def average_percentage(self) -> float | None:
        return self.figures.average_percentage

    @strawberry.field(
        description="Attempts, active members and mean percentage per day or week that had "
        "any (at most 366 buckets)."
    )
    def timeline(self) -> list[ActivityBucket]:
        return [ActivityBucket(bucket=bucket) for bucket in self.figures.timeline]

    @strawberry.field(description="The quizzes with the most attempts in the period.")
    async def top_quizzes(
        self,
        info: Info,
        first: Annotated[
            int,
            strawberry.argument(
                description=f"How many: 5 when left out, at most {service.MAX_TOP_QUIZZES}."
            ),
        ] = 5,
    ) -> list[QuizActivity]:
        totals = await service.top_quizzes(info.context.sc, self.figures, first)
        return [QuizActivity(total=total) for total in totals]

    @strawberry.field(description="Active members' attempts and progress, most attempts first.")
    async def members(
        self, info: Info, first: First = None, after: After = None
    ) -> MemberProgressConnection:
        offset, size = decode_cursor(after), page_size(first)
        totals = await service.member_totals(info.context.sc, self.figures, offset, size + 1)
        return MemberProgressConnection.of(totals[:size], offset, len(totals) > size)
