"""Bad input gets a clear error with the contract's code, and changes nothing."""

from __future__ import annotations

import pytest

from app.core.db import unit_of_work
from app.orgs.models import Organization
from tests.support.factories import OrgFixture

ADD = """mutation($input: AddMemberInput!) { addMember(input: $input) { member { id } } }"""


def member(**overrides: object) -> dict:
    values = {
        "username": "valid.name",
        "displayName": "Valid",
        "role": "STUDENT",
        "password": "a long enough password",
    }
    values.update(overrides)
    return {"input": values}


async def audit_seq(org: OrgFixture) -> int:
    async with unit_of_work(write=False) as db:
        row = await db.get(Organization, org.id)
        return row.audit_seq


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"username": ""}, "username"),
        ({"username": "x" * 65}, "username"),
        ({"username": "has space"}, "username"),
        ({"username": "ünïcode"}, "username"),
        ({"displayName": ""}, "displayName"),
        ({"displayName": "   "}, "displayName"),
        ({"displayName": "y" * 201}, "displayName"),
        ({"displayName": "bell\u0007"}, "displayName"),
        ({"displayName": "zero\u200bwidth"}, "displayName"),
        ({"password": "short"}, "password"),
        ({"password": "p" * 257}, "password"),
    ],
)
async def test_invalid_fields_are_named(org: OrgFixture, signed_in, overrides: dict, field: str):
    owner = await signed_in(org, "owner")
    before = await audit_seq(org)
    result = await owner.gql(ADD, member(**overrides))
    assert result.code == "BAD_USER_INPUT"
    assert field in result.errors[0]["extensions"]["fields"]
    assert result.data is None
    assert await audit_seq(org) == before


@pytest.mark.parametrize(
    "variables",
    [
        member(role="SUPERUSER"),  # unknown enum value
        member(username=12345),  # wrong type
        member(password=None),  # missing required
        {"input": "not an object"},
    ],
)
async def test_wrong_types_and_unknown_enum_values(org: OrgFixture, signed_in, variables: dict):
    owner = await signed_in(org, "owner")
    before = await audit_seq(org)
    result = await owner.gql(ADD, variables)
    assert result.status == 200
    assert result.code == "BAD_USER_INPUT"
    assert result.data is None
    assert await audit_seq(org) == before


async def test_a_duplicate_username_is_a_conflict(org: OrgFixture, signed_in):
    owner = await signed_in(org, "owner")
    result = await owner.gql(ADD, member(username="teacher"))
    assert result.code == "CONFLICT"
    assert "teacher" in result.errors[0]["message"]


async def test_a_one_megabyte_query_is_refused_at_the_door(client_factory):
    query = "{ viewer { kind } }" + " " * (1024 * 1024)
    result = await client_factory().gql(query)
    assert result.status == 413
    assert result.body["code"] == "PAYLOAD_TOO_LARGE"
    assert result.codes == ["PAYLOAD_TOO_LARGE"]


async def test_too_many_tokens_is_too_complex(client_factory):
    query = "{ viewer { " + " ".join(["kind"] * 6000) + " } }"
    result = await client_factory().gql(query)
    assert result.code == "QUERY_TOO_COMPLEX"
    assert result.errors[0]["extensions"]["limit"] == 5000


async def test_deeply_nested_queries_are_too_complex(org: OrgFixture, signed_in):
    owner = await signed_in(org, "owner")
    query = "{ viewer { " + "organization { members { edges { node { id } } } } " + "} }"
    deep = "{ " + 'node(id: "x") { ... on Organization { ' * 14 + "slug" + " } }" * 14 + " }"
    result = await owner.gql(deep)
    assert result.code == "QUERY_TOO_COMPLEX"
    assert result.errors[0]["extensions"]["limit"] == 12
    assert (await owner.gql(query)).ok()


async def test_too_many_aliases_are_too_complex(client_factory):
    query = "{ " + " ".join(f"a{i}: viewer {{ kind }}" for i in range(31)) + " }"
    result = await client_factory().gql(query)
    assert result.code == "QUERY_TOO_COMPLEX"
    assert result.errors[0]["extensions"] == {"code": "QUERY_TOO_COMPLEX", "cost": 31, "limit": 30}


@pytest.mark.parametrize(
    "body",
    [b"", b"not json", b'{"query": 42}', b'{"variables": {}}', b"[1, 2"],
)
async def test_malformed_bodies_get_a_clear_error(client_factory, body: bytes):
    response = await client_factory().http.post(
        "/graphql", content=body, headers={"content-type": "application/json"}
    )
    assert response.status_code == 400
    payload = response.json()
    assert payload["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"
    assert payload["detail"]


async def test_a_syntax_error_is_bad_user_input(client_factory):
    result = await client_factory().gql("{ viewer { kind ")
    assert result.code == "BAD_USER_INPUT"
    assert "Syntax Error" in result.errors[0]["message"]


async def test_a_bad_cursor_is_bad_user_input(org: OrgFixture, signed_in):
    owner = await signed_in(org, "owner")
    result = await owner.gql(
        'query($s: String!) { organization(slug: $s) { members(after: "bm9wZQ==") { totalCount } } }',
        {"s": org.slug},
    )
    assert result.code == "BAD_USER_INPUT"
    assert result.errors[0]["extensions"]["fields"] == {
        "after": "is not a cursor this API gave out"
    }


@pytest.mark.parametrize("bad_id", ["", "not-base64!", "TWVtYmVyOm5vdC1hLXV1aWQ="])
async def test_bad_ids_are_answered_calmly(org: OrgFixture, signed_in, bad_id: str):
    owner = await signed_in(org, "owner")
    result = await owner.gql(
        "mutation($id: ID!) { removeMember(input: {id: $id}) { removedId } }", {"id": bad_id}
    )
    assert result.code in {"BAD_USER_INPUT", "NOT_FOUND"}
    node = await owner.gql("query($id: ID!) { node(id: $id) { id } }", {"id": bad_id})
    assert node.code in {"BAD_USER_INPUT", "NOT_FOUND"}
