"""Issue 5: leaderboard queries through the API on 100,000 members and 1,000,000 attempts.

Seeds with ``bench/seed_leaderboard.py`` (sizes from BENCH_LB_MEMBERS / BENCH_LB_ATTEMPTS),
then measures each query with wrk on ONE connection (each request waits for the last,
so p50/p99 are service times, not queueing), 5 s after a 1 s warm-up, with the key of a
member of middling standing (leaderboard:read; myRank is the key's creator's).
Run alone: ``python -m bench.leaderboard_query``.
"""

from __future__ import annotations

import asyncio
import os
import sys
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
    from app.core.pagination import encode_cursor

    return encode_cursor(offset - 1)


def run(scratch: Path) -> dict[str, WrkResult | dict[str, object]]:
    from bench.quizzes_list import backends

    figures: dict[str, WrkResult | dict[str, object]] = {}
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
            key = asyncio.run(
                data.insert_keys(db.url, db.org_id, [me], ["leaderboard:read", "quizzes:read"])
            )[0]
            quiz = data.global_id("Quiz", info.quiz_ids[0])
            deep = cursor(MEMBERS // 2)
            cases: list[tuple[str, str, dict[str, object]]] = [
                ("viewer { kind } (same key; API floor)", "{ viewer { kind } }", {}),
                ("quiz board top 20", BOARD, {"quiz": quiz}),
                ("org-wide top 20", BOARD, {}),
                (f"quiz board page at {MEMBERS // 2:,}", BOARD, {"quiz": quiz, "after": deep}),
                (f"org-wide page at {MEMBERS // 2:,}", BOARD, {"after": deep}),
                ("quiz board myRank", MY_RANK, {"quiz": quiz}),
                ("org-wide myRank", MY_RANK, {}),
                ("7-day quiz board top 20", BOARD, {"quiz": quiz, "window": "LAST_7_DAYS"}),
                ("7-day org-wide top 20", BOARD, {"window": "LAST_7_DAYS"}),
                ("7-day quiz myRank", MY_RANK, {"quiz": quiz, "window": "LAST_7_DAYS"}),
                ("7-day org-wide myRank", MY_RANK, {"window": "LAST_7_DAYS"}),
            ]
            headers = {"Authorization": f"Bearer {key}"}
            with server("app.web.asgi:app", db.env) as url:
                for label, query, extra in cases:
                    variables = {"slug": "bench", "window": "ALL_TIME", **extra}
                    body = {"query": query, "variables": variables}
                    if query != cases[0][1]:
                        _check(url, body, headers)
                    figures[f"{label}, {backend}"] = run_wrk_latency(url, body, headers)
    return figures


async def _recent_member(db: data.Database, quiz_id: object) -> object:
    """A member with a result on the quiz in the last 6 days (so every myRank has one)."""
    from datetime import timedelta

    from sqlalchemy import select

    results = data.table("leaderboard_results")
    async with data.engine(db.url) as eng, eng.connect() as conn:
        return (
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


def _check(url: str, body: dict[str, object], headers: dict[str, str]) -> None:
    response = httpx.post(url + "/graphql", json=body, headers=headers, timeout=120)
    payload = response.json()
    assert response.status_code == 200 and "errors" not in payload, payload
    board = payload["data"]["organization"]["leaderboard"]
    assert board.get("edges") or board.get("myRank"), payload


if __name__ == "__main__":
    from bench.run import main

    raise SystemExit(main(["leaderboard_query", *sys.argv[1:]]))
