"""Creating, listing, disabling, revoking and rotating keys, as an owner sees it."""

from __future__ import annotations

import json
import re
from datetime import timedelta

from app.core.clock import FrozenClock
from tests.api_keys.support import (
    CREATE_KEY,
    LIST_KEYS,
    REVOKE,
    ROTATE,
    SET_API_ACCESS,
    SET_ENABLED,
    VIEWER,
    as_key,
    assert_door_problem,
    create_key,
)
from tests.support.factories import OrgFixture
from tests.support.fixture_types import SignIn

SECRET_RE = re.compile(r"iq_live_[0-9a-f]{40}")
GENERIC = "The API key is invalid or has been revoked."

AUDIT = """
query Audit($slug: String!) {
  organization(slug: $slug) {
    auditLog(first: 100) { edges { node { action actorKind actorLabel targetId details } } }
  }
}
"""


async def test_owner_creates_a_key_sees_the_secret_once_and_the_key_works(
    org: OrgFixture, signed_in: SignIn
) -> None:
    owner = await signed_in(org, "owner")
    # when
    result = await owner.gql(
        CREATE_KEY,
        {
            "input": {
                "name": "LMS",
                "scopes": ["quizzes:read", "org:read"],
                "rateLimitPerMinute": 30,
            }
        },
    )
    # then the payload has the secret, in the contract's format
    payload = result.ok()["createApiKey"]
    secret = payload["secret"]
    assert SECRET_RE.fullmatch(secret)
    key = payload["apiKey"]
    assert key["prefix"] == secret[:16]
    assert key["name"] == "LMS"
    assert key["scopes"] == ["org:read", "quizzes:read"]
    assert key["rateLimitPerMinute"] == 30
    assert key["enabled"] is True
    assert key["revokedAt"] is None and key["expiresAt"] is None and key["lastUsedAt"] is None
    assert key["createdBy"] == {"username": "owner"}
    # and the list shows the key but never its secret
    listing = await owner.gql(LIST_KEYS, {"slug": org.slug})
    connection = listing.ok()["organization"]["apiKeys"]
    assert connection["totalCount"] == 1
    assert connection["edges"][0]["node"]["id"] == key["id"]
    assert secret not in listing.response.text and secret[16:] not in listing.response.text
    # and the key acts as itself, with its own scopes
    viewer = (await as_key(owner, secret, VIEWER)).ok()["viewer"]
    assert viewer == {
        "kind": "API_KEY",
        "role": "OWNER",
        "scopes": ["org:read", "quizzes:read"],
        "member": {"username": "owner"},
        "organization": {"slug": org.slug},
    }


async def test_the_api_key_type_has_no_field_for_the_secret_or_its_hash(
    org: OrgFixture, signed_in: SignIn
) -> None:
    owner = await signed_in(org, "owner")
    result = await owner.gql('{ __type(name: "ApiKey") { fields { name } } }')
    names = {field["name"] for field in result.ok()["__type"]["fields"]}
    assert names >= {
        "id",
        "name",
        "prefix",
        "scopes",
        "rateLimitPerMinute",
        "createdAt",
        "createdBy",
        "lastUsedAt",
        "expiresAt",
        "enabled",
        "revokedAt",
    }
    assert not {name for name in names if "secret" in name.lower() or "hash" in name.lower()}


