"""Apollo's automatic persisted queries on POST /graphql and GET, in the default mode.

# given / # when / # then: a client sends a hash alone, is told the server doesn't know
it, sends the document once with its hash, and from then on the hash alone runs it,
GET included (with cache headers fit for the credential).
"""

from __future__ import annotations

import json

import pytest

from app.graphql.compiled import plans
from app.persisted_queries import service as persisted
from app.persisted_queries.service import sha256_of
from tests.api_keys.support import create_key
from tests.persisted_queries.support import fresh_query, get, post
from tests.persisted_queries.support import persisted as extension
from tests.support.factories import OrgFixture
from tests.support.fixture_types import ClientFactory, SignIn

ORG_NAME = "query($slug: String!) { organization(slug: $slug) { slug name } }"


async def test_the_handshake_not_found_then_registered_then_found(
    client_factory: ClientFactory,
) -> None:
    # given
    client = client_factory()
    document = fresh_query()

    # when: the hash alone
    first = await post(client, extensions=extension(document))
    # then
    assert first.status == 200
    assert first.codes == ["PERSISTED_QUERY_NOT_FOUND"]
    assert first.errors[0]["message"] == "PersistedQueryNotFound"  # what Apollo's clients match

    # when: the document with its hash, then the hash alone again
    registered = await post(client, query=document, extensions=extension(document))
    again = await post(client, extensions=extension(document))

    # then
    assert registered.ok() == {"viewer": {"kind": "ANONYMOUS"}}
    assert again.ok() == {"viewer": {"kind": "ANONYMOUS"}}


async def test_a_hash_runs_the_same_cached_plan_as_its_text(client_factory: ClientFactory) -> None:
    # given: a document run once in full, with its hash
    client = client_factory()
    document = fresh_query("viewer { kind scopes }")
    (await post(client, query=document, extensions=extension(document))).ok()
    cached = len(plans.variants())

    # when: the hash alone, twice
    for _ in range(2):
        (await post(client, extensions=extension(document))).ok()

    # then: no new plan was compiled for it
    assert len(plans.variants()) == cached


async def test_a_hash_that_is_not_the_querys_is_refused_and_nothing_is_registered(
    client_factory: ClientFactory,
) -> None:
    # given
    client = client_factory()
    document, other = fresh_query(), fresh_query()

    # when
    refused = await post(client, query=document, extensions=extension(other))

    # then
    assert refused.status == 400
    assert refused.code == "BAD_USER_INPUT"
    assert "sha256Hash" in refused.errors[0]["message"]
    assert (await post(client, extensions=extension(other))).code == "PERSISTED_QUERY_NOT_FOUND"
    assert (await post(client, extensions=extension(document))).code == (
        "PERSISTED_QUERY_NOT_FOUND"
    )


@pytest.mark.parametrize(
    "persisted_query",
    [
        {"version": 2, "sha256Hash": "0" * 64},
        {"version": 1, "sha256Hash": "not-a-hash"},
        {"version": 1},
        "abc",
    ],
)
async def test_a_malformed_extension_is_a_bad_request(
    client_factory: ClientFactory, persisted_query: object
) -> None:
    result = await post(client_factory(), extensions={"persistedQuery": persisted_query})

    assert result.status == 400
    assert result.code == "BAD_USER_INPUT"


async def test_an_invalid_document_runs_into_its_errors_and_is_not_registered(
    client_factory: ClientFactory,
) -> None:
    # given: a field the schema doesn't have
    client = client_factory()
    document = fresh_query("viewer { noSuchField }")

    # when
    result = await post(client, query=document, extensions=extension(document))

    # then
    assert result.code == "BAD_USER_INPUT"
    persisted.forget_remembered()
    assert (await post(client, extensions=extension(document))).code == (
        "PERSISTED_QUERY_NOT_FOUND"
    )


