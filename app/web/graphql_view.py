"""Strawberry's ASGI view, given our context, fast JSON and problem-detail errors.

Over HTTP every answer has a code: a body that can't be read (not JSON, not UTF-8,
nested past 1,024 levels) or an operation HTTP doesn't serve (a subscription) is a 400
problem with BAD_USER_INPUT; the errors of a result are classified by the schema's
request boundary (``app.graphql.boundary``), hook failures included, so the view
doesn't classify them again; and an exception anywhere in the view (or after the
operation, in Strawberry's own result handling) is a 500 problem with INTERNAL, the
request id and a logged traceback, never a plain-text 500.

Persisted queries (``app.persisted_queries``): a request's
``extensions.persistedQuery`` hash is resolved to its document here, before the
schema runs, so a persisted read goes down the same cached path (parse, validation,
compiled plan) as the same text sent in full. A malformed extension or a hash that is
not the query's is a 400 problem (BAD_USER_INPUT); an unknown or refused document is
a GraphQL error with HTTP 200, as Apollo's convention has it. Answers to GET are
cacheable by the credential's rules (``app.web.cache_headers``).
"""

from __future__ import annotations

import logging
from typing import Any

from cross_web import AsyncHTTPRequestAdapter, HTTPException
from graphql import GraphQLError
from starlette.requests import ClientDisconnect, Request
from starlette.responses import PlainTextResponse, Response
from starlette.types import Receive, Scope, Send
from starlette.websockets import WebSocket
from strawberry.asgi import GraphQL
from strawberry.exceptions import MissingQueryError
from strawberry.http import GraphQLRequestData
from strawberry.schema.exceptions import CannotGetOperationTypeError, InvalidOperationTypeError
from strawberry.subscriptions import GRAPHQL_TRANSPORT_WS_PROTOCOL, GRAPHQL_WS_PROTOCOL
from strawberry.types import ExecutionResult
from strawberry.types.graphql import OperationType
from strawberry.types.unset import UNSET, UnsetType

from app.core.errors import AppError, BadUserInput, QueryTooComplex
from app.core.json import JSONDecodeError, dumps, loads
from app.core.settings import get_settings
from app.graphql.context import Context
from app.graphql.errors import classify
from app.graphql.observation import RECORD, RequestRecord
from app.persisted_queries import service as persisted
from app.web.cache_headers import cache_headers, mark_outcome
from app.web.frontend import graphiql_page
from app.web.persisted_operations import graphql_schema
from app.web.problems import internal_problem, problem_for, problem_response
from app.web.security_headers import GRAPHIQL_POLICY
from app.web.websocket import (
    LegacyWSHandler,
    SocketContext,
    TextFrameAdapter,
    TransportWSHandler,
    awaiting_init,
    socket_context,
    watch,
)

logger = logging.getLogger("quizgraph.errors")

SUBSCRIPTIONS_OVER_HTTP = (
    "Subscriptions are served over a websocket at /graphql "
    "(graphql-transport-ws or graphql-ws), not over HTTP GET or POST."
)


