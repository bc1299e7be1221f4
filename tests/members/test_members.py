"""Managing members: the role table, the owner rules, and cross-org isolation."""

from __future__ import annotations

from typing import Any

import pytest

from app.access.scopes import Role
from tests.support.client import ApiClient
from tests.support.factories import OrgFixture
from tests.support.fixture_types import ClientFactory, SignIn

MEMBERS = """query($slug: String!, $role: Role, $disabled: Boolean, $search: String, $first: Int, $after: String) {
  organization(slug: $slug) {
    members(role: $role, disabled: $disabled, search: $search, first: $first, after: $after) {
      totalCount pageInfo { hasNextPage endCursor }
      edges { node { id username displayName role disabled } }
    }
  }
}"""
ADD = """mutation($input: AddMemberInput!) {
  addMember(input: $input) { member { id username displayName role disabled } }
}"""
UPDATE = """mutation($input: UpdateMemberInput!) {
  updateMember(input: $input) { member { id username role disabled displayName } }
}"""
REMOVE = "mutation($id: ID!) { removeMember(input: {id: $id}) { removedId } }"
NODE = "query($id: ID!) { node(id: $id) { id ... on Member { username } } }"


def new_member(username: str, role: str = "STUDENT") -> dict[str, Any]:
    return {
        "input": {
            "username": username,
            "displayName": username.title(),
            "role": role,
            "password": "a long enough password",
        }
    }


async def usernames(client: ApiClient, org: OrgFixture) -> set[str]:
    result = await client.gql(MEMBERS, {"slug": org.slug, "first": 100})
    return {edge["node"]["username"] for edge in result.ok()["organization"]["members"]["edges"]}


# --- the role table: members:read and members:write belong to owners and admins ---


@pytest.mark.parametrize(
    ("role", "allowed"), [("owner", True), ("admin", True), ("teacher", False), ("student", False)]
)
async def test_listing_members_by_role(
    org: OrgFixture, signed_in: SignIn, role: str, allowed: bool
) -> None:
    client = await signed_in(org, role)
    result = await client.gql(MEMBERS, {"slug": org.slug})
    if allowed:
        assert result.ok()["organization"]["members"]["totalCount"] == 4
    else:
        assert result.code == "FORBIDDEN"
        assert result.errors[0]["extensions"]["requiredScopes"] == ["members:read"]
        assert result.data is not None and result.data["organization"] == {"members": None}


@pytest.mark.parametrize(
    ("role", "allowed"), [("owner", True), ("admin", True), ("teacher", False), ("student", False)]
)
async def test_adding_members_by_role(
    org: OrgFixture, signed_in: SignIn, role: str, allowed: bool
) -> None:
    client = await signed_in(org, role)
    result = await client.gql(ADD, new_member("newbie"))
    owner = await signed_in(org, "owner")
    if allowed:
        assert result.ok()["addMember"]["member"]["username"] == "newbie"
        assert "newbie" in await usernames(owner, org)
        # and the new member can sign in with the initial password
        assert await signed_in_as(org, client, "newbie")
    else:
        assert result.code == "FORBIDDEN"
        assert "newbie" not in await usernames(owner, org)


async def signed_in_as(org: OrgFixture, client: ApiClient, username: str) -> bool:
    result = await client.login(org.slug, org.portal_code, username, "a long enough password")
    signed_in_username: str = result.ok()["login"]["viewer"]["member"]["username"]
    return signed_in_username == username


@pytest.mark.parametrize(
    ("role", "allowed"), [("owner", True), ("admin", True), ("teacher", False), ("student", False)]
)
async def test_changing_roles_by_role(
    org: OrgFixture, signed_in: SignIn, role: str, allowed: bool
) -> None:
    client = await signed_in(org, role)
    target = await org.add("target", role=_student())
    result = await client.gql(UPDATE, {"input": {"id": target.global_id, "role": "TEACHER"}})
    if allowed:
        assert result.ok()["updateMember"]["member"]["role"] == "TEACHER"
    else:
        assert result.code == "FORBIDDEN"
        owner = await signed_in(org, "owner")
        listing = await owner.gql(MEMBERS, {"slug": org.slug, "search": "target"})
        assert listing.ok()["organization"]["members"]["edges"][0]["node"]["role"] == "STUDENT"


