"""Verified credentials kept per process, so the door of a request whose credential
hasn't changed costs no query, no transaction and no ORM object.

An entry maps the digest of a secret (an API key's HMAC, a session token's SHA-256)
to what the door built from the database: the actor, detached copies of the rows it
read (offered to each request's session, so ``viewer { organization }`` needs no SQL
either), the times after which it must look again (a key's expiry or scheduled
revocation, a session's absolute and idle expiry), and the *token* of the
credential scope (``app.core.credential_generations``) read before those rows were.

An entry is used only while its scope's token is unchanged, and every change to a
credential changes it (``app.core.db`` notes the changed rows and bumps at commit),
so a revoked, disabled or expired key, a demoted, disabled or removed member, a
disabled org or a switched-off API access is refused on the next request, in every
process. The token is read on every request (with Redis: in the same round trip
that spends a key's rate limit); an entry whose token is stale, or whose times have
passed, is rebuilt from the database, and one whose credential no longer passes
is dropped.

The domains own their entries (``app.api_keys.door``, ``app.auth.service``); this
module only keeps them, bounded.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from app.access.actor import Actor
from app.core.db import OfferedRows, detached_copy, offerable

MAX_ENTRIES = 10_000


@dataclass(slots=True)
class CachedCredential:
    """What every entry holds; the domains add their own times."""

    actor: Actor
    scope: str
    # The scope's token read before ``rows`` were; None when the rows came first (a
    # credential seen for the first time: its scope was unknown), so the next
    # request reads them again after the token.
    token: str | None
    # Detached copies of the rows, offered to each request's session (``offer_rows``).
    rows: OfferedRows


Entry = TypeVar("Entry", bound=CachedCredential)


class CredentialCache(Generic[Entry]):
    """Digest → entry, at most ``max_entries`` (the oldest goes first)."""

    def __init__(self, max_entries: int = MAX_ENTRIES) -> None:
        self.max_entries = max_entries
        self._entries: dict[str, Entry] = {}
        _caches.append(self)

    def get(self, digest: str) -> Entry | None:
        return self._entries.get(digest)

    def put(self, digest: str, entry: Entry) -> None:
        self._entries.pop(digest, None)
        while len(self._entries) >= self.max_entries:
            del self._entries[next(iter(self._entries))]
        self._entries[digest] = entry

    def drop(self, digest: str) -> None:
        self._entries.pop(digest, None)

    def clear(self) -> None:
        self._entries.clear()

    def __len__(self) -> int:
        return len(self._entries)


_caches: list[CredentialCache[Any]] = []


def clear_all() -> None:
    """Forget every verified credential of the process."""
    for cache in _caches:
        cache.clear()


def snapshot(*rows: object | None) -> OfferedRows:
    """Detached copies of the rows an entry is built from (None left out), to offer."""
    return offerable(detached_copy(row) for row in rows if row is not None)
