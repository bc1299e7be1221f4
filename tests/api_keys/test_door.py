"""The door: malformed credentials, and keys whose creator, org or switch stop them."""

from __future__ import annotations

import uuid

import pytest
from strawberry import relay

from app.core.db import unit_of_work
from app.orgs import service as orgs
from tests.api_keys.support import MEMBERS, VIEWER, as_key, assert_door_problem, create_key
from tests.support.client import ApiClient, GraphQLResult
from tests.support.factories import OrgFixture, cli_context
from tests.support.fixture_types import ClientFactory, SignIn

UPDATE_MEMBER = """
mutation($input: UpdateMemberInput!) { updateMember(input: $input) { member { role disabled } } }
"""
REMOVE_MEMBER = "mutation($input: RemoveMemberInput!) { removeMember(input: $input) { removedId } }"
HEX = "0123456789abcdef0123456789abcdef01234567"

MALFORMED: dict[str, bytes] = {
    "no scheme": f"iq_live_{HEX}".encode(),
    "wrong scheme": f"Basic iq_live_{HEX}".encode(),
    "token scheme": f"Token iq_live_{HEX}".encode(),
    "scheme only": b"Bearer",
    "empty": b"",
    "wrong prefix": f"Bearer iq_test_{HEX}".encode(),
    "no prefix": f"Bearer {HEX}".encode(),
    "too short": f"Bearer iq_live_{HEX[:-1]}".encode(),
    "too long": f"Bearer iq_live_{HEX}0".encode(),
    "non-hex": f"Bearer iq_live_{HEX[:-1]}g".encode(),
    "upper-case hex": f"Bearer iq_live_{HEX.upper()}".encode(),
    "unicode": f"Bearer iq_live_{HEX[:-1]}é".encode(),
    "unicode digits": f"Bearer iq_live_{HEX[:-1]}٣".encode(),
    "10 kB": b"Bearer iq_live_" + b"a" * 10_240,
    "two credentials": f"Bearer iq_live_{HEX} iq_live_{HEX}".encode(),
}


async def _post(client: ApiClient, headers: list[tuple[str, bytes]]) -> GraphQLResult:
    """Raw header values: some cases are bytes no str could carry."""
    raw = [(name.encode(), value) for name, value in headers]
    response = await client.http.post("/graphql", json={"query": VIEWER}, headers=raw)
    return GraphQLResult(response)


@pytest.mark.parametrize("case", list(MALFORMED))
async def test_malformed_authorization_is_401_with_the_contract_body(
    case: str, client_factory: ClientFactory
) -> None:
    result = await _post(client_factory(), [("Authorization", MALFORMED[case])])
    assert_door_problem(result, 401, "INVALID_API_KEY")


async def test_upper_case_of_a_real_key_is_refused(org: OrgFixture, signed_in: SignIn) -> None:
    owner = await signed_in(org, "owner")
    key = await create_key(owner, ["org:read"])
    upper = "iq_live_" + key.secret[len("iq_live_") :].upper()
    assert upper != key.secret
    assert_door_problem(await as_key(owner, upper, VIEWER), 401, "INVALID_API_KEY")
    assert (await as_key(owner, key, VIEWER)).ok()


async def test_two_authorization_headers_are_refused_even_when_both_are_valid(
    org: OrgFixture, signed_in: SignIn, client_factory: ClientFactory
) -> None:
    owner = await signed_in(org, "owner")
    key = await create_key(owner, ["org:read"])
    header = f"Bearer {key.secret}".encode()
    result = await _post(client_factory(), [("Authorization", header), ("Authorization", header)])
    assert_door_problem(result, 401, "INVALID_API_KEY")


async def test_the_bearer_scheme_is_case_insensitive(
    org: OrgFixture, signed_in: SignIn, client_factory: ClientFactory
) -> None:
    key = await create_key(await signed_in(org, "owner"), ["org:read"])
    result = await _post(client_factory(), [("Authorization", f"bearer {key.secret}".encode())])
    assert result.ok()["viewer"]["kind"] == "API_KEY"


