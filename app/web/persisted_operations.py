"""Persisted queries on a websocket: a subscribe (graphql-transport-ws) or start
(graphql-ws) payload may name its document by ``extensions.persistedQuery`` as an
HTTP request does (``app.persisted_queries``), with an empty or absent ``query``.

The same rules apply as over HTTP, mode included: in trusted mode a subscription runs
only if its document was registered ahead of time, by hash or in full. A refusal is
the operation's ``error`` message with the code HTTP would give
(PERSISTED_QUERY_NOT_FOUND, BAD_USER_INPUT for a hash that is not the query's, …).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from graphql import GraphQLSchema
from strawberry.schema import BaseSchema

from app.access.actor import Actor
from app.core.errors import AppError
from app.graphql.errors import ClassifiedError
from app.persisted_queries import service as persisted


def names_persisted_query(payload: Mapping[str, Any]) -> bool:
    extensions = payload.get("extensions")
    return isinstance(extensions, Mapping) and "persistedQuery" in extensions


def graphql_schema(schema: BaseSchema) -> GraphQLSchema:
    """The graphql-core schema under Strawberry's (what registrations validate against),
    through the wrapper a websocket handler sees it in (``GuardedStreams``)."""
    found: object = schema
    while not isinstance(found, GraphQLSchema):
        inner = getattr(found, "_schema", None)
        if inner is None or inner is found:
            raise TypeError(f"{schema!r} has no graphql-core schema")
        found = inner
    return found


async def resolve_payload(
    message: Mapping[str, Any], actor: Actor, schema: BaseSchema
) -> ClassifiedError | None:
    """Put the operation's document into its payload's ``query``, or say why it won't run."""
    payload = message["payload"]
    try:
        document = await persisted.document_for(
            payload.get("query") or None,
            payload.get("extensions"),
            actor,
            valid=persisted.validator(graphql_schema(schema)),
        )
    except AppError as error:
        return ClassifiedError(error.message, extensions=error.as_extensions())
    if document is not None:
        payload["query"] = document
    return None
