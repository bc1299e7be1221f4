"""Strawberry's ASGI view, given our context, fast JSON and problem-detail errors."""

from __future__ import annotations

from cross_web import HTTPException
from starlette.datastructures import Headers
from starlette.requests import ClientDisconnect, Request
from starlette.responses import Response
from starlette.types import Receive, Scope, Send
from starlette.websockets import WebSocket
from strawberry.asgi import GraphQL
from strawberry.exceptions import ConnectionRejectionError, StrawberryGraphQLError
from strawberry.types.unset import UNSET, UnsetType

from app.auth.actor import ANONYMOUS
from app.auth.door import SESSION_COOKIE, resolve_actor
from app.core.db import session_factory
from app.core.errors import AppError
from app.core.json import dumps
from app.core.request import RequestMeta, ServiceContext
from app.graphql.context import Context
from app.web.door import _cookie
from app.web.problems import problem_response


class GraphQLView(GraphQL[Context, None]):
    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await super().__call__(scope, receive, send)
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
        """A subscription's context; the subscription domain replaces its actor."""
        meta = RequestMeta(request_id=websocket.scope.get("state", {}).get("request_id", "-"))
        db = session_factory()()
        return Context(request=websocket, response=None, sc=ServiceContext(db, ANONYMOUS, meta))

    async def on_ws_connect(self, context: Context) -> UnsetType | dict[str, object] | None:
        """The websocket door: ``{"authorization": "Bearer …"}`` in ``connection_init``,
        else the upgrade request's session cookie. A refused credential closes with 4403."""
        params = context.connection_params or {}
        authorization = params.get("authorization") or params.get("Authorization")
        credentials = [authorization] if isinstance(authorization, str) else []
        cookie = _cookie(Headers(scope=context.request.scope), SESSION_COOKIE)
        try:
            context.sc.actor = await resolve_actor(context.sc, credentials, cookie)
        except AppError as error:
            rejection: dict[str, object] = {"code": error.code, "message": error.message}
            raise ConnectionRejectionError(rejection) from error
        return UNSET

    def encode_json(self, data: object) -> bytes:
        return dumps(data)


__all__ = ["GraphQLView", "StrawberryGraphQLError"]
