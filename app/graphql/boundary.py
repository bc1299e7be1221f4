"""The request boundary: one extension owns everything around an operation.

- **The transaction.** The request owns it: commit when the operation had no error,
  roll back on any error, even on one field, so a failed request changes nothing.
  Mutations start theirs as a writer (``BEGIN IMMEDIATE`` on SQLite). A GET (or
  HEAD) request never commits: it is a safe method, and nothing it runs is kept. A
  commit refused by a unique constraint (lost to a concurrent request) replaces the
  data with a CONFLICT error instead of a false success.
- **Events.** Domain events collected on the service context are published after a
  successful commit, and dropped with a rollback; ``before_commit`` lets the
  composition root write them down in the same transaction (the webhooks' outbox).
- **Errors.** Every error leaves with ``extensions.code`` (``app.graphql.errors``);
  unexpected ones are masked as INTERNAL and logged with the request id the
  response carries.

Why one extension, listed first: Strawberry runs the extensions' hooks as nested
context managers, the first listed outermost. An exception raised in a hook (a
failing ``begin_write``, a commit failing with anything but IntegrityError, a later
extension's hook) leaves through every hook's way out, and Strawberry then turns it
into a raw error after the last one. So the boundary catches whatever escapes the
operation, its own hooks included: it rolls back, drops the events, and re-raises
the error classified, as a GraphQLError, which Strawberry passes on unchanged. The
HTTP view needs no second pass.

A streaming transport is the one gap: Strawberry's ``stream`` doesn't catch what
escapes the operation hooks, so ``guarded_stream`` (used by ``app.web.websocket``)
turns that error into the operation's last message.

A websocket carries many operations at once, so its connection's context is never
used by them: each operation gets its own context, session and transaction from it
(``ConnectionContext``), and its credential passes the door again. Over a websocket
only subscriptions run; queries and mutations are refused with BAD_USER_INPUT, so
that every change goes through the HTTP door (CSRF, rate limits, cookies).
"""

from __future__ import annotations

import contextlib
import logging
from abc import ABC, abstractmethod
from collections.abc import AsyncGenerator, AsyncIterator, Iterator
from contextlib import AbstractAsyncContextManager
from dataclasses import dataclass
from typing import Any

from graphql import GraphQLError
from sqlalchemy import event
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session
from strawberry.exceptions import MissingQueryError
from strawberry.extensions import SchemaExtension
from strawberry.schema.exceptions import CannotGetOperationTypeError, InvalidOperationTypeError
from strawberry.types.execution import ExecutionContext, ExecutionResult, PreExecutionError
from strawberry.types.graphql import OperationType  # not graphql-core's: never equal

from app.core.db import autocommit_reads, begin_write
from app.core.errors import BadUserInput, Conflict
from app.events.bus import publish_all
from app.graphql.context import Context
from app.graphql.errors import classify, classify_exception

logger = logging.getLogger("quizgraph.boundary")

SUBSCRIPTIONS_ONLY = (
    "Websockets carry subscriptions only: send queries and mutations as HTTP POST to /graphql."
)

# Safe methods: what they run is never committed (RFC 9110 section 9.2.1).
READ_ONLY_METHODS = frozenset({"GET", "HEAD"})

# Strawberry's refusals of the request itself, which the HTTP view answers as 400
# problems; they pass through the boundary as they are.
_TRANSPORT_REFUSALS = (MissingQueryError, CannotGetOperationTypeError, InvalidOperationTypeError)


@dataclass(slots=True)
class ConnectionContext(Context, ABC):
    """The context of a connection that carries several operations (a websocket)."""

    @abstractmethod
    def operation_context(self) -> AbstractAsyncContextManager[Context]:
        """A context of the operation's own: a new session, closed when it ends. Its
        actor is anonymous until ``authenticate`` (called once the operation is known
        to be a subscription), so nothing is charged to a key for a refused one."""

    @abstractmethod
    async def authenticate(self, context: Context) -> None:
        """Resolve the connection's credential again into ``context``'s actor; raise the
        door's error (or UNAUTHENTICATED) when it no longer passes."""


