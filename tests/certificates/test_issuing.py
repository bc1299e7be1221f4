"""Issuing: one certificate per quiz and member on a pass, never on a fail or with the
setting off, announced once (and so queued once for a subscribed webhook)."""

from __future__ import annotations

import asyncio
import uuid
from datetime import timedelta

from sqlalchemy import func, select, update
from strawberry import relay

from app.attempts.models import Attempt
from app.attempts.sweep import sweep_once
from app.certificates import service
from app.certificates.models import Certificate
from app.core.clock import utcnow
from app.core.db import unit_of_work
from app.events.bus import Event
from app.webhooks import outbox
from tests.certificates.support import (
    AUDIT,
    certificate_quiz,
    certificates_of,
    start,
    submit_input,
    take,
)
from tests.quizzes.api import SAVE, SUBMIT, UPDATE, create_quiz, published_quiz, right_answers
from tests.support.factories import OrgFixture, cli_context
from tests.support.fixture_types import SignIn

# A public address written as an IP literal: saved without a DNS lookup; nothing is sent
# (the delivery worker runs in a server's lifespan only).
WEBHOOK_URL = "https://93.184.216.34/hook"
CREATE_WEBHOOK = """mutation($input: CreateWebhookInput!) {
  createWebhook(input: $input) { webhook { id } } }"""
DELIVERIES = """query($slug: String!) { organization(slug: $slug) { webhooks(first: 5) {
  edges { node { deliveries(first: 50) { edges { node { event status } } } } } } } }"""


def issued_events(events: list[Event]) -> list[Event]:
    return [event for event in events if event.name == "certificate.issued"]


async def test_a_pass_issues_a_certificate_announced_once(
    org: OrgFixture, signed_in: SignIn, events: list[Event]
) -> None:
    # given a quiz that issues certificates, and an endpoint subscribed to them alone
    teacher, student = await signed_in(org, "teacher"), await signed_in(org, "student")
    owner = await signed_in(org, "owner")
    created = await owner.gql(
        CREATE_WEBHOOK, {"input": {"url": WEBHOOK_URL, "events": ["certificate.issued"]}}
    )
    created.ok()
    quiz = await certificate_quiz(teacher, title="Algebra I")
    # when the student passes it
    attempt = await take(student, quiz)
    assert attempt["passed"] is True
    # then the student holds one certificate saying what was achieved
    [mine] = await certificates_of(student, org.slug)
    assert (mine["kind"], mine["title"], mine["holderName"]) == ("QUIZ", "Algebra I", "Student")
    assert (mine["quizId"], mine["attemptId"], mine["memberId"]) == (
        quiz["id"],
        attempt["id"],
        org.account("student").global_id,
    )
    assert (mine["score"], mine["maxScore"], mine["percentage"]) == (6.0, 6.0, 100.0)
    assert mine["valid"] is True and mine["revokedAt"] is None
    assert len(mine["code"]) == 19 and mine["code"].count("-") == 3
    assert mine["verificationPath"] == f"/certificates/{mine['code']}"
    assert mine["verificationUrl"] == f"http://testserver/certificates/{mine['code']}"
    assert mine["pdfUrl"] == f"http://testserver/certificates/{mine['code']}.pdf"
    # and it was announced once, with the code, and audited once
    [announced] = issued_events(events)
    assert announced.data["certificateId"] == mine["id"]
    assert announced.data["code"] == mine["code"]
    assert announced.data["attemptId"] == attempt["id"]
    audit = (await owner.gql(AUDIT, {"slug": org.slug, "action": "certificate.issued"})).ok()
    assert audit["organization"]["auditLog"]["totalCount"] == 1
    # and exactly one delivery is queued for the endpoint
    hooks = (await owner.gql(DELIVERIES, {"slug": org.slug})).ok()
    [endpoint] = hooks["organization"]["webhooks"]["edges"]
    deliveries = [edge["node"] for edge in endpoint["node"]["deliveries"]["edges"]]
    assert [delivery["event"] for delivery in deliveries] == ["certificate.issued"]


