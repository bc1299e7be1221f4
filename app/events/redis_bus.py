"""The event bus over Redis pub/sub, so every server process hears every event.

``publish`` sends the event to one channel; a listener task in each process
receives it (its own events too) and hands it to the local handlers. Delivery is
at most once and only to processes listening at that moment, which suits live
pushes (a missed push is repaired by the next one); durable consumers such as
webhooks need an outbox instead.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import uuid
from datetime import datetime

import orjson
from redis.asyncio import Redis

from app.events.bus import Event, Handler, InProcessEventBus, Unsubscribe

logger = logging.getLogger("quizgraph.events.redis")

CHANNEL = "quizgraph:events"  # the default of the ``event_channel`` setting


def encode(event: Event) -> bytes:
    return orjson.dumps(
        {
            "id": str(event.id),
            "name": event.name,
            "org_id": str(event.org_id),
            "occurred_at": event.occurred_at.isoformat(),
            "data": event.data,
        }
    )


def decode(raw: bytes) -> Event:
    body = orjson.loads(raw)
    return Event(
        name=body["name"],
        org_id=uuid.UUID(body["org_id"]),
        data=body["data"],
        id=uuid.UUID(body["id"]),
        occurred_at=datetime.fromisoformat(body["occurred_at"]),
    )


class RedisEventBus:
    def __init__(self, url: str, channel: str = CHANNEL) -> None:
        self._redis = Redis.from_url(url)
        self._channel = channel
        self._local = InProcessEventBus()
        self._listener: asyncio.Task[None] | None = None
        self._ready = asyncio.Event()

    async def start(self) -> None:
        self._listener = asyncio.create_task(self._listen(), name="redis-event-listener")
        await asyncio.wait_for(self._ready.wait(), timeout=10)

    async def stop(self) -> None:
        if self._listener:
            self._listener.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._listener
        await self._redis.aclose()

    async def publish(self, event: Event) -> None:
        try:
            await self._redis.publish(self._channel, encode(event))
        except Exception:  # the change is committed; a lost push must not fail the request
            logger.exception("could not publish %s to Redis", event.name)

    def subscribe(self, handler: Handler) -> Unsubscribe:
        return self._local.subscribe(handler)

    async def _listen(self) -> None:
        while True:
            try:
                async with self._redis.pubsub() as pubsub:
                    await pubsub.subscribe(self._channel)
                    self._ready.set()
                    async for message in pubsub.listen():
                        if message.get("type") == "message":
                            await self._local.publish(decode(message["data"]))
            except asyncio.CancelledError:
                raise
            except Exception:
                logger.exception("Redis event listener failed; reconnecting in 1 s")
                await asyncio.sleep(1)
