"""GraphQL documents and small helpers shared by the API key tests."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from strawberry import relay

from tests.support.client import ApiClient, GraphQLResult

# The IETF draft's RateLimit header of a key's response: remaining requests, seconds to reset.
RATE_LIMIT = re.compile(r'"api-key";r=(\d+);t=(\d+)')

KEY_FIELDS = """
  id name prefix scopes rateLimitPerMinute createdAt lastUsedAt expiresAt enabled revokedAt
  createdBy { username }
"""

CREATE_KEY = f"""
mutation Create($input: CreateApiKeyInput!) {{
  createApiKey(input: $input) {{ secret apiKey {{ {KEY_FIELDS} }} }}
}}
"""

SET_ENABLED = f"""
mutation SetEnabled($input: SetApiKeyEnabledInput!) {{
  setApiKeyEnabled(input: $input) {{ apiKey {{ {KEY_FIELDS} }} }}
}}
"""

REVOKE = f"""
mutation Revoke($input: RevokeApiKeyInput!) {{
  revokeApiKey(input: $input) {{ apiKey {{ {KEY_FIELDS} }} }}
}}
"""

ROTATE = f"""
mutation Rotate($input: RotateApiKeyInput!) {{
  rotateApiKey(input: $input) {{
    secret apiKey {{ {KEY_FIELDS} }} previousApiKey {{ id revokedAt }}
  }}
}}
"""

SET_API_ACCESS = """
mutation SetApiAccess($input: SetApiAccessInput!) {
  setApiAccess(input: $input) { organization { slug apiAccessEnabled } }
}
"""

LIST_KEYS = f"""
query Keys($slug: String!) {{
  organization(slug: $slug) {{
    apiKeys(first: 100) {{ totalCount edges {{ node {{ {KEY_FIELDS} }} }} }}
  }}
}}
"""

VIEWER = "{ viewer { kind role scopes member { username } organization { slug } } }"

MEMBERS = """
query Members($slug: String!) {
  organization(slug: $slug) { members(first: 100) { totalCount edges { node { username } } } }
}
"""


@dataclass
class IssuedKey:
    id: str
    secret: str
    prefix: str

    @property
    def headers(self) -> dict[str, str]:
        return bearer(self.secret)


def key_uuid(key: IssuedKey) -> str:
    """The key's row id, as its Redis keys name it."""
    return relay.GlobalID.from_id(key.id).node_id


def bearer(secret: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {secret}"}


async def create_key(
    client: ApiClient, scopes: list[str], *, name: str = "partner", **extra: Any
) -> IssuedKey:
    result = await client.gql(CREATE_KEY, {"input": {"name": name, "scopes": scopes, **extra}})
    payload = result.ok()["createApiKey"]
    return IssuedKey(payload["apiKey"]["id"], payload["secret"], payload["apiKey"]["prefix"])


async def as_key(
    client: ApiClient, key: IssuedKey | str, query: str, **variables: Any
) -> GraphQLResult:
    secret = key.secret if isinstance(key, IssuedKey) else key
    return await client.gql(query, variables, headers=bearer(secret))


def assert_door_problem(result: GraphQLResult, status: int, code: str) -> None:
    """The contract's problem details body (with a GraphQL ``errors`` member)."""
    assert result.status == status, result
    assert result.response.headers["content-type"].startswith("application/problem+json")
    body = result.body
    assert body["code"] == code
    assert body["status"] == status
    assert body["type"] == "https://quizgraph.dev/problems/" + code.lower().replace("_", "-")
    assert body["errors"][0]["extensions"]["code"] == code
    assert body["errors"][0]["message"] == body["detail"]
    assert "data" not in body or body["data"] is None
    if status == 401:
        assert result.response.headers["www-authenticate"] == 'Bearer error="invalid_token"'
