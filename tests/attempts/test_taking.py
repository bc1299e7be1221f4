"""Taking a quiz: start, the attempt's own order, scoring, deadline, limits, double submit."""

from __future__ import annotations

import asyncio
from datetime import timedelta
from typing import Any

from app.core.clock import FrozenClock
from app.events.bus import Event
from tests.quizzes.api import (
    ATTEMPTS,
    SAVE,
    START,
    SUBMIT,
    create_quiz,
    iso,
    published_quiz,
    right_answers,
)
from tests.support.client import ApiClient
from tests.support.factories import OrgFixture
from tests.support.fixture_types import ClientFactory, SignIn

NODE_ATTEMPT = """query($id: ID!) { node(id: $id) { ... on Attempt { id status score
  questions { id options { id } } } } }"""


def submit(attempt_id: str, answers: list[dict[str, Any]]) -> dict[str, Any]:
    return {"input": {"attemptId": attempt_id, "answers": answers}}


async def start(client: ApiClient, quiz_id: str) -> dict[str, Any]:
    attempt: dict[str, Any] = (await client.gql(START, {"quizId": quiz_id})).ok()["startAttempt"][
        "attempt"
    ]
    return attempt


async def test_full_marks_and_results_with_revealed_answers(
    org: OrgFixture, signed_in: SignIn, events: list[Event]
) -> None:
    # given a published quiz with a pass mark
    teacher, student = await signed_in(org, "teacher"), await signed_in(org, "student")
    quiz = await published_quiz(teacher, passMarkPercent=80, attemptsAllowed=1)
    # when a student starts it and submits the right answers
    attempt = await start(student, quiz["id"])
    assert attempt["status"] == "IN_PROGRESS" and attempt["number"] == 1
    result = await student.gql(SUBMIT, submit(attempt["id"], right_answers(quiz)))
    # then the server scores it in full and reveals the answers (no attempt is left)
    done = result.ok()["submitAttempt"]["attempt"]
    assert (
        done["status"],
        done["score"],
        done["maxScore"],
        done["percentage"],
        done["passed"],
    ) == ("SUBMITTED", 6.0, 6.0, 100.0, True)
    assert all(r["correct"] and r["answered"] for r in done["results"])
    assert done["results"][0]["revealed"]["explanation"] is not None
    # and the completion is announced
    names = [e.name for e in events]
    assert names.count("quiz.completed") == 1 and names.count("user.scored") == 1
    scored = next(e for e in events if e.name == "user.scored")
    assert scored.data["score"] == 6.0 and scored.data["attemptId"] == done["id"]


async def test_partial_and_wrong_answers_and_hidden_reveal(
    org: OrgFixture, signed_in: SignIn
) -> None:
    teacher, student = await signed_in(org, "teacher"), await signed_in(org, "student")
    quiz = await published_quiz(teacher, passMarkPercent=50, revealAnswersAfterSubmit=False)
    attempt = await start(student, quiz["id"])
    questions = quiz["questionsWithAnswers"]
    helium, nitrogen = (option["id"] for option in questions[1]["options"][:2])
    answers = [
        {"questionId": questions[0]["id"], "selectedOptionIds": [questions[0]["options"][0]["id"]]},
        {"questionId": questions[1]["id"], "selectedOptionIds": [helium, nitrogen]},
        {"questionId": questions[4]["id"], "text": f" {questions[4]['numericValue']} "},
    ]
    done = (await student.gql(SUBMIT, submit(attempt["id"], answers))).ok()["submitAttempt"][
        "attempt"
    ]
    # single choice wrong: 0; multiple choice (1 right - 1 wrong) / 2: 0; numeric as text: 1
    assert done["score"] == 1.0 and done["passed"] is False
    assert [r["pointsAwarded"] for r in done["results"]] == [0.0, 0.0, 0.0, 0.0, 1.0]
    assert [r["answered"] for r in done["results"]] == [True, True, False, False, True]
    assert all(r["revealed"] is None for r in done["results"])


async def test_each_attempt_has_its_own_stable_order(org: OrgFixture, signed_in: SignIn) -> None:
    teacher, student = await signed_in(org, "teacher"), await signed_in(org, "student")
    many = [
        {
            "kind": "TRUE_FALSE",
            "prompt": f"Q{i}",
            "options": [{"text": "True", "correct": True}, {"text": "False"}],
        }
        for i in range(12)
    ]
    quiz = await published_quiz(
        teacher, questions=many, shuffleQuestions=True, shuffleOptions=True, attemptsAllowed=5
    )
    first = await start(student, quiz["id"])
    again = (await student.gql(NODE_ATTEMPT, {"id": first["id"]})).ok()["node"]
    assert [q["id"] for q in again["questions"]] == [q["id"] for q in first["questions"]]
    assert [[o["id"] for o in q["options"]] for q in again["questions"]] == [
        [o["id"] for o in q["options"]] for q in first["questions"]
    ]
    quiz_order = [q["id"] for q in quiz["questionsWithAnswers"]]
    assert sorted(q["id"] for q in first["questions"]) == sorted(quiz_order)
    # a second attempt is ordered differently (12! orders: equal by chance is negligible)
    await student.gql(SUBMIT, submit(first["id"], []))
    second = await start(student, quiz["id"])
    assert [q["id"] for q in second["questions"]] != [q["id"] for q in first["questions"]]
    assert [q["number"] for q in second["questions"]] == list(range(1, 13))


