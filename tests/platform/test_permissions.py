"""Nobody but a platform admin reaches the console: no org member (whatever the role),
no org key, no platform key (none holds a platform scope), nobody anonymous."""

from __future__ import annotations

from typing import Any

import pytest
from strawberry import relay

from app.access.scopes import Role
from app.cli_actions import create_platform_key
from app.core.clock import FrozenClock
from tests.api_keys.support import CREATE_KEY
from tests.platform.support import console, new_admin, sign_in
from tests.support.client import ApiClient
from tests.support.factories import OrgFixture
from tests.support.fixture_types import ClientFactory, SignIn


def operations(org: OrgFixture) -> dict[str, tuple[str, dict[str, Any]]]:
    org_id = str(relay.GlobalID("Organization", str(org.id)))
    key_id = str(relay.GlobalID("PlatformApiKey", str(org.id)))
    return {
        "platformOrganizations": ("{ platformOrganizations { totalCount } }", {}),
        "platformAuditLog": ("{ platformAuditLog { totalCount } }", {}),
        "platformApiKeys": ("{ platformApiKeys { totalCount } }", {}),
        "platformAdmin": ("{ platformAdmin { username } }", {}),
        "memberCount": (
            "query($s: String!) { organization(slug: $s) { memberCount } }",
            {"s": org.slug},
        ),
        "createOrganization": (
            'mutation { createOrganization(input: {slug: "by-a-member", name: "X", '
            'ownerUsername: "owner"}) { portalCode } }',
            {},
        ),
        "setOrganizationDisabled": (
            "mutation($id: ID!) { setOrganizationDisabled(input: {id: $id, disabled: true}) "
            "{ organization { disabled } } }",
            {"id": org_id},
        ),
        "createPlatformApiKey": (
            'mutation { createPlatformApiKey(input: {name: "x", scopes: ["org:read"], '
            "allOrganizations: true}) { secret } }",
            {},
        ),
        "revokePlatformApiKey": (
            "mutation($id: ID!) { revokePlatformApiKey(input: {id: $id}) { apiKey { id } } }",
            {"id": key_id},
        ),
        "rotatePlatformApiKey": (
            "mutation($id: ID!) { rotatePlatformApiKey(input: {id: $id, gracePeriodSeconds: 0})"
            " { secret } }",
            {"id": key_id},
        ),
    }


async def refusals(
    client: ApiClient, org: OrgFixture, headers: dict[str, str] | None = None
) -> dict[str, str | None]:
    found: dict[str, str | None] = {}
    for name, (query, variables) in operations(org).items():
        answer = await client.gql(query, variables, headers=headers)
        found[name] = answer.code
    return found


@pytest.mark.parametrize("role", list(Role))
async def test_no_member_reaches_a_platform_operation(
    org: OrgFixture, signed_in: SignIn, role: Role
) -> None:
    member = await signed_in(org, role.value.lower())
    found = await refusals(member, org)
    assert set(found.values()) == {"FORBIDDEN"}, found
    # and the org is still enabled, nothing was made
    answer = await member.gql("{ viewer { organization { slug } } }")
    assert answer.ok()["viewer"]["organization"]["slug"] == org.slug


async def test_no_org_key_reaches_a_platform_operation(
    org: OrgFixture, signed_in: SignIn, client_factory: ClientFactory
) -> None:
    owner = await signed_in(org, "owner")
    every = [
        "org:read", "members:read", "members:write", "quizzes:read", "quizzes:write",
        "attempts:read", "attempts:write", "leaderboard:read", "analytics:read",
        "audit:read", "integrity:read", "webhooks:read", "webhooks:write",
    ]  # fmt: skip
    made = await owner.gql(CREATE_KEY, {"input": {"name": "all", "scopes": every}})
    secret = made.ok()["createApiKey"]["secret"]
    found = await refusals(client_factory(), org, {"authorization": f"Bearer {secret}"})
    assert set(found.values()) == {"FORBIDDEN"}, found


async def test_an_org_key_can_not_be_given_a_platform_scope(
    org: OrgFixture, signed_in: SignIn
) -> None:
    owner = await signed_in(org, "owner")
    answer = await owner.gql(CREATE_KEY, {"input": {"name": "sneaky", "scopes": ["platform:read"]}})
    assert answer.code == "BAD_USER_INPUT"


async def test_no_platform_key_reaches_a_platform_operation(
    org: OrgFixture, client_factory: ClientFactory
) -> None:
    admin = await new_admin()
    secret = await create_platform_key(
        admin_username=admin.username,
        name="ops",
        scopes=["org:read", "audit:read"],
        org_slugs=None,
        rate_limit_per_minute=600,
    )
    found = await refusals(client_factory(), org, {"authorization": f"Bearer {secret}"})
    assert set(found.values()) == {"FORBIDDEN"}, found


async def test_anonymous_callers_are_asked_to_sign_in(
    org: OrgFixture, client_factory: ClientFactory
) -> None:
    found = await refusals(client_factory(), org)
    assert set(found.values()) == {"UNAUTHENTICATED"}, found


async def test_a_platform_admin_is_no_member_of_any_org(
    org: OrgFixture, client_factory: ClientFactory, frozen_clock: FrozenClock
) -> None:
    # staff read an org and its log, but act as nobody inside it
    staff = client_factory()
    await sign_in(staff, await new_admin())
    quizzes = await console(
        staff,
        "query($s: String!) { organization(slug: $s) { quizzes { totalCount } } }",
        {"s": org.slug},
    )
    assert quizzes.code == "FORBIDDEN"
    members = await console(
        staff,
        "query($s: String!) { organization(slug: $s) { members { totalCount } } }",
        {"s": org.slug},
    )
    assert members.code == "FORBIDDEN"
    made = await console(
        staff, 'mutation { createQuiz(input: {title: "By staff"}) { quiz { id } } }'
    )
    assert made.code == "FORBIDDEN"
