"""The measured scenarios; each sets up its data, serves the app, and runs wrk.

Each returns named figures; the runner divides them by the baseline's req/s.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from pathlib import Path

import httpx

from bench import leaderboard_query, quizzes_list, soak, submit_attempt, subscribers
from bench.harness import WrkResult, quizgraph, run_wrk, server

# Mapping, not dict: a scenario may return only WrkResults, or only figures.
Scenario = Callable[[Path], Mapping[str, WrkResult | Mapping[str, object]]]

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
    org: dict[str, str] = json.loads(
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
    return org


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


HOT_KEYS = 64


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
        keys = create_keys(url, login_cookie(url, org), HOT_KEYS + 1000)
        bearer = [f"Bearer {key}" for key in keys]
        # One key's limit (10,000 a minute) is far below what the door serves, so the
        # cached case spreads its requests over a few keys: every answer is a 200, none a 429.
        hot = bearer[:HOT_KEYS]
        hot_keys = run_wrk(url, VIEWER_KEY, auth_values=hot, warmup_auth_values=hot)
        many = bearer[HOT_KEYS:]
        many_keys = run_wrk(url, VIEWER_KEY, auth_values=many, warmup_auth_values=many)
    return {
        f"viewer ({HOT_KEYS} cached API keys)": hot_keys,
        "viewer (1,000 API keys in rotation)": many_keys,
    }


ALL: dict[str, Scenario] = {
    "viewer_session": viewer_session,
    "viewer_api_key": viewer_api_key,
    "quizzes_list": quizzes_list.run,
    "submit_attempt": submit_attempt.run,
    "leaderboard_query": leaderboard_query.run,
    "subscribers": subscribers.run,
    "soak": soak.run,
}
