"""Every part of the server reads the client's address from ``app.web.client_address``.

A module that read ``scope["client"]`` or an ``X-Forwarded-For`` header itself could
disagree with the rest (trusting a header the proxy setting doesn't, or missing the
address a trusted proxy named), and a spoofed header would then buy a new login budget
or a false address in the audit log.
"""

from __future__ import annotations

import re
from pathlib import Path

APP = Path(__file__).resolve().parents[2] / "app"
THE_ONE_PLACE = APP / "web" / "client_address.py"
# Ways of reading the peer's address or a forwarded header (as a string: not prose).
DIRECT_READS = re.compile(
    r"""scope\s*\[\s*["']client["']\s*\]|scope\.get\(\s*["']client["']|"""
    r"""\b(?:request|websocket|connection)\.client\b|["'](?:x-forwarded-for|x-real-ip)["']""",
    re.IGNORECASE,
)


def direct_reads(source: str) -> list[str]:
    return [line.strip() for line in source.splitlines() if DIRECT_READS.search(line)]


def test_the_pattern_finds_each_way_of_reading_the_address_directly() -> None:
    samples = [
        'ip = scope["client"][0]',
        "client = scope.get('client')",
        "host = request.client.host",
        'headers.get("X-Forwarded-For")',
        'headers["x-real-ip"]',
    ]
    assert [direct_reads(sample) for sample in samples] == [[sample] for sample in samples]
    assert direct_reads("ip=client_address(scope)") == []


def test_only_client_address_reads_the_peer_or_the_forwarded_header() -> None:
    offenders = {
        str(path.relative_to(APP.parent)): found
        for path in sorted(APP.rglob("*.py"))
        if path != THE_ONE_PLACE and (found := direct_reads(path.read_text()))
    }
    assert offenders == {}, (
        "read the client's address with app.web.client_address.client_address(scope), "
        f"which honours QUIZGRAPH_TRUSTED_PROXIES: {offenders}"
    )
