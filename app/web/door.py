"""ASGI middleware in front of ``/graphql``: request id, body limit, CSRF, actor.

It opens the request's database session, resolves the actor, and hands both to
the GraphQL view through ``scope["state"]``; the session is closed when the
response is done. Plain ASGI (no BaseHTTPMiddleware) keeps it cheap per request.
A credential the process has verified before costs no query and no transaction
(``app.access.credential_cache``): the session connects to the database only when
the operation needs it.
"""

from __future__ import annotations

import logging
from http.cookies import SimpleCookie
from typing import Any

from sqlalchemy.exc import OperationalError
from starlette.datastructures import Headers, MutableHeaders
from starlette.responses import Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.access.actor import ANONYMOUS
from app.access.request import RequestMeta, ServiceContext
from app.auth.tokens import SESSION_COOKIE
from app.core.db import peek, session_factory
from app.core.errors import AppError, CsrfRejected, PayloadTooLarge
from app.core.json import JSONDecodeError, loads
from app.core.settings import get_settings
from app.graphql import cost
from app.graphql.observation import RECORD, RequestRecord
from app.orgs.models import Organization
from app.persisted_queries import service as persisted
from app.platform.tokens import PLATFORM_COOKIE_PATH, PLATFORM_SESSION_COOKIE
from app.web.client_address import client_address
from app.web.credentials import resolve_actor, response_headers
from app.web.problems import internal_problem, problem_for

logger = logging.getLogger("quizgraph.door")

# GET and HEAD are safe methods (RFC 9110): they run queries only (Strawberry refuses
# mutations over GET) and write nothing, not even the session's idle-expiry touch, so
# that a link on another site (SameSite=Lax sends the cookie on top-level GET
# navigations) changes nothing, and a read never waits for SQLite's write lock; so they
# need no CSRF check, and a cookie-authenticated GET from any origin stays usable (its
# answer is unreadable to another site). The idle clock is moved by POSTs, which is
# every request the dashboard makes. (The schema's boundary never commits a GET
# either.)
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


class GraphQLDoor:
    """``platform``: the door of the console's endpoint (``/platform/graphql``), which
    reads the platform admin's session cookie instead of a member's (each cookie is
    sent to its own paths only: see ``app.platform.tokens``)."""

    def __init__(self, app: ASGIApp, *, platform: bool = False) -> None:
        self.app = app
        self.platform = platform
        self.cookie = PLATFORM_SESSION_COOKIE if platform else SESSION_COOKIE
        self.cookie_path = PLATFORM_COOKIE_PATH if platform else "/"

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = Headers(scope=scope)
        meta = RequestMeta(
            request_id=scope["state"]["request_id"],
            ip=client_address(scope),
            user_agent=headers.get("user-agent"),
        )
        authorization = headers.getlist("authorization")
        session_token = cookie_value(headers, self.cookie)
        async with session_factory()() as db:
            sc = ServiceContext(db=db, actor=ANONYMOUS, meta=meta)
            try:
                _check_body_size(headers)
                if session_token and not authorization:
                    _check_csrf(scope, headers)
                safe = scope["method"] in SAFE_METHODS
                query_cost = None
                if authorization and _json_post(scope, headers):
                    # A key's request: its operation's cost, when already known, is
                    # charged in the door's one round trip (``app.graphql.cost``).
                    receive, query_cost = await _read_query_cost(receive, headers)
                sc.actor = await resolve_actor(
                    sc,
                    authorization,
                    session_token,
                    touch=not safe,
                    query_cost=query_cost,
                    platform=self.platform,
                )
                _note_org(scope, sc)
                _note_key(scope, sc)
                await _end_read_transaction(db, keep_touch=not safe)
            except AppError as error:
                await db.rollback()
                note_refusal(scope, error.code)
                _note_key(scope, sc)
                await problem_for(error, response_headers(sc))(scope, receive, send)
                return
            except Exception:  # e.g. the database is down while the actor is looked up
                logger.exception("unexpected error at the door (request %s)", meta.request_id)
                note_refusal(scope, "INTERNAL")
                await internal_problem(meta.request_id)(scope, receive, send)
                return
            # A cookie that names no live session (ended, expired, member disabled or
            # removed) is answered as anonymous and expired, so the browser is free of it.
            dead_session = (
                bool(session_token and not authorization) and not sc.actor.is_authenticated
            )
            scope["state"]["sc"] = sc
            try:
                sending = _with_headers(send, sc, self._expired_cookie() if dead_session else None)
                await self.app(scope, _limit_body(receive, headers), sending)
            except PayloadTooLarge as error:
                note_refusal(scope, error.code)
                await problem_for(error)(scope, receive, send)

    def _expired_cookie(self) -> str:
        """The Set-Cookie header that removes this door's session cookie."""
        return _expired_session_cookie(self.cookie, self.cookie_path)


