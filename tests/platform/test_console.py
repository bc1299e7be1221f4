"""The console's operations as a signed-in platform admin: orgs with their figures,
creating an org with its owner, disabling one (its sessions and keys are refused on
their next request, the credential cache warm or not), its audit log, platform keys."""

from __future__ import annotations

from typing import Any

import pytest
from strawberry import relay

from app.core.clock import FrozenClock
from tests.api_keys.support import CREATE_KEY
from tests.platform.support import console, new_admin, sign_in
from tests.quizzes.api import START, SUBMIT, published_quiz, right_answers
from tests.support.client import ApiClient
from tests.support.factories import OrgFixture
from tests.support.fixture_types import ClientFactory, SignIn

ORGS = """query($search: String, $first: Int, $after: String, $disabled: Boolean) {
  platformOrganizations(search: $search, first: $first, after: $after, disabled: $disabled) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { node { id slug name disabled memberCount lastActivityAt attemptsLast30Days
      createdAt } }
  }
}"""
CREATE_ORG = """mutation($input: CreateOrganizationInput!) {
  createOrganization(input: $input) {
    organization { id slug name memberCount } portalCode ownerUsername ownerPassword
  }
}"""
SET_DISABLED = """mutation($id: ID!, $disabled: Boolean!) {
  setOrganizationDisabled(input: {id: $id, disabled: $disabled}) {
    organization { slug disabled }
  }
}"""
ORG_LOG = """query($id: ID!) { node(id: $id) { ... on Organization { slug disabled
  auditLog(first: 10) { edges { node { action actorKind actorLabel targetType details } } }
} } }"""
PLATFORM_LOG = """query($org: ID, $action: String) {
  platformAuditLog(organizationId: $org, action: $action, first: 50) {
    totalCount edges { node { action label actorKind actorLabel orgSlug targetType details
      organization { slug } } }
  }
}"""
KEY_FIELDS = """id name prefix scopes allOrganizations organizations { slug } revokedAt
  rateLimitPerMinute"""
CREATE_PLATFORM_KEY = f"""mutation($input: CreatePlatformApiKeyInput!) {{
  createPlatformApiKey(input: $input) {{ secret apiKey {{ {KEY_FIELDS} }} }}
}}"""
REVOKE_PLATFORM_KEY = f"""mutation($id: ID!) {{
  revokePlatformApiKey(input: {{id: $id}}) {{ apiKey {{ {KEY_FIELDS} }} }}
}}"""
ROTATE_PLATFORM_KEY = f"""mutation($id: ID!, $grace: Int!) {{
  rotatePlatformApiKey(input: {{id: $id, gracePeriodSeconds: $grace}}) {{
    secret apiKey {{ {KEY_FIELDS} }} previousApiKey {{ id revokedAt }}
  }}
}}"""
PLATFORM_KEYS = f"""{{ platformApiKeys(first: 100) {{ totalCount edges {{ node {{
  {KEY_FIELDS} }} }} }} }}"""
VIEWER = "{ viewer { kind organization { slug } } }"


def org_gid(org: OrgFixture) -> str:
    return str(relay.GlobalID("Organization", str(org.id)))


@pytest.fixture
async def staff(client_factory: ClientFactory, frozen_clock: FrozenClock) -> ApiClient:
    """A browser signed in to the console."""
    browser = client_factory()
    await sign_in(browser, await new_admin())
    return browser


async def listed(staff: ApiClient, **variables: Any) -> dict[str, Any]:
    found: dict[str, Any] = (await console(staff, ORGS, variables)).ok()["platformOrganizations"]
    return found


async def test_orgs_are_listed_with_their_figures(
    staff: ApiClient, org: OrgFixture, signed_in: SignIn
) -> None:
    # given an org whose student signed in and submitted an attempt
    teacher = await signed_in(org, "teacher")
    student = await signed_in(org, "student")
    quiz = await published_quiz(teacher)
    started = (await student.gql(START, {"quizId": quiz["id"]})).ok()
    attempt_id = started["startAttempt"]["attempt"]["id"]
    submitted = await student.gql(
        SUBMIT, {"input": {"attemptId": attempt_id, "answers": right_answers(quiz)}}
    )
    submitted.ok()
    # when staff search for it
    page = await listed(staff, search=org.slug.upper())
    # then it is found with its members, last activity and attempts of the last 30 days
    assert page["totalCount"] == 1
    node = page["edges"][0]["node"]
    assert (node["slug"], node["disabled"], node["memberCount"]) == (org.slug, False, 4)
    assert node["lastActivityAt"] is not None
    assert node["attemptsLast30Days"] == 1
    assert node["createdAt"] is not None


