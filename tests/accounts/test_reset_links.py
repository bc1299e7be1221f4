"""createPasswordResetLink and resetPasswordWithLink: one use, 24 hours, stored hashed,
only for the member it was made for; mailed when the server has SMTP settings."""

from __future__ import annotations

import hashlib
import socket
from collections.abc import Iterator
from email import message_from_bytes
from email import policy as email_policy
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from sqlmodel import select

from app.accounts.models import PasswordResetLink
from app.core.clock import FrozenClock
from app.core.db import unit_of_work
from app.core.settings import get_settings
from tests.accounts.support import (
    LINK,
    LINK_INFO,
    NEW_PASSWORD,
    USE_LINK,
    VIEWER,
    audit_events,
    field_code,
    sign_in,
    token_of,
)
from tests.orgs.support import update_settings
from tests.support.factories import PASSWORD, OrgFixture
from tests.support.fixture_types import ClientFactory, SignIn


async def make_link(client: Any, org: OrgFixture, name: str, **extra: Any) -> dict[str, Any]:
    result = await client.gql(LINK, {"input": {"memberId": org.account(name).global_id, **extra}})
    made: dict[str, Any] = result.ok()["createPasswordResetLink"]
    return made


async def use(client: Any, token: str, password: str = NEW_PASSWORD) -> Any:
    return await client.gql(USE_LINK, {"input": {"token": token, "newPassword": password}})


async def test_a_link_sets_the_password_once_and_signs_the_member_in(
    org: OrgFixture, signed_in: SignIn, client_factory: ClientFactory
) -> None:
    # given a student signed in somewhere, and a link an admin made for them
    student_before = await signed_in(org, "student")
    admin = await signed_in(org, "admin")
    made = await make_link(admin, org, "student")
    assert made["url"].startswith(f"http://127.0.0.1:8000/org/{org.slug}/reset-password#token=")
    token = token_of(made["url"])
    # when the student opens it
    browser = client_factory()
    info = (await browser.gql(LINK_INFO, {"token": token})).ok()["passwordResetLink"]
    assert info["username"] == "student"
    assert info["passwordPolicy"] == {"minLength": 8}
    # and sets a new password
    result = await use(browser, token)
    # then they are signed in, their older session ended, and the new password works
    assert result.ok()["resetPasswordWithLink"]["viewer"]["member"]["username"] == "student"
    assert (await browser.gql(VIEWER)).ok()["viewer"]["kind"] == "MEMBER"
    assert (await student_before.gql(VIEWER)).ok()["viewer"]["kind"] == "ANONYMOUS"
    assert (await sign_in(client_factory(), org, "student", PASSWORD)).code == (
        "INVALID_CREDENTIALS"
    )
    (await sign_in(client_factory(), org, "student", NEW_PASSWORD)).ok()
    # and the link works no more
    assert (await browser.gql(LINK_INFO, {"token": token})).ok()["passwordResetLink"] is None
    reused = await use(client_factory(), token, "yet another passphrase")
    assert field_code(reused, "token") == "RESET_LINK_INVALID"
    # and both steps are in the audit log, without the token
    created = await audit_events(admin, org, "member.reset_link_created")
    used = await audit_events(admin, org, "auth.password_reset_by_link")
    assert created[0]["details"] == {"username": "student", "mailed": False}
    assert used[0]["details"] == {"username": "student"}
    assert token not in str(created + used)


async def test_only_the_tokens_hash_is_stored(org: OrgFixture, signed_in: SignIn) -> None:
    admin = await signed_in(org, "admin")
    token = token_of((await make_link(admin, org, "teacher"))["url"])
    async with unit_of_work(write=False) as db:
        rows = (await db.exec(select(PasswordResetLink))).all()
    hashes = {row.token_hash for row in rows}
    assert hashlib.sha256(token.encode()).hexdigest() in hashes
    assert all(token not in value for value in hashes)


async def test_a_link_expires_after_24_hours(
    org: OrgFixture, signed_in: SignIn, client_factory: ClientFactory, frozen_clock: FrozenClock
) -> None:
    admin = await signed_in(org, "admin")
    token = token_of((await make_link(admin, org, "student"))["url"])
    browser = client_factory()
    frozen_clock.advance(hours=23, minutes=59)
    assert (await browser.gql(LINK_INFO, {"token": token})).ok()["passwordResetLink"]
    frozen_clock.advance(minutes=2)
    assert (await browser.gql(LINK_INFO, {"token": token})).ok()["passwordResetLink"] is None
    assert field_code(await use(browser, token), "token") == "RESET_LINK_INVALID"
    # the password is as it was
    (await sign_in(client_factory(), org, "student", PASSWORD)).ok()


