"""The deployment of docs/deploy.md, run: Debian's nginx with deploy/nginx/'s proxy
settings in front of three ``quizgraph serve --proxy-headers`` processes on a fresh
PostgreSQL database and Redis, and a partner's and a member's smoke suite through it.

nginx spreads requests round robin (one nginx worker: strict rotation), so a few
requests in a row land on every process; each test checks that they did, from the
processes' own /metrics (scraped on their ports from loopback), rather than assume it.
Clients connect from other loopback addresses (127.0.0.2, …) so that the address the
servers record can be told from nginx's own.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import pytest
from prometheus_client.parser import text_string_to_metric_families

from tests.api_keys.support import CREATE_KEY, REVOKE, bearer
from tests.leaderboards.support import answers, two_point_quiz
from tests.quizzes.api import START, SUBMIT
from tests.support.client import ApiClient
from tests.support.databases import postgres_database
from tests.support.nginx import running_nginx
from tests.support.redis import REDIS_URL, delete_redis_keys
from tests.support.servers import ADD_MEMBER, PASSWORD, Deployment, deployment, free_port
from tests.support.websocket import Subscriber

PROCESSES = 3
QUIZZES = """query Quizzes($slug: String!, $after: String) { organization(slug: $slug) {
  quizzes(first: 1, after: $after) { pageInfo { hasNextPage endCursor } edges { node { title } } } } }"""
PROBE = "query RateLimitProbe { viewer { kind } }"
BOARD = """subscription($slug: String!, $quizId: ID) {
  leaderboardUpdated(orgSlug: $slug, quizId: $quizId) { entries { rank displayName score } } }"""
AUDITED_LOGINS = """query($slug: String!) { organization(slug: $slug) {
  auditLog(action: "auth.login", first: 100) { edges { node { actorLabel ip } } } } }"""


@dataclass
class Stack:
    """nginx (``url``) in front of the deployment's processes."""

    url: str
    servers: Deployment
    clients: list[ApiClient] = field(default_factory=list)
    key_ids: list[str] = field(default_factory=list)

    def client(self, source: str = "127.0.0.2", *, direct_to: int | None = None) -> ApiClient:
        """A client of nginx (or of one process, ``direct_to``) from ``source``."""
        base = self.url if direct_to is None else self.servers.urls[direct_to]
        client = ApiClient(None, base_url=base, local_address=source)
        self.clients.append(client)
        return client

    async def signed_in(self, username: str, source: str = "127.0.0.2") -> ApiClient:
        client = self.client(source)
        result = await client.login(self.servers.slug, self.servers.portal_code, username, PASSWORD)
        assert result.ok()["login"]["viewer"]["kind"] == "MEMBER"
        return client

    async def key(self, owner: ApiClient, scopes: list[str], limit: int = 100) -> tuple[str, str]:
        variables = {"input": {"name": "partner", "scopes": scopes, "rateLimitPerMinute": limit}}
        created = (await owner.gql(CREATE_KEY, variables)).ok()["createApiKey"]
        key_id: str = created["apiKey"]["id"]
        self.key_ids.append(_node_id(key_id))
        return key_id, created["secret"]

    async def per_process(self, name: str, **labels: str) -> list[float]:
        """A counter's value in each process (scraped from loopback, not through nginx)."""
        values = []
        async with httpx.AsyncClient() as scraper:
            for url in self.servers.urls:
                response = await scraper.get(f"{url}/metrics")
                assert response.status_code == 200, response.text
                values.append(_sample(response.text, name, labels))
        return values


