"""The sweep: key expiry reminders (7 days, 1 day, expired: once each, whatever the
number of sweeps or processes) and pruning after the retention period."""

from __future__ import annotations

import asyncio
from datetime import timedelta

from app.access.scopes import Scope
from app.core.clock import FrozenClock
from app.events.bus import Event
from app.notifications.models import NotificationType
from app.notifications.producer import deliver
from app.notifications.service import NOTIFICATIONS_CHANGED
from app.notifications.sweep import sweep_once
from app.notifications.triggers import Draft
from tests.notifications.support import key_secret, nodes
from tests.notifications.test_triggers import take
from tests.quizzes.api import iso, published_quiz
from tests.support.client import ApiClient
from tests.support.factories import OrgFixture
from tests.support.fixture_types import SignIn


async def test_a_key_is_reminded_once_per_threshold_then_when_it_expired(
    org: OrgFixture, signed_in: SignIn, clock: FrozenClock
) -> None:
    # given a key expiring in 10 days
    owner = await signed_in(org, "owner")
    expires = clock.now() + timedelta(days=10)
    key_id, _secret = await key_secret(owner, ["quizzes:read"], expiresAt=iso(expires))
    await sweep_once()
    assert await nodes(owner, org.slug) == []
    # when 7 days are left, one reminder, however many sweeps run, even at once
    clock.advance(days=3, minutes=1)
    await asyncio.gather(sweep_once(), sweep_once())
    await sweep_once()
    owner = await signed_in(org, "owner")  # sessions don't outlive days of clock
    [reminder] = await nodes(owner, org.slug)
    assert reminder["type"] == "API_KEY_EXPIRING"
    assert reminder["title"] == "The API key “bell” expires in 7 days"
    assert reminder["subjectId"] == key_id and reminder["link"] == "/dashboard/api-keys"
    # when 1 day is left, a second one
    clock.advance(days=6)
    await sweep_once()
    await sweep_once()
    owner = await signed_in(org, "owner")
    assert [n["title"] for n in await nodes(owner, org.slug)] == [
        "The API key “bell” expires in 1 day",
        "The API key “bell” expires in 7 days",
    ]
    # when it has expired, it is told as switched off, once
    clock.advance(days=1)
    await sweep_once()
    await sweep_once()
    owner = await signed_in(org, "owner")
    assert await _types(owner, org.slug) == [
        "API_KEY_DISABLED",
        "API_KEY_EXPIRING",
        "API_KEY_EXPIRING",
    ]
    # teachers don't manage keys: they see none of it
    assert await nodes(await signed_in(org, "teacher"), org.slug) == []


async def test_a_key_expiring_within_a_day_gets_only_the_one_day_reminder(
    org: OrgFixture, signed_in: SignIn, clock: FrozenClock
) -> None:
    owner = await signed_in(org, "owner")
    await key_secret(owner, ["quizzes:read"], expiresAt=iso(clock.now() + timedelta(hours=12)))
    await sweep_once()
    clock.advance(hours=1)
    await sweep_once()
    assert [n["title"] for n in await nodes(owner, org.slug)] == [
        "The API key “bell” expires in 1 day"
    ]


async def test_a_quiz_whose_closing_time_passed_is_told_to_its_owner_once(
    org: OrgFixture, signed_in: SignIn, clock: FrozenClock
) -> None:
    # given a teacher's quiz closing in an hour, which a student took
    teacher = await signed_in(org, "teacher")
    quiz = await published_quiz(
        teacher, title="Timed", closesAt=iso(clock.now() + timedelta(hours=1))
    )
    await take(await signed_in(org, "student"), quiz)
    await sweep_once()
    assert await nodes(teacher, org.slug) == []
    # when its closing time has passed, however many sweeps run
    clock.advance(hours=2)
    await asyncio.gather(sweep_once(), sweep_once())
    await sweep_once()
    # then its owner is told once, with how many took part; nobody else is
    teacher = await signed_in(org, "teacher")
    [closed] = await nodes(teacher, org.slug)
    assert (closed["type"], closed["title"], closed["body"]) == (
        "QUIZ_CLOSED",
        "“Timed” closed",
        "1 participant took part.",
    )
    assert closed["subjectId"] == quiz["id"]
    assert await nodes(await signed_in(org, "admin"), org.slug) == []


async def test_notifications_past_the_retention_period_are_pruned(
    org: OrgFixture, signed_in: SignIn, clock: FrozenClock, events: list[Event]
) -> None:
    owner = await signed_in(org, "owner")

    async def notify(title: str) -> None:
        await deliver(
            [
                Draft(
                    org_id=org.id,
                    type=NotificationType.ATTEMPT_FLAGGED,
                    title=title,
                    audience=Scope.INTEGRITY_READ,
                    dedupe_key=title,
                )
            ]
        )

    await notify("old")
    [old] = await nodes(owner, org.slug)
    await owner.gql(
        "mutation($ids: [ID!]) { markNotificationsRead(input: {ids: $ids}) { markedCount } }",
        {"ids": [old["id"]]},
    )
    clock.advance(days=60)
    await notify("recent")
    # when 91 days have passed since the first
    clock.advance(days=31)
    events.clear()
    swept = await sweep_once()
    owner = await signed_in(org, "owner")
    # then it is gone (with its read state), the recent one stays
    assert swept.pruned >= 1
    assert [n["title"] for n in await nodes(owner, org.slug)] == ["recent"]
    # and the org's live counts are told to recount
    announced = [(e.name, e.data) for e in events if e.org_id == org.id]
    assert (NOTIFICATIONS_CHANGED, {"memberId": None}) in announced


async def _types(client: ApiClient, slug: str) -> list[str]:
    return sorted(n["type"] for n in await nodes(client, slug))