async def test_get_with_a_hash_runs_a_query_with_public_cache_headers(
    client_factory: ClientFactory, org: OrgFixture
) -> None:
    # given: a registered document
    client = client_factory()
    (
        await post(
            client, query=ORG_NAME, extensions=extension(ORG_NAME), variables={"slug": org.slug}
        )
    )

    # when
    result = await get(client, ORG_NAME, variables={"slug": org.slug})

    # then: an anonymous answer, the same for everyone
    assert result.ok()["organization"]["slug"] == org.slug
    headers = result.response.headers
    assert headers["cache-control"] == "public, no-cache"
    assert "Authorization" in headers["vary"] and "Cookie" in headers["vary"]

    # when: asked again with the ETag it got
    params = {
        "extensions": json.dumps(extension(ORG_NAME)),
        "variables": json.dumps({"slug": org.slug}),
    }
    revalidated = await client.http.get(
        "/graphql",
        params=params,
        headers={"Accept": "application/json", "If-None-Match": headers["etag"]},
    )
    # then: unchanged, no body
    assert revalidated.status_code == 304
    assert revalidated.content == b""


async def test_get_with_a_key_is_private_and_an_unknown_hash_is_never_stored(
    org: OrgFixture, signed_in: SignIn, client_factory: ClientFactory
) -> None:
    # given
    owner = await signed_in(org, "owner")
    key = await create_key(owner, ["org:read"])
    partner = client_factory()
    document = fresh_query("viewer { kind organization { slug } }")
    await post(partner, query=document, extensions=extension(document), headers=key.headers)

    # when
    keyed = await get(partner, document, headers=key.headers)
    unknown = await get(partner, fresh_query(), headers=key.headers)

    # then
    assert keyed.ok()["viewer"] == {"kind": "API_KEY", "organization": {"slug": org.slug}}
    assert keyed.response.headers["cache-control"] == "private, no-cache"
    assert unknown.code == "PERSISTED_QUERY_NOT_FOUND"
    assert unknown.response.headers["cache-control"] == "no-store"


async def test_get_never_runs_a_mutation_even_by_hash(client_factory: ClientFactory) -> None:
    # given: a mutation registered ahead of time
    mutation = "mutation LogoutByHash { logout { ok } }"
    await persisted.register_trusted({sha256_of(mutation): mutation})
    client = client_factory()

    # when
    result = await get(client, mutation)

    # then
    assert result.status == 400
    assert result.code == "BAD_USER_INPUT"
    assert result.response.headers["cache-control"] == "no-store"
    # and by POST it runs (nobody was signed in: there was nothing to end)
    assert (await post(client, extensions=extension(mutation))).ok() == {"logout": {"ok": False}}


async def test_each_org_registers_at_most_its_cap_the_oldest_going_first(
    org: OrgFixture,
    other_org: OrgFixture,
    signed_in: SignIn,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # given: a cap of two documents per org, and one of another org's
    from app.core.settings import get_settings

    monkeypatch.setattr(get_settings(), "persisted_queries_per_org", 2)
    outsider = await signed_in(other_org, "teacher")
    theirs = fresh_query()
    (await post(outsider, query=theirs, extensions=extension(theirs))).ok()
    teacher = await signed_in(org, "teacher")
    documents = [fresh_query() for _ in range(3)]

    # when: three of this org's
    for document in documents:
        (await post(teacher, query=document, extensions=extension(document))).ok()

    # then: the first went, the last two and the other org's stay (as a new process sees)
    persisted.forget_remembered()
    found = [(await post(teacher, extensions=extension(d))).code for d in documents]
    assert found == ["PERSISTED_QUERY_NOT_FOUND", None, None]
    assert (await post(outsider, extensions=extension(theirs))).code is None


async def test_a_document_over_the_length_cap_is_refused_before_it_is_hashed(
    client_factory: ClientFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    from app.core.settings import get_settings

    monkeypatch.setattr(get_settings(), "max_query_length", 60)
    document = fresh_query("viewer { kind scopes role member { id } }")

    result = await post(client_factory(), query=document, extensions=extension(document))

    assert result.code == "QUERY_TOO_COMPLEX"
    monkeypatch.undo()
    persisted.forget_remembered()
    assert (await post(client_factory(), extensions=extension(document))).code == (
        "PERSISTED_QUERY_NOT_FOUND"
    )
