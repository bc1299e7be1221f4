"""Persisted queries: a document named by its SHA-256 instead of sent in full.

Apollo's automatic persisted queries (APQ) convention: a request carries
``extensions.persistedQuery = {"version": 1, "sha256Hash": "<64 hex>"}``.

- Hash only: the registered document runs; an unknown hash is answered
  PERSISTED_QUERY_NOT_FOUND (message ``PersistedQueryNotFound``, as Apollo's clients
  match it), and the client sends the document once with its hash.
- Document and hash: the hash must be the document's SHA-256 (else BAD_USER_INPUT);
  a document that parses and validates against the schema is then registered, and runs.

The mode (``QUIZGRAPH_PERSISTED_QUERIES``) decides what runs:

- ``apq`` (default): the above; documents without a hash run as always.
- ``trusted``: only documents registered ahead of time (``trusted`` rows: a manifest
  registered by ``quizgraph persisted-queries register`` or at start-up) run, by hash
  or in full; anything else is PERSISTED_QUERY_NOT_IN_LIST, and nothing is registered
  automatically. Platform staff (admins and platform keys) are exempt, so operators
  keep GraphiQL and scripts.
- ``off``: no automatic registration; an unknown hash is PERSISTED_QUERY_NOT_SUPPORTED
  (Apollo's signal to stop sending hashes); hashes of documents registered ahead of
  time still resolve, because the dashboard sends nothing else.

Documents live in the database (``models``), so every process sees a registration at
once; each process keeps the texts it has looked up in a bounded in-process map, so a
persisted read costs a dictionary lookup and its text then hits the parse, validation
and compiled-plan caches like any repeated document. Nothing negative is cached: a hash
registered by another process is found on the next request.
"""

from __future__ import annotations

import hashlib
import logging
import re
import uuid
from collections import OrderedDict
from collections.abc import Callable, Mapping
from typing import Literal

from graphql import GraphQLError, GraphQLSchema, parse, validate

from app.access.actor import Actor
from app.core.db import unit_of_work
from app.core.errors import (
    BadUserInput,
    PersistedQueryNotFound,
    PersistedQueryNotInList,
    PersistedQueryNotSupported,
)
from app.core.settings import get_settings
from app.persisted_queries import repository

__all__ = [
    "EXTENSION_FIELD",
    "Mode",
    "document_for",
    "forget_remembered",
    "known_text",
    "lookup",
    "register_trusted",
    "remembered",
    "requested_hash",
    "sha256_of",
    "validator",
]

logger = logging.getLogger("quizgraph.persisted_queries")

Mode = Literal["off", "apq", "trusted"]
EXTENSION_FIELD = "extensions.persistedQuery"
VERSION = 1
_HASH = re.compile(r"[0-9a-f]{64}")
# Texts remembered per process (hash -> text, trusted); the parse cache holds 512.
MAX_REMEMBERED = 1024

Validator = Callable[[str], bool]


def sha256_of(document: str) -> str:
    return hashlib.sha256(document.encode()).hexdigest()


def requested_hash(extensions: object) -> str | None:
    """The hash a request names in ``extensions.persistedQuery``, or None when it names
    none; BAD_USER_INPUT when the extension is malformed."""
    if not isinstance(extensions, Mapping):
        return None
    persisted = extensions.get("persistedQuery")
    if persisted is None:
        return None
    if not isinstance(persisted, Mapping):
        raise BadUserInput({EXTENSION_FIELD: "must be an object {version: 1, sha256Hash}"})
    if persisted.get("version") != VERSION:
        raise BadUserInput({f"{EXTENSION_FIELD}.version": "only version 1 is supported"})
    wanted = persisted.get("sha256Hash")
    if not isinstance(wanted, str) or not _HASH.fullmatch(wanted.lower()):
        raise BadUserInput(
            {f"{EXTENSION_FIELD}.sha256Hash": "must be a SHA-256 hash, 64 hexadecimal digits"}
        )
    return wanted.lower()


