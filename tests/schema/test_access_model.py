"""``Query.accessModel`` publishes the role and scope table of app/access/scopes.py."""

from __future__ import annotations

from app.access.scopes import KEY_GRANTABLE_SCOPES, ROLE_SCOPES, Role, Scope
from tests.support.fixture_types import ClientFactory

ACCESS_MODEL = """
query {
  accessModel {
    roles { role scopes ownRecordsOnly }
    scopes { name description resource resourceLabel roles grantableToKeys }
  }
}
"""


async def test_anyone_reads_the_servers_table(client_factory: ClientFactory) -> None:
    # given nobody signed in, when the access model is asked for
    model = (await client_factory().gql(ACCESS_MODEL)).ok()["accessModel"]

    # then every role lists the scopes the server grants it
    assert [r["role"] for r in model["roles"]] == ["OWNER", "ADMIN", "TEACHER", "STUDENT"]
    for entry in model["roles"]:
        assert set(entry["scopes"]) == {s.value for s in ROLE_SCOPES[Role(entry["role"])]}
    student = next(r for r in model["roles"] if r["role"] == "STUDENT")
    assert student["ownRecordsOnly"] == ["attempts:read"]
    # and every scope is described, with its holders and whether a key may carry it
    assert [s["name"] for s in model["scopes"]] == [scope.value for scope in Scope]
    for entry in model["scopes"]:
        scope = Scope(entry["name"])
        assert entry["description"]
        assert entry["resource"] == entry["name"].split(":")[0]
        assert entry["roles"] == [r.value for r in Role if scope in ROLE_SCOPES[r]]
        assert entry["grantableToKeys"] is (scope in KEY_GRANTABLE_SCOPES)
    by_name = {s["name"]: s for s in model["scopes"]}
    assert by_name["org:write"]["roles"] == ["OWNER"]
    assert by_name["api_keys:write"]["grantableToKeys"] is False
    assert by_name["attempts:read"]["resourceLabel"] == "Attempts & results"
