"""Two real server processes sharing PostgreSQL and Redis: a credential changed through
one process (or from outside both, as platform staff's tools) is refused by the other
on its very next request, although that one holds it verified in its cache; and a
key's rate limit stays exact across both with their caches warm.

Counters and tokens live in Redis under the keys' and orgs' fresh UUIDs; only those
are deleted afterwards.
"""

from __future__ import annotations

import asyncio
import os
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest
from strawberry import relay

from app.core import ratelimit
from app.core.db import unit_of_work
from app.core.settings import get_settings
from app.orgs import service as orgs
from tests.api_keys.support import (
    CREATE_KEY,
    RATE_LIMIT,
    REVOKE,
    ROTATE,
    SET_API_ACCESS,
    SET_ENABLED,
    bearer,
)
from tests.support.client import ApiClient
from tests.support.databases import postgres_database
from tests.support.factories import cli_context
from tests.support.redis import REDIS_URL, delete_redis_keys
from tests.support.servers import PASSWORD, Deployment, deployment

VIEWER = "{ viewer { kind role scopes organization { slug } } }"
ADD_MEMBER = """mutation($input: AddMemberInput!) { addMember(input: $input) { member { id } } }"""
UPDATE_MEMBER = """
mutation($input: UpdateMemberInput!) { updateMember(input: $input) { member { role disabled } } }
"""
REMOVE_MEMBER = "mutation($input: RemoveMemberInput!) { removeMember(input: $input) { removedId } }"
LOGOUT = "mutation { logout { ok } }"
LOOKUP = "query($slug: String!) { organization(slug: $slug) { id } }"


@pytest.fixture(scope="module")
async def servers() -> AsyncIterator[Deployment]:
    async with (
        postgres_database() as database_url,
        deployment(
            database_url,
            processes=2,
            redis_url=REDIS_URL,
            # every test signs in from 127.0.0.1, more often than the default allows
            extra_env={"QUIZGRAPH_LOGIN_ATTEMPTS_PER_IP": "100000"},
        ) as running,
    ):
        yield running


@pytest.fixture
async def owner(servers: Deployment) -> ApiClient:
    """The org's owner, signed in through the first process."""
    return await servers.signed_in("owner")


@pytest.fixture
async def redis_ids() -> AsyncIterator[list[str]]:
    used: list[str] = []
    yield used
    await delete_redis_keys(used)


async def _ok(
    client: ApiClient, query: str, variables: dict[str, Any] | None = None
) -> dict[str, Any]:
    return (await client.gql(query, variables)).ok()


async def _add_member(servers: Deployment, owner: ApiClient, role: str) -> tuple[str, ApiClient]:
    """A new member of ``role``, signed in through the first process; with its global id."""
    username = f"m{os.urandom(4).hex()}"
    member = {"username": username, "displayName": username, "role": role, "password": PASSWORD}
    added = await _ok(owner, ADD_MEMBER, {"input": member})
    member_id = added["addMember"]["member"]["id"]
    return member_id, await servers.signed_in(username)


async def _create_key(
    creator: ApiClient,
    redis_ids: list[str],
    *,
    limit: int = 100,
    expires_at: datetime | None = None,
) -> tuple[str, str]:
    variables = {
        "input": {
            "name": "partner",
            "scopes": ["org:read", "members:read"],
            "rateLimitPerMinute": limit,
            "expiresAt": expires_at.isoformat() if expires_at else None,
        }
    }
    payload = (await _ok(creator, CREATE_KEY, variables))["createApiKey"]
    key_id = payload["apiKey"]["id"]
    redis_ids.append(relay.GlobalID.from_id(key_id).node_id)
    return key_id, payload["secret"]


async def _as_key(url: str, secret: str) -> httpx.Response:
    async with httpx.AsyncClient() as client:
        return await client.post(f"{url}/graphql", json={"query": VIEWER}, headers=bearer(secret))


async def _warm_key(url: str, secret: str) -> dict[str, object]:
    """Three requests: the process verifies the key, then answers it from its cache."""
    for _ in range(3):
        response = await _as_key(url, secret)
        assert response.status_code == 200, response.text
    viewer: dict[str, object] = response.json()["data"]["viewer"]
    return viewer


@dataclass(frozen=True)
class KeyChange:
    name: str
    # (owner, creator's global id, key id) -> the change, made through the first process
    make: Callable[[ApiClient, str, str], Awaitable[object]]
    status: int
    code: str


async def _revoke(owner: ApiClient, _creator: str, key_id: str) -> object:
    return await _ok(owner, REVOKE, {"input": {"id": key_id}})


