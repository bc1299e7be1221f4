"""Manifests of documents registered ahead of time (trusted documents).

Two formats are read, both mapping a SHA-256 hash to a document's text:

- GraphQL Codegen's client preset with ``persistedDocuments`` (``hashAlgorithm:
  'sha256'``): ``persisted-documents.json``, one object ``{"<hash>": "<document>"}``;
- Apollo's persisted query manifest: ``{"format": "apollo-persisted-query-manifest",
  "version": 1, "operations": [{"id": "<hash>", "body": "<document>", "name": …,
  "type": …}]}``.

Every hash must be the SHA-256 of its document's text (a manifest hashed otherwise,
with codegen's default sha1 say, is refused rather than registered under names no
client sends), every document must parse and fit ``QUIZGRAPH_MAX_QUERY_LENGTH``.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from pathlib import Path

from graphql import GraphQLError, parse

from app.core.errors import BadUserInput
from app.core.json import JSONDecodeError, loads
from app.core.settings import get_settings
from app.persisted_queries.service import register_trusted, sha256_of

__all__ = ["DASHBOARD_MANIFESTS", "read", "read_file", "register_configured", "register_file"]

logger = logging.getLogger("quizgraph.persisted_queries")

APOLLO_FORMAT = "apollo-persisted-query-manifest"
_FRONTEND = Path(__file__).resolve().parents[2] / "frontend"
# The dashboard's build emits its codegen manifest into dist; a development checkout
# also has codegen's own copy (what `npm run dev` serves).
DASHBOARD_MANIFESTS = (
    _FRONTEND / "dist" / "persisted-documents.json",
    _FRONTEND / "src" / "gql" / "persisted-documents.json",
)


def read(raw: object) -> dict[str, str]:
    """Hash -> document from a manifest's parsed JSON; BAD_USER_INPUT naming the first
    entry that is wrong."""
    if isinstance(raw, dict) and raw.get("format") == APOLLO_FORMAT:
        return _apollo(raw)
    if isinstance(raw, dict) and "format" not in raw:
        return _checked(raw.items())
    raise BadUserInput(
        {"manifest": "expected GraphQL Codegen's persisted-documents.json or Apollo's manifest"}
    )


def _apollo(raw: dict[str, object]) -> dict[str, str]:
    if raw.get("version") != 1:
        raise BadUserInput({"manifest.version": "only version 1 of Apollo's format is read"})
    operations = raw.get("operations")
    if not isinstance(operations, list):
        raise BadUserInput({"manifest.operations": "must be a list"})
    entries: list[tuple[object, object]] = []
    for index, operation in enumerate(operations):
        if not isinstance(operation, dict):
            raise BadUserInput({f"manifest.operations[{index}]": "must be an object"})
        entries.append((operation.get("id"), operation.get("body")))
    return _checked(entries)


def _checked(entries: Iterable[tuple[object, object]]) -> dict[str, str]:
    limit = get_settings().max_query_length
    documents: dict[str, str] = {}
    for key, document in entries:
        where = f"manifest[{str(key)[:70]!r}]"
        if not isinstance(key, str) or not isinstance(document, str):
            raise BadUserInput({where: "needs a hash and a document, both strings"})
        if sha256_of(document) != key.lower():
            raise BadUserInput({where: "the hash is not the SHA-256 of the document"})
        if len(document) > limit:
            raise BadUserInput({where: f"the document is longer than {limit} characters"})
        try:
            parse(document, no_location=True)
        except GraphQLError as error:
            raise BadUserInput({where: f"the document doesn't parse: {error.message}"}) from None
        documents[key.lower()] = document
    return documents


def read_file(path: Path) -> dict[str, str]:
    try:
        raw = loads(path.read_bytes())
    except JSONDecodeError as error:
        raise BadUserInput({"manifest": f"{path} is not JSON: {error}"}) from error
    return read(raw)


async def register_file(path: Path) -> tuple[int, int]:
    """Register a manifest file as trusted: (documents in it, trusted in all)."""
    documents = read_file(path)
    return len(documents), await register_trusted(documents)


async def register_configured() -> None:
    """At start-up: the manifests of ``QUIZGRAPH_PERSISTED_QUERY_MANIFESTS``, which must
    be there and be right (the server refuses to start otherwise), or by default the
    dashboard's, when built (one that can't be registered is logged: the API serves on,
    and the dashboard's requests are answered PERSISTED_QUERY_NOT_FOUND)."""
    configured = get_settings().persisted_query_manifests
    if configured is not None:
        for name in configured:
            await register_file(Path(name))
        return
    for path in DASHBOARD_MANIFESTS:
        if not path.exists():
            continue
        try:
            count, _ = await register_file(path)
        except BadUserInput as error:
            logger.error("the dashboard's manifest %s was not registered: %s", path, error)
            continue
        except Exception:  # e.g. a database not migrated yet: the API serves on
            logger.exception("the dashboard's manifest %s was not registered", path)
            continue
        logger.info("registered %d trusted documents from %s", count, path)
