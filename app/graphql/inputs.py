"""What every input shares: the ``input`` argument's description, and the one check
every input string passes before anything runs.

Strings arrive in two places, the request's variables and the document's string
literals, and reach services, searches and the database from there. NUL and lone
surrogates can be stored by neither database (PostgreSQL refuses NUL; a lone
surrogate has no UTF-8 encoding), so they are refused once, here, for every field,
rather than by each service. The answer is BAD_USER_INPUT naming where the string was
(``extensions.fields``), never echoing it.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from typing import Any

import strawberry
from graphql import ArgumentNode, GraphQLError, Node, ObjectFieldNode, StringValueNode, visit
from graphql.language import Visitor
from strawberry.extensions import SchemaExtension

from app.core.errors import BadUserInput
from app.core.validation import (
    UNSTORABLE_MESSAGE,
    has_unstorable_characters,
    without_unstorable_characters,
)

INPUT = strawberry.argument(description="The mutation's fields, as one input object.")


class StorableStrings(SchemaExtension):
    """Refuses NUL and lone surrogates in variables and literals, before execution.

    Listed after the extension that validates (which sets ``pre_execution_errors``
    outright), so a refusal here is not overwritten, and an invalid document keeps
    its own errors.
    """

    async def on_validate(self) -> AsyncIterator[None]:
        context = self.execution_context
        if not context.pre_execution_errors:
            fields = dict(unstorable_variables(context.variables))
            if context.graphql_document is not None and _may_hide_unstorable(context.query):
                fields.update(unstorable_literals(context.graphql_document))
            if fields:
                refusal = BadUserInput(fields)
                context.pre_execution_errors = [
                    GraphQLError(refusal.message, original_error=refusal)
                ]
        yield


def unstorable_variables(value: Any, path: str = "") -> Iterator[tuple[str, str]]:
    """(path, problem) for each string in the variables that no database can store."""
    if isinstance(value, str):
        if has_unstorable_characters(value):
            yield path or "variables", UNSTORABLE_MESSAGE
    elif isinstance(value, dict):
        for key, item in value.items():
            name = without_unstorable_characters(str(key))
            if has_unstorable_characters(str(key)):
                yield _join(path, name), "names " + UNSTORABLE_MESSAGE.removeprefix("must ")
            yield from unstorable_variables(item, _join(path, name))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from unstorable_variables(item, f"{path}[{index}]")


def _join(path: str, name: str) -> str:
    return f"{path}.{name}" if path else name


def _may_hide_unstorable(query: str | None) -> bool:
    # In a literal, NUL can be raw or an escape (\u0000, \u{0}); graphql-core already
    # refuses escaped lone surrogates. Most documents have neither, and skip the walk.
    return query is None or "\\u" in query or has_unstorable_characters(query)


def unstorable_literals(document: Node) -> dict[str, str]:
    found = _UnstorableLiterals()
    visit(document, found)
    return found.fields


class _UnstorableLiterals(Visitor):
    def __init__(self) -> None:
        super().__init__()
        self.fields: dict[str, str] = {}

    def enter_string_value(
        self, node: StringValueNode, _key: Any, parent: Any, _path: Any, ancestors: Any
    ) -> None:
        if has_unstorable_characters(node.value):
            names = [
                each.name.value
                for each in [*ancestors, parent]
                if isinstance(each, ArgumentNode | ObjectFieldNode)
            ]
            location = node.loc.source.get_location(node.loc.start) if node.loc else None
            where = f" (line {location.line}, column {location.column})" if location else ""
            self.fields[".".join(names) or "document"] = UNSTORABLE_MESSAGE + where
