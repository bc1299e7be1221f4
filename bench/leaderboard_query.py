"""Issue 5: leaderboard queries through the API on 100,000 members and 1,000,000 attempts.

Seeds with ``bench/seed_leaderboard.py`` (sizes from BENCH_LB_MEMBERS / BENCH_LB_ATTEMPTS),
then measures each query with wrk on ONE connection (each request waits for the last,
so p50/p99 are service times, not queueing), 5 s after a 1 s warm-up, with the key of a
member of middling standing (leaderboard:read; myRank is the key's creator's).

Deep pages start after the keyset cursor of the entry at MEMBERS // 2 (found once with
an offset cursor of the earlier format, which is measured too). The window boards are
measured once their standings are built for today: the first read starts the rebuild
(timed here) and is answered from the daily bests meanwhile. The figures end with the
issue's ratios: each deep page ÷ its board's first page.
Run alone: ``python -m bench.leaderboard_query``.
"""

from __future__ import annotations

import asyncio
import os
import sys
import time
import uuid
from collections.abc import Mapping
from pathlib import Path

import httpx

from bench import data
from bench.harness import WrkResult, run_wrk_latency, server
from bench.seed_leaderboard import seed

MEMBERS = int(os.environ.get("BENCH_LB_MEMBERS", "100000"))
ATTEMPTS = int(os.environ.get("BENCH_LB_ATTEMPTS", "1000000"))
ENTRY = "rank displayName score attempts lastActivityAt timeTakenSeconds"
BOARD = (
    "query($slug: String!, $quiz: ID, $window: LeaderboardWindow!, $after: String) {"
    " organization(slug: $slug) { leaderboard(quizId: $quiz, window: $window, first: 20,"
    " after: $after) { edges { node { " + ENTRY + " } } } } }"
)
MY_RANK = (
    "query($slug: String!, $quiz: ID, $window: LeaderboardWindow!) {"
    " organization(slug: $slug) { leaderboard(quizId: $quiz, window: $window, first: 1)"
    " { myRank { " + ENTRY + " } } } }"
)


def cursor(offset: int) -> str:
    """An offset cursor of the earlier format: the page after it starts at ``offset``."""
    from app.core.pagination import encode_cursor

    return encode_cursor(offset - 1)


def keyset_cursor(
    url: str, headers: dict[str, str], variables: Mapping[str, object], offset: int
) -> str:
    """The keyset cursor of the entry just before ``offset`` (the page after it starts
    there), read once through an offset cursor."""
    body = {
        "query": BOARD.replace("first: 20", "first: 1").replace(
            "edges { node", "pageInfo { endCursor } edges { node"
        ),
        "variables": {**variables, "after": cursor(offset - 1)},
    }
    response = httpx.post(url + "/graphql", json=body, headers=headers, timeout=300)
    found: str = response.json()["data"]["organization"]["leaderboard"]["pageInfo"]["endCursor"]
    return found


def await_windows(db: data.Database, started: float, timeout: float = 900) -> dict[str, float]:
    """Wait until the org's 7- and 30-day standings are built for today (the first read
    started their rebuild); seconds since ``started`` when each was seen built."""
    from sqlalchemy import select

    builds = data.table("leaderboard_window_builds")
    seen: dict[str, float] = {}

    async def built() -> dict[int, object]:
        async with data.engine(db.url) as eng, eng.connect() as conn:
            rows = await conn.execute(
                select(builds.c.window_days, builds.c.day).where(builds.c.org_id == db.org_id)
            )
            return {int(days): day for days, day in rows.all()}

    today = data.now().date()
    while time.perf_counter() - started < timeout:
        for days, day in asyncio.run(built()).items():
            if str(day) == str(today) and f"{days}-day" not in seen:
                seen[f"{days}-day"] = round(time.perf_counter() - started, 1)
        if len(seen) == 2:
            return seen
        time.sleep(0.5)
    raise TimeoutError(f"window standings not built after {timeout} s: {seen}")


