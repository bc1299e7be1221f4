"""Security headers on every HTTP response: CSP, nosniff, referrer policy, and HSTS over TLS.

The policy allows only the server's own origin, which is all the dashboard (a Vite
build: one module script and one stylesheet, no inline code) and the API need.
``'self'`` covers the dashboard's same-origin websocket too. Nobody may frame a page
(``frame-ancestors 'none'``): the dashboard has buttons worth clickjacking.

GraphiQL (bundled by the dashboard's build, served from this origin) is the exception
only for styles: its editor sets inline styles, so its page gets ``GRAPHIQL_POLICY``,
set by the view; a response that already carries a policy keeps it.

HSTS is only sent when the request itself came over https (``scope["scheme"]``; behind
a TLS proxy, uvicorn's proxy headers set it): over plain http it would be ignored, and
a development server on http://127.0.0.1 must never pin browsers to https.
"""

from __future__ import annotations

from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

_ALWAYS = (
    "frame-ancestors 'none'",
    "base-uri 'none'",
    "object-src 'none'",
    "form-action 'self'",
)
# Images: data: for the favicon; https: for an org's logo given by address (its portal
# shows it; an image runs no code, and an uploaded logo is served from 'self').
CONTENT_SECURITY_POLICY = "; ".join(("default-src 'self'", "img-src 'self' data: https:", *_ALWAYS))
HSTS = "max-age=31536000; includeSubDomains"
_HEADERS = (
    ("Content-Security-Policy", CONTENT_SECURITY_POLICY),
    ("X-Content-Type-Options", "nosniff"),
    # Same-origin requests keep the full URL (and so their Origin header, which the CSRF
    # check reads); other sites see only the origin, never a portal code in a path.
    ("Referrer-Policy", "strict-origin-when-cross-origin"),
)
GRAPHIQL_POLICY = "; ".join(
    (
        "default-src 'self'",
        # GraphiQL's editors set inline styles; styles can't run code.
        "style-src 'self' 'unsafe-inline'",
        "font-src 'self' data:",
        "img-src 'self' data:",
        *_ALWAYS,
    )
)


class SecurityHeadersMiddleware:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        over_tls = scope.get("scheme") == "https"

        async def sending(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in _HEADERS:
                    headers.setdefault(name, value)
                if over_tls:
                    headers.setdefault("Strict-Transport-Security", HSTS)
            await send(message)

        await self.app(scope, receive, sending)
