"""The request owns the transaction: commit when the operation had no error.

Mutations start their transaction as a writer (``BEGIN IMMEDIATE`` on SQLite).
Any error, even on one field, rolls the whole operation back, so a failed request
changes nothing. A failure at commit (a unique constraint lost to a concurrent
request) replaces the data with a CONFLICT error instead of a false success.
Domain events collected on the service context are published only after a
successful commit, and dropped with a rollback.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator

from graphql import GraphQLError
from sqlalchemy.exc import IntegrityError
from strawberry.extensions import SchemaExtension
from strawberry.types.graphql import OperationType  # not graphql-core's: never equal

from app.core.db import begin_write
from app.core.errors import Conflict
from app.events.bus import publish_all

logger = logging.getLogger("quizgraph.transaction")


class RequestTransaction(SchemaExtension):
    async def on_execute(self) -> AsyncIterator[None]:
        context = self.execution_context.context
        if self.execution_context.operation_type is OperationType.MUTATION:
            await context.sc.db.rollback()
            await begin_write(context.sc.db)
        yield

    async def on_operation(self) -> AsyncIterator[None]:
        yield
        context = self.execution_context.context
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
        await publish_all(context.sc.events)
