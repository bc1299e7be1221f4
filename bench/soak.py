"""Issue 9's soak: a steady mixed load on two server processes for minutes, not seconds.

Two uvicorn workers share PostgreSQL and Redis. A fixed schedule sends 8 operations a
second (``BENCH_SOAK_RATE``) for 300 s (``BENCH_SOAK_SECONDS``): 60 % reads (the quiz
list with questions, a quiz's leaderboard, the viewer), 40 % a startAttempt followed by
its submitAttempt, each as one of 200 students' keys. Open-loop: an operation starts on
its schedule whether or not earlier ones have answered, so a slow server shows up as
latency rather than as a lower rate. Reports p50/p99 per request kind, server errors
(5xx or INTERNAL) and each worker's RSS after the warm-up and at the end.

Run alone: ``python -m bench.soak`` (or ``make bench`` with ``soak`` as scenario).
"""

from __future__ import annotations

import asyncio
import os
import random
import statistics
import subprocess
import sys
import time
import uuid
from pathlib import Path
from typing import Any

import httpx

from bench import data
from bench.harness import serve

SECONDS = float(os.environ.get("BENCH_SOAK_SECONDS", "300"))
RATE = float(os.environ.get("BENCH_SOAK_RATE", "8"))
WARMUP_SECONDS = 10.0
STUDENTS = 200
QUIZZES = 5
REDIS_URL = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/0")

QUIZ_LIST = """query($slug: String!) { organization(slug: $slug) { quizzes(first: 20) {
  edges { node { id title questions(first: 10) { prompt options { text } } } } } } }"""
BOARD = """query($slug: String!, $quiz: ID!) { organization(slug: $slug) {
  leaderboard(quizId: $quiz, first: 20) { edges { node { rank displayName score } } } } }"""
VIEWER = "{ viewer { kind member { username } organization { name } } }"
START = """mutation($i: StartAttemptInput!) { startAttempt(input: $i) {
  attempt { id questions { id options { id text } } } } }"""
SUBMIT = """mutation($i: AttemptAnswersInput!) { submitAttempt(input: $i) {
  attempt { status score } } }"""


class Recorder:
    def __init__(self) -> None:
        self.latencies: dict[str, list[float]] = {}
        self.server_errors: list[str] = []
        self.client_errors = 0

    def record(self, kind: str, started: float, response: httpx.Response | None) -> dict[str, Any]:
        self.latencies.setdefault(kind, []).append((time.perf_counter() - started) * 1000)
        if response is None:
            self.server_errors.append(f"{kind}: no response")
            return {}
        if response.status_code >= 500:
            self.server_errors.append(f"{kind}: HTTP {response.status_code}")
            return {}
        body: dict[str, Any] = response.json()
        codes = [e.get("extensions", {}).get("code") for e in body.get("errors") or []]
        if "INTERNAL" in codes:
            self.server_errors.append(f"{kind}: INTERNAL")
        elif codes:
            self.client_errors += 1
        return body

    def summary(self) -> dict[str, object]:
        figures: dict[str, object] = {}
        every: list[float] = []
        for kind, values in sorted(self.latencies.items()):
            every.extend(values)
            figures[kind] = _percentiles(values)
        figures["all requests"] = _percentiles(every)
        figures["server_errors"] = len(self.server_errors)
        figures["requests_with_client_errors"] = self.client_errors
        return figures


def _percentiles(values: list[float]) -> dict[str, float]:
    ordered = sorted(values)
    if not ordered:
        return {"count": 0}
    cuts = statistics.quantiles(ordered, n=100) if len(ordered) > 1 else [ordered[0]] * 99
    return {"count": len(ordered), "p50_ms": round(cuts[49], 1), "p99_ms": round(cuts[98], 1)}


async def _post(
    client: httpx.AsyncClient,
    recorder: Recorder,
    kind: str,
    key: str,
    query: str,
    variables: dict[str, Any],
) -> dict[str, Any]:
    started = time.perf_counter()
    try:
        response = await client.post(
            "/graphql",
            json={"query": query, "variables": variables},
            headers={"Authorization": f"Bearer {key}"},
        )
    except httpx.HTTPError:
        response = None
    return recorder.record(kind, started, response)


