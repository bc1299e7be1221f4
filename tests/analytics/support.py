"""Quizzes taken with known answers, and the analytics documents."""

from __future__ import annotations

from typing import Any

from app.access.scopes import Role
from tests.quizzes.api import PUBLISH, START, SUBMIT
from tests.support.client import ApiClient
from tests.support.factories import OrgFixture

CREATE = """mutation($input: CreateQuizInput!) { createQuiz(input: $input) {
  quiz { id questionsWithAnswers { id kind points options { id text correct } } } } }"""

STATISTICS = """query($id: ID!, $first: Boolean, $since: Date, $until: Date) {
  node(id: $id) { ... on Quiz { statistics(firstAttemptsOnly: $first, since: $since,
                                           until: $until) {
    attempts participants completionRate maxScore mean median standardDeviation passRate
    averageTimeSeconds scoreDistribution { low high attempts }
    cronbachAlpha errorRatio standardError computedAt itemAnalysisStatus
    questions { questionId number kind maxPoints answered facilityIndex standardDeviation
      discriminationIndex discriminativeEfficiency flags flagReasons
      options { optionId text correct picks share } }
  } } }
}"""

ORG_ANALYTICS = """query($slug: String!, $since: Date, $until: Date, $interval: AnalyticsInterval) {
  organization(slug: $slug) { analytics(since: $since, until: $until, interval: $interval) {
    since until interval activeMembers attempts averagePercentage
    timeline { start attempts activeMembers averagePercentage }
    topQuizzes(first: 3) { quizId title attempts averagePercentage }
    members(first: 10) { edges { node { memberId displayName attempts quizzesStarted
      averagePercentage lastActiveOn } } pageInfo { hasNextPage } }
  } }
}"""

MEMBER_PROGRESS = """query($slug: String!, $memberId: ID) {
  organization(slug: $slug) { memberProgress(memberId: $memberId) {
    memberId attempts averagePercentage timeline { start attempts averagePercentage } } }
}"""


def choice(text: str, correct: bool = False) -> dict[str, Any]:
    return {"text": text, "correct": correct}


# Four questions: 2 points single choice, multiple choice (partial credit), two single
# choice; option "a" is always right.
QUESTIONS = [
    {
        "kind": "SINGLE_CHOICE",
        "prompt": "Q1",
        "points": 2,
        "options": [choice("a", True), choice("b"), choice("c")],
    },
    {
        "kind": "MULTIPLE_CHOICE",
        "prompt": "Q2",
        "options": [choice("a", True), choice("b"), choice("c", True)],
    },
    {"kind": "SINGLE_CHOICE", "prompt": "Q3", "options": [choice("a", True), choice("b")]},
    {"kind": "SINGLE_CHOICE", "prompt": "Q4", "options": [choice("a", True), choice("b")]},
]


async def known_quiz(author: ApiClient, **settings: Any) -> dict[str, Any]:
    result = await author.gql(
        CREATE,
        {"input": {"title": "Known", "questions": QUESTIONS, "passMarkPercent": 50, **settings}},
    )
    quiz: dict[str, Any] = result.ok()["createQuiz"]["quiz"]
    (await author.gql(PUBLISH, {"id": quiz["id"]})).ok()
    return quiz


def answers_for(quiz: dict[str, Any], picks: list[list[str] | None]) -> list[dict[str, Any]]:
    """Answers picking the options with these texts per question (None: unanswered)."""
    chosen = []
    for question, texts in zip(quiz["questionsWithAnswers"], picks, strict=True):
        if texts is None:
            continue
        ids = [o["id"] for o in question["options"] if o["text"] in texts]
        chosen.append({"questionId": question["id"], "selectedOptionIds": ids})
    return chosen


async def take(
    client: ApiClient, quiz: dict[str, Any], picks: list[list[str] | None]
) -> dict[str, Any]:
    started = (await client.gql(START, {"quizId": quiz["id"]})).ok()
    attempt_id = started["startAttempt"]["attempt"]["id"]
    submitted = await client.gql(
        SUBMIT, {"input": {"attemptId": attempt_id, "answers": answers_for(quiz, picks)}}
    )
    attempt: dict[str, Any] = submitted.ok()["submitAttempt"]["attempt"]
    return attempt


def points_row(attempt: dict[str, Any], quiz: dict[str, Any]) -> list[float]:
    """The attempt's points per question in quiz order (0: unanswered)."""
    by_question = {r["question"]["id"]: r["pointsAwarded"] or 0.0 for r in attempt["results"]}
    return [float(by_question.get(q["id"], 0.0)) for q in quiz["questionsWithAnswers"]]


# Who answers what: strong students get more right; "erin" gets Q4 right while weaker.
ANSWER_SHEETS: dict[str, list[list[str] | None]] = {
    "amy": [["a"], ["a", "c"], ["a"], ["b"]],
    "ben": [["a"], ["a"], ["a"], ["b"]],
    "cat": [["a"], ["a", "b"], ["a"], ["b"]],
    "dan": [["b"], ["c"], ["a"], ["b"]],
    "erin": [["c"], ["b"], ["b"], ["a"]],
    "fay": [["b"], None, ["b"], ["a"]],
}


async def students(org: OrgFixture, app: object) -> dict[str, ApiClient]:
    clients = {}
    for name in ANSWER_SHEETS:
        await org.add(name, Role.STUDENT)
        clients[name] = await org.signed_in(app, name)
    return clients
