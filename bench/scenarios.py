"""The measured scenarios; each sets up its data, serves the app, and runs wrk.

Each returns named figures; the runner divides them by the baseline's req/s.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import httpx

from bench import leaderboard_query, quizzes_list, soak, submit_attempt, subscribers
from bench.harness import WrkResult, quizgraph, run_wrk, server

Scenario = Callable[[Path], dict[str, WrkResult | dict[str, object]]]

VIEWER_SESSION = {"query": "{ viewer { member { username } organization { name } } }"}


def app_env(scratch: Path, name: str) -> dict[str, str]:
    return {
        "QUIZGRAPH_DATABASE_URL": f"sqlite+aiosqlite:///{scratch / name}.db",
        "QUIZGRAPH_SECRET_KEY": "bench-secret",
        "QUIZGRAPH_COOKIE_SECURE": "false",
        "QUIZGRAPH_LOGIN_ATTEMPTS_PER_IP": "100000",
    }


def fresh_org(env: dict[str, str]) -> dict[str, str]:
    quizgraph("migrate", env=env)
    return json.loads(
        quizgraph(
            "create-org",
            "--slug",
            "bench",
            "--name",
            "Bench School",
            "--owner-password",
            "bench password 1",
            "--json",
            env=env,
        )
    )


def login_cookie(url: str, org: dict[str, str]) -> str:
    response = httpx.post(
        url + "/graphql",
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
    response.raise_for_status()
    return response.cookies["qg_session"]


def viewer_session(scratch: Path) -> dict[str, WrkResult]:
    env = app_env(scratch, "viewer_session")
    org = fresh_org(env)
    with server("app.web.asgi:app", env) as url:
        cookie = login_cookie(url, org)
        result = run_wrk(url, VIEWER_SESSION, headers={"Cookie": f"qg_session={cookie}"})
    return {"viewer (session cookie)": result}


VIEWER_KEY = {"query": "{ viewer { organization { name } } }"}
CREATE_KEY = """mutation($i: CreateApiKeyInput!) { createApiKey(input: $i) { secret } }"""


def create_keys(url: str, cookie: str, count: int) -> list[str]:
    """Keys with the highest rate limit, made by the owner through the API."""
    secrets: list[str] = []
    with httpx.Client(base_url=url, cookies={"qg_session": cookie}, timeout=30) as client:
        for n in range(count):
            response = client.post(
                "/graphql",
                json={
                    "query": CREATE_KEY,
                    "variables": {
                        "i": {
                            "name": f"bench key {n}",
                            "scopes": ["org:read"],
                            "rateLimitPerMinute": 10_000,
                        }
                    },
                },
            )
            response.raise_for_status()
            secrets.append(response.json()["data"]["createApiKey"]["secret"])
    return secrets


def viewer_api_key(scratch: Path) -> dict[str, WrkResult]:
    env = app_env(scratch, "viewer_api_key")
    org = fresh_org(env)
    with server("app.web.asgi:app", env) as url:
        keys = create_keys(url, login_cookie(url, org), 1002)
        bearer = [f"Bearer {key}" for key in keys]
        one_key = run_wrk(url, VIEWER_KEY, auth_values=bearer[:1], warmup_auth_values=bearer[1:2])
        many_keys = run_wrk(url, VIEWER_KEY, auth_values=bearer[2:], warmup_auth_values=bearer[2:])
    return {"viewer (one API key)": one_key, "viewer (1,000 API keys in rotation)": many_keys}


ALL: dict[str, Scenario] = {
    "viewer_session": viewer_session,  # type: ignore[dict-item]
    "viewer_api_key": viewer_api_key,  # type: ignore[dict-item]
    "quizzes_list": quizzes_list.run,
    "submit_attempt": submit_attempt.run,
    "leaderboard_query": leaderboard_query.run,
    "subscribers": subscribers.run,
    "soak": soak.run,  # type: ignore[dict-item]
}
