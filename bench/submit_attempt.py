"""Issue 4: startAttempt and submitAttempt throughput, each request a distinct attempt.

1,000 students (bulk-inserted members, each with their own API key: a key acts for
its creator) and 10 published quizzes of 5 single-choice questions (attemptsAllowed
3). wrk (bench/walk.lua) sends each prepared request once: first startAttempt for
(student, quiz) pairs, then submitAttempt (5 answers) for the attempts that were
started, each with its owner's key. A 3 s warm-up uses other pairs/attempts than the
measured run. Run alone: ``python -m bench.submit_attempt``.
"""

from __future__ import annotations

import asyncio
import json
import os
import sys
import uuid
from pathlib import Path

from sqlalchemy import func, select

from bench import data
from bench.harness import WrkResult, run_wrk_walk, server

STUDENTS = int(os.environ.get("BENCH_STUDENTS", "1000"))
QUIZZES = 10
WARMUP_LINES = 2_000
START = "mutation($i: StartAttemptInput!) { startAttempt(input: $i) { attempt { id deadline } } }"
SUBMIT = (
    "mutation($i: AttemptAnswersInput!) "
    "{ submitAttempt(input: $i) { attempt { status score percentage passed } } }"
)


def run(scratch: Path) -> dict[str, WrkResult | dict[str, object]]:
    from bench.quizzes_list import backends

    figures: dict[str, WrkResult | dict[str, object]] = {}
    for backend in backends():
        with data.fresh_database(backend, scratch, "submit_attempt") as db:
            keys, quizzes = asyncio.run(_seed(db))
            starts = [
                _line(keys[member], START, {"quizId": data.global_id("Quiz", quiz)})
                for quiz in quizzes
                for member in keys
            ]
            with server("app.web.asgi:app", db.env) as url:
                started = run_wrk_walk(url, starts[:WARMUP_LINES], starts[WARMUP_LINES:])
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
            counts = asyncio.run(_counts(db))
            print(f"[{backend}] after the runs: {counts}")
            figures[f"startAttempt, {STUDENTS:,} students' keys, {backend}"] = started
            figures[f"submitAttempt (5 answers), {STUDENTS:,} students' keys, {backend}"] = (
                submitted
            )
            figures[f"submit_attempt rows, {backend}"] = {
                **counts,
                "prepared_submits": len(submits),
                "measured_submit_requests": submitted.requests,
            }
    return figures


def _line(key: str, query: str, variables: dict[str, object]) -> str:
    return f"Bearer {key}\t" + json.dumps({"query": query, "variables": {"i": variables}})


async def _seed(db: data.Database) -> tuple[dict[uuid.UUID, str], list[uuid.UUID]]:
    assert db.org_id and db.owner_id
    members = data.member_rows(db.org_id, STUDENTS)
    quizzes = data.quiz_rows(db.org_id, db.owner_id, QUIZZES, attempts_allowed=3)
    async with data.engine(db.url) as eng, eng.begin() as conn:
        await data.bulk_insert(conn, "members", members)
    await data.insert_quizzes(db.url, quizzes)
    ids = [row["id"] for row in members]
    secrets = await data.insert_keys(
        db.url, db.org_id, ids, ["quizzes:read", "attempts:read", "attempts:write"]
    )
    return dict(zip(ids, secrets, strict=True)), [row["id"] for row in quizzes["quizzes"]]


async def _open_attempts(
    db: data.Database, quizzes: list[uuid.UUID]
) -> tuple[list[tuple[uuid.UUID, uuid.UUID, uuid.UUID]], dict[uuid.UUID, list[dict[str, object]]]]:
    """The started attempts (interleaved by member) and an answer sheet per quiz
    (questions 1-3 right, 4-5 wrong: 60 %)."""
    attempt, question, option = data.table("attempts"), data.table("quiz_questions"), None
    option = data.table("quiz_options")
    async with data.engine(db.url) as eng, eng.connect() as conn:
        open_ = (
            await conn.execute(
                select(attempt.c.id, attempt.c.member_id, attempt.c.quiz_id)
                .where(attempt.c.status == "IN_PROGRESS")
                .order_by(attempt.c.started_at)
            )
        ).all()
        rows = (
            await conn.execute(
                select(question.c.id, question.c.quiz_id, question.c.position, option.c.id)
                .join(option, option.c.question_id == question.c.id)
                .where(option.c.position == 1)
            )
        ).all()
        wrong = dict(
            (
                await conn.execute(
                    select(option.c.question_id, option.c.id).where(option.c.position == 2)
                )
            ).all()
        )
    answers: dict[uuid.UUID, list[dict[str, object]]] = {quiz: [] for quiz in quizzes}
    for question_id, quiz_id, position, right in sorted(rows, key=lambda r: r[2]):
        chosen = right if position <= 3 else wrong[question_id]
        answers[quiz_id].append(
            {
                "questionId": data.global_id("Question", question_id),
                "selectedOptionIds": [data.global_id("Option", chosen)],
            }
        )
    return [(a, m, q) for a, m, q in open_], answers


async def _counts(db: data.Database) -> dict[str, object]:
    attempt, results = data.table("attempts"), data.table("leaderboard_results")
    async with data.engine(db.url) as eng, eng.connect() as conn:
        by_status = dict(
            (
                await conn.execute(
                    select(attempt.c.status, func.count()).group_by(attempt.c.status)
                )
            ).all()
        )
        scored = (await conn.execute(select(func.count()).select_from(results))).scalar_one()
    return {
        "attempts_started": sum(by_status.values()),
        "attempts_submitted": by_status.get("SUBMITTED", 0),
        "leaderboard_results": scored,
    }


if __name__ == "__main__":
    from bench.run import main

    raise SystemExit(main(["submit_attempt", *sys.argv[1:]]))
