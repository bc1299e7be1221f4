"""rotatePortalCode: the old code stops working at once, the new one is shown once."""

from __future__ import annotations

import pytest

from tests.accounts.support import audit_events, sign_in
from tests.support.factories import PASSWORD, OrgFixture
from tests.support.fixture_types import ClientFactory, SignIn

ROTATE = "mutation { rotatePortalCode { portalCode loginPath organization { slug } } }"


async def test_the_old_code_stops_working_and_the_new_one_is_shown(
    org: OrgFixture, signed_in: SignIn, client_factory: ClientFactory
) -> None:
    owner = await signed_in(org, "owner")
    old_code = org.portal_code
    # when the owner rotates the code
    payload = (await owner.gql(ROTATE)).ok()["rotatePortalCode"]
    new_code = payload["portalCode"]
    assert new_code != old_code
    assert payload["loginPath"] == f"/org/{org.slug}/portal/{new_code}/login"
    # then the old code is refused and the new one signs in
    browser = client_factory()
    old = await browser.login(org.slug, old_code, "student", PASSWORD)
    assert old.code == "INVALID_CREDENTIALS"
    org.portal_code = new_code
    (await sign_in(browser, org, "student", PASSWORD)).ok()
    # open sessions stay, and the rotation is audited (without the code)
    assert (await owner.gql("{ viewer { kind } }")).ok()["viewer"]["kind"] == "MEMBER"
    [event] = await audit_events(owner, org, "org.portal_code_rotated")
    assert event["actorLabel"] == "owner"
    assert new_code not in str(event) and old_code not in str(event)


@pytest.mark.parametrize("role", ["admin", "teacher", "student"])
async def test_only_owners_rotate(org: OrgFixture, signed_in: SignIn, role: str) -> None:
    client = await signed_in(org, role)
    assert (await client.gql(ROTATE)).code == "FORBIDDEN"
    (await client.login(org.slug, org.portal_code, role, PASSWORD)).ok()
