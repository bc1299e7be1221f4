"""Platform sessions' cookie and the short-lived ticket between the two sign-in steps.

The session cookie is ``qg_platform_session`` with ``Path=/platform``: a browser sends
it to the console's pages and its endpoint (``/platform/graphql``) only, never to
``/graphql``, so an org session and a staff session in one browser never mix. Its
token is 256 random bits; the database keeps its SHA-256.

Between "password right" and "code right" the client holds a *sign-in ticket*: the
admin's id and an expiry, signed (HMAC-SHA-256 under a key derived from the server's
secret key). It proves the password step passed, for a few minutes, and nothing else:
it is no session, and the code it waits for is throttled per admin.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
import uuid
from datetime import datetime, timedelta

from app.core.settings import get_settings

PLATFORM_SESSION_COOKIE = "qg_platform_session"
PLATFORM_COOKIE_PATH = "/platform"
TICKET_LIFETIME = timedelta(minutes=5)
_TICKET_PURPOSE = b"quizgraph platform sign-in ticket"


def new_session_token() -> str:
    return secrets.token_urlsafe(32)


def token_digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _ticket_key() -> bytes:
    return hmac.new(
        get_settings().resolved_secret_key().encode(), _TICKET_PURPOSE, hashlib.sha256
    ).digest()


def _sign(payload: str) -> str:
    digest = hmac.new(_ticket_key(), payload.encode(), hashlib.sha256).digest()
    return base64.urlsafe_b64encode(digest).decode().rstrip("=")


def issue_ticket(admin_id: uuid.UUID, now: datetime) -> str:
    payload = f"{admin_id.hex}.{int((now + TICKET_LIFETIME).timestamp())}"
    return f"{payload}.{_sign(payload)}"


def read_ticket(ticket: str, now: datetime) -> uuid.UUID | None:
    """The admin a ticket was issued to, or None when it is forged, malformed or expired."""
    parts = ticket.strip().split(".")
    if len(parts) != 3 or len(ticket) > 200:
        return None
    admin_hex, expires, signature = parts
    if not hmac.compare_digest(signature, _sign(f"{admin_hex}.{expires}")):
        return None
    try:
        admin_id = uuid.UUID(hex=admin_hex)
        expired = int(expires) <= now.timestamp()
    except ValueError:
        return None
    return None if expired else admin_id
