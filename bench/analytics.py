"""Issue 15: analytics at 100,000 attempts x 20 questions, and what the rollups cost a submit.

Read side (per backend): 2,000 students took one 20-question quiz 50 times each (100,000
closed attempts, 2,000,000 answers, spread over the last 60 days, points from a latent-
ability model so the item analysis has something to find), bulk-inserted with their
rollups summed by the app's own ``Sums`` (what each submit adds). Then one connection
at a time (service time, not queueing), signed in as the owner:

- ``Quiz.statistics`` counts, spreads, histogram, facility, option picks (the rollups),
- the same with the item analysis (alpha, discrimination: cached after its first
  computation; the first, cold, computation is timed on its own),
- ``Organization.analytics`` by day (30 days) and by week (52 weeks), with top quizzes
  and the first page of members.

Write side (per backend): ``submitAttempt`` throughput as ``bench/submit_attempt.py``
measures it (1,000 students' keys, each request a distinct attempt), on a 20-question
quiz, with the app as it is and with the rollup upserts switched off
(``bench.analytics_off:app``), on two fresh databases seeded alike; the ratio is what
keeping the aggregates current costs.

Run alone: ``python -m bench.analytics`` (``BENCH_ANALYTICS_ATTEMPTS`` to scale down).
"""

from __future__ import annotations

import asyncio
import json
import os
import sys
import time
import uuid
from datetime import timedelta
from pathlib import Path
from typing import Any

import httpx
import numpy as np
from sqlalchemy import select

from bench import data
from bench.harness import WrkResult, run_wrk_latency, run_wrk_walk, serve, server

ATTEMPTS = int(os.environ.get("BENCH_ANALYTICS_ATTEMPTS", "100000"))
STUDENTS = 2_000
QUESTIONS = 20
OPTIONS = 4
DAYS = 60
SUBMIT_STUDENTS = 1_000
SUBMIT_QUIZZES = 3

SIMPLE = """query($id: ID!) { node(id: $id) { ... on Quiz { statistics(firstAttemptsOnly: false) {
  attempts participants completionRate mean median standardDeviation passRate
  averageTimeSeconds scoreDistribution { low high attempts }
  questions { facilityIndex standardDeviation answered options { picks share } } } } } }"""
ITEMS = """query($id: ID!) { node(id: $id) { ... on Quiz { statistics(firstAttemptsOnly: false) {
  attempts mean cronbachAlpha errorRatio standardError computedAt itemAnalysisStatus
  questions { facilityIndex discriminationIndex discriminativeEfficiency flags } } } } }"""
ORG = """query($slug: String!, $interval: AnalyticsInterval, $since: Date) {
  organization(slug: $slug) { analytics(interval: $interval, since: $since) {
    activeMembers attempts averagePercentage
    timeline { start attempts activeMembers averagePercentage }
    topQuizzes(first: 5) { title attempts averagePercentage }
    members(first: 20) { edges { node { displayName attempts averagePercentage } } } } } }"""


def run(scratch: Path) -> dict[str, WrkResult | dict[str, object]]:
    from bench.quizzes_list import backends

    figures: dict[str, WrkResult | dict[str, object]] = {}
    for backend in backends():
        figures.update(_reads(scratch, backend))
        figures.update(_submits(scratch, backend))
    return figures


# --- reads ------------------------------------------------------------------------------------


