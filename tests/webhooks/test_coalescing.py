"""leaderboard.updated is coalesced: at most one delivery per endpoint per board per
window, carrying the board's top when it is sent; a result changes two boards, the
quiz's and the org-wide one, and each is delivered on its own."""

from __future__ import annotations

import json
from collections import Counter

from app.access.scopes import Role
from app.core.clock import FrozenClock
from app.webhooks.catalog import COALESCE_SECONDS
from app.webhooks.worker import Worker
from tests.attempts.test_reveal import take
from tests.quizzes.api import published_quiz, right_answers
from tests.support.factories import OrgFixture
from tests.support.fixture_types import SignIn
from tests.webhooks.support import Receiver, create_webhook, drain


def boards(receiver: Receiver, path: str) -> Counter[str | None]:
    """How many leaderboard.updated each board got at ``path`` (None: the org's)."""
    return Counter(json.loads(item.body)["data"]["quizId"] for item in receiver.on(path))


def tops(receiver: Receiver, path: str) -> dict[str | None, list[str]]:
    """Each board's last top at ``path``, as display names in rank order."""
    found: dict[str | None, list[str]] = {}
    for item in receiver.on(path):
        data = json.loads(item.body)["data"]
        found[data["quizId"]] = [row["displayName"] for row in data["top"]]
    return found


async def test_results_in_one_window_make_one_delivery_per_endpoint_per_board(
    org: OrgFixture,
    signed_in: SignIn,
    receiver: Receiver,
    worker: Worker,
    frozen_clock: FrozenClock,
) -> None:
    # given two endpoints subscribed to leaderboard.updated and three students
    owner = await signed_in(org, "owner")
    for path in ("/a", "/b"):
        await create_webhook(owner, receiver.url(path), events=["leaderboard.updated"])
    for name in ("ann", "bob"):
        await org.add(name, Role.STUDENT)
    quiz = await published_quiz(await signed_in(org, "teacher"))
    # when all three submit within one window
    for name in ("student", "ann", "bob"):
        await take(await signed_in(org, name), quiz["id"], right_answers(quiz))
    assert await drain(worker) == 0  # nothing is due before the window ends
    frozen_clock.advance(seconds=COALESCE_SECONDS + 1)
    assert await drain(worker) == 4
    # then each endpoint got one message per board, with the top of all three
    for path in ("/a", "/b"):
        assert boards(receiver, path) == {quiz["id"]: 1, None: 1}
        for top in tops(receiver, path).values():
            assert sorted(top) == ["Ann", "Bob", "Student"]
    # and a result after the window is one more per board, carrying the top as it is then
    await org.add("cid", Role.STUDENT)
    await take(await signed_in(org, "cid"), quiz["id"], right_answers(quiz))
    await take(await signed_in(org, "cid"), quiz["id"], right_answers(quiz))
    assert await drain(worker) == 0
    frozen_clock.advance(seconds=COALESCE_SECONDS + 1)
    assert await drain(worker) == 4
    for path in ("/a", "/b"):
        assert boards(receiver, path) == {quiz["id"]: 2, None: 2}
        for top in tops(receiver, path).values():
            assert sorted(top) == ["Ann", "Bob", "Cid", "Student"]
    ids = [item.headers["webhook-id"] for item in receiver.received]
    assert len(set(ids)) == len(ids) == 8


async def test_the_org_board_gathers_every_quiz(
    org: OrgFixture,
    signed_in: SignIn,
    receiver: Receiver,
    worker: Worker,
    frozen_clock: FrozenClock,
) -> None:
    # given results on two quizzes within one window
    owner = await signed_in(org, "owner")
    await create_webhook(owner, receiver.url(), events=["leaderboard.updated"])
    teacher = await signed_in(org, "teacher")
    first, second = await published_quiz(teacher), await published_quiz(teacher)
    student = await signed_in(org, "student")
    await take(student, first["id"], right_answers(first))
    await take(student, second["id"], right_answers(second))
    frozen_clock.advance(seconds=COALESCE_SECONDS + 1)
    await drain(worker)
    # then each quiz's board once, and the org's board once for both
    assert boards(receiver, "/hook") == {first["id"]: 1, second["id"]: 1, None: 1}
    org_board = next(
        json.loads(item.body)["data"]
        for item in receiver.received
        if json.loads(item.body)["data"]["quizId"] is None
    )
    [row] = org_board["top"]
    assert row["displayName"] == "Student" and row["rank"] == 1
    assert row["attempts"] == 2
