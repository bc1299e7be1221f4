"""Fixtures of the webhook tests: a receiver on 127.0.0.1 the operator allows."""

from __future__ import annotations

import random
from collections.abc import AsyncIterator

import pytest
from starlette.applications import Starlette

from app.webhooks.worker import Worker
from tests.webhooks.support import Receiver, allowed_hosts, forget_endpoints, running_receiver


@pytest.fixture
async def receiver(app: Starlette) -> AsyncIterator[Receiver]:
    with allowed_hosts("127.0.0.1"):
        async with running_receiver() as found:
            yield found
    await forget_endpoints()


@pytest.fixture
async def worker(app: Starlette) -> AsyncIterator[Worker]:
    """A worker the test runs by hand (``run_once``); jitter from a seeded random.

    A worker sends whatever is due in the database, so endpoints other test modules left
    (the permission matrix makes some) are forgotten first: only this test's work counts."""
    await forget_endpoints()
    made = Worker(rng=random.Random(7))
    yield made
    await made.close()