async def test_starting_again_resumes_the_open_attempt(org: OrgFixture, signed_in: SignIn) -> None:
    teacher, student = await signed_in(org, "teacher"), await signed_in(org, "student")
    quiz = await published_quiz(teacher, attemptsAllowed=1)
    first = await start(student, quiz["id"])
    assert (await start(student, quiz["id"]))["id"] == first["id"]


async def test_attempts_allowed_is_enforced(org: OrgFixture, signed_in: SignIn) -> None:
    teacher, student = await signed_in(org, "teacher"), await signed_in(org, "student")
    quiz = await published_quiz(teacher, attemptsAllowed=2)
    for _ in range(2):
        attempt = await start(student, quiz["id"])
        (await student.gql(SUBMIT, submit(attempt["id"], []))).ok()
    third = await student.gql(START, {"quizId": quiz["id"]})
    assert third.code == "FORBIDDEN"
    assert third.errors[0]["extensions"]["reason"] == "NO_ATTEMPTS_LEFT"
    assert "2 attempts" in third.errors[0]["message"]


async def test_opening_and_closing_times(
    org: OrgFixture, signed_in: SignIn, clock: FrozenClock
) -> None:
    teacher, student = await signed_in(org, "teacher"), await signed_in(org, "student")
    now = clock.now()
    quiz = await published_quiz(
        teacher,
        opensAt=iso(now + timedelta(hours=1)),
        closesAt=iso(now + timedelta(hours=2)),
        timeLimitSeconds=7200,
    )
    # before it opens: students can't see it, staff get the reason
    assert (await student.gql(START, {"quizId": quiz["id"]})).code == "NOT_FOUND"
    early = await teacher.gql(START, {"quizId": quiz["id"]})
    assert early.code == "FORBIDDEN" and early.errors[0]["extensions"]["reason"] == "QUIZ_NOT_OPEN"
    # while open: the deadline is capped by the closing time
    clock.advance(hours=1, minutes=30)
    attempt = await start(student, quiz["id"])
    assert attempt["deadline"].startswith(iso(now + timedelta(hours=2))[:19])
    # after it closes: no new attempt
    clock.advance(hours=1)
    late = await teacher.gql(START, {"quizId": quiz["id"]})
    assert late.errors[0]["extensions"]["reason"] == "QUIZ_CLOSED"


async def test_answers_after_the_deadline_do_not_count(
    org: OrgFixture, signed_in: SignIn, clock: FrozenClock
) -> None:
    teacher, student = await signed_in(org, "teacher"), await signed_in(org, "student")
    quiz = await published_quiz(teacher, timeLimitSeconds=60)
    attempt = await start(student, quiz["id"])
    clock.advance(seconds=66)  # past the deadline and the grace
    done = (await student.gql(SUBMIT, submit(attempt["id"], right_answers(quiz)))).ok()
    closed = done["submitAttempt"]["attempt"]
    assert closed["status"] == "EXPIRED" and closed["score"] == 0.0
    assert not any(r["answered"] for r in closed["results"])


async def test_a_submit_within_the_deadline_counts(
    org: OrgFixture, signed_in: SignIn, clock: FrozenClock
) -> None:
    teacher, student = await signed_in(org, "teacher"), await signed_in(org, "student")
    quiz = await published_quiz(teacher, timeLimitSeconds=60)
    attempt = await start(student, quiz["id"])
    clock.advance(seconds=59)
    done = (await student.gql(SUBMIT, submit(attempt["id"], right_answers(quiz)))).ok()
    assert done["submitAttempt"]["attempt"]["score"] == 6.0


async def test_an_abandoned_attempt_lists_as_expired_as_it_stands(
    org: OrgFixture, signed_in: SignIn, clock: FrozenClock, events: list[Event]
) -> None:
    # given a student who saved one right answer and walked away
    teacher, student = await signed_in(org, "teacher"), await signed_in(org, "student")
    quiz = await published_quiz(teacher, timeLimitSeconds=60)
    attempt = await start(student, quiz["id"])
    first = right_answers(quiz)[:1]
    assert (await student.gql(SAVE, submit(attempt["id"], first))).ok()
    # when the deadline passes and the teacher lists the quiz's attempts
    clock.advance(minutes=5)
    listed = (await teacher.gql(ATTEMPTS, {"slug": org.slug, "quizId": quiz["id"]})).ok()
    # then the attempt shows as expired, scored with the saved answer
    node = listed["organization"]["attempts"]["edges"][0]["node"]
    assert (node["status"], node["score"], node["participant"]["username"]) == (
        "EXPIRED",
        2.0,
        "student",
    )
    # and a later submit counts no new answer; it closes the attempt (a query writes
    # nothing, see test_expiry_reads.py), which scores it once
    late = (await student.gql(SUBMIT, submit(attempt["id"], right_answers(quiz)))).ok()
    assert late["submitAttempt"]["attempt"]["score"] == 2.0
    assert [e.name for e in events].count("user.scored") == 1


