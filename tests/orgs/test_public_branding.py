"""What the portal's login page reads before sign-in, ``organization(slug:)``, shows the
org's public face (slug, name, branding) and nothing of its data."""

from __future__ import annotations

from graphql import GraphQLObjectType, get_named_type, is_leaf_type, is_required_argument

from app.schema import schema
from tests.orgs.support import SETTINGS, update_branding, update_settings
from tests.support.factories import OrgFixture
from tests.support.fixture_types import ClientFactory, SignIn

PUBLIC_FIELDS = {"id", "slug", "name", "branding"}


def organization_fields() -> dict[str, str]:
    """Every field of ``Organization`` that takes no required argument, with a selection
    that asks for it."""
    org_type = schema._schema.get_type("Organization")
    assert isinstance(org_type, GraphQLObjectType)
    selections: dict[str, str] = {}
    for name, field in org_type.fields.items():
        if any(is_required_argument(arg) for arg in field.args.values()):
            continue
        leaf = is_leaf_type(get_named_type(field.type))
        selections[name] = name if leaf else f"{name} {{ __typename }}"
    return selections


async def test_an_anonymous_visitor_reads_the_public_face_and_no_other_field(
    org: OrgFixture, signed_in: SignIn, client_factory: ClientFactory
) -> None:
    # given a branded org with its own settings
    owner = await signed_in(org, "owner")
    (await update_branding(owner, primaryColor="#0f766e", tagline="Hi")).ok()
    (await update_settings(owner, sessionLifetimeSeconds=7200)).ok()
    visitor = client_factory()
    # when a visitor without credentials asks for each field of the org, one at a time
    answered: set[str] = set()
    for name, selection in organization_fields().items():
        result = await visitor.gql(
            f"query($slug: String!) {{ organization(slug: $slug) {{ {selection} }} }}",
            {"slug": org.slug},
        )
        if not result.errors:
            answered.add(name)
        else:
            assert set(result.codes) == {"UNAUTHENTICATED"}, (name, result)
    # then only the public face answers (the settings among those refused)
    assert answered == PUBLIC_FIELDS
    assert "settings" in organization_fields()


async def test_the_login_pages_query_gets_the_branding(
    org: OrgFixture, signed_in: SignIn, client_factory: ClientFactory
) -> None:
    owner = await signed_in(org, "owner")
    (await update_branding(owner, primaryColor="#0f766e", tagline="Hi")).ok()
    result = await client_factory().gql(
        """query($slug: String!) { organization(slug: $slug) {
          id slug name branding { primaryColor logoUrl tagline } } }""",
        {"slug": org.slug},
    )
    branding = result.ok()["organization"]["branding"]
    assert branding == {"primaryColor": "#0f766e", "logoUrl": None, "tagline": "Hi"}


async def test_a_member_of_another_org_can_not_read_its_settings(
    org: OrgFixture, other_org: OrgFixture, signed_in: SignIn
) -> None:
    # given the owner of another org
    stranger = await signed_in(other_org, "owner")
    # when they ask for this org's settings
    result = await stranger.gql(SETTINGS, {"slug": org.slug})
    # then the settings are not theirs to see
    assert result.data is not None
    assert result.data["organization"]["settings"] is None
    assert result.code == "NOT_FOUND"
