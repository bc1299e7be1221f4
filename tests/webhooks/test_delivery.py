"""End to end: an endpoint created over GraphQL gets every event, signed, with the
contract's body; the delivery log shows it; a message is redelivered with its id."""

from __future__ import annotations

import json
import re
from datetime import timedelta

import pytest
from standardwebhooks.webhooks import Webhook, WebhookVerificationError

from app.core.clock import FrozenClock, utcnow
from app.webhooks import signing
from app.webhooks.worker import Worker
from tests.attempts.test_reveal import take
from tests.quizzes.api import published_quiz, right_answers
from tests.support.factories import OrgFixture
from tests.support.fixture_types import SignIn
from tests.support.servers import ADD_MEMBER
from tests.webhooks.support import REDELIVER, Receiver, create_webhook, deliveries, drain

SECRET_RE = re.compile(r"whsec_[A-Za-z0-9+/]{43}=")
PRODUCED_TODAY = {
    "quiz.created",
    "quiz.completed",
    "user.scored",
    "leaderboard.updated",
    "user.registered",
}


async def test_every_event_arrives_signed_with_the_contract_body(
    org: OrgFixture,
    signed_in: SignIn,
    receiver: Receiver,
    worker: Worker,
    frozen_clock: FrozenClock,
) -> None:
    # given an endpoint for every event
    owner = await signed_in(org, "owner")
    created = await create_webhook(owner, receiver.url(), description="LMS")
    secret = created["secret"]
    assert SECRET_RE.fullmatch(secret)
    assert created["webhook"]["events"] == [] and created["webhook"]["status"] == "ACTIVE"
    assert len(created["webhook"]["subscribedEvents"]) == 9
    # when every event the platform produces happens
    teacher = await signed_in(org, "teacher")
    quiz = await published_quiz(teacher, title="Fractions")
    student = await signed_in(org, "student")
    await take(student, quiz["id"], right_answers(quiz))
    added = await owner.gql(
        ADD_MEMBER,
        {
            "input": {
                "username": "newcomer",
                "displayName": "Newcomer",
                "role": "STUDENT",
                "password": "a long password",
            }
        },
    )
    added.ok()
    await drain(worker)
    frozen_clock.advance(seconds=6)  # leaderboard.updated is coalesced for a few seconds
    await drain(worker)
    # then each arrived once (leaderboard.updated once per board: the quiz's and the
    # org's), signed with the endpoint's secret, in the contract's body
    names = [json.loads(item.body)["event"] for item in receiver.received]
    assert sorted(names) == sorted([*PRODUCED_TODAY, "leaderboard.updated"])
    for item in receiver.received:
        payload = Webhook(secret).verify(item.body, item.headers)
        assert set(payload) == {"id", "event", "org", "timestamp", "data"}
        assert payload["id"] == item.headers["webhook-id"]
        assert payload["id"].startswith("msg_")
        assert payload["org"] == org.slug
        assert payload["timestamp"].endswith("Z")
        assert item.headers["webhook-signature"].startswith("v1,")
    bodies = {
        json.loads(item.body)["event"]: json.loads(item.body)
        for item in receiver.received
        if json.loads(item.body)["data"].get("quizId", "") is not None  # the quiz's board
    }
    assert bodies["quiz.created"]["data"]["title"] == "Fractions"
    assert bodies["quiz.completed"]["data"]["quizId"] == quiz["id"]
    assert bodies["user.registered"]["data"]["username"] == "newcomer"
    top = bodies["leaderboard.updated"]["data"]["top"]
    assert top[0]["rank"] == 1 and top[0]["displayName"] == "Student"
    assert bodies["leaderboard.updated"]["data"]["quizId"] == quiz["id"]


async def test_a_tampered_body_or_an_old_timestamp_fails_verification(
    org: OrgFixture, signed_in: SignIn, receiver: Receiver, worker: Worker
) -> None:
    owner = await signed_in(org, "owner")
    created = await create_webhook(owner, receiver.url(), events=["quiz.created"])
    teacher = await signed_in(org, "teacher")
    await published_quiz(teacher)
    await drain(worker)
    [item] = receiver.received
    verifier = Webhook(created["secret"])
    verifier.verify(item.body, item.headers)
    with pytest.raises(WebhookVerificationError):
        verifier.verify(item.body.replace("quiz.created", "quiz.deleted"), item.headers)
    with pytest.raises(WebhookVerificationError):
        Webhook(signing.new_secret()).verify(item.body, item.headers)
    # a replay signed long ago (with the right secret) is refused for its timestamp
    old = signing.headers(
        [created["secret"]], item.headers["webhook-id"], utcnow() - timedelta(minutes=10), item.body
    )
    with pytest.raises(WebhookVerificationError, match="too old"):
        verifier.verify(item.body, old)


async def test_the_delivery_log_shows_each_try_and_a_message_is_redelivered_with_its_id(
    org: OrgFixture, signed_in: SignIn, receiver: Receiver, worker: Worker
) -> None:
    # given a delivered quiz.created
    owner = await signed_in(org, "owner")
    await create_webhook(owner, receiver.url(), events=["quiz.created"])
    teacher = await signed_in(org, "teacher")
    await published_quiz(teacher)
    await drain(worker)
    [logged] = await deliveries(owner, org.slug)
    assert logged["event"] == "quiz.created" and logged["status"] == "SUCCEEDED"
    assert logged["attempt"] == 1 and logged["httpStatus"] == 200
    assert logged["nextAttemptAt"] is None
    [tried] = logged["tries"]
    assert tried["httpStatus"] == 200 and tried["responseBody"] == "ok"
    assert tried["durationMs"] >= 0 and tried["error"] is None
    # when it is redelivered
    again = await owner.gql(REDELIVER, {"input": {"messageId": logged["messageId"]}})
    assert again.ok()["redeliverWebhookMessage"]["deliveries"][0]["status"] == "PENDING"
    await drain(worker)
    # then it arrives again with the same webhook-id, and the log has both tries
    ids = [item.headers["webhook-id"] for item in receiver.received]
    assert ids == [logged["messageId"], logged["messageId"]]
    assert receiver.received[0].body == receiver.received[1].body
    [logged] = await deliveries(owner, org.slug)
    assert logged["status"] == "SUCCEEDED" and logged["attempt"] == 2
    assert [t["attempt"] for t in logged["tries"]] == [2, 1]
