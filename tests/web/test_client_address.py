"""The client's address behind a proxy: believed from X-Forwarded-For only when the peer
is a trusted proxy, and read by every part of the server from the same place.

The login throttle's side is in tests/auth/test_login_throttle.py; nginx in front of
real processes in tests/deploy/test_nginx.py.
"""

from __future__ import annotations

import io
import json
import logging
from collections.abc import AsyncIterator, Callable, Iterator

import pytest
from pydantic import ValidationError
from starlette.applications import Starlette

from app import cli
from app.core.logging import JsonFormatter
from app.core.settings import Settings, get_settings
from tests.support.client import ApiClient
from tests.support.factories import OrgFixture

AUDITED_LOGINS = """query($slug: String!) { organization(slug: $slug) {
  auditLog(action: "auth.login", first: 100) { edges { node { actorLabel ip } } } } }"""

PROXY = "127.0.0.1"


@pytest.fixture
def proxied_app(app: Starlette, monkeypatch: pytest.MonkeyPatch) -> Starlette:
    """A fresh app trusting the proxy at 127.0.0.1 (the setting is read at start-up)."""
    from app.web.app import create_app

    monkeypatch.setattr(get_settings(), "trusted_proxies", [PROXY])
    return create_app()


@pytest.fixture
async def clients(proxied_app: Starlette) -> AsyncIterator[Callable[[str], ApiClient]]:
    made: list[ApiClient] = []

    def client_at(ip: str) -> ApiClient:
        made.append(ApiClient(proxied_app, ip=ip))
        return made[-1]

    yield client_at
    for client in made:
        await client.close()


async def login_ips(owner: ApiClient, org: OrgFixture) -> dict[str, str | None]:
    """Each audited sign-in's username and recorded address (the newest per name)."""
    data = (await owner.gql(AUDITED_LOGINS, {"slug": org.slug})).ok()
    edges = data["organization"]["auditLog"]["edges"]
    return {edge["node"]["actorLabel"]: edge["node"]["ip"] for edge in reversed(edges)}


async def test_the_audit_log_records_the_client_a_trusted_proxy_names(
    org: OrgFixture, clients: Callable[[str], ApiClient]
) -> None:
    # given a client that sends its own (spoofed) X-Forwarded-For through the proxy,
    # which appends the address it saw
    through_proxy = clients(PROXY)
    forwarded = {"x-forwarded-for": "203.0.113.9, 198.51.100.23"}
    # when the teacher signs in that way, and the admin from an outside address that
    # poses as a proxy
    result = await through_proxy.gql(LOGIN_AS, _login(org, "teacher"), headers=forwarded)
    assert result.ok()
    outsider = clients("192.0.2.50")
    assert (await outsider.gql(LOGIN_AS, _login(org, "admin"), headers=forwarded)).ok()
    # then the audit log has the address the proxy saw, and the outsider's own
    owner = clients("192.0.2.51")
    assert (await owner.gql(LOGIN_AS, _login(org, "owner"))).ok()
    ips = await login_ips(owner, org)
    assert ips["teacher"] == "198.51.100.23"
    assert ips["admin"] == "192.0.2.50"
    assert ips["owner"] == "192.0.2.51"


async def test_the_request_log_names_the_client_a_trusted_proxy_names(
    clients: Callable[[str], ApiClient],
) -> None:
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(JsonFormatter())
    logging.getLogger("quizgraph.request").addHandler(handler)
    try:
        forwarded = {"x-forwarded-for": "203.0.113.9, 198.51.100.23"}
        await clients(PROXY).gql("{ viewer { kind } }", headers=forwarded)
        await clients("192.0.2.60").gql("{ viewer { kind } }", headers=forwarded)
    finally:
        logging.getLogger("quizgraph.request").removeHandler(handler)
    lines = [json.loads(line) for line in stream.getvalue().splitlines()]
    assert [line["client_ip"] for line in lines] == ["198.51.100.23", "192.0.2.60"]


async def test_an_outside_client_forwarded_by_a_local_proxy_is_not_loopback_for_metrics(
    clients: Callable[[str], ApiClient],
) -> None:
    # nginx on the same machine connects from 127.0.0.1 for every client: the metrics
    # guard must see the client the proxy names, not the proxy
    proxy = clients(PROXY)
    assert (await proxy.http.get("/metrics")).status_code == 200
    forwarded = await proxy.http.get("/metrics", headers={"x-forwarded-for": "203.0.113.9"})
    assert forwarded.status_code == 404


def test_trusted_proxies_are_a_comma_separated_list_or_json(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("QUIZGRAPH_TRUSTED_PROXIES", "127.0.0.1, 10.0.0.0/8,::1")
    assert Settings().trusted_proxies == ["127.0.0.1", "10.0.0.0/8", "::1"]
    monkeypatch.setenv("QUIZGRAPH_TRUSTED_PROXIES", '["192.168.0.0/16"]')
    assert Settings().trusted_proxies == ["192.168.0.0/16"]
    monkeypatch.setenv("QUIZGRAPH_TRUSTED_PROXIES", "")
    assert Settings().trusted_proxies == []


@pytest.mark.parametrize("typo", ["127.0.0.l", "10.0.0.1/8", "nginx"])
def test_a_trusted_proxy_that_is_no_address_refuses_to_start(
    monkeypatch: pytest.MonkeyPatch, typo: str
) -> None:
    # uvicorn would take it for a host name that never matches, trusting nobody silently
    monkeypatch.setenv("QUIZGRAPH_TRUSTED_PROXIES", f"127.0.0.1,{typo}")
    with pytest.raises(ValidationError, match="is not an IP address or network"):
        Settings()


@pytest.fixture
def fresh_settings(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """No trusted proxies, and the variable put back as it was afterwards (set through
    monkeypatch first, so that undoing removes what the command line writes)."""
    monkeypatch.setenv("QUIZGRAPH_TRUSTED_PROXIES", "")
    get_settings.cache_clear()
    yield
    monkeypatch.undo()
    get_settings.cache_clear()


@pytest.mark.usefixtures("fresh_settings")
def test_serve_proxy_headers_trusts_loopback_unless_the_proxies_are_named(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    cli._trust_the_local_proxy()
    assert get_settings().trusted_proxies == ["127.0.0.1", "::1"]
    monkeypatch.setenv("QUIZGRAPH_TRUSTED_PROXIES", "10.1.2.3")
    get_settings.cache_clear()
    cli._trust_the_local_proxy()
    assert get_settings().trusted_proxies == ["10.1.2.3"]


def _login(org: OrgFixture, name: str) -> dict[str, object]:
    account = org.account(name)
    return {
        "input": {
            "orgSlug": org.slug,
            "portalCode": org.portal_code,
            "username": account.username,
            "password": account.password,
        }
    }


LOGIN_AS = """mutation($input: LoginInput!) { login(input: $input) { viewer { kind } } }"""
