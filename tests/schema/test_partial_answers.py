"""A forbidden org-scoped list is null on its own: its siblings keep their data.

The connection fields on ``Organization`` that need a scope the caller may lack are
nullable (as GitHub's schema makes them), so a FORBIDDEN error stays on the field and
doesn't null the organization around it.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from graphql import GraphQLNonNull, GraphQLObjectType

from app.schema import schema
from tests.support.client import ApiClient
from tests.support.factories import OrgFixture

ORG_WITH_MEMBERS = """
query {
  viewer {
    organization {
      name
      members(first: 5) { totalCount }
    }
  }
}
"""

# Each needs a scope some role or key lacks (contract section 3).
SCOPED_LISTS = ("members", "auditLog", "apiKeys", "quizzes", "attempts", "leaderboard", "webhooks")


async def test_a_teacher_asking_for_members_keeps_the_org_name(
    org: OrgFixture, signed_in: Callable[[OrgFixture, str], Awaitable[ApiClient]]
) -> None:
    # given a teacher (no members:read)
    teacher = await signed_in(org, "teacher")

    # when they ask for the org's name and its members
    result = await teacher.gql(ORG_WITH_MEMBERS)

    # then the name is kept, members alone is null with FORBIDDEN at its path
    assert result.status == 200
    assert result.data == {"viewer": {"organization": {"name": f"Org {org.slug}", "members": None}}}
    assert len(result.errors) == 1
    error = result.errors[0]
    assert error["path"] == ["viewer", "organization", "members"]
    assert error["extensions"]["code"] == "FORBIDDEN"
    assert error["extensions"]["requiredScopes"] == ["members:read"]


async def test_the_owner_gets_both(
    org: OrgFixture, signed_in: Callable[[OrgFixture, str], Awaitable[ApiClient]]
) -> None:
    owner = await signed_in(org, "owner")

    data = (await owner.gql(ORG_WITH_MEMBERS)).ok()

    assert data["viewer"]["organization"]["members"]["totalCount"] == 4


def test_every_scoped_list_of_an_organization_is_nullable() -> None:
    organization = schema._schema.type_map["Organization"]
    assert isinstance(organization, GraphQLObjectType)
    not_nullable = [
        name for name in SCOPED_LISTS if isinstance(organization.fields[name].type, GraphQLNonNull)
    ]
    assert not_nullable == []
