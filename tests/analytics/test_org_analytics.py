"""Organization.analytics: attempts, active members and mean percentage per day or week,
top quizzes and each member's progress, from attempts taken on known days."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from starlette.applications import Starlette

from app.core import clock as clock_module
from app.core.clock import FrozenClock, set_clock
from tests.analytics.support import ORG_ANALYTICS, known_quiz, take
from tests.support.factories import make_org

MONDAY = datetime(2026, 11, 2, 10, 0, tzinfo=UTC)


async def test_timeline_by_day_and_week_with_top_quizzes_and_members(app: Starlette) -> None:
    previous = clock_module.clock
    clock = FrozenClock(MONDAY)
    set_clock(clock)
    try:
        # given two quizzes; the student takes the first on Monday and Tuesday (one right
        # answer each: 2/5 and 1/5 points), the teacher takes the second the next Monday
        org = await make_org()
        teacher = await org.signed_in(app, "teacher")
        student = await org.signed_in(app, "student")
        first = await known_quiz(teacher, attemptsAllowed=3)
        second = await known_quiz(teacher, title="Second")
        await take(student, first, [["a"], ["b"], ["b"], ["b"]])  # 2 of 5: 40%
        clock.advance(days=1)
        await student.close()
        student = await org.signed_in(app, "student")  # sessions don't idle a week
        await take(student, first, [["b"], ["b"], ["b"], ["a"]])  # 1 of 5: 20%
        clock.advance(days=6)
        await teacher.close()
        teacher = await org.signed_in(app, "teacher")
        await take(teacher, second, [["a"], ["a", "c"], ["a"], ["a"]])  # 100%
        # when read by day over the two weeks
        days = await teacher.gql(
            ORG_ANALYTICS, {"slug": org.slug, "since": "2026-11-02", "until": "2026-11-15"}
        )
        by_day = days.ok()["organization"]["analytics"]
        # then three days had attempts, each with its members and mean
        assert [(b["start"], b["attempts"], b["activeMembers"]) for b in by_day["timeline"]] == [
            ("2026-11-02", 1, 1),
            ("2026-11-03", 1, 1),
            ("2026-11-09", 1, 1),
        ]
        assert by_day["timeline"][0]["averagePercentage"] == pytest.approx(40.0)
        assert by_day["attempts"] == 3 and by_day["activeMembers"] == 2
        assert by_day["averagePercentage"] == pytest.approx((40 + 20 + 100) / 3)
        # and the top quiz is the one with the most attempts
        top = by_day["topQuizzes"]
        assert [(q["quizId"], q["attempts"]) for q in top] == [(first["id"], 2), (second["id"], 1)]
        assert top[0]["title"] == "Known"
        # and the members, most attempts first
        members = [e["node"] for e in by_day["members"]["edges"]]
        assert [(m["displayName"], m["attempts"], m["quizzesStarted"]) for m in members] == [
            ("Student", 2, 1),
            ("Teacher", 1, 1),
        ]
        assert members[0]["lastActiveOn"] == "2026-11-03"
        # when read by week, the weeks start on Monday
        weeks = await teacher.gql(
            ORG_ANALYTICS,
            {"slug": org.slug, "since": "2026-11-02", "until": "2026-11-15", "interval": "WEEK"},
        )
        by_week = weeks.ok()["organization"]["analytics"]["timeline"]
        assert [(b["start"], b["attempts"], b["activeMembers"]) for b in by_week] == [
            ("2026-11-02", 2, 1),
            ("2026-11-09", 1, 1),
        ]
        # and a range of more than 366 days is refused
        long = await teacher.gql(
            ORG_ANALYTICS, {"slug": org.slug, "since": "2020-01-01", "until": "2026-11-15"}
        )
        assert long.code == "BAD_USER_INPUT"
        await teacher.close()
        await student.close()
    finally:
        set_clock(previous)
