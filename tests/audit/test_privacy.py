"""Members' IP addresses and user agents in the audit log: owners and admins only."""

from __future__ import annotations

from typing import Any

from tests.api_keys.support import as_key, create_key
from tests.support.client import ApiClient
from tests.support.factories import OrgFixture
from tests.support.fixture_types import SignIn

LOG = """query($slug: String!) { organization(slug: $slug) {
  auditLog(action: "member.added", first: 1) { edges { node { id action ip userAgent } } } } }"""
NODE = "query($id: ID!) { node(id: $id) { ... on AuditEvent { action ip userAgent } } }"
ADD = """mutation { addMember(input: {username: "newcomer", displayName: "N", role: STUDENT,
  password: "a long enough password"}) { member { id } } }"""
BROWSER = "Mozilla/5.0 (X11; Linux x86_64) private-browser/1.0"


async def newest_addition(
    client: ApiClient, org: OrgFixture, headers: dict[str, str] | None = None
) -> dict[str, Any]:
    result = await client.gql(LOG, {"slug": org.slug}, headers=headers)
    node: dict[str, Any] = result.ok()["organization"]["auditLog"]["edges"][0]["node"]
    return node


async def test_owners_and_admins_see_where_a_change_came_from(
    org: OrgFixture, signed_in: SignIn
) -> None:
    admin = await signed_in(org, "admin")
    (await admin.gql(ADD, headers={"user-agent": BROWSER})).ok()
    for name in ["owner", "admin"]:
        reader = await signed_in(org, name)
        event = await newest_addition(reader, org)
        assert (event["ip"], event["userAgent"]) == (admin.ip, BROWSER), name


async def test_teachers_and_keys_read_the_event_without_ip_or_user_agent(
    org: OrgFixture, signed_in: SignIn
) -> None:
    # given a change made by an admin from a known address and browser
    admin = await signed_in(org, "admin")
    (await admin.gql(ADD, headers={"user-agent": BROWSER})).ok()
    teacher = await signed_in(org, "teacher")
    owner = await signed_in(org, "owner")
    key = await create_key(owner, ["audit:read", "members:read", "org:read"])
    # when a teacher, and an owner's key with audit:read, read it (list and node)
    by_teacher = await newest_addition(teacher, org)
    by_key = (await as_key(owner, key, LOG, slug=org.slug)).ok()["organization"]["auditLog"]
    via_node = (await teacher.gql(NODE, {"id": by_teacher["id"]})).ok()["node"]
    # then they see the event, but not the client details
    for event in [by_teacher, by_key["edges"][0]["node"], via_node]:
        assert event["action"] == "member.added"
        assert (event["ip"], event["userAgent"]) == (None, None)
