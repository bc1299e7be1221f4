"""A test client for the GraphQL endpoint over the real ASGI app (httpx's ASGI transport).

Requests go through the whole stack (door, CSRF, cookies, problem details), which
is why this speaks plain HTTP: tests assert statuses, headers and cookies that a
higher-level GraphQL client would hide.
"""

from __future__ import annotations

import itertools
from typing import Any

import httpx

_addresses = itertools.count(1)


class GraphQLResult:
    def __init__(self, response: httpx.Response) -> None:
        self.response = response
        self.status = response.status_code
        self.body: dict[str, Any] = response.json()
        self.data: dict[str, Any] | None = self.body.get("data")
        self.errors: list[dict[str, Any]] = self.body.get("errors") or []

    @property
    def codes(self) -> list[str]:
        return [error.get("extensions", {}).get("code") for error in self.errors]

    @property
    def code(self) -> str | None:
        return self.codes[0] if self.codes else None

    def ok(self) -> dict[str, Any]:
        assert not self.errors, self.errors
        assert self.data is not None
        return self.data

    def __repr__(self) -> str:
        return f"GraphQLResult({self.status}, {self.body})"


class ApiClient:
    """One browser or partner: its own cookies and its own client address."""

    def __init__(
        self,
        app: Any,
        *,
        ip: str | None = None,
        base_url: str | None = None,
        local_address: str | None = None,
    ) -> None:
        """``local_address``: for a real server, connect from this loopback address
        (127.0.0.2, …), so the server (or a proxy) sees another client."""
        n = next(_addresses)
        self.ip = ip or f"10.{n // 65536 % 256}.{n // 256 % 256}.{n % 256}"
        if base_url is not None:  # a real server process
            transport = httpx.AsyncHTTPTransport(local_address=local_address)
            self.http = httpx.AsyncClient(base_url=base_url, timeout=30, transport=transport)
            return
        self.http = httpx.AsyncClient(
            transport=httpx.ASGITransport(app=app, client=(self.ip, 40000)),
            base_url="http://testserver",
        )

    async def gql(
        self,
        query: str,
        variables: dict[str, Any] | None = None,
        *,
        headers: dict[str, str] | None = None,
    ) -> GraphQLResult:
        response = await self.http.post(
            "/graphql", json={"query": query, "variables": variables or {}}, headers=headers
        )
        return GraphQLResult(response)

    async def login(
        self, org_slug: str, portal_code: str, username: str, password: str
    ) -> GraphQLResult:
        return await self.gql(
            LOGIN,
            {
                "input": {
                    "orgSlug": org_slug,
                    "portalCode": portal_code,
                    "username": username,
                    "password": password,
                }
            },
        )

    async def close(self) -> None:
        await self.http.aclose()


LOGIN = """
mutation Login($input: LoginInput!) {
  login(input: $input) { viewer { kind role member { id username } organization { slug } } }
}
"""
