"""The org's session lengths reach sign-ins: the lifetime of a session opened after the
change (its cookie and its expiry), and the idle timeout of every session."""

from __future__ import annotations

from datetime import timedelta

from sqlmodel import select

from app.auth.models import MemberSession
from app.auth.tokens import token_digest
from app.core.clock import FrozenClock, as_utc
from app.core.db import unit_of_work
from tests.orgs.support import update_settings
from tests.support.client import ApiClient
from tests.support.factories import OrgFixture
from tests.support.fixture_types import ClientFactory, SignIn

VIEWER = "{ viewer { kind } }"
HOUR = 3600


async def kind(client: ApiClient) -> str:
    found: str = (await client.gql(VIEWER)).ok()["viewer"]["kind"]
    return found


async def lifetime_of(client: ApiClient) -> timedelta:
    token = client.http.cookies["qg_session"]
    async with unit_of_work(write=False) as db:
        session = (
            await db.exec(
                select(MemberSession).where(MemberSession.token_hash == token_digest(token))
            )
        ).one()
    return as_utc(session.expires_at) - as_utc(session.created_at)


async def test_a_session_opened_after_the_change_lasts_the_orgs_lifetime(
    org: OrgFixture, signed_in: SignIn, frozen_clock: FrozenClock
) -> None:
    # given a teacher signed in under the platform's lifetime, then a two-hour lifetime
    owner = await signed_in(org, "owner")
    before = await signed_in(org, "teacher")
    (
        await update_settings(
            owner, sessionLifetimeSeconds=2 * HOUR, sessionIdleTimeoutSeconds=HOUR
        )
    ).ok()
    # when the student signs in
    after = await signed_in(org, "student")
    # then the new session (and its cookie) lasts two hours; the earlier one keeps its own
    assert await lifetime_of(after) == timedelta(hours=2)
    assert await lifetime_of(before) > timedelta(hours=2)
    # and, active all along, the new session ends at two hours, the earlier one doesn't
    for _ in range(3):
        frozen_clock.advance(seconds=HOUR // 2)
        assert (await kind(after), await kind(before)) == ("MEMBER", "MEMBER")
    frozen_clock.advance(seconds=HOUR // 2 + 1)
    assert (await kind(after), await kind(before)) == ("ANONYMOUS", "MEMBER")


async def test_the_cookie_lives_as_long_as_the_orgs_sessions(
    org: OrgFixture, signed_in: SignIn, client_factory: ClientFactory
) -> None:
    # given a three-hour session lifetime
    owner = await signed_in(org, "owner")
    (await update_settings(owner, sessionLifetimeSeconds=3 * HOUR)).ok()
    # when a teacher signs in
    account = org.account("teacher")
    result = await client_factory().login(
        org.slug, org.portal_code, account.username, account.password
    )
    # then the browser keeps the cookie three hours
    assert f"Max-Age={3 * HOUR}" in result.response.headers["set-cookie"]


async def test_a_shorter_idle_timeout_reaches_open_sessions(
    org: OrgFixture, signed_in: SignIn, frozen_clock: FrozenClock
) -> None:
    # given a student signed in, whose session is seen once (and so cached)
    owner, student = await signed_in(org, "owner"), await signed_in(org, "student")
    assert await kind(student) == "MEMBER"
    # when the owner sets a ten-minute idle timeout
    (await update_settings(owner, sessionIdleTimeoutSeconds=600)).ok()
    # then nine minutes of rest keep the session, eleven more end it
    frozen_clock.advance(seconds=540)
    assert await kind(student) == "MEMBER"
    frozen_clock.advance(seconds=660)
    assert await kind(student) == "ANONYMOUS"
