"""Endpoint secrets and signatures, as Standard Webhooks define them.

A secret is ``whsec_`` + base64 of 32 random bytes, shown once (creation, rotation).
It is stored encrypted with Fernet under a key derived (HKDF-SHA-256) from the
server's secret key, so a database dump alone lets nobody sign. Signatures come from
the ``standardwebhooks`` library: ``v1,<base64 HMAC-SHA-256 of "id.timestamp.body">``,
one per live secret, space-separated (the old secret's during a rotation's grace).
"""

from __future__ import annotations

import base64
import secrets
from datetime import datetime
from functools import lru_cache

from cryptography.fernet import Fernet
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from standardwebhooks.webhooks import Webhook

from app.core.settings import get_settings

SECRET_PREFIX = "whsec_"
SECRET_BYTES = 32


def new_secret() -> str:
    return SECRET_PREFIX + base64.b64encode(secrets.token_bytes(SECRET_BYTES)).decode()


@lru_cache(maxsize=4)
def _fernet(server_secret: str) -> Fernet:
    derived = HKDF(
        algorithm=hashes.SHA256(), length=32, salt=None, info=b"quizgraph webhook secrets"
    ).derive(server_secret.encode())
    return Fernet(base64.urlsafe_b64encode(derived))


def _box() -> Fernet:
    return _fernet(get_settings().resolved_secret_key())


def seal(secret: str) -> str:
    return _box().encrypt(secret.encode()).decode()


def unseal(sealed: str) -> str:
    return _box().decrypt(sealed.encode()).decode()


def signature_header(secrets_: list[str], msg_id: str, timestamp: datetime, body: str) -> str:
    """``webhook-signature``: one ``v1,…`` per secret, space-separated."""
    return " ".join(Webhook(secret).sign(msg_id, timestamp, body) for secret in secrets_)


def headers(secrets_: list[str], msg_id: str, timestamp: datetime, body: str) -> dict[str, str]:
    return {
        "content-type": "application/json",
        "user-agent": "quizgraph-webhooks/1",
        "webhook-id": msg_id,
        "webhook-timestamp": str(int(timestamp.timestamp())),
        "webhook-signature": signature_header(secrets_, msg_id, timestamp, body),
    }
