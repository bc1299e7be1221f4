"""Outbound safety: which URLs a webhook may point at, checked at creation and at send.

A URL must be https, unless its host is in ``QUIZGRAPH_WEBHOOK_ALLOWED_HOSTS`` (which
may also be plain http and resolve anywhere, e.g. a receiver on 127.0.0.1 in
development). Every other host is resolved and refused when any of its addresses is
loopback, private, link-local, multicast, unspecified or otherwise reserved, IPv4 and
IPv6 alike (an IPv4-mapped IPv6 address is judged as the IPv4 address it carries). A
refusal is logged, and no socket to the host is opened.

``check`` judges a URL (when saved, and right before each send). A name may resolve
differently a moment later (DNS rebinding), so the worker's HTTP transport
(``guarded_transport``) judges again the addresses it actually connects to: its
network backend (``GuardedBackend``) resolves the name itself, checks every address,
and connects to a checked IP, never to the name; TLS still verifies and sends (SNI)
the name, and the Host header is the URL's.
"""

from __future__ import annotations

import asyncio
import ipaddress
import logging
import socket
from collections.abc import Awaitable, Callable, Iterable
from typing import Any
from urllib.parse import urlsplit

import httpcore
import httpx

from app.core.settings import get_settings

logger = logging.getLogger("quizgraph.webhooks.ssrf")

Resolver = Callable[[str, int], Awaitable[list[str]]]


class UnsafeUrl(Exception):
    """The URL may not be called; the message says why (it is shown to the org)."""


async def system_resolver(host: str, port: int) -> list[str]:
    infos = await asyncio.get_running_loop().getaddrinfo(
        host, port, type=socket.SOCK_STREAM, proto=socket.IPPROTO_TCP
    )
    return sorted({str(info[4][0]) for info in infos})


_resolver: Resolver = system_resolver


def set_resolver(resolver: Resolver | None) -> None:
    """Tests answer names themselves (a name that resolves to loopback)."""
    global _resolver
    _resolver = resolver or system_resolver


def allowed_hosts() -> frozenset[str]:
    return frozenset(host.lower() for host in get_settings().webhook_allowed_hosts)


def split(url: str) -> tuple[str, str, int]:
    """Scheme, host and port of a URL we may call, or UnsafeUrl for its form."""
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as error:
        raise UnsafeUrl("is not a valid URL") from error
    host = (parts.hostname or "").lower()
    if parts.scheme not in ("https", "http") or not host:
        raise UnsafeUrl("must be an https:// URL")
    if parts.username or parts.password:
        raise UnsafeUrl("must not carry a user name or password")
    if parts.scheme == "http" and host not in allowed_hosts():
        raise UnsafeUrl("must be https (plain http only to hosts the operator allows)")
    return parts.scheme, host, port or (443 if parts.scheme == "https" else 80)


def forbidden_address(address: str) -> bool:
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address):
        mapped = ip.ipv4_mapped or ip.sixtofour
        if mapped is not None:
            return forbidden_address(str(mapped))
    return (
        ip.is_loopback
        or ip.is_private
        or ip.is_link_local
        or ip.is_multicast
        or ip.is_reserved
        or ip.is_unspecified
        or not ip.is_global
    )


async def check(url: str) -> None:
    """Raise UnsafeUrl (and log it) unless the URL may be called now."""
    try:
        _scheme, host, port = split(url)
        if host in allowed_hosts():
            return
        await safe_addresses(host, port)
    except UnsafeUrl as refusal:
        logger.warning("webhook URL refused (%s): %s", refusal, _for_log(url))
        raise


async def safe_addresses(host: str, port: int) -> list[str]:
    """The host's addresses (an IP literal is its own), or UnsafeUrl when it does not
    resolve or any of them is one we never call."""
    try:
        addresses = [str(ipaddress.ip_address(host.strip("[]")))]
    except ValueError:
        addresses = await _resolve(host, port)
    if not addresses:
        raise UnsafeUrl("its host name does not resolve")
    if any(forbidden_address(address) for address in addresses):
        raise UnsafeUrl("points at a loopback, private, link-local or reserved address")
    return addresses


