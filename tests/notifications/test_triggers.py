"""Each trigger makes its notification, for the members who should see it, once.

Changes are made through the API (or, for the integrity helper's ``attempt.flagged``
and the server's ``api_key.disabled``, published on the bus as their services do);
the producer writes after the commit, and the test waits for it (``publish`` /
``producer.settled``).
"""

from __future__ import annotations

import uuid
from typing import Any

import pytest

from app.access.scopes import Role
from app.core.settings import get_settings
from app.events.bus import Event
from app.notifications.producer import Producer
from app.webhooks.worker import Worker
from tests.notifications.support import gid, key_secret, nodes, publish, types_seen
from tests.quizzes.api import ARCHIVE, START, SUBMIT, published_quiz, right_answers
from tests.support.client import ApiClient
from tests.support.factories import OrgFixture
from tests.support.fixture_types import SignIn
from tests.webhooks.support import Receiver, create_webhook, drain

IMPORT = """mutation($input: ImportQuizInput!) { importQuiz(input: $input) {
  importedQuestions problems { message } quiz { id title } } }"""
REVOKE_KEY = "mutation($id: ID!) { revokeApiKey(input: {id: $id}) { apiKey { id } } }"
DISABLE_MEMBER = """mutation($id: ID!) {
  updateMember(input: {id: $id, disabled: true}) { member { id } } }"""
REMOVE_MEMBER = "mutation($id: ID!) { removeMember(input: {id: $id}) { removedId } }"
REPORT = """mutation($input: ReportIntegrityEventInput!) {
  reportIntegrityEvent(input: $input) { event { type } } }"""
# One good question, one without an answer: imported with a problem.
GIFT_WITH_A_PROBLEM = """::Q1:: 2 + 2 = ? {=4 ~5}

::Q2:: Nobody answers this {}
"""


async def take(student: ApiClient, quiz: dict[str, Any]) -> str:
    started = (await student.gql(START, {"quizId": quiz["id"]})).ok()
    attempt_id: str = started["startAttempt"]["attempt"]["id"]
    answers = {"attemptId": attempt_id, "answers": right_answers(quiz)}
    (await student.gql(SUBMIT, {"input": answers})).ok()
    return attempt_id


async def test_a_flagged_attempt_is_told_to_staff_who_review_integrity(
    org: OrgFixture, signed_in: SignIn, producer: Producer
) -> None:
    # given a student's attempt at a teacher's quiz
    teacher = await signed_in(org, "teacher")
    quiz = await published_quiz(teacher, title="Chemistry")
    attempt_id = await take(await signed_in(org, "student"), quiz)
    # when integrity flags it
    flagged = {
        "attemptId": attempt_id,
        "quizId": quiz["id"],
        "memberId": org.account("student").global_id,
        "reasons": ["PAGE_SWITCHES", "IP_ADDRESSES"],
    }
    await publish(producer, Event("attempt.flagged", org.id, flagged))
    # then every staff member holding integrity:read sees it, with a link to the attempt
    for name in ("owner", "admin", "teacher"):
        [notification] = await nodes(await signed_in(org, name), org.slug)
        assert notification["type"] == "ATTEMPT_FLAGGED"
        assert notification["title"] == "An attempt at “Chemistry” was flagged"
        assert notification["body"] == (
            "The participant left the quiz page more often than allowed, and answered from "
            "more IP addresses than allowed."
        )
        assert notification["subjectId"] == attempt_id
        assert attempt_id in notification["link"] and notification["read"] is False
    # and hearing the event again (another process, over Redis) adds nothing
    await publish(producer, Event("attempt.flagged", org.id, flagged))
    assert len(await nodes(teacher, org.slug)) == 1


async def test_a_student_switching_tabs_too_often_reaches_the_teachers_notifications(
    org: OrgFixture, signed_in: SignIn, producer: Producer
) -> None:
    # given a student in an attempt (the default rule: more than 3 page switches flags)
    teacher, student = await signed_in(org, "teacher"), await signed_in(org, "student")
    quiz = await published_quiz(teacher, title="Physics")
    started = (await student.gql(START, {"quizId": quiz["id"]})).ok()
    attempt_id = started["startAttempt"]["attempt"]["id"]
    # when they leave the page four times
    for _ in range(4):
        for kind in ("PAGE_HIDDEN", "PAGE_SHOWN"):
            reported = await student.gql(REPORT, {"input": {"attemptId": attempt_id, "type": kind}})
            reported.ok()
    await producer.settled()
    # then the teacher's notifications say so, once
    [notification] = await nodes(teacher, org.slug, unread=True)
    assert notification["type"] == "ATTEMPT_FLAGGED"
    assert notification["title"] == "An attempt at “Physics” was flagged"
    assert "left the quiz page more often than allowed" in notification["body"]
    assert notification["subjectId"] == attempt_id


