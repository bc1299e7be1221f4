"""Live boards in cohorts, over real sockets (a uvicorn process on the run's database).

Subscribers with the same document, variables and visibility share one cohort per
process (``app.graphql.live``): these tests check what a client sees of that. A
subscriber cut off (revoked key, changed role) leaves its cohort and the others go
on; the first message and the updates are the board's, whatever the cohort.
"""

from __future__ import annotations

import asyncio
import os
import socket
from collections.abc import AsyncIterator
from typing import Any

import pytest
import websockets
from websockets.typing import Subprotocol

from app.graphql.live import SLOW_CONSUMER_CLOSE, SLOW_CONSUMER_REASON
from tests.leaderboards.support import two_point_quiz
from tests.leaderboards.test_live import BOARD, REVOKE_KEY, key_for, submit
from tests.support.client import ApiClient
from tests.support.servers import PASSWORD, Deployment, deployment
from tests.support.websocket import LEGACY_WS, TRANSPORT_WS, Subscriber

ADD_MEMBER = """mutation($input: AddMemberInput!) { addMember(input: $input) { member { id } } }"""
UPDATE_ROLE = """mutation($id: ID!, $role: Role!) {
  updateMember(input: {id: $id, role: $role}) { member { role } } }"""


@pytest.fixture(scope="module")
async def server(database_url: str) -> AsyncIterator[Deployment]:
    async with deployment(database_url) as running:
        yield running


async def key_subscriber(server: Deployment, secret: str, quiz_id: str) -> Subscriber:
    subscriber = await Subscriber.connect(
        server.ws_url(), payload={"authorization": f"Bearer {secret}"}
    )
    await subscriber.acknowledged()
    await subscriber.subscribe(BOARD, {"slug": server.slug, "quizId": quiz_id, "top": 10})
    return subscriber


async def cookie_subscriber(server: Deployment, client: ApiClient, quiz_id: str) -> Subscriber:
    subscriber = await Subscriber.connect(server.ws_url(), cookie=client.http.cookies["qg_session"])
    await subscriber.acknowledged()
    await subscriber.subscribe(BOARD, {"slug": server.slug, "quizId": quiz_id, "top": 10})
    return subscriber


def top_entry(message: dict[str, Any]) -> dict[str, Any] | None:
    board = message["leaderboardUpdated"]
    entries = board["entries"] if "entries" in board else board["e0"]
    return entries[0] if entries else None


async def test_a_revoked_key_is_cut_off_and_its_cohort_goes_on(server: Deployment) -> None:
    owner = await server.signed_in("owner")
    quiz = await two_point_quiz(owner, "Cohort revoke")
    # two keys of one owner with the same scopes: the same visibility, one cohort
    revoked_id, revoked_secret = await key_for(owner, ["leaderboard:read"])
    _kept_id, kept_secret = await key_for(owner, ["leaderboard:read"])
    revoked = await key_subscriber(server, revoked_secret, quiz["id"])
    kept = await key_subscriber(server, kept_secret, quiz["id"])
    assert (await revoked.next_data())["leaderboardUpdated"]["entries"] == []
    assert (await kept.next_data())["leaderboardUpdated"]["entries"] == []
    # when one key is revoked, its socket is closed
    (await owner.gql(REVOKE_KEY, {"id": revoked_id})).ok()
    assert await revoked.close_code(timeout=5) == 4403
    # and the other member of the cohort still gets the board's next change
    name = f"c{os.urandom(3).hex()}"
    await submit(await server.add_student(owner, name), quiz, 2)
    assert top_entry(await kept.next_data()) == {
        "rank": 1,
        "displayName": name.title(),
        "score": 2.0,
    }
    await kept.close()


