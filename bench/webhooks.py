"""Issue 13: what webhooks cost the API, and how fast they go out.

The submitAttempt run of ``bench.submit_attempt`` twice on fresh databases: with no
webhook endpoint, then with 3 endpoints subscribed to every event (each submit writes
3 messages, quiz.completed, user.scored and a coalesced leaderboard.updated, and up to
9 deliveries in its transaction). The receiver is a Starlette app on 127.0.0.1 in a
thread of this process (the server allows 127.0.0.1); the server's own worker sends.
Figures: the submit rate with 3 endpoints over the rate with none (aim: cost < 10 %),
delivery throughput (deliveries per second from the first to the last arrival, one
server process) and commit-to-receipt latency (arrival minus the event's timestamp,
taken just before the commit: an upper bound), p50/p99. The receiver records each
request's path and ``webhook-id``; the drain waits until no delivery is pending, counting
the delivery rows then (submits still in flight when wrk stops commit after it), and the
figures say how many requests arrived, how many distinct (endpoint, webhook-id) pairs,
how many deliveries succeeded and how many tries the log holds.
Run alone: ``python -m bench.webhooks``.
"""

from __future__ import annotations

import asyncio
import json
import os
import statistics
import subprocess
import threading
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

import uvicorn
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from bench import data
from bench.harness import BIN, ROOT, WrkResult, free_port, pinned, run_wrk_walk, server
from bench.submit_attempt import START, SUBMIT, WARMUP_LINES, _line, _open_attempts, _seed

DRAIN_SECONDS = 120


