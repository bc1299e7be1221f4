"""Keyset cursors: pages that hold while the board changes around them.

A cursor names its entry's place on the board, so the next page starts right after
that place as the board is when the page is read. An entry that keeps its place is
never skipped or repeated at a page boundary, whatever else is submitted meanwhile;
one that moves from after the boundary to before it is not shown again (it is now
above the pages already read), and the ranks of the next pages count it.
"""

from __future__ import annotations

import asyncio
import base64
from datetime import UTC, datetime
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from app.core.clock import FrozenClock
from app.core.errors import BadUserInput
from app.core.pagination import encode_cursor
from app.leaderboards import cursors
from tests.leaderboards.support import (
    BOARD,
    board,
    ranking,
    students,
    take,
    two_point_quiz,
)
from tests.support.client import ApiClient
from tests.support.factories import OrgFixture
from tests.support.fixture_types import SignIn

NAMES = ("ada", "bea", "cal", "dot", "eve", "fay", "gil", "hal", "ida")


async def nine_results(
    org: OrgFixture, signed_in: SignIn, clock: FrozenClock
) -> tuple[ApiClient, dict[str, Any], dict[str, ApiClient]]:
    """Nine students in a known order: 2 points each, faster first, Ida 0 points."""
    teacher = await signed_in(org, "teacher")
    quiz = await two_point_quiz(teacher, attemptsAllowed=None)
    kids = await students(org, signed_in, *NAMES)
    for seconds, name in enumerate(NAMES, start=10):
        await take(kids[name], quiz, 0 if name == "ida" else 2, seconds, clock)
    return teacher, quiz, kids


async def read_in_pages(
    reader: ApiClient,
    org: OrgFixture,
    quiz: dict[str, Any],
    between: Any = None,
    *,
    meanwhile: bool = False,
) -> list[list[tuple[int, str, float]]]:
    """The quiz board three entries at a time; ``between(n)`` runs after page n, before
    page n + 1 is read or, ``meanwhile``, at the same time."""
    pages: list[list[tuple[int, str, float]]] = []
    after, number = None, 0
    while True:
        read = board(reader, org, quizId=quiz["id"], first=3, after=after)
        if between is not None and number > 0:
            if meanwhile:
                page, _ = await asyncio.gather(read, between(number))
            else:
                await between(number)
                page = await read
        else:
            page = await read
        pages.append(ranking(page))
        if not page["pageInfo"]["hasNextPage"]:
            return pages
        after, number = page["pageInfo"]["endCursor"], number + 1


async def test_pages_hold_while_attempts_that_change_no_standing_are_submitted(
    org: OrgFixture, signed_in: SignIn, clock: FrozenClock
) -> None:
    teacher, quiz, kids = await nine_results(org, signed_in, clock)
    other_quiz = await two_point_quiz(teacher, "Other", attemptsAllowed=None)
    expected = ranking(await board(teacher, org, quizId=quiz["id"]))

    async def submit_meanwhile(_page: int) -> None:
        # results elsewhere, and worse ones here, submitted while the next page is read
        await asyncio.gather(
            take(kids["ada"], other_quiz, 2, 1, clock),
            take(kids["bea"], quiz, 1, 1, clock),
            take(kids["cal"], quiz, 2, 99, clock),
        )

    pages = await read_in_pages(teacher, org, quiz, submit_meanwhile, meanwhile=True)
    # then every entry shows once, in order, with its rank
    assert [entry for page in pages for entry in page] == expected
    assert [len(page) for page in pages] == [3, 3, 3]


async def test_an_entry_that_moves_above_the_boundary_is_not_repeated_and_ranks_shift(
    org: OrgFixture, signed_in: SignIn, clock: FrozenClock
) -> None:
    teacher, quiz, kids = await nine_results(org, signed_in, clock)

    async def hal_improves(page: int) -> None:
        if page == 1:  # Hal (7th) beats everyone while the reader is on page 1
            await take(kids["hal"], quiz, 2, 1, clock)

    pages = await read_in_pages(teacher, org, quiz, hal_improves)
    assert pages == [
        [(1, "Ada", 2.0), (2, "Bea", 2.0), (3, "Cal", 2.0)],
        # Hal is now first: the entries after Cal each move down one place
        [(5, "Dot", 2.0), (6, "Eve", 2.0), (7, "Fay", 2.0)],
        [(8, "Gil", 2.0), (9, "Ida", 0.0)],
    ]
    assert ranking(await board(teacher, org, quizId=quiz["id"], first=1)) == [(1, "Hal", 2.0)]


