"""CSRF: a cookie-authenticated state change must be a JSON POST from an allowed origin."""

from __future__ import annotations

import json

import pytest

from tests.support.client import ApiClient
from tests.support.factories import OrgFixture
from tests.support.fixture_types import ClientFactory, SignIn

ADD = 'mutation { addMember(input: {username: "sneaky", displayName: "S", role: ADMIN, password: "a long enough password"}) { member { id } } }'
COUNT = "query($slug: String!) { organization(slug: $slug) { members { totalCount } } }"


async def member_count(client: ApiClient, org: OrgFixture) -> int:
    result = await client.gql(COUNT, {"slug": org.slug})
    count: int = result.ok()["organization"]["members"]["totalCount"]
    return count


@pytest.mark.parametrize(
    "content_type",
    ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x"],
)
async def test_cookie_post_without_json_is_refused(
    org: OrgFixture, signed_in: SignIn, content_type: str
) -> None:
    owner = await signed_in(org, "owner")
    before = await member_count(owner, org)
    response = await owner.http.post(
        "/graphql", content=json.dumps({"query": ADD}), headers={"content-type": content_type}
    )
    assert response.status_code == 403
    assert response.headers["content-type"] == "application/problem+json"
    assert response.json()["code"] == "FORBIDDEN"
    assert await member_count(owner, org) == before


async def test_cookie_post_from_a_foreign_origin_is_refused(
    org: OrgFixture, signed_in: SignIn
) -> None:
    owner = await signed_in(org, "owner")
    before = await member_count(owner, org)
    result = await owner.gql(ADD, headers={"origin": "https://evil.example"})
    assert result.status == 403
    assert "evil.example" in result.body["detail"]
    assert await member_count(owner, org) == before


@pytest.mark.parametrize("origin", ["http://127.0.0.1:8000", "http://localhost:8000/"])
async def test_cookie_post_from_an_allowed_origin_works(
    org: OrgFixture, signed_in: SignIn, origin: str
) -> None:
    owner = await signed_in(org, "owner")
    result = await owner.gql(ADD, headers={"origin": origin})
    assert result.ok()["addMember"]["member"]["id"]


@pytest.mark.parametrize(
    "host", ["evil.example", "testserver"], ids=["forged host", "the server's own host"]
)
async def test_an_origin_matching_the_host_header_is_not_trusted_for_it(
    org: OrgFixture, signed_in: SignIn, host: str
) -> None:
    # Host is the client's to write: Origin == Host proves nothing, only the configured
    # origins count (the dashboard's origin is one of them).
    owner = await signed_in(org, "owner")
    before = await member_count(owner, org)
    result = await owner.gql(ADD, headers={"origin": f"http://{host}", "host": host})
    assert result.status == 403
    assert result.body["code"] == "FORBIDDEN"
    assert host in result.body["detail"]
    assert await member_count(owner, org) == before


async def test_mutations_are_never_run_over_get(org: OrgFixture, signed_in: SignIn) -> None:
    owner = await signed_in(org, "owner")
    before = await member_count(owner, org)
    response = await owner.http.get("/graphql", params={"query": ADD})
    assert response.status_code in {400, 405}
    assert response.json()["errors"]
    assert await member_count(owner, org) == before


async def test_queries_over_get_work_for_scripts(
    org: OrgFixture, client_factory: ClientFactory
) -> None:
    response = await client_factory().http.get(
        "/graphql", params={"query": f'{{ organization(slug: "{org.slug}") {{ name }} }}'}
    )
    assert response.status_code == 200
    assert response.json()["data"]["organization"]["name"] == f"Org {org.slug}"


async def test_graphiql_is_served_to_browsers(client_factory: ClientFactory) -> None:
    response = await client_factory().http.get("/graphql", headers={"accept": "text/html"})
    assert response.status_code == 200
    assert "graphiql" in response.text.lower()
