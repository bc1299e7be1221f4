"""Requests in Apollo's persisted-query shape, and documents no other test has sent."""

from __future__ import annotations

import json
import uuid
from typing import Any

from app.persisted_queries.service import sha256_of
from tests.support.client import ApiClient, GraphQLResult


def fresh_query(selection: str = "viewer { kind }") -> str:
    """A document of its own (its operation's name), so its hash is new to the registry."""
    return f"query Probe{uuid.uuid4().hex} {{ {selection} }}"


def persisted(document: str) -> dict[str, Any]:
    return {"persistedQuery": {"version": 1, "sha256Hash": sha256_of(document)}}


async def post(
    client: ApiClient,
    *,
    query: str | None = None,
    extensions: dict[str, Any] | None = None,
    variables: dict[str, Any] | None = None,
    headers: dict[str, str] | None = None,
) -> GraphQLResult:
    body: dict[str, Any] = {"variables": variables or {}}
    if query is not None:
        body["query"] = query
    if extensions is not None:
        body["extensions"] = extensions
    return GraphQLResult(await client.http.post("/graphql", json=body, headers=headers))


async def get(
    client: ApiClient,
    document: str,
    *,
    variables: dict[str, Any] | None = None,
    operation_name: str | None = None,
    headers: dict[str, str] | None = None,
) -> GraphQLResult:
    """A hash-only GET, as a caching client sends it."""
    params = {"extensions": json.dumps(persisted(document))}
    if variables is not None:
        params["variables"] = json.dumps(variables)
    if operation_name is not None:
        params["operationName"] = operation_name
    headers = {"Accept": "application/json", **(headers or {})}
    return GraphQLResult(await client.http.get("/graphql", params=params, headers=headers))