async def test_pages_hold_across_equal_standings(
    org: OrgFixture, signed_in: SignIn, clock: FrozenClock
) -> None:
    from tests.leaderboards.support import answers
    from tests.quizzes.api import START, SUBMIT

    # given seven students with the same score, time and submission instant
    teacher = await signed_in(org, "teacher")
    quiz = await two_point_quiz(teacher)
    kids = await students(org, signed_in, *NAMES[:7])
    started = {
        name: (await kids[name].gql(START, {"quizId": quiz["id"]})).ok()["startAttempt"]["attempt"]
        for name in kids
    }
    clock.advance(seconds=10)
    for name, attempt in started.items():
        submitted = {"attemptId": attempt["id"], "answers": answers(quiz, 1)}
        (await kids[name].gql(SUBMIT, {"input": submitted})).ok()
    # when the board is read three at a time, quiz-wide and org-wide
    for quiz_id in (quiz["id"], None):
        whole = await board(teacher, org, quizId=quiz_id)
        pages, after = [], None
        while True:
            page = await board(teacher, org, quizId=quiz_id, first=3, after=after)
            pages += page["edges"]
            if not page["pageInfo"]["hasNextPage"]:
                break
            after = page["pageInfo"]["endCursor"]
        # then all seven show once, all ranked 1, in the whole board's order
        assert [e["node"]["memberId"] for e in pages] == [
            e["node"]["memberId"] for e in whole["edges"]
        ]
        assert {e["node"]["rank"] for e in pages} == {1}
        assert len({e["node"]["memberId"] for e in pages}) == 7


async def test_a_cursor_of_the_earlier_format_still_pages(
    org: OrgFixture, signed_in: SignIn, clock: FrozenClock
) -> None:
    teacher, quiz, _ = await nine_results(org, signed_in, clock)
    # a client holding an offset cursor (the 4th entry's) from before keyset cursors
    legacy = encode_cursor(3)
    page = await board(teacher, org, quizId=quiz["id"], first=2, after=legacy)
    assert ranking(page) == [(5, "Eve", 2.0), (6, "Fay", 2.0)]
    # and the page hands out keyset cursors that continue from there
    following = await board(
        teacher, org, quizId=quiz["id"], first=2, after=page["pageInfo"]["endCursor"]
    )
    assert ranking(following) == [(7, "Gil", 2.0), (8, "Hal", 2.0)]


async def test_cursors_this_api_did_not_give_out_are_refused(
    org: OrgFixture, signed_in: SignIn, clock: FrozenClock
) -> None:
    teacher, quiz, _ = await nine_results(org, signed_in, clock)
    quiz_cursor = (await board(teacher, org, quizId=quiz["id"], first=1))["pageInfo"]["endCursor"]
    forged = base64.b64encode(b"lb1|2.0|x|y|z").decode()
    for quiz_id, after in (
        (quiz["id"], "not a cursor"),
        (quiz["id"], forged),
        (None, quiz_cursor),  # a quiz board's cursor on the org-wide board
    ):
        result = await teacher.gql(
            BOARD, {"slug": org.slug, "quizId": quiz_id, "first": 2, "after": after}
        )
        assert result.code == "BAD_USER_INPUT"
        assert "after" in result.errors[0]["message"]


keys = st.builds(
    cursors.BoardKey,
    score=st.floats(allow_nan=False, allow_infinity=False),
    duration_ms=st.integers(min_value=0, max_value=2**31 - 1),
    at=st.datetimes(
        min_value=datetime(1970, 1, 1), max_value=datetime(9000, 1, 1), timezones=st.just(UTC)
    ),
    member_id=st.uuids(),
)


@given(keys, st.booleans())
def test_a_cursor_names_its_entry_exactly(key: cursors.BoardKey, per_quiz: bool) -> None:
    if not per_quiz:
        key = cursors.BoardKey(key.score, None, None, key.member_id)
    assert cursors.decode(cursors.encode(key), per_quiz=per_quiz) == key


@given(st.text(max_size=80))
def test_any_other_text_is_refused_or_read_as_an_offset(text: str) -> None:
    for cursor in (text, base64.b64encode(text.encode()).decode()):
        try:
            decoded = cursors.decode(cursor, per_quiz=True)
        except BadUserInput:
            continue
        assert isinstance(decoded, cursors.Offset | cursors.BoardKey)
