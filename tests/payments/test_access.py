"""Who may record payments: payments:write (owners and admins, and keys holding it);
teachers, students and keys without it are FORBIDDEN in the contract's words, and an
anonymous caller is UNAUTHENTICATED. Reading needs no scope (your own payments); the
full schema-wide matrix is tests/graphql/test_permission_matrix.py."""

from __future__ import annotations

import pytest

from tests.api_keys.support import bearer, create_key
from tests.payments.support import LIST, payment_input, record
from tests.support.factories import OrgFixture
from tests.support.fixture_types import ClientFactory, SignIn


@pytest.mark.parametrize(("role", "allowed"), [("owner", True), ("admin", True),
                                              ("teacher", False), ("student", False)])  # fmt: skip
async def test_recording_is_for_owners_and_admins(
    org: OrgFixture, signed_in: SignIn, role: str, allowed: bool
) -> None:
    member = await signed_in(org, role)
    result = await record(member, payment_input(org.account("student").global_id))
    if allowed:
        assert result.ok()["recordPayment"]["replayed"] is False
    else:
        assert result.codes == ["FORBIDDEN"]
        assert result.errors[0]["extensions"]["requiredScopes"] == ["payments:write"]


async def test_a_key_needs_payments_write(
    org: OrgFixture, signed_in: SignIn, client_factory: ClientFactory
) -> None:
    owner = await signed_in(org, "owner")
    reader = await create_key(owner, ["payments:read", "members:read"], name="reader")
    result = await record(client_factory(), payment_input(org.account("student").global_id), reader)
    assert result.codes == ["FORBIDDEN"]
    assert result.errors[0]["message"] == (
        "Insufficient scopes. Required: payments:write. Your key has: members:read, payments:read"
    )


async def test_anonymous_callers_read_and_record_nothing(
    org: OrgFixture, client_factory: ClientFactory
) -> None:
    anonymous = client_factory()
    recorded = await record(anonymous, payment_input(org.account("student").global_id))
    assert recorded.codes == ["UNAUTHENTICATED"]
    listing = await anonymous.gql(LIST, {"slug": org.slug})
    assert listing.codes == ["UNAUTHENTICATED"]


async def test_a_key_of_a_creator_who_lost_the_scope_records_nothing(
    org: OrgFixture, signed_in: SignIn, client_factory: ClientFactory
) -> None:
    # given an admin's payments key, and the admin demoted to teacher
    admin = await signed_in(org, "admin")
    key = await create_key(admin, ["payments:write"], name="shop")
    owner = await signed_in(org, "owner")
    demoted = await owner.gql(
        "mutation($id: ID!) { updateMember(input: {id: $id, role: TEACHER}) { member { role } } }",
        {"id": org.account("admin").global_id},
    )
    demoted.ok()
    # then the key's effective scopes no longer hold payments:write
    result = await client_factory().gql(
        "mutation($input: RecordPaymentInput!) { recordPayment(input: $input) { replayed } }",
        {"input": payment_input(org.account("student").global_id)},
        headers=bearer(key.secret),
    )
    assert result.codes == ["FORBIDDEN"]
