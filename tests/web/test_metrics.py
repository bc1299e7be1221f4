"""GET /metrics: the counters an operator watches move, and only who may scrape does."""

from __future__ import annotations

import asyncio
import os
import sys
import uuid
from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest
from prometheus_client.parser import text_string_to_metric_families

from app.core.settings import get_settings
from app.webhooks.worker import Worker
from tests.api_keys.support import VIEWER, as_key, create_key
from tests.quizzes.api import create_quiz
from tests.support.client import ApiClient
from tests.support.databases import postgres_database
from tests.support.factories import OrgFixture
from tests.support.fixture_types import ClientFactory, SignIn
from tests.support.servers import Deployment, deployment, free_port, migrate, wait_until_up
from tests.support.websocket import Subscriber

# The webhook tests' receiver on 127.0.0.1 and a worker run by hand.
from tests.webhooks.conftest import receiver, worker  # noqa: F401
from tests.webhooks.support import Receiver, create_webhook, drain

Samples = dict[tuple[str, frozenset[tuple[str, str]]], float]


def parse(text: str) -> Samples:
    return {
        (sample.name, frozenset(sample.labels.items())): sample.value
        for family in text_string_to_metric_families(text)
        for sample in family.samples
    }


def value(samples: Samples, name: str, **labels: str) -> float:
    return samples.get((name, frozenset(labels.items())), 0.0)


async def scrape(client: ApiClient) -> Samples:
    response = await client.http.get("/metrics")
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("text/plain; version=")
    return parse(response.text)


@pytest.fixture
def scraper(client_factory: ClientFactory) -> ApiClient:
    return client_factory(ip="127.0.0.1")


REQUESTS = "quizgraph_graphql_requests_total"


async def test_an_ok_query_and_an_error_are_counted_by_operation_and_outcome(
    scraper: ApiClient, org: OrgFixture, signed_in: SignIn
) -> None:
    teacher = await signed_in(org, "teacher")
    before = await scrape(scraper)
    assert (await teacher.gql("query MetricsViewer { viewer { kind } }")).ok()
    missing = await teacher.gql('query MetricsMissing { node(id: "bm90OmFueQ==") { id } }')
    assert missing.code is not None
    after = await scrape(scraper)
    ok = {"operation_type": "query", "credential_kind": "member", "outcome": "ok"}
    assert value(after, REQUESTS, operation_name="MetricsViewer", **ok) == (
        value(before, REQUESTS, operation_name="MetricsViewer", **ok) + 1
    )
    failed = {**ok, "outcome": missing.code, "operation_name": "MetricsMissing"}
    assert value(after, REQUESTS, **failed) == value(before, REQUESTS, **failed) + 1
    count = "quizgraph_graphql_request_duration_seconds_count"
    assert value(after, count, operation_type="query") >= (
        value(before, count, operation_type="query") + 2
    )


async def test_a_refused_key_and_a_rate_limited_one_are_counted(
    scraper: ApiClient, org: OrgFixture, signed_in: SignIn, client_factory: ClientFactory
) -> None:
    owner = await signed_in(org, "owner")
    key = await create_key(owner, ["org:read"], rateLimitPerMinute=1)
    partner = client_factory()
    before = await scrape(scraper)
    refused = await as_key(partner, "qk_not_a_real_key_at_all", VIEWER)
    assert refused.status == 401
    assert (await as_key(partner, key, VIEWER)).ok()
    limited = await as_key(partner, key, VIEWER)
    assert limited.status == 429
    after = await scrape(scraper)
    door = "quizgraph_door_refusals_total"
    assert (
        value(after, door, code=str(refused.code))
        == value(before, door, code=str(refused.code)) + 1
    )
    assert value(after, door, code="RATE_LIMITED") == value(before, door, code="RATE_LIMITED") + 1
    refusals = "quizgraph_rate_limit_refusals_total"
    assert value(after, refusals, credential_kind="api_key") == (
        value(before, refusals, credential_kind="api_key") + 1
    )
    limited_labels = {
        "operation_type": "unknown",
        "operation_name": "unnamed",
        "outcome": "RATE_LIMITED",
        "credential_kind": "api_key",
    }
    assert value(after, REQUESTS, **limited_labels) == value(before, REQUESTS, **limited_labels) + 1


