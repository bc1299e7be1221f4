"""Platform admins sign in to the console with a password and a TOTP code (pyotp here,
an authenticator app in life): enrolment at the first sign-in, wrong codes, replays,
throttling, and a session that is the console's own."""

from __future__ import annotations

from urllib.parse import parse_qs, urlparse

import pyotp
from sqlalchemy import text

from app.core.clock import FrozenClock
from app.core.db import unit_of_work
from app.platform.tokens import PLATFORM_SESSION_COOKIE
from tests.platform.support import (
    LOGOUT,
    StaffAdmin,
    begin,
    complete,
    console,
    new_admin,
    sign_in,
)
from tests.support.factories import OrgFixture
from tests.support.fixture_types import ClientFactory, SignIn

WHO = "{ viewer { kind scopes member { id } organization { id } } platformAdmin { username } }"


async def test_the_first_sign_in_enrols_the_second_factor_which_is_never_shown_again(
    client_factory: ClientFactory, frozen_clock: FrozenClock
) -> None:
    # given a platform admin made with the command line
    admin = await new_admin()
    browser = client_factory()
    # when they give their password for the first time
    started = (await begin(browser, admin)).ok()["beginPlatformLogin"]
    enrolment = started["enrolment"]
    # then they are shown a secret to add to an authenticator app, as a URI and a QR code
    uri = urlparse(enrolment["otpauthUri"])
    assert (uri.scheme, uri.netloc) == ("otpauth", "totp")
    assert parse_qs(uri.query)["secret"] == [enrolment["secret"]]
    assert parse_qs(uri.query)["issuer"] == ["quizgraph"]
    assert admin.username in uri.path
    assert enrolment["qrCodeSvg"].startswith("<svg") and "</svg>" in enrolment["qrCodeSvg"]
    # and no session yet: the console refuses them
    assert (await console(browser, WHO)).code == "UNAUTHENTICATED"
    # when they send the app's code
    code = pyotp.TOTP(enrolment["secret"]).at(frozen_clock.now())
    done = await complete(browser, started["ticket"], code)
    # then they are signed in to the console, as staff with the console's scopes
    assert done.ok()["completePlatformLogin"]["username"] == admin.username
    who = (await console(browser, WHO)).ok()
    assert who["viewer"]["kind"] == "PLATFORM_ADMIN"
    assert who["viewer"]["member"] is None and who["viewer"]["organization"] is None
    assert who["platformAdmin"]["username"] == admin.username
    assert {"platform:read", "platform:write", "platform_keys:write"} <= set(
        who["viewer"]["scopes"]
    )
    assert "quizzes:write" not in who["viewer"]["scopes"]
    # and the next sign-in asks for a code without showing the secret again
    frozen_clock.advance(seconds=30)
    again = (await begin(client_factory(), admin)).ok()["beginPlatformLogin"]
    assert again["enrolment"] is None


async def test_the_secret_is_stored_sealed(
    client_factory: ClientFactory, frozen_clock: FrozenClock
) -> None:
    admin = await new_admin()
    await sign_in(client_factory(), admin)
    assert admin.secret is not None
    async with unit_of_work(write=False) as db:
        rows = await db.execute(text("SELECT secret_sealed FROM platform_admin_totp"))
        stored = [row[0] for row in rows.all()]
    assert stored and all(admin.secret not in value for value in stored)


async def test_a_wrong_password_or_unknown_name_gets_one_answer(
    client_factory: ClientFactory,
) -> None:
    admin = await new_admin()
    wrong = await begin(client_factory(), admin, password="not the password")
    unknown = await begin(client_factory(), StaffAdmin("nobody-here"))
    assert wrong.code == unknown.code == "INVALID_CREDENTIALS"
    assert wrong.errors[0]["message"] == unknown.errors[0]["message"]
    assert wrong.data is None and unknown.data is None


async def test_a_wrong_code_signs_nobody_in(
    client_factory: ClientFactory, frozen_clock: FrozenClock
) -> None:
    admin = await new_admin()
    browser = client_factory()
    started = (await begin(browser, admin)).ok()["beginPlatformLogin"]
    admin.secret = started["enrolment"]["secret"]
    right = admin.code()
    wrong = "000000" if right != "000000" else "111111"
    for refused in (wrong, "12345", "abcdef", admin.code(offset_steps=3)):
        answer = await complete(browser, started["ticket"], refused)
        assert answer.code == "INVALID_CREDENTIALS", refused
        assert PLATFORM_SESSION_COOKIE not in answer.response.cookies
    assert (await console(browser, WHO)).code == "UNAUTHENTICATED"
    # the enrolment is still pending: a right code completes it
    assert (await complete(browser, started["ticket"], right)).ok()


