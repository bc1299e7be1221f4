"""The org's rules flag an attempt exactly when a count goes above its limit, once:
one audit entry and one ``attempt.flagged`` event, however many events follow."""

from __future__ import annotations

import asyncio
from datetime import timedelta

from app.core.clock import FrozenClock
from app.events.bus import Event
from app.integrity.catalog import ATTEMPT_FLAGGED
from tests.integrity.support import (
    RULES,
    SAVE,
    SUBMIT,
    UPDATE_RULES,
    open_attempt,
    record_of,
    report,
)
from tests.quizzes.api import START, published_quiz
from tests.support.client import ApiClient
from tests.support.factories import OrgFixture
from tests.support.fixture_types import ClientFactory, SignIn
from tests.support.statements import counting

AUDIT = """query($slug: String!, $action: String) { organization(slug: $slug) {
  auditLog(action: $action, first: 20) { edges { node { action targetId actorLabel } } } } }"""


def flags(events: list[Event]) -> list[Event]:
    return [event for event in events if event.name == ATTEMPT_FLAGGED]


async def test_the_fourth_page_switch_flags_and_is_announced_once(
    org: OrgFixture, signed_in: SignIn, events: list[Event]
) -> None:
    # given the default rules (at most 3 page switches) and a student's open attempt
    teacher, student = await signed_in(org, "teacher"), await signed_in(org, "student")
    attempt = await open_attempt(teacher, student)
    # when the page is hidden three times: at the limit, not flagged
    for _ in range(3):
        (await report(student, attempt, "PAGE_HIDDEN")).ok()
    assert not (await record_of(teacher, org.slug, attempt))["flagged"]
    assert flags(events) == []
    # when it is hidden a fourth time, and a fifth
    for _ in range(2):
        (await report(student, attempt, "PAGE_HIDDEN")).ok()
    # then the attempt is flagged for page switches
    record = await record_of(teacher, org.slug, attempt)
    assert record["flagged"] and record["pageSwitches"] == 5
    assert [reason["code"] for reason in record["flagReasons"]] == ["PAGE_SWITCHES"]
    # and announced once, naming the attempt, its quiz, its member and why
    (flagged,) = flags(events)
    assert flagged.org_id == org.id
    assert flagged.data["attemptId"] == attempt and flagged.data["quizId"] == record["quizId"]
    assert flagged.data["memberId"] == org.account("student").global_id
    assert flagged.data["reasons"] == ["PAGE_SWITCHES"]
    # and audited once
    log = await teacher.gql(AUDIT, {"slug": org.slug, "action": "integrity.flagged"})
    entries = [edge["node"] for edge in log.ok()["organization"]["auditLog"]["edges"]]
    assert len(entries) == 1 and entries[0]["actorLabel"] == "student"


async def test_hidden_time_flags_above_sixty_seconds_in_total(
    org: OrgFixture, signed_in: SignIn, clock: FrozenClock, events: list[Event]
) -> None:
    teacher, student = await signed_in(org, "teacher"), await signed_in(org, "student")
    attempt = await open_attempt(teacher, student)
    start = clock.now()
    clock.advance(seconds=120)

    async def away(from_second: float, seconds: float) -> None:
        at = start + timedelta(seconds=from_second)
        (await report(student, attempt, "PAGE_HIDDEN", at=at)).ok()
        (await report(student, attempt, "PAGE_SHOWN", at=at + timedelta(seconds=seconds))).ok()

    # when the page is away 45 s and then 15 s: 60 s in total, exactly the limit
    await away(1, 45)
    await away(50, 15)
    record = await record_of(teacher, org.slug, attempt)
    assert record["hiddenSeconds"] == 60.0 and not record["flagged"]
    # when it is away half a second more
    await away(70, 0.5)
    # then it is flagged for hidden time (three switches are still within their limit)
    record = await record_of(teacher, org.slug, attempt)
    assert record["hiddenSeconds"] == 60.5 and record["pageSwitches"] == 3
    assert [reason["code"] for reason in record["flagReasons"]] == ["HIDDEN_TIME"]
    assert len(flags(events)) == 1


async def test_the_orgs_own_rules_judge(
    org: OrgFixture, signed_in: SignIn, events: list[Event]
) -> None:
    # given an admin who checks full screen strictly and page switches not at all
    admin, teacher = await signed_in(org, "admin"), await signed_in(org, "teacher")
    student = await signed_in(org, "student")
    changed = await admin.gql(
        UPDATE_RULES, {"input": {"maxFullscreenExits": 0, "maxPageSwitches": None}}
    )
    rules = changed.ok()["updateIntegrityRules"]["rules"]
    assert (rules["maxFullscreenExits"], rules["maxPageSwitches"]) == (0, None)
    assert rules["maxHiddenSeconds"] == 60  # left out: unchanged
    attempt = await open_attempt(teacher, student)
    # when the page is hidden ten times: not checked
    for _ in range(10):
        (await report(student, attempt, "PAGE_HIDDEN")).ok()
    assert not (await record_of(teacher, org.slug, attempt))["flagged"]
    # when full screen is left once: above 0
    (await report(student, attempt, "FULLSCREEN_EXITED")).ok()
    record = await record_of(teacher, org.slug, attempt)
    assert [reason["code"] for reason in record["flagReasons"]] == ["FULLSCREEN_EXITS"]
    assert len(flags(events)) == 1


