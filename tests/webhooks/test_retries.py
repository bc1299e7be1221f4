"""Failures retry on the Standard Webhooks schedule, moved by a frozen clock (no sleeps):
500, a timeout, a refused connection; 410 disables the endpoint; failing for days
disables it with an audit event; re-enabling resumes what is pending."""

from __future__ import annotations

import random
from datetime import datetime

import httpx

from app.core.clock import FrozenClock
from app.webhooks.worker import DELAYS, JITTER, MAX_TRIES, Worker, retry_delay
from tests.quizzes.api import published_quiz
from tests.support.factories import OrgFixture
from tests.support.fixture_types import SignIn
from tests.support.servers import free_port
from tests.webhooks.support import (
    UPDATE_WEBHOOK,
    Receiver,
    create_webhook,
    deliveries,
    drain,
    forget_endpoints,
)

AUDIT = """query($slug: String!) { organization(slug: $slug) {
  auditLog(first: 20) { edges { node { action actorKind details } } } } }"""


def at(value: str) -> datetime:
    return datetime.fromisoformat(value.replace("Z", "+00:00"))


def test_the_schedule_is_the_standard_one_with_jitter() -> None:
    expected = [0, 5, 300, 1800, 7200, 18000, 36000, 36000]
    assert [d.total_seconds() for d in DELAYS] == expected and MAX_TRIES == 8
    rng = random.Random(1)
    for tries, base in enumerate(DELAYS):
        delay = retry_delay(tries, rng)
        assert delay is not None
        assert base * (1 - JITTER) <= delay <= base * (1 + JITTER)
    assert retry_delay(MAX_TRIES, rng) is None


async def test_a_failing_endpoint_is_retried_on_the_schedule_then_given_up(
    org: OrgFixture,
    signed_in: SignIn,
    receiver: Receiver,
    worker: Worker,
    frozen_clock: FrozenClock,
) -> None:
    # given an endpoint answering 500 to everything
    receiver.answers["/hook"] = [500] * 20
    owner = await signed_in(org, "owner")
    await create_webhook(owner, receiver.url(), events=["quiz.created"])
    await published_quiz(await signed_in(org, "teacher"))
    # when the worker runs each time the next try is due
    for _ in range(MAX_TRIES):
        assert await drain(worker) == 1
        assert await drain(worker) == 0  # nothing more is due until the clock moves
        frozen_clock.advance(hours=11)
    # then it was tried 8 times with the same webhook-id, and is given up
    assert len({item.headers["webhook-id"] for item in receiver.received}) == 1
    assert len(receiver.received) == MAX_TRIES
    owner = await signed_in(org, "owner")  # a day and more went by: a fresh session
    [logged] = await deliveries(owner, org.slug)
    assert logged["status"] == "FAILED" and logged["attempt"] == MAX_TRIES
    assert logged["nextAttemptAt"] is None
    tries = list(reversed(logged["tries"]))
    assert [t["httpStatus"] for t in tries] == [500] * MAX_TRIES
    for tried, base in zip(tries[:-1], DELAYS[1:], strict=True):
        waited = at(tried["nextAttemptAt"]) - at(tried["attemptedAt"])
        assert base * (1 - JITTER) <= waited <= base * (1 + JITTER)
    assert tries[-1]["nextAttemptAt"] is None


async def test_a_timeout_and_a_refused_connection_are_retried(
    org: OrgFixture, signed_in: SignIn, receiver: Receiver, frozen_clock: FrozenClock
) -> None:
    owner = await signed_in(org, "owner")
    await create_webhook(owner, f"http://127.0.0.1:{free_port()}/nobody", events=["quiz.created"])
    await published_quiz(await signed_in(org, "teacher"))
    refused = Worker()
    try:
        await drain(refused)
    finally:
        await refused.close()
    [logged] = await deliveries(owner, org.slug)
    assert logged["status"] == "PENDING" and logged["tries"][0]["httpStatus"] is None
    assert "ConnectError" in logged["tries"][0]["error"]

    def time_out(request: httpx.Request) -> httpx.Response:
        raise httpx.ReadTimeout("too slow", request=request)

    slow = Worker(transport=httpx.MockTransport(time_out))
    try:
        frozen_clock.advance(seconds=6)
        await drain(slow)
    finally:
        await slow.close()
    [logged] = await deliveries(owner, org.slug)
    assert logged["status"] == "PENDING" and logged["attempt"] == 2
    assert logged["tries"][0]["error"] == "timed out"


