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

import functools
import logging
import os
from collections.abc import AsyncIterator, Iterable, Mapping
from contextlib import asynccontextmanager, suppress
from pathlib import Path
from typing import Any

from sqlalchemy import event, inspect, make_url
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.ext.asyncio import AsyncEngine, async_sessionmaker, create_async_engine
from sqlalchemy.orm import Mapper, Session, make_transient_to_detached
from sqlalchemy.orm.attributes import instance_dict, instance_state
from sqlalchemy.pool import NullPool
from sqlmodel.ext.asyncio.session import AsyncSession
from sqlmodel.orm.session import Session as SQLModelSession

from app.core import credential_generations, tracing
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

logger = logging.getLogger("quizgraph.db")

_engines: dict[str, AsyncEngine] = {}
_factories: dict[str, async_sessionmaker[AsyncSession]] = {}


def is_sqlite(url: str) -> bool:
    return url.startswith("sqlite")


def get_engine(url: str | None = None) -> AsyncEngine:
    url = url or get_settings().database_url
    if url not in _engines:
        engine = _engines[url] = _create_engine(url)
        tracing.instrument_engine(engine)  # nothing unless traces are configured
    return _engines[url]


def engines() -> list[AsyncEngine]:
    """The engines made so far (tracing instruments those made before it started)."""
    return list(_engines.values())


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
    """The sessions of requests, the command line and background work.

    Opened lazily: constructing an ``AsyncSession`` (its ``Session``, identity map and
    proxy registration) and closing it cost about a tenth of a cached ``viewer``
    request, which needs neither. The session is built on first use of anything it
    holds (any attribute the real ``__init__`` sets); until then ``offer_rows`` keeps
    the offered rows on this object, ``in_transaction`` is False, ``rollback`` and
    ``close`` have nothing to do, and ``peek`` answers offered rows.
    """

    sync_session_class = _TrackingSyncSession

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        self._deferred: tuple[tuple[Any, ...], dict[str, Any]] | None = (args, kwargs)
        self._offered: OfferedRows | None = None

    def __getattr__(self, name: str) -> Any:
        # Only attributes the real ``__init__`` sets are missing before it ran.
        deferred = self.__dict__.get("_deferred")
        if deferred is None:
            raise AttributeError(name)
        self._deferred = None
        super().__init__(*deferred[0], **deferred[1])
        return getattr(self, name)

    @property
    def opened(self) -> bool:
        """Whether the session has been built (something used it)."""
        return self._deferred is None

    def in_transaction(self) -> bool:
        return self.opened and super().in_transaction()

    async def close(self) -> None:
        if not self.opened:
            return
        if not _holds_connection(self.sync_session):
            self.sync_session.close()  # no connection to give back: nothing to await
            return
        await super().close()

    async def __aexit__(self, type_: Any, value: Any, traceback: Any) -> None:
        if not self.opened:
            return
        if not _holds_connection(self.sync_session):
            self.sync_session.close()  # and no task to shield it, as AsyncSession's does
            return
        await super().__aexit__(type_, value, traceback)

    def read_in_autocommit(self) -> None:
        """Let the statements that follow run each on its own, without BEGIN and COMMIT,
        on PostgreSQL (see ``autocommit_reads``); only between transactions."""
        if not self.opened:
            _args, kwargs = self._deferred or ((), {})
            bind = kwargs.get("bind")
            if isinstance(bind, AsyncEngine) and not is_sqlite(str(bind.url)):
                kwargs["bind"] = _autocommit_engine(bind)
            return
        sync = self.sync_session
        bind = sync.bind
        if sync.in_transaction() or not isinstance(bind, Engine) or bind.dialect.name == "sqlite":
            return
        if bind.get_execution_options().get("isolation_level") != "AUTOCOMMIT":
            found = _autocommit_engines.get(id(bind))
            sync.bind = (found or _autocommit_engine(AsyncEngine(bind))).sync_engine

    def offer(self, offered: OfferedRows) -> None:
        held = self._offered
        self._offered = offered if held is None else {**held, **offered}

    def peek(self, entity: Any, ident: Any) -> Any:
        """The row the session holds for this identity, else the offered row itself
        (shared with other requests: read it, never change it), else None. No SQL, and
        an unused session stays unopened."""
        if self.opened:
            held = self.sync_session.identity_map.get(self.sync_session.identity_key(entity, ident))
            if held is not None:
                # Expired by a commit or rollback: reading it would load (I/O); let the
                # caller ``get`` it instead.
                return held if _fully_loaded(held) else None
        offered = self._offered
        return offered.get((entity, ident)) if offered else None

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
        if not self.opened:
            return  # nothing began, nothing is pending
        self.sync_session.info.pop(_CHANGED_SCOPES, None)
        await super().rollback()

    async def get(self, entity: Any, ident: Any, **options: Any) -> Any:
        offered = self._offered
        plain = not any(options.get(name) for name in ("options", "populate_existing"))
        if offered and plain and options.get("with_for_update") is None:
            row = offered.get((entity, ident))
            if row is not None:
                return self._adopt(row)
        return await super().get(entity, ident, **options)

    def _adopt(self, row: object) -> object:
        """The session's own copy of an offered row (its identity map's, when it has one).

        A fresh instance with the row's column values and identity, attached as a
        persistent, clean row: what ``merge(row, load=False)`` gives, without merge's
        walk over every attribute and property and without beginning a transaction
        (a fifth of the CPU of a cached ``viewer`` request went there). Attaching uses
        the session's own step for a detached row (``_update_impl``: identity map and
        attach events), the one ``add`` ends in, minus ``add``'s cascade walk."""
        sync = self.sync_session
        source = instance_state(row)
        held = sync.identity_map.get(source.key) if source.key is not None else None
        if held is not None:
            return held
        copy = source.manager.new_instance()
        values = instance_dict(copy)
        loaded = source.dict
        for key in _column_keys(source.manager.mapper):
            if key in loaded:
                values[key] = loaded[key]
        state = instance_state(copy)
        state.key = source.key
        sync._update_impl(state)
        return copy