async def test_invalid_creation_input_is_refused_per_field(
    org: OrgFixture, signed_in: SignIn
) -> None:
    owner = await signed_in(org, "owner")
    cases = [
        ({"name": "x", "scopes": ["api_keys:read"]}, "scopes", "never be granted"),
        ({"name": "x", "scopes": ["api_keys:write", "org:read"]}, "scopes", "never be granted"),
        ({"name": "x", "scopes": ["org:write"]}, "scopes", "never be granted"),
        ({"name": "x", "scopes": ["quizzes:fly"]}, "scopes", "unknown scopes: quizzes:fly"),
        ({"name": "x", "scopes": []}, "scopes", "at least one"),
        ({"name": "  ", "scopes": ["org:read"]}, "name", "must not be empty"),
        ({"name": "x" * 101, "scopes": ["org:read"]}, "name", "at most 100"),
        ({"name": "x", "scopes": ["org:read"], "rateLimitPerMinute": 0}, "rateLimitPerMinute", ""),
        (
            {"name": "x", "scopes": ["org:read"], "expiresAt": "2000-01-01T00:00:00Z"},
            "expiresAt",
            "in the future",
        ),
    ]
    for given, field, message in cases:
        result = await owner.gql(CREATE_KEY, {"input": given})
        assert result.code == "BAD_USER_INPUT", (given, result)
        assert message in result.errors[0]["extensions"]["fields"][field], (given, result)
    listing = await owner.gql(LIST_KEYS, {"slug": org.slug})
    assert listing.ok()["organization"]["apiKeys"]["totalCount"] == 0


async def test_disabling_refuses_the_key_until_it_is_enabled_again(
    org: OrgFixture, signed_in: SignIn
) -> None:
    owner = await signed_in(org, "owner")
    key = await create_key(owner, ["org:read"])
    # when disabled
    result = await owner.gql(SET_ENABLED, {"input": {"id": key.id, "enabled": False}})
    assert result.ok()["setApiKeyEnabled"]["apiKey"]["enabled"] is False
    # then the key is refused, and the detail says why
    refused = await as_key(owner, key, VIEWER)
    assert_door_problem(refused, 401, "INVALID_API_KEY")
    assert refused.body["detail"] == "The API key is disabled."
    # when enabled again, it works
    await owner.gql(SET_ENABLED, {"input": {"id": key.id, "enabled": True}})
    assert (await as_key(owner, key, VIEWER)).ok()["viewer"]["kind"] == "API_KEY"


async def test_revocation_is_final_and_looks_like_an_unknown_key(
    org: OrgFixture, signed_in: SignIn
) -> None:
    owner = await signed_in(org, "owner")
    key = await create_key(owner, ["org:read"])
    assert (await as_key(owner, key, VIEWER)).ok()
    # when
    revoked = await owner.gql(REVOKE, {"input": {"id": key.id}})
    # then
    assert revoked.ok()["revokeApiKey"]["apiKey"]["revokedAt"] is not None
    refused = await as_key(owner, key, VIEWER)
    assert_door_problem(refused, 401, "INVALID_API_KEY")
    unknown = await as_key(owner, "iq_live_" + "0" * 40, VIEWER)
    assert refused.body == unknown.body
    assert refused.body["detail"] == GENERIC
    # and it can't be brought back or rotated
    again = await owner.gql(SET_ENABLED, {"input": {"id": key.id, "enabled": True}})
    assert again.code == "CONFLICT"
    rotated = await owner.gql(ROTATE, {"input": {"id": key.id, "gracePeriodSeconds": 60}})
    assert rotated.code == "CONFLICT"
    assert_door_problem(await as_key(owner, key, VIEWER), 401, "INVALID_API_KEY")


async def test_expired_key_is_refused_with_a_reason(
    org: OrgFixture, signed_in: SignIn, frozen_clock: FrozenClock
) -> None:
    owner = await signed_in(org, "owner")
    expires = frozen_clock.now() + timedelta(hours=1)
    key = await create_key(owner, ["org:read"], expiresAt=expires.isoformat())
    # before the deadline it works
    frozen_clock.advance(minutes=59, seconds=59)
    assert (await as_key(owner, key, VIEWER)).ok()["viewer"]["kind"] == "API_KEY"
    # at the deadline it does not
    frozen_clock.advance(seconds=1)
    refused = await as_key(owner, key, VIEWER)
    assert_door_problem(refused, 401, "INVALID_API_KEY")
    assert refused.body["detail"] == "The API key has expired."