@pytest.mark.parametrize(
    ("role", "allowed"), [("owner", True), ("admin", True), ("teacher", False), ("student", False)]
)
async def test_removing_members_by_role(
    org: OrgFixture, signed_in: SignIn, role: str, allowed: bool
) -> None:
    client = await signed_in(org, role)
    target = await org.add("target", role=_student())
    result = await client.gql(REMOVE, {"id": target.global_id})
    owner = await signed_in(org, "owner")
    if allowed:
        assert result.ok()["removeMember"]["removedId"] == target.global_id
        assert "target" not in await usernames(owner, org)
    else:
        assert result.code == "FORBIDDEN"
        assert "target" in await usernames(owner, org)


def _student() -> Role:
    from app.access.scopes import Role

    return Role.STUDENT


# --- the owner rules ---


async def test_admin_cannot_create_change_or_remove_an_owner(
    org: OrgFixture, signed_in: SignIn
) -> None:
    admin = await signed_in(org, "admin")
    owner_id = org.account("owner").global_id
    assert (await admin.gql(ADD, new_member("boss", "OWNER"))).code == "FORBIDDEN"
    assert (
        await admin.gql(UPDATE, {"input": {"id": owner_id, "role": "ADMIN"}})
    ).code == "FORBIDDEN"
    assert (
        await admin.gql(UPDATE, {"input": {"id": owner_id, "disabled": True}})
    ).code == "FORBIDDEN"
    assert (await admin.gql(REMOVE, {"id": owner_id})).code == "FORBIDDEN"
    student_id = org.account("student").global_id
    promote = await admin.gql(UPDATE, {"input": {"id": student_id, "role": "OWNER"}})
    assert promote.code == "FORBIDDEN"
    assert promote.errors[0]["message"] == "Only an owner can create, change or remove an owner."


async def test_nobody_changes_their_own_role(org: OrgFixture, signed_in: SignIn) -> None:
    owner = await signed_in(org, "owner")
    await owner.gql(ADD, new_member("second", "OWNER"))
    result = await owner.gql(
        UPDATE, {"input": {"id": org.account("owner").global_id, "role": "ADMIN"}}
    )
    assert result.code == "FORBIDDEN"
    assert result.errors[0]["message"] == "You can't change your own role."
    admin = await signed_in(org, "admin")
    result = await admin.gql(
        UPDATE, {"input": {"id": org.account("admin").global_id, "role": "TEACHER"}}
    )
    assert result.code == "FORBIDDEN"


async def test_an_owner_may_demote_another_owner_but_not_leave_none(
    org: OrgFixture, signed_in: SignIn
) -> None:
    owner = await signed_in(org, "owner")
    await owner.gql(ADD, new_member("second", "OWNER"))
    co_owner = await signed_in_client(org, signed_in, "second")
    # with two owners, one may demote the other
    demoted = await co_owner.gql(
        UPDATE, {"input": {"id": org.account("owner").global_id, "role": "ADMIN"}}
    )
    assert demoted.ok()["updateMember"]["member"]["role"] == "ADMIN"
    # "second" is now the last owner and can't remove themselves
    removed = await co_owner.gql(REMOVE, {"id": org.account("second").global_id})
    assert removed.code == "FORBIDDEN"


async def signed_in_client(org: OrgFixture, signed_in: SignIn, username: str) -> ApiClient:
    from app.access.scopes import Role
    from app.core.db import unit_of_work
    from app.members import repository
    from tests.support.factories import Account

    async with unit_of_work(write=False) as db:
        member = await repository.by_username(db, org.id, username)
    assert member is not None
    org.accounts[username] = Account(username, "a long enough password", Role.OWNER, member.id)
    return await signed_in(org, username)


async def test_last_owner_rule_holds_for_platform_staff_too(org: OrgFixture) -> None:
    from app.cli_actions import _cli_context
    from app.core.db import unit_of_work
    from app.core.errors import Forbidden
    from app.members import service

    with pytest.raises(Forbidden, match="last owner"):
        async with unit_of_work() as db:
            await service.update_member(
                _cli_context(db), org.id, org.account("owner").id, disabled=True
            )


# --- listing: filters and pagination ---


