"""Issue 16: what the tournament scheduler costs a process when nothing is due.

Runs one scheduler loop (as ``quizgraph serve`` does) against a fresh, migrated database
with nothing scheduled, for ``SECONDS`` with passes every ``MAX_SLEEP`` seconds, counts
the SQL statements it sent (SQLite's BEGIN/ROLLBACK included; on PostgreSQL the driver's
own BEGIN/ROLLBACK are not statements it sees), and reports statements per pass and per
minute at the default ``tournament_scheduler_seconds`` (30). Light (a few statements):
no bench lock needed. ``python -m bench.tournament_scheduler_idle [sqlite|postgresql]``.
"""

from __future__ import annotations

import asyncio
import os
import sys
import tempfile
from pathlib import Path

SECONDS = 20.0
MAX_SLEEP = 2.0
DEFAULT_SLEEP = 30.0


async def measure() -> dict[str, float]:
    from sqlalchemy import event

    from app.core.db import get_engine
    from app.tournaments import scheduler

    statements: list[str] = []

    def record(_conn: object, _cursor: object, statement: str, *_args: object) -> None:
        statements.append(statement.split()[0].upper())

    engine = get_engine().sync_engine
    event.listen(engine, "before_cursor_execute", record)
    async with scheduler.running(max_sleep=MAX_SLEEP) as loop:
        assert loop is not None
        await asyncio.sleep(SECONDS)
        passes = loop.passes
    event.remove(engine, "before_cursor_execute", record)
    per_pass = len(statements) / passes
    return {
        "passes": passes,
        "statements": len(statements),
        "statements_per_pass": round(per_pass, 2),
        "kinds": sorted(set(statements)),  # type: ignore[dict-item]
        "statements_per_minute_at_default": round(per_pass * 60 / DEFAULT_SLEEP, 2),
    }


def main(backend: str) -> None:
    from app.core.migrations import upgrade_to_head
    from app.core.settings import get_settings

    with tempfile.TemporaryDirectory() as scratch:
        if backend == "sqlite":
            url = f"sqlite+aiosqlite:///{Path(scratch) / 'idle.sqlite'}"
        else:
            url = os.environ["BENCH_PG_URL"]
        os.environ["QUIZGRAPH_DATABASE_URL"] = url
        get_settings.cache_clear()
        upgrade_to_head(url)
        print(backend, asyncio.run(measure()))


if __name__ == "__main__":
    os.environ.setdefault("QUIZGRAPH_ENVIRONMENT", "test")
    os.environ.setdefault("QUIZGRAPH_SECRET_KEY", "bench-not-a-secret")
    main(sys.argv[1] if len(sys.argv) > 1 else "sqlite")
