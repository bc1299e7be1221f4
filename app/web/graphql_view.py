"""Strawberry's ASGI view, given our context, fast JSON and problem-detail errors."""

from __future__ import annotations

from cross_web import HTTPException
from starlette.requests import ClientDisconnect, Request
from starlette.responses import PlainTextResponse, Response
from starlette.types import Receive, Scope, Send
from starlette.websockets import WebSocket
from strawberry.asgi import GraphQL
from strawberry.types.unset import UNSET, UnsetType

from app.core.json import dumps
from app.core.settings import get_settings
from app.graphql.context import Context
from app.web.problems import problem_response
from app.web.security_headers import graphiql_policy
from app.web.websocket import (
    LegacyWSHandler,
    SocketContext,
    TextFrameAdapter,
    TransportWSHandler,
    awaiting_init,
    socket_context,
    watch,
)


class GraphQLView(GraphQL[Context, None]):
    graphql_transport_ws_handler_class = TransportWSHandler
    graphql_ws_handler_class = LegacyWSHandler
    websocket_adapter_class = TextFrameAdapter
    open_websockets = 0

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "websocket":
            await self._serve_websocket(scope, receive, send)
            return
        try:
            response = await self.run(Request(scope=scope, receive=receive))
        except HTTPException as error:
            response = problem_response("BAD_USER_INPUT", error.reason, status=error.status_code)
        except ClientDisconnect:
            return  # the client went away mid-request; there is nobody to answer
        await response(scope, receive, send)

    async def get_context(
        self, request: Request | WebSocket, response: Response | WebSocket
    ) -> Context:
        if isinstance(request, Request):
            assert isinstance(response, Response)
            return Context(request=request, response=response, sc=request.scope["state"]["sc"])
        return await self.websocket_context(request)

    async def websocket_context(self, websocket: WebSocket) -> Context:
        """The connection's context; each operation gets its own (``app.web.websocket``)."""
        return socket_context(websocket)

    async def _serve_websocket(self, scope: Scope, receive: Receive, send: Send) -> None:
        refusal = None
        if GraphQLView.open_websockets >= get_settings().max_websockets:
            refusal = "Too many connections; try again later"
        elif not awaiting_init.admit(scope):
            refusal = "Too many unauthenticated connections from this address; try again later"
        if refusal is not None:
            websocket = WebSocket(scope, receive, send)
            await websocket.accept(subprotocol=_first_protocol(scope))
            await websocket.close(code=1013, reason=refusal)
            return
        GraphQLView.open_websockets += 1
        try:
            await super().__call__(scope, receive, send)
        finally:
            GraphQLView.open_websockets -= 1
            awaiting_init.settle(scope)
            state = scope.get("state", {})
            if "live_socket" in state:
                watch.discard(state["live_socket"])
            if "socket_db" in state:
                await state["socket_db"].close()

    async def on_ws_connect(self, context: Context) -> UnsetType | dict[str, object] | None:
        """The websocket door (see ``app.web.websocket``)."""
        assert isinstance(context, SocketContext)
        await context.connect()
        return UNSET

    async def render_graphql_ide(self, request: Request) -> Response:
        """GraphiQL with its own CSP (see ``security_headers``); off in production by default."""
        if not get_settings().graphiql_enabled:
            return PlainTextResponse(
                "GraphiQL is turned off on this server. Send GraphQL requests with POST.",
                status_code=404,
            )
        response = await super().render_graphql_ide(request)
        response.headers["Content-Security-Policy"] = graphiql_policy(self.graphql_ide_html)
        return response

    def encode_json(self, data: object) -> bytes:
        return dumps(data)


def _first_protocol(scope: Scope) -> str | None:
    offered = scope.get("subprotocols") or []
    return offered[0] if offered else None
