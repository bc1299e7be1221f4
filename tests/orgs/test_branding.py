"""An owner edits the org's name, colour, tagline and logo address; everyone sees them
on the portal (the public ``organization(slug:)``), and each change is audited."""

from __future__ import annotations

from typing import Any

import pytest

from tests.api_keys.support import create_key
from tests.orgs.support import (
    audit_entries,
    public_branding,
    update_branding,
)
from tests.support.factories import OrgFixture
from tests.support.fixture_types import ClientFactory, SignIn


async def test_the_owner_sets_the_branding_and_anyone_sees_it_before_sign_in(
    org: OrgFixture, signed_in: SignIn, client_factory: ClientFactory
) -> None:
    # given the org's owner
    owner = await signed_in(org, "owner")
    # when they set every field (the colour in capitals, the text with spaces around)
    result = await update_branding(
        owner,
        name="  Riverside High  ",
        primaryColor="#1D4ED8",
        tagline=" Learning, measured. ",
        logoUrl="https://cdn.example.org/riverside/logo.png",
    )
    # then the payload and an anonymous visitor of the portal see them, tidied
    expected = {
        "name": "Riverside High",
        "branding": {
            "primaryColor": "#1d4ed8",
            "tagline": "Learning, measured.",
            "logoUrl": "https://cdn.example.org/riverside/logo.png",
        },
    }
    assert result.ok()["updateOrganizationBranding"]["organization"] == expected
    assert await public_branding(client_factory(), org.slug) == {"slug": org.slug, **expected}


async def test_fields_left_out_stay_and_null_clears(
    org: OrgFixture, signed_in: SignIn, client_factory: ClientFactory
) -> None:
    # given a branded org
    owner = await signed_in(org, "owner")
    (await update_branding(owner, primaryColor="#123abc", tagline="Hello")).ok()
    # when only the tagline is cleared
    (await update_branding(owner, tagline=None)).ok()
    # then the colour and name are as they were
    seen = await public_branding(client_factory(), org.slug)
    assert seen["name"] == f"Org {org.slug}"
    assert seen["branding"] == {"primaryColor": "#123abc", "tagline": None, "logoUrl": None}
    # and an empty string clears too
    (await update_branding(owner, primaryColor="")).ok()
    assert (await public_branding(client_factory(), org.slug))["branding"]["primaryColor"] is None


BAD_INPUTS: list[tuple[dict[str, Any], str, str]] = [
    ({"primaryColor": "blue"}, "primaryColor", "#rrggbb"),
    ({"primaryColor": "#12345"}, "primaryColor", "#rrggbb"),
    ({"primaryColor": "#12345g"}, "primaryColor", "#rrggbb"),
    ({"primaryColor": "#1234567"}, "primaryColor", "#rrggbb"),
    ({"tagline": "x" * 201}, "tagline", "at most 200 characters"),
    ({"tagline": "two\nlines"}, "tagline", "control characters"),
    ({"name": ""}, "name", "must not be empty"),
    ({"name": None}, "name", "must not be empty"),
    ({"name": "n" * 201}, "name", "at most 200 characters"),
    ({"logoUrl": "http://example.org/logo.png"}, "logoUrl", "https://"),
    ({"logoUrl": "javascript:alert(1)"}, "logoUrl", "https://"),
    ({"logoUrl": "/orgs/other/logo"}, "logoUrl", "https://"),
    ({"logoUrl": "https://"}, "logoUrl", "https://"),
    ({"logoUrl": "https://user:pw@example.org/logo.png"}, "logoUrl", "user name or password"),
    ({"logoUrl": "https://example.org/a logo.png"}, "logoUrl", "spaces"),
    ({"logoUrl": "https://example.org/" + "a" * 500}, "logoUrl", "at most 500 characters"),
]


@pytest.mark.parametrize(("fields", "field", "message"), BAD_INPUTS)
async def test_a_bad_value_is_refused_by_field_and_nothing_changes(
    org: OrgFixture,
    signed_in: SignIn,
    client_factory: ClientFactory,
    fields: dict[str, Any],
    field: str,
    message: str,
) -> None:
    # given the owner, sending a good tagline with the bad value
    owner = await signed_in(org, "owner")
    before = await public_branding(client_factory(), org.slug)
    result = await update_branding(owner, **({"tagline": "Fine"} | fields))
    # then the request is refused naming the field, and nothing changed
    assert result.code == "BAD_USER_INPUT"
    assert message in result.errors[0]["extensions"]["fields"][field]
    assert await public_branding(client_factory(), org.slug) == before
    assert await audit_entries(owner, org.slug, "org.branding_updated") == []


async def test_every_change_is_audited_with_its_values_before_and_after(
    org: OrgFixture, signed_in: SignIn
) -> None:
    # given the owner changing the colour, then the name and the colour again
    owner = await signed_in(org, "owner")
    (await update_branding(owner, primaryColor="#111111")).ok()
    (await update_branding(owner, name="Renamed", primaryColor="#222222")).ok()
    # and sending the same values once more (no change)
    (await update_branding(owner, name="Renamed", primaryColor="#222222")).ok()
    # then two entries, newest first, each with only what changed
    entries = await audit_entries(owner, org.slug, "org.branding_updated")
    assert [entry["details"] for entry in entries] == [
        {
            "name": {"from": f"Org {org.slug}", "to": "Renamed"},
            "primaryColor": {"from": "#111111", "to": "#222222"},
        },
        {"primaryColor": {"from": None, "to": "#111111"}},
    ]
    assert {entry["actorLabel"] for entry in entries} == {"owner"}


@pytest.mark.parametrize("role", ["admin", "teacher", "student"])
async def test_only_the_owner_may_change_the_branding(
    org: OrgFixture, signed_in: SignIn, client_factory: ClientFactory, role: str
) -> None:
    # given a member who is not the owner
    member = await signed_in(org, role)
    # when they try to rename the org
    result = await update_branding(member, name="Taken over")
    # then they are refused for lack of org:write, and the name stands
    assert result.code == "FORBIDDEN"
    assert result.errors[0]["extensions"]["requiredScopes"] == ["org:write"]
    assert (await public_branding(client_factory(), org.slug))["name"] == f"Org {org.slug}"


async def test_no_key_and_no_anonymous_caller_may_change_the_branding(
    org: OrgFixture, signed_in: SignIn, client_factory: ClientFactory
) -> None:
    # given a key of the owner's with every scope a key can hold
    owner = await signed_in(org, "owner")
    key = await create_key(owner, ["org:read", "members:write", "quizzes:write"])
    # when it, and a caller without credentials, try to change the branding
    by_key = await client_factory().gql(
        'mutation { updateOrganizationBranding(input: {name: "K"}) { organization { name } } }',
        headers=key.headers,
    )
    anonymous = await update_branding(client_factory(), name="A")
    # then the key lacks org:write (never grantable) and the visitor isn't signed in
    assert by_key.code == "FORBIDDEN"
    assert anonymous.code == "UNAUTHENTICATED"
