"""What an idle live subscriber costs the server: measured in process with tracemalloc.

The server (uvicorn with ``app.web.ws_protocol``, the app on the run's database) runs
in this process; its clients run in another (so their memory is not traced), each
socket with one ``leaderboardUpdated`` subscription that got its first message. The
traced growth per subscriber is an upper bound that fails when a per-subscriber cost
comes back (a parked Strawberry stream was ~25 KB of it, the middleware stack's
suspended frames ~5 KB); and a subscription keeps no task of its own: the
connection's task is the only one per socket.
"""

from __future__ import annotations

import asyncio
import gc
import subprocess
import sys
import tracemalloc
from collections.abc import AsyncIterator

import pytest
import uvicorn
from starlette.applications import Starlette

from app.web.ws_protocol import WS_PROTOCOL
from tests.leaderboards.support import two_point_quiz
from tests.leaderboards.test_live import BOARD, key_for
from tests.support.factories import OrgFixture
from tests.support.servers import free_port

SUBSCRIBERS = 120
# Traced bytes per idle subscriber, server side: 14.2-14.5 KB measured here (13.6 KB
# with 1,000 in bench/live_memory.py, docs/perf/live.md phase 6). Fails when the
# middleware stack's frames come back (19.4 KB), let alone a parked Strawberry
# operation (~25 KB more).
ALLOWED_PER_SUBSCRIBER = 16 * 1024

CLIENTS = """
import contextlib, json, sys
from websockets.sync.client import connect

url, secret, slug, quiz, count, board = sys.argv[1:7]
sockets = contextlib.ExitStack()

def subscribe():
    ws = sockets.enter_context(connect(url, subprotocols=["graphql-transport-ws"], compression=None))
    ws.send(json.dumps({"type": "connection_init", "payload": {"authorization": "Bearer " + secret}}))
    assert json.loads(ws.recv(10))["type"] == "connection_ack"
    variables = {"slug": slug, "quizId": quiz, "top": 10}
    ws.send(json.dumps({"id": "1", "type": "subscribe", "payload": {"query": board, "variables": variables}}))
    first = json.loads(ws.recv(10))
    assert first["type"] == "next" and not first["payload"].get("errors"), first

subscribe()  # warms every path of the server once
print("warm", flush=True)
sys.stdin.readline()
for _ in range(int(count)):
    subscribe()
print("ready", flush=True)
sys.stdin.readline()
sockets.close()
"""


@pytest.fixture
async def server(app: Starlette) -> AsyncIterator[str]:
    port = free_port()
    config = uvicorn.Config(
        app,
        host="127.0.0.1",
        port=port,
        log_level="warning",
        lifespan="off",
        ws=WS_PROTOCOL,
        ws_per_message_deflate=False,
    )
    served = uvicorn.Server(config)
    task = asyncio.create_task(served.serve())
    while not served.started:
        assert not task.done(), "the server did not start"
        await asyncio.sleep(0.01)
    try:
        yield f"ws://127.0.0.1:{port}/graphql"
    finally:
        served.should_exit = True
        await task


async def line(process: subprocess.Popen[str]) -> str:
    assert process.stdout is not None
    return await asyncio.to_thread(process.stdout.readline)


async def test_an_idle_subscriber_costs_little_and_keeps_no_task(
    app: Starlette, org: OrgFixture, server: str
) -> None:
    # given a board and a key that may read it
    owner = await org.signed_in(app, "owner")
    quiz = await two_point_quiz(owner, "Idle memory")
    _key_id, secret = await key_for(owner, ["leaderboard:read"])
    arguments = [server, secret, org.slug, quiz["id"], str(SUBSCRIBERS), BOARD]
    clients = subprocess.Popen(  # noqa: ASYNC220 (talked to through its pipes)
        [sys.executable, "-c", CLIENTS, *arguments],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert clients.stdin is not None
    try:
        assert await line(clients) == "warm\n"
        await asyncio.sleep(0.2)
        gc.collect()
        tasks_before = len(asyncio.all_tasks())
        tracemalloc.start(1)
        try:
            before = tracemalloc.take_snapshot()
            # when SUBSCRIBERS more sockets subscribe and go idle
            clients.stdin.write("go\n")
            clients.stdin.flush()
            assert await line(clients) == "ready\n"
            await asyncio.sleep(0.5)
            gc.collect()
            after = tracemalloc.take_snapshot()
        finally:
            tracemalloc.stop()
        tasks_after = len(asyncio.all_tasks())
        # then each costs the server less than the bound, and one task (its connection's)
        growth = sum(stat.size_diff for stat in after.compare_to(before, "filename"))
        per_subscriber = growth / SUBSCRIBERS
        top = "\n".join(str(stat) for stat in after.compare_to(before, "lineno")[:8])
        assert per_subscriber < ALLOWED_PER_SUBSCRIBER, f"{per_subscriber:.0f} B each:\n{top}"
        assert tasks_after - tasks_before == SUBSCRIBERS
    finally:
        await asyncio.to_thread(clients.communicate, "stop\n", 30)
