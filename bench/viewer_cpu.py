"""CPU per request in process: the keyed and the session viewer, and bare Strawberry hello.

Each request goes straight into the ASGI app (no HTTP, no uvicorn): what the app itself
costs. ``time.process_time`` over N warm requests, best of five rounds.

Usage: python -m bench.viewer_cpu [N]   (SQLite in a scratch folder, no Redis)
Set BENCH_PROFILE=keyed|session to print a cProfile of that case instead.
"""

from __future__ import annotations

import asyncio
import cProfile
import os
import pstats
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

from app.core.json import dumps

Request = Callable[[], Awaitable[int]]


def asgi_post(app: Any, body: dict[str, Any], headers: list[tuple[bytes, bytes]]) -> Request:
    raw = dumps(body)
    base = [
        (b"host", b"bench"),
        (b"content-type", b"application/json"),
        (b"content-length", str(len(raw)).encode()),
        *headers,
    ]

    async def request() -> int:
        scope = {
            "type": "http",
            "asgi": {"version": "3.0"},
            "http_version": "1.1",
            "method": "POST",
            "scheme": "http",
            "path": "/graphql",
            "raw_path": b"/graphql",
            "query_string": b"",
            "root_path": "",
            "headers": base,
            "client": ("127.0.0.1", 5000),
            "server": ("127.0.0.1", 80),
        }
        sent = False
        status = 0

        async def receive() -> dict[str, Any]:
            nonlocal sent
            if sent:
                await asyncio.sleep(3600)
            sent = True
            return {"type": "http.request", "body": raw, "more_body": False}

        async def send(message: dict[str, Any]) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]

        await app(scope, receive, send)
        return status

    return request


async def measure(request: Request, count: int) -> float:
    """Best of five rounds: ms of CPU per request."""
    for _ in range(200):
        assert await request() == 200
    best = float("inf")
    for _ in range(5):
        start = time.process_time()
        for _ in range(count):
            await request()
        best = min(best, (time.process_time() - start) / count * 1000)
    return best


async def setup(scratch: Path) -> tuple[Any, Request, Request]:
    os.environ.update(
        QUIZGRAPH_DATABASE_URL=f"sqlite+aiosqlite:///{scratch / 'cpu.db'}",
        QUIZGRAPH_SECRET_KEY="bench-secret",
        QUIZGRAPH_COOKIE_SECURE="false",
        QUIZGRAPH_LOGIN_ATTEMPTS_PER_IP="100000",
    )
    from bench.scenarios import CREATE_KEY, VIEWER_KEY, VIEWER_SESSION, fresh_org

    org = fresh_org(dict(os.environ))
    import httpx

    from app.web.app import create_app

    app = create_app()
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://bench") as client:
        response = await client.post(
            "/graphql",
            json={
                "query": "mutation($i: LoginInput!) { login(input: $i) { viewer { kind } } }",
                "variables": {
                    "i": {
                        "orgSlug": org["slug"],
                        "portalCode": org["portalCode"],
                        "username": org["ownerUsername"],
                        "password": org["ownerPassword"],
                    }
                },
            },
        )
        cookie = response.cookies["qg_session"]
        response = await client.post(
            "/graphql",
            cookies={"qg_session": cookie},
            json={
                "query": CREATE_KEY,
                "variables": {
                    "i": {"name": "cpu", "scopes": ["org:read"], "rateLimitPerMinute": 10_000}
                },
            },
        )
        assert response.json()["data"], response.text
        secret = response.json()["data"]["createApiKey"]["secret"]
    keyed = asgi_post(app, VIEWER_KEY, [(b"authorization", f"Bearer {secret}".encode())])
    session = asgi_post(
        app, VIEWER_SESSION, [(b"cookie", f"qg_session={cookie}".encode()), (b"origin", b"")]
    )
    return app, keyed, session


async def main(count: int) -> None:
    from bench.baseline_app import app as hello_app

    hello = asgi_post(hello_app, {"query": "{ hello }"}, [])
    with tempfile.TemporaryDirectory() as scratch:
        _app, keyed, session = await setup(Path(scratch))
        profile = os.environ.get("BENCH_PROFILE")
        if profile:
            request = keyed if profile == "keyed" else session
            await measure(request, 100)
            profiler = cProfile.Profile()
            profiler.enable()
            for _ in range(count):
                await request()
            profiler.disable()
            stats = pstats.Stats(profiler)
            stats.sort_stats("cumulative").print_stats(60)
            return
        figures = {
            "hello": await measure(hello, count),
            "keyed viewer": await measure(keyed, count),
            "session viewer": await measure(session, count),
        }
        base = figures["hello"]
        for name, ms in figures.items():
            print(f"{name:15} {ms:.3f} ms CPU/request   hello ÷ it: {base / ms:.2f}")


if __name__ == "__main__":
    asyncio.run(main(int(sys.argv[1]) if len(sys.argv) > 1 else 1500))
