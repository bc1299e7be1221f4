"""Ranked boards: order, ties, best attempts, org-wide sums, windows, pages, myRank."""

from __future__ import annotations

import pytest

from app.core.clock import FrozenClock
from tests.leaderboards.support import board, ranking, students, take, two_point_quiz
from tests.support.factories import OrgFixture
from tests.support.fixture_types import SignIn
from tests.support.statements import counting


async def test_quiz_board_orders_by_score_then_time_then_submission(
    org: OrgFixture, signed_in: SignIn, clock: FrozenClock
) -> None:
    teacher = await signed_in(org, "teacher")
    quiz = await two_point_quiz(teacher)
    kids = await students(org, signed_in, "ann", "ben", "cat", "dan")
    # given: ann 2 points in 30 s, ben 2 in 20 s, dan 2 in 20 s but later, cat 1 point fast
    await take(kids["ann"], quiz, 2, 30, clock)
    await take(kids["ben"], quiz, 2, 20, clock)
    await take(kids["cat"], quiz, 1, 5, clock)
    await take(kids["dan"], quiz, 2, 20, clock)
    # when the teacher reads the quiz board
    connection = await board(teacher, org, quizId=quiz["id"])
    # then
    assert ranking(connection) == [
        (1, "Ben", 2.0),
        (2, "Dan", 2.0),
        (3, "Ann", 2.0),
        (4, "Cat", 1.0),
    ]
    assert [e["node"]["timeTakenSeconds"] for e in connection["edges"]] == [20.0, 20.0, 30.0, 5.0]
    assert connection["totalCount"] == 4


async def test_equal_standings_share_a_rank(
    org: OrgFixture, signed_in: SignIn, clock: FrozenClock
) -> None:
    from tests.leaderboards.support import answers
    from tests.quizzes.api import START, SUBMIT

    teacher = await signed_in(org, "teacher")
    quiz = await two_point_quiz(teacher)
    kids = await students(org, signed_in, "amy", "bob", "cal", "deb")
    # amy and bob start and submit at the same instants with the same score
    attempts = {}
    for name in ("amy", "bob", "cal", "deb"):
        attempts[name] = (await kids[name].gql(START, {"quizId": quiz["id"]})).ok()["startAttempt"][
            "attempt"
        ]
    clock.advance(seconds=10)
    for name, points in (("cal", 2), ("amy", 1), ("bob", 1), ("deb", 0)):
        await kids[name].gql(
            SUBMIT, {"input": {"attemptId": attempts[name]["id"], "answers": answers(quiz, points)}}
        )
    connection = await board(teacher, org, quizId=quiz["id"])
    ranks = sorted(ranking(connection))
    assert ranks == [(1, "Cal", 2.0), (2, "Amy", 1.0), (2, "Bob", 1.0), (4, "Deb", 0.0)]


async def test_the_best_attempt_counts_and_attempts_are_counted(
    org: OrgFixture, signed_in: SignIn, clock: FrozenClock
) -> None:
    teacher = await signed_in(org, "teacher")
    quiz = await two_point_quiz(teacher)
    kids = await students(org, signed_in, "eve")
    await take(kids["eve"], quiz, 2, 40, clock)
    await take(kids["eve"], quiz, 1, 10, clock)  # worse: doesn't replace the best
    await take(kids["eve"], quiz, 2, 25, clock)  # same score, faster: replaces it
    entry = (await board(teacher, org, quizId=quiz["id"]))["edges"][0]["node"]
    assert (entry["score"], entry["timeTakenSeconds"], entry["attempts"]) == (2.0, 25.0, 3)