async def test_passing_again_keeps_the_one_certificate(
    org: OrgFixture, signed_in: SignIn, events: list[Event]
) -> None:
    # given a student who passed a certificate quiz that allows three attempts
    teacher, student = await signed_in(org, "teacher"), await signed_in(org, "student")
    quiz = await certificate_quiz(teacher, attemptsAllowed=3)
    await take(student, quiz)
    [first] = await certificates_of(student, org.slug)
    # when they fail once and pass once more
    await take(student, quiz, passing=False)
    await take(student, quiz)
    # then they still hold the one certificate of the first pass, announced once
    assert await certificates_of(student, org.slug) == [first]
    assert len(issued_events(events)) == 1


async def test_a_fail_issues_nothing(
    org: OrgFixture, signed_in: SignIn, events: list[Event]
) -> None:
    teacher, student = await signed_in(org, "teacher"), await signed_in(org, "student")
    quiz = await certificate_quiz(teacher)
    attempt = await take(student, quiz, passing=False)
    assert attempt["passed"] is False
    assert await certificates_of(student, org.slug) == []
    assert issued_events(events) == []


async def test_a_pass_issues_nothing_with_the_setting_off(
    org: OrgFixture, signed_in: SignIn, events: list[Event]
) -> None:
    teacher, student = await signed_in(org, "teacher"), await signed_in(org, "student")
    quiz = await published_quiz(teacher, passMarkPercent=50)
    assert quiz.get("certificateOnPass") in (None, False)
    attempt = await take(student, quiz)
    assert attempt["passed"] is True
    assert await certificates_of(student, org.slug) == []
    assert issued_events(events) == []


async def test_the_setting_needs_a_pass_mark_and_can_be_turned_on_later(
    org: OrgFixture, signed_in: SignIn
) -> None:
    teacher = await signed_in(org, "teacher")
    # a certificate for passing a quiz without a pass mark makes no sense
    refused = await teacher.gql(
        """mutation($input: CreateQuizInput!) { createQuiz(input: $input) { quiz { id } } }""",
        {"input": {"title": "No mark", "certificateOnPass": True}},
    )
    assert refused.code == "BAD_USER_INPUT"
    assert "certificateOnPass" in refused.errors[0]["extensions"]["fields"]
    # a quiz with a pass mark takes it, in its editor's update too
    quiz = await create_quiz(teacher, passMarkPercent=70)
    updated = await teacher.gql(
        UPDATE.replace("questions { prompt }", "certificateOnPass"),
        {"input": {"id": quiz["id"], "certificateOnPass": True}},
    )
    assert updated.ok()["updateQuiz"]["quiz"]["certificateOnPass"] is True
    # and removing the pass mark while it is on is refused, changing nothing
    cleared = await teacher.gql(UPDATE, {"input": {"id": quiz["id"], "passMarkPercent": None}})
    assert cleared.code == "BAD_USER_INPUT"


async def test_concurrent_submits_issue_one_certificate(
    org: OrgFixture, signed_in: SignIn, events: list[Event]
) -> None:
    # given an open attempt of a certificate quiz
    teacher, student = await signed_in(org, "teacher"), await signed_in(org, "student")
    quiz = await certificate_quiz(teacher)
    attempt_id = await start(student, quiz)
    # when its student submits passing answers twice at once (a double click; from one
    # session: a second session's address would flag the attempt, another story)
    results = await asyncio.gather(
        student.gql(SUBMIT, submit_input(attempt_id, right_answers(quiz))),
        student.gql(SUBMIT, submit_input(attempt_id, right_answers(quiz))),
    )
    # then one result, one certificate, one announcement
    assert all(result.ok()["submitAttempt"]["attempt"]["passed"] for result in results)
    assert len(await certificates_of(student, org.slug)) == 1
    assert len(issued_events(events)) == 1


