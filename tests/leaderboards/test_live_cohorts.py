"""Live boards in cohorts, over real sockets (a uvicorn process on the run's database).

Subscribers with the same document, variables and visibility share one cohort per
process (``app.graphql.live``): these tests check what a client sees of that. A
subscriber cut off (revoked key, changed role) leaves its cohort and the others go
on; the first message and the updates are the board's, whatever the cohort.
"""

from __future__ import annotations

import os
from collections.abc import AsyncIterator
from typing import Any

import pytest

from tests.leaderboards.support import two_point_quiz
from tests.leaderboards.test_live import BOARD, REVOKE_KEY, key_for, submit
from tests.support.client import ApiClient
from tests.support.servers import PASSWORD, Deployment, deployment
from tests.support.websocket import Subscriber

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
