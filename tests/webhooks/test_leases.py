"""A send that outlives its lease never writes over the newer claim: the second worker's
outcome stands, and the late one is dropped (logged), not recorded as the delivery's."""

from __future__ import annotations

import asyncio
import logging
from datetime import timedelta

import httpx
import pytest

from app.core.clock import FrozenClock
from app.webhooks.worker import Worker
from tests.quizzes.api import published_quiz
from tests.support.factories import OrgFixture
from tests.support.fixture_types import SignIn
from tests.webhooks.support import Receiver, create_webhook, deliveries, drain


async def test_a_late_outcome_does_not_overwrite_a_newer_claim(
    org: OrgFixture,
    signed_in: SignIn,
    receiver: Receiver,
    frozen_clock: FrozenClock,
    caplog: pytest.LogCaptureFixture,
) -> None:
    # given a delivery whose first send hangs until the test lets it answer 500
    owner = await signed_in(org, "owner")
    await create_webhook(owner, receiver.url(), events=["quiz.created"])
    await published_quiz(await signed_in(org, "teacher"))
    entered, release = asyncio.Event(), asyncio.Event()

    async def hang(request: httpx.Request) -> httpx.Response:
        entered.set()
        await release.wait()
        return httpx.Response(500, text="late")

    slow, fast = Worker(transport=httpx.MockTransport(hang), owner="slow"), Worker(owner="fast")
    try:
        sending = asyncio.create_task(slow.run_once())
        await entered.wait()
        # when its lease expires and another worker claims and delivers it
        frozen_clock.advance(seconds=slow.lease.total_seconds() + 1)
        assert await drain(fast) == 1
        # and the first send answers afterwards
        release.set()
        with caplog.at_level(logging.WARNING, "quizgraph.webhooks.worker"):
            assert await sending == 1
    finally:
        release.set()
        await slow.close()
        await fast.close()
    # then the delivery is the second worker's success, with its one try
    [logged] = await deliveries(await signed_in(org, "owner"), org.slug)
    assert logged["status"] == "SUCCEEDED" and logged["attempt"] == 1
    assert [t["httpStatus"] for t in logged["tries"]] == [200]
    assert "lease slow#1 was taken over" in caplog.text
    assert len(receiver.received) == 1


async def test_the_lease_outlasts_a_whole_send(worker: Worker) -> None:
    assert worker.lease >= timedelta(seconds=worker.total_timeout + 30)