async def test_a_pass_closed_by_the_deadline_sweep_issues_a_certificate(
    org: OrgFixture, signed_in: SignIn, events: list[Event]
) -> None:
    # given a student who saved passing answers and never submitted, past the deadline
    teacher, student = await signed_in(org, "teacher"), await signed_in(org, "student")
    quiz = await certificate_quiz(teacher, timeLimitSeconds=60)
    attempt_id = await start(student, quiz)
    (await student.gql(SAVE, submit_input(attempt_id, right_answers(quiz)))).ok()
    async with unit_of_work() as db:
        await db.execute(
            update(Attempt)
            .where(Attempt.id == uuid.UUID(_row_id(attempt_id)))  # type: ignore[arg-type]
            .values(deadline=utcnow() - timedelta(hours=1))
        )
    # when the server's sweep closes it (as it stands: passed)
    while await sweep_once():
        pass
    # then the student holds its certificate, issued once by the server
    [mine] = await certificates_of(student, org.slug)
    assert (mine["attemptId"], mine["valid"]) == (attempt_id, True)
    assert len(issued_events(events)) == 1


async def _count(quiz_id: uuid.UUID, member_id: uuid.UUID) -> int:
    async with unit_of_work(write=False) as db:
        query = select(func.count()).where(
            Certificate.quiz_id == quiz_id,  # type: ignore[arg-type]
            Certificate.member_id == member_id,  # type: ignore[arg-type]
        )
        return int((await db.execute(query)).scalar_one())


async def test_concurrent_passes_in_separate_transactions_make_one_certificate(
    org: OrgFixture, signed_in: SignIn
) -> None:
    # given two passing attempts of one member closing in two transactions at once
    # (two attempts closed together: a submit and the deadline sweep, two processes)
    teacher, student = await signed_in(org, "teacher"), await signed_in(org, "student")
    quiz = await certificate_quiz(teacher, attemptsAllowed=2)
    quiz_id = uuid.UUID(_row_id(quiz["id"]))
    member_id = org.account("student").id
    first = await take(student, quiz, passing=False)  # an attempt id that really exists
    issued: list[list[Event]] = []

    async def close_one() -> Certificate | None:
        async with unit_of_work() as db:
            sc = cli_context(db)
            certificate = await service.issue_on_pass(
                sc,
                service.ClosedQuizAttempt(
                    org_id=org.id,
                    quiz_id=quiz_id,
                    quiz_title="Sample quiz",
                    certificate_on_pass=True,
                    attempt_id=uuid.UUID(_row_id(first["id"])),
                    member_id=member_id,
                    passed=True,
                    score=6.0,
                    max_score=6.0,
                    percentage=100.0,
                ),
            )
            await outbox.stage(sc, sc.events)
            issued.append(issued_events(list(sc.events)))
            return certificate

    # when both issue at once
    made = await asyncio.gather(close_one(), close_one())
    # then both answer the same certificate, and only one of them announced it
    assert made[0] is not None and made[1] is not None
    assert made[0].id == made[1].id and made[0].code == made[1].code
    assert sorted(len(events) for events in issued) == [0, 1]
    assert await _count(quiz_id, member_id) == 1


def _row_id(global_id: str) -> str:
    return relay.GlobalID.from_id(global_id).node_id


async def test_a_tournament_certificate_is_issued_once(org: OrgFixture) -> None:
    # given a tournament (the tournaments service calls this as one ends)
    tournament_id = uuid.uuid4()
    member_id = org.account("student").id
    announced: list[Event] = []

    async def end_tournament() -> Certificate:
        async with unit_of_work() as db:
            sc = cli_context(db)
            certificate = await service.issue_for_tournament(
                sc,
                org_id=org.id,
                tournament_id=tournament_id,
                member_id=member_id,
                rank=2,
                title="Spring Cup",
            )
            announced.extend(issued_events(sc.events))
            return certificate

    # when it ends twice (a retry) and twice at once (two processes)
    first = await end_tournament()
    again = await asyncio.gather(end_tournament(), end_tournament())
    # then the member holds one certificate for it, announced once
    assert {certificate.id for certificate in (first, *again)} == {first.id}
    assert (first.kind.value, first.rank, first.title, first.holder_name) == (
        "TOURNAMENT",
        2,
        "Spring Cup",
        "Student",
    )
    assert len(announced) == 1 and announced[0].data["rank"] == 2
    assert announced[0].data["tournamentId"] is not None
