"""Outbound safety: which URLs a webhook may point at, checked at creation and at send.

A URL must be https, unless its host is in ``QUIZGRAPH_WEBHOOK_ALLOWED_HOSTS`` (which
may also be plain http and resolve anywhere, e.g. a receiver on 127.0.0.1 in
development). Every other host is resolved and refused when any of its addresses is
loopback, private, link-local, multicast, unspecified or otherwise reserved, IPv4 and
IPv6 alike (an IPv4-mapped IPv6 address is judged as the IPv4 address it carries). A
refusal is logged, and no socket to the host is opened.
"""

from __future__ import annotations

import asyncio
import ipaddress
import logging
import socket
from collections.abc import Awaitable, Callable
from urllib.parse import urlsplit

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
        try:
            addresses = [str(ipaddress.ip_address(host.strip("[]")))]
        except ValueError:
            addresses = await _resolve(host, port)
        if not addresses:
            raise UnsafeUrl("its host name does not resolve")
        refused = [address for address in addresses if forbidden_address(address)]
        if refused:
            raise UnsafeUrl("points at a loopback, private, link-local or reserved address")
    except UnsafeUrl as refusal:
        logger.warning("webhook URL refused (%s): %s", refusal, _for_log(url))
        raise


async def _resolve(host: str, port: int) -> list[str]:
    try:
        return await _resolver(host, port)
    except (OSError, UnicodeError) as error:
        raise UnsafeUrl("its host name does not resolve") from error


def _for_log(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.hostname}:{parts.port or ''}{parts.path[:100]}"
