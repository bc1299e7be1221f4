"""Reading notifications and marking them read: who sees what, read state per member,
filters, one/several/all, cross-org isolation and the scope matrix."""

from __future__ import annotations

import uuid

from app.access.scopes import Scope
from app.notifications.models import NotificationType
from app.notifications.producer import deliver
from app.notifications.triggers import Draft
from tests.notifications.support import MARK, NODE, key_secret, listed, nodes
from tests.support.client import ApiClient
from tests.support.factories import OrgFixture
from tests.support.fixture_types import ClientFactory, SignIn


def draft(
    org: OrgFixture,
    kind: NotificationType,
    audience: Scope,
    *,
    title: str | None = None,
    recipient: uuid.UUID | None = None,
) -> Draft:
    return Draft(
        org_id=org.id,
        type=kind,
        title=title or kind.value.lower(),
        audience=audience,
        recipient_id=recipient,
        dedupe_key=f"test:{uuid.uuid4()}",
    )


async def flagged(org: OrgFixture, *titles: str) -> None:
    await deliver(
        [
            draft(org, NotificationType.ATTEMPT_FLAGGED, Scope.INTEGRITY_READ, title=title)
            for title in titles
        ]
    )


async def test_each_role_sees_the_notifications_for_its_role(
    org: OrgFixture, signed_in: SignIn
) -> None:
    # given one notification of each audience, and one addressed to the teacher
    await deliver(
        [
            draft(org, NotificationType.ATTEMPT_FLAGGED, Scope.INTEGRITY_READ),
            draft(org, NotificationType.API_KEY_EXPIRING, Scope.API_KEYS_READ),
            draft(org, NotificationType.WEBHOOK_DISABLED, Scope.WEBHOOKS_READ),
            draft(
                org,
                NotificationType.QUIZ_MILESTONE,
                Scope.QUIZZES_WRITE,
                recipient=org.account("teacher").id,
            ),
        ]
    )
    seen = {
        name: sorted(n["type"] for n in await nodes(await signed_in(org, name), org.slug))
        for name in ("owner", "admin", "teacher")
    }
    assert seen == {
        "owner": ["API_KEY_EXPIRING", "ATTEMPT_FLAGGED", "WEBHOOK_DISABLED"],
        "admin": ["API_KEY_EXPIRING", "ATTEMPT_FLAGGED", "WEBHOOK_DISABLED"],
        "teacher": ["ATTEMPT_FLAGGED", "QUIZ_MILESTONE"],
    }
    # and a student may not read notifications at all
    student = await signed_in(org, "student")
    refused = await student.gql(
        "query($slug: String!) { organization(slug: $slug) { notifications { totalCount } } }",
        {"slug": org.slug},
    )
    assert refused.code == "FORBIDDEN"


async def test_read_state_is_each_members_own(org: OrgFixture, signed_in: SignIn) -> None:
    await flagged(org, "first", "second")
    owner, admin = await signed_in(org, "owner"), await signed_in(org, "admin")
    first = next(n for n in await nodes(owner, org.slug) if n["title"] == "first")
    # when the owner reads one
    marked = (await owner.gql(MARK, {"input": {"ids": [first["id"]]}})).ok()
    assert marked["markNotificationsRead"] == {
        "notifications": [{"id": first["id"], "read": True}],
        "markedCount": 1,
        "unreadCount": 1,
    }
    # then it is read for the owner only
    assert {n["title"]: n["read"] for n in await nodes(owner, org.slug)} == {
        "first": True,
        "second": False,
    }
    assert {n["title"]: n["read"] for n in await nodes(admin, org.slug)} == {
        "first": False,
        "second": False,
    }
    assert (await listed(admin, org.slug))["unreadCount"] == 2
    # and marking it again changes nothing
    again = (await owner.gql(MARK, {"input": {"ids": [first["id"]]}})).ok()
    assert again["markNotificationsRead"]["markedCount"] == 0


async def test_filters_and_marking_several_then_all(org: OrgFixture, signed_in: SignIn) -> None:
    await flagged(org, "a", "b", "c")
    await deliver([draft(org, NotificationType.API_KEY_EXPIRING, Scope.API_KEYS_READ)])
    owner = await signed_in(org, "owner")
    by_title = {n["title"]: n["id"] for n in await nodes(owner, org.slug)}
    # several at once
    marked = (await owner.gql(MARK, {"input": {"ids": [by_title["a"], by_title["b"]]}})).ok()
    assert marked["markNotificationsRead"]["markedCount"] == 2
    assert [n["title"] for n in await nodes(owner, org.slug, unread=True)] == [
        "api_key_expiring",
        "c",
    ]
    assert sorted(n["title"] for n in await nodes(owner, org.slug, unread=False)) == ["a", "b"]
    assert [n["title"] for n in await nodes(owner, org.slug, type="API_KEY_EXPIRING")] == [
        "api_key_expiring"
    ]
    # then all
    everything = (await owner.gql(MARK, {"input": {"all": True}})).ok()
    assert everything["markNotificationsRead"] == {
        "notifications": [],
        "markedCount": 2,
        "unreadCount": 0,
    }
    found = await listed(owner, org.slug)
    assert found["unreadCount"] == 0 and found["totalCount"] == 4
    assert all(edge["node"]["readAt"] for edge in found["edges"])


