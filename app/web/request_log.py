"""One log line per HTTP request, and the request's GraphQL metrics.

Around everything but the request id: the id goes into a context variable
(``app.core.logging``) for every line the request causes, websocket connections
included; an HTTP request gets a ``RequestRecord`` for the door and the schema to fill
(``app.graphql.observation``) and, once its response is sent, one line on the
``quizgraph.request`` logger: method, path, status, duration, the client's address, the
operation's type and name, error codes, the credential's kind and label (a username or a key prefix,
never a secret) and its org. A GraphQL request is also counted (``app.web.metrics``), and
an org key's request in the key's usage (``app.api_keys.usage``: in memory, written once
a minute).
"""

from __future__ import annotations

import logging
import time

from starlette.datastructures import Headers
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.access.actor import Actor, ActorKind
from app.access.request import ServiceContext
from app.api_keys import usage
from app.core.logging import DeferredText, json_object, request_id_var, request_line_writer
from app.graphql.observation import RECORD, RequestRecord
from app.web import metrics
from app.web.client_address import client_address

logger = logging.getLogger("quizgraph.request")

GRAPHQL_PATH = "/graphql"
CLIENT_CLOSED_REQUEST = 499


class RequestLogMiddleware:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] not in {"http", "websocket"}:
            await self.app(scope, receive, send)
            return
        token = request_id_var.set(scope["state"]["request_id"])
        try:
            if scope["type"] == "http":
                await self._http(scope, receive, send)
            else:
                await self.app(scope, receive, send)
        finally:
            request_id_var.reset(token)

    async def _http(self, scope: Scope, receive: Receive, send: Send) -> None:
        started = time.perf_counter()
        record = RequestRecord()
        scope["state"][RECORD] = record
        # An app that returns without starting a response met the client's disconnect
        # (the browser cancelled the fetch): nginx's 499, not a server error.
        status = CLIENT_CLOSED_REQUEST

        async def sending(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
            await send(message)

        try:
            await self.app(scope, receive, sending)
        except BaseException:
            if status == CLIENT_CLOSED_REQUEST:
                status = 500  # no response started: the server failed
            raise
        finally:
            took = time.perf_counter() - started
            sc: ServiceContext | None = scope["state"].get("sc")
            actor = sc.actor if sc is not None else None
            kind = _credential_kind(actor, scope)
            if scope["path"] == GRAPHQL_PATH:
                metrics.observe(record, kind, status, took)
            if record.api_key is not None:
                _count_key_use(scope, record, status)
            _log(scope, record, sc, kind, status, took)


def _count_key_use(scope: Scope, record: RequestRecord, status: int) -> None:
    """The org key's request, in its usage (in memory; ``app.api_keys.usage``)."""
    assert record.api_key is not None
    codes = [record.door_refusal] if record.door_refusal else record.error_codes
    if not codes and status >= 400:  # a response without a GraphQL error (malformed request)
        codes = ["INTERNAL" if status >= 500 else f"HTTP_{status}"]
    org_id, key_id = record.api_key
    usage.count(org_id, key_id, codes, client_address(scope))


def _credential_kind(actor: Actor | None, scope: Scope) -> str:
    """The actor's kind; before the door resolved one (it refused the request), what
    the request presented."""
    if actor is not None:
        return actor.kind.value.lower()
    headers = Headers(scope=scope)
    if "authorization" in headers:
        return ActorKind.API_KEY.value.lower()
    if "cookie" in headers:
        return "session"
    return ActorKind.ANONYMOUS.value.lower()


def _log(
    scope: Scope,
    record: RequestRecord,
    sc: ServiceContext | None,
    kind: str,
    status: int,
    took: float,
) -> None:
    if not logger.isEnabledFor(logging.INFO):
        return
    codes = [record.door_refusal] if record.door_refusal else record.error_codes
    fields: dict[str, object] = {
        "method": scope["method"],
        "path": scope["path"],
        "status": status,
        "duration_ms": round(took * 1_000_000) / 1000,  # round(x, 3) formats a string
        "credential_kind": kind,
        # What a trusted proxy named, else the peer (app.web.client_address).
        "client_ip": client_address(scope),
    }
    actor = sc.actor if sc is not None else None
    if actor is not None and actor.is_authenticated:
        fields["credential_label"] = actor.label
    if sc is not None and actor is not None and actor.org_id is not None:
        fields["org_id"] = str(actor.org_id)
        if record.org_slug is not None:
            fields["org_slug"] = record.org_slug
    if record.operation_type:
        fields["operation_type"] = record.operation_type
    if record.operation_name:
        fields["operation_name"] = record.operation_name[:100]
    if codes:
        fields["error_codes"] = codes
    writer = request_line_writer(logger)
    if writer is not None:
        # Only the JSON handler would see the line: make it as that handler would,
        # without a LogRecord, filter or formatter.
        writer.write(
            json_object(
                created=time.time(),
                level="info",
                logger=logger.name,
                message="request",
                request_id=request_id_var.get(),
                fields=fields,
            )
        )
        return
    logger.info(
        DeferredText("request", lambda: _summary(scope, record, fields, kind, status, codes)),
        extra={"fields": fields},
    )


def _summary(
    scope: Scope,
    record: RequestRecord,
    fields: dict[str, object],
    kind: str,
    status: int,
    codes: list[str],
) -> str:
    """The text format's line: the fields that matter to a person reading a terminal."""
    return " ".join(
        str(part)
        for part in (
            scope["method"],
            scope["path"],
            status,
            f"{fields['duration_ms']}ms",
            record.operation_type,
            fields.get("operation_name", ""),
            kind,
            fields.get("credential_label", ""),
            ",".join(codes),
        )
        if part != ""
    )