def _fully_loaded(row: object) -> bool:
    """Whether every column of the row is loaded (none expired, none deferred)."""
    state = instance_state(row)
    unloaded = state.unloaded
    return not unloaded or unloaded.isdisjoint(_column_keys(state.manager.mapper))


def _holds_connection(sync: Session) -> bool:
    """Whether closing the session has a connection to give back (I/O, so awaited); a
    transaction that never ran a statement (attaching a row begins one) holds none."""
    transaction = sync.get_transaction()
    return transaction is not None and bool(transaction._connections)


@functools.cache
def _column_keys(mapper: Mapper[Any]) -> tuple[str, ...]:
    return tuple(attribute.key for attribute in mapper.column_attrs)


_autocommit_engines: dict[int, AsyncEngine] = {}


def _autocommit_engine(engine: AsyncEngine) -> AsyncEngine:
    """The engine's AUTOCOMMIT variant (same pool; the isolation level is set on each
    checkout and put back when the connection returns to the pool)."""
    key = id(engine.sync_engine)
    found = _autocommit_engines.get(key)
    if found is None:
        found = _autocommit_engines[key] = engine.execution_options(isolation_level="AUTOCOMMIT")
    return found


def autocommit_reads(session: AsyncSession) -> None:
    """A read-only operation's statements run without a transaction around them.

    On PostgreSQL a request's transaction at READ COMMITTED (the server's default, and
    this app sets no other) takes a new snapshot for every statement, so a read gains
    nothing from it but costs two round trips, BEGIN and COMMIT. In AUTOCOMMIT each
    statement is its own transaction and sees what was committed before it started:
    the same as in the transaction. Call it only for an operation that doesn't write
    (a query; mutations keep their transaction) and before its first statement: a
    session already in a transaction (the door's credential lookup ends its own) is
    left as it is. SQLite keeps its transaction: there ``BEGIN`` gives the statements
    one snapshot, which autocommit would take away."""
    if isinstance(session, RequestSession):
        session.read_in_autocommit()


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
    """Let ``get`` answer these rows (``offerable``) with a copy of its own, without SQL
    (a ``RequestSession``'s: every session of the app is one)."""
    if not isinstance(session, RequestSession):
        raise TypeError("only a RequestSession takes offered rows")
    session.offer(offered)


def peek(session: AsyncSession, entity: Any, ident: Any) -> Any:
    """A row read without SQL and without opening the session: the one the session
    holds, or the one the door offered (read only: never change it), or None."""
    if isinstance(session, RequestSession):
        return session.peek(entity, ident)
    held = session.sync_session.identity_map.get(session.sync_session.identity_key(entity, ident))
    return held if held is not None and _fully_loaded(held) else None


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
    _autocommit_engines.clear()
    _factories.clear()