async def test_rotation_keeps_the_old_key_for_the_grace_period_only(
    org: OrgFixture, signed_in: SignIn, frozen_clock: FrozenClock
) -> None:
    owner = await signed_in(org, "owner")
    old = await create_key(owner, ["org:read", "members:read"], name="ERP", rateLimitPerMinute=42)
    # when rotated with one hour of grace
    result = await owner.gql(ROTATE, {"input": {"id": old.id, "gracePeriodSeconds": 3600}})
    payload = result.ok()["rotateApiKey"]
    new_secret = payload["secret"]
    # then the new key copies name, scopes and limit, with a new secret
    assert SECRET_RE.fullmatch(new_secret) and new_secret != old.secret
    assert payload["apiKey"]["name"] == "ERP"
    assert payload["apiKey"]["scopes"] == ["members:read", "org:read"]
    assert payload["apiKey"]["rateLimitPerMinute"] == 42
    assert payload["apiKey"]["id"] != old.id
    assert payload["previousApiKey"]["id"] == old.id
    # and both work until the deadline
    frozen_clock.advance(seconds=3599)
    assert (await as_key(owner, old, VIEWER)).ok()
    assert (await as_key(owner, new_secret, VIEWER)).ok()
    # and only the new one after it
    frozen_clock.advance(seconds=1)
    refused = await as_key(owner, old, VIEWER)
    assert_door_problem(refused, 401, "INVALID_API_KEY")
    assert refused.body["detail"] == GENERIC
    assert (await as_key(owner, new_secret, VIEWER)).ok()["viewer"]["kind"] == "API_KEY"


async def test_rotation_without_grace_refuses_the_old_key_at_once(
    org: OrgFixture, signed_in: SignIn
) -> None:
    owner = await signed_in(org, "owner")
    old = await create_key(owner, ["org:read"])
    result = await owner.gql(ROTATE, {"input": {"id": old.id, "gracePeriodSeconds": 0}})
    new_secret = result.ok()["rotateApiKey"]["secret"]
    assert_door_problem(await as_key(owner, old, VIEWER), 401, "INVALID_API_KEY")
    assert (await as_key(owner, new_secret, VIEWER)).ok()


async def test_rotation_grace_is_between_none_and_seven_days(
    org: OrgFixture, signed_in: SignIn
) -> None:
    owner = await signed_in(org, "owner")
    old = await create_key(owner, ["org:read"])
    for grace in (-1, 604_801):
        result = await owner.gql(ROTATE, {"input": {"id": old.id, "gracePeriodSeconds": grace}})
        assert result.code == "BAD_USER_INPUT"
        assert "gracePeriodSeconds" in result.errors[0]["extensions"]["fields"]
    result = await owner.gql(ROTATE, {"input": {"id": old.id, "gracePeriodSeconds": 604_800}})
    assert result.ok()["rotateApiKey"]["previousApiKey"]["revokedAt"] is not None
    # a key already rotated can't be rotated again (rotate its replacement)
    again = await owner.gql(ROTATE, {"input": {"id": old.id, "gracePeriodSeconds": 0}})
    assert again.code == "CONFLICT"


async def test_every_lifecycle_step_is_audited_by_prefix_only(
    org: OrgFixture, signed_in: SignIn
) -> None:
    owner = await signed_in(org, "owner")
    key = await create_key(owner, ["org:read"])
    await owner.gql(SET_ENABLED, {"input": {"id": key.id, "enabled": False}})
    await owner.gql(SET_ENABLED, {"input": {"id": key.id, "enabled": True}})
    rotated = await owner.gql(ROTATE, {"input": {"id": key.id, "gracePeriodSeconds": 60}})
    new = rotated.ok()["rotateApiKey"]
    await owner.gql(REVOKE, {"input": {"id": new["apiKey"]["id"]}})
    # when the owner reads the audit log
    result = await owner.gql(AUDIT, {"slug": org.slug})
    events = [edge["node"] for edge in result.ok()["organization"]["auditLog"]["edges"]]
    by_action = {
        event["action"]: event for event in events if event["action"].startswith("api_key")
    }
    # then each step is there, naming the key's prefix
    assert set(by_action) == {
        "api_key.created",
        "api_key.disabled",
        "api_key.enabled",
        "api_key.rotated",
        "api_key.revoked",
    }
    for action in ("api_key.created", "api_key.disabled", "api_key.enabled", "api_key.rotated"):
        assert by_action[action]["details"]["prefix"] == key.prefix
    assert by_action["api_key.rotated"]["details"]["newPrefix"] == new["apiKey"]["prefix"]
    assert by_action["api_key.revoked"]["details"]["prefix"] == new["apiKey"]["prefix"]
    # and never a secret
    text = json.dumps(events)
    for secret in (key.secret, new["secret"]):
        assert secret[16:] not in text


