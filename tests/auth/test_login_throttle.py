"""Login throttling under concurrency, per address, the argon2 queue, and trusted proxies.

Budgets are reserved before any hashing, so a burst of wrong passwords checks at most
the budget; a stranger's failures never lock a member out of their own address; and
argon2 runs a bounded number at a time with a bounded queue behind it.
"""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import Callable
from typing import Any

import pytest
from starlette.applications import Starlette

from app.core import passwords
from app.core.settings import get_settings
from tests.support.client import LOGIN, ApiClient, GraphQLResult
from tests.support.factories import PASSWORD, OrgFixture
from tests.support.fixture_types import ClientFactory


def login_variables(
    org: OrgFixture, username: str, password: str, portal_code: str | None = None
) -> dict[str, Any]:
    return {
        "input": {
            "orgSlug": org.slug,
            "portalCode": org.portal_code if portal_code is None else portal_code,
            "username": username,
            "password": password,
        }
    }


def assert_throttled(result: GraphQLResult) -> None:
    """What a throttled login looks like to a client: 429, Retry-After, RATE_LIMITED."""
    assert result.status == 429, result
    assert result.code == "RATE_LIMITED"
    assert result.data is None
    wait = result.errors[0]["extensions"]["retryAfterSeconds"]
    assert result.response.headers["retry-after"] == str(wait)
    assert int(wait) > 0


