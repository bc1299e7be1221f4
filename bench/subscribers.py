"""Issue 5: 1,000 websocket subscribers of ``leaderboardUpdated`` on one server process.

- Server: one uvicorn process (uvloop, httptools) on core 0, SQLite, one published quiz.
- Clients: SUBSCRIBER_PROCESSES processes on core 1 (``python -m bench.subscribers
  client``), each holding its share of the 1,000 connections (``websockets``, subprotocol
  graphql-transport-ws, no compression) authenticated by a key in ``connection_init``
  (10 owner keys with leaderboard:read, 100 connections each), subscribed to the quiz
  board (top 10). Each client stamps every message with ``time.monotonic()`` (the same
  clock in every process on Linux) as soon as it is read.
- Latency: LATENCY_EVENTS times, a different student (own key) starts and submits an
  attempt; from ``submitAttempt`` returning (stamped by the driver, also on core 1) to
  each subscriber receiving the message whose ``changed.memberId`` is that student.
  Events are 0.5 s apart, so the 10-a-second coalescing never merges two of them.
- Memory: the server's VmRSS (/proc/<pid>/status) before the clients connect and after
  all 1,000 are subscribed and idle; then after GROWTH_EVENTS more events (0.15 s apart),
  divided by the messages delivered, to see graphql-core's per-event cache growth.
- CPU: the server's user+system time (/proc/<pid>/stat) over the latency events and
  over the growth events, per delivered message; each client process's CPU over the
  run, so a saturated client side shows (clients are spread over
  ``BENCH_SUBSCRIBER_PROCESSES`` processes, by default one per 2,500 subscribers, at
  least 2, on core 1).
- Submit rate: SUBMIT_SAMPLES start+submit pairs back to back before any client
  connects, and again with every subscriber connected (each submit changes the board,
  so the second includes the fan-out competing for the core); the ratio is reported.
- Limits: every client connects from 127.0.0.1, so the server's per-address cap on
  sockets waiting for ``connection_init`` is lifted for the run; the driver raises its
  file-descriptor limit to the hard limit before starting the server (which inherits
  it) and each client process does the same.
- Across processes (``BENCH_SERVER_PROCESSES=2`` or ``--processes 2``): that many
  server processes on one database (``BENCH_BACKEND``/``--backend``: sqlite, the
  default, or postgresql) and Redis (``BENCH_REDIS_URL``, default
  redis://127.0.0.1:6379/0), each pinned to ``BENCH_SERVER_CORES`` in turn (default
  "0": all on core 0, the clients keep core 1); the client processes are dealt out
  over the servers (their count is rounded up to a multiple of the servers'), so the
  subscribers are split evenly; every submit goes to the first process. CPU and RSS
  are the servers' sums (each process's figures are reported too); a separate Redis
  subscriber counts the ``leaderboard.updated`` messages of the bench's org on the
  channel during the latency events (one per board change is the aim, whatever the
  subscribers).
- The machine's load average (1 min) is reported before and after: the bench is only
  comparable between runs on an otherwise idle machine.
Run alone: ``python -m bench.subscribers``; ``BENCH_SUBSCRIBERS=10000 BENCH_GROWTH_EVENTS=10``
for the aim on one process (100,000 messages in the growth phase);
``python -m bench.subscribers --processes 2 --subscribers 20000 --growth-events 5`` for
two processes with Redis.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any

import httpx
from websockets.typing import Subprotocol

from bench import data
from bench.harness import ROOT, pinned, serve

SUBSCRIBERS = int(os.environ.get("BENCH_SUBSCRIBERS", "1000"))
SERVER_PROCESSES = int(os.environ.get("BENCH_SERVER_PROCESSES", "1"))
SERVER_CORES = [int(c) for c in os.environ.get("BENCH_SERVER_CORES", "0").split(",")]
BACKEND = os.environ.get("BENCH_BACKEND", "sqlite")
REDIS_URL = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/0")
REDIS_CHANNEL = "quizgraph:events"  # app.events.redis_bus.CHANNEL
_processes = int(os.environ.get("BENCH_SUBSCRIBER_PROCESSES", str(max(2, -(-SUBSCRIBERS // 2500)))))
# a multiple of the server processes, so each server gets the same number of clients
SUBSCRIBER_PROCESSES = -(-_processes // SERVER_PROCESSES) * SERVER_PROCESSES
# connections each client process sets up at once (connect to first message)
CONNECTING_PER_CLIENT = int(os.environ.get("BENCH_CONNECTING_PER_CLIENT", "50"))
LATENCY_EVENTS = 20
SUBMIT_SAMPLES = int(os.environ.get("BENCH_SUBMIT_SAMPLES", "10"))
GROWTH_EVENTS = int(os.environ.get("BENCH_GROWTH_EVENTS", "60"))
SUBSCRIPTION = (
    "subscription($slug: String!, $quiz: ID) { leaderboardUpdated(orgSlug: $slug,"
    " quizId: $quiz, top: 10) { quizId entries { rank displayName score }"
    " changed { memberId rank score } } }"
)
START = "mutation($i: StartAttemptInput!) { startAttempt(input: $i) { attempt { id } } }"
SUBMIT = "mutation($i: AttemptAnswersInput!) { submitAttempt(input: $i) { attempt { score } } }"


def raise_fd_limit() -> int:
    """The soft limit on open files raised to the hard limit (children inherit it)."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if hard == resource.RLIM_INFINITY or soft < hard:
        target = hard if hard != resource.RLIM_INFINITY else max(soft, 1 << 20)
        resource.setrlimit(resource.RLIMIT_NOFILE, (target, hard))
    return resource.getrlimit(resource.RLIMIT_NOFILE)[0]


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process so far."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def cpu_all(pids: list[int]) -> float:
    return sum(cpu_seconds(pid) for pid in pids)


