"""Each org key's usage: counted in memory per request, added to the daily rollup by a
flush, shown to owners and admins as ``ApiKey.usage``."""

from __future__ import annotations

import asyncio
import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import update
from sqlmodel import col, select

from app.api_keys import repository, usage
from app.api_keys.models import ApiKey, ApiKeyUsageDay
from app.api_keys.service import is_unused
from app.api_keys.usage import UsageCounter
from app.core.clock import utcnow
from app.core.db import unit_of_work
from tests.api_keys.support import IssuedKey, as_key, create_key, key_uuid
from tests.support.client import ApiClient, GraphQLResult
from tests.support.factories import OrgFixture
from tests.support.fixture_types import SignIn
from tests.support.statements import counting

USAGE_FIELDS = """
  daily { day requests errors rateLimited }
  errorsByCode { code count }
  lastUsedAt lastUsedIp unusedFor30Days
"""

KEY_USAGE = f"""
query KeyUsage($id: ID!, $days: Int! = 30) {{
  node(id: $id) {{ ... on ApiKey {{ prefix usage(days: $days) {{ {USAGE_FIELDS} }} }} }}
}}
"""

LIST_USAGE = f"""
query KeysUsage($slug: String!) {{
  organization(slug: $slug) {{
    apiKeys(first: 100) {{ edges {{ node {{ prefix usage {{ {USAGE_FIELDS} }} }} }} }}
  }}
}}
"""

VIEWER = "{ viewer { kind } }"
MEMBERS = "query($slug: String!) { organization(slug: $slug) { members(first: 1) { totalCount } } }"


async def usage_of(client: ApiClient, key: IssuedKey, days: int | None = None) -> dict[str, Any]:
    variables: dict[str, Any] = {"id": key.id} if days is None else {"id": key.id, "days": days}
    result = await client.gql(KEY_USAGE, variables)
    found: dict[str, Any] = result.ok()["node"]["usage"]
    return found


def today_of(report: dict[str, Any]) -> dict[str, Any]:
    today: dict[str, Any] = report["daily"][-1]
    assert today["day"] == utcnow().date().isoformat()
    return today


async def rows_of(key: IssuedKey) -> list[ApiKeyUsageDay]:
    async with unit_of_work(write=False) as db:
        found = await db.exec(
            select(ApiKeyUsageDay).where(col(ApiKeyUsageDay.key_id) == uuid.UUID(key_uuid(key)))
        )
        return list(found.all())


async def age_key(key: IssuedKey, *, days: int, last_used_days_ago: int | None = None) -> None:
    """Make the key look created ``days`` ago (and last used so many days ago)."""
    now = utcnow()
    last_used = None if last_used_days_ago is None else now - timedelta(days=last_used_days_ago)
    async with unit_of_work() as db:
        await db.exec(
            update(ApiKey)
            .where(col(ApiKey.id) == uuid.UUID(key_uuid(key)))
            .values(created_at=now - timedelta(days=days), last_used_at=last_used)
        )


# --- counting ---------------------------------------------------------------------------


async def test_each_outcome_is_counted_once_flushed(org: OrgFixture, signed_in: SignIn) -> None:
    # given a key allowed 3 requests a minute, used from one client address
    owner = await signed_in(org, "owner")
    key = await create_key(owner, ["org:read"], rateLimitPerMinute=3)
    await usage.counter.flush()
    # when it succeeds twice, is refused a field it lacks the scope for, then is rate limited
    assert (await as_key(owner, key, VIEWER)).ok()["viewer"]["kind"] == "API_KEY"
    assert (await as_key(owner, key, VIEWER)).ok()["viewer"]["kind"] == "API_KEY"
    assert (await as_key(owner, key, MEMBERS, slug=org.slug)).code == "FORBIDDEN"
    refused = await as_key(owner, key, VIEWER)
    assert refused.status == 429
    before_flush = await usage_of(owner, key)
    await usage.counter.flush()
    # then the owner sees four requests today, one error by its code, one refusal
    report = await usage_of(owner, key)
    assert today_of(before_flush)["requests"] == 0
    assert today_of(report) == {
        "day": utcnow().date().isoformat(),
        "requests": 4,
        "errors": 1,
        "rateLimited": 1,
    }
    assert report["errorsByCode"] == [{"code": "FORBIDDEN", "count": 1}]
    assert report["lastUsedIp"] == owner.ip
    assert report["lastUsedAt"] is not None
    assert report["unusedFor30Days"] is False
    assert len(report["daily"]) == 30
    assert all(point["requests"] == 0 for point in report["daily"][:-1])


async def test_member_sessions_are_not_counted(org: OrgFixture, signed_in: SignIn) -> None:
    owner = await signed_in(org, "owner")
    await usage.counter.flush()
    await owner.gql(VIEWER)
    assert usage.counter.pending() == {}


