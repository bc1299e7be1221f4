"""Seed a leaderboard-sized org fast: 100,000 members, 1,000,000 attempts, 50 quizzes.

Everything goes straight into the migrated tables (never through the API):
``members``, ``quizzes`` (+ 10 single-choice questions each), ``attempts`` (closed,
SUBMITTED, scored 0-10), one ``leaderboard_results`` row per attempt, and the standings
computed here in Python from the generated attempts with the app's rules:
``quiz_standings`` (each member's best per quiz: higher score, then less time, then
the earlier submission), ``org_standings`` (sum of best scores per quiz) and
``leaderboard_daily_bests`` (the same best per quiz per UTC day, the windows' source;
the window standings are built by the server on first read), and ``quiz_score_counts``
/ ``org_score_counts`` (members per score per board, which ranks are summed from).
Attempts are spread over the last 90 days, so the 7-day window holds about 1/13 of them.
``attempt_answers`` are not generated (no board reads them).

Members are generated in chunks, so memory stays flat. SQLite: SQLAlchemy Core
``insert()`` executemany; PostgreSQL: COPY (asyncpg ``copy_records_to_table``) then
VACUUM ANALYZE (a table autovacuum keeps up: without it the visibility map is empty and
every "index-only" rank count visits the table); SQLite: ANALYZE. Quiz popularity is
skewed (weight 1/sqrt(rank)), so boards differ in size.

    python -m bench.seed_leaderboard --backend sqlite|postgresql [--members N]
        [--attempts N] [--quizzes N] [--keep]
"""

from __future__ import annotations

import argparse
import asyncio
import random
import tempfile
import time
import uuid
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import Any

from bench import data

CHUNK = 5_000
MAX_SCORE = 10
DAYS = 90


@dataclass
class Seeded:
    quiz_ids: list[uuid.UUID]  # most popular first
    member_ids: list[uuid.UUID]
    attempts: int
    quiz_standings: int
    seconds: float


async def seed(
    db: data.Database,
    members: int = 100_000,
    attempts: int = 1_000_000,
    quizzes: int = 50,
    progress: Callable[[str], None] = print,
) -> Seeded:
    assert db.org_id and db.owner_id
    started = time.perf_counter()
    rng = random.Random(20261124)
    quiz_tables = data.quiz_rows(db.org_id, db.owner_id, quizzes, questions=MAX_SCORE)
    await data.insert_quizzes(db.url, quiz_tables)
    quiz_ids = [row["id"] for row in quiz_tables["quizzes"]]
    weights = [1 / (rank + 1) ** 0.5 for rank in range(quizzes)]
    counts = _attempt_counts(rng, members, attempts)
    member_ids: list[uuid.UUID] = []
    standings_total = 0
    # members per score per board (all time), which the app reads ranks from
    at_score: Counter[tuple[str, uuid.UUID, float]] = Counter()
    now = data.now()
    postgres = db.backend == "postgresql"
    async with data.engine(db.url) as eng:
        for first in range(0, members, CHUNK):
            tables = _chunk(
                rng, db.org_id, quiz_ids, weights, counts[first : first + CHUNK], first, now
            )
            member_ids.extend(row["id"] for row in tables["members"])
            standings_total += len(tables["quiz_standings"])
            at_score.update(
                ("quiz", r["quiz_id"], r["best_score"]) for r in tables["quiz_standings"]
            )
            at_score.update(("org", r["org_id"], r["total_score"]) for r in tables["org_standings"])
            async with eng.begin() as conn:
                if postgres:
                    for name, rows in tables.items():
                        await data.copy_rows(conn, name, rows)
                else:
                    await conn.exec_driver_sql("PRAGMA synchronous=OFF")
                    for name, rows in tables.items():
                        await data.bulk_insert(conn, name, rows)
            done = first + len(tables["members"])
            if done % 20_000 == 0 or done == members:
                progress(f"  {done:,} members seeded, {time.perf_counter() - started:.0f} s")
        async with eng.begin() as conn:
            for board, name in (("quiz", "quiz_score_counts"), ("org", "org_score_counts")):
                rows = [
                    {f"{board}_id": target, "window_days": 0, "score": score, "members": n}
                    | ({"org_id": db.org_id} if board == "quiz" else {})
                    for (kind, target, score), n in sorted(at_score.items())
                    if kind == board
                ]
                await data.bulk_insert(conn, name, rows)
        async with eng.connect() as conn:
            await conn.execution_options(isolation_level="AUTOCOMMIT")
            await conn.exec_driver_sql("VACUUM ANALYZE" if postgres else "ANALYZE")
    return Seeded(quiz_ids, member_ids, sum(counts), standings_total, time.perf_counter() - started)


def _attempt_counts(rng: random.Random, members: int, attempts: int) -> list[int]:
    """1-19 attempts each (mean about 10), nudged so the total is exactly ``attempts``."""
    mean = attempts / members
    spread = max(0, min(9, int(mean) - 1))
    counts = [max(1, round(mean) + rng.randint(-spread, spread)) for _ in range(members)]
    diff = attempts - sum(counts)
    while diff:
        n = rng.randrange(members)
        if diff > 0:
            counts[n] += 1
            diff -= 1
        elif counts[n] > 1:
            counts[n] -= 1
            diff += 1
    return counts


