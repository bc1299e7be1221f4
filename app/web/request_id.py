"""Give every request an id, echo it as ``X-Request-ID``, and log with it."""

from __future__ import annotations

import re
import uuid

from starlette.datastructures import Headers, MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

_SAFE_ID = re.compile(r"^[A-Za-z0-9._-]{8,64}$")


class RequestIdMiddleware:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] not in {"http", "websocket"}:
            await self.app(scope, receive, send)
            return
        request_id = assign_request_id(scope)

        async def sending(message: Message) -> None:
            if message["type"] == "http.response.start":
                MutableHeaders(scope=message)["X-Request-ID"] = request_id
            await send(message)

        await self.app(scope, receive, sending)


def assign_request_id(scope: Scope) -> str:
    """The request's id (the client's ``X-Request-ID`` when it is safe to log, else a
    new one), kept in ``scope["state"]`` for everything downstream."""
    incoming = Headers(scope=scope).get("x-request-id", "")
    request_id = incoming if _SAFE_ID.match(incoming) else uuid.uuid4().hex
    scope.setdefault("state", {})["request_id"] = request_id
    return request_id