class GraphQLView(GraphQL[Context, None]):
    graphql_transport_ws_handler_class = TransportWSHandler
    graphql_ws_handler_class = LegacyWSHandler
    websocket_adapter_class = TextFrameAdapter
    open_websockets = 0

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "websocket":
            await self.serve_websocket(scope, receive, send)
            return
        try:
            response = await self.run(Request(scope=scope, receive=receive))
        except HTTPException as error:
            response = problem_response("BAD_USER_INPUT", error.reason, status=error.status_code)
        except ClientDisconnect:
            return  # the client went away mid-request; there is nobody to answer
        except AppError as error:  # e.g. the body outgrew its limit while being read
            response = problem_for(error)
        except Exception:
            request_id = _request_id(scope)
            logger.exception("unexpected error in the GraphQL view (request %s)", request_id)
            response = internal_problem(request_id)
        if scope["method"] in {"GET", "HEAD"}:
            response = cache_headers(scope, response)
        await response(scope, receive, send)

    def decode_json(self, data: str | bytes) -> object:
        return loads(data)

    def parse_json(self, data: str | bytes) -> Any:
        try:
            return loads(data)
        except JSONDecodeError as error:  # orjson's reason names a position, never the text
            raise HTTPException(400, f"Unable to parse request body as JSON: {error}") from error

    async def parse_http_body(
        self, request: AsyncHTTPRequestAdapter
    ) -> GraphQLRequestData | list[GraphQLRequestData]:
        try:
            return await super().parse_http_body(request)
        except AttributeError as error:  # a JSON body that is not an object (``1``, ``"x"``)
            raise HTTPException(400, "The request body must be a JSON object.") from error

    async def execute_single(
        self,
        request: Request,
        request_adapter: AsyncHTTPRequestAdapter,
        sub_response: Response,
        context: Context,
        root_value: None,
        request_data: GraphQLRequestData,
    ) -> ExecutionResult:
        """Strawberry's, minus subscriptions: over HTTP they would run as a query."""
        if not isinstance(request_data.operation_name, str | None):
            raise HTTPException(400, "The GraphQL operation's `operationName` must be a string.")
        result = await self._execute(request_adapter, context, request_data)
        mark_outcome(request.scope, result)
        return result

    async def _execute(
        self,
        request_adapter: AsyncHTTPRequestAdapter,
        context: Context,
        request_data: GraphQLRequestData,
    ) -> ExecutionResult:
        too_long = _query_length_refusal(request_data.query)
        if too_long is not None:
            return _refused(too_long, context)
        try:
            query = await persisted.document_for(
                request_data.query,
                request_data.extensions,
                context.sc.actor,
                valid=persisted.validator(graphql_schema(self.schema)),
            )
        except BadUserInput as error:
            raise HTTPException(400, error.message) from error
        except AppError as error:  # not found, not supported, not in the trusted list
            return _refused(error, context)
        too_long = _query_length_refusal(query)  # a document registered under a larger cap
        if too_long is not None:
            return _refused(too_long, context)
        allowed = OperationType.from_http(request_adapter.method) - {OperationType.SUBSCRIPTION}
        try:
            return await self.schema.execute(
                query,
                root_value=None,
                variable_values=request_data.variables,
                context_value=context,
                operation_name=request_data.operation_name,
                allowed_operation_types=allowed,
                operation_extensions=request_data.extensions,
            )
        except CannotGetOperationTypeError as error:
            raise HTTPException(400, error.as_http_error_reason()) from error
        except InvalidOperationTypeError as error:
            if error.operation_type is OperationType.SUBSCRIPTION:
                raise HTTPException(400, SUBSCRIPTIONS_OVER_HTTP) from error
            reason = error.as_http_error_reason(request_adapter.method)
            raise HTTPException(400, reason) from error
        except MissingQueryError as error:
            raise HTTPException(400, "No GraphQL query found in the request") from error

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

    async def serve_websocket(self, scope: Scope, receive: Receive, send: Send) -> None:
        """A websocket connection, for its whole life (the app's entry calls this
        directly: ``app.web.websocket_entry``). Past the process's caps, refused 1013."""
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
            handler = await self._websocket_handler(WebSocket(scope, receive, send), receive)
            if handler is not None:
                # Awaited here, not in Strawberry's ``__call__`` and ``run``: two
                # suspended frames fewer for the connection's life.
                await handler.handle()
        finally:
            GraphQLView.open_websockets -= 1
            awaiting_init.settle(scope)
            state = scope.get("state", {})
            if "live_socket" in state:
                watch.discard(state["live_socket"])

    async def _websocket_handler(
        self, request: WebSocket, receive: Receive
    ) -> TransportWSHandler | LegacyWSHandler | None:
        """Strawberry's ``run`` for a websocket, up to its protocol's handler (None: the
        handshake was refused or closed here): a cross-origin handshake refused unless
        allowed (403), the subprotocol picked, accepted, the connection's context, the
        handler; no subprotocol in common closes with 4406. The adapter is always
        ``TextFrameAdapter``, given the server's ``receive``."""
        if not self._check_websocket_origin(request):
            await self.reject_websocket(request)
            return None
        root_value = None  # this view has none (Strawberry's ``get_root_value``)
        subprotocol = await self.pick_websocket_subprotocol(request)
        response = await self.create_websocket_response(request, subprotocol)
        # The server's receive, read directly while the connection idles.
        websocket = TextFrameAdapter(self, request, response, receive=receive)
        context = await self.get_context(request, response=response)
        if subprotocol == GRAPHQL_TRANSPORT_WS_PROTOCOL:
            return self.graphql_transport_ws_handler_class(
                view=self,
                websocket=websocket,
                context=context,
                root_value=root_value,
                schema=self.schema,
                connection_init_wait_timeout=self.connection_init_wait_timeout,
                max_subscriptions_per_connection=self.max_subscriptions_per_connection,
            )
        if subprotocol == GRAPHQL_WS_PROTOCOL:
            return self.graphql_ws_handler_class(
                view=self,
                websocket=websocket,
                context=context,
                root_value=root_value,
                schema=self.schema,
                keep_alive=self.keep_alive,
                keep_alive_interval=self.keep_alive_interval,
                max_subscriptions_per_connection=self.max_subscriptions_per_connection,
            )
        await websocket.close(4406, "Subprotocol not acceptable")
        return None

    async def on_ws_connect(self, context: Context) -> UnsetType | dict[str, object] | None:
        """The websocket door (see ``app.web.websocket``)."""
        assert isinstance(context, SocketContext)
        await context.connect()
        unset: UnsetType = UNSET  # typed Any by Strawberry
        return unset

    async def render_graphql_ide(self, request: Request) -> Response:
        """The bundled GraphiQL with its own CSP (see ``security_headers``); off in production
        by default."""
        if not get_settings().graphiql_enabled:
            return PlainTextResponse(
                "GraphiQL is turned off on this server. Send GraphQL requests with POST.",
                status_code=404,
            )
        response = graphiql_page()
        response.headers["Content-Security-Policy"] = GRAPHIQL_POLICY
        return response

    def encode_json(self, data: object) -> bytes:
        """orjson (``app.core.json``) for every HTTP response, and for every websocket
        message, which ``TextFrameAdapter`` sends through this hook as a text frame."""
        return dumps(data)


def _refused(error: AppError, context: Context) -> ExecutionResult:
    """A request refused before the schema (and its boundary) runs: classified here, by
    the same classifier, and its code noted for the request's metrics and log line."""
    classified = classify(
        GraphQLError(error.message, original_error=error), context.sc.meta.request_id
    )
    record = getattr(context.request, "scope", {}).get("state", {}).get(RECORD)
    if isinstance(record, RequestRecord):
        record.error_codes.append(error.code)
    return ExecutionResult(data=None, errors=[classified])


def _request_id(scope: Scope) -> str:
    return str(scope.get("state", {}).get("request_id", "-"))


def _query_length_refusal(query: str | None) -> QueryTooComplex | None:
    """An over-long document is refused before anything parses it (parsing a megabyte
    of whitespace alone costs ~200 ms); the other document caps come after parsing."""
    limit = get_settings().max_query_length
    if query is None or len(query) <= limit:
        return None
    return QueryTooComplex(
        f"The document is {len(query)} characters long; at most {limit} are allowed.",
        cost=len(query),
        limit=limit,
    )


def _first_protocol(scope: Scope) -> str | None:
    offered = scope.get("subprotocols") or []
    return offered[0] if offered else None