async def test_orgs_are_paged_and_filtered(
    staff: ApiClient, org: OrgFixture, other_org: OrgFixture
) -> None:
    # both fixture orgs' slugs start with "org-"; pages of one
    first = await listed(staff, search="org-", first=1)
    assert first["totalCount"] >= 2 and first["pageInfo"]["hasNextPage"]
    second = await listed(staff, search="org-", first=1, after=first["pageInfo"]["endCursor"])
    assert second["edges"][0]["node"]["slug"] > first["edges"][0]["node"]["slug"]
    # a search with LIKE's wildcards matches them literally
    assert (await listed(staff, search="%"))["totalCount"] == 0
    assert (await listed(staff, search=other_org.slug, disabled=True))["totalCount"] == 0


async def test_staff_create_an_org_whose_owner_signs_in(
    staff: ApiClient, client_factory: ClientFactory
) -> None:
    # when staff create an org, leaving the password and portal code to be generated
    made = await console(
        staff,
        CREATE_ORG,
        {"input": {"slug": "made-by-staff", "name": "Made by staff", "ownerUsername": "head"}},
    )
    created = made.ok()["createOrganization"]
    assert created["organization"]["memberCount"] == 1
    # then its owner signs in with what was shown once
    owner = client_factory()
    signed = await owner.login(
        "made-by-staff", created["portalCode"], "head", created["ownerPassword"]
    )
    assert signed.ok()["login"]["viewer"]["role"] == "OWNER"
    # and the creation is in the org's own log and in the platform log
    org_log = (await console(staff, ORG_LOG, {"id": created["organization"]["id"]})).ok()
    actions = [edge["node"] for edge in org_log["node"]["auditLog"]["edges"]]
    created_event = next(event for event in actions if event["action"] == "org.created")
    assert created_event["actorKind"] == "PLATFORM_ADMIN"
    assert created_event["actorLabel"].startswith("platform:staff-")
    logged = await console(staff, PLATFORM_LOG, {"org": created["organization"]["id"]})
    rows = logged.ok()["platformAuditLog"]["edges"]
    assert [row["node"]["action"] for row in rows] == ["platform.org_created"]
    assert rows[0]["node"]["organization"]["slug"] == "made-by-staff"
    assert created["ownerPassword"] not in str(rows)


async def test_a_taken_or_bad_slug_is_refused(staff: ApiClient, org: OrgFixture) -> None:
    taken = await console(
        staff, CREATE_ORG, {"input": {"slug": org.slug, "name": "Again", "ownerUsername": "boss"}}
    )
    assert taken.code == "CONFLICT"
    bad = await console(
        staff, CREATE_ORG, {"input": {"slug": "Not A Slug!", "name": "", "ownerUsername": "b"}}
    )
    assert bad.code == "BAD_USER_INPUT"
    assert {"slug", "name", "ownerUsername"} <= set(bad.errors[0]["extensions"]["fields"])


