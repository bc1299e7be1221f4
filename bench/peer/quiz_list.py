"""The 20 x 10 x 4 quiz list against PostGraphile 5 on the same PostgreSQL, in one run.

Three servers, one after the other, each one process pinned to core 0 with wrk on
core 1 (bench/harness.py), the same wrk settings (3 s warm-up, BENCH_DURATION,
BENCH_CONNECTIONS):

- PostGraphile 5 on its own database (``bench/peer/seed.sql``);
- quizgraph on a fresh PostgreSQL database of the same server, and on SQLite, both
  seeded through quizgraph's own tables with the same content: 10,000 quizzes x 10
  questions x 4 options, the same titles, statuses, time limits, prompts, kinds, points
  and option texts; quizgraph lists newest first where the PostGraphile query orders by
  creation, so creation times run the other way and both first pages are quizzes 1-20.

Both ask for the same fields (quizgraph's ``id`` is a global id where PostGraphile's
``rowId`` is the bare UUID; its connection has ``edges { node }`` where PostGraphile's
has ``nodes``). quizgraph is asked with a staff API key (all statuses, like
PostGraphile, which has no auth), with a rate limit and query-cost budget high enough
never to refuse during the run; the key is still checked and charged on every request.

Prints each server's figures and the ratios quizgraph / PostGraphile.
Run alone: ``make bench-peer`` (``python -m bench.peer``).
"""

from __future__ import annotations

import asyncio
import os
import subprocess
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import asyncpg
import httpx

from bench import data
from bench.harness import WrkResult, run_wrk, serve
from bench.peer import postgraphile

QUIZZES, QUESTIONS, OPTIONS, PAGE = 10_000, 10, 4, 20
PEER_QUERY = (Path(__file__).parent / "quizzes.graphql").read_text()
QUIZGRAPH_QUERY = """query QuizList($slug: String!) {
  organization(slug: $slug) {
    quizzes(first: 20) {
      edges {
        node {
          id
          title
          status
          timeLimitSeconds
          questions(first: 10) {
            prompt
            points
            kind
            options {
              text
            }
          }
        }
      }
    }
  }
}"""
# seed.sql's kinds are single/multiple/truefalse; quizgraph's TRUE_FALSE has exactly two
# options, so the third becomes SINGLE_CHOICE to keep four options everywhere.
KINDS = ("SINGLE_CHOICE", "MULTIPLE_CHOICE", "SINGLE_CHOICE")
STATUSES = ("DRAFT", "PUBLISHED", "ARCHIVED")
NEVER_REFUSED = {
    # one key makes every request; neither its rate limit nor its cost budget may refuse
    "QUIZGRAPH_QUERY_COST_BUDGET": str(10**15),
}


def run(scratch: Path) -> dict[str, WrkResult | dict[str, object]]:
    started = time.perf_counter()
    versions = postgraphile.install()
    postgraphile.seed()
    print(f"[postgraphile] {versions}; ready in {time.perf_counter() - started:.1f} s")
    figures: dict[str, WrkResult | dict[str, object]] = {}
    with postgraphile.serve() as url:
        size = _check_peer(url)
        print(f"[postgraphile] response {size:,} bytes")
        peer = run_wrk(url, {"query": PEER_QUERY})
    _report("postgraphile", peer)
    figures["quiz list 20x10x4, PostGraphile 5, postgresql"] = peer
    sizes: dict[str, object] = {"postgraphile": size}
    ratios: dict[str, object] = {}
    for backend in os.environ.get("BENCH_BACKENDS", "postgresql,sqlite").split(","):
        result, sizes[backend] = _quizgraph(backend, scratch)
        figures[f"quiz list 20x10x4, quizgraph, {backend}"] = result
        ratios[f"quizgraph {backend} / PostGraphile"] = round(
            result.requests_per_second / peer.requests_per_second, 3
        )
    figures["peer comparison: response bytes"] = sizes
    figures["peer comparison: req/s ratio"] = ratios
    figures["peer comparison: versions"] = {"postgraphile": versions}
    return figures


def _quizgraph(backend: str, scratch: Path) -> tuple[WrkResult, int]:
    with data.fresh_database(backend, scratch, "peer_quiz_list") as db:
        assert db.org_id and db.owner_id
        started = time.perf_counter()
        asyncio.run(_seed(db, quiz_rows(db.org_id, db.owner_id)))
        keys = asyncio.run(_staff_keys(db))
        print(
            f"[quizgraph {backend}] seeded {QUIZZES:,} x {QUESTIONS} x {OPTIONS} "
            f"in {time.perf_counter() - started:.1f} s"
        )
        body: dict[str, object] = {"query": QUIZGRAPH_QUERY, "variables": {"slug": "bench"}}
        with serve("app.web.asgi:app", {**db.env, **NEVER_REFUSED}) as (url, process):
            size = _check_quizgraph(url, body, keys[0])
            print(f"[quizgraph {backend}] response {size:,} bytes")
            result = run_wrk(
                url,
                body,
                auth_values=[f"Bearer {keys[0]}"],
                warmup_auth_values=[f"Bearer {keys[1]}"],
            )
            _stop(process)
    _report(f"quizgraph {backend}", result)
    return result, size


def _report(name: str, result: WrkResult) -> None:
    """Each figure as soon as it is taken (the runner prints them all at the end)."""
    print(
        f"[{name}] {result.requests_per_second:,.1f} req/s, p50 {result.p50_ms:.0f} ms, "
        f"p99 {result.p99_ms:.0f} ms, non-2xx {result.non_2xx}, timeouts {result.timeouts}"
    )


