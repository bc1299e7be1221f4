"""Live boards over websockets, against real uvicorn processes.

One server (on the run's database, no Redis) for the protocol, coalescing and
credential tests; two servers sharing the database and Redis for the cross-process
tests (one of them counts the board's messages on the Redis channel with a
connection of its own). Results are made through the servers' own API, as clients would.
"""

from __future__ import annotations

import asyncio
import time
import uuid
from collections.abc import AsyncIterator
from typing import Any

import orjson
import pytest
from redis.asyncio import Redis
from strawberry import relay

from app.core.settings import get_settings
from app.events.bus import Event
from app.events.redis_bus import encode
from app.leaderboards.service import LEADERBOARD_UPDATED
from tests.leaderboards.support import answers, two_point_quiz
from tests.quizzes.api import START, SUBMIT
from tests.support.client import ApiClient
from tests.support.redis import REDIS_URL
from tests.support.servers import Deployment, deployment
from tests.support.websocket import LEGACY_WS, Subscriber

BOARD = """subscription($slug: String!, $quizId: ID, $top: Int) {
  leaderboardUpdated(orgSlug: $slug, quizId: $quizId, top: $top) {
    quizId entries { rank displayName score } changed { rank displayName score }
  }
}"""
CREATE_KEY = """mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { apiKey { id } secret } }"""
REVOKE_KEY = """mutation($id: ID!) { revokeApiKey(input: {id: $id}) { apiKey { revokedAt } } }"""
DISABLE = """mutation($id: ID!) { updateMember(input: {id: $id, disabled: true}) { member { disabled } } }"""
VIEWER_ID = "{ viewer { member { id } } }"


@pytest.fixture(scope="module")
async def server(database_url: str) -> AsyncIterator[Deployment]:
    env = {"QUIZGRAPH_WEBSOCKET_INIT_TIMEOUT_SECONDS": "1"}
    async with deployment(database_url, extra_env=env) as running:
        yield running


async def submit(client: ApiClient, quiz: dict[str, Any], points: int) -> None:
    attempt = (await client.gql(START, {"quizId": quiz["id"]})).ok()["startAttempt"]["attempt"]
    done = await client.gql(
        SUBMIT, {"input": {"attemptId": attempt["id"], "answers": answers(quiz, points)}}
    )
    done.ok()


async def key_for(owner: ApiClient, scopes: list[str]) -> tuple[str, str]:
    created = (await owner.gql(CREATE_KEY, {"input": {"name": "live", "scopes": scopes}})).ok()
    return created["createApiKey"]["apiKey"]["id"], created["createApiKey"]["secret"]


async def board_subscriber(
    server: Deployment, secret: str, quiz_id: str | None, top: int = 10
) -> Subscriber:
    subscriber = await Subscriber.connect(
        server.ws_url(), payload={"authorization": f"Bearer {secret}"}
    )
    await subscriber.acknowledged()
    await subscriber.subscribe(BOARD, {"slug": server.slug, "quizId": quiz_id, "top": top})
    return subscriber


async def test_first_message_then_an_update_after_a_submit(server: Deployment) -> None:
    owner = await server.signed_in("owner")
    quiz = await two_point_quiz(owner, "Live one")
    first_student = await server.add_student(owner, "lia")
    await submit(first_student, quiz, 1)
    _key_id, secret = await key_for(owner, ["leaderboard:read"])
    subscriber = await board_subscriber(server, secret, quiz["id"])
    # the current top comes first
    first = (await subscriber.next_data())["leaderboardUpdated"]
    assert first["entries"] == [{"rank": 1, "displayName": "Lia", "score": 1.0}]
    assert first["changed"] is None
    # then a submit elsewhere is pushed without asking
    newcomer = await server.add_student(owner, "max")
    await submit(newcomer, quiz, 2)
    update = (await subscriber.next_data())["leaderboardUpdated"]
    assert update["entries"] == [
        {"rank": 1, "displayName": "Max", "score": 2.0},
        {"rank": 2, "displayName": "Lia", "score": 1.0},
    ]
    assert update["changed"] == {"rank": 1, "displayName": "Max", "score": 2.0}
    await subscriber.close()