def _reads(scratch: Path, backend: str) -> dict[str, WrkResult | dict[str, object]]:
    figures: dict[str, WrkResult | dict[str, object]] = {}
    with data.fresh_database(backend, scratch, "analytics_reads") as db:
        started = time.perf_counter()
        quiz_id = asyncio.run(_seed_attempts(db))
        seeded = time.perf_counter() - started
        print(f"[{backend}] seeded {ATTEMPTS:,} attempts x {QUESTIONS} questions in {seeded:.0f} s")
        label = f"{ATTEMPTS:,} attempts x {QUESTIONS} questions, {backend}"
        with serve("app.web.asgi:app", db.env) as (url, process):
            figures[f"CSV export, {label}"] = _export(url, db, quiz_id, process.pid)
        with server("app.web.asgi:app", db.env) as url:
            cookie = _owner_cookie(url, db)
            headers = {"Cookie": cookie}
            quiz = data.global_id("Quiz", quiz_id)
            cold = _timed(url, headers, {"query": ITEMS, "variables": {"id": quiz}})
            simple: dict[str, object] = {"query": SIMPLE, "variables": {"id": quiz}}
            items: dict[str, object] = {"query": ITEMS, "variables": {"id": quiz}}
            days: dict[str, object] = {
                "query": ORG,
                "variables": {"slug": "bench", "interval": "DAY"},
            }
            since = (data.now() - timedelta(weeks=52)).date().isoformat()
            weeks: dict[str, object] = {
                "query": ORG,
                "variables": {"slug": "bench", "interval": "WEEK", "since": since},
            }
            figures[f"analytics cold item analysis, {label}"] = cold
            figures[f"Quiz.statistics (rollups), {label}"] = run_wrk_latency(url, simple, headers)
            figures[f"Quiz.statistics with item analysis (cached), {label}"] = run_wrk_latency(
                url, items, headers
            )
            figures[f"Organization.analytics by day (30 days), {label}"] = run_wrk_latency(
                url, days, headers
            )
            figures[f"Organization.analytics by week (52 weeks), {label}"] = run_wrk_latency(
                url, weeks, headers
            )
    return figures


def _export(url: str, db: data.Database, quiz_id: uuid.UUID, pid: int) -> dict[str, object]:
    """The whole quiz's CSV, streamed to nowhere: time, size, and the server's resident
    memory before and at its peak (a fresh process: its peak is start-up or the export)."""
    headers = {"Cookie": _owner_cookie(url, db)}
    before = _memory_kib(pid, "VmRSS")
    started = time.perf_counter()
    size = lines = 0
    path = f"/quizzes/{data.global_id('Quiz', quiz_id)}/results.csv"
    with httpx.stream("GET", url + path, headers=headers, timeout=600) as response:
        response.raise_for_status()
        for chunk in response.iter_bytes():
            size += len(chunk)
            lines += chunk.count(b"\n")
    return {
        "seconds": round(time.perf_counter() - started, 2),
        "rows": lines - 1,
        "megabytes": round(size / 1e6, 1),
        "server_rss_before_mib": round(before / 1024, 1),
        "server_peak_rss_mib": round(_memory_kib(pid, "VmHWM") / 1024, 1),
    }


def _memory_kib(pid: int, field: str) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    return 0


def _owner_cookie(url: str, db: data.Database) -> str:
    response = httpx.post(
        url + "/graphql",
        json={
            "query": "mutation($i: LoginInput!) { login(input: $i) { viewer { kind } } }",
            "variables": {
                "i": {
                    "orgSlug": "bench",
                    "portalCode": db.org["portalCode"],
                    "username": db.org["ownerUsername"],
                    "password": "bench password 1",
                }
            },
        },
    )
    response.raise_for_status()
    return f"qg_session={response.cookies['qg_session']}"


def _timed(url: str, headers: dict[str, str], body: dict[str, Any]) -> dict[str, object]:
    """The first (cold) request, which answers at once (COMPUTING), then the same request
    every 0.2 s until the background item analysis is READY: both times."""
    started = time.perf_counter()
    stats = _statistics(url, headers, body)
    answered = time.perf_counter() - started
    first_status = stats["itemAnalysisStatus"]
    while stats["itemAnalysisStatus"] != "READY":
        time.sleep(0.2)
        stats = _statistics(url, headers, body)
    return {
        "seconds": round(answered, 3),
        "first_status": first_status,
        "ready_after_seconds": round(time.perf_counter() - started, 2),
        "attempts": stats["attempts"],
        "cronbachAlpha": round(stats["cronbachAlpha"], 4),
    }


def _statistics(url: str, headers: dict[str, str], body: dict[str, Any]) -> dict[str, Any]:
    response = httpx.post(url + "/graphql", json=body, headers=headers, timeout=600)
    payload = response.json()
    assert not payload.get("errors"), payload["errors"]
    stats: dict[str, Any] = payload["data"]["node"]["statistics"]
    return stats


