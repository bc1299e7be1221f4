"""Endpoint rules: secret rotation signs with both secrets for the grace period; one org
can't read or touch another's endpoints or deliveries; keys need webhooks:*."""

from __future__ import annotations

import pytest
from standardwebhooks.webhooks import Webhook, WebhookVerificationError

from app.webhooks.worker import Worker
from tests.api_keys.support import create_key
from tests.quizzes.api import published_quiz
from tests.support.factories import OrgFixture
from tests.support.fixture_types import SignIn
from tests.webhooks.support import (
    CREATE_WEBHOOK,
    DELETE_WEBHOOK,
    PING_WEBHOOK,
    REDELIVER,
    ROTATE_WEBHOOK,
    UPDATE_WEBHOOK,
    Receiver,
    create_webhook,
    deliveries,
    drain,
)

NODE = "query($id: ID!) { node(id: $id) { ... on Webhook { url } } }"
LIST = "query($slug: String!) { organization(slug: $slug) { webhooks { totalCount } } }"


async def test_a_rotated_secret_signs_alongside_the_old_one_for_the_grace_period(
    org: OrgFixture, signed_in: SignIn, receiver: Receiver, worker: Worker
) -> None:
    owner = await signed_in(org, "owner")
    created = await create_webhook(owner, receiver.url(), events=["quiz.created"])
    endpoint_id = created["webhook"]["id"]
    rotated = await owner.gql(
        ROTATE_WEBHOOK, {"input": {"id": endpoint_id, "gracePeriodSeconds": 3600}}
    )
    new_secret = rotated.ok()["rotateWebhookSecret"]["secret"]
    assert new_secret != created["secret"]
    teacher = await signed_in(org, "teacher")
    await published_quiz(teacher)
    await drain(worker)
    [item] = receiver.received
    assert len(item.headers["webhook-signature"].split(" ")) == 2
    Webhook(new_secret).verify(item.body, item.headers)
    Webhook(created["secret"]).verify(item.body, item.headers)
    # a rotation without grace drops the old secret at once
    again = await owner.gql(ROTATE_WEBHOOK, {"input": {"id": endpoint_id, "gracePeriodSeconds": 0}})
    newest = again.ok()["rotateWebhookSecret"]["secret"]
    await published_quiz(teacher)
    await drain(worker)
    last = receiver.received[-1]
    assert len(last.headers["webhook-signature"].split(" ")) == 1
    Webhook(newest).verify(last.body, last.headers)
    with pytest.raises(WebhookVerificationError):
        Webhook(new_secret).verify(last.body, last.headers)


async def test_another_orgs_endpoints_and_deliveries_are_not_found(
    org: OrgFixture,
    other_org: OrgFixture,
    signed_in: SignIn,
    receiver: Receiver,
    worker: Worker,
) -> None:
    # given org A's endpoint with a delivered ping
    owner = await signed_in(org, "owner")
    created = await create_webhook(owner, receiver.url())
    endpoint_id = created["webhook"]["id"]
    pinged = (await owner.gql(PING_WEBHOOK, {"input": {"id": endpoint_id}})).ok()
    message_id = pinged["pingWebhook"]["delivery"]["messageId"]
    await drain(worker)
    assert [d["event"] for d in await deliveries(owner, org.slug)] == ["webhook.ping"]
    # when org B's owner tries everything on it
    intruder = await signed_in(other_org, "owner")
    attempts = [
        (NODE, {"id": endpoint_id}),
        (UPDATE_WEBHOOK, {"input": {"id": endpoint_id, "enabled": False}}),
        (ROTATE_WEBHOOK, {"input": {"id": endpoint_id, "gracePeriodSeconds": 0}}),
        (PING_WEBHOOK, {"input": {"id": endpoint_id}}),
        (REDELIVER, {"input": {"messageId": message_id}}),
        (DELETE_WEBHOOK, {"input": {"id": endpoint_id}}),
    ]
    # then each is NOT_FOUND, and A's org list is not B's to read
    for document, variables in attempts:
        assert (await intruder.gql(document, variables)).code == "NOT_FOUND", document
    assert (await intruder.gql(LIST, {"slug": org.slug})).code == "NOT_FOUND"
    listed = (await intruder.gql(LIST, {"slug": other_org.slug})).ok()
    assert listed["organization"]["webhooks"]["totalCount"] == 0
    # and A's endpoint is as it was, its ping delivered once
    assert len(receiver.received) == 1
    assert (await owner.gql(NODE, {"id": endpoint_id})).ok()["node"]["url"] == receiver.url()


async def test_keys_need_the_webhook_scopes(
    org: OrgFixture, signed_in: SignIn, receiver: Receiver
) -> None:
    owner = await signed_in(org, "owner")
    reader = await create_key(owner, ["webhooks:read"])
    writer = await create_key(owner, ["webhooks:read", "webhooks:write"])
    other = await create_key(owner, ["quizzes:read"])
    create = {"input": {"url": receiver.url()}}
    refused = await owner.gql(CREATE_WEBHOOK, create, headers=reader.headers)
    assert refused.code == "FORBIDDEN"
    assert refused.errors[0]["extensions"]["requiredScopes"] == ["webhooks:write"]
    made = (await owner.gql(CREATE_WEBHOOK, create, headers=writer.headers)).ok()
    assert made["createWebhook"]["secret"].startswith("whsec_")
    listed = (await owner.gql(LIST, {"slug": org.slug}, headers=reader.headers)).ok()
    assert listed["organization"]["webhooks"]["totalCount"] == 1
    assert (await owner.gql(LIST, {"slug": org.slug}, headers=other.headers)).code == "FORBIDDEN"
