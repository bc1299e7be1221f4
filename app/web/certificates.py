"""``GET /certificates/<code>`` and ``GET /certificates/<code>.pdf``: public verification.

No sign-in: the code (80 random bits, ``app.certificates.codes``) is the credential, so
anyone holding a printed certificate can check it. The page is server-rendered HTML
with one inline style block (allowed by its hash in the response's own
Content-Security-Policy; no script, nothing from another origin); ``Accept:
application/json`` (without text/html) gets the same facts as JSON.

- a valid certificate: 200, the holder's display name, what was achieved, the org and
  the date, and a link to the PDF;
- a revoked one: 410 Gone, saying it was revoked and when (and why, when staff made
  the reason public); its PDF is 410 too;
- an unknown code: 404, saying plainly that no certificate has it.

The PDF (reportlab, ``app.certificates.pdf``) is drawn in a worker thread. Nothing here
writes: the request's session only reads, and is closed with the response.
"""

from __future__ import annotations

import base64
import hashlib
import html
import re
from datetime import datetime
from typing import Any

import anyio.to_thread
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.routing import Route

from app.access.actor import ANONYMOUS
from app.access.request import RequestMeta, ServiceContext
from app.certificates import links, service
from app.certificates.codes import shown
from app.certificates.pdf import DEFAULT_COLOR, PrintedCertificate, render
from app.certificates.wording import achievement, day
from app.core.clock import as_utc
from app.core.db import session_factory

PAGE_PATH = links.PREFIX + "{code}"
PDF_PATH = links.PREFIX + "{code}" + links.PDF_SUFFIX
_HEX_COLOR = re.compile(r"#[0-9a-fA-F]{6}")
_SHOWN_TYPED = 64  # an unknown code is echoed back at most this long


def routes() -> list[Route]:
    # The PDF's route first: ``{code}`` alone would match "<code>.pdf" too.
    return [
        Route(PDF_PATH, certificate_pdf, methods=["GET", "HEAD"]),
        Route(PAGE_PATH, certificate_page, methods=["GET", "HEAD"]),
    ]


async def certificate_page(request: Request) -> Response:
    typed = request.path_params["code"]
    found = await _verify(request, typed)
    wants_json = _wants_json(request)
    if found is None:
        if wants_json:
            return JSONResponse(
                {"status": "UNKNOWN", "valid": False, "code": typed[:_SHOWN_TYPED]},
                status_code=404,
            )
        return _page(_unknown_body(typed), DEFAULT_COLOR, "Unknown certificate", 404)
    facts = _facts(found, _origin(request))
    status = 200 if facts["valid"] else 410
    if wants_json:
        return JSONResponse(facts, status_code=status)
    title = "Certificate verified" if facts["valid"] else "Certificate revoked"
    return _page(_certificate_body(facts), _brand(found), title, status)


async def certificate_pdf(request: Request) -> Response:
    found = await _verify(request, request.path_params["code"])
    if found is None:
        return _page(_unknown_body(request.path_params["code"]), DEFAULT_COLOR, "Unknown", 404)
    certificate = found.certificate
    facts = _facts(found, _origin(request))
    if not facts["valid"]:
        return _page(_certificate_body(facts), _brand(found), "Certificate revoked", 410)
    printed = PrintedCertificate(
        org_name=found.org.name,
        primary_color=_brand(found),
        holder_name=certificate.holder_name,
        achievement=facts["achievement"],
        issued_on=day(certificate.issued_at),
        code=facts["code"],
        verification_url=facts["verificationUrl"],
        logo=await _logo(request, found),
    )
    body = await anyio.to_thread.run_sync(render, printed)
    filename = f"certificate-{facts['code']}.pdf"
    return Response(
        body,
        media_type="application/pdf",
        headers={"Content-Disposition": f'inline; filename="{filename}"'},
    )


async def _verify(request: Request, typed: str) -> service.Verification | None:
    meta = RequestMeta(request_id=request.scope.get("state", {}).get("request_id", "-"))
    async with session_factory()() as db:
        sc = ServiceContext(db=db, actor=ANONYMOUS, meta=meta)
        return await service.verify(sc, typed)


async def _logo(request: Request, found: service.Verification) -> bytes | None:
    meta = RequestMeta(request_id=request.scope.get("state", {}).get("request_id", "-"))
    async with session_factory()() as db:
        sc = ServiceContext(db=db, actor=ANONYMOUS, meta=meta)
        return await service.printed_logo(sc, found.org)


def _origin(request: Request) -> str:
    return str(request.base_url).rstrip("/")


