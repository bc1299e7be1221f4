"""What the door does while Redis (rate limits and credential tokens) is unreachable.

- API keys are refused (500 INTERNAL, logged): their limit can't be counted and no
  cached key can be trusted. Nothing is served from the cache.
- Session cookies are read from the database on every request, as without a cache.
- A change to credentials is refused (INTERNAL) and nothing of it is committed: it
  could not be announced to the other processes' caches.
Once Redis answers again, everything is as it was.
"""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from tests.api_keys.support import (
    REVOKE,
    VIEWER,
    as_key,
    assert_door_problem,
    create_key,
    key_uuid,
)
from tests.support.factories import OrgFixture
from tests.support.fixture_types import SignIn
from tests.support.redis import REDIS_URL, delete_redis_keys, point_at_redis
from tests.support.servers import free_port
from tests.support.statements import counting

UPDATE_MEMBER = """
mutation($input: UpdateMemberInput!) { updateMember(input: $input) { member { disabled } } }
"""


class RedisSwitch:
    """Points this process at the real Redis, or at a port nobody listens on."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.monkeypatch = monkeypatch
        self.dead = f"redis://127.0.0.1:{free_port()}/0"
        # ids (keys, orgs) whose Redis keys are deleted afterwards
        self.used: list[str] = []

    async def up(self, reachable: bool = True) -> None:
        await point_at_redis(self.monkeypatch, REDIS_URL if reachable else self.dead)

    async def down(self) -> None:
        await self.up(False)


@pytest.fixture
async def redis(monkeypatch: pytest.MonkeyPatch) -> AsyncIterator[RedisSwitch]:
    switch = RedisSwitch(monkeypatch)
    await switch.up()
    try:
        yield switch
    finally:
        await point_at_redis(monkeypatch, None)
        await delete_redis_keys(switch.used)


async def test_keys_are_refused_while_redis_is_down_and_changes_wait(
    org: OrgFixture, signed_in: SignIn, redis: RedisSwitch
) -> None:
    owner = await signed_in(org, "owner")
    key = await create_key(owner, ["org:read"])
    redis.used += [key_uuid(key), str(org.id)]
    for _ in range(3):  # verified, then cached
        (await as_key(owner, key, VIEWER)).ok()
    # when Redis goes away, the cached key is refused, not served
    await redis.down()
    assert_door_problem(await as_key(owner, key, VIEWER), 500, "INTERNAL")
    # and its revocation is refused too: nothing is committed that the other
    # processes' caches could not hear of
    failed = await owner.gql(REVOKE, {"input": {"id": key.id}})
    assert failed.code == "INTERNAL"
    # once Redis is back, the key (never revoked) works again, and its revocation holds
    await redis.up()
    (await as_key(owner, key, VIEWER)).ok()
    revoked = (await owner.gql(REVOKE, {"input": {"id": key.id}})).ok()
    assert revoked["revokeApiKey"]["apiKey"]["revokedAt"]
    assert_door_problem(await as_key(owner, key, VIEWER), 401, "INVALID_API_KEY")


async def test_sessions_are_read_from_the_database_while_redis_is_down(
    org: OrgFixture, signed_in: SignIn, redis: RedisSwitch
) -> None:
    redis.used.append(str(org.id))
    owner = await signed_in(org, "owner")
    teacher = await signed_in(org, "teacher")
    for _ in range(3):
        (await teacher.gql(VIEWER)).ok()
    await redis.down()
    # the session still works, read from the database
    with counting() as statements:
        assert (await teacher.gql(VIEWER)).ok()["viewer"]["kind"] == "MEMBER"
    assert any("member_sessions" in statement for statement in statements)
    # disabling the teacher can't be announced, so it is refused and changes nothing
    disable = {"input": {"id": org.account("teacher").global_id, "disabled": True}}
    assert (await owner.gql(UPDATE_MEMBER, disable)).code == "INTERNAL"
    assert (await teacher.gql(VIEWER)).ok()["viewer"]["kind"] == "MEMBER"
    # once Redis is back the change goes through and ends the session at once
    await redis.up()
    (await teacher.gql(VIEWER)).ok()
    assert (await owner.gql(UPDATE_MEMBER, disable)).ok()["updateMember"]["member"]["disabled"]
    assert (await teacher.gql(VIEWER)).ok()["viewer"]["kind"] == "ANONYMOUS"