async def test_rules_out_of_range_are_refused(org: OrgFixture, signed_in: SignIn) -> None:
    admin = await signed_in(org, "admin")
    for given, field in [
        ({"maxPageSwitches": -1}, "maxPageSwitches"),
        ({"maxHiddenSeconds": 100_001}, "maxHiddenSeconds"),
        ({"maxIpAddresses": 0}, "maxIpAddresses"),
        ({"maxDevices": 10}, "maxDevices"),
    ]:
        result = await admin.gql(UPDATE_RULES, {"input": given})
        assert result.code == "BAD_USER_INPUT" and field in result.errors[0]["extensions"]["fields"]
    # and nothing changed
    defaults = await admin.gql(RULES, {"slug": org.slug})
    rules = defaults.ok()["organization"]["integrityRules"]
    assert (rules["maxPageSwitches"], rules["maxIpAddresses"], rules["maxDevices"]) == (3, 1, None)


async def test_a_second_ip_address_answering_flags(
    org: OrgFixture, signed_in: SignIn, client_factory: ClientFactory, events: list[Event]
) -> None:
    # given a student's attempt started from one address
    teacher, student = await signed_in(org, "teacher"), await signed_in(org, "student")
    attempt = await open_attempt(teacher, student)
    # when the same session saves answers again from there: nothing new
    (await student.gql(SAVE, {"input": {"attemptId": attempt, "answers": []}})).ok()
    assert (await record_of(teacher, org.slug, attempt))["ipAddressCount"] == 1
    # when the same session answers from a second address (the cookie carried elsewhere)
    elsewhere = _same_session(student, client_factory(ip="192.0.2.77"))
    (await elsewhere.gql(SAVE, {"input": {"attemptId": attempt, "answers": []}})).ok()
    (await elsewhere.gql(SUBMIT, {"input": {"attemptId": attempt, "answers": []}})).ok()
    # then the server recorded it and flagged the attempt, once
    owner = await signed_in(org, "owner")
    record = await record_of(owner, org.slug, attempt)
    assert record["ipAddressCount"] == 2 and record["deviceCount"] == 1
    assert [reason["code"] for reason in record["flagReasons"]] == ["IP_ADDRESSES"]
    new = [e["node"] for e in record["timeline"]["edges"]]
    assert [(n["type"], n["ipAddress"]) for n in new] == [("NEW_IP_ADDRESS", "192.0.2.77")]
    assert len(flags(events)) == 1


async def test_a_second_device_is_recorded_and_flags_when_checked(
    org: OrgFixture, signed_in: SignIn, events: list[Event]
) -> None:
    # given an org checking devices (at most one signed-in session per attempt)
    admin, teacher = await signed_in(org, "admin"), await signed_in(org, "teacher")
    (await admin.gql(UPDATE_RULES, {"input": {"maxDevices": 1}})).ok()
    quiz = await published_quiz(teacher)
    phone = await signed_in(org, "student")
    attempt = (await phone.gql(START, {"quizId": quiz["id"]})).ok()["startAttempt"]["attempt"]
    # when the student signs in on a laptop and resumes the same attempt
    laptop = await signed_in(org, "student")
    resumed = (await laptop.gql(START, {"quizId": quiz["id"]})).ok()["startAttempt"]["attempt"]
    assert resumed["id"] == attempt["id"]
    # then the second device is on the timeline and the attempt is flagged
    record = await record_of(teacher, org.slug, attempt["id"])
    assert record["deviceCount"] == 2
    types = {edge["node"]["type"] for edge in record["timeline"]["edges"]}
    assert "NEW_DEVICE" in types
    assert "DEVICES" in [reason["code"] for reason in record["flagReasons"]]
    assert len(flags(events)) == 1


def _same_session(signed: ApiClient, other: ApiClient) -> ApiClient:
    token = signed.http.cookies.get("qg_session")
    assert token
    other.http.cookies.set("qg_session", token)
    return other


async def test_reports_at_once_count_every_switch_and_flag_once(
    org: OrgFixture, signed_in: SignIn, events: list[Event]
) -> None:
    # given a student's open attempt
    teacher, student = await signed_in(org, "teacher"), await signed_in(org, "student")
    attempt = await open_attempt(teacher, student)
    # when eight page switches are reported at the same moment
    results = await asyncio.gather(*(report(student, attempt, "PAGE_HIDDEN") for _ in range(8)))
    # then every one counted, and the attempt was flagged and announced once
    assert all(not result.errors for result in results)
    record = await record_of(teacher, org.slug, attempt)
    assert record["pageSwitches"] == 8 and record["eventCount"] == 8
    assert len(flags(events)) == 1


async def test_answering_from_where_the_attempt_started_reads_no_integrity_table(
    org: OrgFixture, signed_in: SignIn
) -> None:
    # given a student's attempt, saved once from where it started
    teacher, student = await signed_in(org, "teacher"), await signed_in(org, "student")
    attempt = await open_attempt(teacher, student)
    save = {"input": {"attemptId": attempt, "answers": []}}
    (await student.gql(SAVE, save)).ok()
    # when it is saved again from there
    with counting() as statements:
        (await student.gql(SAVE, save)).ok()
    # then integrity cost no query (the process knows the address and device)
    assert not [s for s in statements if "integrity_" in s]
    assert (await record_of(teacher, org.slug, attempt))["ipAddressCount"] == 1
