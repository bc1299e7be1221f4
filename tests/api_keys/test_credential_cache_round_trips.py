"""A cached key's request costs one Redis round trip: the door's one script reads the
org's credential token, spends the key's request and charges the operation's cost to
the key's query-cost budget (once the operation has been charged before, so its cost
is known before the body reaches GraphQL). Nothing else talks to Redis."""

from __future__ import annotations

import uuid
from typing import Any

import pytest

from app.core import credential_generations, ratelimit
from app.core.settings import get_settings
from tests.api_keys.support import create_key, key_uuid
from tests.support.factories import OrgFixture
from tests.support.fixture_types import SignIn


class RoundTrips:
    """Counts the scripts the door runs and every call into the rate-limit store."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.scripts = 0
        self.limits = 0
        run = credential_generations.RedisGenerations._run

        async def counted_run(self_: Any, *args: Any) -> Any:
            self.scripts += 1
            return await run(self_, *args)

        monkeypatch.setattr(credential_generations.RedisGenerations, "_run", counted_run)
        for name in ("spend", "peek", "hit"):
            original = getattr(ratelimit, name)

            async def counted(*args: Any, _original: Any = original) -> Any:
                self.limits += 1
                return await _original(*args)

            monkeypatch.setattr(ratelimit, name, counted)

    def reset(self) -> None:
        self.scripts = self.limits = 0


async def test_a_cached_key_costs_one_round_trip(
    org: OrgFixture, signed_in: SignIn, redis_limits: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    owner = await signed_in(org, "owner")
    key = await create_key(owner, ["org:read"], rateLimitPerMinute=50)
    redis_limits.append(key_uuid(key))
    trips = RoundTrips(monkeypatch)
    query = f"{{ viewer {{ organization {{ name }} }} }} # {uuid.uuid4()}"
    budget = get_settings().query_cost_budget
    for _ in range(2):  # the key's first request(s) verify it and learn the query's cost
        await owner.gql(query, headers=key.headers)
    trips.reset()
    results = [await owner.gql(query, headers=key.headers) for _ in range(3)]
    assert (trips.scripts, trips.limits) == (3, 0)
    for n, result in enumerate(results, start=3):
        assert result.ok()["viewer"]["organization"]["name"]
        cost = result.body["extensions"]["cost"]
        assert (cost["requested"], cost["actual"]) == (2, 2)
        assert cost["remaining"] == budget - 2 * n  # every request charged exactly once
        headers = result.response.headers
        assert headers["ratelimit-policy"] == '"api-key";q=50;w=60'
        assert headers["ratelimit"].startswith(f'"api-key";r={50 - n};t=')
    # Another operation is charged by the extension until its cost is known.
    trips.reset()
    other = await owner.gql("{ viewer { kind } }" + f" # {uuid.uuid4()}", headers=key.headers)
    assert other.body["extensions"]["cost"]["remaining"] == budget - 2 * 5 - 1
    assert (trips.scripts, trips.limits) == (1, 1)


async def test_a_budget_spent_in_the_door_refuses_the_query(
    org: OrgFixture, signed_in: SignIn, redis_limits: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    owner = await signed_in(org, "owner")
    key = await create_key(owner, ["org:read"], rateLimitPerMinute=50)
    redis_limits.append(key_uuid(key))
    monkeypatch.setenv("QUIZGRAPH_QUERY_COST_BUDGET", "5")
    get_settings.cache_clear()
    query = f"{{ viewer {{ organization {{ name }} }} }} # {uuid.uuid4()}"
    trips = RoundTrips(monkeypatch)
    first, second = [await owner.gql(query, headers=key.headers) for _ in range(2)]
    assert [r.body["extensions"]["cost"]["remaining"] for r in (first, second)] == [3, 1]
    trips.reset()
    refused = await owner.gql(query, headers=key.headers)
    assert (trips.scripts, trips.limits) == (1, 0)  # charged (and refused) in the door's script
    assert refused.status == 429, refused
    assert refused.codes == ["RATE_LIMITED"]
    assert refused.data is None
    assert int(refused.response.headers["retry-after"]) >= 1
    assert refused.body["extensions"]["cost"]["remaining"] == 1
