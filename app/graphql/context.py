"""The per-request GraphQL context: the service context plus HTTP objects and loaders."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from starlette.requests import Request
from starlette.responses import Response
from starlette.websockets import WebSocket

from app.access.actor import Actor
from app.access.request import ServiceContext


@dataclass(slots=True)
class Context:
    request: Request | WebSocket
    response: Response | None
    sc: ServiceContext
    # Per-request DataLoaders, created on first use by each domain's ``loaders`` module.
    loaders: dict[str, Any] = field(default_factory=dict)
    # A websocket's ``connection_init`` payload (Strawberry fills it in).
    connection_params: dict[str, Any] | None = None

    @property
    def actor(self) -> Actor:
        return self.sc.actor