async def test_disabling_an_org_refuses_its_sessions_and_keys_on_their_next_request(
    staff: ApiClient,
    org: OrgFixture,
    signed_in: SignIn,
    client_factory: ClientFactory,
    frozen_clock: FrozenClock,
) -> None:
    # given an owner signed in and a key, both verified once (the credential cache warm)
    owner = await signed_in(org, "owner")
    made = await owner.gql(CREATE_KEY, {"input": {"name": "sync", "scopes": ["org:read"]}})
    secret = made.ok()["createApiKey"]["secret"]
    keyed = client_factory()
    bearer = {"authorization": f"Bearer {secret}"}
    for _ in range(2):
        assert (await owner.gql(VIEWER)).ok()["viewer"]["kind"] == "MEMBER"
        assert (await keyed.gql(VIEWER, headers=bearer)).ok()["viewer"]["kind"] == "API_KEY"
    # when staff disable the org
    done = await console(staff, SET_DISABLED, {"id": org_gid(org), "disabled": True})
    assert done.ok()["setOrganizationDisabled"]["organization"]["disabled"] is True
    # then the owner's next request and the key's are refused with ORG_DISABLED
    for refused in (await owner.gql(VIEWER), await keyed.gql(VIEWER, headers=bearer)):
        assert (refused.status, refused.code) == (403, "ORG_DISABLED")
    # and a new sign-in too
    owner_account = org.account("owner")
    again = await client_factory().login(
        org.slug, org.portal_code, owner_account.username, owner_account.password
    )
    assert again.code == "ORG_DISABLED"
    # when staff enable it again, both work again
    frozen_clock.advance(seconds=1)
    await console(staff, SET_DISABLED, {"id": org_gid(org), "disabled": False})
    assert (await owner.gql(VIEWER)).ok()["viewer"]["organization"]["slug"] == org.slug
    assert (await keyed.gql(VIEWER, headers=bearer)).ok()["viewer"]["kind"] == "API_KEY"
    # and both changes are in the org's log and the platform log, by the admin
    org_log = (await console(staff, ORG_LOG, {"id": org_gid(org)})).ok()
    actions = [edge["node"]["action"] for edge in org_log["node"]["auditLog"]["edges"]]
    assert actions[:2] == ["org.enabled", "org.disabled"]
    logged = (await console(staff, PLATFORM_LOG, {"org": org_gid(org)})).ok()
    rows = [edge["node"] for edge in logged["platformAuditLog"]["edges"]]
    assert [row["action"] for row in rows] == ["platform.org_enabled", "platform.org_disabled"]
    assert rows[1]["label"] == "Organization disabled" and rows[1]["orgSlug"] == org.slug


async def test_disabling_twice_records_once(staff: ApiClient, org: OrgFixture) -> None:
    for _ in range(2):
        await console(staff, SET_DISABLED, {"id": org_gid(org), "disabled": True})
    logged = (await console(staff, PLATFORM_LOG, {"org": org_gid(org)})).ok()
    assert logged["platformAuditLog"]["totalCount"] == 1


async def test_staff_read_a_disabled_orgs_audit_log(staff: ApiClient, org: OrgFixture) -> None:
    await console(staff, SET_DISABLED, {"id": org_gid(org), "disabled": True})
    found = (await console(staff, ORG_LOG, {"id": org_gid(org)})).ok()["node"]
    assert found["disabled"] is True
    assert "org.created" in [edge["node"]["action"] for edge in found["auditLog"]["edges"]]