async def _take_quiz(client: httpx.AsyncClient, recorder: Recorder, key: str, quiz_id: str) -> None:
    started = await _post(client, recorder, "startAttempt", key, START, {"i": {"quizId": quiz_id}})
    attempt = ((started.get("data") or {}).get("startAttempt") or {}).get("attempt")
    if not attempt:
        return
    answers = [
        {
            "questionId": question["id"],
            "selectedOptionIds": [random.choice(question["options"])["id"]],
        }
        for question in attempt["questions"]
    ]
    await _post(
        client,
        recorder,
        "submitAttempt",
        key,
        SUBMIT,
        {"i": {"attemptId": attempt["id"], "answers": answers}},
    )


async def _operation(
    client: httpx.AsyncClient, recorder: Recorder, keys: list[str], quizzes: list[str]
) -> None:
    key, quiz = random.choice(keys), random.choice(quizzes)
    draw = random.random()
    if draw < 0.2:
        await _post(client, recorder, "quiz list", key, QUIZ_LIST, {"slug": "bench"})
    elif draw < 0.4:
        await _post(client, recorder, "leaderboard", key, BOARD, {"slug": "bench", "quiz": quiz})
    elif draw < 0.6:
        await _post(client, recorder, "viewer", key, VIEWER, {})
    else:
        await _take_quiz(client, recorder, key, quiz)


async def _load(url: str, keys: list[str], quizzes: list[str], seconds: float) -> Recorder:
    recorder = Recorder()
    limits = httpx.Limits(max_connections=64, max_keepalive_connections=64)
    async with httpx.AsyncClient(base_url=url, timeout=60.0, limits=limits) as client:
        tasks: list[asyncio.Task[None]] = []
        begin = time.perf_counter()
        for n in range(int(seconds * RATE)):
            delay = begin + n / RATE - time.perf_counter()
            if delay > 0:
                await asyncio.sleep(delay)
            tasks.append(asyncio.create_task(_operation(client, recorder, keys, quizzes)))
        await asyncio.gather(*tasks)
    return recorder


def _worker_rss_mib(master_pid: int) -> list[float]:
    children = subprocess.run(
        ["pgrep", "-P", str(master_pid)], capture_output=True, text=True, check=False
    ).stdout.split()
    sizes = []
    for pid in children:
        status = Path(f"/proc/{pid}/status")
        if not status.exists():
            continue
        for line in status.read_text().splitlines():
            if line.startswith("VmRSS:"):
                sizes.append(round(int(line.split()[1]) / 1024, 1))
    return sizes


async def _seed(db: data.Database) -> tuple[list[str], list[str]]:
    assert db.org_id and db.owner_id
    members = data.member_rows(db.org_id, STUDENTS)
    quizzes = data.quiz_rows(db.org_id, db.owner_id, QUIZZES, questions=10)
    async with data.engine(db.url) as eng, eng.begin() as conn:
        await data.bulk_insert(conn, "members", members)
    await data.insert_quizzes(db.url, quizzes)
    scopes = ["quizzes:read", "attempts:read", "attempts:write", "leaderboard:read", "org:read"]
    keys = await data.insert_keys(db.url, db.org_id, [row["id"] for row in members], scopes)
    quiz_ids: list[uuid.UUID] = [row["id"] for row in quizzes["quizzes"]]
    return keys, [data.global_id("Quiz", quiz) for quiz in quiz_ids]


def run(scratch: Path) -> dict[str, dict[str, object]]:
    with data.fresh_database("postgresql", scratch, "soak") as db:
        keys, quizzes = asyncio.run(_seed(db))
        env = {**db.env, "QUIZGRAPH_REDIS_URL": REDIS_URL}
        with serve("app.web.asgi:app", env, workers=2) as (url, process):
            time.sleep(2)  # both workers up
            asyncio.run(_load(url, keys, quizzes, WARMUP_SECONDS))
            rss_before = _worker_rss_mib(process.pid)
            recorder = asyncio.run(_load(url, keys, quizzes, SECONDS))
            rss_after = _worker_rss_mib(process.pid)
    for line in recorder.server_errors[:20]:
        print("server error:", line)
    summary = recorder.summary()
    summary["worker_rss_mib_after_warmup"] = rss_before
    summary["worker_rss_mib_at_end"] = rss_after
    label = f"soak: {RATE:g} ops/s for {SECONDS:g} s, 2 processes, PostgreSQL + Redis"
    return {label: summary}


if __name__ == "__main__":
    from bench.run import main

    raise SystemExit(main(["soak", *sys.argv[1:]]))
