"""setTemporaryPassword: the member must change it at the next sign-in, and until then the
session can do nothing else (PASSWORD_CHANGE_REQUIRED)."""

from __future__ import annotations

import pytest

from app.access.scopes import Role
from tests.accounts.support import (
    NEW_PASSWORD,
    TEMPORARY,
    VIEWER,
    audit_events,
    change,
    field_code,
    sign_in,
)
from tests.support.factories import PASSWORD, OrgFixture
from tests.support.fixture_types import ClientFactory, SignIn

QUIZZES = "query($slug: String!) { organization(slug: $slug) { quizzes { totalCount } } }"


async def test_a_generated_temporary_password_must_be_changed_at_sign_in(
    org: OrgFixture, signed_in: SignIn, client_factory: ClientFactory
) -> None:
    # given a student signed in, and an admin giving them a temporary password
    student_before = await signed_in(org, "student")
    admin = await signed_in(org, "admin")
    result = await admin.gql(TEMPORARY, {"input": {"memberId": org.account("student").global_id}})
    payload = result.ok()["setTemporaryPassword"]
    temporary = payload["temporaryPassword"]
    assert len(temporary) >= 14
    assert payload["member"] == {"username": "student", "passwordChangeRequired": True}
    # then the student's session ended, and the old password no longer signs in
    assert (await student_before.gql(VIEWER)).ok()["viewer"]["kind"] == "ANONYMOUS"
    browser = client_factory()
    assert (await sign_in(browser, org, "student", PASSWORD)).code == "INVALID_CREDENTIALS"
    # when the student signs in with the temporary one
    (await sign_in(browser, org, "student", temporary)).ok()
    # then the session says a change is required and can do nothing else
    viewer = (await browser.gql(VIEWER)).ok()["viewer"]
    assert viewer["passwordChangeRequired"] is True
    assert viewer["scopes"] == []
    refused = await browser.gql(QUIZZES, {"slug": org.slug})
    assert refused.code == "PASSWORD_CHANGE_REQUIRED"
    # until the password is changed
    changed = (await change(browser, temporary, NEW_PASSWORD)).ok()["changeMyPassword"]
    assert changed["viewer"]["passwordChangeRequired"] is False
    assert "quizzes:read" in changed["viewer"]["scopes"]
    assert (await browser.gql(QUIZZES, {"slug": org.slug})).ok()["organization"]["quizzes"]
    # and the reset is in the audit log, with the sessions it ended
    events = await audit_events(admin, org, "member.temporary_password_set")
    assert events[0]["details"] == {"username": "student", "endedSessions": 1}


async def test_a_chosen_temporary_password_meets_the_policy(
    org: OrgFixture, signed_in: SignIn
) -> None:
    admin = await signed_in(org, "admin")
    target = org.account("student").global_id
    weak = await admin.gql(TEMPORARY, {"input": {"memberId": target, "password": "qwertyuiop"}})
    assert field_code(weak, "password") == "PASSWORD_COMMON"
    chosen = await admin.gql(
        TEMPORARY, {"input": {"memberId": target, "password": "first day of term"}}
    )
    assert chosen.ok()["setTemporaryPassword"]["temporaryPassword"] == "first day of term"


@pytest.mark.parametrize(
    ("actor", "target", "code"),
    [
        ("admin", "owner", "FORBIDDEN"),  # an admin never resets an owner
        ("teacher", "student", "FORBIDDEN"),  # no members:write
        ("student", "teacher", "FORBIDDEN"),
        ("owner", "admin", None),
        ("admin", "teacher", None),
    ],
)
async def test_who_may_reset_whom(
    org: OrgFixture, signed_in: SignIn, actor: str, target: str, code: str | None
) -> None:
    client = await signed_in(org, actor)
    result = await client.gql(TEMPORARY, {"input": {"memberId": org.account(target).global_id}})
    if code is None:
        assert result.ok()["setTemporaryPassword"]["member"]["username"] == target
    else:
        assert result.code == code
        # the target's password is untouched (signed_in asserts it signs in)
        await signed_in(org, target)


async def test_another_orgs_member_is_not_found(
    org: OrgFixture, other_org: OrgFixture, signed_in: SignIn
) -> None:
    admin = await signed_in(org, "admin")
    stranger = other_org.account("student").global_id
    assert (await admin.gql(TEMPORARY, {"input": {"memberId": stranger}})).code == "NOT_FOUND"


async def test_a_session_with_a_temporary_password_can_still_sign_out(
    org: OrgFixture, signed_in: SignIn, client_factory: ClientFactory
) -> None:
    await org.add("kim", Role.STUDENT)
    admin = await signed_in(org, "admin")
    result = await admin.gql(TEMPORARY, {"input": {"memberId": org.account("kim").global_id}})
    temporary = result.ok()["setTemporaryPassword"]["temporaryPassword"]
    browser = client_factory()
    (await sign_in(browser, org, "kim", temporary)).ok()
    assert (await browser.gql("mutation { logout { ok } }")).ok()["logout"]["ok"] is True
