"""Platform keys: made by staff on the command line, reaching the orgs they list."""

from __future__ import annotations

import asyncio
import os
import sys
import uuid

from app.cli_actions import create_platform_admin, create_platform_key
from tests.api_keys.support import MEMBERS, VIEWER, as_key
from tests.support.factories import PASSWORD, OrgFixture
from tests.support.fixture_types import ClientFactory

ORG_FIELDS = """
query($slug: String!) {
  organization(slug: $slug) { slug apiAccessEnabled members { totalCount } }
}
"""
API_KEYS = "query($slug: String!) { organization(slug: $slug) { apiKeys { totalCount } } }"


async def _staff() -> str:
    username = f"staff-{uuid.uuid4().hex[:8]}"
    await create_platform_admin(username, PASSWORD)
    return username


async def _platform_key(scopes: list[str], orgs: list[str] | None) -> str:
    return await create_platform_key(
        admin_username=await _staff(),
        name="ops",
        scopes=scopes,
        org_slugs=orgs,
        rate_limit_per_minute=100,
    )


async def test_a_restricted_platform_key_reaches_its_orgs_only(
    org: OrgFixture, other_org: OrgFixture, client_factory: ClientFactory
) -> None:
    secret = await _platform_key(["org:read", "members:read"], [org.slug])
    client = client_factory()
    # it reads the org-scoped fields of a listed org
    listed = await as_key(client, secret, ORG_FIELDS, slug=org.slug)
    assert listed.ok()["organization"] == {
        "slug": org.slug,
        "apiAccessEnabled": True,
        "members": {"totalCount": 4},
    }
    # and another org's are NOT_FOUND
    unlisted = await as_key(client, secret, MEMBERS, slug=other_org.slug)
    assert unlisted.code == "NOT_FOUND"
    # it is a key of no org
    viewer = (await as_key(client, secret, VIEWER)).ok()["viewer"]
    assert viewer == {
        "kind": "API_KEY",
        "role": None,
        "scopes": ["members:read", "org:read"],
        "member": None,
        "organization": None,
    }


async def test_an_unrestricted_platform_key_reaches_every_org(
    org: OrgFixture, other_org: OrgFixture, client_factory: ClientFactory
) -> None:
    secret = await _platform_key(["members:read"], None)
    client = client_factory()
    for slug in (org.slug, other_org.slug):
        result = await as_key(client, secret, MEMBERS, slug=slug)
        assert result.ok()["organization"]["members"]["totalCount"] == 4
    # but never what no key may do
    denied = await as_key(client, secret, API_KEYS, slug=org.slug)
    assert denied.code == "FORBIDDEN"


async def test_platform_keys_never_get_never_grantable_scopes(org: OrgFixture) -> None:
    from app.core.errors import BadUserInput

    for scopes in (["org:write"], ["api_keys:read"], ["api_keys:write", "org:read"]):
        try:
            await _platform_key(scopes, None)
        except BadUserInput as refused:
            assert "never be granted" in refused.extensions["fields"]["scopes"]
        else:
            raise AssertionError(f"{scopes} was granted")


async def test_the_command_prints_a_working_secret_once(
    org: OrgFixture, client_factory: ClientFactory
) -> None:
    username = await _staff()
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "app.cli",
        "create-platform-key",
        "--admin-username",
        username,
        "--name",
        "nightly",
        "--scopes",
        "org:read,members:read",
        "--orgs",
        org.slug,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
        env=dict(os.environ),
    )
    stdout, stderr = await process.communicate()
    assert process.returncode == 0, stderr.decode()
    secrets_printed = [line for line in stdout.decode().split() if line.startswith("iq_live_")]
    assert len(secrets_printed) == 1
    result = await as_key(client_factory(), secrets_printed[0], MEMBERS, slug=org.slug)
    assert result.ok()["organization"]["members"]["totalCount"] == 4