def _clean(name: str, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    columns = set(data.table(name).c.keys())
    return [{k: v for k, v in row.items() if k in columns} for row in rows]


async def _seed_attempts(db: data.Database) -> uuid.UUID:
    from app.analytics import repository
    from app.analytics.rollups import ScoredAnswer, ScoredAttempt, Sums
    from app.core.db import unit_of_work

    assert db.org_id and db.owner_id
    members = data.member_rows(db.org_id, STUDENTS)
    quiz = data.quiz_rows(db.org_id, db.owner_id, 1, questions=QUESTIONS, options=OPTIONS)
    quiz_id: uuid.UUID = quiz["quizzes"][0]["id"]
    questions = [q["id"] for q in quiz["quiz_questions"]]
    options: dict[uuid.UUID, list[uuid.UUID]] = {q: [] for q in questions}
    for option in quiz["quiz_options"]:
        options[option["question_id"]].append(option["id"])
    async with data.engine(db.url) as eng, eng.begin() as conn:
        await data.bulk_insert(conn, "members", members)
        for name in ("quizzes", "quiz_questions", "quiz_options"):
            await data.bulk_insert(conn, name, _clean(name, quiz[name]))
    rng = np.random.default_rng(15)
    ability = rng.normal(size=STUDENTS)
    difficulty = np.linspace(-2, 2, QUESTIONS)
    per_member = ATTEMPTS // STUDENTS
    end = data.now()
    sums = Sums()
    attempts: list[dict[str, Any]] = []
    answers: list[dict[str, Any]] = []
    postgres = db.backend == "postgresql"
    async with data.engine(db.url) as eng, eng.begin() as conn:
        for index, member in enumerate(members):
            chance = 1 / (1 + np.exp(-(ability[index] - difficulty) * 1.5))
            right = rng.random((per_member, QUESTIONS)) < chance
            for number in range(per_member):
                attempt_id = uuid.uuid4()
                closed = end - timedelta(minutes=int(rng.integers(0, DAYS * 24 * 60)))
                started = closed - timedelta(seconds=int(rng.integers(60, 1200)))
                scored: list[ScoredAnswer] = []
                for q, question in enumerate(questions):
                    picked = options[question][0 if right[number, q] else 1 + q % 3]
                    points = 1.0 if right[number, q] else 0.0
                    selected = [data.global_id("Option", picked)]
                    scored.append(ScoredAnswer(question, points, (str(picked),)))
                    answers.append(
                        {
                            "id": uuid.uuid4(),
                            "org_id": db.org_id,
                            "attempt_id": attempt_id,
                            "question_id": question,
                            "selected": json.dumps(selected) if postgres else selected,
                            "text": None,
                            "number": None,
                            "points": points,
                            "correct": bool(right[number, q]),
                            "answered_at": closed,
                        }
                    )
                score = float(right[number].sum())
                attempt = {
                    "id": attempt_id,
                    "org_id": db.org_id,
                    "quiz_id": quiz_id,
                    "member_id": member["id"],
                    "number": number + 1,
                    "quiz_version": 1,
                    "status": "SUBMITTED",
                    "started_at": started,
                    "deadline": None,
                    "closed_at": closed,
                    "score": score,
                    "max_score": float(QUESTIONS),
                    "percentage": score / QUESTIONS * 100,
                    "passed": score / QUESTIONS >= 0.5,
                }
                attempts.append(attempt)
                sums.add(
                    ScoredAttempt(
                        attempt_id=attempt_id,
                        org_id=db.org_id,
                        quiz_id=quiz_id,
                        member_id=member["id"],
                        number=number + 1,
                        submitted=True,
                        started_at=started,
                        closed_at=closed,
                        score=score,
                        percentage=attempt["percentage"],
                        passed=attempt["passed"],
                        answers=tuple(scored),
                    )
                )
            if len(answers) >= 200_000 or index == len(members) - 1:
                await data.bulk_insert(conn, "attempts", attempts)
                if postgres:
                    await data.copy_rows(conn, "attempt_answers", answers)
                else:
                    await data.bulk_insert(conn, "attempt_answers", answers)
                attempts, answers = [], []
    async with unit_of_work(db.url) as session:
        await repository.add_sums(session, sums)
    return quiz_id


# --- submits -------------------------------------------------------------------------------


def _submits(scratch: Path, backend: str) -> dict[str, WrkResult | dict[str, object]]:
    from bench import submit_attempt

    figures: dict[str, WrkResult | dict[str, object]] = {}
    rates: dict[str, float] = {}
    for app_path, kept in (
        ("bench.analytics_off:app", "off"),
        ("app.web.asgi:app", "kept"),
    ):
        with data.fresh_database(backend, scratch, f"analytics_submit_{kept}") as db:
            keys, quizzes = asyncio.run(_seed_submit(db))
            starts = [
                submit_attempt._line(
                    keys[member], submit_attempt.START, {"quizId": data.global_id("Quiz", quiz)}
                )
                for quiz in quizzes
                for member in keys
            ]
            with server(app_path, db.env) as url:
                run_wrk_walk(url, starts[:500], starts[500:])
                opened, sheets = asyncio.run(_open(db, quizzes))
                submits = [
                    submit_attempt._line(
                        keys[member],
                        submit_attempt.SUBMIT,
                        {"attemptId": data.global_id("Attempt", attempt), "answers": sheets[quiz]},
                    )
                    for attempt, member, quiz in opened
                ]
                warm = min(500, len(submits) // 3)
                result = run_wrk_walk(url, submits[:warm], submits[warm:])
            rows = asyncio.run(_rollup_rows(db))
            label = f"submitAttempt ({QUESTIONS} answers), aggregates {kept}, {backend}"
            figures[label] = result
            figures[f"{label}: rows"] = {"submits_prepared": len(submits), **rows}
            rates[kept] = result.requests_per_second
    figures[f"submitAttempt cost of keeping aggregates, {backend}"] = {
        "rate_off": round(rates["off"], 1),
        "rate_kept": round(rates["kept"], 1),
        "kept_over_off": round(rates["kept"] / rates["off"], 3),
        "cost_percent": round((1 - rates["kept"] / rates["off"]) * 100, 1),
    }
    return figures


async def _seed_submit(db: data.Database) -> tuple[dict[uuid.UUID, str], list[uuid.UUID]]:
    assert db.org_id and db.owner_id
    members = data.member_rows(db.org_id, SUBMIT_STUDENTS)
    quizzes = data.quiz_rows(
        db.org_id, db.owner_id, SUBMIT_QUIZZES, questions=QUESTIONS, attempts_allowed=3
    )
    async with data.engine(db.url) as eng, eng.begin() as conn:
        await data.bulk_insert(conn, "members", members)
        for name in ("quizzes", "quiz_questions", "quiz_options"):
            await data.bulk_insert(conn, name, _clean(name, quizzes[name]))
    ids = [row["id"] for row in members]
    secrets = await data.insert_keys(
        db.url, db.org_id, ids, ["quizzes:read", "attempts:read", "attempts:write"]
    )
    return dict(zip(ids, secrets, strict=True)), [row["id"] for row in quizzes["quizzes"]]


async def _open(
    db: data.Database, quizzes: list[uuid.UUID]
) -> tuple[list[tuple[uuid.UUID, uuid.UUID, uuid.UUID]], dict[uuid.UUID, list[dict[str, object]]]]:
    """The open attempts and per quiz an answer sheet: odd questions right, even wrong."""
    attempt = data.table("attempts")
    question, option = data.table("quiz_questions"), data.table("quiz_options")
    async with data.engine(db.url) as eng, eng.connect() as conn:
        opened = (
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
                .where(option.c.position == 1 + (question.c.position % 2))
            )
        ).all()
    sheets: dict[uuid.UUID, list[dict[str, object]]] = {quiz: [] for quiz in quizzes}
    for question_id, quiz_id, _position, chosen in sorted(rows, key=lambda r: r[2]):
        sheets[quiz_id].append(
            {
                "questionId": data.global_id("Question", question_id),
                "selectedOptionIds": [data.global_id("Option", chosen)],
            }
        )
    return [(a, m, q) for a, m, q in opened], sheets


async def _rollup_rows(db: data.Database) -> dict[str, object]:
    from sqlalchemy import func

    counts: dict[str, object] = {}
    async with data.engine(db.url) as eng, eng.connect() as conn:
        for name in ("attempts", "analytics_score_days", "analytics_question_days"):
            total = select(func.count()).select_from(data.table(name))
            counts[name] = (await conn.execute(total)).scalar_one()
        score = data.table("analytics_score_days")
        counts["attempts_in_rollups"] = (
            await conn.execute(select(func.coalesce(func.sum(score.c.attempts), 0)))
        ).scalar_one()
    return counts


if __name__ == "__main__":
    from bench.run import main

    raise SystemExit(main(["analytics", *sys.argv[1:]]))