async def test_marking_needs_ids_or_all_and_only_what_you_see(
    org: OrgFixture, other_org: OrgFixture, signed_in: SignIn
) -> None:
    await flagged(org, "ours")
    await deliver([draft(org, NotificationType.API_KEY_EXPIRING, Scope.API_KEYS_READ)])
    await flagged(other_org, "theirs")
    owner, teacher = await signed_in(org, "owner"), await signed_in(org, "teacher")
    ours = {n["title"]: n["id"] for n in await nodes(owner, org.slug)}
    [theirs] = await nodes(await signed_in(other_org, "owner"), other_org.slug)
    # neither or both
    for bad in ({}, {"all": True, "ids": [ours["ours"]]}):
        assert (await owner.gql(MARK, {"input": bad})).code == "BAD_USER_INPUT"
    # another org's notification, or one the teacher may not see: NOT_FOUND, nothing read
    refused = await owner.gql(MARK, {"input": {"ids": [ours["ours"], theirs["id"]]}})
    assert refused.code == "NOT_FOUND"
    hidden = await teacher.gql(MARK, {"input": {"ids": [ours["api_key_expiring"]]}})
    assert hidden.code == "NOT_FOUND"
    assert (await listed(owner, org.slug))["unreadCount"] == 2


async def test_no_org_sees_anothers_notifications(
    org: OrgFixture, other_org: OrgFixture, signed_in: SignIn
) -> None:
    await flagged(org, "secret")
    [ours] = await nodes(await signed_in(org, "owner"), org.slug)
    stranger = await signed_in(other_org, "owner")
    assert await nodes(stranger, other_org.slug) == []
    # not through the other org's slug, nor by id
    result = await stranger.gql(
        "query($slug: String!) { organization(slug: $slug) { notifications { totalCount } } }",
        {"slug": org.slug},
    )
    assert result.code in {"NOT_FOUND", "FORBIDDEN"}
    assert not (result.body.get("data") or {}).get("organization")
    assert (await stranger.gql(NODE, {"id": ours["id"]})).code == "NOT_FOUND"


async def test_node_answers_a_notification_you_see(org: OrgFixture, signed_in: SignIn) -> None:
    await deliver([draft(org, NotificationType.API_KEY_EXPIRING, Scope.API_KEYS_READ)])
    owner = await signed_in(org, "owner")
    [notification] = await nodes(owner, org.slug)
    found = (await owner.gql(NODE, {"id": notification["id"]})).ok()["node"]
    assert found == {"id": notification["id"], "title": "api_key_expiring", "read": False}
    # a teacher (no api_keys:read) is told it doesn't exist
    teacher = await signed_in(org, "teacher")
    assert (await teacher.gql(NODE, {"id": notification["id"]})).code == "NOT_FOUND"


async def test_keys_read_with_their_scopes_as_their_creator(
    org: OrgFixture, signed_in: SignIn, client_factory: ClientFactory
) -> None:
    await flagged(org, "flagged")
    await deliver([draft(org, NotificationType.WEBHOOK_DISABLED, Scope.WEBHOOKS_READ)])
    owner = await signed_in(org, "owner")
    _id, reader = await key_secret(owner, ["notifications:read", "integrity:read"])
    _id, blind = await key_secret(owner, ["integrity:read"])

    def keyed(secret: str) -> ApiClient:
        client = client_factory()
        client.http.headers["Authorization"] = f"Bearer {secret}"
        return client

    # a key with notifications:read sees what its scopes reach (not the webhook one)
    with_scope = keyed(reader)
    assert [n["title"] for n in await nodes(with_scope, org.slug)] == ["flagged"]
    # and marks read for the member who created it
    [seen] = await nodes(with_scope, org.slug)
    (await with_scope.gql(MARK, {"input": {"ids": [seen["id"]]}})).ok()
    assert {n["title"]: n["read"] for n in await nodes(owner, org.slug)}["flagged"] is True
    # a key without it is refused, listing and marking alike
    without = keyed(blind)
    query = "query($slug: String!) { organization(slug: $slug) { notifications { totalCount } } }"
    assert (await without.gql(query, {"slug": org.slug})).code == "FORBIDDEN"
    assert (await without.gql(MARK, {"input": {"all": True}})).code == "FORBIDDEN"
    # anonymous callers must sign in
    anonymous = client_factory()
    assert (await anonymous.gql(MARK, {"input": {"all": True}})).code == "UNAUTHENTICATED"