def _wants_json(request: Request) -> bool:
    accept = request.headers.get("accept", "").lower()
    return "application/json" in accept and "text/html" not in accept


def _brand(found: service.Verification) -> str:
    color = found.org.primary_color
    return color if color and _HEX_COLOR.fullmatch(color) else DEFAULT_COLOR


def _facts(found: service.Verification, origin: str) -> dict[str, Any]:
    """What the page, the JSON and the PDF say about a found certificate."""
    certificate, org = found.certificate, found.org
    revoked = certificate.revoked_at is not None
    path = links.verification_path(certificate.code)
    return {
        "status": "REVOKED" if revoked else "VALID",
        "valid": not revoked,
        "code": shown(certificate.code),
        "kind": certificate.kind.value,
        "holderName": certificate.holder_name,
        "title": certificate.title,
        "achievement": achievement(certificate),
        "score": certificate.score,
        "maxScore": certificate.max_score,
        "percentage": certificate.percentage,
        "rank": certificate.rank,
        "issuedAt": _rfc3339(certificate.issued_at),
        "organization": {"slug": org.slug, "name": org.name},
        "verificationUrl": links.absolute(path, origin) or path,
        "pdfUrl": links.absolute(links.pdf_path(certificate.code), origin),
        "revokedAt": _rfc3339(certificate.revoked_at) if certificate.revoked_at else None,
        "revocationReason": (
            certificate.revocation_reason if certificate.revocation_reason_public else None
        ),
    }


def _rfc3339(moment: datetime) -> str:
    return str(as_utc(moment).isoformat().replace("+00:00", "Z"))


def _certificate_body(facts: dict[str, Any]) -> str:
    e = html.escape
    org = e(facts["organization"]["name"])
    holder, what = e(facts["holderName"]), e(facts["achievement"])
    issued = e(_day_of(facts["issuedAt"]))
    details = (
        f'<p class="holder">{holder}</p><p>{what}</p>'
        f"<p>Issued by <strong>{org}</strong> on {issued}.</p>"
        f'<p class="code">Certificate code <code>{e(facts["code"])}</code></p>'
    )
    if facts["valid"]:
        return (
            '<p class="status valid">✓ This certificate is valid.</p>'
            + details
            + f'<p><a href="{e(facts["pdfUrl"] or "")}">Download the certificate (PDF)</a></p>'
        )
    reason = facts["revocationReason"]
    because = f" Reason: {e(reason)}" if reason else ""
    return (
        '<p class="status revoked">✗ This certificate was revoked on '
        f"{e(_day_of(facts['revokedAt']))} and is no longer valid.{because}</p>"
        "<p>It had been issued as follows:</p>" + details
    )


def _day_of(rfc3339: str) -> str:
    return day(datetime.fromisoformat(rfc3339.replace("Z", "+00:00")))


def _unknown_body(typed: str) -> str:
    code = html.escape(typed[:_SHOWN_TYPED])
    return (
        '<p class="status unknown">✗ Unknown certificate code.</p>'
        f"<p>No certificate has the code <code>{code}</code>. Check the code on the "
        "certificate and try again; codes have 16 letters and digits in groups of four.</p>"
    )


def _page(body: str, color: str, title: str, status: int) -> HTMLResponse:
    style = (
        "body{font-family:system-ui,sans-serif;margin:0;background:#f3f4f6;color:#111827}"
        f"header{{background:{color};color:#fff;padding:1rem 1.5rem;font-size:1.25rem}}"
        "main{max-width:40rem;margin:2rem auto;background:#fff;padding:1.5rem 2rem;"
        "border-radius:.5rem;box-shadow:0 1px 3px rgba(0,0,0,.1)}"
        ".holder{font-size:1.75rem;font-weight:700;margin:.5rem 0}"
        ".status{font-weight:700;font-size:1.1rem}.valid{color:#047857}"
        ".revoked,.unknown{color:#b91c1c}code{font-size:1.05rem}"
        f"a{{color:{color}}}"
    )
    digest = base64.b64encode(hashlib.sha256(style.encode()).digest()).decode()
    page = (
        '<!doctype html><html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{html.escape(title)} · quizgraph</title><style>{style}</style></head>"
        f"<body><header>{html.escape(title)}</header><main>{body}</main></body></html>"
    )
    policy = (
        f"default-src 'none'; style-src 'sha256-{digest}'; img-src 'self' data:; "
        "frame-ancestors 'none'; base-uri 'none'; form-action 'none'"
    )
    return HTMLResponse(
        page,
        status_code=status,
        headers={"Content-Security-Policy": policy, "Cache-Control": "no-cache"},
    )
