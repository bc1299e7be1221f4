"""Probes, request ids, and masking of unexpected errors."""

from __future__ import annotations

from tests.support.factories import OrgFixture


async def test_health_and_readiness(client_factory):
    client = client_factory()
    assert (await client.http.get("/healthz")).json() == {"status": "ok"}
    ready = await client.http.get("/readyz")
    assert ready.status_code == 200
    assert ready.json()["checks"] == {"database": "ok"}


async def test_every_response_carries_a_request_id(client_factory):
    client = client_factory()
    first = await client.gql("{ viewer { kind } }")
    second = await client.gql("{ viewer { kind } }")
    assert len(first.response.headers["x-request-id"]) == 32
    assert first.response.headers["x-request-id"] != second.response.headers["x-request-id"]
    echoed = await client.gql("{ viewer { kind } }", headers={"x-request-id": "trace-12345678"})
    assert echoed.response.headers["x-request-id"] == "trace-12345678"


async def test_unexpected_errors_are_masked_and_logged_with_the_request_id(
    org: OrgFixture, signed_in, monkeypatch, caplog
):
    from app.members import repository

    async def broken(*args, **kwargs):
        raise RuntimeError("secret database detail")

    owner = await signed_in(org, "owner")
    monkeypatch.setattr(repository, "in_org", broken)
    result = await owner.gql("{ viewer { kind member { username } } }")
    request_id = result.response.headers["x-request-id"]
    assert result.data == {"viewer": {"kind": "MEMBER", "member": None}}
    assert result.errors[0]["extensions"] == {"code": "INTERNAL", "requestId": request_id}
    assert "secret" not in result.response.text
    assert request_id in result.errors[0]["message"]
    assert any(request_id in record.getMessage() for record in caplog.records)


async def test_the_dashboard_routes_are_served(client_factory):
    client = client_factory()
    for path in ["/", "/org/acme-academy/portal/code/login", "/org/acme-academy/dashboard"]:
        response = await client.http.get(path)
        assert response.status_code == 200
        assert "<html" in response.text.lower()