async def _disable(owner: ApiClient, _creator: str, key_id: str) -> object:
    return await _ok(owner, SET_ENABLED, {"input": {"id": key_id, "enabled": False}})


async def _rotate(owner: ApiClient, _creator: str, key_id: str) -> object:
    return await _ok(owner, ROTATE, {"input": {"id": key_id, "gracePeriodSeconds": 0}})


async def _disable_creator(owner: ApiClient, creator: str, _key_id: str) -> object:
    return await _ok(owner, UPDATE_MEMBER, {"input": {"id": creator, "disabled": True}})


async def _remove_creator(owner: ApiClient, creator: str, _key_id: str) -> object:
    return await _ok(owner, REMOVE_MEMBER, {"input": {"id": creator}})


KEY_CHANGES = [
    KeyChange("revoked", _revoke, 401, "INVALID_API_KEY"),
    KeyChange("disabled", _disable, 401, "INVALID_API_KEY"),
    KeyChange("rotated without grace", _rotate, 401, "INVALID_API_KEY"),
    KeyChange("creator disabled", _disable_creator, 403, "USER_DISABLED"),
    KeyChange("creator removed", _remove_creator, 403, "USER_DISABLED"),
]


@pytest.mark.parametrize("change", KEY_CHANGES, ids=[change.name for change in KEY_CHANGES])
async def test_a_key_changed_through_one_process_is_refused_by_the_other(
    servers: Deployment, owner: ApiClient, redis_ids: list[str], change: KeyChange
) -> None:
    creator_id, creator = await _add_member(servers, owner, "ADMIN")
    key_id, secret = await _create_key(creator, redis_ids)
    await _warm_key(servers.urls[1], secret)
    await change.make(owner, creator_id, key_id)
    for _ in range(2):
        refused = await _as_key(servers.urls[1], secret)
        assert refused.status_code == change.status, refused.text
        assert refused.json()["code"] == change.code


async def test_a_demoted_creator_shrinks_the_key_in_the_other_process(
    servers: Deployment, owner: ApiClient, redis_ids: list[str]
) -> None:
    creator_id, creator = await _add_member(servers, owner, "ADMIN")
    _key_id, secret = await _create_key(creator, redis_ids)
    before = await _warm_key(servers.urls[1], secret)
    assert (before["role"], before["scopes"]) == ("ADMIN", ["members:read", "org:read"])
    await _ok(owner, UPDATE_MEMBER, {"input": {"id": creator_id, "role": "TEACHER"}})
    after = (await _as_key(servers.urls[1], secret)).json()["data"]["viewer"]
    assert (after["role"], after["scopes"]) == ("TEACHER", ["org:read"])


async def test_the_api_access_switch_holds_in_the_other_process(
    servers: Deployment, redis_ids: list[str]
) -> None:
    other = await servers.another_org()
    owner = await other.signed_in("owner")
    _key_id, secret = await _create_key(owner, redis_ids)
    await _warm_key(servers.urls[1], secret)
    await _ok(owner, SET_API_ACCESS, {"input": {"enabled": False}})
    refused = await _as_key(servers.urls[1], secret)
    assert (refused.status_code, refused.json()["code"]) == (403, "API_ACCESS_DISABLED")
    await _ok(owner, SET_API_ACCESS, {"input": {"enabled": True}})
    assert (await _as_key(servers.urls[1], secret)).status_code == 200