async def test_counting_writes_nothing_until_the_flush(org: OrgFixture, signed_in: SignIn) -> None:
    # given a key
    owner = await signed_in(org, "owner")
    key = await create_key(owner, ["org:read"])
    await as_key(owner, key, VIEWER)  # the door's first read of the key, and its last use
    await usage.counter.flush()
    # when it makes requests
    with counting() as statements:
        for _ in range(5):
            assert (await as_key(owner, key, VIEWER)).ok()["viewer"]["kind"] == "API_KEY"
    # then no statement touched the rollup, which still holds only the earlier request
    assert [s for s in statements if "api_key_usage" in s] == []
    assert [row.requests for row in await rows_of(key)] == [1]
    # and the flush adds the five at once
    with counting() as statements:
        await usage.counter.flush()
    assert any(s.lstrip().upper().startswith("INSERT INTO API_KEY_USAGE_DAYS") for s in statements)
    assert [row.requests for row in await rows_of(key)] == [6]


async def test_two_processes_flushing_add_up(org: OrgFixture, signed_in: SignIn) -> None:
    # given two processes that each counted requests of one key today
    owner = await signed_in(org, "owner")
    key = await create_key(owner, ["org:read"])
    key_id = uuid.UUID(key_uuid(key))
    first, second = UsageCounter(), UsageCounter()
    now = utcnow()
    for _ in range(3):
        first.count(org.id, key_id, [], "10.0.0.1", now)
    first.count(org.id, key_id, ["NOT_FOUND"], "10.0.0.1", now)
    second.count(org.id, key_id, ["NOT_FOUND", "NOT_FOUND", "FORBIDDEN"], "10.0.0.2", now)
    second.count(org.id, key_id, ["RATE_LIMITED"], "10.0.0.2", now + timedelta(seconds=1))
    # when both flush at once, and the first again with more
    await asyncio.gather(first.flush(), second.flush())
    first.count(org.id, key_id, [], "10.0.0.1", now - timedelta(seconds=5))
    await first.flush()
    # then the day holds the sum, the codes are summed, and the latest use keeps its address
    report = await usage_of(owner, key)
    assert today_of(report) | {"day": None} == {
        "day": None,
        "requests": 7,
        "errors": 2,
        "rateLimited": 1,
    }
    assert report["errorsByCode"] == [
        {"code": "NOT_FOUND", "count": 2},
        {"code": "FORBIDDEN", "count": 1},
    ]
    assert report["lastUsedIp"] == "10.0.0.2"
    assert first.pending() == {} and second.pending() == {}


async def test_a_failed_flush_keeps_its_counts(
    org: OrgFixture, signed_in: SignIn, monkeypatch: pytest.MonkeyPatch
) -> None:
    owner = await signed_in(org, "owner")
    key = await create_key(owner, ["org:read"])
    key_id = uuid.UUID(key_uuid(key))
    counter = UsageCounter()
    counter.count(org.id, key_id, [], "10.0.0.1", utcnow())

    async def broken(*_args: object) -> None:
        raise RuntimeError("database down")

    monkeypatch.setattr(repository, "add_usage", broken)
    with pytest.raises(RuntimeError):
        await counter.flush()
    counter.count(org.id, key_id, ["FORBIDDEN"], "10.0.0.1", utcnow())
    monkeypatch.undo()
    await counter.flush()
    assert today_of(await usage_of(owner, key))["requests"] == 2


async def test_the_counts_of_a_key_deleted_since_go_and_the_others_are_written(
    org: OrgFixture, signed_in: SignIn
) -> None:
    owner = await signed_in(org, "owner")
    key = await create_key(owner, ["org:read"])
    counter = UsageCounter()
    # given counts of a key that no longer exists with its org (deleted) next to a live one's
    counter.count(uuid.uuid4(), uuid.uuid4(), [], "10.0.0.1", utcnow())
    counter.count(org.id, uuid.UUID(key_uuid(key)), [], "10.0.0.1", utcnow())
    # when flushing
    await counter.flush()
    # then the live key's count is written and nothing is left to retry
    assert today_of(await usage_of(owner, key))["requests"] == 1
    assert counter.pending() == {}


async def test_days_past_the_retention_are_pruned(org: OrgFixture, signed_in: SignIn) -> None:
    owner = await signed_in(org, "owner")
    key = await create_key(owner, ["org:read"])
    key_id = uuid.UUID(key_uuid(key))
    counter = UsageCounter()
    now = utcnow()
    counter.count(org.id, key_id, [], "10.0.0.1", now - timedelta(days=usage.RETENTION_DAYS))
    counter.count(org.id, key_id, [], "10.0.0.1", now - timedelta(days=usage.RETENTION_DAYS - 1))
    await counter.flush()
    await usage.prune()
    kept = await rows_of(key)
    assert [row.day for row in kept] == [(now - timedelta(days=usage.RETENTION_DAYS - 1)).date()]


# --- the unused marker ------------------------------------------------------------------


def test_unused_means_older_than_30_days_and_not_used_within_them() -> None:
    now = datetime(2026, 6, 30, 12, tzinfo=UTC)
    days = timedelta(days=1)
    assert is_unused(now - 31 * days, None, now)
    assert is_unused(now - 90 * days, now - 31 * days, now)
    assert not is_unused(now - 90 * days, now - 29 * days, now)
    assert not is_unused(now - 29 * days, None, now)  # too young to judge


