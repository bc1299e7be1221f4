"""Signing in and out on an org's portal, throttling, and session expiry."""

from __future__ import annotations

import pytest

from app.core.clock import FrozenClock
from app.core.settings import get_settings
from tests.support.factories import OrgFixture
from tests.support.fixture_types import ClientFactory, SignIn

VIEWER = "{ viewer { kind role member { username } organization { slug } scopes } }"


async def test_login_sets_an_http_only_session_cookie(
    org: OrgFixture, client_factory: ClientFactory
) -> None:
    client = client_factory()
    # when the owner signs in
    result = await client.login(org.slug, org.portal_code, "owner", "correct horse battery")
    # then the viewer is the owner and the cookie follows the contract
    assert result.ok()["login"]["viewer"]["role"] == "OWNER"
    cookie = result.response.headers["set-cookie"]
    assert cookie.startswith("qg_session=")
    assert "HttpOnly" in cookie
    assert "SameSite=lax" in cookie
    assert "Secure" not in cookie  # the test server is configured for plain HTTP
    viewer = (await client.gql(VIEWER)).ok()["viewer"]
    assert viewer["kind"] == "MEMBER"
    assert viewer["member"] == {"username": "owner"}
    assert "org:write" in viewer["scopes"]


async def test_cookie_is_secure_unless_configured_for_plain_http(
    org: OrgFixture, client_factory: ClientFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(get_settings(), "cookie_secure", True)
    result = await client_factory().login(
        org.slug, org.portal_code, "owner", "correct horse battery"
    )
    assert "Secure" in result.response.headers["set-cookie"]


@pytest.mark.parametrize(
    "wrong",
    ["org", "portal", "username", "password"],
)
async def test_every_wrong_value_gets_the_same_error(
    org: OrgFixture, client_factory: ClientFactory, wrong: str
) -> None:
    values = {
        "org": org.slug,
        "portal": org.portal_code,
        "username": "owner",
        "password": "correct horse battery",
    }
    values[wrong] = "definitely-wrong"
    client = client_factory()
    result = await client.login(
        values["org"], values["portal"], values["username"], values["password"]
    )
    assert result.data is None
    assert result.code == "INVALID_CREDENTIALS"
    assert result.errors[0]["message"] == (
        "The organization, portal code, username or password is wrong."
    )
    assert "set-cookie" not in result.response.headers
    assert (await client.gql(VIEWER)).ok()["viewer"]["kind"] == "ANONYMOUS"


async def test_login_is_throttled_per_user_and_address_with_the_wait(
    org: OrgFixture, client_factory: ClientFactory
) -> None:
    limit = get_settings().login_attempts_per_user
    guesser = client_factory()
    for _ in range(limit):
        failed = await guesser.login(org.slug, org.portal_code, "teacher", "wrong password!")
        assert failed.code == "INVALID_CREDENTIALS"
    # from that address even the right password is refused now, with 429 and the wait
    throttled = await guesser.login(org.slug, org.portal_code, "teacher", "correct horse battery")
    assert throttled.status == 429
    assert throttled.code == "RATE_LIMITED"
    wait = throttled.errors[0]["extensions"]["retryAfterSeconds"]
    assert 0 < wait <= get_settings().login_throttle_window_seconds
    assert throttled.response.headers["retry-after"] == str(wait)
    assert f"{wait} seconds" in throttled.errors[0]["message"]
    assert throttled.data is None
    assert "set-cookie" not in throttled.response.headers
    # another user signing in from that address is not affected
    other = await guesser.login(org.slug, org.portal_code, "student", "correct horse battery")
    assert other.ok()
    # nor is the teacher, from their own address
    own = await client_factory().login(
        org.slug, org.portal_code, "teacher", "correct horse battery"
    )
    assert own.ok()["login"]["viewer"]["role"] == "TEACHER"


async def test_login_is_throttled_per_client_address(
    org: OrgFixture, client_factory: ClientFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(get_settings(), "login_attempts_per_ip", 3)
    client = client_factory()
    for name in ["alpha", "beta", "gamma"]:
        assert (
            await client.login(org.slug, org.portal_code, name, "nope nope nope")
        ).code == "INVALID_CREDENTIALS"
    refused = await client.login(org.slug, org.portal_code, "owner", "correct horse battery")
    assert refused.code == "RATE_LIMITED"
    assert refused.status == 429
    assert int(refused.response.headers["retry-after"]) > 0
    # a different address still gets in
    assert (
        await client_factory().login(org.slug, org.portal_code, "owner", "correct horse battery")
    ).ok()


async def test_logout_ends_the_session_on_the_server(
    org: OrgFixture, signed_in: SignIn, client_factory: ClientFactory
) -> None:
    client = await signed_in(org, "teacher")
    stolen_cookie = client.http.cookies.get("qg_session")
    result = await client.gql("mutation { logout(input: {}) { ok } }")
    assert result.ok()["logout"] == {"ok": True}
    # replaying the old cookie no longer works
    replay = client_factory()
    assert stolen_cookie is not None
    replay.http.cookies.set("qg_session", stolen_cookie)
    assert (await replay.gql(VIEWER)).ok()["viewer"]["kind"] == "ANONYMOUS"


async def test_sessions_expire_after_idle_time(
    org: OrgFixture, signed_in: SignIn, frozen_clock: FrozenClock
) -> None:
    client = await signed_in(org, "teacher")
    frozen_clock.advance(seconds=get_settings().session_idle_timeout_seconds - 60)
    assert (await client.gql(VIEWER)).ok()["viewer"]["kind"] == "MEMBER"  # activity keeps it alive
    frozen_clock.advance(seconds=get_settings().session_idle_timeout_seconds - 60)
    assert (await client.gql(VIEWER)).ok()["viewer"]["kind"] == "MEMBER"
    frozen_clock.advance(seconds=get_settings().session_idle_timeout_seconds + 1)
    assert (await client.gql(VIEWER)).ok()["viewer"]["kind"] == "ANONYMOUS"


async def test_sessions_expire_at_their_absolute_limit_despite_activity(
    org: OrgFixture, signed_in: SignIn, frozen_clock: FrozenClock
) -> None:
    client = await signed_in(org, "teacher")
    step = get_settings().session_idle_timeout_seconds // 2
    for _ in range(get_settings().session_absolute_timeout_seconds // step - 1):
        frozen_clock.advance(seconds=step)
        assert (await client.gql(VIEWER)).ok()["viewer"]["kind"] == "MEMBER"
    frozen_clock.advance(seconds=step + 1)
    assert (await client.gql(VIEWER)).ok()["viewer"]["kind"] == "ANONYMOUS"


async def test_disabled_member_is_signed_out_on_the_next_request(
    org: OrgFixture, signed_in: SignIn
) -> None:
    student = await signed_in(org, "student")
    owner = await signed_in(org, "owner")
    disable = await owner.gql(
        "mutation($id: ID!) { updateMember(input: {id: $id, disabled: true}) { member { disabled } } }",
        {"id": org.account("student").global_id},
    )
    assert disable.ok()["updateMember"]["member"]["disabled"] is True
    # the session is dead: the request is anonymous and the cookie is expired
    signed_out = await student.gql(VIEWER)
    assert signed_out.ok()["viewer"]["kind"] == "ANONYMOUS"
    assert signed_out.response.headers["set-cookie"].startswith('qg_session="";')
    # and they can't sign in again either
    again = await student.login(org.slug, org.portal_code, "student", "correct horse battery")
    assert again.code == "USER_DISABLED"


async def test_disabled_org_refuses_its_sessions(org: OrgFixture, signed_in: SignIn) -> None:
    from app.core.db import unit_of_work
    from app.orgs.models import Organization

    teacher = await signed_in(org, "teacher")
    async with unit_of_work() as db:
        row = await db.get(Organization, org.id)
        assert row is not None
        row.disabled = True
        db.add(row)
    refused = await teacher.gql(VIEWER)
    assert refused.status == 403
    assert refused.body["code"] == "ORG_DISABLED"


async def test_an_outdated_password_hash_is_upgraded_at_sign_in(
    org: OrgFixture, client_factory: ClientFactory
) -> None:
    from argon2 import PasswordHasher

    from app.core.db import unit_of_work
    from app.core.passwords import needs_rehash
    from app.members.models import Member

    account = org.account("teacher")
    old = PasswordHasher(time_cost=2, memory_cost=2048, parallelism=1).hash(account.password)
    async with unit_of_work() as db:
        member = await db.get(Member, account.id)
        assert member is not None
        member.password_hash = old
        db.add(member)
    assert needs_rehash(old)
    result = await client_factory().login(org.slug, org.portal_code, "teacher", account.password)
    assert result.ok()["login"]["viewer"]["role"] == "TEACHER"
    async with unit_of_work(write=False) as db:
        member = await db.get(Member, account.id)
        assert member is not None
        assert member.password_hash != old
        assert not needs_rehash(member.password_hash)
