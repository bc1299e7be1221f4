"""The platform admins' second factor: TOTP (RFC 6238) through ``pyotp``.

Secrets are 160 random bits (pyotp's base32 of 32 characters), shown once at enrolment
as an ``otpauth://`` URI, a QR code (an SVG drawn here by ``segno``: no third party sees
the secret) and the base32 text, and stored sealed with Fernet under a key derived
(HKDF-SHA-256) from the server's secret key, so a database dump alone computes no code.

A code is accepted for the current 30-second step or one step either side (clock
drift), and only for a step newer than the last one accepted: a code seen once (over a
shoulder, in a proxy log) can't be replayed within its window.
"""

from __future__ import annotations

import base64
from datetime import datetime
from functools import lru_cache

import pyotp
import segno
from cryptography.fernet import Fernet, InvalidToken
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from pyotp.utils import strings_equal

from app.core.settings import get_settings

ISSUER = "quizgraph"
# Steps either side of now a code may belong to (30 s each): phones' clocks drift.
VALID_WINDOW = 1
CODE_LENGTH = 6


def new_secret() -> str:
    return pyotp.random_base32()


def provisioning_uri(secret: str, username: str) -> str:
    """``otpauth://totp/quizgraph:<username>?secret=…&issuer=quizgraph``."""
    return pyotp.TOTP(secret).provisioning_uri(name=username, issuer_name=ISSUER)


def qr_code_svg(uri: str) -> str:
    """The URI as a QR code, an inline ``<svg>`` element (no XML declaration)."""
    return str(segno.make(uri, error="m").svg_inline(scale=4, border=2, title="TOTP QR code"))


def accepted_step(secret: str, code: str, now: datetime) -> int | None:
    """The time step ``code`` is right for at ``now`` (within the window), else None."""
    cleaned = code.strip().replace(" ", "")
    if len(cleaned) != CODE_LENGTH or not cleaned.isdigit():
        return None
    totp = pyotp.TOTP(secret)
    current = totp.timecode(now)
    for step in range(current - VALID_WINDOW, current + VALID_WINDOW + 1):
        if strings_equal(cleaned, totp.generate_otp(step)):
            return step
    return None


def code_at(secret: str, when: datetime) -> str:
    """The code for ``when`` (tests and the operator's own checks)."""
    return pyotp.TOTP(secret).at(when)


@lru_cache(maxsize=4)
def _fernet(server_secret: str) -> Fernet:
    derived = HKDF(
        algorithm=hashes.SHA256(), length=32, salt=None, info=b"quizgraph platform totp secrets"
    ).derive(server_secret.encode())
    return Fernet(base64.urlsafe_b64encode(derived))


def seal(secret: str) -> str:
    return _fernet(get_settings().resolved_secret_key()).encrypt(secret.encode()).decode()


def unseal(sealed: str) -> str | None:
    """The secret, or None when it was sealed under another server key (the key was
    changed: the admin enrols again)."""
    try:
        return _fernet(get_settings().resolved_secret_key()).decrypt(sealed.encode()).decode()
    except InvalidToken:
        return None
