"""An owner sets the org's session lengths (within the platform's bounds) and the rate
limit of new keys; staff with org:read see them; each change is audited."""

from __future__ import annotations

from typing import Any

import pytest

from app.core.settings import get_settings
from tests.api_keys.support import CREATE_KEY
from tests.orgs.support import SETTINGS, audit_entries, update_settings
from tests.support.client import ApiClient
from tests.support.factories import OrgFixture
from tests.support.fixture_types import SignIn

HOUR = 3600


async def settings_of(client: ApiClient, slug: str) -> dict[str, Any]:
    found: dict[str, Any] = (await client.gql(SETTINGS, {"slug": slug})).ok()["organization"][
        "settings"
    ]
    return found


async def test_a_new_org_uses_the_platforms_defaults_and_says_what_they_are(
    org: OrgFixture, signed_in: SignIn
) -> None:
    settings = get_settings()
    owner = await signed_in(org, "owner")
    found = await settings_of(owner, org.slug)
    assert found["sessionIdleTimeoutSeconds"] is None
    assert found["sessionLifetimeSeconds"] is None
    assert found["defaultApiKeyRateLimitPerMinute"] is None
    assert found["limits"] == {
        "sessionMinSeconds": settings.session_timeout_min_seconds,
        "sessionMaxSeconds": settings.session_timeout_max_seconds,
        "platformSessionIdleTimeoutSeconds": settings.session_idle_timeout_seconds,
        "platformSessionLifetimeSeconds": settings.session_absolute_timeout_seconds,
        "apiKeyRateLimitMin": 1,
        "apiKeyRateLimitMax": 10_000,
        "platformApiKeyRateLimitPerMinute": 600,
        "logoMaxBytes": settings.org_logo_max_bytes,
        "nameMaxLength": 200,
        "taglineMaxLength": 200,
    }


async def test_the_owner_sets_each_setting_and_resets_it_with_null(
    org: OrgFixture, signed_in: SignIn
) -> None:
    # given the owner
    owner = await signed_in(org, "owner")
    # when they set all three
    result = await update_settings(
        owner,
        sessionIdleTimeoutSeconds=30 * 60,
        sessionLifetimeSeconds=12 * HOUR,
        defaultApiKeyRateLimitPerMinute=120,
    )
    # then the payload and a later read agree
    settings = result.ok()["updateOrganizationSettings"]["organization"]["settings"]
    assert (
        settings["sessionIdleTimeoutSeconds"],
        settings["sessionLifetimeSeconds"],
        settings["defaultApiKeyRateLimitPerMinute"],
    ) == (1800, 12 * HOUR, 120)
    assert await settings_of(owner, org.slug) == settings
    # when they reset only the rate limit
    (await update_settings(owner, defaultApiKeyRateLimitPerMinute=None)).ok()
    found = await settings_of(owner, org.slug)
    assert found["defaultApiKeyRateLimitPerMinute"] is None
    assert found["sessionIdleTimeoutSeconds"] == 1800


def _bad_inputs() -> list[tuple[dict[str, int], str, str]]:
    settings = get_settings()
    low, high = settings.session_timeout_min_seconds, settings.session_timeout_max_seconds
    between = f"between {low} and {high} seconds"
    return [
        ({"sessionIdleTimeoutSeconds": low - 1}, "sessionIdleTimeoutSeconds", between),
        ({"sessionIdleTimeoutSeconds": 0}, "sessionIdleTimeoutSeconds", between),
        ({"sessionLifetimeSeconds": high + 1}, "sessionLifetimeSeconds", between),
        ({"sessionLifetimeSeconds": -5}, "sessionLifetimeSeconds", between),
        (
            {"sessionIdleTimeoutSeconds": 2 * HOUR, "sessionLifetimeSeconds": HOUR},
            "sessionIdleTimeoutSeconds",
            "not be longer than the session lifetime (3600 seconds)",
        ),
        ({"defaultApiKeyRateLimitPerMinute": 0}, "defaultApiKeyRateLimitPerMinute", "1 and 10000"),
        (
            {"defaultApiKeyRateLimitPerMinute": 10_001},
            "defaultApiKeyRateLimitPerMinute",
            "1 and 10000",
        ),
    ]


