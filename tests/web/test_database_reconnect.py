"""Pooled PostgreSQL connections are not pinged before each use (no ``SELECT 1`` per
request): when the server drops them (a restart, a killed backend), the first
statement that meets a dead one fails, SQLAlchemy discards the whole pool, and every
later statement gets a fresh connection."""

from __future__ import annotations

import asyncio

import asyncpg
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from app.core.db import get_engine, unit_of_work
from tests.support.databases import PG_ADMIN_DSN, postgres_database


async def _select_one(url: str) -> bool:
    try:
        async with unit_of_work(url, write=False) as db:
            return bool((await db.execute(text("SELECT 1"))).scalar_one() == 1)
    except DBAPIError as error:
        assert error.connection_invalidated, error
        return False


async def test_connections_dropped_by_the_server_cost_one_failed_statement() -> None:
    async with postgres_database() as url:
        engine = get_engine(url)
        try:
            # five connections in the pool, all idle
            sessions = [unit_of_work(url, write=False) for _ in range(5)]
            held = [await session.__aenter__() for session in sessions]
            for db in held:
                await db.execute(text("SELECT 1"))
            for session in sessions:
                await session.__aexit__(None, None, None)
            assert engine.pool.checkedin() == 5  # type: ignore[attr-defined]
            # when the server ends every one of them
            name = url.rsplit("/", 1)[1]
            admin = await asyncpg.connect(PG_ADMIN_DSN)
            try:
                killed = await admin.fetchval(
                    "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
                    "WHERE datname = $1",
                    name,
                )
            finally:
                await admin.close()
            assert killed == 5
            await asyncio.sleep(0.1)
            # then the first statement fails (nothing pinged the connection first), and
            # none after it: the pool was renewed at once
            outcomes = [await _select_one(url) for _ in range(6)]
            assert outcomes == [False, True, True, True, True, True]
        finally:
            await engine.dispose()
