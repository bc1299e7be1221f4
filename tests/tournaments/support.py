"""Documents and builders of the tournament tests: quizzes of two 1-point questions
(``tests.leaderboards.support``), tournaments over them, rounds played at known times."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from app.core.clock import FrozenClock
from tests.leaderboards.support import answers, two_point_quiz
from tests.quizzes.api import START, SUBMIT
from tests.support.client import ApiClient, GraphQLResult

TOURNAMENT_FIELDS = """id name status startsAt endsAt startedAt endedAt entryRule entryRoles
entryFee { amount currency } maxEntrants winnersCount certificatesForWinners entrantCount
viewerHasEntered viewerCanRegister registrationOpen
rounds { position quizId quiz { id title } }"""

CREATE = f"""mutation($input: CreateTournamentInput!) {{
  createTournament(input: $input) {{ tournament {{ {TOURNAMENT_FIELDS} }} }} }}"""
UPDATE = f"""mutation($input: UpdateTournamentInput!) {{
  updateTournament(input: $input) {{ tournament {{ {TOURNAMENT_FIELDS} }} }} }}"""
REGISTER = """mutation($id: ID!) { registerForTournament(input: {id: $id}) {
  tournament { id entrantCount viewerHasEntered } } }"""
START_EARLY = """mutation($id: ID!) { startTournament(input: {id: $id}) {
  tournament { id status startedAt } } }"""
END_EARLY = """mutation($id: ID!) { endTournament(input: {id: $id}) {
  tournament { id status endedAt winners { rank displayName totalScore } } } }"""
NODE = f"""query($id: ID!) {{ node(id: $id) {{ ... on Tournament {{ {TOURNAMENT_FIELDS} }} }} }}"""
LIST = """query($slug: String!, $status: TournamentStatus) { organization(slug: $slug) {
  tournaments(status: $status, first: 50) { totalCount edges { node { id name status } } } } }"""
BOARD = """query($id: ID!, $first: Int, $after: String) { node(id: $id) { ... on Tournament {
  status
  leaderboard(first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor }
    edges { node { rank displayName totalScore totalTimeSeconds roundsPlayed winner } } }
  winners { rank displayName totalScore winner } } } }"""


def tournament_input(
    rounds: list[dict[str, Any]], starts_at: datetime, ends_at: datetime, **overrides: Any
) -> dict[str, Any]:
    return {
        "input": {
            "name": "Spring cup",
            "rounds": [quiz["id"] for quiz in rounds],
            "startsAt": starts_at.isoformat(),
            "endsAt": ends_at.isoformat(),
            **overrides,
        }
    }


async def create_tournament(
    staff: ApiClient,
    rounds: list[dict[str, Any]],
    clock: FrozenClock,
    *,
    starts_in: timedelta = timedelta(minutes=10),
    lasts: timedelta = timedelta(hours=1),
    **overrides: Any,
) -> dict[str, Any]:
    starts = clock.now() + starts_in
    result = await staff.gql(CREATE, tournament_input(rounds, starts, starts + lasts, **overrides))
    tournament: dict[str, Any] = result.ok()["createTournament"]["tournament"]
    return tournament


async def two_rounds(staff: ApiClient) -> list[dict[str, Any]]:
    return [
        await two_point_quiz(staff, "Round one"),
        await two_point_quiz(staff, "Round two"),
    ]


async def start_round(client: ApiClient, quiz: dict[str, Any]) -> GraphQLResult:
    return await client.gql(START, {"quizId": quiz["id"]})


async def play(
    client: ApiClient, quiz: dict[str, Any], points: int, seconds: float, clock: FrozenClock
) -> dict[str, Any]:
    """Take the round: ``points`` of 2, submitted ``seconds`` after starting."""
    attempt = (await start_round(client, quiz)).ok()["startAttempt"]["attempt"]
    clock.advance(seconds=seconds)
    result = await client.gql(
        SUBMIT, {"input": {"attemptId": attempt["id"], "answers": answers(quiz, points)}}
    )
    submitted: dict[str, Any] = result.ok()["submitAttempt"]["attempt"]
    return submitted


async def read(client: ApiClient, tournament_id: str) -> dict[str, Any]:
    found: dict[str, Any] = (await client.gql(NODE, {"id": tournament_id})).ok()["node"]
    return found


async def board(client: ApiClient, tournament_id: str, **arguments: Any) -> dict[str, Any]:
    found: dict[str, Any] = (await client.gql(BOARD, {"id": tournament_id, **arguments})).ok()[
        "node"
    ]
    return found


def standings(found: dict[str, Any]) -> list[tuple[int, str, float, float | None]]:
    return [
        (
            edge["node"]["rank"],
            edge["node"]["displayName"],
            edge["node"]["totalScore"],
            edge["node"]["totalTimeSeconds"],
        )
        for edge in found["leaderboard"]["edges"]
    ]


def reason(result: GraphQLResult) -> str | None:
    value: str | None = result.errors[0]["extensions"].get("reason") if result.errors else None
    return value