async def test_the_org_board_sends_the_top_n_with_noa_first(server: Deployment) -> None:
    # an org of its own, so the org-wide board holds only this test's results
    school = await server.another_org()
    owner = await school.signed_in("owner")
    quiz = await two_point_quiz(owner, "Top n")
    kids = [await school.add_student(owner, name) for name in ("noa", "oli", "pim")]
    _key_id, secret = await key_for(owner, ["leaderboard:read"])
    subscriber = await board_subscriber(school, secret, None, top=2)
    assert (await subscriber.next_data())["leaderboardUpdated"]["entries"] == []
    for client, points in zip(kids, (2, 1, 0), strict=True):
        await submit(client, quiz, points)
    # updates may be coalesced; the board settles on the top two, Noa first
    top_two = [
        {"rank": 1, "displayName": "Noa", "score": 2.0},
        {"rank": 2, "displayName": "Oli", "score": 1.0},
    ]
    entries: list[dict[str, Any]] = []
    deadline = time.monotonic() + 10
    while entries != top_two:
        try:
            message = await subscriber.next_data(timeout=max(deadline - time.monotonic(), 0.1))
        except TimeoutError:
            break  # the assertion below shows what the board last said
        entries = message["leaderboardUpdated"]["entries"]
    assert entries == top_two
    await subscriber.close()


async def test_bursts_are_coalesced_and_the_last_message_is_current(server: Deployment) -> None:
    owner = await server.signed_in("owner")
    quiz = await two_point_quiz(owner, "Burst", attemptsAllowed=None)
    racer = await server.add_student(owner, "quinn")
    _key_id, secret = await key_for(owner, ["leaderboard:read"])
    subscriber = await board_subscriber(server, secret, quiz["id"])
    await subscriber.next_data()
    # when 30 results land as fast as the server takes them
    started = time.monotonic()
    await asyncio.gather(*(submit(racer, quiz, 1) for _ in range(29)))
    await submit(racer, quiz, 2)
    elapsed = time.monotonic() - started
    # then the subscriber gets far fewer messages than results, the last one current
    messages = []
    while True:
        try:
            messages.append((await subscriber.next_data(timeout=1.5))["leaderboardUpdated"])
        except TimeoutError:
            break
    assert 1 <= len(messages) <= elapsed * 10 + 3
    assert len(messages) < 30
    assert messages[-1]["entries"] == [{"rank": 1, "displayName": "Quinn", "score": 2.0}]
    await subscriber.close()


async def test_no_credentials_closes_with_4401(server: Deployment) -> None:
    subscriber = await Subscriber.connect(server.ws_url())
    assert await subscriber.close_code() == 4401


async def test_a_bad_key_closes_with_4403(server: Deployment) -> None:
    subscriber = await Subscriber.connect(
        server.ws_url(), payload={"authorization": "Bearer iq_live_" + "0" * 40}
    )
    assert await subscriber.close_code() == 4403


async def test_no_connection_init_closes_with_4408(server: Deployment) -> None:
    subscriber = await Subscriber.connect(server.ws_url(), init=False)
    assert await subscriber.close_code(timeout=15) == 4408


async def test_subscribing_before_the_ack_closes_with_4401(server: Deployment) -> None:
    subscriber = await Subscriber.connect(server.ws_url(), init=False)
    await subscriber.subscribe(BOARD, {"slug": server.slug})
    assert await subscriber.close_code() == 4401


async def test_revoking_the_key_cuts_a_live_subscription(server: Deployment) -> None:
    owner = await server.signed_in("owner")
    key_id, secret = await key_for(owner, ["leaderboard:read"])
    subscriber = await board_subscriber(server, secret, None)
    await subscriber.next_data()
    (await owner.gql(REVOKE_KEY, {"id": key_id})).ok()
    revoked_at = time.monotonic()
    assert await subscriber.close_code(timeout=5) == 4403
    assert time.monotonic() - revoked_at < 1.5


