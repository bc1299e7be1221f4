"""Each key's own limit: exactly N requests a minute, then 429 with Retry-After."""

from __future__ import annotations

from tests.api_keys.support import (
    RATE_LIMIT,
    VIEWER,
    IssuedKey,
    as_key,
    assert_door_problem,
    create_key,
    key_uuid,
)
from tests.support.client import ApiClient, GraphQLResult
from tests.support.factories import OrgFixture
from tests.support.fixture_types import SignIn
from tests.support.redis import redis_keys_for


async def spend(client: ApiClient, key: IssuedKey, times: int) -> list[GraphQLResult]:
    return [await as_key(client, key, VIEWER) for _ in range(times)]


async def assert_exactly_n_pass(client: ApiClient, key: IssuedKey, limit: int) -> None:
    passed = await spend(client, key, limit)
    for n, result in enumerate(passed, start=1):
        assert result.ok()["viewer"]["kind"] == "API_KEY"
        assert result.response.headers["ratelimit-policy"] == f'"api-key";q={limit};w=60'
        header = RATE_LIMIT.fullmatch(result.response.headers["ratelimit"])
        assert header is not None, result.response.headers["ratelimit"]
        remaining, reset = header.groups()
        assert int(remaining) == limit - n
        assert 0 < int(reset) <= 60
    refused = await as_key(client, key, VIEWER)
    assert_door_problem(refused, 429, "RATE_LIMITED")
    assert 1 <= int(refused.response.headers["retry-after"]) <= 60
    refused_header = RATE_LIMIT.fullmatch(refused.response.headers["ratelimit"])
    assert refused_header is not None, refused.response.headers["ratelimit"]
    assert refused_header.group(1) == "0"


async def test_exactly_the_limit_passes_and_the_next_is_refused(
    org: OrgFixture, signed_in: SignIn
) -> None:
    owner = await signed_in(org, "owner")
    key = await create_key(owner, ["org:read"], rateLimitPerMinute=5)
    await assert_exactly_n_pass(owner, key, 5)


async def test_one_keys_limit_never_touches_another(org: OrgFixture, signed_in: SignIn) -> None:
    owner = await signed_in(org, "owner")
    spent = await create_key(owner, ["org:read"], rateLimitPerMinute=3)
    other = await create_key(owner, ["org:read"], rateLimitPerMinute=3)
    await assert_exactly_n_pass(owner, spent, 3)
    # the other key of the same member still has its whole budget
    await assert_exactly_n_pass(owner, other, 3)


async def test_member_sessions_get_no_key_rate_limit_headers(
    org: OrgFixture, signed_in: SignIn
) -> None:
    owner = await signed_in(org, "owner")
    result = await owner.gql(VIEWER)
    assert result.ok()["viewer"]["kind"] == "MEMBER"
    assert "ratelimit" not in result.response.headers
    assert "ratelimit-policy" not in result.response.headers


async def test_refused_keys_spend_no_budget(org: OrgFixture, signed_in: SignIn) -> None:
    owner = await signed_in(org, "owner")
    key = await create_key(owner, ["org:read"], rateLimitPerMinute=2)
    await owner.gql(
        "mutation($i: SetApiAccessInput!) { setApiAccess(input: $i) { organization { slug } } }",
        {"i": {"enabled": False}},
    )
    for _ in range(3):
        assert_door_problem(await as_key(owner, key, VIEWER), 403, "API_ACCESS_DISABLED")
    await owner.gql(
        "mutation($i: SetApiAccessInput!) { setApiAccess(input: $i) { organization { slug } } }",
        {"i": {"enabled": True}},
    )
    await assert_exactly_n_pass(owner, key, 2)


async def test_limits_are_counted_in_redis_when_it_is_configured(
    org: OrgFixture, signed_in: SignIn, redis_limits: list[str]
) -> None:
    owner = await signed_in(org, "owner")
    key = await create_key(owner, ["org:read"], rateLimitPerMinute=4)
    redis_limits.append(key_uuid(key))
    await assert_exactly_n_pass(owner, key, 4)
    # the counter lives in Redis, where every server process sees it
    assert await redis_keys_for([key_uuid(key)])
