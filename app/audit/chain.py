"""Hashing of audit events: a keyed hash over each event's content and its link.

The hash is an HMAC with the server's secret key, so somebody who can write to
the database but does not hold the key can't forge a consistent chain. Checkpoints
(an org's newest seq and hash) are signed with a key derived from the same secret,
so a checkpoint can't be mistaken for, or made from, an event hash.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import uuid

from app.audit.models import AuditEvent
from app.core.clock import as_utc
from app.core.settings import get_settings

GENESIS_HASH = "0" * 64


def event_digest(event: AuditEvent, prev_hash: str) -> str:
    content = {
        "id": str(event.id),
        "org_id": str(event.org_id),
        "seq": event.seq,
        "action": event.action,
        "actor_kind": event.actor_kind,
        "actor_id": str(event.actor_id) if event.actor_id else None,
        "actor_label": event.actor_label,
        "target_type": event.target_type,
        "target_id": event.target_id,
        "details": event.details,
        "ip": event.ip,
        "user_agent": event.user_agent,
        "created_at": as_utc(event.created_at).isoformat(),
        "prev_hash": prev_hash,
    }
    payload = json.dumps(content, sort_keys=True, separators=(",", ":"), default=str)
    key = get_settings().resolved_secret_key().encode()
    return hmac.new(key, payload.encode(), hashlib.sha256).hexdigest()


def checkpoint_signature(org_id: uuid.UUID, seq: int, head_hash: str) -> str:
    """HMAC over an org's chain head: what ``audit verify`` checks the chain's end against."""
    content = {"org_id": str(org_id), "seq": seq, "head_hash": head_hash}
    payload = json.dumps(content, sort_keys=True, separators=(",", ":"))
    return hmac.new(_checkpoint_key(), payload.encode(), hashlib.sha256).hexdigest()


def checkpoint_signature_ok(org_id: uuid.UUID, seq: int, head_hash: str, signature: str) -> bool:
    return hmac.compare_digest(checkpoint_signature(org_id, seq, head_hash), signature)


def _checkpoint_key() -> bytes:
    secret_key = get_settings().resolved_secret_key().encode()
    return hmac.new(secret_key, b"quizgraph audit checkpoint v1", hashlib.sha256).digest()
