"""payment.received: announced once per payment, never for a replay, and queued for a
webhook endpoint subscribed to it (one delivery) in the payment's transaction."""

from __future__ import annotations

from app.events.bus import Event
from tests.payments.support import payment_input, record, recorded, shop_key
from tests.support.factories import OrgFixture
from tests.support.fixture_types import ClientFactory, SignIn

# A public address written as an IP literal: saved without a DNS lookup; nothing is sent
# (the delivery worker runs in the server's lifespan only).
WEBHOOK_URL = "https://93.184.216.34/payments"
CREATE_WEBHOOK = """mutation($input: CreateWebhookInput!) {
  createWebhook(input: $input) { webhook { id } } }"""
DELIVERIES = """query($slug: String!) { organization(slug: $slug) { webhooks(first: 10) {
  edges { node { url deliveries(first: 100) { edges { node { event status } } } } } } } }"""


async def test_a_payment_is_announced_once_and_queued_for_subscribed_webhooks(
    org: OrgFixture, signed_in: SignIn, client_factory: ClientFactory, events: list[Event]
) -> None:
    # given an endpoint subscribed to payment.received only, and the shop's key
    owner = await signed_in(org, "owner")
    created = await owner.gql(
        CREATE_WEBHOOK, {"input": {"url": WEBHOOK_URL, "events": ["payment.received"]}}
    )
    created.ok()
    key = await shop_key(owner)
    given = payment_input(org.account("student").global_id, currency="JPY", amount=3000)
    # when the shop reports a payment twice (a retry)
    shop = client_factory()
    payment = await recorded(shop, given, key)
    again = await record(shop, given, key)
    assert again.ok()["recordPayment"]["replayed"] is True
    # then the bus heard payment.received once, with the payment in minor units
    received = [event for event in events if event.name == "payment.received"]
    assert len(received) == 1
    data = received[0].data
    assert received[0].org_id == org.id
    assert data["paymentId"] == payment["id"]
    assert data["memberId"] == org.account("student").global_id
    assert (data["amount"], data["currency"], data["currencyExponent"]) == (3000, "JPY", 0)
    assert data["amountDecimal"] == "3000"
    assert data["externalId"] == given["externalId"]
    assert data["paidAt"] == "2026-11-20T10:00:00Z"
    # and the endpoint has exactly one delivery queued
    hooks = (await owner.gql(DELIVERIES, {"slug": org.slug})).ok()["organization"]["webhooks"]
    [endpoint] = [e["node"] for e in hooks["edges"] if e["node"]["url"] == WEBHOOK_URL]
    queued = [d["node"]["event"] for d in endpoint["deliveries"]["edges"]]
    assert queued == ["payment.received"]


async def test_a_refused_payment_announces_nothing(
    org: OrgFixture, signed_in: SignIn, events: list[Event]
) -> None:
    owner = await signed_in(org, "owner")
    given = payment_input(org.account("student").global_id)
    await recorded(owner, given)
    conflicting = await record(owner, {**given, "amount": 1})
    assert conflicting.codes == ["CONFLICT"]
    assert [event.name for event in events].count("payment.received") == 1