async def test_the_unused_marker(org: OrgFixture, signed_in: SignIn) -> None:
    owner = await signed_in(org, "owner")
    fresh = await create_key(owner, ["org:read"], name="fresh")
    idle = await create_key(owner, ["org:read"], name="idle")
    busy = await create_key(owner, ["org:read"], name="busy")
    await age_key(idle, days=60, last_used_days_ago=31)
    await age_key(busy, days=60, last_used_days_ago=31)
    # the busy key was used ten days ago: only the rollup knows it
    counter = UsageCounter()
    ten_days_ago = utcnow() - timedelta(days=10)
    counter.count(org.id, uuid.UUID(key_uuid(busy)), [], "10.0.0.9", ten_days_ago)
    await counter.flush()
    unused = {
        key.prefix: (await usage_of(owner, key))["unusedFor30Days"] for key in (fresh, idle, busy)
    }
    assert unused == {fresh.prefix: False, idle.prefix: True, busy.prefix: False}
    busy_report = await usage_of(owner, busy)
    assert busy_report["lastUsedIp"] == "10.0.0.9"
    assert busy_report["daily"][-11]["requests"] == 1
    # and a use today clears the marker
    await as_key(owner, idle, VIEWER)
    await usage.counter.flush()
    assert (await usage_of(owner, idle))["unusedFor30Days"] is False


# --- who sees it ------------------------------------------------------------------------


async def test_owners_and_admins_see_usage_teachers_students_and_keys_do_not(
    org: OrgFixture, signed_in: SignIn
) -> None:
    owner = await signed_in(org, "owner")
    key = await create_key(owner, ["org:read"])
    every_scope = await create_key(
        owner,
        ["org:read", "members:read", "quizzes:read", "attempts:read", "analytics:read"],
        name="wide",
    )
    admin = await signed_in(org, "admin")
    assert (await usage_of(admin, key))["unusedFor30Days"] is False
    for name in ("teacher", "student"):
        client = await signed_in(org, name)
        refused = await client.gql(KEY_USAGE, {"id": key.id})
        assert refused.code == "FORBIDDEN", (name, refused)
    # no key can hold api_keys:read, so no key reads usage
    as_wide_key = await as_key(owner, every_scope, KEY_USAGE, id=key.id)
    assert as_wide_key.code == "FORBIDDEN", as_wide_key


async def test_another_orgs_usage_stays_there(
    org: OrgFixture, other_org: OrgFixture, signed_in: SignIn
) -> None:
    # given a key in each org, each used
    owner = await signed_in(org, "owner")
    other_owner = await signed_in(other_org, "owner")
    key = await create_key(owner, ["org:read"])
    other_key = await create_key(other_owner, ["org:read"])
    await as_key(owner, key, VIEWER)
    for _ in range(3):
        await as_key(other_owner, other_key, VIEWER)
    await usage.counter.flush()
    # then each owner sees only their own key's numbers
    refused = await other_owner.gql(KEY_USAGE, {"id": key.id})
    assert refused.code == "NOT_FOUND", refused
    mine = (await owner.gql(LIST_USAGE, {"slug": org.slug})).ok()
    nodes = [edge["node"] for edge in mine["organization"]["apiKeys"]["edges"]]
    assert [(n["prefix"], today_of(n["usage"])["requests"]) for n in nodes] == [(key.prefix, 1)]


async def test_a_page_of_keys_loads_usage_in_three_queries(
    org: OrgFixture, signed_in: SignIn
) -> None:
    owner = await signed_in(org, "owner")
    keys = [await create_key(owner, ["org:read"], name=f"k{n}") for n in range(4)]
    for key in keys:
        await as_key(owner, key, MEMBERS, slug=org.slug)
    await usage.counter.flush()
    with counting() as statements:
        result: GraphQLResult = await owner.gql(LIST_USAGE, {"slug": org.slug})
    edges = result.ok()["organization"]["apiKeys"]["edges"]
    assert [edge["node"]["usage"]["errorsByCode"] for edge in edges] == [
        [{"code": "FORBIDDEN", "count": 1}]
    ] * 4
    assert len([s for s in statements if "api_key_usage" in s]) == 3


async def test_days_outside_the_retention_are_refused(org: OrgFixture, signed_in: SignIn) -> None:
    owner = await signed_in(org, "owner")
    key = await create_key(owner, ["org:read"])
    assert len((await usage_of(owner, key, days=7))["daily"]) == 7
    assert len((await usage_of(owner, key, days=usage.RETENTION_DAYS))["daily"]) == 90
    for days in (0, usage.RETENTION_DAYS + 1):
        refused = await owner.gql(KEY_USAGE, {"id": key.id, "days": days})
        assert refused.code == "BAD_USER_INPUT", refused
        assert "days" in refused.body["errors"][0]["extensions"]["fields"]
