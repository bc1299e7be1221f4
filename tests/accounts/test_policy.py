"""The per-org password policy: its messages and codes, its bounds, who changes it, and
every path that sets a password asking it."""

from __future__ import annotations

import pytest

from app.accounts.policy import DEFAULT, Policy, refusal
from tests.accounts.support import POLICY, audit_events, field_code
from tests.support.factories import OrgFixture
from tests.support.fixture_types import SignIn

ORG_POLICY = """query($slug: String!) { organization(slug: $slug) { passwordPolicy {
  minLength rejectCommonPasswords minLengthFloor minLengthCeiling maxLength } } }"""
ADD = """mutation($input: AddMemberInput!) { addMember(input: $input) { member { username } } }"""


@pytest.mark.parametrize(
    ("password", "code", "message"),
    [
        (
            "short",
            "PASSWORD_TOO_SHORT",
            "needs at least 8 characters (this organization's minimum)",
        ),
        ("x" * 257, "PASSWORD_TOO_LONG", "must be at most 256 characters"),
        ("tab\tinside it", "PASSWORD_CONTROL_CHARACTERS", "must not contain control characters"),
        ("i am robin.hood!", "PASSWORD_CONTAINS_USERNAME", "must not contain the username"),
        ("Password1", "PASSWORD_COMMON", None),
        ("correct horse battery", None, None),
    ],
)
def test_why_a_password_is_refused(password: str, code: str | None, message: str | None) -> None:
    found = refusal(password, DEFAULT, username="robin.hood")
    assert (found.code if found else None) == code
    if message:
        assert found is not None and found.message == message


def test_the_common_list_names_the_rank_and_can_be_turned_off() -> None:
    found = refusal("password", DEFAULT)
    assert found is not None
    assert found.message == (
        "is one of the 30,000 most common passwords (number 2), among the first any attacker tries"
    )
    assert refusal("password", Policy(min_length=8, reject_common=False)) is None


async def test_an_owner_sets_the_policy_and_adding_a_member_meets_it(
    org: OrgFixture, signed_in: SignIn
) -> None:
    owner = await signed_in(org, "owner")
    # the defaults, with the platform's bounds, readable by anyone of the org
    student = await signed_in(org, "student")
    read = (await student.gql(ORG_POLICY, {"slug": org.slug})).ok()
    assert read["organization"]["passwordPolicy"] == {
        "minLength": 8,
        "rejectCommonPasswords": True,
        "minLengthFloor": 8,
        "minLengthCeiling": 64,
        "maxLength": 256,
    }
    # when the owner raises the minimum
    changed = await owner.gql(POLICY, {"input": {"minLength": 16}})
    assert changed.ok()["updatePasswordPolicy"]["passwordPolicy"] == {
        "minLength": 16,
        "rejectCommonPasswords": True,
    }
    # then adding a member with a shorter password is refused with the new minimum
    new = {"username": "newbie", "displayName": "New", "role": "STUDENT"}
    refused = await owner.gql(ADD, {"input": {**new, "password": "fifteen chars!!"}})
    assert field_code(refused, "password") == "PASSWORD_TOO_SHORT"
    assert "at least 16 characters" in refused.errors[0]["extensions"]["fields"]["password"]
    accepted = await owner.gql(ADD, {"input": {**new, "password": "sixteen chars!!!"}})
    assert accepted.ok()["addMember"]["member"]["username"] == "newbie"
    # and the change is audited
    [event] = await audit_events(owner, org, "org.password_policy_updated")
    assert event["details"] == {"minLength": {"from": 8, "to": 16}}


@pytest.mark.parametrize("min_length", [7, 65])
async def test_the_minimum_stays_within_the_platform_bounds(
    org: OrgFixture, signed_in: SignIn, min_length: int
) -> None:
    owner = await signed_in(org, "owner")
    result = await owner.gql(POLICY, {"input": {"minLength": min_length}})
    assert result.errors[0]["extensions"]["fields"] == {"minLength": "must be between 8 and 64"}


@pytest.mark.parametrize("role", ["admin", "teacher", "student"])
async def test_only_owners_change_the_policy(org: OrgFixture, signed_in: SignIn, role: str) -> None:
    client = await signed_in(org, role)
    result = await client.gql(POLICY, {"input": {"rejectCommonPasswords": False}})
    assert result.code == "FORBIDDEN"
    assert result.errors[0]["extensions"]["requiredScopes"] == ["org:write"]
