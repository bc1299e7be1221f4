"""The app with the analytics rollups switched off: the baseline of what keeping them
current in the scoring transaction costs (bench/analytics.py). Nothing else differs."""

from __future__ import annotations

from app.access.request import ServiceContext
from app.analytics import service
from app.analytics.rollups import ScoredAttempt
from app.web.asgi import app


async def _not_recorded(sc: ServiceContext, attempt: ScoredAttempt) -> None:
    return None


service.record_attempt = _not_recorded

__all__ = ["app"]
