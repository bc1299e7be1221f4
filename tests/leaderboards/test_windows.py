"""Boards equal the naive computation from the results, on seeded random histories.

Each history is a few students taking two quizzes with random scores and times over
about six weeks, the clock jumping across UTC days. At checkpoints every board (two
quizzes and org-wide; all time, 7 and 30 days) is read through the API and compared
with the board computed here from the raw results: right after a day change (the
window standings are stale, so the board is aggregated from the daily bests), once
they are rebuilt (read from the window standings), and after more results folded into
them. Every student's ``myRank`` must be their naively computed rank, and reading a
board two entries at a time must give the whole board.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import select
from sqlmodel import col

from app.core.clock import FrozenClock
from app.core.db import unit_of_work
from app.leaderboards import service
from app.leaderboards.models import WindowBuild
from tests.leaderboards.support import BOARD, answers, students, two_point_quiz
from tests.quizzes.api import START, SUBMIT
from tests.support.client import ApiClient
from tests.support.factories import OrgFixture
from tests.support.fixture_types import SignIn

NAMES = ("ann", "bob", "cyd", "dee", "eli")
WINDOWS = {"ALL_TIME": None, "LAST_7_DAYS": 7, "LAST_30_DAYS": 30}


@dataclass(frozen=True)
class Result:
    name: str
    quiz: int
    points: int
    seconds: int
    at: datetime


Entry = tuple[int, str, float, int, float | None]  # rank, name, score, attempts, seconds


def naive_board(
    results: list[Result], quiz: int | None, days: int | None, now: datetime
) -> list[Entry]:
    """The board by its definition: a quiz's best per member (higher score, less time,
    earlier), org-wide the sum of bests per quiz; a window of N days counts the results
    of the N UTC days ending today; equal standings share a rank."""
    first_day = None if days is None else now.date() - timedelta(days=days - 1)
    counted = [r for r in results if first_day is None or r.at.date() >= first_day]
    per_member: dict[str, list[Result]] = {}
    for result in counted:
        if quiz is None or result.quiz == quiz:
            per_member.setdefault(result.name, []).append(result)
    keyed: dict[str, tuple[tuple[Any, ...], Entry]] = {}
    for name, mine in per_member.items():
        if quiz is not None:
            best = min(mine, key=lambda r: (-r.points, r.seconds, r.at))
            key: tuple[Any, ...] = (-best.points, best.seconds, best.at)
            keyed[name] = (
                key,
                (0, name.title(), float(best.points), len(mine), float(best.seconds)),
            )
        else:
            total = sum(max(r.points for r in mine if r.quiz == q) for q in {r.quiz for r in mine})
            keyed[name] = ((-total,), (0, name.title(), float(total), len(mine), None))
    board = []
    for key, entry in keyed.values():
        rank = 1 + sum(1 for other, _ in keyed.values() if other < key)
        board.append((rank, *entry[1:]))
    return sorted(board)


def entries(connection: dict[str, Any]) -> list[Entry]:
    return [_entry(edge["node"]) for edge in connection["edges"]]


def _entry(node: dict[str, Any]) -> Entry:
    return (
        node["rank"],
        node["displayName"],
        node["score"],
        node["attempts"],
        node["timeTakenSeconds"],
    )


class History:
    def __init__(self, org: OrgFixture, signed_in: SignIn, clock: FrozenClock) -> None:
        self.org, self.signed_in, self.clock = org, signed_in, clock
        self.results: list[Result] = []
        self.quizzes: list[dict[str, Any]] = []
        self.clients: dict[str, ApiClient] = {}

    async def start(self) -> None:
        teacher = await self.signed_in(self.org, "teacher")
        for title in ("One", "Two"):
            self.quizzes.append(await two_point_quiz(teacher, title, attemptsAllowed=None))
        self.clients = await students(self.org, self.signed_in, *NAMES)

    async def sign_in_again(self) -> None:
        """After a jump of the clock every session has been idle too long."""
        for name in (*NAMES, "teacher"):
            self.clients[name] = await self.signed_in(self.org, name)

    async def take(self, name: str, quiz: int, points: int, seconds: int) -> None:
        client = self.clients[name]
        started = await client.gql(START, {"quizId": self.quizzes[quiz]["id"]})
        attempt = started.ok()["startAttempt"]["attempt"]
        self.clock.advance(seconds=seconds)
        answered = {"attemptId": attempt["id"], "answers": answers(self.quizzes[quiz], points)}
        (await client.gql(SUBMIT, {"input": answered})).ok()
        self.results.append(Result(name, quiz, points, seconds, self.clock.now()))

    async def read(
        self, client: ApiClient, quiz: int | None, window: str, **more: Any
    ) -> dict[str, Any]:
        variables = {"slug": self.org.slug, "window": window, **more}
        if quiz is not None:
            variables["quizId"] = self.quizzes[quiz]["id"]
        result = await client.gql(BOARD, variables)
        board: dict[str, Any] = result.ok()["organization"]["leaderboard"]
        return board

    async def check_every_board(self) -> None:
        for window, days in WINDOWS.items():
            for quiz in (0, 1, None):
                expected = naive_board(self.results, quiz, days, self.clock.now())
                whole = await self.read(self.clients["teacher"], quiz, window, first=100)
                assert sorted(entries(whole)) == expected, (window, quiz)
                assert whole["totalCount"] == len(expected)
                assert [e[0] for e in entries(whole)] == sorted(e[0] for e in expected)
                assert await self.paged(quiz, window) == entries(whole)
                for name in NAMES:
                    mine = (await self.read(self.clients[name], quiz, window, first=1))["myRank"]
                    naive = next((e for e in expected if e[1] == name.title()), None)
                    if naive is None:
                        assert mine is None
                    else:
                        assert (mine["rank"], mine["score"], mine["attempts"]) == (
                            naive[0],
                            naive[2],
                            naive[3],
                        ), (window, quiz, name)

    async def paged(self, quiz: int | None, window: str) -> list[Entry]:
        """The whole board read two entries at a time through the cursors."""
        seen: list[Entry] = []
        after = None
        while True:
            page = await self.read(self.clients["teacher"], quiz, window, first=2, after=after)
            seen += entries(page)
            if not page["pageInfo"]["hasNextPage"]:
                return seen
            after = page["pageInfo"]["endCursor"]


async def built_on(org: OrgFixture) -> dict[int, date]:
    """The day each window's standings end on (read from the table: no API shows it)."""
    async with unit_of_work(write=False) as db:
        rows = await db.execute(
            select(col(WindowBuild.window_days), col(WindowBuild.day)).where(
                col(WindowBuild.org_id) == org.id
            )
        )
        return {days: day for days, day in rows.all()}


