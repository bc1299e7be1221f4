"""Which event bus this process uses: a setting, decided once at start-up.

The live leaderboard hub listens on the bus, so it is reset whenever the bus changes."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from app.core.settings import get_settings
from app.events.bus import InProcessEventBus, set_bus
from app.events.redis_bus import RedisEventBus
from app.leaderboards.live import reset_hub


@asynccontextmanager
async def running_bus() -> AsyncIterator[None]:
    """Redis pub/sub when ``QUIZGRAPH_REDIS_URL`` is set, else in-process."""
    settings = get_settings()
    redis_url = settings.redis_url
    if redis_url is None:
        set_bus(InProcessEventBus())
        reset_hub()
        yield
        reset_hub()
        return
    bus = RedisEventBus(redis_url, settings.event_channel)
    set_bus(bus)
    reset_hub()
    await bus.start()
    try:
        yield
    finally:
        reset_hub()
        await bus.stop()
        set_bus(InProcessEventBus())