class RequestBoundary(SchemaExtension):
    connection: ConnectionContext | None = None  # set when the operation came on a websocket

    def __init__(self, *, execution_context: ExecutionContext | None = None) -> None:
        super().__init__(execution_context=execution_context)
        # Each error is classified (and, when unexpected, logged) once, whichever of
        # the result's and the pre-execution lists it appears in.
        self._classified: dict[int, GraphQLError] = {}
        # Errors parsing or validation left: graphql-core's own, the client's.
        self._document_errors: set[int] = set()

    async def on_operation(self) -> AsyncIterator[None]:
        try:
            async with self._operation_context() as context:
                try:
                    yield
                    await self._settle(context)
                except Exception:
                    await self._abandon(context)
                    raise
        except _TRANSPORT_REFUSALS:
            raise
        except Exception as error:
            raise classify_exception(error, self._request_id()) from error
        self._classify_outcome()

    def on_parse(self) -> Iterator[None]:
        yield
        self._note_document_errors()

    def on_validate(self) -> Iterator[None]:
        yield
        self._note_document_errors()

    async def on_execute(self) -> AsyncIterator[None]:
        context = self.execution_context.context
        if self.connection is not None:
            if self.execution_context.operation_type is not OperationType.SUBSCRIPTION:
                # Raised before anything runs; Strawberry sends it as the operation's
                # error. (In on_validate it would be overwritten by the validator.)
                raise BadUserInput({"operation": SUBSCRIPTIONS_ONLY}, SUBSCRIPTIONS_ONLY)
            await self.connection.authenticate(context)
        elif self.execution_context.operation_type is OperationType.MUTATION:
            await context.sc.db.rollback()
            await begin_write(context.sc.db)
        elif self.execution_context.operation_type is OperationType.QUERY:
            # A query writes nothing: on PostgreSQL its statements run without BEGIN and
            # COMMIT around them (same snapshots at READ COMMITTED; app.core.db).
            autocommit_reads(context.sc.db)
        yield

    def on_stream_result(self, result: object) -> Iterator[None]:
        """Each message of a subscription gets the same treatment."""
        errors = getattr(result, "errors", None)
        if errors:
            result.errors = [self._classify(error) for error in errors]  # type: ignore[attr-defined]
        yield

    @contextlib.asynccontextmanager
    async def _operation_context(self) -> AsyncIterator[Context | None]:
        shared = self.execution_context.context
        if not isinstance(shared, ConnectionContext):
            yield shared
            return
        self.connection = shared
        # Strawberry lets graphql-transport-ws run every operation type and graphql-ws
        # only subscriptions, each refusing in its own words; on_execute refuses both
        # protocols' queries and mutations alike.
        self.execution_context.allowed_operations = frozenset(OperationType)
        async with shared.operation_context() as own:
            self.execution_context.context = own
            yield own

    async def _settle(self, context: Context | None) -> None:
        execution = self.execution_context
        if context is None:
            return
        parsed = execution.graphql_document is not None
        if parsed and execution.operation_type is OperationType.SUBSCRIPTION:
            return  # a subscription writes nothing; its session closes with it
        result = execution.result
        failed = not parsed or result is None or bool(result.errors)
        if failed or execution.pre_execution_errors or _read_only(context):
            await self._abandon(context)
            return
        assert result is not None
        db = context.sc.db
        await self.before_commit(context)
        if not context.sc.events and _nothing_to_commit(db):
            return  # no statement ran and nothing is pending: the session's close ends it
        try:
            await db.commit()
        except IntegrityError as error:
            await self._abandon(context)
            logger.info("commit refused (request %s): %s", self._request_id(), error.orig)
            result.data = None
            result.errors = [GraphQLError(Conflict.default_message, original_error=Conflict())]
            return
        # Anything else (a lost connection, a full disk) leaves through on_operation:
        # rolled back, events dropped, INTERNAL.
        try:
            await publish_all(context.sc.events)
        except Exception:
            # The change is committed: the request must not fail for a consumer.
            logger.exception("publishing events failed (request %s)", self._request_id())

    async def before_commit(self, context: Context) -> None:
        """The request's last writes, in its transaction, once it is known to commit: the
        composition root's subclass stages ``sc.events`` into the webhooks' outbox. An
        error here rolls everything back (INTERNAL), like a failing commit."""

    async def _abandon(self, context: Context | None) -> None:
        """Nothing is written and nothing is announced."""
        if context is None:
            return
        context.sc.events.clear()
        try:
            await context.sc.db.rollback()
        except Exception:
            # The session is closed (and so rolled back) by its owner anyway.
            logger.exception("rollback failed (request %s)", self._request_id())

    def _note_document_errors(self) -> None:
        for error in self.execution_context.pre_execution_errors or []:
            if error.original_error is None:
                self._document_errors.add(id(error))

    def _classify(self, error: GraphQLError) -> GraphQLError:
        if id(error) not in self._classified:
            from_document = id(error) in self._document_errors
            self._classified[id(error)] = classify(
                error, self._request_id(), from_document=from_document
            )
        return self._classified[id(error)]

    def _classify_outcome(self) -> None:
        execution = self.execution_context
        result = execution.result
        errors = getattr(result, "errors", None)
        if result is not None and errors:
            result.errors = [self._classify(error) for error in errors]
        if execution.pre_execution_errors:
            execution.pre_execution_errors = [
                self._classify(error) for error in execution.pre_execution_errors
            ]

    def _request_id(self) -> str:
        return request_id_of(self.execution_context.context)


def request_id_of(context: object) -> str:
    sc = getattr(context, "sc", None)
    return sc.meta.request_id if sc is not None else "-"


# Set on a session's ``info`` while its transaction holds a connection (ran a statement).
_USED_DATABASE = "quizgraph.used_database"


@event.listens_for(Session, "after_begin")
def _note_database_use(session: Session, _transaction: Any, _connection: Any) -> None:
    session.info[_USED_DATABASE] = True


@event.listens_for(Session, "after_transaction_end")
def _forget_database_use(session: Session, transaction: Any) -> None:
    if transaction.parent is None:
        session.info.pop(_USED_DATABASE, None)


def _nothing_to_commit(db: Any) -> bool:
    """No statement ran in the session's transaction (a read answered from rows the
    door offered, or from caches) and nothing is pending: its commit would only cost
    time."""
    if not getattr(db, "opened", True):
        return True  # nothing used the session (``app.core.db.RequestSession`` is lazy)
    sync = db.sync_session
    if not sync.in_transaction():
        return True
    return not sync.info.get(_USED_DATABASE) and not (sync.new or sync.dirty or sync.deleted)


def _read_only(context: Context) -> bool:
    return getattr(context.request, "method", None) in READ_ONLY_METHODS


async def guarded_stream(
    source: AsyncGenerator[Any, None], request_id: str
) -> AsyncGenerator[Any, None]:
    """A stream whose escaping error becomes its last message: before any result, an
    error before execution (an ``error`` message); after, a result with the error.
    The boundary has already rolled back, classified and logged it."""
    started = False
    try:
        async with contextlib.aclosing(source):
            async for result in source:
                started = True
                yield result
    except Exception as escaped:
        error = classify_exception(escaped, request_id)
        if started:
            yield ExecutionResult(data=None, errors=[error])
        else:
            yield PreExecutionError(data=None, errors=[error])
