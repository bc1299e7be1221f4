"""Issue 15: what producing notifications costs the submit path.

submitAttempt throughput (bench/submit_attempt.py's set-up: 1,000 students' keys, 10
quizzes, each submit a distinct attempt, so every quiz crosses the 10, 50, 100 and 500
participant milestones) against the app as served, then against the same app with the
notification producer's triggers emptied (bench/notifications_off.py), each on a fresh
database, in one invocation. The producer works after the commit, off the request; its
reads (the quiz's participant count, the notifications already written) and writes
share the process and the database with the requests, which is what this measures.
The figure is the ratio of the two submit rates. Run alone, with the machine otherwise
quiet: ``python -m bench.notifications`` (BENCH_BACKENDS=sqlite,postgresql).
"""

from __future__ import annotations

import asyncio
import json
from pathlib import Path
from tempfile import TemporaryDirectory

from sqlalchemy import func, select

from bench import data
from bench.harness import WrkResult, run_wrk_walk, server
from bench.quizzes_list import backends
from bench.submit_attempt import START, SUBMIT, WARMUP_LINES, _line, _open_attempts, _seed

APPS = {"off": "bench.notifications_off:app", "on": "app.web.asgi:app"}


def _submit_rate(scratch: Path, backend: str, app_path: str, label: str) -> tuple[WrkResult, int]:
    with data.fresh_database(backend, scratch, f"notifications_{label}") as db:
        keys, quizzes = asyncio.run(_seed(db))
        starts = [
            _line(keys[member], START, {"quizId": data.global_id("Quiz", quiz)})
            for quiz in quizzes
            for member in keys
        ]
        with server(app_path, db.env) as url:
            run_wrk_walk(url, starts[:WARMUP_LINES], starts[WARMUP_LINES:])
            attempts, answers = asyncio.run(_open_attempts(db, quizzes))
            submits = [
                _line(
                    keys[member],
                    SUBMIT,
                    {"attemptId": data.global_id("Attempt", attempt), "answers": answers[quiz]},
                )
                for attempt, member, quiz in attempts
            ]
            warm = min(WARMUP_LINES, len(submits) // 3)
            submitted = run_wrk_walk(url, submits[:warm], submits[warm:])
        written = asyncio.run(_notifications(db))
    return submitted, written


async def _notifications(db: data.Database) -> int:
    table = data.table("notifications")
    async with data.engine(db.url) as eng, eng.connect() as conn:
        return int((await conn.execute(select(func.count()).select_from(table))).scalar_one())


def main() -> None:
    results: dict[str, object] = {}
    with TemporaryDirectory() as scratch:
        for backend in backends():
            rates: dict[str, float] = {}
            for label, app_path in APPS.items():
                submitted, written = _submit_rate(Path(scratch), backend, app_path, label)
                rates[label] = submitted.requests_per_second
                results[f"submitAttempt, notifications {label}, {backend}"] = {
                    **submitted.as_dict(),
                    "notifications_written": written,
                }
                print(
                    f"[{backend}] notifications {label}: {submitted.requests_per_second:,.0f} "
                    f"submits/s, p50 {submitted.p50_ms:.1f} ms, p99 {submitted.p99_ms:.1f} ms, "
                    f"non-2xx {submitted.non_2xx}, notifications written {written}"
                )
            ratio = rates["on"] / rates["off"]
            results[f"submit rate with notifications / without, {backend}"] = round(ratio, 3)
            print(f"[{backend}] submit rate with / without notifications: {ratio:.3f}")
    print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