async def test_members_filter_by_role_disabled_and_search(
    org: OrgFixture, signed_in: SignIn
) -> None:
    owner = await signed_in(org, "owner")
    for name in ["sam", "sally", "sue"]:
        await owner.gql(ADD, new_member(name))
    sue = await owner.gql(MEMBERS, {"slug": org.slug, "search": "sue"})
    sue_id = sue.ok()["organization"]["members"]["edges"][0]["node"]["id"]
    await owner.gql(UPDATE, {"input": {"id": sue_id, "disabled": True}})

    students = await owner.gql(MEMBERS, {"slug": org.slug, "role": "STUDENT"})
    assert {e["node"]["username"] for e in students.ok()["organization"]["members"]["edges"]} == {
        "student",
        "sam",
        "sally",
        "sue",
    }
    disabled = await owner.gql(MEMBERS, {"slug": org.slug, "disabled": True})
    assert [e["node"]["username"] for e in disabled.ok()["organization"]["members"]["edges"]] == [
        "sue"
    ]
    search = await owner.gql(MEMBERS, {"slug": org.slug, "search": "SA"})
    assert [e["node"]["username"] for e in search.ok()["organization"]["members"]["edges"]] == [
        "sally",
        "sam",
    ]


async def test_members_paginate_with_cursors(org: OrgFixture, signed_in: SignIn) -> None:
    owner = await signed_in(org, "owner")
    for i in range(5):
        await owner.gql(ADD, new_member(f"pupil{i}"))
    seen: list[str] = []
    after = None
    while True:
        page = (await owner.gql(MEMBERS, {"slug": org.slug, "first": 3, "after": after})).ok()
        connection = page["organization"]["members"]
        assert connection["totalCount"] == 9
        seen += [edge["node"]["username"] for edge in connection["edges"]]
        if not connection["pageInfo"]["hasNextPage"]:
            break
        after = connection["pageInfo"]["endCursor"]
    assert seen == sorted(seen) and len(seen) == 9 == len(set(seen))


@pytest.mark.parametrize("first", [-1, 101])
async def test_page_size_is_capped(org: OrgFixture, signed_in: SignIn, first: int) -> None:
    owner = await signed_in(org, "owner")
    result = await owner.gql(MEMBERS, {"slug": org.slug, "first": first})
    assert result.code == "BAD_USER_INPUT"
    assert "first" in result.errors[0]["extensions"]["fields"]


# --- cross-org isolation ---


async def test_other_orgs_members_are_not_found(
    org: OrgFixture, other_org: OrgFixture, signed_in: SignIn
) -> None:
    owner = await signed_in(org, "owner")
    foreign_id = other_org.account("student").global_id
    listing = await owner.gql(MEMBERS, {"slug": other_org.slug})
    assert listing.code == "NOT_FOUND"
    assert (await owner.gql(NODE, {"id": foreign_id})).code == "NOT_FOUND"
    assert (
        await owner.gql(UPDATE, {"input": {"id": foreign_id, "role": "TEACHER"}})
    ).code == "NOT_FOUND"
    assert (await owner.gql(REMOVE, {"id": foreign_id})).code == "NOT_FOUND"
    # the same answer as for an id that never existed
    import uuid

    from strawberry import relay

    ghost = str(relay.GlobalID("Member", str(uuid.uuid4())))
    assert (await owner.gql(REMOVE, {"id": ghost})).errors[0]["message"] == (
        await owner.gql(REMOVE, {"id": foreign_id})
    ).errors[0]["message"]
    # and the other org is untouched
    other_owner = await signed_in(other_org, "owner")
    assert "student" in await usernames(other_owner, other_org)


async def test_public_org_info_needs_no_sign_in(
    org: OrgFixture, client_factory: ClientFactory
) -> None:
    result = await client_factory().gql(
        "query($slug: String!) { organization(slug: $slug) { slug name branding { primaryColor } } }",
        {"slug": org.slug},
    )
    assert result.ok()["organization"]["slug"] == org.slug
    hidden = await client_factory().gql(MEMBERS, {"slug": org.slug})
    assert hidden.code == "UNAUTHENTICATED"


# --- keys: a key gives a member only a role whose scopes it holds itself ---

