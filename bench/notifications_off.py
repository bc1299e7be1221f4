"""The app with the notification producer's triggers emptied: the baseline of what
producing notifications costs the submit path (bench/notifications.py). Nothing else
differs: the producer still listens and queues nothing."""

from __future__ import annotations

from app.notifications import triggers
from app.web.asgi import app

triggers.TRIGGERS.clear()

__all__ = ["app"]
