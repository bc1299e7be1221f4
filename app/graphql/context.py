"""The per-request GraphQL context: the service context plus HTTP objects and loaders."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from starlette.requests import Request
from starlette.responses import Response
from starlette.websockets import WebSocket

from app.access.actor import Actor
from app.access.request import ServiceContext

if TYPE_CHECKING:
    from app.graphql.live.follow import LiveTarget


@dataclass(slots=True)
class Context:
    request: Request | WebSocket
    response: Response | None
    sc: ServiceContext
    # Per-request DataLoaders, created on first use by each domain's ``loaders`` module.
    loaders: dict[str, Any] = field(default_factory=dict)
    # A websocket's ``connection_init`` payload (Strawberry fills it in).
    connection_params: dict[str, Any] | None = None
    # A websocket operation's way out for live subscriptions (``app.graphql.live``):
    # its socket's sender, its id and protocol. None over HTTP.
    live: LiveTarget | None = None

    @property
    def actor(self) -> Actor:
        return self.sc.actor
