"""Reading manifests: GraphQL Codegen's persisted-documents.json and Apollo's format."""

from __future__ import annotations

import json
import uuid
from pathlib import Path

import pytest

from app.core.errors import BadUserInput
from app.persisted_queries import manifest
from app.persisted_queries.service import sha256_of

VIEWER = "query Viewer { viewer { kind } }"
ORG = "query Org($slug: String!) { organization(slug: $slug) { name } }"


def test_codegen_client_preset_manifest_maps_hashes_to_documents() -> None:
    raw = {sha256_of(VIEWER): VIEWER, sha256_of(ORG): ORG}

    assert manifest.read(raw) == raw


def test_apollo_manifest_is_read_too() -> None:
    raw = {
        "format": "apollo-persisted-query-manifest",
        "version": 1,
        "operations": [
            {"id": sha256_of(VIEWER), "body": VIEWER, "name": "Viewer", "type": "query"},
            {"id": sha256_of(ORG), "body": ORG, "name": "Org", "type": "query"},
        ],
    }

    assert manifest.read(raw) == {sha256_of(VIEWER): VIEWER, sha256_of(ORG): ORG}


@pytest.mark.parametrize(
    ("raw", "problem"),
    [
        ({"0" * 64: VIEWER}, "not the SHA-256"),
        # codegen's default hash is sha1: a manifest made so is refused, not misfiled
        ({"8d9dcd5c5a5d2f3e6d8b9d1b1a2a0e6a0f1c2b3d": VIEWER}, "not the SHA-256"),
        ({sha256_of("query {"): "query {"}, "doesn't parse"),
        ({sha256_of(VIEWER): 3}, "both strings"),
        ([VIEWER], "expected"),
        ({"format": "apollo-persisted-query-manifest", "version": 2}, "version 1"),
    ],
)
def test_a_wrong_manifest_is_refused_naming_the_problem(raw: object, problem: str) -> None:
    with pytest.raises(BadUserInput) as refused:
        manifest.read(raw)

    assert problem in refused.value.message


def test_a_document_longer_than_the_cap_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    from app.core.settings import get_settings

    monkeypatch.setattr(get_settings(), "max_query_length", 20)

    with pytest.raises(BadUserInput) as refused:
        manifest.read({sha256_of(VIEWER): VIEWER})

    assert "longer than 20" in refused.value.message


async def test_start_up_registers_the_configured_manifests_and_refuses_a_missing_one(
    app: object, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # given: one manifest that is there, one that isn't
    from app.core.settings import get_settings
    from app.persisted_queries import service

    document = f"query Configured{uuid.uuid4().hex} {{ viewer {{ kind }} }}"
    present = tmp_path / "persisted-documents.json"
    present.write_text(json.dumps({sha256_of(document): document}))
    settings = get_settings()

    # when: start-up with the one that is there
    monkeypatch.setattr(settings, "persisted_query_manifests", [str(present)])
    await manifest.register_configured()
    service.forget_remembered()

    # then: registered as trusted; and a missing one stops the start-up
    assert await service.lookup(sha256_of(document), trusted_only=True) == document
    monkeypatch.setattr(settings, "persisted_query_manifests", [str(tmp_path / "missing.json")])
    with pytest.raises(FileNotFoundError):
        await manifest.register_configured()