async def test_a_quiz_reaching_a_milestone_tells_its_owner_once_per_milestone(
    org: OrgFixture, signed_in: SignIn, producer: Producer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(get_settings(), "notification_milestones", [2, 3])
    teacher = await signed_in(org, "teacher")
    quiz = await published_quiz(teacher, title="Algebra")
    students = [await signed_in(org, "student")]
    for name in ("sam", "sol"):
        await org.add(name, Role.STUDENT)
        students.append(await signed_in(org, name))
    # when one participant completes it (twice), nothing yet
    await take(students[0], quiz)
    await take(students[0], quiz)
    await producer.settled()
    assert await nodes(teacher, org.slug) == []
    # when a second and a third do, one notification per milestone
    await take(students[1], quiz)
    await producer.settled()
    await take(students[2], quiz)
    await producer.settled()
    titles = [n["title"] for n in await nodes(teacher, org.slug)]
    assert titles == [
        "“Algebra” was completed by 3 participants",
        "“Algebra” was completed by 2 participants",
    ]
    # and only the quiz's owner hears of it, not other staff
    assert await nodes(await signed_in(org, "admin"), org.slug) == []


async def test_archiving_someone_elses_quiz_tells_its_owner(
    org: OrgFixture, signed_in: SignIn, producer: Producer
) -> None:
    teacher = await signed_in(org, "teacher")
    mine = await published_quiz(teacher, title="Mine")
    theirs = await published_quiz(teacher, title="Theirs")
    # when the teacher archives their own quiz, nobody is told
    (await teacher.gql(ARCHIVE, {"id": mine["id"]})).ok()
    await producer.settled()
    assert await nodes(teacher, org.slug) == []
    # when an admin archives the teacher's other quiz, the teacher is
    (await (await signed_in(org, "admin")).gql(ARCHIVE, {"id": theirs["id"]})).ok()
    await producer.settled()
    [notification] = await nodes(teacher, org.slug)
    assert notification["type"] == "QUIZ_ARCHIVED"
    assert notification["title"] == "“Theirs” was closed (archived)"
    assert notification["subjectId"] == theirs["id"]
    assert notification["link"] == f"/dashboard/quizzes/{theirs['id']}"


async def test_an_import_with_problems_is_told_to_the_importer(
    org: OrgFixture, signed_in: SignIn, producer: Producer
) -> None:
    teacher = await signed_in(org, "teacher")
    imported = (
        await teacher.gql(IMPORT, {"input": {"text": GIFT_WITH_A_PROBLEM, "format": "GIFT"}})
    ).ok()["importQuiz"]
    assert imported["problems"] and imported["importedQuestions"] == 1
    await producer.settled()
    [notification] = await nodes(teacher, org.slug)
    assert notification["type"] == "IMPORT_PROBLEMS"
    assert notification["subjectId"] == imported["quiz"]["id"]
    assert imported["problems"][0]["message"] in notification["body"]
    # the owner didn't import it: not theirs
    assert await nodes(await signed_in(org, "owner"), org.slug) == []


async def test_an_endpoint_the_worker_switches_off_is_told_to_webhook_staff(
    org: OrgFixture,
    signed_in: SignIn,
    producer: Producer,
    receiver: Receiver,
    worker: Worker,
) -> None:
    # given an endpoint that answers 410 Gone
    receiver.answers["/hook"] = [410]
    owner = await signed_in(org, "owner")
    created = await create_webhook(owner, receiver.url(), events=["quiz.created"])
    await published_quiz(await signed_in(org, "teacher"))
    # when the worker delivers, and switches it off
    await drain(worker)
    await producer.settled()
    # then owners and admins (webhooks:read) are told, teachers aren't
    for name in ("owner", "admin"):
        [notification] = await nodes(await signed_in(org, name), org.slug)
        assert notification["type"] == "WEBHOOK_DISABLED"
        assert "410" in notification["body"]
        assert notification["subjectId"] == created["webhook"]["id"]
    assert await nodes(await signed_in(org, "teacher"), org.slug) == []


async def test_keys_that_stop_with_their_creator_are_told_to_key_managers(
    org: OrgFixture, signed_in: SignIn, producer: Producer
) -> None:
    # given two keys the admin made, one of them already revoked
    admin = await signed_in(org, "admin")
    partner, _secret = await key_secret(admin, ["quizzes:read"], name="Partner")
    revoked, _secret = await key_secret(admin, ["quizzes:read"], name="Old")
    (await admin.gql(REVOKE_KEY, {"id": revoked})).ok()
    # when the owner disables the admin (the door now refuses the admin's keys)
    owner = await signed_in(org, "owner")
    (await owner.gql(DISABLE_MEMBER, {"id": org.account("admin").global_id})).ok()
    await producer.settled()
    # then owners are told of the key that stopped, not of the one already revoked
    [notification] = await nodes(owner, org.slug)
    assert notification["type"] == "API_KEY_DISABLED"
    assert notification["title"] == "The API key “Partner” was switched off by the server"
    assert notification["body"] == "admin, who created it, was disabled."
    assert notification["subjectId"] == partner
    # and teachers, who don't manage keys, aren't
    assert await types_seen(await signed_in(org, "teacher"), org.slug) == []


async def test_removing_a_keys_creator_is_told_too(
    org: OrgFixture, signed_in: SignIn, producer: Producer
) -> None:
    admin = await signed_in(org, "admin")
    await key_secret(admin, ["quizzes:read"], name="Sync")
    owner = await signed_in(org, "owner")
    (await owner.gql(REMOVE_MEMBER, {"id": org.account("admin").global_id})).ok()
    await producer.settled()
    [notification] = await nodes(owner, org.slug)
    assert notification["body"] == "admin, who created it, was removed."


async def test_an_event_naming_nothing_it_knows_makes_nothing(
    org: OrgFixture, signed_in: SignIn, producer: Producer
) -> None:
    await publish(producer, Event("attempt.flagged", org.id, {"attemptId": "not an id"}))
    await publish(
        producer, Event("webhook.disabled", org.id, {"webhookId": gid("Quiz", uuid.uuid4())})
    )
    assert await nodes(await signed_in(org, "owner"), org.slug) == []
