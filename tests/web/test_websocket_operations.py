"""What a websocket may carry, and how each operation on it stands alone.

Against a real uvicorn process (one per database), as clients would see it:
subscriptions only (queries and mutations are refused with BAD_USER_INPUT and
change nothing), malformed messages answered with 4400, the legacy protocol's
init timeout, and a credential re-checked on every subscribe and by the watch
(role changes included).
"""

from __future__ import annotations

import json
import os
from collections.abc import AsyncIterator
from typing import Any

import pytest

from app.audit import service as audit
from app.core.db import unit_of_work
from tests.support.client import LOGIN, ApiClient
from tests.support.servers import PASSWORD, Deployment, deployment
from tests.support.websocket import LEGACY_WS, TRANSPORT_WS, Subscriber

BOARD = """subscription($slug: String!, $quizId: ID) {
  leaderboardUpdated(orgSlug: $slug, quizId: $quizId) { entries { rank } }
}"""
ADD_MEMBER = """mutation($input: AddMemberInput!) { addMember(input: $input) { member { id } } }"""
CREATE_QUIZ = """mutation($input: CreateQuizInput!) { createQuiz(input: $input) { quiz { id } } }"""
LOGOUT = "mutation { logout { ok } }"
CREATE_KEY = """mutation($input: CreateApiKeyInput!) {
  createApiKey(input: $input) { apiKey { id } secret } }"""
UPDATE_ROLE = """mutation($id: ID!, $role: Role!) {
  updateMember(input: {id: $id, role: $role}) { member { role } } }"""
WHAT_PERSISTED = """query($slug: String!, $title: String!, $username: String!) {
  organization(slug: $slug) {
    quizzes(search: $title) { totalCount }
    members(search: $username) { totalCount }
    auditLog { totalCount }
  }
}"""
VIEWER = "{ viewer { kind member { id } } }"


@pytest.fixture(scope="module")
async def server(database_url: str) -> AsyncIterator[Deployment]:
    env = {"QUIZGRAPH_WEBSOCKET_INIT_TIMEOUT_SECONDS": "1"}
    async with deployment(database_url, extra_env=env) as running:
        yield running


async def signed_in_socket(server: Deployment, client: ApiClient, protocol: str) -> Subscriber:
    socket = await Subscriber.connect(
        server.ws_url(), cookie=client.http.cookies["qg_session"], protocol=protocol
    )
    await socket.acknowledged()
    return socket


def operation(
    protocol: str, op_id: str, query: str, variables: dict[str, Any] | None = None
) -> dict[str, Any]:
    kind = "subscribe" if protocol == TRANSPORT_WS else "start"
    return {"id": op_id, "type": kind, "payload": {"query": query, "variables": variables or {}}}


def refusal(messages: list[dict[str, Any]]) -> dict[str, Any]:
    """The one error an operation got before it ran, whichever protocol carried it."""
    assert len(messages) == 1 and messages[0]["type"] == "error", messages
    payload = messages[0]["payload"]
    found: dict[str, Any] = payload[0] if isinstance(payload, list) else payload
    return found


def first_error(messages: list[dict[str, Any]]) -> dict[str, Any]:
    """The first error an operation got: before it ran, or in its first result."""
    if messages[0]["type"] == "error":
        return refusal(messages[:1])
    error: dict[str, Any] = messages[0]["payload"]["errors"][0]
    return error


@pytest.mark.parametrize("protocol", [TRANSPORT_WS, LEGACY_WS])
async def test_mutations_sent_at_once_are_refused_and_nothing_persists(
    server: Deployment, protocol: str
) -> None:
    owner = await server.signed_in("owner")
    title, username = f"Socket quiz {os.urandom(3).hex()}", f"ws{os.urandom(3).hex()}"
    persisted = {"slug": server.slug, "title": title, "username": username}
    before = (await owner.gql(WHAT_PERSISTED, persisted)).ok()["organization"]
    socket = await signed_in_socket(server, owner, protocol)
    # when one addMember and 19 createQuiz go out back to back on one socket
    new_member = {"username": username, "displayName": "W", "role": "STUDENT", "password": PASSWORD}
    await socket.send(operation(protocol, "0", ADD_MEMBER, {"input": new_member}))
    for n in range(1, 20):
        quiz = {"input": {"title": f"{title} {n}"}}
        await socket.send(operation(protocol, str(n), CREATE_QUIZ, quiz))
    outcomes = await socket.outcomes([str(n) for n in range(20)])
    # then each is refused with a code and a message saying where mutations go
    for messages in outcomes.values():
        error = refusal(messages)
        assert error["extensions"]["code"] == "BAD_USER_INPUT", error
        assert "HTTP POST" in error["message"], error
    await socket.close()
    # and nothing changed: no quiz, no member, no audit event, the chain intact
    after = (await owner.gql(WHAT_PERSISTED, persisted)).ok()["organization"]
    assert after == before
    assert after["quizzes"]["totalCount"] == 0 and after["members"]["totalCount"] == 0
    # (the check of ``quizgraph audit verify --org``, made here: no process to start)
    async with unit_of_work(server.env["QUIZGRAPH_DATABASE_URL"], write=False) as db:
        assert await audit.verify_all(db, org_slug=server.slug) == []