async def test_a_code_is_accepted_once(
    client_factory: ClientFactory, frozen_clock: FrozenClock
) -> None:
    # given an admin who signed in with the current code
    admin = await new_admin()
    await sign_in(client_factory(), admin)
    used = admin.code()
    # when someone replays that code within its window (another browser, same password)
    other = client_factory()
    started = (await begin(other, admin)).ok()["beginPlatformLogin"]
    replayed = await complete(other, started["ticket"], used)
    # then it is refused, and so is the previous step's code
    assert replayed.code == "INVALID_CREDENTIALS"
    assert (await complete(other, started["ticket"], admin.code(-1))).code == (
        "INVALID_CREDENTIALS"
    )
    # and the next step's code is accepted
    frozen_clock.advance(seconds=30)
    assert (await complete(other, started["ticket"], admin.code())).ok()


async def test_wrong_codes_are_throttled_per_admin(
    client_factory: ClientFactory, frozen_clock: FrozenClock
) -> None:
    admin = await new_admin()
    browser = client_factory()
    started = (await begin(browser, admin)).ok()["beginPlatformLogin"]
    admin.secret = started["enrolment"]["secret"]
    wrong = "000000" if admin.code() != "000000" else "111111"
    for _ in range(5):
        assert (await complete(browser, started["ticket"], wrong)).code == "INVALID_CREDENTIALS"
    # from another address too: the budget is the admin's
    throttled = await complete(client_factory(), started["ticket"], admin.code())
    assert throttled.code == "RATE_LIMITED"
    assert throttled.status == 429 and int(throttled.response.headers["retry-after"]) > 0


async def test_a_ticket_expires(client_factory: ClientFactory, frozen_clock: FrozenClock) -> None:
    admin = await new_admin()
    browser = client_factory()
    started = (await begin(browser, admin)).ok()["beginPlatformLogin"]
    admin.secret = started["enrolment"]["secret"]
    frozen_clock.advance(minutes=6)
    assert (await complete(browser, started["ticket"], admin.code())).code == (
        "INVALID_CREDENTIALS"
    )
    forged = started["ticket"][:-4] + ("AAAA" if not started["ticket"].endswith("AAAA") else "BBBB")
    assert (await complete(browser, forged, admin.code())).code == "INVALID_CREDENTIALS"


async def test_the_console_session_is_apart_from_org_sessions(
    client_factory: ClientFactory, signed_in: SignIn, org: OrgFixture, frozen_clock: FrozenClock
) -> None:
    # given a browser signed in to the console
    admin = await new_admin()
    browser = client_factory()
    await sign_in(browser, admin)
    # then its cookie is scoped to the console's paths: /graphql sees no one
    cookie = next(c for c in browser.http.cookies.jar if c.name == PLATFORM_SESSION_COOKIE)
    assert cookie.path == "/platform"
    plain = await browser.gql("{ viewer { kind } }")
    assert plain.ok()["viewer"]["kind"] == "ANONYMOUS"
    # and an org member's cookie means nothing to the console's endpoint
    owner = await signed_in(org, "owner")
    assert (await console(owner, "{ viewer { kind } }")).ok()["viewer"]["kind"] == "ANONYMOUS"
    # when the admin signs out, the session ends on the server
    token = cookie.value
    assert token is not None
    assert (await console(browser, LOGOUT)).ok()["platformLogout"]["ok"] is True
    browser.http.cookies.set(PLATFORM_SESSION_COOKIE, token, path="/platform")
    assert (await console(browser, WHO)).code == "UNAUTHENTICATED"


async def test_an_idle_console_session_ends(
    client_factory: ClientFactory, frozen_clock: FrozenClock
) -> None:
    admin = await new_admin()
    browser = client_factory()
    await sign_in(browser, admin)
    frozen_clock.advance(minutes=29)
    assert (await console(browser, WHO)).ok()  # a POST moves the idle clock
    frozen_clock.advance(minutes=29)
    assert (await console(browser, WHO)).ok()
    frozen_clock.advance(minutes=31)
    assert (await console(browser, WHO)).code == "UNAUTHENTICATED"
