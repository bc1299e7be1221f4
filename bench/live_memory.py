"""Where today's live subscribers' memory goes: the server in this process, traced.

Diagnosis, not a benchmark (tracemalloc slows everything): one uvicorn server runs in
this process's event loop with ``tracemalloc`` on, ``bench.subscribers``'s client
process holds BENCH_SUBSCRIBERS (300) subscriptions of ``leaderboardUpdated``, and
submits change the board. Prints, per idle subscriber and per delivered message, the
traced bytes and RSS, and the top allocation sites of each (by line and by
traceback). ``python -m bench.live_memory``; findings in ``docs/perf/live.md``.
"""

from __future__ import annotations

import asyncio
import cProfile
import gc
import os
import pstats
import subprocess
import sys
import tempfile
import threading
import time
import tracemalloc
from collections import Counter
from pathlib import Path
from typing import Any

import httpx

from bench import data
from bench.harness import ROOT, free_port
from bench.subscribers import START, SUBMIT, rss_kib

SUBSCRIBERS = int(os.environ.get("BENCH_SUBSCRIBERS", "300"))
EVENTS = int(os.environ.get("BENCH_GROWTH_EVENTS", "30"))
TOP = int(os.environ.get("BENCH_TOP", "12"))
# BENCH_MODE=profile: no tracemalloc; the server's CPU per change without and with the
# subscribers (the difference per delivered message is the fan-out's cost), and a
# cProfile of the changes with subscribers.
PROFILE = os.environ.get("BENCH_MODE") == "profile"
# BENCH_TRACEBACKS=N: also print the N biggest allocation sites with their tracebacks
# (as deep as BENCH_FRAMES).
TRACEBACKS = int(os.environ.get("BENCH_TRACEBACKS", "0"))


def main() -> None:
    with (
        tempfile.TemporaryDirectory() as scratch,
        data.fresh_database("sqlite", Path(scratch), "live-memory") as db,
    ):
        org_id, owner_id = db.org_id, db.owner_id
        assert org_id and owner_id
        students = data.member_rows(org_id, 2 * EVENTS + 2)
        quiz = data.quiz_rows(org_id, owner_id, 1)

        async def seed() -> tuple[list[str], list[str]]:
            async with data.engine(db.url) as eng, eng.begin() as conn:
                await data.bulk_insert(conn, "members", students)
            await data.insert_quizzes(db.url, quiz)
            watch = await data.insert_keys(db.url, org_id, [owner_id] * 10, ["leaderboard:read"])
            ids = [row["id"] for row in students]
            keys = await data.insert_keys(
                db.url, org_id, ids, ["quizzes:read", "attempts:write", "attempts:read"]
            )
            return watch, keys

        watch_keys, student_keys = asyncio.run(seed())
        os.environ.update(db.env)
        # Every client connects from 127.0.0.1: the per-address cap on sockets waiting
        # for connection_init (20) would refuse them.
        os.environ["QUIZGRAPH_MAX_UNAUTHENTICATED_WEBSOCKETS_PER_IP"] = "100000"
        from app.core.settings import get_settings

        get_settings.cache_clear()  # seeding read the settings before the env was set
        if PROFILE:
            import uvloop  # as the server runs in production

            uvloop.install()
        asyncio.run(_diagnose(watch_keys, student_keys, quiz))