async def test_org_board_sums_best_scores_per_quiz(
    org: OrgFixture, signed_in: SignIn, clock: FrozenClock
) -> None:
    teacher = await signed_in(org, "teacher")
    first, second = await two_point_quiz(teacher, "One"), await two_point_quiz(teacher, "Two")
    kids = await students(org, signed_in, "fay", "gus", "hal", "ivy")
    await take(kids["fay"], first, 2, 10, clock)
    await take(kids["fay"], second, 1, 10, clock)
    await take(kids["fay"], second, 2, 10, clock)  # best on "Two" is 2: total 4
    await take(kids["gus"], first, 1, 10, clock)
    await take(kids["gus"], second, 2, 10, clock)  # total 3
    await take(kids["hal"], first, 2, 10, clock)
    await take(kids["hal"], second, 1, 10, clock)  # total 3
    await take(kids["ivy"], first, 1, 10, clock)  # total 1
    connection = await board(teacher, org)
    assert sorted(ranking(connection)) == [
        (1, "Fay", 4.0),
        (2, "Gus", 3.0),
        (2, "Hal", 3.0),
        (4, "Ivy", 1.0),
    ]
    fay = next(e["node"] for e in connection["edges"] if e["node"]["displayName"] == "Fay")
    assert fay["attempts"] == 3 and fay["timeTakenSeconds"] is None


@pytest.mark.parametrize(
    ("window", "expected"),
    [
        ("ALL_TIME", [(1, "Old", 2.0), (2, "New", 1.0)]),
        ("LAST_30_DAYS", [(1, "Old", 2.0), (2, "New", 1.0)]),
        ("LAST_7_DAYS", [(1, "New", 1.0)]),
    ],
)
async def test_windows_count_only_recent_results(
    org: OrgFixture,
    signed_in: SignIn,
    clock: FrozenClock,
    window: str,
    expected: list[tuple[int, str, float]],
) -> None:
    teacher = await signed_in(org, "teacher")
    quiz = await two_point_quiz(teacher)
    kids = await students(org, signed_in, "old")
    await take(kids["old"], quiz, 2, 10, clock)
    clock.advance(days=10)
    teacher = await signed_in(org, "teacher")  # the earlier session has expired by now
    kids |= await students(org, signed_in, "new")
    await take(kids["new"], quiz, 1, 10, clock)
    for quiz_id in (quiz["id"], None):
        connection = await board(teacher, org, quizId=quiz_id, window=window)
        assert ranking(connection) == expected
        assert connection["totalCount"] == len(expected)


async def test_windowed_board_picks_each_members_best_in_the_window(
    org: OrgFixture, signed_in: SignIn, clock: FrozenClock
) -> None:
    teacher = await signed_in(org, "teacher")
    quiz = await two_point_quiz(teacher)
    kids = await students(org, signed_in, "joe")
    await take(kids["joe"], quiz, 2, 10, clock)  # outside the 7-day window later
    clock.advance(days=8)
    teacher, kids["joe"] = await signed_in(org, "teacher"), await signed_in(org, "joe")
    kids |= await students(org, signed_in, "kim")
    await take(kids["joe"], quiz, 1, 30, clock)
    await take(kids["joe"], quiz, 1, 20, clock)
    await take(kids["kim"], quiz, 1, 25, clock)
    connection = await board(teacher, org, quizId=quiz["id"], window="LAST_7_DAYS")
    assert ranking(connection) == [(1, "Joe", 1.0), (2, "Kim", 1.0)]
    joe = connection["edges"][0]["node"]
    assert (joe["timeTakenSeconds"], joe["attempts"]) == (20.0, 2)


async def test_pages_continue_the_ranks(
    org: OrgFixture, signed_in: SignIn, clock: FrozenClock
) -> None:
    teacher = await signed_in(org, "teacher")
    quiz = await two_point_quiz(teacher)
    kids = await students(org, signed_in, "pia", "pam", "pat", "peg", "pip")
    for seconds, name in enumerate(["pia", "pam", "pat", "peg", "pip"], start=1):
        await take(kids[name], quiz, 2 if name != "pip" else 0, seconds, clock)
    first = await board(teacher, org, quizId=quiz["id"], first=2)
    assert ranking(first) == [(1, "Pia", 2.0), (2, "Pam", 2.0)]
    assert first["pageInfo"]["hasNextPage"] is True
    second = await board(
        teacher, org, quizId=quiz["id"], first=2, after=first["pageInfo"]["endCursor"]
    )
    assert ranking(second) == [(3, "Pat", 2.0), (4, "Peg", 2.0)]
    last = await board(
        teacher, org, quizId=quiz["id"], first=2, after=second["pageInfo"]["endCursor"]
    )
    assert ranking(last) == [(5, "Pip", 0.0)]
    assert last["pageInfo"]["hasNextPage"] is False


