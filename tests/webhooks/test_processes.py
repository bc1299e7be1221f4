"""Real server processes: a server killed (SIGKILL) after a submission committed and
before its webhook was sent delivers it after the restart, once, with the same
webhook-id; two server processes running the worker on PostgreSQL deliver 1,000 events
to 3 endpoints exactly once each, sending to one endpoint at the same time."""

from __future__ import annotations

import asyncio
import json
import os
import signal
from collections import Counter
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func
from sqlalchemy.ext.asyncio import create_async_engine
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession
from standardwebhooks.webhooks import Webhook
from strawberry import relay

from app.events.bus import Event
from app.webhooks import outbox
from app.webhooks.models import DeliveryStatus, WebhookDelivery
from tests.attempts.test_reveal import take
from tests.quizzes.api import published_quiz, right_answers
from tests.support.client import ApiClient
from tests.support.databases import postgres_database, sqlite_database
from tests.support.factories import cli_context
from tests.support.servers import ADD_MEMBER, PASSWORD, create_org, migrate, start_server
from tests.webhooks.support import Receiver, create_webhook, deliveries, running_receiver

EVENTS = 1_000
BATCH = 100
ORG = "query { viewer { organization { id } } }"


@asynccontextmanager
async def database(kind: str, directory: Path) -> AsyncIterator[str]:
    context = sqlite_database(directory) if kind == "sqlite" else postgres_database()
    async with context as url:
        yield url


async def prepared(database_url: str, **extra: str) -> tuple[dict[str, str], str, str]:
    """The servers' environment (the receiver's 127.0.0.1 allowed), a migrated database
    and an org: (env, slug, portal code)."""
    env = {
        **os.environ,
        "QUIZGRAPH_DATABASE_URL": database_url,
        "QUIZGRAPH_WEBHOOK_ALLOWED_HOSTS": '["127.0.0.1"]',
        **extra,
    }
    env.pop("QUIZGRAPH_REDIS_URL", None)
    await migrate(database_url)
    slug, portal_code = await create_org(env, "hooks", "Hooks")
    return env, slug, portal_code


async def stop(process: asyncio.subprocess.Process) -> None:
    if process.returncode is None:
        process.terminate()
        await process.wait()


async def sign_in(url: str, slug: str, portal: str, username: str) -> ApiClient:
    client = ApiClient(None, base_url=url)
    (await client.login(slug, portal, username, PASSWORD)).ok()
    return client


async def settled(owner: ApiClient, slug: str) -> list[dict[str, Any]]:
    """The org's first endpoint's deliveries once none is pending (a bounded wait for
    the worker of another process to write its outcomes)."""
    for _ in range(600):
        found = await deliveries(owner, slug)
        if found and all(d["status"] != "PENDING" for d in found):
            return found
        await asyncio.sleep(0.1)
    raise AssertionError(f"deliveries still pending: {found}")


@pytest.mark.parametrize("kind", ["sqlite", "postgresql"])
async def test_a_server_killed_between_commit_and_send_delivers_once_after_restart(
    kind: str, tmp_path: Path
) -> None:
    async with database(kind, tmp_path) as database_url, running_receiver() as receiver:
        # given a server whose worker is off: what it commits is not sent yet
        env, slug, portal = await prepared(database_url, QUIZGRAPH_WEBHOOK_WORKER="false")
        url, first = await start_server(env)
        clients: list[ApiClient] = []
        try:
            owner = await sign_in(url, slug, portal, "owner")
            clients.append(owner)
            created = await create_webhook(owner, receiver.url(), events=["quiz.completed"])
            quiz = await published_quiz(owner)
            member = {"username": "sam", "displayName": "Sam", "role": "STUDENT"}
            (await owner.gql(ADD_MEMBER, {"input": {**member, "password": PASSWORD}})).ok()
            student = await sign_in(url, slug, portal, "sam")
            clients.append(student)
            # when a submission commits
            await take(student, quiz["id"], right_answers(quiz))
            [pending] = await deliveries(owner, slug)
            assert (pending["status"], pending["attempt"]) == ("PENDING", 0)
        finally:
            for client in clients:
                await client.close()
            # and the process is killed before the send
            first.send_signal(signal.SIGKILL)
            await first.wait()
        assert first.returncode == -signal.SIGKILL
        assert receiver.received == []
        # then a restarted server (worker on) delivers it
        url, second = await start_server({**env, "QUIZGRAPH_WEBHOOK_WORKER": "true"})
        try:
            owner = await sign_in(url, slug, portal, "owner")
            [delivered] = await settled(owner, slug)
            await owner.close()
        finally:
            await stop(second)
    # once, with the webhook-id it was given in the submission's transaction
    assert (delivered["status"], delivered["attempt"]) == ("SUCCEEDED", 1)
    assert delivered["messageId"] == pending["messageId"]
    [item] = receiver.received
    assert item.headers["webhook-id"] == pending["messageId"]
    payload = Webhook(created["secret"]).verify(item.body, item.headers)
    assert payload["event"] == "quiz.completed" and payload["data"]["quizId"] == quiz["id"]


