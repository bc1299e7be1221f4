"""Making results with known scores and times: quizzes of two 1-point questions."""

from __future__ import annotations

from typing import Any

from app.access.scopes import Role
from app.core.clock import FrozenClock
from tests.quizzes.api import PUBLISH, START, SUBMIT
from tests.support.client import ApiClient
from tests.support.factories import OrgFixture
from tests.support.fixture_types import SignIn

CREATE = """mutation($input: CreateQuizInput!) { createQuiz(input: $input) {
  quiz { id questionsWithAnswers { id options { id correct } } } } }"""

BOARD = """query($slug: String!, $quizId: ID, $window: LeaderboardWindow, $first: Int, $after: String) {
  organization(slug: $slug) {
    leaderboard(quizId: $quizId, window: $window, first: $first, after: $after) {
      totalCount pageInfo { hasNextPage endCursor }
      edges { cursor node { rank displayName score attempts timeTakenSeconds memberId } }
      myRank { rank displayName score attempts }
    }
  }
}"""


async def two_point_quiz(
    author: ApiClient, title: str = "Board quiz", **settings: Any
) -> dict[str, Any]:
    question = {
        "kind": "SINGLE_CHOICE",
        "prompt": "Pick right",
        "options": [{"text": "right", "correct": True}, {"text": "wrong"}],
    }
    result = await author.gql(
        CREATE,
        {
            "input": {
                "title": title,
                "questions": [question, question],
                "attemptsAllowed": 5,
                **settings,
            }
        },
    )
    quiz: dict[str, Any] = result.ok()["createQuiz"]["quiz"]
    (await author.gql(PUBLISH, {"id": quiz["id"]})).ok()
    return quiz


def answers(quiz: dict[str, Any], points: int) -> list[dict[str, Any]]:
    """Answers scoring ``points`` (0-2): the first ``points`` questions right."""
    chosen = []
    for index, question in enumerate(quiz["questionsWithAnswers"]):
        right = index < points
        option = next(o for o in question["options"] if o["correct"] is right)
        chosen.append({"questionId": question["id"], "selectedOptionIds": [option["id"]]})
    return chosen


async def take(
    client: ApiClient, quiz: dict[str, Any], points: int, seconds: float, clock: FrozenClock
) -> dict[str, Any]:
    attempt = (await client.gql(START, {"quizId": quiz["id"]})).ok()["startAttempt"]["attempt"]
    clock.advance(seconds=seconds)
    result = await client.gql(
        SUBMIT, {"input": {"attemptId": attempt["id"], "answers": answers(quiz, points)}}
    )
    submitted: dict[str, Any] = result.ok()["submitAttempt"]["attempt"]
    return submitted


async def students(org: OrgFixture, signed_in: SignIn, *names: str) -> dict[str, ApiClient]:
    clients = {}
    for name in names:
        await org.add(name, Role.STUDENT)
        clients[name] = await signed_in(org, name)
    return clients


async def board(client: ApiClient, org: OrgFixture, **arguments: Any) -> dict[str, Any]:
    result = await client.gql(BOARD, {"slug": org.slug, **arguments})
    leaderboard: dict[str, Any] = result.ok()["organization"]["leaderboard"]
    return leaderboard


def ranking(connection: dict[str, Any]) -> list[tuple[int, str, float]]:
    return [
        (e["node"]["rank"], e["node"]["displayName"], e["node"]["score"])
        for e in connection["edges"]
    ]