async def test_my_rank_is_the_viewers_own_entry(
    org: OrgFixture, signed_in: SignIn, clock: FrozenClock
) -> None:
    teacher = await signed_in(org, "teacher")
    quiz = await two_point_quiz(teacher)
    kids = await students(org, signed_in, "top", "mid")
    await take(kids["top"], quiz, 2, 10, clock)
    await take(kids["mid"], quiz, 1, 10, clock)
    mine = await board(kids["mid"], org, quizId=quiz["id"], first=1)
    assert mine["myRank"] == {"rank": 2, "displayName": "Mid", "score": 1.0, "attempts": 1}
    assert ranking(mine) == [(1, "Top", 2.0)]
    assert (await board(teacher, org, quizId=quiz["id"]))["myRank"] is None
    org_wide = await board(kids["top"], org)
    assert org_wide["myRank"]["rank"] == 1


MY_RANK = """query($slug: String!, $quizId: ID, $window: LeaderboardWindow) {
  organization(slug: $slug) {
    leaderboard(quizId: $quizId, window: $window, first: 1) { myRank { rank score } }
  }
}"""


@pytest.mark.parametrize("window", ["ALL_TIME", "LAST_7_DAYS"])
async def test_my_rank_reads_the_quiz_and_the_window_build_once(
    org: OrgFixture, signed_in: SignIn, clock: FrozenClock, window: str
) -> None:
    from app.leaderboards import service

    teacher = await signed_in(org, "teacher")
    quiz = await two_point_quiz(teacher)
    kids = await students(org, signed_in, "top", "mid")
    await take(kids["top"], quiz, 2, 10, clock)
    await take(kids["mid"], quiz, 1, 10, clock)
    variables = {"slug": org.slug, "quizId": quiz["id"], "window": window}
    (await kids["mid"].gql(MY_RANK, variables)).ok()
    await service.rebuilds_settled()
    with counting() as statements:
        result = (await kids["mid"].gql(MY_RANK, variables)).ok()
    assert result["organization"]["leaderboard"]["myRank"] == {"rank": 2, "score": 1.0}
    quiz_reads = [s for s in statements if "FROM quizzes" in s]
    build_reads = [s for s in statements if "FROM leaderboard_window_builds" in s]
    assert len(quiz_reads) == 1, statements
    assert len(build_reads) == (0 if window == "ALL_TIME" else 1), statements


REMOVE = "mutation($id: ID!) { removeMember(input: {id: $id}) { removedId } }"


async def test_a_removed_member_leaves_every_board_and_the_ranks_close_up(
    org: OrgFixture, signed_in: SignIn, clock: FrozenClock
) -> None:
    from app.leaderboards import service

    owner, teacher = await signed_in(org, "owner"), await signed_in(org, "teacher")
    quiz = await two_point_quiz(teacher)
    kids = await students(org, signed_in, "amy", "bob", "cal")
    await take(kids["amy"], quiz, 2, 10, clock)
    await take(kids["bob"], quiz, 2, 20, clock)
    await take(kids["cal"], quiz, 1, 10, clock)
    for window in ("LAST_7_DAYS", "LAST_30_DAYS"):  # built, so the window standings are read
        await board(teacher, org, window=window)
    await service.rebuilds_settled()
    # when the owner removes Amy (first everywhere)
    (await owner.gql(REMOVE, {"id": org.account("amy").global_id})).ok()
    # then on every board Bob is first, Cal's rank follows, and the count drops
    for window in ("ALL_TIME", "LAST_7_DAYS", "LAST_30_DAYS"):
        for quiz_id in (quiz["id"], None):
            connection = await board(kids["cal"], org, quizId=quiz_id, window=window)
            assert ranking(connection) == [(1, "Bob", 2.0), (2, "Cal", 1.0)], (window, quiz_id)
            assert connection["totalCount"] == 2
            assert connection["myRank"]["rank"] == 2