STUDENT_KEY_SCOPES = [
    "members:read",
    "members:write",
    "quizzes:read",
    "attempts:read",
    "attempts:write",
    "leaderboard:read",
    "integrity:write",
]


def every_grantable_scope() -> list[str]:
    from app.access.scopes import KEY_GRANTABLE_SCOPES

    return sorted(scope.value for scope in KEY_GRANTABLE_SCOPES)


async def audit_count(owner: ApiClient, org: OrgFixture) -> int:
    result = await owner.gql(
        "query($slug: String!) { organization(slug: $slug) { auditLog { totalCount } } }",
        {"slug": org.slug},
    )
    count: int = result.ok()["organization"]["auditLog"]["totalCount"]
    return count


@pytest.mark.parametrize("role", ["OWNER", "ADMIN"])
async def test_a_key_never_makes_an_owner_or_an_admin(
    org: OrgFixture, signed_in: SignIn, client_factory: ClientFactory, role: str
) -> None:
    from tests.api_keys.support import create_key

    # given the owner's key with every scope a key can hold
    owner = await signed_in(org, "owner")
    key = await create_key(owner, every_grantable_scope())
    partner = client_factory()
    before = await audit_count(owner, org)
    # when it adds a member with that role
    added = await partner.gql(ADD, new_member("climber", role), headers=key.headers)
    # then FORBIDDEN, naming the scopes no key can hold
    assert added.code == "FORBIDDEN"
    error = added.errors[0]
    assert error["message"] == (
        "An API key can only give a member a role whose scopes it holds itself. "
        f"{role}: the role holds "
        + (
            "api_keys:read, api_keys:write, org:write"
            if role == "OWNER"
            else "api_keys:read, api_keys:write"
        )
        + ", which no API key can hold. This key may give: TEACHER, STUDENT."
    )
    assert "api_keys:write" in error["extensions"]["missingScopes"]
    assert "api_keys:write" in error["extensions"]["requiredScopes"]
    # and when it promotes a student to that role
    student = org.account("student")
    promoted = await partner.gql(
        UPDATE, {"input": {"id": student.global_id, "role": role}}, headers=key.headers
    )
    assert promoted.code == "FORBIDDEN"
    # then nothing changed: no member, no promotion, no audit event
    assert "climber" not in await usernames(owner, org)
    listing = await owner.gql(MEMBERS, {"slug": org.slug, "search": "student"})
    assert listing.ok()["organization"]["members"]["edges"][0]["node"]["role"] == "STUDENT"
    assert await audit_count(owner, org) == before
    # while the owner, signed in, still may
    assert (await owner.gql(ADD, new_member("deputy", role))).ok()["addMember"]["member"][
        "role"
    ] == role


async def test_a_key_holding_a_roles_scopes_gives_it(
    org: OrgFixture, signed_in: SignIn, client_factory: ClientFactory
) -> None:
    from tests.api_keys.support import create_key

    owner = await signed_in(org, "owner")
    key = await create_key(owner, every_grantable_scope())
    partner = client_factory()
    # every scope of TEACHER and STUDENT is grantable, so this key gives both
    for username, role in [("tutor", "TEACHER"), ("pupil", "STUDENT")]:
        added = await partner.gql(ADD, new_member(username, role), headers=key.headers)
        assert added.ok()["addMember"]["member"]["role"] == role
    promoted = await partner.gql(
        UPDATE,
        {"input": {"id": org.account("student").global_id, "role": "TEACHER"}},
        headers=key.headers,
    )
    assert promoted.ok()["updateMember"]["member"]["role"] == "TEACHER"


