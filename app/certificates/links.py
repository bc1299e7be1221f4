"""Where a certificate is verified and downloaded: paths, and absolute addresses.

The paths are the server's own (``app.web.certificates``). An absolute address needs the
server's public origin: the setting ``QUIZGRAPH_PUBLIC_URL`` when set (behind a proxy the
request's own Host is the client's to write, so printed links should not trust it), else
the origin the request came to (development, tests), else none (an event raised outside
a request has no origin to guess).
"""

from __future__ import annotations

from app.certificates.codes import shown
from app.core.settings import get_settings

PREFIX = "/certificates/"
PDF_SUFFIX = ".pdf"


def verification_path(code: str) -> str:
    return f"{PREFIX}{shown(code)}"


def pdf_path(code: str) -> str:
    return f"{verification_path(code)}{PDF_SUFFIX}"


def public_origin(request_origin: str | None = None) -> str | None:
    """The origin printed links start with (no trailing slash), or None."""
    configured = get_settings().public_url
    origin = configured or request_origin
    return origin.rstrip("/") if origin else None


def absolute(path: str, request_origin: str | None = None) -> str | None:
    origin = public_origin(request_origin)
    return f"{origin}{path}" if origin else None
