"""Issue 4: a key-authenticated list of 20 quizzes with questions and options.

The org has 10,000 published quizzes, each 5 single-choice questions of 4 options
(10,000 quizzes, 50,000 questions, 200,000 options), bulk-inserted into the migrated
database (``bench/data.py``). Two keys' views: ``quizzes:read`` only (the students'
view: published, open quizzes, no answers) and ``quizzes:read`` + ``quizzes:write``
(staff's view: every status). Run alone: ``python -m bench.quizzes_list``.
"""

from __future__ import annotations

import asyncio
import os
import sys
import time
from collections.abc import Mapping
from pathlib import Path

import httpx

from bench import data
from bench.harness import WrkResult, run_wrk, server

QUIZZES = int(os.environ.get("BENCH_QUIZZES", "10000"))
QUERY = """query($slug: String!) { organization(slug: $slug) { quizzes(first: 20) {
  edges { node { title questions(first: 10) { prompt options { text } } } } } } }"""


def backends() -> list[str]:
    return os.environ.get("BENCH_BACKENDS", ",".join(data.BACKENDS)).split(",")


def run(scratch: Path) -> dict[str, WrkResult | dict[str, object]]:
    figures: dict[str, WrkResult | dict[str, object]] = {}
    for backend in backends():
        with data.fresh_database(backend, scratch, "quizzes_list") as db:
            assert db.org_id and db.owner_id
            started = time.perf_counter()
            rows = data.quiz_rows(db.org_id, db.owner_id, QUIZZES)
            asyncio.run(data.insert_quizzes(db.url, rows))
            seeded = time.perf_counter() - started
            owner = [db.owner_id] * 2
            student_view = asyncio.run(data.insert_keys(db.url, db.org_id, owner, ["quizzes:read"]))
            staff_view = asyncio.run(
                data.insert_keys(db.url, db.org_id, owner, ["quizzes:read", "quizzes:write"])
            )
            body = {"query": QUERY, "variables": {"slug": "bench"}}
            # The query costs about 5,400 points: the default budget (200,000 a minute per
            # key) would refuse it after ~36 requests, and the figure would measure 429s.
            env = {**db.env, "QUIZGRAPH_QUERY_COST_BUDGET": str(10**15)}
            with server("app.web.asgi:app", env) as url:
                size = _check(url, body, student_view[0])
                print(
                    f"[{backend}] seeded {QUIZZES:,} quizzes x 5 questions x 4 options "
                    f"in {seeded:.1f} s; response {size:,} bytes"
                )
                for label, keys in (("quizzes:read", student_view), ("staff", staff_view)):
                    figures[f"quizzes(first: 20) nested, key {label}, {backend}"] = run_wrk(
                        url,
                        body,
                        auth_values=[f"Bearer {keys[0]}"],
                        warmup_auth_values=[f"Bearer {keys[1]}"],
                    )
            figures[f"quizzes_list seeding, {backend}"] = {
                "rows": QUIZZES * (1 + 5 + 20),
                "seconds": round(seeded, 1),
                "response_bytes": size,
            }
    return figures


def _check(url: str, body: Mapping[str, object], key: str) -> int:
    response = httpx.post(
        url + "/graphql", json=body, headers={"Authorization": f"Bearer {key}"}, timeout=30
    )
    response.raise_for_status()
    payload = response.json()
    edges = payload["data"]["organization"]["quizzes"]["edges"]
    assert "errors" not in payload and len(edges) == 20, payload
    assert all(len(q["options"]) == 4 for e in edges for q in e["node"]["questions"])
    return len(response.content)


if __name__ == "__main__":
    from bench.run import main

    raise SystemExit(main(["quizzes_list", *sys.argv[1:]]))
