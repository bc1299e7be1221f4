"""Issue 9: how fast the server refuses a query that is over the cost limit.

The audit's width amplification: 30 aliases of ``node(id:) { ... on Quiz { questions
{ prompt options { id text } } } }`` (up to 810,030 objects), sent with a session
cookie. It must be refused (QUERY_TOO_COMPLEX) before anything runs, so the figure is
the price of parsing (cached), measuring and answering. Two runs: wrk's usual 32
connections (throughput, ratio to the hello-world baseline), and one connection, one
request at a time, whose p50/p99 are the refusal's own service time (aim: < 10 ms).
Run alone: ``python -m bench.query_refusal`` (with the baseline).
"""

from __future__ import annotations

import sys
from pathlib import Path

import httpx

from bench.harness import WrkResult, run_wrk, run_wrk_latency, server
from bench.scenarios import app_env, fresh_org, login_cookie

ALIAS = "node(id: $id) { ... on Quiz { questions { prompt options { id text } } } }"
ATTACK: dict[str, object] = {
    "query": "query($id: ID!) { " + " ".join(f"a{i}: {ALIAS}" for i in range(30)) + " }",
    "variables": {"id": "UXVpejox"},
}


def run(scratch: Path) -> dict[str, WrkResult | dict[str, object]]:
    env = app_env(scratch, "query_refusal")
    org = fresh_org(env)
    with server("app.web.asgi:app", env) as url:
        headers = {"Cookie": f"qg_session={login_cookie(url, org)}"}
        _check(url, headers)
        saturated = run_wrk(url, ATTACK, headers=headers)
        alone = run_wrk_latency(url, ATTACK, headers)
    return {
        "30-alias width amplification refused (32 connections)": saturated,
        "30-alias width amplification refused (1 connection)": alone,
    }


def _check(url: str, headers: dict[str, str]) -> None:
    """The benchmark measures refusals, so make sure that is what the server answers."""
    response = httpx.post(url + "/graphql", json=ATTACK, headers=headers, timeout=30)
    body = response.json()
    assert body["data"] is None, body
    assert body["errors"][0]["extensions"]["code"] == "QUERY_TOO_COMPLEX", body


if __name__ == "__main__":
    from bench import run as runner

    raise SystemExit(runner.main(["query_refusal", *sys.argv[1:]]))