def run(scratch: Path) -> dict[str, WrkResult | Mapping[str, object]]:
    from bench.quizzes_list import backends

    figures: dict[str, WrkResult | Mapping[str, object]] = {}
    for backend in backends():
        with data.fresh_database(backend, scratch, "leaderboard") as db:
            print(f"[{backend}] seeding {MEMBERS:,} members, {ATTEMPTS:,} attempts ...")
            info = asyncio.run(seed(db, MEMBERS, ATTEMPTS))
            figures[f"leaderboard seeding, {backend}"] = {
                "members": MEMBERS,
                "attempts": info.attempts,
                "quiz_standings": info.quiz_standings,
                "seconds": round(info.seconds),
            }
            assert db.org_id
            me = asyncio.run(_recent_member(db, info.quiz_ids[0]))
            # a key per measured case: each case alone may pass a key's per-minute limit
            keys = asyncio.run(
                data.insert_keys(db.url, db.org_id, [me] * 20, ["leaderboard:read", "quizzes:read"])
            )
            quiz = data.global_id("Quiz", info.quiz_ids[0])
            depth = MEMBERS // 2
            headers = {"Authorization": f"Bearer {keys.pop()}"}
            # the rate limit and query-cost budget are per key and minute; measured
            # here is the board, so the budget doesn't stop a case halfway
            env = {**db.env, "QUIZGRAPH_QUERY_COST_BUDGET": str(10**9)}
            with server("app.web.asgi:app", env) as url:
                base = {"slug": "bench", "window": "ALL_TIME"}
                deep_quiz = keyset_cursor(url, headers, {**base, "quiz": quiz}, depth)
                deep_org = keyset_cursor(url, headers, base, depth)
                # the first read of each window starts its rebuild; measure once built
                started = time.perf_counter()
                for window in ("LAST_7_DAYS", "LAST_30_DAYS"):
                    _check(url, {"query": BOARD, "variables": {**base, "window": window}}, headers)
                figures[f"window standings built (s), {backend}"] = await_windows(db, started)
                cases: list[tuple[str, str, dict[str, object]]] = [
                    ("viewer { kind } (same key; API floor)", "{ viewer { kind } }", {}),
                    ("quiz board top 20", BOARD, {"quiz": quiz}),
                    ("org-wide top 20", BOARD, {}),
                    (f"quiz board page at {depth:,}", BOARD, {"quiz": quiz, "after": deep_quiz}),
                    (f"org-wide page at {depth:,}", BOARD, {"after": deep_org}),
                    (
                        f"quiz board page at {depth:,}, offset cursor (earlier format)",
                        BOARD,
                        {"quiz": quiz, "after": cursor(depth)},
                    ),
                    ("quiz board myRank", MY_RANK, {"quiz": quiz}),
                    ("org-wide myRank", MY_RANK, {}),
                    ("7-day quiz board top 20", BOARD, {"quiz": quiz, "window": "LAST_7_DAYS"}),
                    ("7-day org-wide top 20", BOARD, {"window": "LAST_7_DAYS"}),
                    ("7-day quiz myRank", MY_RANK, {"quiz": quiz, "window": "LAST_7_DAYS"}),
                    ("7-day org-wide myRank", MY_RANK, {"window": "LAST_7_DAYS"}),
                    ("30-day org-wide top 20", BOARD, {"window": "LAST_30_DAYS"}),
                ]
                measured: dict[str, WrkResult] = {}
                for label, query, extra in cases:
                    body = {"query": query, "variables": {**base, **extra}}
                    own = {"Authorization": f"Bearer {keys.pop()}"}
                    if query != cases[0][1]:
                        _check(url, body, own)
                    measured[label] = run_wrk_latency(url, body, own)
                    figures[f"{label}, {backend}"] = measured[label]
            figures[f"page at {depth:,} / first page, {backend}"] = {
                board: {
                    "p50": round(
                        measured[f"{board} page at {depth:,}"].p50_ms
                        / measured[f"{board} top 20"].p50_ms,
                        2,
                    ),
                    "p99": round(
                        measured[f"{board} page at {depth:,}"].p99_ms
                        / measured[f"{board} top 20"].p99_ms,
                        2,
                    ),
                }
                for board in ("quiz board", "org-wide")
            }
    return figures


async def _recent_member(db: data.Database, quiz_id: uuid.UUID) -> uuid.UUID:
    """A member with a result on the quiz in the last 6 days (so every myRank has one)."""
    from datetime import timedelta

    from sqlalchemy import select

    results = data.table("leaderboard_results")
    async with data.engine(db.url) as eng, eng.connect() as conn:
        member: uuid.UUID = (
            await conn.execute(
                select(results.c.member_id)
                .where(
                    results.c.quiz_id == quiz_id,
                    results.c.submitted_at > data.now() - timedelta(days=6),
                )
                .order_by(results.c.id)
                .limit(1)
            )
        ).scalar_one()
    return member


def _check(url: str, body: Mapping[str, object], headers: dict[str, str]) -> None:
    response = httpx.post(url + "/graphql", json=body, headers=headers, timeout=120)
    payload = response.json()
    assert response.status_code == 200 and "errors" not in payload, payload
    board = payload["data"]["organization"]["leaderboard"]
    assert board.get("edges") or board.get("myRank"), payload


if __name__ == "__main__":
    from bench.run import main

    raise SystemExit(main(["leaderboard_query", *sys.argv[1:]]))
