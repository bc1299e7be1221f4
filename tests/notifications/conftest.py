"""Fixtures of the notification tests: the producer listening on the test's bus, and
the webhook tests' receiver and worker (an endpoint switched off by the worker)."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from starlette.applications import Starlette

from app.notifications.producer import Producer, running
from tests.quizzes.api import clock  # noqa: F401
from tests.webhooks.conftest import receiver, worker  # noqa: F401


@pytest.fixture
async def producer(app: Starlette) -> AsyncIterator[Producer]:
    """The producer as the server runs it (in-process tests run no lifespan)."""
    async with running() as started:
        yield started