async def test_a_disabled_creator_stops_the_key_until_re_enabled(
    org: OrgFixture, signed_in: SignIn
) -> None:
    owner = await signed_in(org, "owner")
    key = await create_key(await signed_in(org, "admin"), ["org:read"])
    admin_id = org.account("admin").global_id
    # when the creator is disabled
    await owner.gql(UPDATE_MEMBER, {"input": {"id": admin_id, "disabled": True}})
    # then the key answers USER_DISABLED
    assert_door_problem(await as_key(owner, key, VIEWER), 403, "USER_DISABLED")
    # and works again once the creator is back
    await owner.gql(UPDATE_MEMBER, {"input": {"id": admin_id, "disabled": False}})
    assert (await as_key(owner, key, VIEWER)).ok()["viewer"]["member"]["username"] == "admin"


async def test_a_removed_creator_stops_the_key(org: OrgFixture, signed_in: SignIn) -> None:
    owner = await signed_in(org, "owner")
    key = await create_key(await signed_in(org, "admin"), ["org:read"])
    removed = await owner.gql(REMOVE_MEMBER, {"input": {"id": org.account("admin").global_id}})
    assert removed.ok()
    assert_door_problem(await as_key(owner, key, VIEWER), 403, "USER_DISABLED")


async def test_a_disabled_org_stops_its_keys(
    org: OrgFixture, signed_in: SignIn, client_factory: ClientFactory
) -> None:
    key = await create_key(await signed_in(org, "owner"), ["org:read"])
    # when platform staff disable the org
    async with unit_of_work() as db:
        await orgs.set_disabled(cli_context(db), org.id, True)
    # then its keys answer ORG_DISABLED
    assert_door_problem(await as_key(client_factory(), key, VIEWER), 403, "ORG_DISABLED")


async def test_demoting_the_creator_shrinks_the_key_on_its_next_request(
    org: OrgFixture, signed_in: SignIn
) -> None:
    owner = await signed_in(org, "owner")
    admin = await signed_in(org, "admin")
    key = await create_key(admin, ["members:read", "quizzes:read"])
    assert (await as_key(admin, key, MEMBERS, slug=org.slug)).ok()
    # when the owner demotes the creator to teacher
    demoted = await owner.gql(
        UPDATE_MEMBER, {"input": {"id": org.account("admin").global_id, "role": "TEACHER"}}
    )
    assert demoted.ok()["updateMember"]["member"]["role"] == "TEACHER"
    # then the key keeps only what a teacher may do
    viewer = (await as_key(admin, key, VIEWER)).ok()["viewer"]
    assert (viewer["role"], viewer["scopes"]) == ("TEACHER", ["quizzes:read"])
    refused = await as_key(admin, key, MEMBERS, slug=org.slug)
    assert refused.status == 200
    assert refused.code == "FORBIDDEN"
    assert refused.errors[0]["message"] == (
        "Insufficient scopes. Required: members:read. Your key has: quizzes:read"
    )
    assert refused.errors[0]["extensions"]["requiredScopes"] == ["members:read"]
    assert refused.errors[0]["extensions"]["grantedScopes"] == ["quizzes:read"]


async def test_another_orgs_data_looks_like_data_that_does_not_exist(
    org: OrgFixture, other_org: OrgFixture, signed_in: SignIn
) -> None:
    key = await create_key(await signed_in(org, "owner"), ["members:read", "org:read"])
    client = await signed_in(org, "owner")
    node = "query($id: ID!) { node(id: $id) { id } }"
    theirs = await as_key(client, key, node, id=other_org.account("student").global_id)
    nobody = await as_key(client, key, node, id=str(relay.GlobalID("Member", str(uuid.uuid4()))))
    assert theirs.code == "NOT_FOUND"
    assert theirs.errors[0]["message"] == nobody.errors[0]["message"]
    members = await as_key(client, key, MEMBERS, slug=other_org.slug)
    assert members.code == "NOT_FOUND"
    assert members.data == {"organization": {"members": None}}  # the list alone is null