async def test_a_newer_link_or_a_new_password_voids_an_unused_one(
    org: OrgFixture, signed_in: SignIn, client_factory: ClientFactory
) -> None:
    admin = await signed_in(org, "admin")
    first = token_of((await make_link(admin, org, "teacher"))["url"])
    second = token_of((await make_link(admin, org, "teacher"))["url"])
    assert field_code(await use(client_factory(), first), "token") == "RESET_LINK_INVALID"
    third = token_of((await make_link(admin, org, "student"))["url"])
    student = await signed_in(org, "student")
    (
        await student.gql(
            "mutation($i: ChangeMyPasswordInput!) { changeMyPassword(input: $i) { endedSessions } }",
            {"i": {"currentPassword": PASSWORD, "newPassword": NEW_PASSWORD}},
        )
    ).ok()
    assert field_code(await use(client_factory(), third), "token") == "RESET_LINK_INVALID"
    # the newest link of the teacher still works
    (await use(client_factory(), second)).ok()


async def test_a_link_sets_only_its_own_members_password(
    org: OrgFixture, signed_in: SignIn, client_factory: ClientFactory
) -> None:
    # given a link for the teacher, opened in the student's signed-in browser
    admin = await signed_in(org, "admin")
    token = token_of((await make_link(admin, org, "teacher"))["url"])
    student = await signed_in(org, "student")
    # when it is used there
    result = await use(student, token)
    # then it is the teacher's password that changed, and the browser is now the teacher's
    assert result.ok()["resetPasswordWithLink"]["viewer"]["member"]["username"] == "teacher"
    (await sign_in(client_factory(), org, "teacher", NEW_PASSWORD)).ok()
    (await sign_in(client_factory(), org, "student", PASSWORD)).ok()


async def test_links_follow_the_reset_rules(
    org: OrgFixture, other_org: OrgFixture, signed_in: SignIn
) -> None:
    admin = await signed_in(org, "admin")
    owner_link = await admin.gql(LINK, {"input": {"memberId": org.account("owner").global_id}})
    assert owner_link.code == "FORBIDDEN"
    stranger = other_org.account("student").global_id
    assert (await admin.gql(LINK, {"input": {"memberId": stranger}})).code == "NOT_FOUND"
    teacher = await signed_in(org, "teacher")
    own = await teacher.gql(LINK, {"input": {"memberId": org.account("student").global_id}})
    assert own.code == "FORBIDDEN"


async def test_an_address_needs_mail_settings(org: OrgFixture, signed_in: SignIn) -> None:
    admin = await signed_in(org, "admin")
    target = org.account("student").global_id
    bad = await admin.gql(LINK, {"input": {"memberId": target, "emailTo": "not an address"}})
    assert bad.errors[0]["extensions"]["fields"] == {"emailTo": "is not an email address"}
    unset = await admin.gql(LINK, {"input": {"memberId": target, "emailTo": "kid@school.test"}})
    assert "no mail settings" in unset.errors[0]["extensions"]["fields"]["emailTo"]


class Collector:
    def __init__(self) -> None:
        self.envelopes: list[Any] = []

    async def handle_DATA(self, _server: Any, _session: Any, envelope: Any) -> str:
        self.envelopes.append(envelope)
        return "250 Message accepted for delivery"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture
def smtp_sink(monkeypatch: pytest.MonkeyPatch) -> Iterator[Collector]:
    """A local SMTP server (aiosmtpd, in its own thread) the server is configured to use."""
    collector = Collector()
    port = _free_port()
    controller = Controller(collector, hostname="127.0.0.1", port=port)
    controller.start()
    monkeypatch.setenv("QUIZGRAPH_SMTP_HOST", "127.0.0.1")
    monkeypatch.setenv("QUIZGRAPH_SMTP_PORT", str(port))
    monkeypatch.setenv("QUIZGRAPH_SMTP_STARTTLS", "false")
    monkeypatch.setenv("QUIZGRAPH_SMTP_FROM", "School <no-reply@school.test>")
    get_settings.cache_clear()
    try:
        yield collector
    finally:
        controller.stop()
        monkeypatch.undo()
        get_settings.cache_clear()


async def test_a_link_is_mailed_when_smtp_is_set_up(
    org: OrgFixture, signed_in: SignIn, smtp_sink: Collector
) -> None:
    admin = await signed_in(org, "admin")
    made = await make_link(admin, org, "student", emailTo="kid@school.test")
    assert made["emailedTo"] == "kid@school.test"
    assert made["emailProblem"] is None
    [envelope] = smtp_sink.envelopes
    assert envelope.rcpt_tos == ["kid@school.test"]
    message = message_from_bytes(envelope.content, policy=email_policy.default)
    assert message["Subject"] == f"Set your password for Org {org.slug}"
    assert made["url"] in message.get_content()


async def test_the_session_a_link_opens_lasts_the_orgs_session_lifetime(
    org: OrgFixture, signed_in: SignIn, client_factory: ClientFactory
) -> None:
    # given an org whose sessions last three hours, and a link an admin made for a student
    owner = await signed_in(org, "owner")
    (await update_settings(owner, sessionLifetimeSeconds=3 * 3600)).ok()
    made = await make_link(await signed_in(org, "admin"), org, "student")
    # when the student sets a password with it
    result = await use(client_factory(), token_of(made["url"]))
    # then the browser keeps the session's cookie three hours, as after a sign-in
    result.ok()
    assert f"Max-Age={3 * 3600}" in result.response.headers["set-cookie"]