@pytest.mark.parametrize(("fields", "field", "message"), _bad_inputs())
async def test_a_value_outside_the_bounds_is_refused_and_nothing_changes(
    org: OrgFixture, signed_in: SignIn, fields: dict[str, int], field: str, message: str
) -> None:
    # given the owner sending a good rate limit along with the bad value
    owner = await signed_in(org, "owner")
    result = await update_settings(owner, **({"defaultApiKeyRateLimitPerMinute": 50} | fields))
    # then the request is refused naming the field, and nothing changed
    assert result.code == "BAD_USER_INPUT"
    assert message in result.errors[0]["extensions"]["fields"][field]
    found = await settings_of(owner, org.slug)
    assert found["defaultApiKeyRateLimitPerMinute"] is None
    assert found["sessionIdleTimeoutSeconds"] is None
    assert await audit_entries(owner, org.slug, "org.settings_updated") == []


async def test_an_idle_timeout_longer_than_the_platforms_lifetime_is_refused(
    org: OrgFixture, signed_in: SignIn
) -> None:
    # the org keeps the platform's lifetime, so its own idle timeout may not pass that
    lifetime = get_settings().session_absolute_timeout_seconds
    owner = await signed_in(org, "owner")
    result = await update_settings(owner, sessionIdleTimeoutSeconds=lifetime + 60)
    assert result.code == "BAD_USER_INPUT"
    assert str(lifetime) in result.errors[0]["extensions"]["fields"]["sessionIdleTimeoutSeconds"]


async def test_every_change_is_audited_with_its_values_before_and_after(
    org: OrgFixture, signed_in: SignIn
) -> None:
    owner = await signed_in(org, "owner")
    (await update_settings(owner, sessionLifetimeSeconds=2 * HOUR)).ok()
    (
        await update_settings(owner, sessionLifetimeSeconds=None, defaultApiKeyRateLimitPerMinute=9)
    ).ok()
    (await update_settings(owner, defaultApiKeyRateLimitPerMinute=9)).ok()  # no change
    entries = await audit_entries(owner, org.slug, "org.settings_updated")
    assert [entry["details"] for entry in entries] == [
        {
            "sessionLifetimeSeconds": {"from": 2 * HOUR, "to": None},
            "defaultApiKeyRateLimitPerMinute": {"from": None, "to": 9},
        },
        {"sessionLifetimeSeconds": {"from": None, "to": 2 * HOUR}},
    ]


@pytest.mark.parametrize("role", ["admin", "teacher"])
async def test_staff_with_org_read_see_the_settings_but_only_the_owner_changes_them(
    org: OrgFixture, signed_in: SignIn, role: str
) -> None:
    # given a member with org:read but not org:write
    member = await signed_in(org, role)
    # then they read the settings
    assert (await settings_of(member, org.slug))["sessionLifetimeSeconds"] is None
    # and may not change them
    result = await update_settings(member, sessionLifetimeSeconds=HOUR)
    assert result.code == "FORBIDDEN"
    assert result.errors[0]["extensions"]["requiredScopes"] == ["org:write"]


async def test_a_student_may_not_read_the_settings(org: OrgFixture, signed_in: SignIn) -> None:
    student = await signed_in(org, "student")
    result = await student.gql(SETTINGS, {"slug": org.slug})
    assert result.code == "FORBIDDEN"
    assert (await update_settings(student, sessionLifetimeSeconds=HOUR)).code == "FORBIDDEN"


async def test_a_new_key_without_a_rate_limit_gets_the_orgs_default(
    org: OrgFixture, signed_in: SignIn
) -> None:
    # given an admin creating keys, before and after the owner sets a default of 120
    owner, admin = await signed_in(org, "owner"), await signed_in(org, "admin")

    async def new_key(**extra: int) -> int:
        result = await admin.gql(
            CREATE_KEY, {"input": {"name": "partner", "scopes": ["quizzes:read"], **extra}}
        )
        rate: int = result.ok()["createApiKey"]["apiKey"]["rateLimitPerMinute"]
        return rate

    assert await new_key() == 600
    (await update_settings(owner, defaultApiKeyRateLimitPerMinute=120)).ok()
    # then a key that names none gets 120, one that names its own keeps it
    assert await new_key() == 120
    assert await new_key(rateLimitPerMinute=45) == 45
