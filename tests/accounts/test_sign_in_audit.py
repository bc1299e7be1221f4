"""Failed sign-ins and lockouts are in the org's audit log with the username tried and
the client's address, never the password."""

from __future__ import annotations

from app.core.settings import get_settings
from tests.accounts.support import audit_events
from tests.support.factories import OrgFixture
from tests.support.fixture_types import ClientFactory, SignIn

WRONG = "hunter2-wrong-guess"


async def test_failures_and_the_lockout_are_audited_without_passwords(
    org: OrgFixture, signed_in: SignIn, client_factory: ClientFactory
) -> None:
    # given a stranger guessing a teacher's password from one address until locked out
    stranger = client_factory()
    budget = get_settings().login_attempts_per_user
    for _ in range(budget):
        result = await stranger.login(org.slug, org.portal_code, "teacher", WRONG)
        assert result.code == "INVALID_CREDENTIALS"
    locked = await stranger.login(org.slug, org.portal_code, "teacher", WRONG)
    assert locked.code == "RATE_LIMITED"
    # and a guess at a username that doesn't exist, and at a wrong portal code
    await stranger.login(org.slug, org.portal_code, "nobody-here", WRONG)
    await client_factory().login(org.slug, "wrong-code", "student", "correct horse battery")
    # then the owner reads every failure with the username tried and the address
    owner = await signed_in(org, "owner")
    failures = await audit_events(owner, org, "auth.login_failed")
    tried = sorted(event["details"]["username"] for event in failures)
    assert tried == ["nobody-here", "student"] + ["teacher"] * budget
    assert {event["ip"] for event in failures if event["details"]["username"] == "teacher"} == {
        stranger.ip
    }
    teacher_id = org.account("teacher").id
    assert all(
        event["targetId"] == str(teacher_id)
        for event in failures
        if event["details"]["username"] == "teacher"
    )
    # the lockout is recorded once, when the last attempt of the budget was spent
    [lockout] = await audit_events(owner, org, "auth.locked_out")
    assert lockout["details"]["username"] == "teacher"
    assert lockout["details"]["budget"] == "member"
    assert lockout["ip"] == stranger.ip
    # and no password is anywhere in the log
    everything = await audit_events(owner, org, "auth.login_failed") + [lockout]
    assert WRONG not in str(everything) and "correct horse battery" not in str(everything)


async def test_a_failure_at_an_unknown_org_writes_nothing(client_factory: ClientFactory) -> None:
    result = await client_factory().login("no-such-org", "code", "someone", WRONG)
    assert result.code == "INVALID_CREDENTIALS"