def _stop(process: subprocess.Popen[bytes]) -> None:
    """Requests wrk left behind may still wait for a pooled connection (up to 30 s each)
    when the server is far behind; a server that won't stop in time is killed, so that
    the figures already taken are still reported."""
    process.terminate()
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def quiz_rows(org_id: uuid.UUID, creator: uuid.UUID) -> dict[str, list[dict[str, Any]]]:
    """seed.sql's content in quizgraph's tables (positions from 0, as the app stores them)."""
    base = datetime(2024, 1, 1, tzinfo=UTC)
    quizzes, questions, options = [], [], []
    for i in range(1, QUIZZES + 1):
        quiz_id = uuid.uuid4()
        created = base - timedelta(minutes=i)  # quiz 1 is the newest: first on the page
        quizzes.append(
            {
                "id": quiz_id,
                "org_id": org_id,
                "title": f"Quiz #{i}",
                "description": f"Description of quiz {i} — covers a handful of topics.",
                "status": STATUSES[i % 3],
                "version": 1,
                "time_limit_seconds": 300 + (i % 10) * 60,
                "attempts_allowed": None,
                "pass_mark_percent": None,
                "shuffle_questions": False,
                "shuffle_options": False,
                "reveal_answers": "AFTER_LAST_ATTEMPT",
                "opens_at": None,
                "closes_at": None,
                "question_count": QUESTIONS,
                "max_points": float(sum(1 + j % 5 for j in range(1, QUESTIONS + 1))),
                "created_by_id": creator,
                "created_at": created,
                "updated_at": created,
                "published_at": created if STATUSES[i % 3] != "DRAFT" else None,
                "archived_at": created if STATUSES[i % 3] == "ARCHIVED" else None,
            }
        )
        for j in range(1, QUESTIONS + 1):
            question_id = uuid.uuid4()
            questions.append(
                {
                    "id": question_id,
                    "org_id": org_id,
                    "quiz_id": quiz_id,
                    "position": j - 1,
                    "kind": KINDS[j % 3],
                    "prompt": f"Question {j} of quiz {i}: which of these is right?",
                    "points": float(1 + j % 5),
                    "explanation": None,
                    "accepted_answers": [],
                    "numeric_value": None,
                    "numeric_tolerance": 0.0,
                }
            )
            for k in range(1, OPTIONS + 1):
                options.append(
                    {
                        "id": uuid.uuid4(),
                        "org_id": org_id,
                        "quiz_id": quiz_id,
                        "question_id": question_id,
                        "position": k - 1,
                        "text": f"Option {k} for q{j} of quiz {i}",
                        "correct": k == 1 + (i + j) % 4,
                    }
                )
    return {"quizzes": quizzes, "quiz_questions": questions, "quiz_options": options}


async def _seed(db: data.Database, tables: dict[str, list[dict[str, Any]]]) -> None:
    async with data.engine(db.url) as eng, eng.begin() as conn:
        for name in ("quizzes", "quiz_questions", "quiz_options"):
            if db.backend == "postgresql":
                await data.copy_rows(conn, name, _for_copy(tables[name]))
            else:
                await data.bulk_insert(conn, name, tables[name])
    if db.backend == "postgresql":  # as the peer's seed does: fresh statistics
        conn = await asyncpg.connect(db.url.replace("postgresql+asyncpg://", "postgresql://"))
        try:
            await conn.execute("VACUUM ANALYZE quizzes, quiz_questions, quiz_options")
        finally:
            await conn.close()


def _for_copy(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """COPY sends a JSON column as its text."""
    if rows and "accepted_answers" in rows[0]:
        return [{**row, "accepted_answers": "[]"} for row in rows]
    return rows


async def _staff_keys(db: data.Database) -> list[str]:
    assert db.org_id and db.owner_id
    rows, secrets = data.key_rows(db.org_id, [db.owner_id] * 2, ["quizzes:read", "quizzes:write"])
    for row in rows:
        row["rate_limit_per_minute"] = 1_000_000
    async with data.engine(db.url) as eng, eng.begin() as conn:
        await data.bulk_insert(conn, "api_keys", rows)
    return secrets


def _check_peer(url: str) -> int:
    response = httpx.post(url + "/graphql", json={"query": PEER_QUERY}, timeout=60)
    response.raise_for_status()
    payload = response.json()
    assert "errors" not in payload, payload
    quizzes = payload["data"]["allQuizzes"]["nodes"]
    _assert_shape(
        [
            [q["optionsByQuestionId"]["nodes"] for q in quiz["questionsByQuizId"]["nodes"]]
            for quiz in quizzes
        ]
    )
    return len(response.content)


def _check_quizgraph(url: str, body: dict[str, object], key: str) -> int:
    response = httpx.post(
        url + "/graphql", json=body, headers={"Authorization": f"Bearer {key}"}, timeout=60
    )
    response.raise_for_status()
    payload = response.json()
    assert "errors" not in payload, payload
    edges = payload["data"]["organization"]["quizzes"]["edges"]
    _assert_shape([[q["options"] for q in edge["node"]["questions"]] for edge in edges])
    return len(response.content)


def _assert_shape(options_per_question_per_quiz: list[list[list[object]]]) -> None:
    shape = {
        (len(quiz), len(options)) for quiz in options_per_question_per_quiz for options in quiz
    }
    assert len(options_per_question_per_quiz) == PAGE and shape == {(QUESTIONS, OPTIONS)}, shape
