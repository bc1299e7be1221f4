"""The request owns the transaction: commit when the operation had no error.

Mutations start their transaction as a writer (``BEGIN IMMEDIATE`` on SQLite).
Any error, even on one field, rolls the whole operation back, so a failed request
changes nothing. A failure at commit (a unique constraint lost to a concurrent
request) replaces the data with a CONFLICT error instead of a false success.
Domain events collected on the service context are published only after a
successful commit, and dropped with a rollback.

A websocket carries many operations at once, so its connection's context is never
used by them: each operation gets its own context, session and transaction from it
(``ConnectionContext``), and its credential passes the door again. Over a websocket
only subscriptions run; queries and mutations are refused with BAD_USER_INPUT, so
that every change goes through the HTTP door (CSRF, rate limits, cookies).
"""

from __future__ import annotations

import logging
from abc import ABC, abstractmethod
from collections.abc import AsyncIterator
from contextlib import AbstractAsyncContextManager
from dataclasses import dataclass

from graphql import GraphQLError
from sqlalchemy.exc import IntegrityError
from strawberry.extensions import SchemaExtension
from strawberry.types.graphql import OperationType  # not graphql-core's: never equal

from app.core.db import begin_write
from app.core.errors import BadUserInput, Conflict
from app.events.bus import publish_all
from app.graphql.context import Context

logger = logging.getLogger("quizgraph.transaction")

SUBSCRIPTIONS_ONLY = (
    "Websockets carry subscriptions only: send queries and mutations as HTTP POST to /graphql."
)


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


class RequestTransaction(SchemaExtension):
    connection: ConnectionContext | None = None  # set when the operation came on a websocket

    async def on_operation(self) -> AsyncIterator[None]:
        shared = self.execution_context.context
        if not isinstance(shared, ConnectionContext):
            yield
            await self._settle(shared)
            return
        self.connection = shared
        # Strawberry lets graphql-transport-ws run every operation type and graphql-ws
        # only subscriptions, each refusing in its own words; on_validate refuses both
        # protocols' queries and mutations alike.
        self.execution_context.allowed_operations = frozenset(OperationType)
        async with shared.operation_context() as own:
            self.execution_context.context = own
            yield
            await self._settle(own)

    async def on_validate(self) -> AsyncIterator[None]:
        if (
            self.connection is not None
            and self.execution_context.operation_type is not OperationType.SUBSCRIPTION
        ):
            refusal = BadUserInput({"operation": SUBSCRIPTIONS_ONLY}, SUBSCRIPTIONS_ONLY)
            self.execution_context.pre_execution_errors = [
                GraphQLError(refusal.message, original_error=refusal)
            ]
        yield

    async def on_execute(self) -> AsyncIterator[None]:
        context = self.execution_context.context
        if self.connection is not None:
            await self.connection.authenticate(context)
        elif self.execution_context.operation_type is OperationType.MUTATION:
            await context.sc.db.rollback()
            await begin_write(context.sc.db)
        yield

    async def _settle(self, context: Context | None) -> None:
        result = self.execution_context.result
        if context is None:
            return
        parsed = self.execution_context.graphql_document is not None
        if parsed and self.execution_context.operation_type is OperationType.SUBSCRIPTION:
            return
        db = context.sc.db
        pre_errors = self.execution_context.pre_execution_errors
        if not parsed or result is None or result.errors or pre_errors:
            await db.rollback()
            context.sc.events.clear()
            return
        try:
            await db.commit()
        except IntegrityError as error:
            await db.rollback()
            context.sc.events.clear()
            logger.info("commit refused: %s", error.orig)
            result.data = None
            result.errors = [GraphQLError(Conflict.default_message, original_error=Conflict())]
            return
        except Exception:
            # Anything else (a lost connection, a full disk): nothing was written and
            # nothing is announced; the error goes out as INTERNAL, logged by the view.
            await db.rollback()
            context.sc.events.clear()
            raise
        await publish_all(context.sc.events)