def rss_all(pids: list[int]) -> int:
    return sum(rss_kib(pid) for pid in pids)


class RedisCount:
    """Counts the bench org's ``leaderboard.updated`` messages on the servers' channel
    (a connection of its own, as any other process would see them)."""

    def __init__(self, org_id: uuid.UUID) -> None:
        import redis

        self.org = str(org_id)
        self.client = redis.Redis.from_url(REDIS_URL)
        self.pubsub = self.client.pubsub()  # type: ignore[no-untyped-call]
        self.pubsub.subscribe(REDIS_CHANNEL)
        self.pubsub.get_message(timeout=5)  # the subscribe confirmation

    def take(self) -> dict[str, int]:
        """The channel's messages since the last call: all, and the bench's board changes."""
        total = boards = 0
        while (message := self.pubsub.get_message(timeout=0.5)) is not None:
            if message.get("type") != "message":
                continue
            total += 1
            body = json.loads(message["data"])
            boards += body["name"] == "leaderboard.updated" and body["org_id"] == self.org
        return {"channel_messages": total, "board_changes": boards}

    def close(self) -> None:
        self.pubsub.close()
        self.client.close()


def rss_kib(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    raise RuntimeError("no VmRSS")


def run(scratch: Path) -> dict[str, dict[str, object]]:
    with contextlib_affinity(), data.fresh_database(BACKEND, scratch, "subscribers") as db:
        assert db.org_id and db.owner_id
        # the last one warms the submit path up before anything is measured
        students = data.member_rows(
            db.org_id, LATENCY_EVENTS + GROWTH_EVENTS + 2 * SUBMIT_SAMPLES + 1
        )
        quiz = data.quiz_rows(db.org_id, db.owner_id, 1)
        asyncio.run(_insert_members(db.url, students))
        asyncio.run(data.insert_quizzes(db.url, quiz))
        watch_keys = asyncio.run(
            data.insert_keys(db.url, db.org_id, [db.owner_id] * 10, ["leaderboard:read"])
        )
        student_ids = [row["id"] for row in students]
        student_keys = asyncio.run(
            data.insert_keys(
                db.url, db.org_id, student_ids, ["quizzes:read", "attempts:write", "attempts:read"]
            )
        )
        quiz_id = quiz["quizzes"][0]["id"]
        raise_fd_limit()
        env = {
            **db.env,
            # every client connects from 127.0.0.1
            "QUIZGRAPH_MAX_UNAUTHENTICATED_WEBSOCKETS_PER_IP": str(SUBSCRIBERS + 100),
            "QUIZGRAPH_MAX_WEBSOCKETS": str(max(10_000, -(-SUBSCRIBERS // SERVER_PROCESSES) + 100)),
        }
        if SERVER_PROCESSES > 1:
            env["QUIZGRAPH_REDIS_URL"] = REDIS_URL
        answers: list[dict[str, object]] = [
            {
                "questionId": data.global_id("Question", q["id"]),
                "selectedOptionIds": [
                    data.global_id("Option", o["id"])
                    for o in quiz["quiz_options"]
                    if o["question_id"] == q["id"] and o["position"] == 1
                ],
            }
            for q in quiz["quiz_questions"]
        ]
        with contextlib.ExitStack() as servers:
            running = [
                servers.enter_context(
                    serve("app.web.asgi:app", env, core=SERVER_CORES[n % len(SERVER_CORES)])
                )
                for n in range(SERVER_PROCESSES)
            ]
            return _measure(
                [url for url, _ in running],
                [process.pid for _, process in running],
                watch_keys,
                list(zip(student_ids, student_keys, strict=True)),
                quiz_id,
                answers,
                db.org_id,
            )


class contextlib_affinity:
    """Keep the driver (which stamps submit times) off the server's core 0."""

    def __enter__(self) -> None:
        self.saved = os.sched_getaffinity(0)
        if len(self.saved) > 1:
            os.sched_setaffinity(0, {1})

    def __exit__(self, *exc: object) -> None:
        os.sched_setaffinity(0, self.saved)


async def _insert_members(url: str, rows: list[dict[str, object]]) -> None:
    async with data.engine(url) as eng, eng.begin() as conn:
        await data.bulk_insert(conn, "members", rows)


def _measure(
    urls: list[str],
    pids: list[int],
    watch_keys: list[str],
    students: list[tuple[uuid.UUID, str]],
    quiz_id: uuid.UUID,
    answers: list[dict[str, object]],
    org_id: uuid.UUID,
) -> dict[str, dict[str, object]]:
    quiz_gid = data.global_id("Quiz", quiz_id)
    samples = students[LATENCY_EVENTS + GROWTH_EVENTS :]
    load_before = round(os.getloadavg()[0], 2)
    redis_count = RedisCount(org_id) if SERVER_PROCESSES > 1 else None
    with httpx.Client(base_url=urls[0], timeout=60) as http:
        http.post("/graphql", json={"query": "{ hello }"})
        _take_quiz(http, students[-1][1], quiz_gid, answers)  # warm-up, not measured
        time.sleep(1)
        cpu_start = cpu_all(pids)
        rate_alone = _submit_rate(http, samples[:SUBMIT_SAMPLES], quiz_gid, answers)
        # the servers' own CPU for one start+submit pair with nobody listening
        cpu_per_pair = (cpu_all(pids) - cpu_start) / max(1, SUBMIT_SAMPLES)
        time.sleep(1)
        rss_before_each = [rss_kib(pid) for pid in pids]
        rss_before = sum(rss_before_each)
        with tempfile.TemporaryDirectory() as tmp:
            connect_started = time.monotonic()
            clients = _start_clients(urls, watch_keys, quiz_gid, Path(tmp))
            connect_seconds = time.monotonic() - connect_started
            try:
                time.sleep(3)  # settle: every first message sent, buffers idle
                rss_idle_each = [rss_kib(pid) for pid in pids]
                rss_idle = sum(rss_idle_each)
                if redis_count is not None:
                    redis_count.take()  # what came before the latency events
                cpu_start = cpu_all(pids)
                returned: dict[str, float] = {}
                for member_id, key in students[:LATENCY_EVENTS]:
                    returned[data.global_id("Member", member_id)] = _take_quiz(
                        http, key, quiz_gid, answers
                    )
                    time.sleep(0.5)
                time.sleep(2)
                cpu_latency = cpu_all(pids) - cpu_start
                redis_latency = redis_count.take() if redis_count is not None else None
                rss_after_latency = rss_all(pids)
                cpu_start = cpu_all(pids)
                for _member_id, key in students[LATENCY_EVENTS : LATENCY_EVENTS + GROWTH_EVENTS]:
                    _take_quiz(http, key, quiz_gid, answers)
                    time.sleep(0.15)
                time.sleep(3)
                cpu_growth = cpu_all(pids) - cpu_start
                rss_after_growth = rss_all(pids)
                rate_connected = _submit_rate(
                    http, samples[SUBMIT_SAMPLES : 2 * SUBMIT_SAMPLES], quiz_gid, answers
                )
                client_cpu = [round(cpu_seconds(p.pid), 2) for p, _ in clients]
            finally:
                received = _stop_clients(clients)
                if redis_count is not None:
                    redis_count.close()
    load_after = round(os.getloadavg()[0], 2)
    latencies = [
        (stamp - returned[member]) * 1000
        for messages in received
        for member, stamp in messages
        if member in returned
    ]
    per_event = {m: sum(1 for ms in received for mm, _ in ms if mm == m) for m in returned}
    delivered = sum(len(messages) for messages in received)
    latency_messages = sum(per_event.values())
    growth_members = {
        data.global_id("Member", member_id)
        for member_id, _ in students[LATENCY_EVENTS : LATENCY_EVENTS + GROWTH_EVENTS]
    }
    growth_messages = sum(1 for ms in received for member, _ in ms if member in growth_members)
    quantiles = statistics.quantiles(latencies, n=100) if len(latencies) > 1 else [0.0] * 99
    results: dict[str, dict[str, object]] = {
        f"leaderboardUpdated, {SUBSCRIBERS:,} subscribers, submit to delivery": {
            "events": LATENCY_EVENTS,
            "deliveries": len(latencies),
            "expected": LATENCY_EVENTS * SUBSCRIBERS,
            "p50_ms": round(quantiles[49], 1),
            "p99_ms": round(quantiles[98], 1),
            "max_ms": round(max(latencies, default=0.0), 1),
            "server_cpu_s": round(cpu_latency, 2),
            "server_cpu_us_per_message": round(cpu_latency * 1e6 / max(1, latency_messages), 1),
            "server_cpu_ms_per_pair_alone": round(cpu_per_pair * 1e3, 2),
            # what the submits themselves cost (measured with nobody listening) left out
            "fanout_cpu_us_per_message": round(
                (cpu_latency - LATENCY_EVENTS * cpu_per_pair) * 1e6 / max(1, latency_messages), 1
            ),
            "connect_all_s": round(connect_seconds, 1),
            "server_processes": SERVER_PROCESSES,
            "backend": BACKEND,
            "client_processes": SUBSCRIBER_PROCESSES,
            "client_cpu_s": client_cpu,
            "delivered_total": delivered,
            "load_average_1m_before_after": [load_before, load_after],
        },
        "submit rate (start + submit pairs a second)": {
            "alone": round(rate_alone, 1),
            "with_subscribers": round(rate_connected, 1),
            "ratio": round(rate_connected / rate_alone, 3) if rate_alone else None,
        },
        f"server memory, {SUBSCRIBERS:,} idle subscribers": {
            "rss_before_kib": rss_before,
            "rss_idle_kib": rss_idle,
            "kib_per_subscriber": round((rss_idle - rss_before) / SUBSCRIBERS, 1),
            "rss_before_idle_kib_per_process": list(
                zip(rss_before_each, rss_idle_each, strict=True)
            ),
        },
        "server memory growth with events": {
            "rss_after_latency_events_kib": rss_after_latency,
            "growth_events": GROWTH_EVENTS,
            "messages_delivered_in_growth": growth_messages,
            "rss_after_growth_kib": rss_after_growth,
            "bytes_per_delivered_message": round(
                (rss_after_growth - rss_after_latency) * 1024 / max(1, growth_messages)
            ),
            "server_cpu_us_per_message": round(cpu_growth * 1e6 / max(1, growth_messages), 1),
            "fanout_cpu_us_per_message": round(
                (cpu_growth - GROWTH_EVENTS * cpu_per_pair) * 1e6 / max(1, growth_messages), 1
            ),
        },
    }
    if redis_latency is not None:
        results[f"Redis channel during the {LATENCY_EVENTS} latency events"] = dict(redis_latency)
    return results


def _submit_rate(
    http: httpx.Client,
    students: list[tuple[uuid.UUID, str]],
    quiz: str,
    answers: list[dict[str, object]],
) -> float:
    """Start + submit pairs a second, back to back, one student each."""
    if not students:
        return 0.0
    started = time.monotonic()
    for _member_id, key in students:
        _take_quiz(http, key, quiz, answers)
    return len(students) / (time.monotonic() - started)


def _take_quiz(http: httpx.Client, key: str, quiz: str, answers: list[dict[str, object]]) -> float:
    headers = {"Authorization": f"Bearer {key}"}
    started = http.post(
        "/graphql", json={"query": START, "variables": {"i": {"quizId": quiz}}}, headers=headers
    ).json()
    attempt = started["data"]["startAttempt"]["attempt"]["id"]
    submitted = http.post(
        "/graphql",
        json={"query": SUBMIT, "variables": {"i": {"attemptId": attempt, "answers": answers}}},
        headers=headers,
    )
    stamp = time.monotonic()
    assert "errors" not in submitted.json(), submitted.text
    return stamp


def _start_clients(
    urls: list[str], keys: list[str], quiz: str, tmp: Path
) -> list[tuple[subprocess.Popen[str], Path]]:
    """SUBSCRIBER_PROCESSES client processes on core 1, dealt out over the servers."""
    clients = []
    for n in range(SUBSCRIBER_PROCESSES):
        ws = urls[n % len(urls)].replace("http://", "ws://") + "/graphql"
        share = SUBSCRIBERS // SUBSCRIBER_PROCESSES + (n < SUBSCRIBERS % SUBSCRIBER_PROCESSES)
        out = tmp / f"client{n}.json"
        command = [sys.executable, "-m", "bench.subscribers", "client", ws, quiz, str(share)]
        command += [str(out), *keys]
        process = subprocess.Popen(
            pinned(1, command), cwd=ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
        )
        clients.append((process, out))
    for process, _ in clients:
        line = process.stdout.readline() if process.stdout else ""
        if not line.startswith("ready"):
            raise RuntimeError(f"subscriber client failed: {line!r}")
    return clients


def _stop_clients(clients: list[tuple[subprocess.Popen[str], Path]]) -> list[list[list[Any]]]:
    received: list[list[list[Any]]] = []
    for process, out in clients:
        assert process.stdin
        process.stdin.write("stop\n")
        process.stdin.flush()
        process.wait(timeout=120)
        for connection in json.loads(out.read_text()):
            received.append(connection)
    return received


# --- the client process -------------------------------------------------------------


async def _subscriber(
    ws_url: str,
    key: str,
    quiz: str,
    log: list[list[Any]],
    ready: asyncio.Event,
    gate: asyncio.Semaphore,
) -> None:
    """One subscriber; ``gate`` bounds the connections being set up at once (from the
    TCP connect to the first message), so a slow server makes the clients wait
    instead of piling handshakes past their timeout."""
    import websockets

    await gate.acquire()
    try:
        ws = await websockets.connect(
            ws_url,
            subprotocols=[Subprotocol("graphql-transport-ws")],
            compression=None,
            max_queue=None,
            open_timeout=120,
        )
    except BaseException:
        gate.release()
        raise
    async with ws:
        await ws.send(
            json.dumps({"type": "connection_init", "payload": {"authorization": f"Bearer {key}"}})
        )
        ack = json.loads(await ws.recv())
        assert ack["type"] == "connection_ack", ack
        variables = {"slug": "bench", "quiz": quiz}
        await ws.send(
            json.dumps(
                {
                    "id": "1",
                    "type": "subscribe",
                    "payload": {"query": SUBSCRIPTION, "variables": variables},
                }
            )
        )
        async for raw in ws:
            stamp = time.monotonic()
            message = json.loads(raw)
            if message["type"] != "next":
                raise RuntimeError(message)
            changed = message["payload"]["data"]["leaderboardUpdated"]["changed"]
            log.append([changed["memberId"] if changed else None, stamp])
            if not ready.is_set():
                ready.set()
                gate.release()


async def _client(ws_url: str, quiz: str, count: int, keys: list[str]) -> list[list[list[Any]]]:
    raise_fd_limit()
    logs: list[list[list[Any]]] = [[] for _ in range(count)]
    readies = [asyncio.Event() for _ in range(count)]
    gate = asyncio.Semaphore(CONNECTING_PER_CLIENT)
    tasks = [
        asyncio.create_task(
            _subscriber(ws_url, keys[n % len(keys)], quiz, logs[n], readies[n], gate)
        )
        for n in range(count)
    ]
    while not all(r.is_set() for r in readies):
        failed = [t for t in tasks if t.done() and t.exception()]
        if failed:
            raise failed[0].exception()  # type: ignore[misc]
        await asyncio.sleep(0.05)
    print("ready", count, flush=True)
    await asyncio.get_running_loop().run_in_executor(None, sys.stdin.readline)
    for task in tasks:
        task.cancel()
    return logs


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "client":
        ws_url, quiz, count, out, *keys = sys.argv[2:]
        Path(out).write_text(json.dumps(asyncio.run(_client(ws_url, quiz, int(count), keys))))
        raise SystemExit(0)
    parser = argparse.ArgumentParser(description="bench.subscribers (see its docstring)")
    parser.add_argument("--subscribers", type=int)
    parser.add_argument("--processes", type=int, help="server processes (2+: with Redis)")
    parser.add_argument("--backend", choices=data.BACKENDS)
    parser.add_argument("--growth-events", type=int)
    parser.add_argument("--server-cores", help='e.g. "0" or "0,1"')
    options = parser.parse_args()
    for name, value in {
        "BENCH_SUBSCRIBERS": options.subscribers,
        "BENCH_SERVER_PROCESSES": options.processes,
        "BENCH_BACKEND": options.backend,
        "BENCH_GROWTH_EVENTS": options.growth_events,
        "BENCH_SERVER_CORES": options.server_cores,
    }.items():
        if value is not None:
            os.environ[name] = str(value)
    from bench.run import main  # imports bench.subscribers anew, with these settings

    raise SystemExit(main(["subscribers"]))