async def test_an_org_disabled_from_outside_the_servers_is_refused_by_both(
    servers: Deployment, redis_ids: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    other = await servers.another_org()
    owner = await other.signed_in("owner")
    _key_id, secret = await _create_key(owner, redis_ids)
    session = owner.http.cookies["qg_session"]
    for url in servers.urls:
        await _warm_key(url, secret)
    org_id = relay.GlobalID.from_id(
        (await _ok(owner, LOOKUP, {"slug": other.slug}))["organization"]["id"]
    ).node_id
    redis_ids.append(org_id)
    # platform staff disable the org with the command line's context, in this process
    # (configured with the same database and Redis as the servers)
    monkeypatch.setenv("QUIZGRAPH_REDIS_URL", REDIS_URL)
    get_settings.cache_clear()
    await ratelimit.close()
    try:
        async with unit_of_work(servers.env["QUIZGRAPH_DATABASE_URL"]) as db:
            org = await orgs.find_by_slug(cli_context(db), other.slug)
            assert org is not None
            await orgs.set_disabled(cli_context(db), org.id, True)
    finally:
        monkeypatch.delenv("QUIZGRAPH_REDIS_URL")
        get_settings.cache_clear()
        await ratelimit.close()
    for url in servers.urls:
        refused = await _as_key(url, secret)
        assert (refused.status_code, refused.json()["code"]) == (403, "ORG_DISABLED")
        async with httpx.AsyncClient() as client:
            by_cookie = await client.post(
                f"{url}/graphql",
                json={"query": VIEWER},
                headers={"cookie": f"qg_session={session}"},
            )
        assert (by_cookie.status_code, by_cookie.json()["code"]) == (403, "ORG_DISABLED")


async def test_a_key_expires_in_the_other_process_at_its_time(
    servers: Deployment, owner: ApiClient, redis_ids: list[str]
) -> None:
    expires = datetime.now(UTC) + timedelta(seconds=3)
    _key_id, secret = await _create_key(owner, redis_ids, expires_at=expires)
    await _warm_key(servers.urls[1], secret)
    await asyncio.sleep((expires - datetime.now(UTC)).total_seconds() + 0.2)
    refused = await _as_key(servers.urls[1], secret)
    assert (refused.status_code, refused.json()["detail"]) == (401, "The API key has expired.")


async def test_a_keys_limit_stays_exact_across_both_warm_processes(
    servers: Deployment, owner: ApiClient, redis_ids: list[str]
) -> None:
    _key_id, secret = await _create_key(owner, redis_ids, limit=10)
    remaining: list[int] = []
    # three requests in each process (each then answers the key from its cache), then
    # the rest alternating between them
    for url in [*[servers.urls[1]] * 3, *[servers.urls[0]] * 3, *servers.urls * 2]:
        response = await _as_key(url, secret)
        assert response.status_code == 200, response.text
        header = RATE_LIMIT.fullmatch(response.headers["ratelimit"])
        assert header is not None
        remaining.append(int(header.group(1)))
    assert remaining == list(range(9, -1, -1))
    for url in servers.urls:
        refused = await _as_key(url, secret)
        assert refused.status_code == 429
        assert refused.headers["ratelimit"].startswith('"api-key";r=0;')
        assert 1 <= int(refused.headers["retry-after"]) <= 60


@dataclass(frozen=True)
class SessionChange:
    name: str
    # (owner, the member's global id, the member's own client) -> the change
    make: Callable[[ApiClient, str, ApiClient], Awaitable[object]]
    kind: str
    role: str | None


async def _logout(_owner: ApiClient, _member: str, own: ApiClient) -> object:
    return await _ok(own, LOGOUT)


async def _disable_member(owner: ApiClient, member: str, _own: ApiClient) -> object:
    return await _ok(owner, UPDATE_MEMBER, {"input": {"id": member, "disabled": True}})


async def _remove_member(owner: ApiClient, member: str, _own: ApiClient) -> object:
    return await _ok(owner, REMOVE_MEMBER, {"input": {"id": member}})


async def _demote(owner: ApiClient, member: str, _own: ApiClient) -> object:
    return await _ok(owner, UPDATE_MEMBER, {"input": {"id": member, "role": "STUDENT"}})


SESSION_CHANGES = [
    SessionChange("signed out", _logout, "ANONYMOUS", None),
    SessionChange("member disabled", _disable_member, "ANONYMOUS", None),
    SessionChange("member removed", _remove_member, "ANONYMOUS", None),
    SessionChange("role changed", _demote, "MEMBER", "STUDENT"),
]


@pytest.mark.parametrize("change", SESSION_CHANGES, ids=[change.name for change in SESSION_CHANGES])
async def test_a_session_changed_through_one_process_is_seen_by_the_other(
    servers: Deployment, owner: ApiClient, change: SessionChange
) -> None:
    member_id, member = await _add_member(servers, owner, "TEACHER")
    cookie = member.http.cookies["qg_session"]

    async def in_second_process() -> dict[str, object]:
        async with httpx.AsyncClient() as client:
            response = await client.post(
                f"{servers.urls[1]}/graphql",
                json={"query": VIEWER},
                headers={"cookie": f"qg_session={cookie}"},
            )
        assert response.status_code == 200, response.text
        viewer: dict[str, object] = response.json()["data"]["viewer"]
        return viewer

    for _ in range(3):
        assert (await in_second_process())["role"] == "TEACHER"
    await change.make(owner, member_id, member)
    seen = await in_second_process()
    assert (seen["kind"], seen["role"]) == (change.kind, change.role)