async def stage(database_url: str, org_id: str) -> None:
    """1,000 quiz.completed events into the outbox, 100 per transaction."""
    import uuid

    engine = create_async_engine(database_url)
    try:
        for start in range(0, EVENTS, BATCH):
            async with AsyncSession(engine, expire_on_commit=False) as db:
                events = [
                    Event("quiz.completed", uuid.UUID(org_id), {"n": n})
                    for n in range(start, start + BATCH)
                ]
                assert await outbox.stage(cli_context(db), events) == 3 * BATCH
                await db.commit()
    finally:
        await engine.dispose()


async def succeeded(database_url: str) -> tuple[int, int]:
    """(succeeded, not succeeded) deliveries, once none is pending (bounded wait)."""
    engine = create_async_engine(database_url)
    ok = col(WebhookDelivery.status) == DeliveryStatus.SUCCEEDED
    try:
        for _ in range(600):
            async with AsyncSession(engine) as db:
                done, other = (
                    await db.exec(
                        select(func.count().filter(ok), func.count().filter(~ok)).select_from(
                            WebhookDelivery
                        )
                    )
                ).one()
            if done + other and not other:
                return int(done), int(other)
            await asyncio.sleep(0.1)
        return int(done), int(other)
    finally:
        await engine.dispose()


async def all_arrived(receiver: Receiver, count: int) -> None:
    while len(receiver.received) < count:
        receiver.arrived.clear()
        await asyncio.wait_for(receiver.arrived.wait(), 60)


async def test_two_server_processes_deliver_every_message_to_every_endpoint_once() -> None:
    async with postgres_database() as database_url, running_receiver() as receiver:
        env, slug, portal = await prepared(
            database_url, QUIZGRAPH_WEBHOOK_CONCURRENCY_PER_ENDPOINT="4"
        )
        servers = [await start_server(env) for _ in range(2)]
        try:
            # given three endpoints; /a answers nothing until 5 requests are in flight at
            # once, more than one process sends to one endpoint: so both must be sending
            owner = await sign_in(servers[0][0], slug, portal, "owner")
            for path in ("/a", "/b", "/c"):
                await create_webhook(owner, receiver.url(path), events=["quiz.completed"])
            org_id = relay.GlobalID.from_id(
                (await owner.gql(ORG)).ok()["viewer"]["organization"]["id"]
            ).node_id
            await owner.close()
            receiver.hold["/a"] = 5
            # when 1,000 events land in the outbox
            await stage(database_url, org_id)
            await all_arrived(receiver, 3 * EVENTS)
            done, other = await succeeded(database_url)
        finally:
            for _url, process in servers:
                await stop(process)
    # then both processes sent to /a at once, and every (endpoint, message) arrived once
    assert receiver.opened.is_set()
    assert (done, other) == (3 * EVENTS, 0)
    seen = Counter((item.path, item.headers["webhook-id"]) for item in receiver.received)
    assert len(seen) == 3 * EVENTS and max(seen.values()) == 1
    numbers = {(item.path, json.loads(item.body)["data"]["n"]) for item in receiver.received}
    assert len(numbers) == 3 * EVENTS
