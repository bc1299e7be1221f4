"""Two real server processes on one database (and Redis): both run the scheduler, polling
every half second, and the tournament still starts once and ends once (one audit event
and one webhook message each); its board reaches a subscriber on one process live while
students play on both, and ends frozen with the winner certified."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from tests.leaderboards.support import answers, two_point_quiz
from tests.quizzes.api import START, SUBMIT
from tests.support.client import ApiClient
from tests.support.redis import REDIS_URL
from tests.support.servers import Deployment, deployment
from tests.support.websocket import Subscriber
from tests.tournaments.support import CREATE, tournament_input

BOARD_LIVE = """subscription($id: ID!) { tournamentLeaderboardUpdated(tournamentId: $id) {
  status entries { rank displayName totalScore winner } } }"""
AUDIT = """query($slug: String!, $action: String!) { organization(slug: $slug) {
  auditLog(action: $action) { totalCount } } }"""
CERTIFICATES = """query($slug: String!, $id: ID!) { organization(slug: $slug) {
  certificates(tournamentId: $id) { totalCount } } }"""
WEBHOOK = """mutation($url: String!) { createWebhook(input: {url: $url,
  events: ["tournament.started", "tournament.ended"]}) { webhook { id } } }"""
MESSAGES = """query($slug: String!) { organization(slug: $slug) { webhooks(first: 5) {
  edges { node { deliveries(first: 20) { edges { node { event } } } } } } } }"""
WINDOW = timedelta(seconds=12)


@pytest.fixture(scope="module")
async def servers(database_url: str) -> AsyncIterator[Deployment]:
    extra = {
        "QUIZGRAPH_TOURNAMENT_SCHEDULER_SECONDS": "0.5",
        "QUIZGRAPH_WEBHOOK_ALLOWED_HOSTS": '["127.0.0.1"]',
    }
    async with deployment(
        database_url, processes=2, redis_url=REDIS_URL, extra_env=extra
    ) as running:
        yield running


async def play(client: ApiClient, quiz: dict[str, Any], points: int) -> None:
    started = (await client.gql(START, {"quizId": quiz["id"]})).ok()["startAttempt"]["attempt"]
    variables = {"input": {"attemptId": started["id"], "answers": answers(quiz, points)}}
    (await client.gql(SUBMIT, variables)).ok()


async def until_status(board: Subscriber, status: str) -> dict[str, Any]:
    while True:
        update: dict[str, Any] = (await board.next_data(timeout=30))["tournamentLeaderboardUpdated"]
        if update["status"] == status:
            return update


async def test_two_processes_start_and_end_it_once_and_the_board_is_live(
    servers: Deployment,
) -> None:
    # given an org served by both processes, a tournament of two rounds starting in 5 s
    school = await servers.another_org()
    owner = await school.signed_in("owner")
    (await owner.gql(WEBHOOK, {"url": "http://127.0.0.1:9/hook"})).ok()
    rounds = [await two_point_quiz(owner, "One"), await two_point_quiz(owner, "Two")]
    starts = datetime.now(UTC) + timedelta(seconds=5)
    variables = tournament_input(
        rounds, starts, starts + WINDOW, winnersCount=1, certificatesForWinners=True
    )
    made = (await owner.gql(CREATE, variables)).ok()["createTournament"]["tournament"]
    ann = await school.add_student(owner, "ann")
    await school.add_student(owner, "bob")
    bob = await school.signed_in("bob", index=1)
    board = await Subscriber.connect(school.ws_url(0), cookie=owner.http.cookies["qg_session"])
    await board.acknowledged()
    await board.subscribe(BOARD_LIVE, {"id": made["id"]})

    # when it starts by itself, students on both processes play
    await until_status(board, "RUNNING")
    await play(ann, rounds[0], 2)
    await play(bob, rounds[0], 1)
    await play(bob, rounds[1], 2)

    # then the subscriber on the first process sees the board move, whoever played where
    while True:
        live = (await board.next_data(timeout=30))["tournamentLeaderboardUpdated"]
        if [e["totalScore"] for e in live["entries"]] == [3.0, 2.0]:
            break
    assert [e["displayName"] for e in live["entries"]] == ["Bob", "Ann"]

    # and when it ends by itself the final board comes, frozen, with its winner
    final = await until_status(board, "ENDED")
    assert [(e["rank"], e["displayName"], e["winner"]) for e in final["entries"]] == [
        (1, "Bob", True),
        (2, "Ann", False),
    ]
    await board.close()
    # exactly one start and one end, though both processes' schedulers raced for them
    for action in ("tournament.started", "tournament.ended"):
        counted = await owner.gql(AUDIT, {"slug": school.slug, "action": action})
        assert counted.ok()["organization"]["auditLog"]["totalCount"] == 1, action
    sent = (await owner.gql(MESSAGES, {"slug": school.slug})).ok()["organization"]["webhooks"]
    events = [d["node"]["event"] for d in sent["edges"][0]["node"]["deliveries"]["edges"]]
    assert sorted(events) == ["tournament.ended", "tournament.started"]
    certified = await owner.gql(CERTIFICATES, {"slug": school.slug, "id": made["id"]})
    assert certified.ok()["organization"]["certificates"]["totalCount"] == 1