async def test_saving_after_the_deadline_closes_the_attempt(
    org: OrgFixture, signed_in: SignIn, clock: FrozenClock
) -> None:
    teacher, student = await signed_in(org, "teacher"), await signed_in(org, "student")
    quiz = await published_quiz(teacher, timeLimitSeconds=60)
    attempt = await start(student, quiz["id"])
    clock.advance(minutes=2)
    saved = (await student.gql(SAVE, submit(attempt["id"], right_answers(quiz)))).ok()
    assert saved["saveAttemptAnswers"]["attempt"]["status"] == "EXPIRED"
    assert saved["saveAttemptAnswers"]["attempt"]["score"] == 0.0


async def test_submitting_twice_gives_one_result(
    org: OrgFixture, signed_in: SignIn, events: list[Event]
) -> None:
    teacher, student = await signed_in(org, "teacher"), await signed_in(org, "student")
    quiz = await published_quiz(teacher)
    attempt = await start(student, quiz["id"])
    first = (await student.gql(SUBMIT, submit(attempt["id"], right_answers(quiz)))).ok()
    second = (await student.gql(SUBMIT, submit(attempt["id"], []))).ok()
    assert first == second
    assert [e.name for e in events].count("quiz.completed") == 1


async def test_concurrent_submits_give_one_result(
    org: OrgFixture, signed_in: SignIn, client_factory: ClientFactory, events: list[Event]
) -> None:
    # given an open attempt, and the same student signed in on two connections
    teacher, student = await signed_in(org, "teacher"), await signed_in(org, "student")
    quiz = await published_quiz(teacher)
    attempt = await start(student, quiz["id"])
    other = await signed_in(org, "student")
    # when both submit at once, with different answers
    results = await asyncio.gather(
        student.gql(SUBMIT, submit(attempt["id"], right_answers(quiz))),
        other.gql(SUBMIT, submit(attempt["id"], [])),
    )
    # then both get the one stored result, and it was scored and announced once
    bodies = [result.ok()["submitAttempt"]["attempt"] for result in results]
    assert bodies[0] == bodies[1]
    assert bodies[0]["status"] == "SUBMITTED"
    assert [e.name for e in events].count("quiz.completed") == 1
    audit = await (await signed_in(org, "owner")).gql(
        """query($slug: String!) { organization(slug: $slug) {
        auditLog(action: "attempt.submitted") { totalCount } } }""",
        {"slug": org.slug},
    )
    assert audit.ok()["organization"]["auditLog"]["totalCount"] == 1


async def test_only_the_owner_submits(org: OrgFixture, signed_in: SignIn) -> None:
    teacher, student = await signed_in(org, "teacher"), await signed_in(org, "student")
    await org.add("student2", role=org.account("student").role)
    classmate = await signed_in(org, "student2")
    quiz = await published_quiz(teacher)
    attempt = await start(student, quiz["id"])
    assert (await classmate.gql(SUBMIT, submit(attempt["id"], []))).code == "NOT_FOUND"
    staff = await teacher.gql(SUBMIT, submit(attempt["id"], []))
    assert staff.code == "FORBIDDEN"
    node = await student.gql(NODE_ATTEMPT, {"id": attempt["id"]})
    assert node.ok()["node"]["status"] == "IN_PROGRESS"


async def test_bad_answers_are_refused_and_the_attempt_stays_open(
    org: OrgFixture, signed_in: SignIn
) -> None:
    teacher, student = await signed_in(org, "teacher"), await signed_in(org, "student")
    quiz = await published_quiz(teacher)
    other = await create_quiz(teacher, title="Other")
    attempt = await start(student, quiz["id"])
    foreign = other["questionsWithAnswers"][0]["id"]
    mine = quiz["questionsWithAnswers"][0]["id"]
    result = await student.gql(
        SUBMIT,
        submit(
            attempt["id"], [{"questionId": foreign}, {"questionId": mine}, {"questionId": mine}]
        ),
    )
    assert result.code == "BAD_USER_INPUT"
    assert set(result.errors[0]["extensions"]["fields"]) == {
        "answers[0].questionId",
        "answers[2].questionId",
    }
    node = await student.gql(NODE_ATTEMPT, {"id": attempt["id"]})
    assert node.ok()["node"]["status"] == "IN_PROGRESS"


async def test_drafts_and_archived_quizzes_cannot_be_taken(
    org: OrgFixture, signed_in: SignIn
) -> None:
    teacher, student = await signed_in(org, "teacher"), await signed_in(org, "student")
    draft = await create_quiz(teacher)
    assert (await student.gql(START, {"quizId": draft["id"]})).code == "NOT_FOUND"
    staff = await teacher.gql(START, {"quizId": draft["id"]})
    assert staff.errors[0]["extensions"]["reason"] == "QUIZ_NOT_PUBLISHED"
