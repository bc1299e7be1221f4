"""Every error leaves with ``extensions.code``; unexpected ones are masked and logged.

Domain errors (``AppError``) keep their message and extensions. Parse and validation
errors are the client's: BAD_USER_INPUT, or QUERY_TOO_COMPLEX when the parser's
token cap refused the document. Anything else becomes INTERNAL with a generic message, and
the server log gets the traceback with the request id the response also carries.
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


def classify(error: GraphQLError, request_id: str) -> GraphQLError:
    domain = _domain_error(error)
    if domain is not None:
        return _with(error, domain.message, domain.as_extensions())
    if _is_client_error(error):
        complexity = _complexity(error.message)
        if complexity is not None:
            return _with(error, error.message, {"code": "QUERY_TOO_COMPLEX", **complexity})
        code = (error.extensions or {}).get("code") or "BAD_USER_INPUT"
        return _with(error, error.message, {**(error.extensions or {}), "code": code})
    logger.error(
        "unexpected error in %s (request %s)", error.path, request_id, exc_info=error.original_error
    )
    return _with(
        error,
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


def _is_client_error(error: GraphQLError) -> bool:
    """Parse, validation and input coercion errors: graphql-core's own, not a resolver's crash."""
    original = error.original_error
    return original is None or isinstance(original, GraphQLError) or error.path is None


def _complexity(message: str) -> dict[str, object] | None:
    for pattern in _COMPLEXITY_PATTERNS:
        found = pattern.search(message)
        if found:
            return {name: int(value) for name, value in found.groupdict().items()}
    return None


def _with(error: GraphQLError, message: str, extensions: dict[str, object]) -> GraphQLError:
    return GraphQLError(
        message,
        nodes=error.nodes,
        source=error.source,
        positions=error.positions,
        path=error.path,
        extensions=extensions,
    )


class ErrorCodes(SchemaExtension):
    def on_operation(self) -> Iterator[None]:
        yield
        result = self.execution_context.result
        errors = getattr(result, "errors", None)
        if result is not None and errors:
            request_id = _request_id(self.execution_context.context)
            result.errors = [classify(error, request_id) for error in errors]
        pre = self.execution_context.pre_execution_errors
        if pre:
            request_id = _request_id(self.execution_context.context)
            self.execution_context.pre_execution_errors = [classify(e, request_id) for e in pre]

    def on_stream_result(self, result: object) -> Iterator[None]:
        """Each message of a subscription gets the same treatment."""
        errors = getattr(result, "errors", None)
        if errors:
            request_id = _request_id(self.execution_context.context)
            result.errors = [classify(error, request_id) for error in errors]  # type: ignore[attr-defined]
        yield


def _request_id(context: object) -> str:
    sc = getattr(context, "sc", None)
    return sc.meta.request_id if sc is not None else "-"
