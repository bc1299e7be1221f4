"""A tiny typed event bus: ``publish(event)`` and ``subscribe(handler)``.

The interface is deliberately small so another transport (Redis pub/sub, an
outbox relay) can replace ``InProcessEventBus`` without touching the services:

- ``publish`` is awaited once per committed event; an implementation must not
  raise on a failing consumer (log it instead), because the change is already
  committed and the request must not fail for it;
- ``subscribe`` returns a function that removes the handler again;
- handlers run on the request's event loop: they must be quick (hand slow work
  to a queue or a task of their own).

Event names are the contract's webhook names (``quiz.created`` ...).
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Protocol

from app.core.clock import utcnow
from app.core.metrics import count_event

logger = logging.getLogger("quizgraph.events")

QUIZ_CREATED = "quiz.created"
QUIZ_COMPLETED = "quiz.completed"
USER_SCORED = "user.scored"


@dataclass(frozen=True, slots=True)
class Event:
    """One thing that happened in an org. ``data`` is JSON-ready (ids are global ids)."""

    name: str
    org_id: uuid.UUID
    data: dict[str, Any]
    id: uuid.UUID = field(default_factory=uuid.uuid4)
    occurred_at: datetime = field(default_factory=utcnow)


Handler = Callable[[Event], Awaitable[None]]
Unsubscribe = Callable[[], None]


class EventBus(Protocol):
    async def publish(self, event: Event) -> None: ...

    def subscribe(self, handler: Handler) -> Unsubscribe: ...


class InProcessEventBus:
    """Delivers each event to this process's handlers, in subscription order."""

    def __init__(self) -> None:
        self._handlers: list[Handler] = []

    async def publish(self, event: Event) -> None:
        for handler in list(self._handlers):
            try:
                await handler(event)
            except Exception:
                logger.exception("event handler %r failed on %s", handler, event.name)

    def subscribe(self, handler: Handler) -> Unsubscribe:
        self._handlers.append(handler)

        def unsubscribe() -> None:
            if handler in self._handlers:
                self._handlers.remove(handler)

        return unsubscribe


_bus: EventBus = InProcessEventBus()


def get_bus() -> EventBus:
    return _bus


def set_bus(bus: EventBus) -> None:
    """Install another implementation (say, Redis) at start-up."""
    global _bus
    _bus = bus


async def publish_all(events: list[Event]) -> None:
    """Publish committed events in the order they happened, then forget them."""
    pending = list(events)
    events.clear()
    bus = get_bus()
    for event in pending:
        count_event(event.name)
        await bus.publish(event)
