"""``Quiz.statistics``, ``Organization.analytics`` and ``Organization.memberProgress``."""

from __future__ import annotations

import uuid
from datetime import date
from typing import Annotated

import strawberry
from strawberry import relay
from strawberry.types import Info

from app.access.scopes import Scope
from app.analytics import service
from app.analytics.service import Interval
from app.analytics.types import MemberProgress, OrganizationAnalytics, QuizStatistics
from app.graphql.permissions import requires
from app.graphql.relay import decode_id

Since = Annotated[
    date | None, strawberry.argument(description="First day counted (UTC); left out: no bound.")
]
Until = Annotated[
    date | None,
    strawberry.argument(description="Last day counted (UTC, included); left out: no bound."),
]
# The period of Organization.analytics and memberProgress (their since differs).
PeriodUntil = Annotated[
    date | None, strawberry.argument(description="Last day (UTC); left out: today.")
]
PeriodInterval = Annotated[
    Interval, strawberry.argument(description="DAY (the default) or WEEK buckets.")
]


@strawberry.type
class QuizStatisticsField:
    """Mixed into ``Quiz``."""

    row_id: strawberry.Private[uuid.UUID]
    org_id: strawberry.Private[uuid.UUID]

    @strawberry.field(
        description=(
            "Statistics and item analysis of the quiz's closed attempts, by the UTC day they "
            "closed. Needs analytics:read."
        ),
        permission_classes=[requires(Scope.ANALYTICS_READ)],
    )
    async def statistics(
        self,
        info: Info,
        first_attempts_only: Annotated[
            bool,
            strawberry.argument(
                description="Only each member's first attempt (Moodle's default); false: all."
            ),
        ] = True,
        since: Since = None,
        until: Until = None,
    ) -> QuizStatistics | None:
        days = service.days_of(since, until, first_attempts_only)
        figures = await service.quiz_figures(info.context.sc, self.org_id, self.row_id, days)
        return QuizStatistics.of(figures)


@strawberry.type
class OrganizationAnalyticsFields:
    org_id: strawberry.Private[uuid.UUID]

    @strawberry.field(
        description=(
            "Activity over time: active members, attempts and mean percentage per day or "
            "week, top quizzes, each member's progress. Needs analytics:read."
        ),
        permission_classes=[requires(Scope.ANALYTICS_READ)],
    )
    async def analytics(
        self,
        info: Info,
        since: Annotated[
            date | None,
            strawberry.argument(
                description="First day (UTC); left out: 30 days (DAY) or 12 weeks (WEEK) "
                "before until."
            ),
        ] = None,
        until: PeriodUntil = None,
        interval: PeriodInterval = Interval.DAY,
    ) -> OrganizationAnalytics | None:
        period = service.period_of(since, until, interval)
        return OrganizationAnalytics(
            figures=await service.org_figures(info.context.sc, self.org_id, period)
        )

    @strawberry.field(
        description=(
            "A member's attempts and progress over time: one's own with attempts:read; "
            "another member's needs analytics:read (staff), else FORBIDDEN."
        ),
        permission_classes=[requires(Scope.ATTEMPTS_READ)],
    )
    async def member_progress(
        self,
        info: Info,
        member_id: Annotated[
            relay.GlobalID | None,
            strawberry.argument(
                description="The member; left out: the viewer (a key: its creator)."
            ),
        ] = None,
        since: Annotated[
            date | None,
            strawberry.argument(description="First day (UTC); left out: as analytics."),
        ] = None,
        until: PeriodUntil = None,
        interval: PeriodInterval = Interval.DAY,
    ) -> MemberProgress | None:
        member = decode_id(member_id, "Member", "memberId") if member_id else None
        period = service.period_of(since, until, interval)
        progress = await service.member_progress(info.context.sc, self.org_id, member, period)
        return MemberProgress.of(progress)
