"""RFC 9457 problem details that GraphQL clients can read too (an ``errors`` member)."""

from __future__ import annotations

from starlette.responses import Response

from app.core.errors import AppError
from app.core.json import dumps
from app.graphql.errors import internal_error

PROBLEM_BASE = "https://quizgraph.dev/problems/"

_STATUS_AND_TITLE: dict[str, tuple[int, str]] = {
    "INVALID_API_KEY": (401, "Unauthorized"),
    "UNAUTHENTICATED": (401, "Unauthorized"),
    "USER_DISABLED": (403, "Forbidden"),
    "ORG_DISABLED": (403, "Forbidden"),
    "API_ACCESS_DISABLED": (403, "Forbidden"),
    "FORBIDDEN": (403, "Forbidden"),
    "RATE_LIMITED": (429, "Too Many Requests"),
    "BAD_USER_INPUT": (400, "Bad Request"),
    "PAYLOAD_TOO_LARGE": (413, "Content Too Large"),
    "INTERNAL": (500, "Internal Server Error"),
}


def problem_response(
    code: str,
    detail: str,
    *,
    status: int | None = None,
    headers: dict[str, str] | None = None,
    extensions: dict[str, object] | None = None,
) -> Response:
    default_status, title = _STATUS_AND_TITLE.get(code, (400, "Bad Request"))
    body = {
        "type": PROBLEM_BASE + code.lower().replace("_", "-"),
        "title": title,
        "status": status or default_status,
        "detail": detail,
        "code": code,
        "errors": [{"message": detail, "extensions": {"code": code, **(extensions or {})}}],
    }
    return Response(
        dumps(body),
        status_code=status or default_status,
        media_type="application/problem+json",
        headers=headers,
    )


def problem_for(error: AppError, headers: dict[str, str] | None = None) -> Response:
    extra = dict(headers or {})
    retry_after = getattr(error, "retry_after_seconds", None)
    if retry_after is not None:
        extra["Retry-After"] = str(retry_after)
    if error.code == "INVALID_API_KEY":
        extra["WWW-Authenticate"] = 'Bearer error="invalid_token"'
    return problem_response(error.code, error.message, headers=extra, extensions=error.extensions)


def internal_problem(request_id: str) -> Response:
    """500 with the masked message and the request id; the caller logs the traceback."""
    message, extensions = internal_error(request_id)
    return problem_response("INTERNAL", message, status=500, extensions=extensions)