@pytest.mark.parametrize("protocol", [TRANSPORT_WS, LEGACY_WS])
async def test_login_logout_and_queries_over_a_websocket_get_a_clear_answer(
    server: Deployment, protocol: str
) -> None:
    owner = await server.signed_in("owner")
    socket = await signed_in_socket(server, owner, protocol)
    credentials = {
        "orgSlug": server.slug,
        "portalCode": server.portal_code,
        "username": "owner",
        "password": PASSWORD,
    }
    await socket.send(operation(protocol, "login", LOGIN, {"input": credentials}))
    await socket.send(operation(protocol, "logout", LOGOUT))
    await socket.send(operation(protocol, "query", VIEWER))
    outcomes = await socket.outcomes(["login", "logout", "query"])
    for messages in outcomes.values():
        error = refusal(messages)
        assert error["extensions"]["code"] == "BAD_USER_INPUT", error
        assert "HTTP POST" in error["message"], error
    # the socket still serves subscriptions, and the session was not ended
    await socket.send(operation(protocol, "board", BOARD, {"slug": server.slug}))
    assert "leaderboardUpdated" in await socket.next_data()
    await socket.close()
    assert (await owner.gql(VIEWER)).ok()["viewer"]["kind"] == "MEMBER"


async def test_a_legacy_socket_that_never_initialises_is_closed_after_the_timeout(
    server: Deployment,
) -> None:
    socket = await Subscriber.connect(server.ws_url(), protocol=LEGACY_WS, init=False)
    assert await socket.close_code(timeout=15) == 4408


@pytest.mark.parametrize(
    ("protocol", "message"),
    [
        (LEGACY_WS, {"type": "start", "id": "1"}),
        (LEGACY_WS, {"type": "start", "id": "1", "payload": {"variables": {}}}),
        (LEGACY_WS, {"type": "start", "id": "1", "payload": "not an object"}),
        (LEGACY_WS, {"id": "1"}),
        (LEGACY_WS, ["not", "an", "object"]),
        (TRANSPORT_WS, {"type": "subscribe", "id": "1", "payload": "not an object"}),
        (TRANSPORT_WS, {"type": "subscribe", "id": 1, "payload": {"query": BOARD}}),
        (TRANSPORT_WS, ["not", "an", "object"]),
    ],
)
async def test_a_malformed_message_closes_with_4400(
    server: Deployment, protocol: str, message: object
) -> None:
    owner = await server.signed_in("owner")
    socket = await signed_in_socket(server, owner, protocol)
    await socket.connection.send(json.dumps(message))
    if protocol == LEGACY_WS:
        # the legacy protocol has no close codes of its own: say why first
        assert (await socket.receive())["type"] == "connection_error"
    assert await socket.close_code() == 4400


async def test_a_second_legacy_connection_init_is_refused(server: Deployment) -> None:
    owner = await server.signed_in("owner")
    socket = await signed_in_socket(server, owner, LEGACY_WS)
    await socket.send({"type": "connection_init", "payload": {}})
    assert await socket.close_code() == 4429


async def test_a_demoted_teacher_loses_the_draft_board(server: Deployment) -> None:
    owner = await server.signed_in("owner")
    teacher_name = f"t{os.urandom(3).hex()}"
    new_member = {
        "username": teacher_name,
        "displayName": "T",
        "role": "TEACHER",
        "password": PASSWORD,
    }
    added = (await owner.gql(ADD_MEMBER, {"input": new_member})).ok()
    member_id = added["addMember"]["member"]["id"]
    teacher = await server.signed_in(teacher_name)
    draft = (await teacher.gql(CREATE_QUIZ, {"input": {"title": "Draft"}})).ok()
    draft_id = draft["createQuiz"]["quiz"]["id"]
    socket = await signed_in_socket(server, teacher, TRANSPORT_WS)
    await socket.subscribe(BOARD, {"slug": server.slug, "quizId": draft_id})
    assert (await socket.next_data())["leaderboardUpdated"]["entries"] == []
    # when the owner makes the teacher a student
    (await owner.gql(UPDATE_ROLE, {"id": member_id, "role": "STUDENT"})).ok()
    # then the socket closes (the watch checks every half second) ...
    assert await socket.closed(timeout=5) == (4403, "Role changed; reconnect")
    # ... and on a new one, the draft's board is not there for a student
    again = await signed_in_socket(server, teacher, TRANSPORT_WS)
    await again.subscribe(BOARD, {"slug": server.slug, "quizId": draft_id})
    error = first_error((await again.outcomes(["1"]))["1"])
    assert error["extensions"]["code"] == "NOT_FOUND"
    await again.close()


async def test_every_subscribe_passes_the_door_again(server: Deployment) -> None:
    """A key's subscribes count against its rate limit, like HTTP requests: each one
    re-resolves the key (so a changed key or role takes effect on the next subscribe)."""
    owner = await server.signed_in("owner")
    key = {"name": "two a minute", "scopes": ["leaderboard:read"], "rateLimitPerMinute": 2}
    secret = (await owner.gql(CREATE_KEY, {"input": key})).ok()["createApiKey"]["secret"]
    socket = await Subscriber.connect(
        server.ws_url(), payload={"authorization": f"Bearer {secret}"}
    )
    await socket.acknowledged()  # the first request of the minute
    await socket.subscribe(BOARD, {"slug": server.slug}, op_id="1")  # the second
    assert "leaderboardUpdated" in await socket.next_data()
    await socket.subscribe(BOARD, {"slug": server.slug}, op_id="2")  # one too many
    error = first_error((await socket.outcomes(["2"]))["2"])
    assert error["extensions"]["code"] == "RATE_LIMITED"
    await socket.close()