async def test_operation_names_past_the_cap_count_as_other(
    scraper: ApiClient, org: OrgFixture, signed_in: SignIn, monkeypatch: pytest.MonkeyPatch
) -> None:
    from app.web import metrics

    teacher = await signed_in(org, "teacher")
    # A name no earlier test can have sent, past a cap the process has already reached.
    name = f"NeverSeen{uuid.uuid4().hex}"
    monkeypatch.setattr(metrics, "MAX_OPERATION_NAMES", len(metrics._operation_names))
    other = {"operation_type": "query", "operation_name": "other", "outcome": "ok"}
    before = await scrape(scraper)
    assert (await teacher.gql(f"query {name} {{ viewer {{ kind }} }}")).ok()
    text = (await scraper.http.get("/metrics")).text
    assert name not in text
    after = parse(text)
    assert value(after, REQUESTS, credential_kind="member", **other) == (
        value(before, REQUESTS, credential_kind="member", **other) + 1
    )


async def test_the_database_pool_in_use_is_reported(
    scraper: ApiClient, org: OrgFixture, signed_in: SignIn
) -> None:
    await signed_in(org, "teacher")  # the database has been used
    pools = [
        (labels, count)
        for (name, labels), count in (await scrape(scraper)).items()
        if name == "quizgraph_database_connections_checked_out"
    ]
    assert pools, "no pool reported"
    assert all(count >= 0 for _, count in pools)


async def test_only_loopback_may_scrape_by_default(client_factory: ClientFactory) -> None:
    assert get_settings().metrics == "loopback"
    response = await client_factory(ip="10.1.2.3").http.get("/metrics")
    assert response.status_code == 404
    assert (await client_factory(ip="::1").http.get("/metrics")).status_code == 200