def note_refusal(scope: Scope, code: str) -> None:
    """The request ends here with a problem of this code (its metrics and log line)."""
    record = scope["state"].get(RECORD)
    if isinstance(record, RequestRecord):
        record.door_refusal = code


def _note_org(scope: Scope, sc: ServiceContext) -> None:
    """The actor's org slug for the request's log line, from the row the door read or
    was offered (before the transaction ends and expires it): no SQL."""
    org_id = sc.actor.org_id
    record = scope["state"].get(RECORD)
    if org_id is None or not isinstance(record, RequestRecord):
        return
    org = peek(sc.db, Organization, org_id)
    if org is not None:
        record.org_slug = org.slug


def _note_key(scope: Scope, sc: ServiceContext) -> None:
    """The org key the door identified (passed or refused for its rate limit), for the
    key's usage (``app.api_keys.usage``, counted by the request log)."""
    record = scope["state"].get(RECORD)
    if sc.identified_key is not None and isinstance(record, RequestRecord):
        record.api_key = sc.identified_key


def _json_post(scope: Scope, headers: Headers) -> bool:
    if scope["method"] != "POST":
        return False
    content_type = headers.get("content-type", "").split(";")[0].strip().lower()
    return content_type == "application/json"


async def _read_query_cost(receive: Receive, headers: Headers) -> tuple[Receive, int | None]:
    """The body, read ahead (within its limit) and handed on unchanged, and the cost its
    operation was charged before, if it was (None otherwise, or when it isn't a JSON
    object with a ``query``: the view answers that)."""
    limit = _body_limit(headers)
    messages: list[Message] = []
    chunks: list[bytes] = []
    size = 0
    while True:
        message = await receive()
        messages.append(message)
        if message["type"] != "http.request":
            break  # the client went away: the view meets it too
        chunk = message.get("body", b"")
        size += len(chunk)
        if size > limit:
            raise PayloadTooLarge(f"The request body is larger than {limit} bytes.")
        chunks.append(chunk)
        if not message.get("more_body", False):
            break

    async def replay() -> Message:
        return messages.pop(0) if messages else await receive()

    return replay, _known_cost(b"".join(chunks))


def _known_cost(body: bytes) -> int | None:
    try:
        data = loads(body)
    except JSONDecodeError:
        return None
    if not isinstance(data, dict):
        return None
    query, name, variables = data.get("query"), data.get("operationName"), data.get("variables")
    if query is None:  # a persisted query's hash: its text, if this process knows it
        query = persisted.known_text(data.get("extensions"))
    if not isinstance(query, str) or not isinstance(name, str | None):
        return None
    if not isinstance(variables, dict | None):
        return None
    return cost.known_charge(query, name, variables)


def _check_body_size(headers: Headers) -> None:
    limit = _body_limit(headers)
    length = headers.get("content-length")
    if length and length.isdigit() and int(length) > limit:
        raise PayloadTooLarge(f"The request body is larger than {limit} bytes.")


