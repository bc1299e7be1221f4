"""Outbound safety: addresses of our own networks are refused when an endpoint is saved
and again right before each send, and no socket is opened to them."""

from __future__ import annotations

import logging
from collections.abc import Iterator

import httpx
import pytest

from app.webhooks import ssrf
from app.webhooks.worker import Worker
from tests.quizzes.api import published_quiz
from tests.support.factories import OrgFixture
from tests.support.fixture_types import SignIn
from tests.webhooks.support import (
    CREATE_WEBHOOK,
    create_webhook,
    deliveries,
    drain,
    forget_endpoints,
)

NAMES = {
    "loopback.example": ["127.0.0.1"],
    "rebinding.example": ["93.184.216.34"],
    "public.example": ["93.184.216.34"],
    "mixed.example": ["93.184.216.34", "10.0.0.7"],
}
REFUSED = [
    "https://127.0.0.1/hook",
    "https://[::1]/hook",
    "https://10.1.2.3/hook",
    "https://172.16.0.1/hook",
    "https://172.31.255.254/hook",
    "https://192.168.1.1/hook",
    "https://169.254.169.254/latest/meta-data",
    "https://[::ffff:127.0.0.1]/hook",
    "https://[fe80::1]/hook",
    "https://224.0.0.1/hook",
    "https://0.0.0.0/hook",
    "https://loopback.example/hook",
    "https://mixed.example/hook",
]


@pytest.fixture
def resolver() -> Iterator[dict[str, list[str]]]:
    names = {name: list(addresses) for name, addresses in NAMES.items()}

    async def resolve(host: str, _port: int) -> list[str]:
        if host not in names:
            raise OSError("no such name")
        return names[host]

    ssrf.set_resolver(resolve)
    try:
        yield names
    finally:
        ssrf.set_resolver(None)


@pytest.mark.parametrize("url", REFUSED)
async def test_each_internal_address_class_is_refused_and_logged(
    url: str, resolver: dict[str, list[str]], caplog: pytest.LogCaptureFixture
) -> None:
    with (
        caplog.at_level(logging.WARNING, "quizgraph.webhooks.ssrf"),
        pytest.raises(ssrf.UnsafeUrl, match="loopback, private"),
    ):
        await ssrf.check(url)
    assert "webhook URL refused" in caplog.text


async def test_plain_http_and_credentials_in_the_url_are_refused(
    resolver: dict[str, list[str]],
) -> None:
    with pytest.raises(ssrf.UnsafeUrl, match="must be https"):
        await ssrf.check("http://public.example/hook")
    with pytest.raises(ssrf.UnsafeUrl, match="user name"):
        await ssrf.check("https://user:pw@public.example/hook")
    with pytest.raises(ssrf.UnsafeUrl, match="does not resolve"):
        await ssrf.check("https://nowhere.example/hook")
    await ssrf.check("https://public.example/hook")  # a public address passes


async def test_creating_an_endpoint_on_an_internal_address_is_bad_user_input(
    org: OrgFixture, signed_in: SignIn, resolver: dict[str, list[str]]
) -> None:
    owner = await signed_in(org, "owner")
    for url in ("https://169.254.169.254/", "https://loopback.example/", "http://public.example/"):
        result = await owner.gql(CREATE_WEBHOOK, {"input": {"url": url}})
        assert result.code == "BAD_USER_INPUT", url
        assert "url" in result.errors[0]["extensions"]["fields"]


async def test_a_name_that_resolves_inside_at_send_time_is_never_called(
    org: OrgFixture,
    signed_in: SignIn,
    resolver: dict[str, list[str]],
    caplog: pytest.LogCaptureFixture,
) -> None:
    # given an endpoint whose name resolved to a public address when it was saved
    owner = await signed_in(org, "owner")
    await create_webhook(owner, "https://rebinding.example/hook", events=["quiz.created"])
    calls: list[httpx.Request] = []

    def transport(request: httpx.Request) -> httpx.Response:
        calls.append(request)
        return httpx.Response(200)

    worker = Worker(transport=httpx.MockTransport(transport))
    try:
        # when the name resolves to loopback by the time the message is sent
        resolver["rebinding.example"] = ["127.0.0.1"]
        await published_quiz(await signed_in(org, "teacher"))
        with caplog.at_level(logging.WARNING, "quizgraph.webhooks.ssrf"):
            await drain(worker)
        # then no request left, the refusal is logged, and the log says why it failed
        assert calls == []
        assert "webhook URL refused" in caplog.text
        [logged] = await deliveries(owner, org.slug)
        assert logged["status"] == "PENDING" and logged["attempt"] == 1
        assert logged["tries"][0]["httpStatus"] is None
        assert "refused" in logged["tries"][0]["error"]
    finally:
        await worker.close()
        await forget_endpoints()