async def test_metrics_turned_off_answer_404(
    scraper: ApiClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(get_settings(), "metrics", "off")
    assert (await scraper.http.get("/metrics")).status_code == 404


async def test_a_token_guard_wants_the_token_from_anywhere(
    client_factory: ClientFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(get_settings(), "metrics", "token")
    monkeypatch.setattr(get_settings(), "metrics_token", "scrape-secret-1234")
    remote = client_factory(ip="10.9.8.7")
    assert (await remote.http.get("/metrics")).status_code == 401
    wrong = await remote.http.get("/metrics", headers={"Authorization": "Bearer nope"})
    assert wrong.status_code == 401
    right = await remote.http.get(
        "/metrics", headers={"Authorization": "Bearer scrape-secret-1234"}
    )
    assert right.status_code == 200
    assert REQUESTS.removesuffix("_total") in right.text


def test_a_token_guard_without_a_token_refuses_to_start(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(get_settings(), "metrics", "token")
    monkeypatch.setattr(get_settings(), "metrics_token", None)
    with pytest.raises(RuntimeError, match="QUIZGRAPH_METRICS_TOKEN"):
        get_settings().check_metrics_guard()


@pytest.fixture(scope="module")
async def two_processes(tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[Deployment]:
    directory: Path = tmp_path_factory.mktemp("prometheus")
    async with (
        postgres_database() as database_url,
        deployment(
            database_url,
            processes=2,
            extra_env={"PROMETHEUS_MULTIPROC_DIR": str(directory)},
        ) as running,
    ):
        yield running


async def test_two_processes_sharing_a_directory_are_scraped_as_one(
    two_processes: Deployment,
) -> None:
    assert "PROMETHEUS_MULTIPROC_DIR" not in os.environ
    labels = {
        "operation_type": "query",
        "operation_name": "TwoProcesses",
        "outcome": "ok",
        "credential_kind": "anonymous",
    }
    async with httpx.AsyncClient() as client:
        for url in two_processes.urls:
            for _ in range(3):
                response = await client.post(
                    f"{url}/graphql", json={"query": "query TwoProcesses { __typename }"}
                )
                assert response.status_code == 200
        for url in two_processes.urls:  # either process answers for both
            scraped = await client.get(f"{url}/metrics")
            assert scraped.status_code == 200
            assert value(parse(scraped.text), REQUESTS, **labels) == 6


async def test_serve_with_two_workers_counts_every_workers_requests() -> None:
    """``quizgraph serve --workers 2`` sets up the shared directory itself."""
    async with postgres_database() as database_url:
        await migrate(database_url)
        env = {
            **os.environ,
            "QUIZGRAPH_DATABASE_URL": database_url,
            "QUIZGRAPH_ENVIRONMENT": "test",
        }
        env.pop("PROMETHEUS_MULTIPROC_DIR", None)
        port = free_port()
        server = await asyncio.create_subprocess_exec(
            sys.executable,
            "-m",
            "app.cli",
            "serve",
            "--workers",
            "2",
            "--port",
            str(port),
            env=env,
            stdout=asyncio.subprocess.DEVNULL,
            stderr=asyncio.subprocess.DEVNULL,
        )
        url = f"http://127.0.0.1:{port}"
        try:
            await wait_until_up(url, server)
            labels = {
                "operation_type": "query",
                "operation_name": "Workers",
                "outcome": "ok",
                "credential_kind": "anonymous",
            }
            for _ in range(20):  # a connection each: the kernel spreads them over both
                async with httpx.AsyncClient() as client:
                    response = await client.post(
                        f"{url}/graphql", json={"query": "query Workers { __typename }"}
                    )
                assert response.status_code == 200
            for _ in range(5):  # whichever worker answers counts all twenty
                async with httpx.AsyncClient() as client:
                    scraped = await client.get(f"{url}/metrics")
                assert value(parse(scraped.text), REQUESTS, **labels) == 20
        finally:
            server.terminate()
            await server.wait()


async def test_events_on_the_bus_and_webhook_sends_are_counted(
    scraper: ApiClient,
    org: OrgFixture,
    signed_in: SignIn,
    receiver: Receiver,  # noqa: F811 (the fixture imported above)
    worker: Worker,  # noqa: F811
) -> None:
    owner = await signed_in(org, "owner")
    await create_webhook(owner, receiver.url(), events=["quiz.created"])
    before = await scrape(scraper)
    await create_quiz(await signed_in(org, "teacher"), title="Counted")
    sent = await drain(worker)
    assert sent == 1 and len(receiver.on("/hook")) == 1
    after = await scrape(scraper)
    published = "quizgraph_event_bus_messages_total"
    assert value(after, published, event="quiz.created") == (
        value(before, published, event="quiz.created") + 1
    )
    sends = "quizgraph_webhook_deliveries_total"
    assert value(after, sends, outcome="succeeded") == value(before, sends, outcome="succeeded") + 1


async def test_an_open_websocket_is_reported_by_its_process(two_processes: Deployment) -> None:
    url = two_processes.urls[0]
    # Open, not yet initialised (the server waits for connection_init for a while).
    socket = await Subscriber.connect(url.replace("http", "ws", 1) + "/graphql", init=False)
    try:
        async with httpx.AsyncClient() as client:
            scraped = parse((await client.get(f"{url}/metrics")).text)
            assert value(scraped, "quizgraph_open_websockets") == 1
            other = parse((await client.get(f"{two_processes.urls[1]}/metrics")).text)
            assert value(other, "quizgraph_open_websockets") == 0
            assert ("quizgraph_live_subscriptions", frozenset({("feed", "leaderboard")})) in other
    finally:
        await socket.connection.close()