async def test_a_key_acting_is_audited_under_its_prefix(org: OrgFixture, signed_in: SignIn) -> None:
    owner = await signed_in(org, "owner")
    # a key gives a member only a role whose scopes it holds (a student's, here)
    student_scopes = ["attempts:read", "attempts:write", "integrity:write", "leaderboard:read"]
    key = await create_key(owner, ["members:write", "quizzes:read", *student_scopes])
    added = await as_key(
        owner,
        key,
        "mutation($input: AddMemberInput!) { addMember(input: $input) { member { username } } }",
        input={
            "username": "newbie",
            "displayName": "Newbie",
            "role": "STUDENT",
            "password": "a long password",
        },
    )
    assert added.ok()["addMember"]["member"]["username"] == "newbie"
    events = (await owner.gql(AUDIT, {"slug": org.slug})).ok()["organization"]["auditLog"]
    event = next(e["node"] for e in events["edges"] if e["node"]["action"] == "member.added")
    assert (event["actorKind"], event["actorLabel"]) == ("API_KEY", key.prefix)


async def test_api_access_switch_turns_every_key_off_and_on(
    org: OrgFixture, signed_in: SignIn
) -> None:
    owner = await signed_in(org, "owner")
    admin = await signed_in(org, "admin")
    keys = [await create_key(owner, ["org:read"]), await create_key(admin, ["org:read"])]
    # an admin can't flip the switch
    denied = await admin.gql(SET_API_ACCESS, {"input": {"enabled": False}})
    assert denied.code == "FORBIDDEN"
    # when the owner switches API access off
    off = await owner.gql(SET_API_ACCESS, {"input": {"enabled": False}})
    assert off.ok()["setApiAccess"]["organization"] == {"slug": org.slug, "apiAccessEnabled": False}
    # then every key of the org is refused
    for key in keys:
        assert_door_problem(await as_key(owner, key, VIEWER), 403, "API_ACCESS_DISABLED")
    # and members still work
    assert (await owner.gql(VIEWER)).ok()["viewer"]["kind"] == "MEMBER"
    # when switched back on, the keys work again
    await owner.gql(SET_API_ACCESS, {"input": {"enabled": True}})
    for key in keys:
        assert (await as_key(owner, key, VIEWER)).ok()["viewer"]["kind"] == "API_KEY"


async def test_another_orgs_key_is_not_found_for_every_mutation(
    org: OrgFixture, other_org: OrgFixture, signed_in: SignIn
) -> None:
    theirs = await create_key(await signed_in(other_org, "owner"), ["org:read"])
    owner = await signed_in(org, "owner")
    node = await owner.gql("query($id: ID!) { node(id: $id) { id } }", {"id": theirs.id})
    assert node.code == "NOT_FOUND"
    for document, given in (
        (SET_ENABLED, {"id": theirs.id, "enabled": False}),
        (REVOKE, {"id": theirs.id}),
        (ROTATE, {"id": theirs.id, "gracePeriodSeconds": 0}),
    ):
        result = await owner.gql(document, {"input": given})
        assert result.code == "NOT_FOUND", result
    assert (await as_key(owner, theirs, VIEWER)).ok()["viewer"]["kind"] == "API_KEY"