async def test_disabling_the_member_cuts_their_cookie_subscription(server: Deployment) -> None:
    owner = await server.signed_in("owner")
    student = await server.add_student(owner, "rex")
    student_id = (await student.gql(VIEWER_ID)).ok()["viewer"]["member"]["id"]
    subscriber = await Subscriber.connect(
        server.ws_url(), cookie=student.http.cookies["qg_session"]
    )
    await subscriber.acknowledged()
    await subscriber.subscribe(BOARD, {"slug": server.slug})
    await subscriber.next_data()
    (await owner.gql(DISABLE, {"id": student_id})).ok()
    assert await subscriber.close_code(timeout=5) == 4403


async def test_no_subscriber_hears_another_orgs_board(server: Deployment) -> None:
    owner = await server.signed_in("owner")
    quiz = await two_point_quiz(owner, "Private")
    _key_id, own_secret = await key_for(owner, ["leaderboard:read"])
    own = await board_subscriber(server, own_secret, None, top=100)
    await own.next_data()
    # given another org on the same server process
    other = await server.another_org()
    other_owner = await other.signed_in("owner")
    _other_id, other_secret = await key_for(other_owner, ["leaderboard:read"])
    other_quiz = await two_point_quiz(other_owner, "Theirs")
    # when a result lands there, it never reaches this org's subscriber
    await submit(await other.add_student(other_owner, "zara"), other_quiz, 2)
    with pytest.raises(TimeoutError):
        await own.next_data(timeout=1.5)
    # and this org's board can't be watched with the other org's key
    intruder = await Subscriber.connect(
        server.ws_url(), payload={"authorization": f"Bearer {other_secret}"}
    )
    await intruder.acknowledged()
    await intruder.subscribe(BOARD, {"slug": server.slug, "quizId": quiz["id"]})
    refused = await intruder.receive()
    assert refused["payload"]["errors"][0]["extensions"]["code"] == "NOT_FOUND"
    await intruder.close()
    await own.close()


async def test_the_legacy_graphql_ws_protocol_works(server: Deployment) -> None:
    owner = await server.signed_in("owner")
    _key_id, secret = await key_for(owner, ["leaderboard:read"])
    subscriber = await Subscriber.connect(
        server.ws_url(), payload={"authorization": f"Bearer {secret}"}, protocol=LEGACY_WS
    )
    await subscriber.acknowledged()
    await subscriber.subscribe(BOARD, {"slug": server.slug})
    assert "entries" in (await subscriber.next_data())["leaderboardUpdated"]
    await subscriber.close()


async def test_a_key_without_leaderboard_read_gets_an_error(server: Deployment) -> None:
    owner = await server.signed_in("owner")
    _key_id, secret = await key_for(owner, ["quizzes:read"])
    subscriber = await board_subscriber(server, secret, None)
    message = await subscriber.receive()
    assert "FORBIDDEN" in str(message)
    await subscriber.close()


@pytest.fixture(scope="module")
async def pair(database_url: str) -> AsyncIterator[Deployment]:
    """Two server processes on one database, sharing their boards' events through Redis
    (started once for the tests below: each makes its own quiz and students)."""
    async with deployment(database_url, processes=2, redis_url=REDIS_URL) as running:
        yield running


async def test_a_submit_on_one_process_reaches_a_subscriber_on_another(pair: Deployment) -> None:
    owner = await pair.signed_in("owner")
    quiz = await two_point_quiz(owner, "Across")
    student = await pair.add_student(owner, "sam")  # talks to process 0
    _key_id, secret = await key_for(owner, ["leaderboard:read"])
    subscriber = await Subscriber.connect(
        pair.ws_url(1), payload={"authorization": f"Bearer {secret}"}
    )
    await subscriber.acknowledged()
    await subscriber.subscribe(BOARD, {"slug": pair.slug, "quizId": quiz["id"]})
    assert (await subscriber.next_data())["leaderboardUpdated"]["entries"] == []
    await submit(student, quiz, 2)
    update = (await subscriber.next_data())["leaderboardUpdated"]
    assert update["entries"] == [{"rank": 1, "displayName": "Sam", "score": 2.0}]
    await subscriber.close()