def _chunk(
    rng: random.Random,
    org_id: uuid.UUID,
    quiz_ids: list[uuid.UUID],
    weights: list[float],
    counts: list[int],
    first: int,
    now: Any,
) -> dict[str, list[dict[str, Any]]]:
    members = data.member_rows(org_id, len(counts))
    for n, row in enumerate(members):
        row["username"] = f"m{first + n}"
        row["display_name"] = f"Member {first + n}"
    attempts: list[dict[str, Any]] = []
    results: list[dict[str, Any]] = []
    quiz_standings: list[dict[str, Any]] = []
    org_standings: list[dict[str, Any]] = []
    daily_bests: list[dict[str, Any]] = []
    for member, count in zip(members, counts, strict=True):
        member_id = member["id"]
        taken = []
        for quiz_id in rng.choices(quiz_ids, weights=weights, k=count):
            closed = now - timedelta(seconds=rng.uniform(60, DAYS * 86_400))
            duration_ms = rng.randint(30_000, 1_200_000)
            score = float(min(MAX_SCORE, max(0, round(rng.gauss(6, 2.2)))))
            taken.append((closed, quiz_id, score, duration_ms))
        taken.sort(key=lambda t: t[0])
        numbers: dict[uuid.UUID, int] = {}
        best: dict[Any, list[Any]] = {}  # per quiz
        daily: dict[Any, list[Any]] = {}  # per quiz and UTC day
        for closed, quiz_id, score, duration_ms in taken:
            attempt_id = uuid.uuid4()
            numbers[quiz_id] = numbers.get(quiz_id, 0) + 1
            attempts.append(
                {
                    "id": attempt_id,
                    "org_id": org_id,
                    "quiz_id": quiz_id,
                    "member_id": member_id,
                    "number": numbers[quiz_id],
                    "quiz_version": 1,
                    "status": "SUBMITTED",
                    "started_at": closed - timedelta(milliseconds=duration_ms),
                    "deadline": None,
                    "closed_at": closed,
                    "score": score,
                    "max_score": float(MAX_SCORE),
                    "percentage": score * 100 / MAX_SCORE,
                    "passed": score * 2 >= MAX_SCORE,
                }
            )
            results.append(
                {
                    "id": uuid.uuid4(),
                    "org_id": org_id,
                    "quiz_id": quiz_id,
                    "member_id": member_id,
                    "attempt_id": attempt_id,
                    "score": score,
                    "duration_ms": duration_ms,
                    "submitted_at": closed,
                }
            )
            _fold(best, quiz_id, score, duration_ms, closed)
            _fold(daily, (quiz_id, closed.date()), score, duration_ms, closed)
        for (quiz_id, day), (score, duration_ms, at, tries, last) in daily.items():
            daily_bests.append(
                {
                    "quiz_id": quiz_id,
                    "member_id": member_id,
                    "day": day,
                    "org_id": org_id,
                    "best_score": score,
                    "best_duration_ms": duration_ms,
                    "best_at": at,
                    "attempts": tries,
                    "last_activity_at": last,
                }
            )
        for quiz_id, (score, duration_ms, at, tries, last) in best.items():
            quiz_standings.append(
                {
                    "id": uuid.uuid4(),
                    "org_id": org_id,
                    "quiz_id": quiz_id,
                    "member_id": member_id,
                    "best_score": score,
                    "best_duration_ms": duration_ms,
                    "best_at": at,
                    "attempts": tries,
                    "last_activity_at": last,
                }
            )
        org_standings.append(
            {
                "id": uuid.uuid4(),
                "org_id": org_id,
                "member_id": member_id,
                "total_score": float(sum(entry[0] for entry in best.values())),
                "quizzes": len(best),
                "attempts": len(taken),
                "last_activity_at": taken[-1][0],
            }
        )
    return {
        "members": members,
        "attempts": attempts,
        "leaderboard_results": results,
        "quiz_standings": quiz_standings,
        "org_standings": org_standings,
        "leaderboard_daily_bests": daily_bests,
    }


def _fold(bests: dict[Any, list[Any]], key: Any, score: float, duration_ms: int, at: Any) -> None:
    """Fold a result into ``bests[key]``: [best score, its duration, its time, attempts,
    last activity]. Results come in time order, so an equal later result never
    replaces the earlier best."""
    entry = bests.get(key)
    if entry is None:
        bests[key] = [score, duration_ms, at, 1, at]
        return
    if (score, -duration_ms) > (entry[0], -entry[1]):
        entry[0], entry[1], entry[2] = score, duration_ms, at
    entry[3] += 1
    entry[4] = at


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--backend", choices=data.BACKENDS, default="sqlite")
    parser.add_argument("--members", type=int, default=100_000)
    parser.add_argument("--attempts", type=int, default=1_000_000)
    parser.add_argument("--quizzes", type=int, default=50)
    parser.add_argument("--keep", action="store_true", help="keep the database and print its URL")
    args = parser.parse_args()
    scratch = Path(tempfile.mkdtemp(prefix="quizgraph-bench-")) if args.keep else None
    with tempfile.TemporaryDirectory() as tmp:
        where = scratch or Path(tmp)
        with data.fresh_database(args.backend, where, "leaderboard") as db:
            info = asyncio.run(seed(db, args.members, args.attempts, args.quizzes))
            print(
                f"{args.backend}: {args.members:,} members, {info.attempts:,} attempts and "
                f"results, {info.quiz_standings:,} quiz standings over {args.quizzes} quizzes "
                f"in {info.seconds:.0f} s"
            )
            if args.keep:
                print(f"QUIZGRAPH_DATABASE_URL={db.url}")
                if args.backend == "postgresql":
                    input("kept until you press Enter (then dropped) ")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