class Receiver:
    def __init__(self) -> None:
        self.port = free_port()
        self.arrivals: list[tuple[float, float]] = []  # (arrived, event timestamp)
        self.seen: list[tuple[str, str]] = []  # (path, webhook-id)
        app = Starlette(routes=[Route("/{p:path}", self.handle, methods=["POST"])])
        self.server = uvicorn.Server(
            uvicorn.Config(app, host="127.0.0.1", port=self.port, log_level="warning")
        )
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    async def handle(self, request: Request) -> Response:
        body = json.loads(await request.body())
        stamp = datetime.fromisoformat(body["timestamp"].replace("Z", "+00:00")).timestamp()
        self.arrivals.append((time.time(), stamp))
        self.seen.append((request.url.path, request.headers["webhook-id"]))
        return Response(status_code=204)

    def __enter__(self) -> Receiver:
        self.thread.start()
        while not self.server.started:
            time.sleep(0.01)
        return self

    def __exit__(self, *_exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(10)


def run(scratch: Path) -> dict[str, WrkResult | dict[str, object]]:
    from bench.quizzes_list import backends

    figures: dict[str, WrkResult | dict[str, object]] = {}
    for backend in backends():
        rates: dict[str, float] = {}
        for mode, endpoints in RUNS:
            with (
                Receiver() as receiver,
                data.fresh_database(backend, scratch, f"webhooks_{mode.replace(' ', '_')}") as db,
            ):
                keys, quizzes = asyncio.run(_seed(db))
                asyncio.run(_endpoints(db, receiver.port, endpoints))
                env = {**db.env, "QUIZGRAPH_WEBHOOK_ALLOWED_HOSTS": '["127.0.0.1"]'}
                apart = mode == "apart"
                if apart:
                    env["QUIZGRAPH_WEBHOOK_WORKER"] = "false"
                starts = [
                    _line(keys[m], START, {"quizId": data.global_id("Quiz", q)})
                    for q in quizzes
                    for m in keys
                ]
                with (
                    server("app.web.asgi:app", env) as url,
                    _worker_process({**env, "QUIZGRAPH_WEBHOOK_WORKER": "true"}, apart),
                ):
                    run_wrk_walk(url, starts[:WARMUP_LINES], starts[WARMUP_LINES:])
                    attempts, answers = asyncio.run(_open_attempts(db, quizzes))
                    submits = [
                        _line(
                            keys[m],
                            SUBMIT,
                            {"attemptId": data.global_id("Attempt", a), "answers": answers[q]},
                        )
                        for a, m, q in attempts
                    ]
                    warm = min(WARMUP_LINES, len(submits) // 3)
                    submitted = run_wrk_walk(url, submits[:warm], submits[warm:])
                    deadline = time.time() + DRAIN_SECONDS
                    counts = asyncio.run(_deliveries(db))
                    while counts["pending"] and time.time() < deadline:
                        time.sleep(0.5)
                        counts = asyncio.run(_deliveries(db))
                rates[mode] = submitted.requests_per_second
                label = f"{endpoints} endpoints{', worker apart' if apart else ''}, {backend}"
                figures[f"submitAttempt with {label}"] = submitted
                if endpoints:
                    figures[f"webhook deliveries with {label}"] = _delivery_figures(
                        receiver, counts
                    )
        figures[f"webhooks cost, {backend}"] = {
            "submit_rate_3_over_0": round(rates["in server"] / rates["none"], 3),
            "submit_rate_3_worker_apart_over_0": round(rates["apart"] / rates["none"], 3),
            "cost_percent": round(100 * (1 - rates["in server"] / rates["none"]), 1),
        }
    return figures


# (mode, endpoints): none; 3 with the server's own worker; 3 with the server's worker off
# and ``quizgraph webhooks worker`` in a process of its own (on the other core).
RUNS = (("none", 0), ("in server", 3), ("apart", 3))


@contextmanager
def _worker_process(env: dict[str, str], wanted: bool) -> Iterator[None]:
    if not wanted:
        yield
        return
    command = pinned(1, [str(BIN / "quizgraph"), "webhooks", "worker"])
    process = subprocess.Popen(command, cwd=ROOT, env={**os.environ, **env})
    try:
        yield
    finally:
        process.terminate()
        process.wait(10)


def _delivery_figures(receiver: Receiver, counts: dict[str, int]) -> dict[str, object]:
    arrivals = sorted(receiver.arrivals)
    found: dict[str, object] = {
        "received": len(arrivals),
        "distinct": len(set(receiver.seen)),
        **counts,
    }
    if len(arrivals) < 2:
        return found
    span = arrivals[-1][0] - arrivals[0][0]
    latencies = sorted((arrived - stamp) * 1000 for arrived, stamp in arrivals)
    quantiles = statistics.quantiles(latencies, n=100)
    return {
        **found,
        "per_second": round(len(arrivals) / span, 1) if span else None,
        "commit_to_receipt_p50_ms": round(quantiles[49], 1),
        "commit_to_receipt_p99_ms": round(quantiles[98], 1),
    }


async def _endpoints(db: data.Database, port: int, count: int) -> None:
    if not count:
        return
    from app.webhooks.signing import _fernet, new_secret

    rows: list[dict[str, object]] = [
        {
            "id": uuid.uuid4(),
            "org_id": db.org_id,
            "org_ids": None,
            "url": f"http://127.0.0.1:{port}/hook/{n}",
            "description": "bench",
            "events": [],
            "enabled": True,
            "secret_encrypted": _fernet(data.SECRET_KEY).encrypt(new_secret().encode()).decode(),
            "created_at": datetime.now().astimezone(),
        }
        for n in range(count)
    ]
    async with data.engine(db.url) as eng, eng.begin() as conn:
        await data.bulk_insert(conn, "webhook_endpoints", rows)


async def _deliveries(db: data.Database) -> dict[str, int]:
    """Delivery rows (all, pending, succeeded) and the log's tries."""
    from sqlalchemy import func, select

    deliveries = data.table("webhook_deliveries")
    tries = data.table("webhook_delivery_attempts")
    status = deliveries.c.status
    async with data.engine(db.url) as eng, eng.connect() as conn:
        row = (
            await conn.execute(
                select(
                    func.count(),
                    func.count().filter(status == "PENDING"),
                    func.count().filter(status == "SUCCEEDED"),
                ).select_from(deliveries)
            )
        ).one()
        logged = (await conn.execute(select(func.count()).select_from(tries))).scalar_one()
    return {
        "deliveries": int(row[0]),
        "pending": int(row[1]),
        "succeeded": int(row[2]),
        "tries": int(logged),
    }


if __name__ == "__main__":
    found = run(Path(os.environ.get("TMPDIR", "/tmp")))
    for label, value in found.items():
        print(label, value.as_dict() if isinstance(value, WrkResult) else value)