async def test_one_redis_message_per_board_change_reaches_cohorts_on_both_processes(
    pair: Deployment,
) -> None:
    changes = 3
    # given a separate Redis connection listening on the servers' channel
    counter = Redis.from_url(REDIS_URL)
    counted = counter.pubsub()
    channel = get_settings().event_channel  # the servers' (this test run's own)
    await counted.subscribe(channel)
    try:
        owner = await pair.signed_in("owner")
        quiz = await two_point_quiz(owner, "Counted")
        quiz_id = relay.GlobalID.from_id(quiz["id"]).node_id
        students = [await pair.add_student(owner, f"cat{n}") for n in range(changes)]
        # and two cohorts on each process (two keys whose scopes differ), two
        # subscribers in each
        secrets = [
            (await key_for(owner, scopes))[1]
            for scopes in (["leaderboard:read"], ["leaderboard:read", "quizzes:read"])
        ]
        subscribers: list[tuple[int, Subscriber]] = []
        for index in (0, 1):
            for secret in secrets:
                for _ in range(2):
                    subscriber = await Subscriber.connect(
                        pair.ws_url(index), payload={"authorization": f"Bearer {secret}"}
                    )
                    await subscriber.acknowledged()
                    await subscriber.subscribe(
                        BOARD, {"slug": pair.slug, "quizId": quiz["id"], "top": 10}
                    )
                    first = (await subscriber.next_data())["leaderboardUpdated"]
                    assert first["entries"] == []
                    subscribers.append((index, subscriber))

        # when the board changes three times, each submit made on process 0 and
        # each change received everywhere before the next
        for n, student in enumerate(students):
            await submit(student, quiz, 2 if n == 0 else 1)
            # then every subscriber on both processes gets that change
            for _index, subscriber in subscribers:
                update = (await subscriber.next_data())["leaderboardUpdated"]
                assert update["changed"]["displayName"] == f"Cat{n}"
        assert {index for index, _ in subscribers} == {0, 1}

        # and the channel carried one message per change for this board, not one
        # per subscriber or per process (a sentinel marks the end of the count)
        sentinel = str(uuid.uuid4())
        await counter.publish(
            channel, encode(Event("test.sentinel", uuid.uuid4(), {"s": sentinel}))
        )
        board_messages = 0
        async with asyncio.timeout(10):  # a bound, not a measure
            async for message in counted.listen():
                if message.get("type") != "message":
                    continue
                body = orjson.loads(message["data"])
                if body["data"].get("s") == sentinel:
                    break
                if body["name"] == LEADERBOARD_UPDATED and body["data"].get("quizId") == quiz_id:
                    board_messages += 1
        assert board_messages == changes
        for _index, subscriber in subscribers:
            await subscriber.close()
    finally:
        await counted.aclose()  # type: ignore[no-untyped-call]
        await counter.aclose()


async def test_a_board_of_no_entries_or_past_the_most_is_refused_naming_top(
    server: Deployment,
) -> None:
    owner = await server.signed_in("owner")
    _key_id, secret = await key_for(owner, ["leaderboard:read"])
    subscriber = await Subscriber.connect(
        server.ws_url(), payload={"authorization": f"Bearer {secret}"}
    )
    await subscriber.acknowledged()
    for op_id, top in (("none", 0), ("too-many", 101)):
        await subscriber.subscribe(BOARD, {"slug": server.slug, "top": top}, op_id=op_id)
    outcomes = await subscriber.outcomes(["none", "too-many"])
    for messages in outcomes.values():
        errors = [
            error
            for message in messages
            for error in (
                message["payload"]
                if message["type"] == "error"
                else message.get("payload", {}).get("errors", [])
            )
        ]
        assert [error["extensions"]["code"] for error in errors] == ["BAD_USER_INPUT"]
        assert errors[0]["extensions"]["fields"] == {"top": "must be between 1 and 100"}
    await subscriber.close()
