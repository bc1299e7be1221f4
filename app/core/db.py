"""Engine and session factory; one SQLAlchemy ``AsyncSession`` per request.

SQLite needs two adjustments to behave like a server database here: foreign keys
switched on per connection, and write transactions that take the write lock up
front (``BEGIN IMMEDIATE``), so two writers never both read the same "last audit
hash" and then collide. PostgreSQL serialises those appends with a row lock instead.
"""

from __future__ import annotations

import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager, suppress
from pathlib import Path
from typing import Any

from sqlalchemy import event, make_url
from sqlalchemy.engine import Connection
from sqlalchemy.ext.asyncio import AsyncEngine, async_sessionmaker, create_async_engine
from sqlalchemy.pool import NullPool
from sqlmodel.ext.asyncio.session import AsyncSession

from app.core.session import SerialisedSession
from app.core.settings import get_settings

WRITE_OPTION = "quizgraph_write"

_engines: dict[str, AsyncEngine] = {}


def is_sqlite(url: str) -> bool:
    return url.startswith("sqlite")


def get_engine(url: str | None = None) -> AsyncEngine:
    url = url or get_settings().database_url
    if url not in _engines:
        _engines[url] = _create_engine(url)
    return _engines[url]


def _create_engine(url: str) -> AsyncEngine:
    settings = get_settings()
    # Parameters are the clients' values (names, answers, searches): keep them out of
    # the log and out of the text of a failed statement's exception.
    if not is_sqlite(url):
        return create_async_engine(
            url,
            echo=settings.sql_echo,
            hide_parameters=True,
            pool_size=10,
            max_overflow=20,
            pool_pre_ping=True,
        )
    ensure_sqlite_directory(url)
    engine = create_async_engine(
        url,
        echo=settings.sql_echo,
        hide_parameters=True,
        connect_args={"timeout": 30},
        poolclass=NullPool if ":memory:" in url else None,
    )
    _configure_sqlite(engine)
    return engine


def ensure_sqlite_directory(url: str) -> None:
    """A fresh clone has no ``var/``: create the SQLite file's folder before connecting,
    and the file itself readable by this user only (0600, like the secret key): SQLite
    would create it 0644, and it makes the -wal and -shm files with the file's mode."""
    if not is_sqlite(url):
        return
    database = make_url(url).database
    if database and database != ":memory:":
        Path(database).parent.mkdir(parents=True, exist_ok=True)
        with suppress(FileExistsError):  # an existing database keeps its mode
            os.close(os.open(database, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))


def _configure_sqlite(engine: AsyncEngine) -> None:
    @event.listens_for(engine.sync_engine, "connect")
    def on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Let SQLAlchemy's "begin" event, not the driver, decide how transactions start.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()

    @event.listens_for(engine.sync_engine, "begin")
    def on_begin(connection: Connection) -> None:
        immediate = connection.get_execution_options().get(WRITE_OPTION, False)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def session_factory(url: str | None = None) -> async_sessionmaker[AsyncSession]:
    return async_sessionmaker(get_engine(url), class_=SerialisedSession, expire_on_commit=False)


async def begin_write(session: AsyncSession) -> None:
    """Mark the session's transaction as a writer before its first statement."""
    if not session.in_transaction():
        await session.connection(execution_options={WRITE_OPTION: True})


@asynccontextmanager
async def unit_of_work(
    url: str | None = None, *, write: bool = True
) -> AsyncIterator[AsyncSession]:
    """A session whose transaction commits when the block ends without error."""
    async with session_factory(url)() as session:
        if write:
            await begin_write(session)
        try:
            yield session
            await session.commit()
        except BaseException:
            await session.rollback()
            raise


async def dispose_engines() -> None:
    for engine in list(_engines.values()):
        await engine.dispose()
    _engines.clear()
