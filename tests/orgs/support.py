"""GraphQL documents and helpers of the org settings tests."""

from __future__ import annotations

import io
import json
from typing import Any

import httpx
from PIL import Image

from tests.support.client import ApiClient, GraphQLResult

BRANDING_FIELDS = "name branding { primaryColor logoUrl tagline }"
SETTINGS_FIELDS = """settings {
  sessionIdleTimeoutSeconds sessionLifetimeSeconds defaultApiKeyRateLimitPerMinute
  limits { sessionMinSeconds sessionMaxSeconds platformSessionIdleTimeoutSeconds
    platformSessionLifetimeSeconds apiKeyRateLimitMin apiKeyRateLimitMax
    platformApiKeyRateLimitPerMinute logoMaxBytes nameMaxLength taglineMaxLength } }"""

UPDATE_BRANDING = f"""mutation($input: UpdateOrganizationBrandingInput!) {{
  updateOrganizationBranding(input: $input) {{ organization {{ {BRANDING_FIELDS} }} }} }}"""
UPDATE_SETTINGS = f"""mutation($input: UpdateOrganizationSettingsInput!) {{
  updateOrganizationSettings(input: $input) {{ organization {{ {SETTINGS_FIELDS} }} }} }}"""
UPLOAD_LOGO = """mutation($input: UploadOrganizationLogoInput!) {
  uploadOrganizationLogo(input: $input) { organization { branding { logoUrl } } } }"""
PUBLIC_ORG = (
    f"""query($slug: String!) {{ organization(slug: $slug) {{ slug {BRANDING_FIELDS} }} }}"""
)
SETTINGS = f"""query($slug: String!) {{ organization(slug: $slug) {{ {SETTINGS_FIELDS} }} }}"""
AUDIT = """query($slug: String!, $action: String) { organization(slug: $slug) {
  auditLog(action: $action, first: 20) { edges { node { action actorLabel details } } } } }"""


async def update_branding(client: ApiClient, **fields: Any) -> GraphQLResult:
    return await client.gql(UPDATE_BRANDING, {"input": fields})


async def update_settings(client: ApiClient, **fields: Any) -> GraphQLResult:
    return await client.gql(UPDATE_SETTINGS, {"input": fields})


async def public_branding(client: ApiClient, slug: str) -> dict[str, Any]:
    org: dict[str, Any] = (await client.gql(PUBLIC_ORG, {"slug": slug})).ok()["organization"]
    return org


async def audit_entries(client: ApiClient, slug: str, action: str) -> list[dict[str, Any]]:
    log = (await client.gql(AUDIT, {"slug": slug, "action": action})).ok()
    return [edge["node"] for edge in log["organization"]["auditLog"]["edges"]]


def image(fmt: str = "PNG", size: tuple[int, int] = (16, 16)) -> bytes:
    """A small real image in ``fmt`` (Pillow's format name)."""
    buffer = io.BytesIO()
    Image.new("RGB", size, (29, 78, 216)).save(buffer, format=fmt)
    return buffer.getvalue()


async def upload_logo(
    client: ApiClient,
    data: bytes,
    *,
    filename: str = "logo.png",
    content_type: str = "image/png",
    headers: dict[str, str] | None = None,
) -> GraphQLResult:
    """A GraphQL multipart request (the dashboard's upload), with the CSRF preflight
    header a cookie-authenticated upload needs."""
    operations = {"query": UPLOAD_LOGO, "variables": {"input": {"file": None}}}
    encoded = httpx.Request(
        "POST",
        "http://testserver/graphql",
        data={
            "operations": json.dumps(operations),
            "map": json.dumps({"0": ["variables.input.file"]}),
        },
        files={"0": (filename, data, content_type)},
    )
    response = await client.http.post(
        "/graphql",
        content=encoded.read(),
        headers={
            "content-type": encoded.headers["content-type"],
            "GraphQL-Preflight": "1",
            **(headers or {}),
        },
    )
    return GraphQLResult(response)