async def test_a_key_is_told_which_scopes_it_lacks_for_a_role(
    org: OrgFixture, signed_in: SignIn, client_factory: ClientFactory
) -> None:
    from tests.api_keys.support import create_key

    owner = await signed_in(org, "owner")
    partner = client_factory()
    # given a user-management key that holds a student's scopes but not a teacher's
    key = await create_key(owner, STUDENT_KEY_SCOPES)
    pupil = await partner.gql(ADD, new_member("pupil", "STUDENT"), headers=key.headers)
    assert pupil.ok()["addMember"]["member"]["role"] == "STUDENT"
    tutor = await partner.gql(ADD, new_member("tutor", "TEACHER"), headers=key.headers)
    assert tutor.code == "FORBIDDEN"
    lacking = [
        "analytics:read",
        "audit:read",
        "integrity:read",
        "notifications:read",
        "org:read",
        "quizzes:write",
    ]
    assert tutor.errors[0]["extensions"]["missingScopes"] == lacking
    assert tutor.errors[0]["message"] == (
        "An API key can only give a member a role whose scopes it holds itself. "
        f"TEACHER: your key lacks {', '.join(lacking)}. This key may give: STUDENT."
    )
    promote = await partner.gql(
        UPDATE,
        {"input": {"id": org.account("student").global_id, "role": "TEACHER"}},
        headers=key.headers,
    )
    assert promote.code == "FORBIDDEN"
    # and a key with members:write alone gives no role at all
    bare = await create_key(owner, ["members:write"])
    refused = await partner.gql(ADD, new_member("loner", "STUDENT"), headers=bare.headers)
    assert refused.code == "FORBIDDEN"
    assert refused.errors[0]["message"].endswith("This key may give: no role.")
    assert {"pupil"} <= await usernames(owner, org)
    assert not {"tutor", "loner"} & await usernames(owner, org)
    listing = await owner.gql(MEMBERS, {"slug": org.slug, "search": "student"})
    assert listing.ok()["organization"]["members"]["edges"][0]["node"]["role"] == "STUDENT"


@pytest.mark.parametrize("username", ["owner", "admin"])
async def test_a_key_never_disables_demotes_or_removes_an_owner_or_an_admin(
    org: OrgFixture, signed_in: SignIn, client_factory: ClientFactory, username: str
) -> None:
    from tests.api_keys.support import create_key

    # given the owner's key with every scope a key can hold
    owner = await signed_in(org, "owner")
    key = await create_key(owner, every_grantable_scope())
    partner = client_factory()
    target = org.account(username)
    before = await audit_count(owner, org)
    # when it disables, demotes or removes the owner or an admin
    attempts = [
        await partner.gql(
            UPDATE, {"input": {"id": target.global_id, "disabled": True}}, headers=key.headers
        ),
        await partner.gql(
            UPDATE, {"input": {"id": target.global_id, "role": "STUDENT"}}, headers=key.headers
        ),
        await partner.gql(
            UPDATE, {"input": {"id": target.global_id, "displayName": "Pwned"}}, headers=key.headers
        ),
        await partner.gql(REMOVE, {"id": target.global_id}, headers=key.headers),
    ]
    # then each is FORBIDDEN and says why
    for refused in attempts:
        assert refused.code == "FORBIDDEN"
        assert "no API key can hold" in refused.errors[0]["message"]
    # and nothing changed
    listing = await owner.gql(MEMBERS, {"slug": org.slug, "search": username})
    node = listing.ok()["organization"]["members"]["edges"][0]["node"]
    assert (node["username"], node["disabled"]) == (username, False)
    assert node["role"] == username.upper()
    assert await audit_count(owner, org) == before
    # while the same key still manages a student
    student = org.account("student")
    renamed = await partner.gql(
        UPDATE, {"input": {"id": student.global_id, "displayName": "Renamed"}}, headers=key.headers
    )
    assert renamed.ok()["updateMember"]["member"]["displayName"] == "Renamed"


async def test_members_search_treats_percent_and_underscore_literally(
    org: OrgFixture, signed_in: SignIn
) -> None:
    # given members whose names differ only where a LIKE wildcard would match anything
    owner = await signed_in(org, "owner")
    for name in ["a_b", "axb"]:
        (await owner.gql(ADD, new_member(name))).ok()
    # when the owner searches for an underscore, or for a percent sign nobody has
    underscore = await owner.gql(MEMBERS, {"slug": org.slug, "search": "a_b"})
    percent = await owner.gql(MEMBERS, {"slug": org.slug, "search": "%"})
    # then the underscore is a character to find, and the percent sign finds no one
    found = underscore.ok()["organization"]["members"]
    assert [edge["node"]["username"] for edge in found["edges"]] == ["a_b"]
    assert found["totalCount"] == 1
    nobody = percent.ok()["organization"]["members"]
    assert (nobody["edges"], nobody["totalCount"]) == ([], 0)
