"""The classifier: every error leaves with ``extensions.code``; unexpected ones are masked.

Domain errors (``AppError``) keep their message and extensions. The client's own
mistakes are BAD_USER_INPUT with graphql-core's message (QUERY_TOO_COMPLEX when the
parser's token cap refused the document): a syntax error, an error pointing at the
document before any field ran (validation, variable coercion), an error the request
boundary collected from parsing or validation, and Strawberry's refusals of an
operation it can't pick or run or of an argument it can't convert. Anything else (an
exception from a resolver, a hook, a commit, a non-null field left null) becomes
INTERNAL with a generic message and the request id; the server log gets the
traceback with the same id.

Only the request boundary (``app.graphql.boundary``) calls this, once per error.
"""

from __future__ import annotations

import logging
import re

from graphql import GraphQLError, GraphQLSyntaxError
from strawberry.exceptions import MissingQueryError, StrawberryInputCoercionError
from strawberry.schema.exceptions import CannotGetOperationTypeError, InvalidOperationTypeError

from app.core.errors import AppError

logger = logging.getLogger("quizgraph.errors")

# The parser's token cap is graphql-core's syntax error, so its number is read from
# the message; depth, aliases, fragments and cost raise ``QueryTooComplex`` itself
# (``app.graphql.cost``).
_COMPLEXITY_PATTERNS = (re.compile(r"more than (?P<limit>\d+) tokens"),)

# Strawberry's words for an operation it can't pick or run (a websocket's legacy
# protocol sends them as GraphQL errors), and for an argument it can't convert (a
# malformed global id), raised in the field: the client's to fix.
_STRAWBERRY_REFUSALS = (
    MissingQueryError,
    CannotGetOperationTypeError,
    InvalidOperationTypeError,
    StrawberryInputCoercionError,
)

NESTED_TOO_DEEPLY = "The document or its variables are nested too deeply to process."


class ClassifiedError(GraphQLError):
    """An error that already carries its code; classifying it again leaves it alone."""


def classify(error: GraphQLError, request_id: str, *, from_document: bool = False) -> GraphQLError:
    """The error as the client may see it. ``from_document``: the boundary found it
    among parsing's or validation's errors (graphql-core's own, some without a node)."""
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
    if _is_client_error(error, from_document=from_document):
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


def classify_exception(exception: Exception, request_id: str) -> GraphQLError:
    """An exception that escaped the operation (a hook, a commit), as Strawberry would
    have wrapped it, classified: masked as INTERNAL unless it is a domain error."""
    error = (
        exception
        if isinstance(exception, GraphQLError)
        else GraphQLError(str(exception), original_error=exception)
    )
    return classify(error, request_id)


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


def _is_client_error(error: GraphQLError, *, from_document: bool) -> bool:
    """Parse, validation and input coercion errors: graphql-core's own, not a crash.

    graphql-core reports those before any field runs (no ``path``) and points at the
    offending part of the document (``nodes``); when a scalar's parser refused a
    value it keeps that parser's exception as the original error. A few of its
    document errors point at nothing ("too many validation errors"): the boundary
    vouches for those (``from_document``). An error with a path came from a field;
    one with neither path nor nodes from a hook or elsewhere outside graphql-core,
    even when it was raised as a GraphQLError: neither is the client's.
    """
    if isinstance(error, GraphQLSyntaxError):
        return True
    if isinstance(_root_cause(error), _STRAWBERRY_REFUSALS):
        return True
    if error.path is not None:
        return False
    if error.nodes:
        return True
    return from_document and error.original_error is None


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