def _body_limit(headers: Headers) -> int:
    settings = get_settings()
    if headers.get("content-type", "").startswith("multipart/form-data"):
        return settings.max_upload_bytes
    return settings.max_body_bytes


def _limit_body(receive: Receive, headers: Headers) -> Receive:
    # Content-Length can be absent (chunked); count what actually arrives too, against
    # the same limit as the declared length (uploads get the larger one).
    received = 0
    limit = _body_limit(headers)

    async def limited() -> Message:
        nonlocal received
        message = await receive()
        if message["type"] == "http.request":
            received += len(message.get("body", b""))
            if received > limit:
                raise PayloadTooLarge(f"The request body is larger than {limit} bytes.")
        return message

    return limited


def _check_csrf(scope: Scope, headers: Headers) -> None:
    if scope["method"] in SAFE_METHODS:
        return
    content_type = headers.get("content-type", "").split(";")[0].strip().lower()
    json_body = content_type in {"application/json", "application/graphql-response+json"}
    # Multipart (file uploads) is a "simple" request a form could forge, so it must
    # also carry a header no cross-site form can set.
    upload = content_type == "multipart/form-data" and bool(headers.get("graphql-preflight"))
    if scope["method"] != "POST" or not (json_body or upload):
        raise CsrfRejected()
    origin = headers.get("origin")
    if origin and not origin_allowed(origin):
        raise CsrfRejected(f"Requests from the origin {origin} are not allowed.")


def origin_allowed(origin: str) -> bool:
    # Only the configured origins: the Host header is the client's to write, so
    # "Origin equals Host" proves nothing (a forged Host makes any origin "same").
    allowed = {o.rstrip("/") for o in get_settings().allowed_origins}
    return origin.rstrip("/") in allowed


def cookie_value(headers: Headers, name: str) -> str | None:
    raw = headers.get("cookie")
    if not raw:
        return None
    jar: SimpleCookie = SimpleCookie()
    try:
        jar.load(raw)
    except Exception:  # a malformed Cookie header is the client's problem, not a 500
        return None
    morsel = jar.get(name)
    return morsel.value if morsel else None


async def _end_read_transaction(db: Any, *, keep_touch: bool) -> None:
    """Finish the lookup's transaction so the operation starts its own: committed (the
    idle-expiry touch, when due) for a POST, rolled back for a safe method (which also
    expires the actor's rows: the operation loads them again if it needs them). A
    credential answered from the cache began none."""
    if not db.in_transaction():
        return
    if not keep_touch:
        await db.rollback()
        return
    try:
        await db.commit()
    except OperationalError:
        # Only the idle-expiry touch can fail here (a busy SQLite); it is retried later.
        logger.info("session touch skipped: database busy")
        await db.rollback()


def _with_headers(send: Send, sc: ServiceContext, expire_cookie: str | None = None) -> Send:
    """``expire_cookie``: a Set-Cookie header removing a dead session's cookie."""

    async def sending(message: Message) -> None:
        if message["type"] == "http.response.start":
            headers = MutableHeaders(scope=message)
            for name, value in response_headers(sc).items():
                headers[name] = value
            # ``login`` may have set a fresh session cookie in this very response.
            if expire_cookie is not None:
                name = expire_cookie.split("=", 1)[0]
                sets_session = any(
                    value.startswith(f"{name}=") for value in headers.getlist("set-cookie")
                )
                if not sets_session:
                    headers.append("set-cookie", expire_cookie)
        await send(message)

    return sending


def _expired_session_cookie(name: str = SESSION_COOKIE, path: str = "/") -> str:
    """The Set-Cookie header that removes a session cookie (same attributes as when set)."""
    response = Response()
    response.delete_cookie(
        name,
        path=path,
        httponly=True,
        samesite="lax",
        secure=get_settings().secure_cookies,
    )
    return response.headers["set-cookie"]
