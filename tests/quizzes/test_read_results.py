"""The quiz reads answer exactly what they answered before they were rebuilt on plain rows
and the content cache: every field of the list (staff's and students' views), of
``node(id:)`` and of an attempt's questions and results, against a snapshot recorded
through the API before the change (``snapshots/read_results.json``).

Ids are random and replaced by ``<Type>#<n>`` in order of first appearance (after
checking they decode to their type); the clock is fixed, so timestamps are compared.
Set ``QUIZGRAPH_RECORD_SNAPSHOT=1`` to record the snapshot again.
"""

from __future__ import annotations

import base64
import json
import os
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from app.core.clock import Clock, FrozenClock, set_clock
from tests.quizzes.api import PUBLISH, create_quiz, iso, right_answers
from tests.support.client import ApiClient
from tests.support.factories import OrgFixture
from tests.support.fixture_types import SignIn

SNAPSHOT = Path(__file__).parent / "snapshots" / "read_results.json"
START_OF_TEST = datetime(2031, 5, 6, 7, 8, 9, tzinfo=UTC)

QUIZ = """id title description status version timeLimitSeconds attemptsAllowed passMarkPercent
shuffleQuestions shuffleOptions revealAnswers revealAnswersAfterSubmit opensAt closesAt
questionCount maxPoints createdAt updatedAt publishedAt isOpen"""
QUESTIONS = "questions(first: 10) { id number kind prompt points options { id text } }"
AUTHORED = """questionsWithAnswers(first: 10) { id number kind prompt points explanation acceptedAnswers
  numericValue numericTolerance options { id text correct } }"""

STAFF_LIST = f"""query($slug: String!) {{ organization(slug: $slug) {{ quizzes(first: 10) {{
  totalCount pageInfo {{ hasNextPage hasPreviousPage startCursor endCursor }}
  edges {{ cursor node {{ __typename {QUIZ} createdBy {{ username }} {QUESTIONS}
    firstTwo: questions(first: 2) {{ prompt options {{ text }} }} {AUTHORED} }} }} }} }} }}"""
STUDENT_LIST = f"""query($slug: String!) {{ organization(slug: $slug) {{ quizzes(first: 10) {{
  totalCount edges {{ node {{ {QUIZ} {QUESTIONS} }} }} }} }} }}"""
SECOND_PAGE = """query($slug: String!, $after: String) { organization(slug: $slug) {
  quizzes(first: 2, after: $after) { totalCount pageInfo { hasNextPage hasPreviousPage }
    edges { cursor node { title questions(first: 1) { prompt options { text } } } } } } }"""
NODE = f"""query($id: ID!) {{ node(id: $id) {{ __typename id ... on Quiz {{ {QUIZ} {QUESTIONS}
  {AUTHORED} }} }} }}"""
START = """mutation($quizId: ID!) { startAttempt(input: {quizId: $quizId}) { attempt { id } } }"""
SUBMIT = """mutation($input: AttemptAnswersInput!) { submitAttempt(input: $input) {
  attempt { id } } }"""
ATTEMPT = f"""query($id: ID!) {{ node(id: $id) {{ ... on Attempt {{ id status score maxScore
  quizTitle quiz {{ {QUIZ} {QUESTIONS} }}
  questions {{ id number kind prompt points options {{ id text }} }}
  results {{ question {{ id number prompt options {{ id text }} }} answered correct
    pointsAwarded selectedOptionIds text number
    revealed {{ correctOptionIds acceptedAnswers numericValue numericTolerance explanation }}
  }} }} }} }}"""


@pytest.fixture
def fixed_clock() -> Iterator[FrozenClock]:
    frozen = FrozenClock(START_OF_TEST)
    set_clock(frozen)
    yield frozen
    set_clock(Clock())


def questions(count: int, tag: str) -> list[dict[str, Any]]:
    """``count`` questions cycling through every kind, some with explanations."""
    made: list[dict[str, Any]] = []
    for n in range(count):
        prompt = f"{tag} question {n + 1}"
        kind = ("SINGLE_CHOICE", "MULTIPLE_CHOICE", "TRUE_FALSE", "SHORT_ANSWER", "NUMERIC")[n % 5]
        question: dict[str, Any] = {"kind": kind, "prompt": prompt, "points": 1 + n % 3}
        if n % 2 == 0:
            question["explanation"] = f"because {n}"
        if kind == "SINGLE_CHOICE":
            question["options"] = [
                {"text": f"{tag} {n} option {k}", "correct": k == n % 4} for k in range(4)
            ]
        elif kind == "MULTIPLE_CHOICE":
            question["options"] = [
                {"text": f"{tag} {n} choice {k}", "correct": k % 2 == 0} for k in range(5)
            ]
        elif kind == "TRUE_FALSE":
            question["options"] = [{"text": "True", "correct": True}, {"text": "False"}]
        elif kind == "SHORT_ANSWER":
            question["acceptedAnswers"] = [f"{tag}-{n}", f"alt {n}"]
        else:
            question["numericValue"] = n * 1.5
            question["numericTolerance"] = 0.25
        made.append(question)
    return made