@pytest.mark.parametrize("seed", [7, 2026])
async def test_every_board_equals_the_naive_board_of_a_random_history(
    org: OrgFixture, signed_in: SignIn, clock: FrozenClock, seed: int
) -> None:
    rng = random.Random(seed)
    history = History(org, signed_in, clock)
    await history.start()
    for step in range(14):
        # a jump of 2 hours to 4 days (once, 25 days: older results leave the windows)
        clock.advance(hours=25 * 24 if step == 9 else rng.randint(2, 96))
        await history.sign_in_again()
        for name in rng.sample(NAMES, rng.randint(1, 3)):
            # few distinct scores and times, so equal standings are common
            await history.take(name, rng.randrange(2), rng.randint(0, 2), rng.randint(1, 3))
        if step % 4 == 3 or step == 9:
            # the first read of the day aggregates the daily bests and starts a rebuild
            await history.check_every_board()
            await service.rebuilds_settled()
            # then the window standings, rebuilt for today
            assert await built_on(org) == {7: clock.now().date(), 30: clock.now().date()}
            await history.check_every_board()
            # and after a result folded into them, still the same as computed here
            await history.take(rng.choice(NAMES), rng.randrange(2), 2, rng.randint(1, 3))
            await history.check_every_board()


async def test_results_scored_during_a_rebuild_are_not_held_or_lost(
    org: OrgFixture, signed_in: SignIn, clock: FrozenClock
) -> None:
    # given window standings built yesterday from every student's results
    history = History(org, signed_in, clock)
    await history.start()
    await history.sign_in_again()
    for points, name in enumerate(NAMES[:4]):
        await history.take(name, 0, points % 3, 5)
    await history.check_every_board()
    await service.rebuilds_settled()
    clock.advance(hours=24)
    await history.sign_in_again()
    await history.take("ann", 1, 2, 3)  # scored today, before the rebuild
    today = clock.now().date()
    # when the rebuild runs one member per transaction
    steps = service.rebuild_in_steps(org.id, 7, today, batch=1)
    assert await anext(steps) == 0  # claimed
    assert await anext(steps) == 1  # the first member recomputed
    # then results scored between its transactions complete (nothing holds them):
    # one of a member already recomputed, one of a member not yet, one of a new one
    await history.take("ann", 0, 2, 1)
    await history.take("dee", 0, 2, 2)
    await history.take("eli", 1, 1, 2)
    assert (await built_on(org))[7] < today  # the rebuild is still under way
    async for _ in steps:
        pass
    # and none is lost: the rebuilt standings are the boards of every result
    assert (await built_on(org))[7] == today
    await history.check_every_board()