@pytest.fixture(scope="module")
async def stack(tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[Stack]:
    nginx_dir: Path = tmp_path_factory.mktemp("nginx")
    async with (
        postgres_database() as database_url,
        deployment(
            database_url,
            processes=PROCESSES,
            redis_url=REDIS_URL,
            serve_flags=["--proxy-headers"],
        ) as servers,
    ):
        upstreams = [url.removeprefix("http://") for url in servers.urls]
        async with running_nginx(nginx_dir, free_port(), upstreams) as url:
            running = Stack(url, servers)
            try:
                yield running
            finally:
                for client in running.clients:
                    await client.close()
                await delete_redis_keys(running.key_ids)


@pytest.fixture
async def owner(stack: Stack) -> ApiClient:
    return await stack.signed_in("owner")


async def test_a_member_signs_in_on_the_portal_through_the_proxy(stack: Stack) -> None:
    # given the org's portal login page, through nginx
    client = stack.client()
    page = await client.http.get(
        f"/org/{stack.servers.slug}/portal/{stack.servers.portal_code}/login"
    )
    assert page.status_code == 200
    assert page.headers["content-type"].startswith("text/html")
    # when the owner signs in there
    result = await client.login(stack.servers.slug, stack.servers.portal_code, "owner", PASSWORD)
    # then the session cookie comes back through the proxy and works on the next request
    assert result.ok()["login"]["viewer"]["kind"] == "MEMBER"
    assert "qg_session" in client.http.cookies
    viewer = (await client.gql("{ viewer { member { username } } }")).ok()["viewer"]
    assert viewer["member"]["username"] == "owner"


async def test_a_partner_pages_the_quiz_list_with_a_key(stack: Stack, owner: ApiClient) -> None:
    for title in ("First", "Second"):
        await two_point_quiz(owner, title)
    _key_id, secret = await stack.key(owner, ["quizzes:read"])
    partner = stack.client("127.0.0.5")
    titles, after = [], None
    while True:
        page = await partner.gql(
            QUIZZES, {"slug": stack.servers.slug, "after": after}, headers=bearer(secret)
        )
        quizzes = page.ok()["organization"]["quizzes"]
        titles += [edge["node"]["title"] for edge in quizzes["edges"]]
        # the key's rate limit and cost come back through the proxy
        assert page.response.headers["ratelimit"].startswith('"api-key";r=')
        assert page.body["extensions"]["cost"]["limit"] > 0
        if not quizzes["pageInfo"]["hasNextPage"]:
            break
        after = quizzes["pageInfo"]["endCursor"]
    assert {"First", "Second"} <= set(titles)


async def test_a_keys_rate_limit_is_exact_across_the_processes(
    stack: Stack, owner: ApiClient
) -> None:
    limit = 6
    _key_id, secret = await stack.key(owner, ["org:read"], limit=limit)
    partner = stack.client("127.0.0.6")
    served_before = await stack.per_process(
        "quizgraph_graphql_requests_total", operation_name="RateLimitProbe", outcome="ok"
    )
    # the limit's six requests pass, counted down as one budget ...
    for n in range(limit):
        passed = await partner.gql(PROBE, headers=bearer(secret))
        assert passed.status == 200, passed
        assert passed.response.headers["ratelimit"].startswith(f'"api-key";r={limit - 1 - n};')
    served = await stack.per_process(
        "quizgraph_graphql_requests_total", operation_name="RateLimitProbe", outcome="ok"
    )
    # ... though every process served some of them
    assert all(after > before for before, after in zip(served_before, served, strict=True))
    # and the next ones are refused, whichever process answers
    for _ in range(PROCESSES):
        refused = await partner.gql(PROBE, headers=bearer(secret))
        assert refused.status == 429, refused
        assert refused.body["code"] == "RATE_LIMITED"
        assert int(refused.response.headers["retry-after"]) >= 1


async def test_a_revoked_key_is_refused_on_the_next_request_by_every_process(
    stack: Stack, owner: ApiClient
) -> None:
    key_id, secret = await stack.key(owner, ["org:read"])
    partner = stack.client("127.0.0.7")
    # given every process has served (and cached) the key
    for _ in range(PROCESSES):
        assert (await partner.gql(PROBE, headers=bearer(secret))).status == 200
    refusals_before = await stack.per_process(
        "quizgraph_door_refusals_total", code="INVALID_API_KEY"
    )
    # when the owner revokes it (through whichever process nginx picks)
    revoked = await owner.gql(REVOKE, {"input": {"id": key_id}})
    assert revoked.ok()["revokeApiKey"]["apiKey"]["revokedAt"]
    # then each of the next requests is refused, one by each process
    for _ in range(PROCESSES):
        refused = await partner.gql(PROBE, headers=bearer(secret))
        assert refused.status == 401, refused
        assert refused.body["code"] == "INVALID_API_KEY"
    refusals = await stack.per_process("quizgraph_door_refusals_total", code="INVALID_API_KEY")
    assert [a - b for b, a in zip(refusals_before, refusals, strict=True)] == [1] * PROCESSES


async def test_a_board_update_reaches_subscribers_on_every_process_through_the_proxy(
    stack: Stack, owner: ApiClient
) -> None:
    quiz = await two_point_quiz(owner, "Live through nginx")
    _key_id, secret = await stack.key(owner, ["leaderboard:read"])
    sockets_before = await stack.per_process("quizgraph_open_websockets")
    # given a subscriber on each process, each through nginx's websocket upgrade
    ws_url = stack.url.replace("http://", "ws://") + "/graphql"
    subscribers = []
    for _ in range(PROCESSES):
        subscriber = await Subscriber.connect(ws_url, payload={"authorization": f"Bearer {secret}"})
        await subscriber.acknowledged()
        await subscriber.subscribe(BOARD, {"slug": stack.servers.slug, "quizId": quiz["id"]})
        assert (await subscriber.next_data())["leaderboardUpdated"]["entries"] == []
        subscribers.append(subscriber)
    sockets = await stack.per_process("quizgraph_open_websockets")
    assert [a - b for b, a in zip(sockets_before, sockets, strict=True)] == [1] * PROCESSES
    try:
        # when a student submits (through whichever process nginx picks)
        student = await add_student(stack, owner, "sam")
        await submit(student, quiz, points=2)
        # then all three hear it: at least two of them on another process than the submit
        for subscriber in subscribers:
            update = (await subscriber.next_data())["leaderboardUpdated"]
            assert update["entries"] == [{"rank": 1, "displayName": "Sam", "score": 2.0}]
    finally:
        for subscriber in subscribers:
            await subscriber.close()


async def test_the_servers_record_the_client_nginx_saw_and_ignore_a_spoofed_header(
    stack: Stack, owner: ApiClient
) -> None:
    await add_member(owner, "through", "TEACHER")
    await add_member(owner, "spoofer", "TEACHER")
    await add_member(owner, "direct", "TEACHER")
    spoofed = {"X-Forwarded-For": "203.0.113.9"}
    # a client of nginx at 127.0.0.3
    assert await login(stack.client("127.0.0.3"), stack, "through")
    # one at 127.0.0.4 that sends its own X-Forwarded-For through nginx (which appends
    # the address it saw: the servers take the right-most untrusted one)
    assert await login(stack.client("127.0.0.4"), stack, "spoofer", spoofed)
    # and one at 127.0.0.8 that goes around nginx to a process: not a trusted proxy
    assert await login(stack.client("127.0.0.8", direct_to=1), stack, "direct", spoofed)
    data = (await owner.gql(AUDITED_LOGINS, {"slug": stack.servers.slug})).ok()
    ips = {
        e["node"]["actorLabel"]: e["node"]["ip"] for e in data["organization"]["auditLog"]["edges"]
    }
    assert ips["through"] == "127.0.0.3"
    assert ips["spoofer"] == "127.0.0.4"
    assert ips["direct"] == "127.0.0.8"
    assert ips["owner"] == "127.0.0.2"  # the fixture's sign-in, through nginx


async def login(
    client: ApiClient, stack: Stack, username: str, headers: dict[str, str] | None = None
) -> bool:
    variables = {
        "input": {
            "orgSlug": stack.servers.slug,
            "portalCode": stack.servers.portal_code,
            "username": username,
            "password": PASSWORD,
        }
    }
    result = await client.gql(LOGIN, variables, headers=headers)
    return bool(result.ok()["login"]["viewer"])


LOGIN = """mutation($input: LoginInput!) { login(input: $input) { viewer { kind } } }"""


async def add_member(owner: ApiClient, username: str, role: str) -> None:
    variables = {
        "input": {
            "username": username,
            "displayName": username.title(),
            "role": role,
            "password": PASSWORD,
        }
    }
    (await owner.gql(ADD_MEMBER, variables)).ok()


async def add_student(stack: Stack, owner: ApiClient, username: str) -> ApiClient:
    await add_member(owner, username, "STUDENT")
    return await stack.signed_in(username, "127.0.0.9")


async def submit(client: ApiClient, quiz: dict[str, Any], points: int) -> None:
    attempt = (await client.gql(START, {"quizId": quiz["id"]})).ok()["startAttempt"]["attempt"]
    done = await client.gql(
        SUBMIT, {"input": {"attemptId": attempt["id"], "answers": answers(quiz, points)}}
    )
    done.ok()


def _sample(text: str, name: str, labels: dict[str, str]) -> float:
    """The sum of ``name``'s samples whose labels include ``labels``."""
    return sum(
        sample.value
        for family in text_string_to_metric_families(text)
        for sample in family.samples
        if sample.name == name and labels.items() <= sample.labels.items()
    )


def _node_id(global_id: str) -> str:
    from strawberry import relay

    return relay.GlobalID.from_id(global_id).node_id
