"""A real webhook receiver (Starlette on a free port of 127.0.0.1), the GraphQL documents
of the webhook tests, and a worker to run by hand."""

from __future__ import annotations

import asyncio
import os
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager, contextmanager
from dataclasses import dataclass, field
from typing import Any

import uvicorn
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from app.core.settings import get_settings
from tests.support.client import ApiClient
from tests.support.servers import free_port

WEBHOOK_FIELDS = """id url description events enabled createdAt disabledReason status
subscribedEvents health { pending failingSince lastSuccessAt }"""

CREATE_WEBHOOK = f"""mutation($input: CreateWebhookInput!) {{
  createWebhook(input: $input) {{ secret webhook {{ {WEBHOOK_FIELDS} }} }} }}"""
UPDATE_WEBHOOK = f"""mutation($input: UpdateWebhookInput!) {{
  updateWebhook(input: $input) {{ webhook {{ {WEBHOOK_FIELDS} }} }} }}"""
DELETE_WEBHOOK = """mutation($input: DeleteWebhookInput!) {
  deleteWebhook(input: $input) { deletedId } }"""
ROTATE_WEBHOOK = f"""mutation($input: RotateWebhookSecretInput!) {{
  rotateWebhookSecret(input: $input) {{ secret webhook {{ {WEBHOOK_FIELDS} }} }} }}"""
PING_WEBHOOK = """mutation($input: PingWebhookInput!) {
  pingWebhook(input: $input) { delivery { id messageId event status } } }"""
REDELIVER = """mutation($input: RedeliverWebhookMessageInput!) {
  redeliverWebhookMessage(input: $input) { deliveries { id messageId status } } }"""
DELIVERIES = """query($slug: String!) { organization(slug: $slug) { webhooks(first: 10) {
  totalCount edges { node { id url status deliveries(first: 100) { totalCount edges { node {
    id messageId event attempt status httpStatus createdAt nextAttemptAt lastAttemptAt
    tries { attempt attemptedAt httpStatus durationMs responseBody error nextAttemptAt }
  } } } } } } } }"""


@dataclass
class Received:
    path: str
    headers: dict[str, str]
    body: str


@dataclass
class Receiver:
    """Records every POST; answers each path with the statuses queued for it (200 after).

    ``hold`` (path → n): requests to the path wait, unanswered, until n of them are in
    flight at once; from then on every request is answered at once (``opened``)."""

    port: int
    received: list[Received] = field(default_factory=list)
    answers: dict[str, list[int]] = field(default_factory=dict)
    arrived: asyncio.Event = field(default_factory=asyncio.Event)
    hold: dict[str, int] = field(default_factory=dict)
    opened: asyncio.Event = field(default_factory=asyncio.Event)
    in_flight: dict[str, int] = field(default_factory=dict)

    def url(self, path: str = "/hook") -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def on(self, path: str) -> list[Received]:
        return [item for item in self.received if item.path == path]

    async def handle(self, request: Request) -> Response:
        body = (await request.body()).decode()
        self.received.append(
            Received(request.url.path, {k.lower(): v for k, v in request.headers.items()}, body)
        )
        self.arrived.set()
        path = request.url.path
        if path in self.hold and not self.opened.is_set():
            self.in_flight[path] = self.in_flight.get(path, 0) + 1
            if self.in_flight[path] >= self.hold[path]:
                self.opened.set()
            await self.opened.wait()
        queued = self.answers.get(request.url.path)
        status = queued.pop(0) if queued else 200
        return Response("ok" if status < 300 else "nope", status_code=status)


@asynccontextmanager
async def running_receiver() -> AsyncIterator[Receiver]:
    receiver = Receiver(free_port())
    app = Starlette(routes=[Route("/{path:path}", receiver.handle, methods=["POST"])])
    config = uvicorn.Config(
        app, host="127.0.0.1", port=receiver.port, log_level="warning", lifespan="off"
    )
    server = uvicorn.Server(config)
    task = asyncio.create_task(server.serve())
    while not server.started:
        assert not task.done(), "the receiver did not start"
        await asyncio.sleep(0.01)
    try:
        yield receiver
    finally:
        server.should_exit = True
        await task


@contextmanager
def allowed_hosts(*hosts: str) -> Iterator[None]:
    """The operator's QUIZGRAPH_WEBHOOK_ALLOWED_HOSTS for the block."""
    name = "QUIZGRAPH_WEBHOOK_ALLOWED_HOSTS"
    before = os.environ.get(name)
    os.environ[name] = "[" + ",".join(f'"{host}"' for host in hosts) + "]"
    get_settings.cache_clear()
    try:
        yield
    finally:
        if before is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = before
        get_settings.cache_clear()


async def create_webhook(client: ApiClient, url: str, **extra: Any) -> dict[str, Any]:
    result = await client.gql(CREATE_WEBHOOK, {"input": {"url": url, **extra}})
    payload: dict[str, Any] = result.ok()["createWebhook"]
    return payload


async def deliveries(client: ApiClient, slug: str) -> list[dict[str, Any]]:
    """Every delivery of the org's first endpoint, newest first."""
    data = (await client.gql(DELIVERIES, {"slug": slug})).ok()
    node = data["organization"]["webhooks"]["edges"][0]["node"]
    return [edge["node"] for edge in node["deliveries"]["edges"]]


async def drain(worker: Any) -> int:
    """Run the worker until nothing is due now; how many sends it made."""
    sent = 0
    while made := await worker.run_once():
        sent += made
    return sent


async def forget_endpoints() -> None:
    """Delete every endpoint (and with it its deliveries): a worker sends whatever is due
    in the database, so no test leaves work for the next one."""
    from sqlalchemy import delete

    from app.core.db import unit_of_work
    from app.webhooks.models import WebhookEndpoint

    async with unit_of_work() as db:
        await db.execute(delete(WebhookEndpoint))
