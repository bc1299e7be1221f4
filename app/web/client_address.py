"""The client's address, in one place: whom to believe, and where every reader looks.

Behind a proxy (nginx) every connection comes from the proxy, and the client's address
is in ``X-Forwarded-For``, a header anyone can write. uvicorn's
``ProxyHeadersMiddleware``, outermost in the app, rewrites ``scope["client"]`` (and
the scheme from ``X-Forwarded-Proto``) only when the peer is one of the trusted proxies
(``QUIZGRAPH_TRUSTED_PROXIES``), taking the right-most address in the header that is
not itself a trusted proxy: a client can prepend what it likes, never replace what the
proxy appended. Every reader (the login throttle, the audit log, the websocket
per-address cap, the metrics guard) then reads ``client_address(scope)`` and never a
header.
"""

from __future__ import annotations

import logging

from starlette.middleware import Middleware
from starlette.types import Scope
from uvicorn.middleware.proxy_headers import ProxyHeadersMiddleware

logger = logging.getLogger("quizgraph.web")


def client_address(scope: Scope) -> str | None:
    """The client's IP address (the peer's, or what a trusted proxy named); None when
    the server doesn't know it (a Unix socket, an in-process test without a client)."""
    client = scope.get("client")
    return str(client[0]) if client else None


def proxy_headers(trusted_proxies: list[str]) -> list[Middleware]:
    """uvicorn's X-Forwarded-For handling, trusting only these proxies (none: no
    middleware, the headers are ignored).

    ``quizgraph serve`` turns uvicorn's own (which trusts 127.0.0.1 by default) off,
    so this setting alone decides whose word names the client address, whatever
    server runs the app.
    """
    if not trusted_proxies:
        return []
    logger.info("client addresses from X-Forwarded-For of %s", ", ".join(trusted_proxies))
    return [Middleware(ProxyHeadersMiddleware, trusted_hosts=trusted_proxies)]