async def test_a_changed_role_closes_one_socket_and_its_reconnect_joins_the_new_cohort(
    server: Deployment,
) -> None:
    owner = await server.signed_in("owner")
    quiz = await two_point_quiz(owner, "Cohort role")
    teachers: list[tuple[str, ApiClient]] = []
    for _ in range(2):
        name = f"t{os.urandom(3).hex()}"
        member = {"username": name, "displayName": "T", "role": "TEACHER", "password": PASSWORD}
        added = (await owner.gql(ADD_MEMBER, {"input": member})).ok()
        teachers.append((added["addMember"]["member"]["id"], await server.signed_in(name)))
    (demoted_id, demoted), (_other_id, other) = teachers
    demoted_socket = await cookie_subscriber(server, demoted, quiz["id"])
    other_socket = await cookie_subscriber(server, other, quiz["id"])
    assert (await demoted_socket.next_data())["leaderboardUpdated"]["entries"] == []
    assert (await other_socket.next_data())["leaderboardUpdated"]["entries"] == []
    # when the owner makes one teacher a student, that socket alone is closed
    (await owner.gql(UPDATE_ROLE, {"id": demoted_id, "role": "STUDENT"})).ok()
    assert await demoted_socket.closed(timeout=5) == (4403, "Role changed; reconnect")
    student = await server.add_student(owner, f"s{os.urandom(3).hex()}")
    await submit(student, quiz, 2)
    update = await other_socket.next_data()
    assert top_entry(update) is not None
    assert top_entry(update)["score"] == 2.0  # type: ignore[index]
    # and the reconnect, now a student's (another visibility, another cohort), gets
    # the board as it is, then its changes
    again = await cookie_subscriber(server, demoted, quiz["id"])
    assert (await again.next_data())["leaderboardUpdated"]["entries"] == update[
        "leaderboardUpdated"
    ]["entries"]
    await submit(student, quiz, 1)
    assert top_entry(await again.next_data())["score"] == 2.0  # type: ignore[index]
    assert top_entry(await other_socket.next_data())["score"] == 2.0  # type: ignore[index]
    await again.close()
    await other_socket.close()


# A heavy board message: 25 copies of the entries (max_aliases is 30), ~9 KB a frame
# with three long names on the board.
HEAVY_BOARD = (
    "subscription($slug: String!, $quizId: ID, $top: Int) {"
    " leaderboardUpdated(orgSlug: $slug, quizId: $quizId, top: $top) { quizId "
    + " ".join(f"e{n}: entries {{ rank displayName score }}" for n in range(25))
    + " changed { rank displayName score } } }"
)


async def test_a_client_that_stops_reading_is_closed_with_4008_and_others_get_every_update(
    server: Deployment,
) -> None:
    owner = await server.signed_in("owner")
    quiz = await two_point_quiz(owner, "Slow consumer", attemptsAllowed=None)
    students = []
    for _ in range(3):
        name = f"s{os.urandom(3).hex()}"
        member = {"username": name, "displayName": name * 11, "role": "STUDENT"}
        (await owner.gql(ADD_MEMBER, {"input": {**member, "password": PASSWORD}})).ok()
        students.append(await server.signed_in(name))
        await submit(students[-1], quiz, 1)
    _key_id, secret = await key_for(owner, ["leaderboard:read"])
    variables = {"slug": server.slug, "quizId": quiz["id"], "top": 10}
    # a client with a small receive buffer runs 20 heavy subscriptions (the most a
    # connection may), reads their first messages, then stops reading from its socket
    sock = socket.create_connection(("127.0.0.1", int(server.urls[0].rsplit(":", 1)[1])))
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
    connection = await websockets.connect(
        server.ws_url(), sock=sock, subprotocols=[Subprotocol(TRANSPORT_WS)], max_queue=1
    )
    slow = Subscriber(connection, TRANSPORT_WS)
    await slow.send({"type": "connection_init", "payload": {"authorization": f"Bearer {secret}"}})
    await slow.acknowledged()
    for op in range(20):
        await slow.subscribe(HEAVY_BOARD, variables, op_id=str(op))
    firsts = {(await slow.receive())["id"] for _ in range(20)}
    assert firsts == {str(op) for op in range(20)}
    transport = connection.transport
    assert isinstance(transport, asyncio.Transport)
    transport.pause_reading()
    # another subscriber of the same cohort keeps reading
    fast = await key_subscriber(server, secret, quiz["id"])
    await fast.subscribe(HEAVY_BOARD, variables, op_id="heavy")
    await fast.next_data()  # the board subscription's first message
    await fast.next_data()  # the heavy one's
    # when the board changes 8 times (~180 KB a change for the slow socket)
    for _ in range(8):
        await submit(students[0], quiz, 2)
        # the other subscriber gets every change, both subscriptions
        received = {(await fast.receive())["id"], (await fast.receive())["id"]}
        assert received == {"1", "heavy"}
    # then the slow client, reading again, finds its socket closed as a slow consumer
    transport.resume_reading()
    assert await slow.closed(timeout=10) == (SLOW_CONSUMER_CLOSE, SLOW_CONSUMER_REASON)
    await fast.close()


