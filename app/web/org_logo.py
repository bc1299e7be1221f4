"""``GET /orgs/<slug>/logo``: an org's uploaded logo, for anyone (the portal's login page
shows it before sign-in), so no credentials are read.

The dashboard links the versioned address (``?v=`` and the start of the image's
SHA-256, from ``Organization.branding.logoUrl``): a new upload gets a new address, so
that one may be cached for good; an address without the current version is cached
briefly. A disabled org's logo, or none, is 404 (as problem details, like the API's).
The image is served with its own sniffed type, never as a page (``sandbox`` policy).
"""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response

from app.access.actor import ANONYMOUS
from app.access.request import RequestMeta, ServiceContext
from app.core.db import unit_of_work
from app.orgs import branding
from app.web.problems import problem_response

PATH = "/orgs/{slug}/logo"
_FOR_GOOD = "public, max-age=31536000, immutable"
_BRIEFLY = "public, max-age=300"
_IMAGE_POLICY = "default-src 'none'; sandbox"


async def org_logo(request: Request) -> Response:
    async with unit_of_work(write=False) as db:
        sc = ServiceContext(db, ANONYMOUS, RequestMeta(request.scope["state"]["request_id"]))
        logo = await branding.public_logo(sc, request.path_params["slug"])
    if logo is None:
        return problem_response("NOT_FOUND", "This organization has no uploaded logo.", status=404)
    etag = f'"{logo.digest}"'
    current = request.query_params.get("v") == logo.digest[: branding.VERSION_LENGTH]
    headers = {
        "ETag": etag,
        "Cache-Control": _FOR_GOOD if current else _BRIEFLY,
        "Content-Security-Policy": _IMAGE_POLICY,
    }
    if request.headers.get("if-none-match") == etag:
        return Response(status_code=304, headers=headers)
    return Response(logo.data, media_type=logo.content_type, headers=headers)
