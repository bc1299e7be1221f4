"""Query limits from Strawberry's own extensions, with their rules built once.

A limiter built per request makes a new rule class each time, which is a new key
for the validation cache, so the cache never hits (see PERFORMANCE.md). The rule
classes are therefore made here, once, and one cheap extension adds them.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import suppress
from functools import lru_cache
from typing import Any

from graphql import ASTValidationRule, DocumentNode, GraphQLError, parse
from strawberry.extensions import (
    MaxAliasesLimiter,
    QueryDepthLimiter,
    SchemaExtension,
)

from app.core.settings import get_settings


def _build_rules() -> tuple[type[ASTValidationRule], ...]:
    settings = get_settings()
    depth = QueryDepthLimiter(max_depth=settings.max_query_depth)
    aliases = MaxAliasesLimiter(max_alias_count=settings.max_aliases)
    return (*depth.validation_rules, *aliases.validation_rules)


LIMIT_RULES = _build_rules()


class QueryLimits(SchemaExtension):
    """Adds the prebuilt depth and alias rules, and the token cap for the parser."""

    def on_operation(self) -> Iterator[None]:
        context = self.execution_context
        context.validation_rules = context.validation_rules + LIMIT_RULES
        context.parse_options["max_tokens"] = get_settings().max_tokens
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
