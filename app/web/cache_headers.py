"""Cache headers for GraphQL answers to GET (persisted queries' caching proxies).

A GET runs a query only (never a mutation), so its answer may be kept, by whom the
credential allows:

- with a credential (an ``Authorization`` header or a session cookie): ``private``,
  so only the caller's own cache keeps it;
- without: ``public``: the answer is an org's public info, the same for everyone.

Both say ``no-cache`` (keep, but ask again before each use) because nothing tells a
cache when the data changed; the ``ETag`` (a hash of the body) makes asking again
cheap: an unchanged answer is a bodyless 304. ``Vary`` names what the answer depends
on besides the URL. An answer with errors (a refusal, PERSISTED_QUERY_NOT_FOUND, a
problem) is ``no-store``: a proxy that kept one would answer it to the next client.
"""

from __future__ import annotations

import hashlib

from starlette.datastructures import Headers
from starlette.responses import Response
from starlette.types import Scope
from strawberry.types import ExecutionResult

from app.auth.tokens import SESSION_COOKIE

OUTCOME = "graphql_ok"  # in the scope's state: the GET's result had no errors
VARY = "Accept, Authorization, Cookie"


def mark_outcome(scope: Scope, result: ExecutionResult) -> None:
    scope.setdefault("state", {})[OUTCOME] = not result.errors


def cache_headers(scope: Scope, response: Response) -> Response:
    """``response`` to a GET with the headers above, or a 304 when the client holds it."""
    if response.headers.get("content-type", "").startswith("text/html"):
        return response  # GraphiQL's page, which says no-cache itself
    body = getattr(response, "body", None)
    ok = scope.get("state", {}).get(OUTCOME) is True
    if response.status_code != 200 or not ok or not isinstance(body, bytes):
        response.headers["Cache-Control"] = "no-store"
        return response
    request_headers = Headers(scope=scope)
    private = bool(request_headers.get("authorization")) or _has_session_cookie(request_headers)
    etag = f'W/"{hashlib.sha256(body).hexdigest()[:32]}"'
    headers = {
        "Cache-Control": f"{'private' if private else 'public'}, no-cache",
        "Vary": VARY,
        "ETag": etag,
    }
    if etag in _etags(request_headers.get("if-none-match", "")):
        return Response(status_code=304, headers=headers)
    response.headers.update(headers)
    return response


def _has_session_cookie(headers: Headers) -> bool:
    return any(f"{SESSION_COOKIE}=" in value for value in headers.getlist("cookie"))


def _etags(header: str) -> set[str]:
    """The tags of an If-None-Match header; a strong tag matches its weak form too
    (weak comparison, RFC 9110 section 13.1.2)."""
    tags = {tag.strip() for tag in header.split(",") if tag.strip()}
    return tags | {f"W/{tag}" for tag in tags if not tag.startswith("W/")}
