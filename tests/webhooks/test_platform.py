"""Platform endpoints: staff keys configure endpoints of no org that get every org's
events, or those of a list of orgs; org members neither see nor make them."""

from __future__ import annotations

import json
import uuid

from app.cli_actions import create_platform_admin, create_platform_key
from app.webhooks.worker import Worker
from tests.api_keys.support import bearer
from tests.quizzes.api import published_quiz
from tests.support.factories import PASSWORD, OrgFixture
from tests.support.fixture_types import ClientFactory, SignIn
from tests.support.statements import counting
from tests.webhooks.support import CREATE_WEBHOOK, UPDATE_WEBHOOK, Receiver, drain

LIST = "query($slug: String!) { organization(slug: $slug) { webhooks { totalCount } } }"


async def platform_key(orgs: list[str] | None = None) -> dict[str, str]:
    username = f"staff-{uuid.uuid4().hex[:8]}"
    await create_platform_admin(username, PASSWORD)
    secret = await create_platform_key(
        admin_username=username,
        name="ops",
        scopes=["webhooks:read", "webhooks:write"],
        org_slugs=orgs,
        rate_limit_per_minute=100,
    )
    return bearer(secret)


async def test_a_platform_endpoint_gets_the_events_of_its_orgs_only(
    org: OrgFixture,
    other_org: OrgFixture,
    signed_in: SignIn,
    client_factory: ClientFactory,
    receiver: Receiver,
    worker: Worker,
) -> None:
    # given staff endpoints: one for every org, one for org A only
    staff = client_factory()
    headers = await platform_key()
    every = {"url": receiver.url("/every"), "allOrganizations": True, "events": ["quiz.created"]}
    only_a = {"url": receiver.url("/only-a"), "organizations": [org.slug]}
    for given in (every, only_a):
        made = await staff.gql(CREATE_WEBHOOK, {"input": given}, headers=headers)
        assert made.ok()["createWebhook"]["secret"].startswith("whsec_")
    # when each org creates a quiz
    await published_quiz(await signed_in(org, "teacher"))
    await published_quiz(await signed_in(other_org, "teacher"))
    await drain(worker)
    # then /every got both orgs' events, /only-a org A's
    orgs_every = sorted(json.loads(item.body)["org"] for item in receiver.on("/every"))
    assert orgs_every == sorted([org.slug, other_org.slug])
    assert [json.loads(item.body)["org"] for item in receiver.on("/only-a")] == [org.slug]
    # and no org lists them, nor can an org's owner make one
    owner = await signed_in(org, "owner")
    listed = (await owner.gql(LIST, {"slug": org.slug})).ok()
    assert listed["organization"]["webhooks"]["totalCount"] == 0
    refused = await owner.gql(CREATE_WEBHOOK, {"input": every})
    assert refused.code == "FORBIDDEN"


async def test_a_restricted_platform_key_cannot_change_an_endpoint_for_every_org(
    org: OrgFixture, client_factory: ClientFactory, receiver: Receiver
) -> None:
    staff = client_factory()
    unrestricted = await platform_key()
    made = await staff.gql(
        CREATE_WEBHOOK,
        {"input": {"url": receiver.url(), "allOrganizations": True}},
        headers=unrestricted,
    )
    endpoint_id = made.ok()["createWebhook"]["webhook"]["id"]
    restricted = await platform_key([org.slug])
    change = {"input": {"id": endpoint_id, "enabled": False}}
    assert (await staff.gql(UPDATE_WEBHOOK, change, headers=restricted)).code == "NOT_FOUND"
    changed = await staff.gql(UPDATE_WEBHOOK, change, headers=unrestricted)
    assert changed.ok()["updateWebhook"]["webhook"]["enabled"] is False


PLATFORM_LIST = """{ platformWebhooks(first: 10) { totalCount edges { node {
  url status deliveries(first: 5) { totalCount } } } } }"""


async def test_platform_staff_list_the_platform_endpoints_they_reach(
    org: OrgFixture,
    other_org: OrgFixture,
    signed_in: SignIn,
    client_factory: ClientFactory,
    receiver: Receiver,
) -> None:
    # given platform endpoints for every org, for org A, and for both orgs
    staff = client_factory()
    unrestricted = await platform_key()
    for path, given in (
        ("/every", {"allOrganizations": True}),
        ("/only-a", {"organizations": [org.slug]}),
        ("/both", {"organizations": [org.slug, other_org.slug]}),
    ):
        made = await staff.gql(
            CREATE_WEBHOOK, {"input": {"url": receiver.url(path), **given}}, headers=unrestricted
        )
        made.ok()
    owner = await signed_in(org, "owner")
    await owner.gql(CREATE_WEBHOOK, {"input": {"url": receiver.url("/org")}})

    def urls(result: dict[str, object]) -> list[str]:
        listing = result["platformWebhooks"]
        assert isinstance(listing, dict)
        return sorted(edge["node"]["url"].rsplit("/", 1)[1] for edge in listing["edges"])

    # then an unrestricted key lists all three (never an org's endpoint)
    every = (await staff.gql(PLATFORM_LIST, headers=unrestricted)).ok()
    assert urls(every) == ["both", "every", "only-a"]
    assert every["platformWebhooks"]["totalCount"] == 3
    # a key restricted to org A lists the one within org A only
    restricted = await platform_key([org.slug])
    assert urls((await staff.gql(PLATFORM_LIST, headers=restricted)).ok()) == ["only-a"]
    # an org's owner (webhooks:read) sees none; anonymous callers are refused
    assert urls((await owner.gql(PLATFORM_LIST)).ok()) == []
    assert (await client_factory().gql(PLATFORM_LIST)).code == "UNAUTHENTICATED"


async def test_the_orgs_of_a_platform_endpoint_are_looked_up_at_once_and_unknown_ones_named(
    org: OrgFixture, other_org: OrgFixture, client_factory: ClientFactory, receiver: Receiver
) -> None:
    staff = client_factory()
    headers = await platform_key()
    # when staff name two orgs (one in capitals), their ids come from one statement
    given = {"url": receiver.url(), "organizations": [org.slug.upper(), other_org.slug]}
    with counting() as statements:
        made = await staff.gql(CREATE_WEBHOOK, {"input": given}, headers=headers)
    assert made.ok()["createWebhook"]["secret"].startswith("whsec_")
    by_slug = [s for s in statements if "organizations.slug" in s.split("WHERE", 1)[-1]]
    assert len(by_slug) == 1, by_slug
    # and an unknown slug among them is refused, naming it
    given["organizations"] = [org.slug, "no-such-org", other_org.slug]
    refused = await staff.gql(CREATE_WEBHOOK, {"input": given}, headers=headers)
    assert refused.code == "BAD_USER_INPUT"
    assert "no-such-org" in refused.errors[0]["extensions"]["fields"]["organizations"]