async def test_410_disables_the_endpoint_and_re_enabling_resumes_pending(
    org: OrgFixture,
    signed_in: SignIn,
    receiver: Receiver,
    worker: Worker,
) -> None:
    # given an endpoint that answers 410 Gone
    receiver.answers["/hook"] = [410]
    owner = await signed_in(org, "owner")
    created = await create_webhook(owner, receiver.url(), events=["quiz.created"])
    teacher = await signed_in(org, "teacher")
    await published_quiz(teacher)
    await drain(worker)
    # then it is disabled, the delivery failed, and the org's log says so
    listed = (await owner.gql(AUDIT, {"slug": org.slug})).ok()
    actions = [e["node"] for e in listed["organization"]["auditLog"]["edges"]]
    disabled = next(a for a in actions if a["action"] == "webhook.disabled")
    assert disabled["actorKind"] == "SYSTEM" and "410" in disabled["details"]["reason"]
    [logged] = await deliveries(owner, org.slug)
    assert logged["status"] == "FAILED" and logged["httpStatus"] == 410
    # and events meanwhile are not queued for it
    await published_quiz(teacher)
    assert len(await deliveries(owner, org.slug)) == 1
    # when re-enabled, new events go out again
    result = await owner.gql(
        UPDATE_WEBHOOK, {"input": {"id": created["webhook"]["id"], "enabled": True}}
    )
    assert result.ok()["updateWebhook"]["webhook"]["status"] == "ACTIVE"
    await published_quiz(teacher)
    await drain(worker)
    assert [d["status"] for d in await deliveries(owner, org.slug)] == ["SUCCEEDED", "FAILED"]


async def test_an_endpoint_failing_for_days_is_disabled_and_resumes_when_enabled(
    org: OrgFixture,
    signed_in: SignIn,
    receiver: Receiver,
    worker: Worker,
    frozen_clock: FrozenClock,
) -> None:
    receiver.answers["/hook"] = [503] * 3
    owner = await signed_in(org, "owner")
    created = await create_webhook(owner, receiver.url(), events=["quiz.created"])
    teacher = await signed_in(org, "teacher")
    await published_quiz(teacher)
    await drain(worker)  # first failure: failing since now
    frozen_clock.advance(days=5)
    owner, teacher = await signed_in(org, "owner"), await signed_in(org, "teacher")
    await published_quiz(teacher)
    await drain(worker)  # both due: the old one's retry and the new one fail
    node = (
        await owner.gql(
            "query($id: ID!) { node(id: $id) { ... on Webhook { status disabledReason } } }",
            {"id": created["webhook"]["id"]},
        )
    ).ok()
    assert node["node"]["status"] == "DISABLED"
    assert node["node"]["disabledReason"].startswith("Failing since")
    listed = (await owner.gql(AUDIT, {"slug": org.slug})).ok()
    assert "webhook.disabled" in [
        e["node"]["action"] for e in listed["organization"]["auditLog"]["edges"]
    ]
    # while disabled nothing is sent, even when due
    frozen_clock.advance(hours=1)
    assert await drain(worker) == 0
    # re-enabled: what is pending goes out
    await owner.gql(UPDATE_WEBHOOK, {"input": {"id": created["webhook"]["id"], "enabled": True}})
    await drain(worker)
    statuses = [d["status"] for d in await deliveries(owner, org.slug)]
    assert statuses == ["SUCCEEDED", "SUCCEEDED"]
    await forget_endpoints()
