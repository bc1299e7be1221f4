"""Reporting integrity events: one's own open attempt only, server time and address,
validated details, and what staff and students then see."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest

from app.access.scopes import Role
from app.core.clock import FrozenClock
from app.integrity import recording
from tests.integrity.support import (
    EVENTS,
    NOTICE,
    RECORDS,
    RULES,
    SUBMIT,
    open_attempt,
    record_of,
    report,
)
from tests.support.factories import OrgFixture
from tests.support.fixture_types import SignIn


async def test_a_student_reports_and_staff_read_the_timeline(
    org: OrgFixture, signed_in: SignIn, clock: FrozenClock
) -> None:
    # given a student's open attempt
    teacher, student = await signed_in(org, "teacher"), await signed_in(org, "student")
    attempt = await open_attempt(teacher, student)
    started = clock.now()
    # when the page is hidden, shown 12 s later, and something is pasted (sent late)
    hidden = (await report(student, attempt, "PAGE_HIDDEN", at=started)).ok()
    clock.advance(seconds=15)
    await report(student, attempt, "PAGE_SHOWN", at=started + timedelta(seconds=12))
    pasted = await report(
        student, attempt, "PASTE", at=started + timedelta(seconds=13), details={"length": 42}
    )
    # then each is recorded with the client's time, the server's own time and address
    event = hidden["reportIntegrityEvent"]["event"]
    assert event["type"] == "PAGE_HIDDEN" and event["attemptId"] == attempt
    assert event["recordedAt"] == started.isoformat()
    assert event["ipAddress"] is None  # a student's role doesn't see client details
    assert pasted.ok()["reportIntegrityEvent"]["event"]["details"] == {"length": 42}
    # and the teacher reads the attempt's timeline in the order it happened
    record = await record_of(teacher, org.slug, attempt)
    timeline = [edge["node"] for edge in record["timeline"]["edges"]]
    assert [node["type"] for node in timeline] == ["PAGE_HIDDEN", "PAGE_SHOWN", "PASTE"]
    assert timeline[1]["description"] == "Resumed viewing the quiz page after 12 s away"
    assert timeline[1]["details"] == {"awaySeconds": 12.0}
    assert (record["pageSwitches"], record["hiddenSeconds"], record["clipboardEvents"]) == (
        1,
        12.0,
        1,
    )
    assert record["participant"]["username"] == "student" and not record["flagged"]
    assert record["attempt"]["status"] == "IN_PROGRESS"
    # and addresses are shown to owners and admins only, as in the audit log
    assert timeline[0]["ipAddress"] is None
    owner = await signed_in(org, "owner")
    owned = await record_of(owner, org.slug, attempt)
    assert owned["timeline"]["edges"][0]["node"]["ipAddress"] == student.ip


async def test_another_members_attempt_is_refused(org: OrgFixture, signed_in: SignIn) -> None:
    # given a student's open attempt
    teacher, student = await signed_in(org, "teacher"), await signed_in(org, "student")
    attempt = await open_attempt(teacher, student)
    await org.add("classmate", Role.STUDENT)
    classmate = await signed_in(org, "classmate")
    # when a classmate reports on it: not found (they can't see it)
    assert (await report(classmate, attempt, "COPY")).code == "NOT_FOUND"
    # when the teacher (who sees it) reports on it: forbidden, it isn't theirs
    assert (await report(teacher, attempt, "COPY")).code == "FORBIDDEN"
    # then nothing was recorded
    record = await record_of(teacher, org.slug, attempt)
    assert record["eventCount"] == 0 and record["clipboardEvents"] == 0


async def test_a_closed_attempt_is_refused(org: OrgFixture, signed_in: SignIn) -> None:
    teacher, student = await signed_in(org, "teacher"), await signed_in(org, "student")
    attempt = await open_attempt(teacher, student)
    (await student.gql(SUBMIT, {"input": {"attemptId": attempt, "answers": []}})).ok()
    refused = await report(student, attempt, "PAGE_HIDDEN")
    assert refused.code == "CONFLICT"
    assert refused.errors[0]["extensions"]["reason"] == "ATTEMPT_CLOSED"
    assert (await record_of(teacher, org.slug, attempt))["pageSwitches"] == 0


async def test_an_attempt_past_its_deadline_is_refused(
    org: OrgFixture, signed_in: SignIn, clock: FrozenClock
) -> None:
    teacher, student = await signed_in(org, "teacher"), await signed_in(org, "student")
    attempt = await open_attempt(teacher, student, timeLimitSeconds=60)
    clock.advance(seconds=120)
    assert (await report(student, attempt, "COPY")).code == "CONFLICT"


async def test_bad_input_is_refused_and_changes_nothing(
    org: OrgFixture, signed_in: SignIn, clock: FrozenClock
) -> None:
    teacher, student = await signed_in(org, "teacher"), await signed_in(org, "student")
    attempt = await open_attempt(teacher, student)
    now = clock.now()
    cases: list[tuple[dict[str, Any], str]] = [
        ({"type": "NEW_IP_ADDRESS"}, "type"),
        ({"type": "COPY", "details": [1, 2]}, "details"),
        ({"type": "COPY", "details": {"nested": {"a": 1}}}, "details"),
        ({"type": "COPY", "details": {"text": "x" * 201}}, "details"),
        ({"type": "COPY", "details": {f"k{i}": i for i in range(9)}}, "details"),
        ({"type": "COPY", "details": {"bad key": 1}}, "details"),
        ({"type": "ANSWERS_BULK_CHANGED", "details": {"answersChanged": 1}}, "details"),
        ({"type": "COPY", "at": now + timedelta(minutes=6)}, "occurredAt"),
        ({"type": "COPY", "at": now - timedelta(minutes=6)}, "occurredAt"),
    ]
    for given, field in cases:
        result = await report(
            student, attempt, given["type"], at=given.get("at"), details=given.get("details")
        )
        assert result.code == "BAD_USER_INPUT", given
        assert field in result.errors[0]["extensions"]["fields"], given
    assert (await record_of(teacher, org.slug, attempt))["eventCount"] == 0
    # while the same within bounds is accepted
    ok = await report(
        student, attempt, "ANSWERS_BULK_CHANGED", details={"answersChanged": 5, "note": None}
    )
    assert ok.ok()["reportIntegrityEvent"]["event"]["type"] == "ANSWERS_BULK_CHANGED"


async def test_a_student_reads_the_notice_but_no_integrity_data(
    org: OrgFixture, signed_in: SignIn
) -> None:
    teacher, student = await signed_in(org, "teacher"), await signed_in(org, "student")
    attempt = await open_attempt(teacher, student)
    (await report(student, attempt, "COPY")).ok()
    # the notice says what is recorded and what gets an attempt reviewed
    notice = (await student.gql(NOTICE, {"slug": org.slug})).ok()["organization"]
    text = notice["integrityNotice"]
    assert "switch away from the quiz page" in text and "IP address" in text
    assert "more than 3 times" in text and "more than 60 seconds in total" in text
    # and nothing of the record itself, not even their own
    for document in (RECORDS, EVENTS, RULES):
        result = await student.gql(document, {"slug": org.slug})
        assert result.codes == ["FORBIDDEN"], document
        assert result.errors[0]["extensions"]["requiredScopes"] == ["integrity:read"]


async def test_events_list_newest_first_and_filters(org: OrgFixture, signed_in: SignIn) -> None:
    teacher, student = await signed_in(org, "teacher"), await signed_in(org, "student")
    attempt = await open_attempt(teacher, student)
    other = await open_attempt(teacher, student)
    for kind in ("COPY", "PASTE"):
        (await report(student, attempt, kind)).ok()
    (await report(student, other, "FULLSCREEN_EXITED")).ok()
    everything = await teacher.gql(EVENTS, {"slug": org.slug})
    nodes = [e["node"] for e in everything.ok()["organization"]["integrityEvents"]["edges"]]
    assert [n["type"] for n in nodes] == ["FULLSCREEN_EXITED", "PASTE", "COPY"]
    only = await teacher.gql(EVENTS, {"slug": org.slug, "attemptId": attempt, "type": "PASTE"})
    assert only.ok()["organization"]["integrityEvents"]["totalCount"] == 1


async def test_an_attempt_records_a_bounded_number_of_events(
    org: OrgFixture, signed_in: SignIn, clock: FrozenClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    # given a bound of three events per attempt (1,000 in production)
    monkeypatch.setattr(recording, "MAX_EVENTS", 3)
    teacher, student = await signed_in(org, "teacher"), await signed_in(org, "student")
    attempt = await open_attempt(teacher, student)
    # when the page is hidden (and still hidden) and three more events come
    for kind in ("PAGE_HIDDEN", "COPY", "PASTE"):
        (await report(student, attempt, kind)).ok()
    refused = await report(student, attempt, "COPY")
    # then the fourth is refused, and the record shows the page hidden since the first
    assert refused.code == "CONFLICT"
    assert refused.errors[0]["extensions"]["reason"] == "TOO_MANY_EVENTS"
    record = await record_of(teacher, org.slug, attempt)
    assert record["eventCount"] == 3 and record["clipboardEvents"] == 2
    assert record["hiddenSince"] == clock.now().isoformat()