class GuardedBackend(httpcore.AsyncNetworkBackend):
    """httpcore's network backend for webhook sends: resolves the host itself, refuses
    (``httpcore.ConnectError``, logged) when any address is one we never call, and
    connects to the checked IP addresses in turn, so the address judged is the address
    connected to. Hosts the operator allows are connected to by name."""

    def __init__(self, inner: httpcore.AsyncNetworkBackend | None = None) -> None:
        self._inner = inner or httpcore.AnyIOBackend()

    async def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,  # noqa: ASYNC109 (httpcore's interface)
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        name = host.lower().strip("[]")
        if name in allowed_hosts():
            return await self._inner.connect_tcp(host, port, timeout, local_address, socket_options)
        try:
            addresses = await safe_addresses(name, port)
        except UnsafeUrl as refusal:
            logger.warning("webhook connection refused (%s): %s:%s", refusal, name, port)
            raise httpcore.ConnectError(f"refused: the host {refusal}") from refusal
        failure: Exception | None = None
        for address in addresses:
            try:
                return await self._inner.connect_tcp(
                    address, port, timeout, local_address, socket_options
                )
            except (httpcore.ConnectError, httpcore.ConnectTimeout) as error:
                failure = error
        assert failure is not None
        raise failure

    async def connect_unix_socket(
        self,
        path: str,
        timeout: float | None = None,  # noqa: ASYNC109 (httpcore's interface)
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        raise httpcore.ConnectError("refused: webhooks are sent over TCP only")

    async def sleep(self, seconds: float) -> None:
        await self._inner.sleep(seconds)


class GuardedTransport(httpx.AsyncHTTPTransport):
    """httpx's transport over ``GuardedBackend``: no proxy, no Unix socket; TLS is
    verified against the URL's host name (sent as SNI), whatever address it resolved to.

    Why it replaces ``_pool``, httpx's private attribute: httpx (0.28) has no public
    way to put an httpcore network backend under its transport; httpcore's pool takes
    one publicly (``network_backend``), and httpx's transport is the public piece that
    maps httpcore's exceptions and streams to httpx's. The other public route, a
    transport of our own over the pool, would copy that mapping out of httpx. An open
    pull request (encode/httpx#3749, from discussion #3180) adds the parameter; once
    released, pass ``GuardedBackend`` there and drop this. Until then, if httpx stops
    keeping its pool in ``_pool``, construction fails here rather than sending through
    an unguarded pool (and tests/webhooks/test_connect_guard.py fails too)."""

    def __init__(
        self, *, limits: httpx.Limits, backend: httpcore.AsyncNetworkBackend | None = None
    ) -> None:
        super().__init__(limits=limits, trust_env=False)
        if not isinstance(getattr(self, "_pool", None), httpcore.AsyncConnectionPool):
            raise RuntimeError(
                "httpx.AsyncHTTPTransport no longer keeps its connection pool in _pool: "
                "GuardedTransport can't put GuardedBackend under it"
            )
        ssl_context = httpx.create_ssl_context(trust_env=False)
        self._pool = httpcore.AsyncConnectionPool(
            ssl_context=ssl_context,
            max_connections=limits.max_connections,
            max_keepalive_connections=limits.max_keepalive_connections,
            keepalive_expiry=limits.keepalive_expiry,
            network_backend=GuardedBackend(backend),
        )


async def _resolve(host: str, port: int) -> list[str]:
    try:
        return await _resolver(host, port)
    except (OSError, UnicodeError) as error:
        raise UnsafeUrl("its host name does not resolve") from error


def _for_log(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.hostname}:{parts.port or ''}{parts.path[:100]}"