async def test_platform_keys_are_created_rotated_and_revoked_from_the_console(
    staff: ApiClient,
    org: OrgFixture,
    other_org: OrgFixture,
    client_factory: ClientFactory,
    frozen_clock: FrozenClock,
) -> None:
    # when staff create a key restricted to one org
    made = await console(
        staff,
        CREATE_PLATFORM_KEY,
        {"input": {"name": "reports", "scopes": ["org:read"], "organizations": [org.slug]}},
    )
    created = made.ok()["createPlatformApiKey"]
    key, secret = created["apiKey"], created["secret"]
    assert secret.startswith("iq_live_") and key["prefix"] == secret[:16]
    assert key["organizations"] == [{"slug": org.slug}] and key["allOrganizations"] is False
    # then it reaches that org and no other
    partner = client_factory()
    bearer = {"authorization": f"Bearer {secret}"}
    node = "query($id: ID!) { node(id: $id) { id } }"
    reached = await partner.gql(node, {"id": org_gid(org)}, headers=bearer)
    assert reached.ok()["node"]["id"] == org_gid(org)
    beyond = await partner.gql(node, {"id": org_gid(other_org)}, headers=bearer)
    assert beyond.code == "NOT_FOUND"
    # and the list shows it without its secret
    listing = (await console(staff, PLATFORM_KEYS)).ok()["platformApiKeys"]
    assert key["id"] in [edge["node"]["id"] for edge in listing["edges"]]
    assert secret not in str(listing)
    # when they rotate it with a grace period, both work until it ends
    frozen_clock.advance(seconds=1)
    rotated = await console(staff, ROTATE_PLATFORM_KEY, {"id": key["id"], "grace": 3600})
    new_secret = rotated.ok()["rotatePlatformApiKey"]["secret"]
    assert new_secret != secret
    new_bearer = {"authorization": f"Bearer {new_secret}"}
    for headers in (bearer, new_bearer):
        assert (await partner.gql(VIEWER, headers=headers)).ok()["viewer"]["kind"] == "API_KEY"
    # when they revoke the old one, it is refused from its next request
    frozen_clock.advance(seconds=1)
    revoked = await console(staff, REVOKE_PLATFORM_KEY, {"id": key["id"]})
    assert revoked.ok()["revokePlatformApiKey"]["apiKey"]["revokedAt"] is not None
    refused = await partner.gql(VIEWER, headers=bearer)
    assert (refused.status, refused.code) == (401, "INVALID_API_KEY")
    # and each change is in the org's log and in the platform log
    org_log = (await console(staff, ORG_LOG, {"id": org_gid(org)})).ok()
    events = [edge["node"] for edge in org_log["node"]["auditLog"]["edges"]]
    key_events = [event for event in events if event["targetType"] == "ApiKey"]
    assert [event["action"] for event in key_events] == [
        "api_key.revoked",
        "api_key.rotated",
        "api_key.created",
    ]
    assert all(event["details"]["platform"] is True for event in key_events)
    logged = (await console(staff, PLATFORM_LOG, {"org": org_gid(org)})).ok()
    assert [edge["node"]["action"] for edge in logged["platformAuditLog"]["edges"]] == [
        "platform.key_revoked",
        "platform.key_rotated",
        "platform.key_created",
    ]
    assert secret not in str(logged) and new_secret not in str(org_log)
    # and the other org's log knows nothing of it
    other_log = (await console(staff, ORG_LOG, {"id": org_gid(other_org)})).ok()
    assert all(
        edge["node"]["targetType"] != "ApiKey" for edge in other_log["node"]["auditLog"]["edges"]
    )


async def test_a_key_for_every_org_is_in_the_platform_log_only(staff: ApiClient) -> None:
    made = await console(
        staff,
        CREATE_PLATFORM_KEY,
        {"input": {"name": "everywhere", "scopes": ["org:read"], "allOrganizations": True}},
    )
    key = made.ok()["createPlatformApiKey"]["apiKey"]
    assert key["allOrganizations"] is True and key["organizations"] == []
    logged = (await console(staff, PLATFORM_LOG, {"action": "platform.key_created"})).ok()
    rows = [edge["node"] for edge in logged["platformAuditLog"]["edges"]]
    mine = [row for row in rows if row["details"].get("name") == "everywhere"]
    assert len(mine) == 1 and mine[0]["orgSlug"] is None


@pytest.mark.parametrize(
    ("given", "field"),
    [
        ({"organizations": ["nope-no-org"]}, "orgs"),
        ({"organizations": ["x"], "allOrganizations": True}, "organizations"),
        ({}, "organizations"),
        ({"allOrganizations": True, "scopes": ["platform:read"]}, "scopes"),
        ({"allOrganizations": True, "scopes": ["api_keys:write"]}, "scopes"),
        ({"allOrganizations": True, "rateLimitPerMinute": 0}, "rateLimitPerMinute"),
    ],
)
async def test_a_bad_platform_key_is_refused_and_nothing_is_made(
    staff: ApiClient, given: dict[str, Any], field: str
) -> None:
    before = (await console(staff, PLATFORM_KEYS)).ok()["platformApiKeys"]["totalCount"]
    answer = await console(
        staff, CREATE_PLATFORM_KEY, {"input": {"name": "bad", "scopes": ["org:read"], **given}}
    )
    assert answer.code == "BAD_USER_INPUT"
    assert field in answer.errors[0]["extensions"]["fields"]
    after = (await console(staff, PLATFORM_KEYS)).ok()["platformApiKeys"]["totalCount"]
    assert after == before
