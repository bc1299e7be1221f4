"""Session tokens: 256 random bits in the cookie, their SHA-256 in the database."""

from __future__ import annotations

import hashlib
import secrets

SESSION_COOKIE = "qg_session"


def new_session_token() -> str:
    return secrets.token_urlsafe(32)


def token_digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()