async def seed(teacher: ApiClient, clock: FrozenClock) -> dict[str, str]:
    """Four published quizzes (one not open yet, one archived) and a draft, a second apart."""
    ids: dict[str, str] = {}
    specs: list[tuple[str, dict[str, Any], str]] = [
        ("open", {"description": "Everything", "passMarkPercent": 50.0}, "publish"),
        ("draft", {"timeLimitSeconds": 600}, "keep"),
        (
            "later",
            {"opensAt": iso(START_OF_TEST + timedelta(days=1)), "attemptsAllowed": 2},
            "publish",
        ),
        ("archived", {"revealAnswers": "NEVER"}, "archive"),
        (
            "reveal",
            {"revealAnswers": "AFTER_SUBMIT", "closesAt": iso(START_OF_TEST + timedelta(days=9))},
            "publish",
        ),
    ]
    for tag, settings, fate in specs:
        clock.advance(seconds=1)
        quiz = await create_quiz(
            teacher, title=f"Quiz {tag}", questions=questions(7, tag), **settings
        )
        ids[tag] = quiz["id"]
        if fate in {"publish", "archive"}:
            clock.advance(seconds=1)
            (await teacher.gql(PUBLISH, {"id": quiz["id"]})).ok()
        if fate == "archive":
            archive = "mutation($id: ID!) { archiveQuiz(input: {id: $id}) { quiz { id } } }"
            (await teacher.gql(archive, {"id": quiz["id"]})).ok()
    return ids


def normalised(value: Any, names: dict[str, str]) -> Any:
    """``value`` with every global id replaced by its type and order of appearance."""
    if isinstance(value, dict):
        return {key: normalised(item, names) for key, item in value.items()}
    if isinstance(value, list):
        return [normalised(item, names) for item in value]
    if isinstance(value, str) and (type_name := _global_id_type(value)) is not None:
        if value not in names:
            names[value] = (
                f"{type_name}#{sum(n.startswith(type_name + '#') for n in names.values())}"
            )
        return names[value]
    return value


def _global_id_type(value: str) -> str | None:
    try:
        decoded = base64.b64decode(value, validate=True).decode()
    except ValueError:
        return None
    type_name, _, node_id = decoded.partition(":")
    if type_name in {"Quiz", "Question", "Option", "Attempt", "Member"} and len(node_id) == 36:
        return type_name
    return None


async def read_everything(
    teacher: ApiClient, student: ApiClient, slug: str, ids: dict[str, str]
) -> dict[str, Any]:
    staff_list = (await teacher.gql(STAFF_LIST, {"slug": slug})).ok()
    again = (await teacher.gql(STAFF_LIST, {"slug": slug})).ok()
    assert again == staff_list  # a second read (warm caches) answers the same
    first_page = (await teacher.gql(SECOND_PAGE, {"slug": slug})).ok()
    cursor = first_page["organization"]["quizzes"]["edges"][-1]["cursor"]
    second_page = (await teacher.gql(SECOND_PAGE, {"slug": slug, "after": cursor})).ok()
    student_list = (await student.gql(STUDENT_LIST, {"slug": slug})).ok()
    nodes = {tag: (await teacher.gql(NODE, {"id": ids[tag]})).ok() for tag in ids}
    student_node = (await student.gql(NODE, {"id": ids["open"]})).body  # answers: FORBIDDEN
    student_draft = await student.gql(NODE, {"id": ids["draft"]})

    authored = nodes["reveal"]["node"]
    attempt = (await student.gql(START, {"quizId": ids["reveal"]})).ok()["startAttempt"]["attempt"]
    wrong = {"questionId": authored["questionsWithAnswers"][5]["id"], "text": "wrong"}
    answers = [*right_answers(authored)[:4], wrong]
    submitted = {"attemptId": attempt["id"], "answers": answers}
    (await student.gql(SUBMIT, {"input": submitted})).ok()
    attempt_read = (await student.gql(ATTEMPT, {"id": attempt["id"]})).ok()
    return {
        "staffList": staff_list,
        "pages": [first_page, second_page],
        "studentList": student_list,
        "nodes": nodes,
        "studentNode": student_node,
        "studentDraft": student_draft.codes,
        "attempt": attempt_read,
    }


async def test_quiz_reads_answer_as_recorded_before_the_rewrite(
    fixed_clock: FrozenClock, org: OrgFixture, signed_in: SignIn
) -> None:
    # given an org with published, draft, not-yet-open and archived quizzes
    teacher = await signed_in(org, "teacher")
    student = await signed_in(org, "student")
    ids = await seed(teacher, fixed_clock)
    # when staff and a student read lists, pages, nodes and an attempt
    read = normalised(await read_everything(teacher, student, org.slug, ids), {})
    # then every answer is what the API answered before
    if os.environ.get("QUIZGRAPH_RECORD_SNAPSHOT"):
        SNAPSHOT.parent.mkdir(exist_ok=True)
        SNAPSHOT.write_text(json.dumps(read, indent=1, sort_keys=True) + "\n")
    assert read == json.loads(SNAPSHOT.read_text())