@pytest.fixture
def checked_passwords(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every password argon2 actually verified (portal codes left out)."""
    checked: list[str] = []
    original = passwords._verify

    def counting(stored_hash: str | None, plain: str) -> bool:
        if not plain.startswith("portal-"):
            checked.append(plain)
        return original(stored_hash, plain)

    monkeypatch.setattr(passwords, "_verify", counting)
    return checked


async def test_a_burst_of_wrong_passwords_checks_at_most_the_budget(
    org: OrgFixture, client_factory: ClientFactory, checked_passwords: list[str]
) -> None:
    budget = get_settings().login_attempts_per_user
    attacker = client_factory()
    # when 50 wrong passwords for one member arrive at once from one address
    results = await asyncio.gather(
        *(
            attacker.gql(LOGIN, login_variables(org, "owner", f"guess number {n}"))
            for n in range(50)
        )
    )
    # then argon2 checked exactly the budget, and every other attempt was refused unhashed
    assert len(checked_passwords) == budget
    failed = [result for result in results if result.code == "INVALID_CREDENTIALS"]
    refused = [result for result in results if result.code != "INVALID_CREDENTIALS"]
    assert len(failed) == budget
    assert all(result.status == 200 for result in failed)
    for result in refused:
        assert_throttled(result)
    # the owner, from their own address, signs in at once
    owner = await client_factory().login(org.slug, org.portal_code, "owner", PASSWORD)
    assert owner.ok()["login"]["viewer"]["role"] == "OWNER"


@pytest.mark.parametrize("wrong", ["portal code", "password"])
async def test_a_stranger_cannot_lock_the_owner_out(
    org: OrgFixture, client_factory: ClientFactory, wrong: str
) -> None:
    budget = get_settings().login_attempts_per_user
    stranger = client_factory()
    code, password = ("nope", PASSWORD) if wrong == "portal code" else (None, "not it at all")
    outcomes = [
        await stranger.gql(LOGIN, login_variables(org, "owner", password, portal_code=code))
        for _ in range(budget + 3)
    ]
    assert [result.code for result in outcomes[:budget]] == ["INVALID_CREDENTIALS"] * budget
    for result in outcomes[budget:]:
        assert_throttled(result)  # the stranger's address is out of attempts for the owner
    # the owner, from the owner's own address, is not locked out
    owner = client_factory()
    signed_in = await owner.login(org.slug, org.portal_code, "owner", PASSWORD)
    assert signed_in.ok()["login"]["viewer"]["role"] == "OWNER"
    assert (await owner.gql("{ viewer { kind } }")).ok()["viewer"]["kind"] == "MEMBER"


async def test_one_address_spraying_many_members_is_limited(
    org: OrgFixture, client_factory: ClientFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(get_settings(), "login_attempts_per_ip", 4)
    sprayer = client_factory()
    names = ["owner", "admin", "teacher", "student"]
    for name in names:
        result = await sprayer.gql(LOGIN, login_variables(org, name, "summer2024!"))
        assert result.code == "INVALID_CREDENTIALS"
    # a fifth member from the same address is refused, right password or not
    assert_throttled(await sprayer.login(org.slug, org.portal_code, "owner", PASSWORD))
    # the members themselves, from their own addresses, still sign in
    for name in names:
        assert (await client_factory().login(org.slug, org.portal_code, name, PASSWORD)).ok()


async def test_a_success_forgets_the_members_earlier_failures_from_that_address(
    org: OrgFixture, client_factory: ClientFactory
) -> None:
    budget = get_settings().login_attempts_per_user
    member = client_factory()
    for _ in range(budget - 1):
        result = await member.login(org.slug, org.portal_code, "teacher", "typo typo typo")
        assert result.code == "INVALID_CREDENTIALS"
    assert (await member.login(org.slug, org.portal_code, "teacher", PASSWORD)).ok()
    for _ in range(budget - 1):
        result = await member.login(org.slug, org.portal_code, "teacher", "typo typo typo")
        assert result.code == "INVALID_CREDENTIALS"
    assert (await member.login(org.slug, org.portal_code, "teacher", PASSWORD)).ok()


async def until(condition: Callable[[], bool]) -> None:
    """Let the other requests run until ``condition`` holds (a bound, not a timing)."""
    for _ in range(6000):
        if condition():
            return
        await asyncio.sleep(0.01)
    raise AssertionError("the condition never came true")


async def test_logins_beyond_the_hashing_queue_are_refused_at_once(
    org: OrgFixture, client_factory: ClientFactory
) -> None:
    gate = passwords.hashing_gate()
    capacity = gate.capacity
    # every argon2 slot of the process is taken, as if long hashes were running
    for _ in range(gate.concurrency):
        await gate.slots.acquire()
    try:
        # logins from different addresses fill the queue behind the busy slots
        waiting = [
            asyncio.ensure_future(
                client_factory().login(org.slug, org.portal_code, "owner", PASSWORD)
            )
            for _ in range(capacity)
        ]
        await until(lambda: gate.holders == capacity)
        # one more is refused at once, without waiting for argon2
        late = client_factory()
        refused = await late.login(org.slug, org.portal_code, "owner", PASSWORD)
        assert all(not task.done() for task in waiting)
    finally:
        for _ in range(gate.concurrency):
            gate.slots.release()
    assert_throttled(refused)
    assert refused.response.headers["retry-after"] == "1"
    assert "busy" in refused.errors[0]["message"]
    assert "set-cookie" not in refused.response.headers
    # once hashing frees up, the queued logins all complete
    done = await asyncio.gather(*waiting)
    assert all(result.ok()["login"]["viewer"]["role"] == "OWNER" for result in done)
    # the refused client lost nothing: it signs in now
    assert (await late.login(org.slug, org.portal_code, "owner", PASSWORD)).ok()


def unique_address(prefix: str) -> str:
    raw = uuid.uuid4().bytes
    return f"{prefix}.{raw[0]}.{raw[1]}.{raw[2] or 1}"


@pytest.fixture
def proxied_app_factory(
    app: Starlette, monkeypatch: pytest.MonkeyPatch
) -> Callable[[list[str]], object]:
    """A fresh app built with ``trusted_proxies`` set (the setting is read at start-up)."""
    from app.web.app import create_app

    def build(trusted: list[str]) -> object:
        monkeypatch.setattr(get_settings(), "trusted_proxies", trusted)
        return create_app()

    return build


async def spray_through(proxy: ApiClient, org: OrgFixture, forwarded_for: str) -> GraphQLResult:
    return await proxy.gql(
        LOGIN,
        login_variables(org, "nobody", "wrong wrong wrong"),
        headers={"x-forwarded-for": forwarded_for},
    )


async def test_a_trusted_proxy_names_the_client_address(
    org: OrgFixture,
    proxied_app_factory: Callable[[list[str]], object],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    proxy_address = unique_address("127")
    monkeypatch.setattr(get_settings(), "login_attempts_per_ip", 2)
    proxied = proxied_app_factory([proxy_address])
    proxy = ApiClient(proxied, ip=proxy_address)
    try:
        first, second = unique_address("198"), unique_address("198")
        for _ in range(2):
            assert (await spray_through(proxy, org, first)).code == "INVALID_CREDENTIALS"
        # the address the proxy named is out of attempts ...
        assert_throttled(await spray_through(proxy, org, first))
        # ... and another client behind the same proxy is not
        assert (await spray_through(proxy, org, second)).code == "INVALID_CREDENTIALS"
    finally:
        await proxy.close()


async def test_without_the_setting_forwarded_for_is_ignored(
    org: OrgFixture, client_factory: ClientFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(get_settings(), "login_attempts_per_ip", 2)
    client = client_factory(ip=unique_address("127"))
    for _ in range(2):
        result = await spray_through(client, org, unique_address("198"))
        assert result.code == "INVALID_CREDENTIALS"
    # a new forwarded address doesn't buy new attempts: the peer's address counts
    assert_throttled(await spray_through(client, org, unique_address("198")))


async def test_an_untrusted_peer_cannot_pose_as_a_proxy(
    org: OrgFixture,
    proxied_app_factory: Callable[[list[str]], object],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(get_settings(), "login_attempts_per_ip", 2)
    proxied = proxied_app_factory([unique_address("127")])
    outsider = ApiClient(proxied, ip=unique_address("10"))
    try:
        for _ in range(2):
            result = await spray_through(outsider, org, unique_address("198"))
            assert result.code == "INVALID_CREDENTIALS"
        assert_throttled(await spray_through(outsider, org, unique_address("198")))
    finally:
        await outsider.close()
