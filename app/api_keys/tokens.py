"""Key secrets: ``iq_live_`` + 40 lowercase hex (160 random bits), stored as HMAC-SHA-256.

The secret carries 160 bits of entropy, so a fast keyed hash is as safe as a slow
password hash and costs about a microsecond instead of tens of milliseconds. The
pepper is derived from the server's secret key, so a leaked database alone can't
be used to test candidate keys offline.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets

from app.core.errors import InvalidApiKey
from app.core.settings import Settings, get_settings

KEY_PREFIX = "iq_live_"
RANDOM_BYTES = 20
SECRET_LENGTH = len(KEY_PREFIX) + 2 * RANDOM_BYTES
DISPLAY_LENGTH = 16
_SECRET_RE = re.compile(r"iq_live_[0-9a-f]{40}")

MALFORMED_MESSAGE = (
    "Send the key as 'Authorization: Bearer iq_live_' followed by 40 lowercase hex characters."
)

_pepper_cache: tuple[Settings, bytes] | None = None


def new_secret() -> str:
    return KEY_PREFIX + secrets.token_hex(RANDOM_BYTES)


def display_prefix(secret: str) -> str:
    """What lists and the audit log show: ``iq_live_`` and the first 8 hex characters."""
    return secret[:DISPLAY_LENGTH]


def secret_digest(secret: str) -> str:
    return hmac.new(_pepper(), secret.encode(), hashlib.sha256).hexdigest()


def digests_match(stored: str, computed: str) -> bool:
    return hmac.compare_digest(stored.encode(), computed.encode())


def parse_authorization(value: str) -> str:
    """The secret inside an ``Authorization`` value, or INVALID_API_KEY when malformed."""
    if len(value) > SECRET_LENGTH + 32:
        raise InvalidApiKey(MALFORMED_MESSAGE)
    scheme, _, credential = value.strip().partition(" ")
    credential = credential.strip()
    if scheme.lower() != "bearer" or not _SECRET_RE.fullmatch(credential):
        raise InvalidApiKey(MALFORMED_MESSAGE)
    return credential


def _pepper() -> bytes:
    global _pepper_cache
    settings = get_settings()
    if _pepper_cache is None or _pepper_cache[0] is not settings:
        secret_key = settings.resolved_secret_key().encode()
        pepper = hmac.new(secret_key, b"quizgraph api key pepper v1", hashlib.sha256).digest()
        _pepper_cache = (settings, pepper)
    return _pepper_cache[1]
