"""GraphQL documents and builders shared by the quiz and attempt API tests."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import pytest

from app.core.clock import Clock, FrozenClock, set_clock
from tests.support.client import ApiClient

QUIZ_FIELDS = """id title description status version timeLimitSeconds attemptsAllowed
passMarkPercent shuffleQuestions shuffleOptions revealAnswersAfterSubmit opensAt closesAt
questionCount maxPoints isOpen"""

CREATE = f"""mutation($input: CreateQuizInput!) {{
  createQuiz(input: $input) {{ quiz {{ {QUIZ_FIELDS}
    questionsWithAnswers {{ id kind prompt points explanation acceptedAnswers numericValue
      numericTolerance options {{ id text correct }} }} }} }}
}}"""
UPDATE = f"""mutation($input: UpdateQuizInput!) {{
  updateQuiz(input: $input) {{ quiz {{ {QUIZ_FIELDS} questions {{ prompt }} }} }}
}}"""
PUBLISH = "mutation($id: ID!) { publishQuiz(input: {id: $id}) { quiz { id status } } }"
ARCHIVE = "mutation($id: ID!) { archiveQuiz(input: {id: $id}) { quiz { id status } } }"
DUPLICATE = """mutation($id: ID!) { duplicateQuiz(input: {id: $id}) {
  quiz { id title status questions { prompt } } } }"""
QUIZZES = """query($slug: String!, $status: QuizStatus, $search: String, $first: Int, $after: String) {
  organization(slug: $slug) {
    quizzes(status: $status, search: $search, first: $first, after: $after) {
      totalCount pageInfo { hasNextPage endCursor }
      edges { node { id title status } }
    }
  }
}"""
NODE_QUIZ = """query($id: ID!) { node(id: $id) { id ... on Quiz { title status
  questions { id prompt options { id text } } } } }"""
START = """mutation($quizId: ID!) { startAttempt(input: {quizId: $quizId}) {
  attempt { id number status deadline score
    questions { id number kind prompt points options { id text } } } } }"""
SUBMIT = """mutation($input: AttemptAnswersInput!) { submitAttempt(input: $input) {
  attempt { id status score maxScore percentage passed closedAt
    results { question { id prompt } answered correct pointsAwarded selectedOptionIds text number
      revealed { correctOptionIds acceptedAnswers numericValue explanation } } } } }"""
SAVE = """mutation($input: AttemptAnswersInput!) { saveAttemptAnswers(input: $input) {
  attempt { id status score } } }"""
ATTEMPTS = """query($slug: String!, $quizId: ID, $memberId: ID, $status: AttemptStatus) {
  organization(slug: $slug) {
    attempts(quizId: $quizId, memberId: $memberId, status: $status, first: 100) {
      totalCount edges { node { id status score participant { username } quizTitle } }
    }
  }
}"""

SECRET_EXPLANATION = "SECRET-EXPLANATION-7f3a"
SECRET_ANSWER = "secret-accepted-answer-9b1c"
SECRET_NUMBER = 4242.125


def option(text: str, correct: bool = False) -> dict[str, Any]:
    return {"text": text, "correct": correct}


def sample_questions() -> list[dict[str, Any]]:
    """One question of each kind, 1 point each except the first (2 points)."""
    return [
        {
            "kind": "SINGLE_CHOICE",
            "prompt": "Capital of France?",
            "points": 2,
            "explanation": SECRET_EXPLANATION,
            "options": [option("Berlin"), option("Paris", True), option("Madrid")],
        },
        {
            "kind": "MULTIPLE_CHOICE",
            "prompt": "Noble gases?",
            "options": [option("Helium", True), option("Nitrogen"), option("Neon", True)],
        },
        {
            "kind": "TRUE_FALSE",
            "prompt": "Water is wet.",
            "options": [option("True", True), option("False")],
        },
        {"kind": "SHORT_ANSWER", "prompt": "The secret word?", "acceptedAnswers": [SECRET_ANSWER]},
        {
            "kind": "NUMERIC",
            "prompt": "The secret number?",
            "numericValue": SECRET_NUMBER,
            "numericTolerance": 0.01,
        },
    ]


def quiz_input(**overrides: Any) -> dict[str, Any]:
    return {"input": {"title": "Sample quiz", "questions": sample_questions(), **overrides}}


async def create_quiz(client: ApiClient, **overrides: Any) -> dict[str, Any]:
    result = await client.gql(CREATE, quiz_input(**overrides))
    quiz: dict[str, Any] = result.ok()["createQuiz"]["quiz"]
    return quiz


async def published_quiz(client: ApiClient, **overrides: Any) -> dict[str, Any]:
    quiz = await create_quiz(client, **overrides)
    (await client.gql(PUBLISH, {"id": quiz["id"]})).ok()
    return quiz


def right_answers(quiz: dict[str, Any]) -> list[dict[str, Any]]:
    """Full-marks answers built from the author's view of the quiz."""
    answers: list[dict[str, Any]] = []
    for question in quiz["questionsWithAnswers"]:
        answer: dict[str, Any] = {"questionId": question["id"]}
        kind = question["kind"]
        if kind in {"SINGLE_CHOICE", "MULTIPLE_CHOICE", "TRUE_FALSE"}:
            answer["selectedOptionIds"] = [o["id"] for o in question["options"] if o["correct"]]
        elif kind == "SHORT_ANSWER":
            answer["text"] = "  " + question["acceptedAnswers"][0].upper() + " "
        else:
            answer["number"] = question["numericValue"]
        answers.append(answer)
    return answers


def iso(moment: datetime) -> str:
    return moment.isoformat()


@pytest.fixture
def clock() -> Iterator[FrozenClock]:
    frozen = FrozenClock(datetime.now(UTC).replace(microsecond=0))
    set_clock(frozen)
    yield frozen
    set_clock(Clock())
