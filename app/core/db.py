"""Engine and session factory; one SQLAlchemy ``AsyncSession`` per request.

SQLite needs two adjustments to behave like a server database here: foreign keys
switched on per connection, and write transactions that take the write lock up
front (``BEGIN IMMEDIATE``), so two writers never both read the same "last audit
hash" and then collide. PostgreSQL serialises those appends with a row lock instead.

PostgreSQL connections are not pinged before use (``pool_pre_ping`` cost a round
trip, ``SELECT 1``, at every checkout, i.e. on every request): they are recycled
after ``POOL_RECYCLE_SECONDS``, below the idle timeouts of proxies and firewalls, and
a connection the server dropped anyway (a restart) fails the one statement that
meets it; SQLAlchemy then discards every pooled connection opened before (its
"disconnect" handling), so the next requests connect afresh.

The sessions do two more things for the credential cache
(``app.access.credential_cache``):

- **Credential changes.** A flush that updates or deletes a row of a credential
  table (orgs, members, API keys, sessions) notes the credential scope it belongs to
  (``credential_generations.org_scope``); so does ``note_credential_change`` for a
  change made with a Core statement. The commit then runs
  ``credential_generations.begin`` before and ``end`` after, so every process drops
  what it cached for that org before the change's response, and caches nothing
  while it commits. If ``begin`` fails (Redis down) the commit does not happen.
- **Rows offered by the door.** The door hands the session the rows a cached
  credential was built from (``offer_rows``); ``get`` answers them (as a copy the
  session owns) without SQL, as it would rows the door had loaded in this session.
"""

from __future__ import annotations

import logging
import os
from collections.abc import AsyncIterator, Iterable, Mapping
from contextlib import asynccontextmanager, suppress
from pathlib import Path
from typing import Any

from sqlalchemy import event, inspect, make_url
from sqlalchemy.engine import Connection
from sqlalchemy.ext.asyncio import AsyncEngine, async_sessionmaker, create_async_engine
from sqlalchemy.orm import Session, make_transient_to_detached
from sqlalchemy.pool import NullPool
from sqlmodel.ext.asyncio.session import AsyncSession
from sqlmodel.orm.session import Session as SQLModelSession

from app.core import credential_generations
from app.core.session import SerialisedSession
from app.core.settings import get_settings

WRITE_OPTION = "quizgraph_write"
# Below the usual idle timeouts of proxies and firewalls (often 1 hour or more).
POOL_RECYCLE_SECONDS = 1800

# Credential tables and the column naming the org a row's credentials belong to
# (None: platform staff, whose keys share the platform scope).
CREDENTIAL_TABLES: dict[str, str | None] = {
    "organizations": "id",
    "members": "org_id",
    "api_keys": "org_id",
    "member_sessions": "org_id",
    "platform_admins": None,
}
_CHANGED_SCOPES = "quizgraph_credential_scopes"
_OFFERED_ROWS = "quizgraph_offered_rows"

logger = logging.getLogger("quizgraph.db")

_engines: dict[str, AsyncEngine] = {}
_factories: dict[str, async_sessionmaker[AsyncSession]] = {}


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
            pool_recycle=POOL_RECYCLE_SECONDS,
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


class _TrackingSyncSession(SQLModelSession):
    """The synchronous session under ``RequestSession``; its flushes note credential changes."""


@event.listens_for(_TrackingSyncSession, "before_flush")
def _note_credential_rows(session: Session, _context: Any, _instances: Any) -> None:
    changed = [row for row in session.dirty if session.is_modified(row)]
    for row in [*changed, *session.deleted]:
        table = getattr(row, "__tablename__", "")
        if table in CREDENTIAL_TABLES:
            column = CREDENTIAL_TABLES[table]
            org_id = getattr(row, column) if column else None
            scope = credential_generations.org_scope(org_id)
            session.info.setdefault(_CHANGED_SCOPES, set()).add(scope)


class RequestSession(SerialisedSession):
    """The sessions of requests, the command line and background work."""

    sync_session_class = _TrackingSyncSession

    async def commit(self) -> None:
        # Held throughout, so no other resolver's statement slips in between the flush
        # that notes the changes and the commit that writes them.
        await self._use_lock.acquire()
        try:
            await self.flush()  # the flush notes its credential changes before we look
            scopes = self.sync_session.info.pop(_CHANGED_SCOPES, None)
            if not scopes:
                await super().commit()
                return
            generations = credential_generations.backend()
            try:
                await generations.begin(scopes)
            except BaseException:
                self.sync_session.info[_CHANGED_SCOPES] = scopes
                raise
            try:
                await super().commit()
            finally:
                await _end_change(generations, scopes)
        finally:
            self._use_lock.release()

    async def rollback(self) -> None:
        self.sync_session.info.pop(_CHANGED_SCOPES, None)
        await super().rollback()

    async def get(self, entity: Any, ident: Any, **options: Any) -> Any:
        offered = self.sync_session.info.get(_OFFERED_ROWS)
        plain = not any(options.get(name) for name in ("options", "populate_existing"))
        if offered and plain and options.get("with_for_update") is None:
            row = offered.get((entity, ident))
            if row is not None:
                return self._adopt(row)
        return await super().get(entity, ident, **options)

    def _adopt(self, row: object) -> object:
        """The session's own copy of an offered row (its identity map's, when it has one)."""
        sync = self.sync_session
        held = sync.identity_map.get(inspect(row).key)
        return held if held is not None else sync.merge(row, load=False)


async def _end_change(generations: credential_generations.Backend, scopes: set[str]) -> None:
    try:
        await generations.end(scopes)
    except Exception:
        # The scopes' tokens changed at ``begin``; their "changing" mark expires by itself.
        logger.exception("ending a credential change failed (%s)", ", ".join(sorted(scopes)))


def note_credential_change(session: AsyncSession, scope: str) -> None:
    """A change to credentials made without the ORM's unit of work (a Core statement);
    the commit announces it like a flushed one."""
    session.sync_session.info.setdefault(_CHANGED_SCOPES, set()).add(scope)


OfferedRows = Mapping[tuple[type, Any], object]


def offerable(rows: Iterable[object]) -> OfferedRows:
    """Detached rows (never to be changed), by what ``get`` is asked: ``offer_rows`` takes
    this, built once per cached credential."""
    offered: dict[tuple[type, Any], object] = {}
    for row in rows:
        identity = inspect(row).identity
        if identity is not None:
            offered[(type(row), identity[0] if len(identity) == 1 else identity)] = row
    return offered


def offer_rows(session: AsyncSession, offered: OfferedRows) -> None:
    """Let ``get`` answer these rows (``offerable``) with a copy of its own, without SQL."""
    info = session.sync_session.info
    held = info.get(_OFFERED_ROWS)
    info[_OFFERED_ROWS] = offered if held is None else {**held, **offered}


def detached_copy(row: Any) -> Any:
    """A copy of a loaded row that belongs to no session, as if just loaded: what
    ``offerable`` takes. Never change it: every session that asks gets a copy of it."""
    mapper = inspect(type(row))
    copy = mapper.class_manager.new_instance()
    for attribute in mapper.column_attrs:
        setattr(copy, attribute.key, getattr(row, attribute.key))
    make_transient_to_detached(copy)
    return copy


def session_factory(url: str | None = None) -> async_sessionmaker[AsyncSession]:
    url = url or get_settings().database_url
    if url not in _factories:
        _factories[url] = async_sessionmaker(
            get_engine(url), class_=RequestSession, expire_on_commit=False
        )
    return _factories[url]


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
    _factories.clear()
