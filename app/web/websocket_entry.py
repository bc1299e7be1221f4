"""The app's ASGI entry: a websocket to ``/graphql`` goes straight to the GraphQL view.

A websocket's ASGI call lasts as long as its connection, and every layer it passes
keeps a suspended coroutine frame (~250-550 bytes) for all that time: Starlette's
error and exception middleware, the request id, the request log, the security
headers, the router (three frames) and the door, ~5 KB per idle live subscriber.
Of those, a websocket needs three steps, each done here once, in place on the scope,
leaving no frame behind:

- the client's address and scheme from a trusted proxy (``app.web.client_address``'s
  middleware, run to completion around a no-op: it rewrites the scope and calls on);
- the request id (``app.web.request_id.assign_request_id``), in ``scope["state"]``;
- the request log's context variable, so every line the connection causes names its
  request id (set in the connection's own task, which ends with it: nothing to reset);
- with traces configured, the server span (``app.web.tracing.websocket_server_span``,
  the stack's middleware around the view; nothing when traces are off).

The others do nothing for a websocket: the error middleware and the security headers
act on HTTP responses only, the request log writes a line per HTTP request, the door
lets websockets through to the view (whose own door runs at ``connection_init``:
``app.web.websocket``), and no exception handler is registered for websockets.
Everything else (HTTP, websockets to other paths, the lifespan) goes through
Starlette as before, and ``/graphql`` keeps its ``WebSocketRoute`` for whatever this
entry does not take.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.types import ASGIApp, Receive, Scope, Send

from app.core.logging import request_id_var
from app.web.graphql_view import GraphQLView
from app.web.request_id import assign_request_id
from app.web.tracing import websocket_server_span

GRAPHQL_PATH = "/graphql"


class App(Starlette):
    """Starlette, with websockets to ``GRAPHQL_PATH`` served by ``websocket_view``.

    ``scope_middleware``: middleware that only rewrites the scope and calls on
    (uvicorn's ``ProxyHeadersMiddleware``); the same list Starlette gets first in
    ``middleware``, so both paths see the same client address."""

    def __init__(
        self,
        *,
        websocket_view: GraphQLView,
        scope_middleware: Sequence[Middleware] = (),
        **kwargs: Any,
    ) -> None:
        super().__init__(**kwargs)
        self.websocket_view = websocket_view
        self._serve_websocket = websocket_server_span(websocket_view.serve_websocket)
        self._rewrite_scope = _scope_steps(scope_middleware)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "websocket" or not _is_graphql(scope):
            await super().__call__(scope, receive, send)
            return
        scope["app"] = self  # as Starlette sets it
        if self._rewrite_scope is not None:
            await self._rewrite_scope(scope, receive, send)
        request_id_var.set(assign_request_id(scope))
        await self._serve_websocket(scope, receive, send)


def _is_graphql(scope: Scope) -> bool:
    """The path is ``/graphql`` under the server's root path (as Starlette routes)."""
    return bool(scope["path"] == scope.get("root_path", "") + GRAPHQL_PATH)


async def _scope_rewritten(scope: Scope, receive: Receive, send: Send) -> None:
    """Where the scope steps lead: nowhere, their work on the scope is done."""


def _scope_steps(middleware: Sequence[Middleware]) -> ASGIApp | None:
    app: ASGIApp = _scope_rewritten
    for cls, args, kwargs in reversed(middleware):
        app = cls(app, *args, **kwargs)
    return None if app is _scope_rewritten else app
