"""Every error leaves with ``extensions.code``; unexpected ones are masked and logged.

Domain errors (``AppError``) keep their message and extensions. Parse and validation
errors are the client's: BAD_USER_INPUT, or QUERY_TOO_COMPLEX when the parser's
token cap refused the document. Anything else becomes INTERNAL with a generic message, and
the server log gets the traceback with the request id the response also carries.

``ErrorCodes`` classifies what an operation returns. An exception raised by an
extension hook (a failed commit, say) skips the hooks' way out, so the HTTP view
classifies every result once more (``classify_all``; an error already classified is
left as it is).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator

from graphql import GraphQLError
from strawberry.extensions import SchemaExtension

from app.core.errors import AppError

logger = logging.getLogger("quizgraph.errors")

# The parser's token cap is graphql-core's syntax error, so its number is read from
# the message; depth, aliases, fragments and cost raise ``QueryTooComplex`` itself
# (``app.graphql.cost``).
_COMPLEXITY_PATTERNS = (re.compile(r"more than (?P<limit>\d+) tokens"),)


class ClassifiedError(GraphQLError):
    """An error that already carries its code; classifying it again leaves it alone."""


def classify(error: GraphQLError, request_id: str) -> GraphQLError:
    if isinstance(error, ClassifiedError):
        return error
    domain = _domain_error(error)
    if domain is not None:
        return _with(error, domain.message, domain.as_extensions())
    if error.path is None and isinstance(_root_cause(error), RecursionError):
        # Only a document or variables nested past the interpreter's stack get here
        # before execution; the client can send a shallower one.
        logger.warning("refused a too deeply nested request (request %s)", request_id)
        return _with(error, NESTED_TOO_DEEPLY, {"code": "BAD_USER_INPUT"})
    if _is_client_error(error):
        complexity = _complexity(error.message)
        if complexity is not None:
            return _with(error, error.message, {"code": "QUERY_TOO_COMPLEX", **complexity})
        code = (error.extensions or {}).get("code") or "BAD_USER_INPUT"
        return _with(error, error.message, {**(error.extensions or {}), "code": code})
    logger.error(
        "unexpected error in %s (request %s)",
        error.path or "the operation",
        request_id,
        exc_info=_root_cause(error),
    )
    message, extensions = internal_error(request_id)
    return _with(error, message, extensions)


NESTED_TOO_DEEPLY = "The document or its variables are nested too deeply to process."


def internal_error(request_id: str) -> tuple[str, dict[str, object]]:
    """The masked message and extensions of an unexpected error (the log has the rest)."""
    return (
        f"Internal error. Quote request id {request_id} when reporting it.",
        {"code": "INTERNAL", "requestId": request_id},
    )


def _domain_error(error: GraphQLError) -> AppError | None:
    cause: BaseException | None = error.original_error
    while cause is not None:
        if isinstance(cause, AppError):
            return cause
        cause = cause.original_error if isinstance(cause, GraphQLError) else None
    return None


def _root_cause(error: GraphQLError) -> BaseException:
    cause: BaseException = error
    while isinstance(cause, GraphQLError) and cause.original_error is not None:
        cause = cause.original_error
    return cause


def _is_client_error(error: GraphQLError) -> bool:
    """Parse, validation and input coercion errors: graphql-core's own, not a crash.

    graphql-core raises those as GraphQLErrors (no original error), or, when a scalar's
    parser refused a value, keeps that parser's exception as the original error but
    always points at the offending part of the document (``nodes``) and runs before
    any field (no ``path``). An exception from a resolver has a path; one from an
    extension hook or elsewhere outside graphql-core has neither path nor nodes.
    """
    original = error.original_error
    if original is None or isinstance(original, GraphQLError):
        return True
    return error.path is None and bool(error.nodes)


def _complexity(message: str) -> dict[str, object] | None:
    for pattern in _COMPLEXITY_PATTERNS:
        found = pattern.search(message)
        if found:
            return {name: int(value) for name, value in found.groupdict().items()}
    return None


def _with(error: GraphQLError, message: str, extensions: dict[str, object]) -> GraphQLError:
    return ClassifiedError(
        message,
        nodes=error.nodes,
        source=error.source,
        positions=error.positions,
        path=error.path,
        extensions=extensions,
    )


def classify_all(errors: list[GraphQLError], request_id: str) -> list[GraphQLError]:
    return [classify(error, request_id) for error in errors]


class ErrorCodes(SchemaExtension):
    def on_operation(self) -> Iterator[None]:
        yield
        context = self.execution_context
        request_id = _request_id(context.context)
        # Before execution, the result's errors and the pre-execution errors are the
        # same objects: classify (and log) each once.
        classified: dict[int, GraphQLError] = {}

        def once(error: GraphQLError) -> GraphQLError:
            if id(error) not in classified:
                classified[id(error)] = classify(error, request_id)
            return classified[id(error)]

        result = context.result
        errors = getattr(result, "errors", None)
        if result is not None and errors:
            result.errors = [once(error) for error in errors]
        if context.pre_execution_errors:
            context.pre_execution_errors = [once(e) for e in context.pre_execution_errors]

    def on_stream_result(self, result: object) -> Iterator[None]:
        """Each message of a subscription gets the same treatment."""
        errors = getattr(result, "errors", None)
        if errors:
            request_id = _request_id(self.execution_context.context)
            result.errors = classify_all(errors, request_id)  # type: ignore[attr-defined]
        yield


def _request_id(context: object) -> str:
    sc = getattr(context, "sc", None)
    return sc.meta.request_id if sc is not None else "-"