async def test_a_held_subscription_ends_only_when_the_client_completes_it(
    server: Deployment,
) -> None:
    # given a subscription whose first message went out: its execution has ended on
    # the server (the socket holds it), and the client got no complete
    owner = await server.signed_in("owner")
    quiz = await two_point_quiz(owner, "Held subscription", attemptsAllowed=None)
    _key_id, secret = await key_for(owner, ["leaderboard:read"])
    student = await server.add_student(owner, f"h{os.urandom(3).hex()}")
    subscriber = await key_subscriber(server, secret, quiz["id"])
    assert (await subscriber.next_data())["leaderboardUpdated"]["entries"] == []
    # when another subscribe reuses its id, the socket is closed as the protocol says
    reusing = await key_subscriber(server, secret, quiz["id"])
    await reusing.next_data()
    await reusing.subscribe(BOARD, {"slug": server.slug, "quizId": quiz["id"]}, op_id="1")
    assert await reusing.closed(timeout=5) == (4409, "Subscriber for 1 already exists")
    # and the held one still gets every change
    await submit(student, quiz, 2)
    assert top_entry(await subscriber.next_data())["score"] == 2.0  # type: ignore[index]
    # when the client completes it, nothing more comes for it (no complete echoed)
    await subscriber.send({"id": "1", "type": "complete"})
    await subscriber.subscribe(BOARD, {"slug": server.slug, "quizId": quiz["id"]}, op_id="2")
    second = await subscriber.receive()
    assert (second["id"], second["type"]) == ("2", "next")
    await submit(student, quiz, 1)
    after = await subscriber.receive()
    assert (after["id"], after["type"]) == ("2", "next")
    # and its id can be used again
    await subscriber.subscribe(BOARD, {"slug": server.slug, "quizId": quiz["id"]}, op_id="1")
    again = await subscriber.receive()
    assert (again["id"], again["type"]) == ("1", "next")
    await subscriber.close()


async def test_held_subscriptions_count_against_the_connections_limit(
    server: Deployment,
) -> None:
    owner = await server.signed_in("owner")
    quiz = await two_point_quiz(owner, "Held limit")
    _key_id, secret = await key_for(owner, ["leaderboard:read"])
    subscriber = await key_subscriber(server, secret, quiz["id"])
    variables = {"slug": server.slug, "quizId": quiz["id"]}
    for op in range(2, 21):  # 20 in all, the most a connection may run
        await subscriber.subscribe(BOARD, variables, op_id=str(op))
    firsts = {(await subscriber.receive())["id"] for _ in range(20)}
    assert firsts == {str(op) for op in range(1, 21)}
    # when a 21st is sent, it is refused with the limit's code
    await subscriber.subscribe(BOARD, variables, op_id="21")
    refused = await subscriber.receive()
    assert refused["type"] == "error" and refused["id"] == "21"
    assert refused["payload"][0]["extensions"]["code"] == "RATE_LIMITED"
    # and after one is completed, another may start
    await subscriber.send({"id": "5", "type": "complete"})
    await subscriber.subscribe(BOARD, variables, op_id="22")
    started = await subscriber.receive()
    assert (started["id"], started["type"]) == ("22", "next")
    await subscriber.close()


async def test_a_legacy_stop_ends_a_held_subscription(server: Deployment) -> None:
    owner = await server.signed_in("owner")
    quiz = await two_point_quiz(owner, "Held legacy", attemptsAllowed=None)
    _key_id, secret = await key_for(owner, ["leaderboard:read"])
    student = await server.add_student(owner, f"l{os.urandom(3).hex()}")
    legacy = await Subscriber.connect(
        server.ws_url(), payload={"authorization": f"Bearer {secret}"}, protocol=LEGACY_WS
    )
    await legacy.acknowledged()
    variables = {"slug": server.slug, "quizId": quiz["id"]}
    await legacy.subscribe(BOARD, variables, op_id="a")
    await legacy.subscribe(BOARD, variables, op_id="b")
    assert {(await legacy.receive())["id"] for _ in range(2)} == {"a", "b"}
    # when the client stops one, only the other gets the next change
    await legacy.send({"id": "a", "type": "stop"})
    await submit(student, quiz, 2)
    message = await legacy.receive()
    assert (message["id"], message["type"]) == ("b", "data")
    await legacy.send({"id": "b", "type": "stop"})
    await submit(student, quiz, 1)
    with pytest.raises(TimeoutError):
        await legacy.receive(timeout=1.5)
    await legacy.close()