async def document_for(
    query: str | None, extensions: object, actor: Actor, *, valid: Validator
) -> str | None:
    """The document a request runs (None: it sent none, which the caller answers), or
    the refusal the mode gives it. ``valid`` says whether a document may be registered."""
    mode: Mode = get_settings().persisted_queries
    wanted = requested_hash(extensions)
    exempt = actor.is_platform
    if wanted is None:
        if query is not None and mode == "trusted" and not exempt:
            await _require_trusted(sha256_of(query))
        return query
    if not query:  # graphql-ws clients send "" for a hash-only operation
        return await _by_hash(wanted, mode, exempt)
    if sha256_of(query) != wanted:
        raise BadUserInput(
            {f"{EXTENSION_FIELD}.sha256Hash": "is not the SHA-256 of the query"},
            "The persisted query's sha256Hash is not the SHA-256 of the query sent with it.",
        )
    if mode == "trusted" and not exempt:
        await _require_trusted(wanted)
    elif mode == "apq" and await lookup(wanted, trusted_only=False) is None and valid(query):
        await _register_automatic(wanted, query, actor.org_id)
    return query


async def _require_trusted(sha256: str) -> None:
    if await lookup(sha256, trusted_only=True) is None:
        raise PersistedQueryNotInList()


async def _by_hash(wanted: str, mode: Mode, exempt: bool) -> str:
    found = await lookup(wanted, trusted_only=mode != "apq" and not exempt)
    if found is not None:
        return found
    if mode == "apq" or (mode == "trusted" and exempt):
        raise PersistedQueryNotFound()
    if mode == "off":
        raise PersistedQueryNotSupported()
    raise PersistedQueryNotInList()


# --- the registry: the database, and what this process remembers of it ---------------

_remembered: OrderedDict[str, tuple[str, bool]] = OrderedDict()


def remembered(sha256: str, *, trusted_only: bool) -> str | None:
    """The text of a hash this process has looked up before (no I/O), or None."""
    found = _remembered.get(sha256)
    if found is None or (trusted_only and not found[1]):
        return None
    _remembered.move_to_end(sha256)
    return found[0]


def _remember(sha256: str, document: str, trusted: bool) -> None:
    _remembered[sha256] = (document, trusted)
    _remembered.move_to_end(sha256)
    while len(_remembered) > MAX_REMEMBERED:
        _remembered.popitem(last=False)


def forget_remembered() -> None:
    """Empty this process's map (a test playing a second process)."""
    _remembered.clear()


def known_text(extensions: object) -> str | None:
    """For the door's cost check: the text a hash-only request will run, when this
    process already knows it and the mode lets it run; never raises, never waits."""
    try:
        wanted = requested_hash(extensions)
    except BadUserInput:
        return None
    if wanted is None:
        return None
    return remembered(wanted, trusted_only=get_settings().persisted_queries != "apq")


async def lookup(sha256: str, *, trusted_only: bool) -> str | None:
    """The registered text of a hash (``trusted_only``: registered ahead of time)."""
    found = remembered(sha256, trusted_only=trusted_only)
    if found is not None:
        return found
    async with unit_of_work(write=False) as db:
        row = await repository.find(db, sha256, trusted_only=trusted_only)
    if row is None:
        return None
    _remember(row.sha256, row.document, row.trusted)
    return row.document


async def _register_automatic(sha256: str, document: str, org_id: uuid.UUID | None) -> None:
    """Register a document a client sent with its hash, within its registrant's cap
    (the oldest of theirs go first). A failure is logged: the request still runs."""
    cap = get_settings().persisted_queries_per_org
    if cap <= 0:
        return
    try:
        async with unit_of_work() as db:
            count = await repository.automatic_count(db, org_id)
            if count >= cap:
                await repository.evict_oldest(db, org_id, count - cap + 1)
            await repository.add_automatic(db, sha256, document, org_id)
    except Exception:
        logger.warning("registering persisted query %s failed", sha256, exc_info=True)
        return
    _remember(sha256, document, False)


def validator(schema: GraphQLSchema) -> Validator:
    """Whether a document parses (within the token cap) and validates against ``schema``:
    only such documents are registered automatically."""

    def valid(document: str) -> bool:
        try:
            parsed = parse(document, max_tokens=get_settings().max_tokens)
            return not validate(schema, parsed)
        except (GraphQLError, RecursionError):
            return False

    return valid


async def register_trusted(documents: Mapping[str, str]) -> int:
    """Register documents (hash -> text, checked by ``manifest.read``) ahead of time, as
    trusted; returns how many the registry now trusts in all."""
    async with unit_of_work() as db:
        await repository.add_trusted(db, documents)
        total = await repository.trusted_count(db)
    for sha256, document in documents.items():
        _remember(sha256, document, True)
    return total
