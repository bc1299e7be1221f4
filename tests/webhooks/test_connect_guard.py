"""The address connected to is the address checked: the worker's transport resolves the
host itself, refuses when any address is internal, and connects to the checked IP (TLS
still verifies and names the host). The network backend under it is replaced, so no
traffic leaves the process."""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from typing import Any

import httpcore
import httpx
import pytest

from app.webhooks import ssrf
from app.webhooks.worker import Worker
from tests.webhooks.support import allowed_hosts

ANSWER = [b"HTTP/1.1 200 OK\r\n", b"Content-Length: 2\r\n", b"\r\n", b"ok"]
LIMITS = httpx.Limits(max_connections=4)


class Stream(httpcore.AsyncMockStream):
    def __init__(self, backend: Backend) -> None:
        super().__init__(list(ANSWER))
        self.backend = backend

    async def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self.backend.written += buffer

    async def start_tls(
        self,
        ssl_context: Any,
        server_hostname: str | None = None,
        timeout: float | None = None,
    ) -> httpcore.AsyncNetworkStream:
        self.backend.tls_names.append(server_hostname)
        return self


class Backend(httpcore.AsyncMockBackend):
    """Records where it was asked to connect; answers 200 without any socket."""

    def __init__(self) -> None:
        super().__init__([])
        self.connects: list[tuple[str, int]] = []
        self.tls_names: list[str | None] = []
        self.written = b""

    async def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        self.connects.append((host, port))
        return Stream(self)


@pytest.fixture
def names() -> Iterator[dict[str, list[str]]]:
    answers: dict[str, list[str]] = {"public.example": ["93.184.216.34"]}

    async def resolve(host: str, _port: int) -> list[str]:
        if host not in answers:
            raise OSError("no such name")
        return answers[host]

    ssrf.set_resolver(resolve)
    try:
        yield answers
    finally:
        ssrf.set_resolver(None)


async def post(backend: Backend, url: str) -> httpx.Response:
    async with httpx.AsyncClient(
        transport=ssrf.GuardedTransport(limits=LIMITS, backend=backend), trust_env=False
    ) as client:
        return await client.post(url, content=b"{}")


async def test_a_public_name_is_connected_to_by_its_checked_address_and_tls_names_the_host(
    names: dict[str, list[str]],
) -> None:
    backend = Backend()
    response = await post(backend, "https://public.example/hook")
    assert response.status_code == 200
    assert backend.connects == [("93.184.216.34", 443)]
    assert backend.tls_names == ["public.example"]
    assert b"Host: public.example\r\n" in backend.written


@pytest.mark.parametrize(
    "addresses",
    [["127.0.0.1"], ["::1"], ["10.0.0.7"], ["93.184.216.34", "169.254.169.254"], ["::ffff:7f00:1"]],
)
async def test_a_name_that_resolves_inside_at_connect_time_is_refused_before_any_connect(
    addresses: list[str], names: dict[str, list[str]], caplog: pytest.LogCaptureFixture
) -> None:
    # given a name that passed the check, then resolves inside (DNS rebinding)
    await ssrf.check("https://public.example/hook")
    names["public.example"] = addresses
    backend = Backend()
    # when a request is made through the guarded transport
    with (
        caplog.at_level(logging.WARNING, "quizgraph.webhooks.ssrf"),
        pytest.raises(httpx.ConnectError, match="refused"),
    ):
        await post(backend, "https://public.example/hook")
    # then no connection was asked for, and the refusal is logged
    assert backend.connects == []
    assert "webhook connection refused" in caplog.text


async def test_ip_literals_are_judged_and_allowed_hosts_are_connected_to_by_name(
    names: dict[str, list[str]],
) -> None:
    backend = Backend()
    with pytest.raises(httpx.ConnectError, match="refused"):
        await post(backend, "https://[::ffff:127.0.0.1]/hook")
    with pytest.raises(httpx.ConnectError, match="refused"):
        await post(backend, "https://nowhere.example/hook")
    assert backend.connects == []
    with allowed_hosts("hooks.internal"):
        assert (await post(backend, "http://hooks.internal:8080/hook")).status_code == 200
    assert backend.connects == [("hooks.internal", 8080)]


async def test_the_worker_sends_through_the_guarded_transport_without_proxies() -> None:
    worker = Worker()
    try:
        assert isinstance(worker._client._transport, ssrf.GuardedTransport)
        assert worker._client._mounts == {}
        assert worker._client.trust_env is False
    finally:
        await worker.close()


def test_the_transport_refuses_to_be_built_when_httpx_keeps_no_pool_to_replace(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # given an httpx whose transport keeps its pool elsewhere (a future release)
    def keeps_no_pool(self: httpx.AsyncHTTPTransport, **_options: Any) -> None:
        pass

    monkeypatch.setattr(httpx.AsyncHTTPTransport, "__init__", keeps_no_pool)
    # then no transport is made that would send through an unguarded pool
    with pytest.raises(RuntimeError, match="_pool"):
        ssrf.GuardedTransport(limits=LIMITS)
