"""The door's credential cache for API keys (one process, no Redis: tokens in memory).

A key the process has verified is answered without SQL; every change that affects it
is refused (or seen) on the very next request, with the cache warm.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import timedelta

import pytest

from app.api_keys import door
from app.core.clock import FrozenClock
from app.core.db import unit_of_work
from app.orgs import service as orgs
from tests.api_keys.support import (
    REVOKE,
    ROTATE,
    SET_API_ACCESS,
    SET_ENABLED,
    VIEWER,
    IssuedKey,
    as_key,
    assert_door_problem,
    create_key,
)
from tests.support.client import ApiClient, GraphQLResult
from tests.support.factories import OrgFixture, cli_context
from tests.support.fixture_types import SignIn
from tests.support.statements import counting

UPDATE_MEMBER = """
mutation($input: UpdateMemberInput!) { updateMember(input: $input) { member { role disabled } } }
"""
REMOVE_MEMBER = "mutation($input: RemoveMemberInput!) { removeMember(input: $input) { removedId } }"


async def warm(client: ApiClient, key: IssuedKey) -> GraphQLResult:
    """Use the key until the process answers it from its cache: no SQL at all."""
    for _ in range(2):
        (await as_key(client, key, VIEWER)).ok()
    with counting() as statements:
        result = await as_key(client, key, VIEWER)
    assert statements == []
    result.ok()
    return result


async def test_a_verified_key_is_answered_without_sql(org: OrgFixture, signed_in: SignIn) -> None:
    owner = await signed_in(org, "owner")
    key = await create_key(owner, ["org:read", "members:read"], rateLimitPerMinute=50)
    # the cached answer is the same as the database's, rows included
    first = (await as_key(owner, key, VIEWER)).ok()
    warmed = await warm(owner, key)
    assert warmed.ok() == first
    assert first["viewer"]["member"] == {"username": "owner"}
    assert first["viewer"]["organization"] == {"slug": org.slug}
    # and it still spends the key's limit: 4 requests of 50 so far
    assert warmed.response.headers["ratelimit"].startswith('"api-key";r=46;')


@dataclass(frozen=True)
class Change:
    """A change to a key, its creator or its org, made while the key is cached."""

    name: str
    make: Callable[[ApiClient, OrgFixture, IssuedKey], Awaitable[object]]
    status: int
    code: str


async def _gql_ok(client: ApiClient, query: str, variables: dict[str, object]) -> object:
    return (await client.gql(query, variables)).ok()


def _on_admin(**values: object) -> Callable[[ApiClient, OrgFixture, IssuedKey], Awaitable[object]]:
    async def change(owner: ApiClient, org: OrgFixture, _key: IssuedKey) -> object:
        member = {"id": org.account("admin").global_id, **values}
        return await _gql_ok(owner, UPDATE_MEMBER, {"input": member})

    return change


async def _revoke(owner: ApiClient, _org: OrgFixture, key: IssuedKey) -> object:
    return await _gql_ok(owner, REVOKE, {"input": {"id": key.id}})


async def _disable(owner: ApiClient, _org: OrgFixture, key: IssuedKey) -> object:
    return await _gql_ok(owner, SET_ENABLED, {"input": {"id": key.id, "enabled": False}})


async def _rotate(owner: ApiClient, _org: OrgFixture, key: IssuedKey) -> object:
    return await _gql_ok(owner, ROTATE, {"input": {"id": key.id, "gracePeriodSeconds": 0}})


async def _remove_creator(owner: ApiClient, org: OrgFixture, _key: IssuedKey) -> object:
    return await _gql_ok(owner, REMOVE_MEMBER, {"input": {"id": org.account("admin").global_id}})


async def _api_access_off(owner: ApiClient, _org: OrgFixture, _key: IssuedKey) -> object:
    return await _gql_ok(owner, SET_API_ACCESS, {"input": {"enabled": False}})


async def _disable_org(_owner: ApiClient, org: OrgFixture, _key: IssuedKey) -> object:
    # platform staff (the command line's context), in a transaction of their own
    async with unit_of_work() as db:
        return await orgs.set_disabled(cli_context(db), org.id, True)


CHANGES = [
    Change("revoked", _revoke, 401, "INVALID_API_KEY"),
    Change("disabled", _disable, 401, "INVALID_API_KEY"),
    Change("rotated without grace", _rotate, 401, "INVALID_API_KEY"),
    Change("creator disabled", _on_admin(disabled=True), 403, "USER_DISABLED"),
    Change("creator removed", _remove_creator, 403, "USER_DISABLED"),
    Change("API access switched off", _api_access_off, 403, "API_ACCESS_DISABLED"),
    Change("org disabled", _disable_org, 403, "ORG_DISABLED"),
]


@pytest.mark.parametrize("change", CHANGES, ids=[change.name for change in CHANGES])
async def test_a_change_refuses_the_cached_key_on_its_next_request(
    org: OrgFixture, signed_in: SignIn, change: Change
) -> None:
    owner = await signed_in(org, "owner")
    key = await create_key(await signed_in(org, "admin"), ["org:read"])
    await warm(owner, key)
    # when the change is made
    await change.make(owner, org, key)
    # then the very next request with the key is refused, and so is the one after
    for _ in range(2):
        assert_door_problem(await as_key(owner, key, VIEWER), change.status, change.code)


async def test_a_demoted_creator_shrinks_the_cached_key_at_once(
    org: OrgFixture, signed_in: SignIn
) -> None:
    owner = await signed_in(org, "owner")
    key = await create_key(await signed_in(org, "admin"), ["org:read", "members:read"])
    before = (await warm(owner, key)).ok()["viewer"]
    assert (before["role"], before["scopes"]) == ("ADMIN", ["members:read", "org:read"])
    # when the owner makes the creator a teacher (who holds org:read, not members:read)
    await _on_admin(role="TEACHER")(owner, org, key)
    after = (await as_key(owner, key, VIEWER)).ok()["viewer"]
    assert (after["role"], after["scopes"]) == ("TEACHER", ["org:read"])


async def test_switching_api_access_back_on_restores_the_cached_key(
    org: OrgFixture, signed_in: SignIn
) -> None:
    owner = await signed_in(org, "owner")
    key = await create_key(owner, ["org:read"])
    await warm(owner, key)
    await _api_access_off(owner, org, key)
    assert_door_problem(await as_key(owner, key, VIEWER), 403, "API_ACCESS_DISABLED")
    await _gql_ok(owner, SET_API_ACCESS, {"input": {"enabled": True}})
    assert (await as_key(owner, key, VIEWER)).ok()["viewer"]["kind"] == "API_KEY"


async def test_a_cached_key_expires_at_its_time_without_any_change(
    org: OrgFixture, signed_in: SignIn, frozen_clock: FrozenClock
) -> None:
    owner = await signed_in(org, "owner")
    expires = frozen_clock.now() + timedelta(hours=1)
    key = await create_key(owner, ["org:read"], expiresAt=expires.isoformat())
    await warm(owner, key)
    # nothing changes anywhere; only time passes
    frozen_clock.advance(minutes=59, seconds=59)
    (await as_key(owner, key, VIEWER)).ok()
    frozen_clock.advance(seconds=1)
    refused = await as_key(owner, key, VIEWER)
    assert_door_problem(refused, 401, "INVALID_API_KEY")
    assert refused.body["detail"] == "The API key has expired."


async def test_a_rotated_key_works_through_its_grace_period_and_not_after(
    org: OrgFixture, signed_in: SignIn, frozen_clock: FrozenClock
) -> None:
    owner = await signed_in(org, "owner")
    old = await create_key(owner, ["org:read"])
    await warm(owner, old)
    await _gql_ok(owner, ROTATE, {"input": {"id": old.id, "gracePeriodSeconds": 60}})
    # the old key keeps working (and is cached again) during the grace period ...
    await warm(owner, old)
    frozen_clock.advance(seconds=59)
    (await as_key(owner, old, VIEWER)).ok()
    # ... and is refused once it ends
    frozen_clock.advance(seconds=1)
    assert_door_problem(await as_key(owner, old, VIEWER), 401, "INVALID_API_KEY")


async def test_refused_keys_leave_the_cache(org: OrgFixture, signed_in: SignIn) -> None:
    owner = await signed_in(org, "owner")
    key = await create_key(owner, ["org:read"])
    await warm(owner, key)
    cached = len(door.verified)
    await _revoke(owner, org, key)
    assert_door_problem(await as_key(owner, key, VIEWER), 401, "INVALID_API_KEY")
    assert len(door.verified) == cached - 1
