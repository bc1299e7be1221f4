"""changeMyPassword: the current password is required, the policy applies, and the
member's other sessions end while the one that changed it stays."""

from __future__ import annotations

from app.access.scopes import Role
from app.core.settings import get_settings
from tests.accounts.support import NEW_PASSWORD, VIEWER, change, field_code, sign_in
from tests.api_keys.support import create_key
from tests.support.factories import PASSWORD, OrgFixture
from tests.support.fixture_types import ClientFactory, SignIn


async def test_changing_ends_the_other_sessions_and_keeps_this_one(
    org: OrgFixture, client_factory: ClientFactory
) -> None:
    # given a teacher signed in on two browsers
    await org.add("pat", Role.TEACHER)
    here, elsewhere = client_factory(), client_factory()
    for client in (here, elsewhere):
        (await sign_in(client, org, "pat", PASSWORD)).ok()
    # when one of them changes the password
    result = await change(here, PASSWORD, NEW_PASSWORD)
    # then the other session ended, this one goes on
    assert result.ok()["changeMyPassword"]["endedSessions"] == 1
    assert (await here.gql(VIEWER)).ok()["viewer"]["kind"] == "MEMBER"
    assert (await elsewhere.gql(VIEWER)).ok()["viewer"]["kind"] == "ANONYMOUS"
    # and only the new password signs in
    fresh = client_factory()
    assert (await sign_in(fresh, org, "pat", PASSWORD)).code == "INVALID_CREDENTIALS"
    assert (await sign_in(fresh, org, "pat", NEW_PASSWORD)).ok()["login"]["viewer"]["member"]


async def test_the_current_password_is_required(org: OrgFixture, signed_in: SignIn) -> None:
    student = await signed_in(org, "student")
    result = await change(student, "not my password at all", NEW_PASSWORD)
    assert field_code(result, "currentPassword") == "WRONG_PASSWORD"
    # nothing changed: the old password still signs in (signed_in asserts it)
    await signed_in(org, "student")


async def test_the_new_password_must_differ_and_meet_the_policy(
    org: OrgFixture, signed_in: SignIn
) -> None:
    student = await signed_in(org, "student")
    assert field_code(await change(student, PASSWORD, PASSWORD), "newPassword") == (
        "PASSWORD_UNCHANGED"
    )
    too_short = await change(student, PASSWORD, "short")
    assert field_code(too_short, "newPassword") == "PASSWORD_TOO_SHORT"
    assert too_short.errors[0]["extensions"]["fields"]["newPassword"] == (
        "needs at least 8 characters (this organization's minimum)"
    )
    assert field_code(await change(student, PASSWORD, "password123"), "newPassword") == (
        "PASSWORD_COMMON"
    )


async def test_an_api_key_has_no_password_to_change(org: OrgFixture, signed_in: SignIn) -> None:
    owner = await signed_in(org, "owner")
    key = await create_key(owner, ["org:read"])
    result = await owner.gql(
        'mutation { changeMyPassword(input: {currentPassword: "x", newPassword: "y"}) '
        "{ endedSessions } }",
        headers=key.headers,
    )
    assert result.code == "FORBIDDEN"


async def test_anonymous_callers_are_told_to_sign_in(client_factory: ClientFactory) -> None:
    result = await change(client_factory(), PASSWORD, NEW_PASSWORD)
    assert result.code == "UNAUTHENTICATED"


async def test_guessing_the_current_password_is_throttled(
    org: OrgFixture, signed_in: SignIn
) -> None:
    # given a stolen session guessing its member's password
    student = await signed_in(org, "student")
    budget = get_settings().login_attempts_per_user
    for _ in range(budget):
        wrong = await change(student, "a wrong guess!", NEW_PASSWORD)
        assert field_code(wrong, "currentPassword") == "WRONG_PASSWORD"
    # then even the right one is refused for a while
    assert (await change(student, PASSWORD, NEW_PASSWORD)).code == "RATE_LIMITED"
