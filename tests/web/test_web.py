"""Probes, request ids, and masking of unexpected errors."""

from __future__ import annotations

import re

import httpx
import pytest
from starlette.applications import Starlette

from tests.support.factories import OrgFixture
from tests.support.fixture_types import ClientFactory, SignIn


async def test_health_and_readiness(client_factory: ClientFactory) -> None:
    client = client_factory()
    assert (await client.http.get("/healthz")).json() == {"status": "ok"}
    ready = await client.http.get("/readyz")
    assert ready.status_code == 200
    assert ready.json()["checks"] == {"database": "ok"}


async def test_every_response_carries_a_request_id(client_factory: ClientFactory) -> None:
    client = client_factory()
    first = await client.gql("{ viewer { kind } }")
    second = await client.gql("{ viewer { kind } }")
    assert len(first.response.headers["x-request-id"]) == 32
    assert first.response.headers["x-request-id"] != second.response.headers["x-request-id"]
    echoed = await client.gql("{ viewer { kind } }", headers={"x-request-id": "trace-12345678"})
    assert echoed.response.headers["x-request-id"] == "trace-12345678"


async def test_unexpected_errors_are_masked_and_logged_with_the_request_id(
    org: OrgFixture,
    signed_in: SignIn,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    from app.members import repository

    async def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("secret database detail")

    owner = await signed_in(org, "owner")
    monkeypatch.setattr(repository, "by_id", broken)
    result = await owner.gql("{ viewer { kind member { username } } }")
    request_id = result.response.headers["x-request-id"]
    assert result.data == {"viewer": {"kind": "MEMBER", "member": None}}
    assert result.errors[0]["extensions"] == {"code": "INTERNAL", "requestId": request_id}
    assert "secret" not in result.response.text
    assert request_id in result.errors[0]["message"]
    assert any(request_id in record.getMessage() for record in caplog.records)


async def test_the_dashboard_routes_are_served(client_factory: ClientFactory) -> None:
    client = client_factory()
    for path in ["/", "/org/acme-academy/portal/code/login", "/org/acme-academy/dashboard"]:
        response = await client.http.get(path)
        assert response.status_code == 200
        assert "<html" in response.text.lower()


SECURITY_HEADERS = {
    "x-content-type-options": "nosniff",
    "referrer-policy": "strict-origin-when-cross-origin",
}


def assert_secured(response: httpx.Response) -> None:
    policy = response.headers.get("content-security-policy", "")
    assert "default-src 'self'" in policy, response.url
    assert "frame-ancestors 'none'" in policy, response.url
    for name, value in SECURITY_HEADERS.items():
        assert response.headers.get(name) == value, (response.url, name)


async def test_every_response_carries_the_security_headers(client_factory: ClientFactory) -> None:
    client = client_factory()
    responses = [
        await client.http.get("/"),
        await client.http.get("/org/acme-academy/portal/code/login"),
        await client.http.get("/healthz"),
        await client.http.get("/readyz"),
        await client.http.get("/no-such-page"),
        (await client.gql("{ viewer { kind } }")).response,
        (await client.gql("{ viewer {")).response,
    ]
    for response in responses:
        assert_secured(response)
        # plain http: no HSTS (a browser would ignore it, and it must not pin a dev server)
        assert "strict-transport-security" not in response.headers


async def test_the_dashboard_page_needs_nothing_the_policy_forbids(
    client_factory: ClientFactory,
) -> None:
    # the built page loads its script and stylesheet from /assets, with no inline code
    page = await client_factory().http.get("/")
    assert "<script>" not in page.text and "<style" not in page.text
    assert " style=" not in page.text and "javascript:" not in page.text


async def test_hsts_only_when_the_request_came_over_https(app: Starlette) -> None:
    import httpx

    transport = httpx.ASGITransport(app=app, client=("10.9.9.9", 40000))
    async with httpx.AsyncClient(transport=transport, base_url="https://testserver") as client:
        for path in ["/", "/healthz"]:
            response = await client.get(path)
            assert_secured(response)
            assert response.headers["strict-transport-security"].startswith("max-age=31536000")


async def test_graphiql_outside_production_is_bundled_with_its_own_policy(
    client_factory: ClientFactory,
) -> None:
    client = client_factory()
    page = await client.http.get("/graphql", headers={"accept": "text/html"})
    assert page.status_code == 200 and "graphiql" in page.text.lower()
    # everything it loads comes from this server: no CDN (machines may be offline)
    sources = re.findall(r'(?:src|href)="([^"]+)"', page.text)
    assert sources and all(source.startswith("/") for source in sources), sources
    for source in sources:
        assert (await client.http.get(source)).status_code == 200, source
    policy = page.headers["content-security-policy"]
    assert "frame-ancestors 'none'" in policy and "https://" not in policy
    assert "'unsafe-inline'" not in policy.split("script-src")[-1].split(";")[0]


async def test_introspection_and_suggestions_stay_on_outside_production(
    client_factory: ClientFactory,
) -> None:
    client = client_factory()
    types = (await client.gql("{ __schema { queryType { name } } }")).ok()
    assert types == {"__schema": {"queryType": {"name": "Query"}}}
    misspelt = await client.gql("{ viewer { kindd } }")
    assert "Did you mean 'kind'?" in misspelt.errors[0]["message"]
