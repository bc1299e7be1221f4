from tests.support.factories import OrgFixture
from tests.support.fixture_types import SignIn


async def test_owner_signs_in_and_sees_themselves(org: OrgFixture, signed_in: SignIn) -> None:
    client = await signed_in(org, "owner")
    result = await client.gql("{ viewer { kind role member { username } organization { slug } } }")
    assert result.ok()["viewer"] == {
        "kind": "MEMBER",
        "role": "OWNER",
        "member": {"username": "owner"},
        "organization": {"slug": org.slug},
    }