async def _diagnose(watch_keys: list[str], student_keys: list[str], quiz: dict[str, Any]) -> None:
    import uvicorn

    port = free_port()
    config = uvicorn.Config(
        "app.web.asgi:app",
        host="127.0.0.1",
        port=port,
        log_level="warning",
        http="httptools",
        ws=os.environ.get("BENCH_WS", "app.web.ws_protocol:LiveWebSocketProtocol"),
        ws_per_message_deflate=False,
    )
    server = uvicorn.Server(config)
    serving = asyncio.create_task(server.serve())
    while not server.started:  # noqa: ASYNC110 (uvicorn offers no event to wait on)
        await asyncio.sleep(0.05)
    url = f"http://127.0.0.1:{port}"
    quiz_id = data.global_id("Quiz", quiz["quizzes"][0]["id"])
    answers = [
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
    async with httpx.AsyncClient(base_url=url, timeout=60) as http:

        async def change(key: str) -> None:
            headers = {"Authorization": f"Bearer {key}"}
            started = await http.post(
                "/graphql",
                json={"query": START, "variables": {"i": {"quizId": quiz_id}}},
                headers=headers,
            )
            assert "data" in started.json(), started.text
            attempt = started.json()["data"]["startAttempt"]["attempt"]["id"]
            done = await http.post(
                "/graphql",
                json={
                    "query": SUBMIT,
                    "variables": {"i": {"attemptId": attempt, "answers": answers}},
                },
                headers=headers,
            )
            assert "errors" not in done.json(), done.text

        await change(student_keys[0])  # warm every path once
        await change(student_keys[1])
        alone = 0.0
        if PROFILE:
            started = time.process_time()
            for key in student_keys[2 + EVENTS : 2 + 2 * EVENTS]:
                await change(key)
                await asyncio.sleep(0.15)
            await asyncio.sleep(0.5)
            alone = (time.process_time() - started) / EVENTS
            print(f"server+driver CPU per change, no subscribers: {alone * 1e3:.2f} ms")
        else:
            tracemalloc.start(int(os.environ.get("BENCH_FRAMES", "6")))
        gc.collect()
        base = None if PROFILE else tracemalloc.take_snapshot()
        rss_base = rss_kib(os.getpid())
        with tempfile.TemporaryDirectory() as tmp:
            out = Path(tmp) / "client.json"
            ws = url.replace("http://", "ws://") + "/graphql"
            command = [sys.executable, "-m", "bench.subscribers", "client", ws, quiz_id]
            client = subprocess.Popen(  # noqa: ASYNC220 (started once, not waited on here)
                [*command, str(SUBSCRIBERS), str(out), *watch_keys],
                cwd=ROOT,
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                text=True,
            )
            assert client.stdout and client.stdin
            line = await asyncio.get_running_loop().run_in_executor(None, client.stdout.readline)
            assert line.startswith("ready"), line
            await asyncio.sleep(2)
            gc.collect()
            if PROFILE:
                profile = cProfile.Profile()
                started = time.process_time()
                profile.enable()
            else:
                idle = tracemalloc.take_snapshot()
                rss_idle = rss_kib(os.getpid())
                _report("per idle subscriber", base, idle, SUBSCRIBERS, rss_idle - rss_base)
            for key in student_keys[2 : 2 + EVENTS]:
                await change(key)
                await asyncio.sleep(0.15)
            await asyncio.sleep(2)
            if PROFILE:
                profile.disable()
                spent = (time.process_time() - started) / EVENTS
                fanout = (spent - alone) / SUBSCRIBERS
                print(
                    f"CPU per change with {SUBSCRIBERS:,} subscribers: {spent * 1e3:.2f} ms; "
                    f"fan-out per delivered message: {fanout * 1e6:.1f} us (under cProfile)"
                )
                stats = pstats.Stats(profile)
                stats.sort_stats("tottime").print_stats(TOP)
                stats.sort_stats("cumulative").print_stats(TOP)
            else:
                gc.collect()
                after = tracemalloc.take_snapshot()
                rss_after = rss_kib(os.getpid())
                _report(
                    "per delivered message", idle, after, SUBSCRIBERS * EVENTS, rss_after - rss_idle
                )
            client.stdin.write("stop\n")
            client.stdin.flush()
            await asyncio.get_running_loop().run_in_executor(None, client.wait)
    if not PROFILE:
        tracemalloc.stop()
    server.should_exit = True
    await serving


def _site(frame: Any) -> str:
    name = str(frame.filename)
    if "site-packages/" in name:
        return name.split("site-packages/")[-1].split("/")[0]
    if str(ROOT) in name:
        return name.replace(str(ROOT) + "/", "")
    return ""  # the standard library: attributed to whoever called it


def _report(title: str, before: Any, after: Any, count: int, rss_kib_delta: int) -> None:
    stats = after.compare_to(before, "traceback")
    traced = sum(s.size_diff for s in stats)
    rss = rss_kib_delta * 1024 / count
    print(f"\n== {title} ({count:,}): traced {traced / count:,.0f} B, RSS {rss:,.0f} B", end="")
    print(f", threads {threading.active_count()}")
    by_package: Counter[str] = Counter()
    by_line: Counter[str] = Counter()
    for stat in stats:
        frames = list(reversed(stat.traceback))  # most recent first (tracemalloc: oldest first)
        owner = next((_site(f) for f in frames if _site(f)), "stdlib")
        by_package[owner] += stat.size_diff
        first = next((f for f in frames if _site(f)), frames[0])
        short = first.filename.split("site-packages/")[-1].replace(str(ROOT) + "/", "")
        by_line[f"{short}:{first.lineno}"] += stat.size_diff
    print("  by package (most recent non-stdlib frame):")
    for name, size in by_package.most_common(TOP):
        print(f"  {size / count:8.0f} B  {name}")
    print("  by line (most recent non-stdlib frame):")
    for name, size in by_line.most_common(TOP):
        print(f"  {size / count:8.0f} B  {name}")
    for stat in stats[:TRACEBACKS]:
        print(f"  -- {stat.size_diff / count:8.0f} B in {stat.count_diff / count:.1f} blocks")
        for frame in reversed(stat.traceback):
            short = frame.filename.split("site-packages/")[-1].replace(str(ROOT) + "/", "")
            print(f"       {short}:{frame.lineno}")


if __name__ == "__main__":
    main()
