"""The trusted-documents mode and the mode with automatic persisted queries off."""

from __future__ import annotations

import uuid
from collections.abc import Iterator

import pytest

from app.cli_actions import create_platform_admin, create_platform_key
from app.core.settings import get_settings
from app.persisted_queries import service as persisted
from app.persisted_queries.service import sha256_of
from tests.api_keys.support import bearer
from tests.persisted_queries.support import fresh_query, post
from tests.persisted_queries.support import persisted as extension
from tests.support.factories import PASSWORD
from tests.support.fixture_types import ClientFactory


@pytest.fixture
def trusted_mode(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setattr(get_settings(), "persisted_queries", "trusted")
    yield


@pytest.fixture
def off_mode(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setattr(get_settings(), "persisted_queries", "off")
    yield


async def registered_ahead() -> str:
    document = fresh_query()
    await persisted.register_trusted({sha256_of(document): document})
    return document


async def registered_automatically(client_factory: ClientFactory) -> str:
    document = fresh_query()
    (await post(client_factory(), query=document, extensions=extension(document))).ok()
    return document


async def test_trusted_mode_refuses_an_ad_hoc_query_and_registers_nothing(
    client_factory: ClientFactory, trusted_mode: None
) -> None:
    # given
    client = client_factory()
    document = fresh_query()

    # when: in full, then in full with its hash
    plain = await post(client, query=document)
    with_hash = await post(client, query=document, extensions=extension(document))

    # then
    assert plain.status == 200
    assert plain.codes == ["PERSISTED_QUERY_NOT_IN_LIST"]
    assert plain.data is None
    assert with_hash.codes == ["PERSISTED_QUERY_NOT_IN_LIST"]
    assert (await post(client, extensions=extension(document))).codes == [
        "PERSISTED_QUERY_NOT_IN_LIST"
    ]


async def test_trusted_mode_runs_a_document_registered_ahead_by_hash_or_in_full(
    client_factory: ClientFactory, trusted_mode: None
) -> None:
    # given
    document = await registered_ahead()
    client = client_factory()

    # when
    by_hash = await post(client, extensions=extension(document))
    in_full = await post(client, query=document)

    # then
    assert by_hash.ok() == {"viewer": {"kind": "ANONYMOUS"}}
    assert in_full.ok() == {"viewer": {"kind": "ANONYMOUS"}}


async def test_trusted_mode_ignores_documents_registered_automatically(
    client_factory: ClientFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    # given: registered by a client while the server ran APQ
    document = await registered_automatically(client_factory)

    # when: the server now runs trusted documents only
    monkeypatch.setattr(get_settings(), "persisted_queries", "trusted")
    result = await post(client_factory(), extensions=extension(document))

    # then
    assert result.codes == ["PERSISTED_QUERY_NOT_IN_LIST"]


async def test_trusted_mode_lets_platform_staff_send_any_document(
    client_factory: ClientFactory, trusted_mode: None
) -> None:
    # given: a platform key (an operator's script, GraphiQL)
    admin = f"staff-{uuid.uuid4().hex[:8]}"
    await create_platform_admin(admin, PASSWORD)
    secret = await create_platform_key(
        admin_username=admin,
        name="ops",
        scopes=["org:read"],
        org_slugs=None,
        rate_limit_per_minute=100,
    )

    # when
    result = await post(client_factory(), query=fresh_query(), headers=bearer(secret))

    # then
    assert result.ok()["viewer"]["kind"] == "API_KEY"


async def test_off_mode_answers_unknown_hashes_not_supported_and_registers_nothing(
    client_factory: ClientFactory, off_mode: None
) -> None:
    # given
    client = client_factory()
    document = fresh_query()

    # when
    unknown = await post(client, extensions=extension(document))
    with_query = await post(client, query=document, extensions=extension(document))

    # then: Apollo's "stop sending hashes"; the document runs, and is not kept
    assert unknown.codes == ["PERSISTED_QUERY_NOT_SUPPORTED"]
    assert unknown.errors[0]["message"] == "PersistedQueryNotSupported"
    assert with_query.ok() == {"viewer": {"kind": "ANONYMOUS"}}
    assert (await post(client, extensions=extension(document))).codes == [
        "PERSISTED_QUERY_NOT_SUPPORTED"
    ]


async def test_off_mode_still_resolves_documents_registered_ahead(
    client_factory: ClientFactory, off_mode: None
) -> None:
    document = await registered_ahead()

    result = await post(client_factory(), extensions=extension(document))

    assert result.ok() == {"viewer": {"kind": "ANONYMOUS"}}
