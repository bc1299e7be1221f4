"""A keyed request whose document doesn't parse gets the parse error, not a 500 (the cost
extension read the operation type of a document that isn't there)."""

from __future__ import annotations

from tests.api_keys.support import as_key, create_key
from tests.support.factories import OrgFixture
from tests.support.fixture_types import SignIn


async def test_a_keyed_request_that_does_not_parse_is_a_parse_error(
    org: OrgFixture, signed_in: SignIn
) -> None:
    owner = await signed_in(org, "owner")
    key = await create_key(owner, ["quizzes:read"])
    result = await as_key(owner, key, "{ viewer { kind } } }")
    assert result.status != 500, result
    # The same answer as without a key: the contract's code for a document that is wrong.
    assert result.code == (await owner.gql("{ viewer { kind } } }")).code == "BAD_USER_INPUT"
    assert (await as_key(owner, key, "{ viewer { kind } }")).ok() == {"viewer": {"kind": "API_KEY"}}
