"""Query limits: the parser's token cap, the parse cache, and validation cached once.

Depth, aliases, fragments and cost are measured by ``app.graphql.complexity`` (one
linear pass), which ``app.graphql.cost.QueryCost`` runs *before* graphql-core's
validation rules; Strawberry's ``QueryDepthLimiter`` and ``MaxAliasesLimiter`` are not
used, because they walk every path through fragment spreads (exponential time on a
fan-out of fragments, see docs/upstream/strawberry-limiter-fanout.md).

Validation is cached by (schema, document, rules). The rules are the execution
context's (graphql-core's specified rules plus what other extensions add, such as
``app.graphql.exposure``); rule *classes* must be built once, at import: a class
built per request would be a new cache key each time and the cache would never hit
(see PERFORMANCE.md). Tuples of the same classes are equal, so they hit.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import suppress
from functools import lru_cache
from typing import Any

from graphql import ASTValidationRule, DocumentNode, GraphQLError, GraphQLSchema, parse
from graphql import validate as graphql_validate
from strawberry.extensions import SchemaExtension
from strawberry.schema.validation_rules.maybe_null import MaybeNullValidationRule
from strawberry.schema.validation_rules.one_of import OneOfInputValidationRule

from app.core.settings import Settings, get_settings
from app.graphql.complexity import Limits


def query_limits(settings: Settings | None = None) -> Limits:
    settings = settings or get_settings()
    return Limits(
        max_depth=settings.max_query_depth,
        max_aliases=settings.max_aliases,
        max_cost=settings.max_query_cost,
        max_fragments=settings.max_fragments,
        max_fragment_spreads=settings.max_fragment_spreads,
    )


# Each validation error costs a "did you mean" search and a scan of the text for its
# line; a client needs the first few, not graphql-core's default of 100.
MAX_VALIDATION_ERRORS = 10


@lru_cache(maxsize=512)
def validate(
    schema: GraphQLSchema, document: DocumentNode, rules: tuple[type[ASTValidationRule], ...]
) -> list[GraphQLError]:
    """Strawberry's validation (the rules given plus its own two), cached, stopping
    after ``MAX_VALIDATION_ERRORS`` errors."""
    return graphql_validate(
        schema,
        document,
        (*rules, MaybeNullValidationRule, OneOfInputValidationRule),
        max_errors=MAX_VALIDATION_ERRORS,
    )


class QueryLimits(SchemaExtension):
    """The token cap for the parser (the other limits are ``QueryCost``'s)."""

    def on_operation(self) -> Iterator[None]:
        self.execution_context.parse_options["max_tokens"] = get_settings().max_tokens
        yield


class ParseCache(SchemaExtension):
    """Strawberry's parser cache, minus one trap: a syntax error raised from the cache
    escapes the operation hooks (and so skips our error codes). On an error this
    leaves the document unset; Strawberry then parses again and reports it normally.
    """

    def on_parse(self) -> Iterator[None]:
        context = self.execution_context
        with suppress(GraphQLError):
            context.graphql_document = _cached_parse(context.query, **context.parse_options)
        yield


@lru_cache(maxsize=512)
def _cached_parse(query: str, **options: Any) -> DocumentNode:
    return parse(query, **options)
