"""The GraphQL operation's spans, when traces are configured (``app.core.tracing``).

Strawberry's ``OpenTelemetryExtension`` with three changes:

- the operation's span is made the current span while the operation runs, so what runs
  inside it (database statements, whichever executor runs the plan) is its child;
  Strawberry's only starts it, and its children hang off the server span instead;
- no span per resolver: Strawberry's ``resolve`` hook is graphql-core middleware, and
  any middleware sends every query to graphql-core's executor instead of its compiled
  plan (``app.graphql.compiled``), which would make a traced server another server.
  Without it the extension is an ordinary part of the composed pipeline
  (``app.graphql.pipeline`` refuses parts with ``resolve``), and an execution span wraps
  whichever executor ran;
- the query's text is left out (an inline argument may be a password) and the request
  id, the operation's name and type, and its error codes are attributes.

Listed only in the traced schema (``app.schema.build_schema(traced=True)``): a server
without traces carries none of this.
"""

from __future__ import annotations

import contextlib
from collections.abc import Generator
from typing import Any

from graphql import GraphQLError
from opentelemetry import context, trace
from opentelemetry.trace import Span, Status, StatusCode
from strawberry.extensions import LifecycleStep, SchemaExtension
from strawberry.extensions.tracing import OpenTelemetryExtension
from strawberry.types import ExecutionContext

from app.core import tracing
from app.core.logging import request_id_var
from app.graphql.observation import error_code


class OperationTracing(OpenTelemetryExtension):
    # Strawberry's per-resolver spans, left out (see the module's docstring).
    resolve = SchemaExtension.resolve  # type: ignore[assignment]

    def __init__(self, *, execution_context: ExecutionContext | None = None) -> None:
        super().__init__(execution_context=execution_context, tracer_provider=tracing.provider())

    def on_operation(self) -> Generator[None, None, None]:
        execution = self.execution_context
        span = self._tracer.start_span(_span_name(execution.operation_name))
        self._span_holder[LifecycleStep.OPERATION] = span
        span.set_attribute("component", "graphql")
        span.set_attribute(tracing.REQUEST_ID_ATTRIBUTE, request_id_var.get())
        token = context.attach(trace.set_span_in_context(span))
        try:
            yield
        except GraphQLError as error:
            _note_errors(span, [error])
            raise
        else:
            _note_outcome(span, execution)
        finally:
            context.detach(token)
            span.end()

    def on_execute(self) -> Generator[None, None, None]:
        with self._tracer.start_as_current_span("GraphQL Execution"):
            yield


def _span_name(operation_name: str | None) -> str:
    return f"GraphQL Query: {operation_name}" if operation_name else "GraphQL Query"


def _note_outcome(span: Span, execution: ExecutionContext) -> None:
    """The operation's name and type as parsing found them, and its errors."""
    if execution.operation_name:
        span.update_name(_span_name(execution.operation_name))
        span.set_attribute("graphql.operation.name", execution.operation_name)
    if execution.graphql_document is not None:
        # Raises when the document names no operation that exists.
        with contextlib.suppress(Exception):
            span.set_attribute("graphql.operation.type", execution.operation_type.value)
    errors: Any = execution.pre_execution_errors or getattr(execution.result, "errors", None)
    if errors:
        _note_errors(span, errors)


def _note_errors(span: Span, errors: list[GraphQLError]) -> None:
    codes = sorted({error_code(error) for error in errors})
    span.set_attribute("graphql.error_codes", codes)
    span.set_status(Status(StatusCode.ERROR, ", ".join(codes)))
