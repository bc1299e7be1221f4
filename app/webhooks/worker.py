"""The delivery worker: sends what the outbox holds, retries, and keeps the log.

It runs inside every server process by default (``running``, from the app's lifespan)
and as ``quizgraph webhooks worker``. Several may run at once: a worker claims due
deliveries by leasing them (``lease_until``) in a short transaction, on PostgreSQL
with ``FOR UPDATE SKIP LOCKED`` so two workers never claim one row; on SQLite the
claim's write transaction (``BEGIN IMMEDIATE``) serialises the claims. The HTTP call
happens outside any transaction; its outcome is written in another, shared by every
outcome that arrived meanwhile (one transaction per batch, not per delivery: the
writes queue behind the one under way).

Each claim leases its rows under a token of its own (``lease_owner``), and an outcome
is written only while the row still carries that token: a send that outlived its
lease (which lasts twice the total send timeout plus 30 s, and every step of a send,
DNS included, is bounded by that timeout) never writes over a newer claim's state.

Sending: ``httpx`` without redirects, with connect and total timeouts, reading at most
``RESPONSE_CAP`` bytes of the answer; the host is checked again (``ssrf.check``) right
before each send, and the transport (``ssrf.GuardedTransport``) connects only to
addresses it has checked itself. At most ``webhook_concurrency`` sends run at once per process, and
at most ``webhook_concurrency_per_endpoint`` to one endpoint, so a slow endpoint never
takes every slot.

Retries follow the Standard Webhooks schedule (``DELAYS``: immediately, 5 s, 5 min,
30 min, 2 h, 5 h, 10 h, 10 h) with ±10% jitter; the clock is ``app.core.clock`` and the
jitter's random source is injectable, so tests move time instead of sleeping. A 410
disables the endpoint; an endpoint failing for ``DISABLE_AFTER`` is disabled too, with
an audit event in its org's log. Every message keeps its ``webhook-id`` across tries.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import logging
import os
import random
import time
import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from datetime import datetime, timedelta

import httpx
from sqlmodel.ext.asyncio.session import AsyncSession
from strawberry import relay

from app.access.actor import Actor, ActorKind
from app.access.request import RequestMeta, ServiceContext
from app.access.scopes import Scope
from app.audit import service as audit
from app.audit.service import SYSTEM_ACTOR
from app.core.clock import as_utc, utcnow
from app.core.db import get_engine, is_sqlite, unit_of_work
from app.core.errors import AppError
from app.core.metrics import count_webhook_delivery
from app.core.settings import get_settings
from app.events.bus import Event, get_bus, publish_all
from app.leaderboards import service as leaderboards
from app.orgs import service as orgs
from app.webhooks import repository, signing, ssrf
from app.webhooks.catalog import EVENT_NAMES, QUEUED, TOP_SIZE
from app.webhooks.models import (
    DeliveryStatus,
    WebhookDelivery,
    WebhookDeliveryAttempt,
    WebhookEndpoint,
    WebhookMessage,
)
from app.webhooks.outbox import body_of
from app.webhooks.service import live_secrets

logger = logging.getLogger("quizgraph.webhooks.worker")
# httpx logs every request at INFO: one line per delivery is the delivery log's job.
logging.getLogger("httpx").setLevel(logging.WARNING)

DELAYS: tuple[timedelta, ...] = (
    timedelta(0),
    timedelta(seconds=5),
    timedelta(minutes=5),
    timedelta(minutes=30),
    timedelta(hours=2),
    timedelta(hours=5),
    timedelta(hours=10),
    timedelta(hours=10),
)
MAX_TRIES = len(DELAYS)
JITTER = 0.1
DISABLE_AFTER = timedelta(days=5)
# Published after the commit that switched an endpoint off (notifications listen).
WEBHOOK_DISABLED = "webhook.disabled"
RESPONSE_CAP = 64 * 1024
LOGGED_BODY = 1024
# A healthy endpoint's last success is written at most this often.
HEALTH_NOTE_EVERY = timedelta(minutes=1)
WORKER_META = RequestMeta(request_id="webhook-worker")
# Reads a board's top for ``leaderboard.updated`` (every org, every quiz); holds no
# scope that changes anything.
BOARD_READER = Actor(
    kind=ActorKind.PLATFORM_ADMIN,
    scopes=frozenset({Scope.LEADERBOARD_READ, Scope.QUIZZES_READ, Scope.QUIZZES_WRITE}),
    label="quizgraph webhooks",
)
_WAKING = frozenset({*EVENT_NAMES, QUEUED})


def retry_delay(tries_in_round: int, rng: random.Random) -> timedelta | None:
    """The wait before the next try after ``tries_in_round`` failed ones (None: no more)."""
    if tries_in_round >= MAX_TRIES:
        return None
    base = DELAYS[tries_in_round]
    return base * (1 + rng.uniform(-JITTER, JITTER))


@dataclass(frozen=True, slots=True)
class Outcome:
    http_status: int | None
    duration_ms: int
    body: str | None
    error: str | None

    @property
    def succeeded(self) -> bool:
        return self.http_status is not None and 200 <= self.http_status < 300


@dataclass(slots=True)
class _Done:
    """A send's outcome waiting for the batch that writes it."""

    delivery: WebhookDelivery
    endpoint: WebhookEndpoint
    outcome: Outcome
    token: str
    at: datetime
    written: asyncio.Future[None] = field(
        default_factory=lambda: asyncio.get_running_loop().create_future()
    )


class Worker:
    def __init__(
        self,
        *,
        transport: httpx.AsyncBaseTransport | None = None,
        rng: random.Random | None = None,
        owner: str | None = None,
        poll_seconds: float = 1.0,
    ) -> None:
        settings = get_settings()
        made = owner or f"{os.uname().nodename[:20]}:{os.getpid()}:{uuid.uuid4().hex[:8]}"
        self.owner = made[:48]  # lease_owner is the owner and a claim's number
        self.rng = rng or random.Random()
        self.poll_seconds = poll_seconds
        self.concurrency = settings.webhook_concurrency
        self.per_endpoint = settings.webhook_concurrency_per_endpoint
        self.total_timeout = settings.webhook_timeout_seconds
        # Outlasts a whole send (bounded by total_timeout) with a wide margin.
        self.lease = timedelta(seconds=self.total_timeout * 2 + 30)
        limits = httpx.Limits(max_connections=self.concurrency)
        self._client = httpx.AsyncClient(
            transport=transport or ssrf.GuardedTransport(limits=limits),
            trust_env=False,  # no proxy from the environment: the guard sees every connect
            follow_redirects=False,
            timeout=httpx.Timeout(
                self.total_timeout, connect=settings.webhook_connect_timeout_seconds
            ),
            limits=limits,
        )
        self._claims = itertools.count(1)
        self._outcomes: list[_Done] = []
        self._writer: asyncio.Task[None] | None = None
        # When this worker last wrote an endpoint's success (a healthy endpoint's is
        # written at most every HEALTH_NOTE_EVERY).
        self._noted: dict[uuid.UUID, datetime] = {}
        self._inflight: dict[uuid.UUID, int] = {}
        self._tasks: set[asyncio.Task[None]] = set()
        self._wake = asyncio.Event()
        self._skip_locked = not is_sqlite(str(get_engine().url))

    def wake(self) -> None:
        self._wake.set()

    async def close(self) -> None:
        for task in list(self._tasks):
            task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await asyncio.gather(*self._tasks, return_exceptions=True)
        if self._writer is not None:
            with contextlib.suppress(asyncio.CancelledError):
                await self._writer
        await self._client.aclose()

    async def run_once(self) -> int:
        """Claim what is due now and send it; returns how many were sent (tried)."""
        claimed = await self._claim(self.concurrency)
        await asyncio.gather(*(self._deliver(*row) for row in claimed))
        return len(claimed)

    async def run_forever(self) -> None:
        while True:
            self._wake.clear()
            free = self.concurrency - len(self._tasks)
            claimed: list[repository.Claimed] = []
            if free > 0:
                try:
                    claimed = await self._claim(free)
                except Exception:
                    logger.exception("claiming webhook deliveries failed; will retry")
            for row in claimed:
                task = asyncio.create_task(self._deliver(*row))
                self._tasks.add(task)
                task.add_done_callback(self._done)
            if claimed and len(self._tasks) < self.concurrency:
                continue  # more may be due
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._wake.wait(), self.poll_seconds)

    def _done(self, task: asyncio.Task[None]) -> None:
        self._tasks.discard(task)
        self._wake.set()

    async def _claim(self, room: int) -> list[repository.Claimed]:
        now = utcnow()
        async with unit_of_work() as db:
            candidates = await repository.due(db, now, room * 4, skip_locked=self._skip_locked)
            chosen: list[uuid.UUID] = []
            taken: dict[uuid.UUID, int] = {}
            for delivery_id, endpoint_id in candidates:
                busy = self._inflight.get(endpoint_id, 0) + taken.get(endpoint_id, 0)
                if busy < self.per_endpoint and len(chosen) < room:
                    chosen.append(delivery_id)
                    taken[endpoint_id] = taken.get(endpoint_id, 0) + 1
            if not chosen:
                return []
            token = f"{self.owner}#{next(self._claims)}"
            await repository.lease(db, chosen, token, now + self.lease)
            rows = await repository.claimed(db, chosen)
        for endpoint_id, count in taken.items():
            self._inflight[endpoint_id] = self._inflight.get(endpoint_id, 0) + count
        return rows

    async def _deliver(
        self, delivery: WebhookDelivery, message: WebhookMessage, endpoint: WebhookEndpoint
    ) -> None:
        token = delivery.lease_owner or ""
        try:
            try:
                # Every step is bounded, so a send ends well within its lease.
                async with asyncio.timeout(self.total_timeout):
                    body = message.body or await self._seal_body(message)
                    outcome = await self._send(endpoint, message.public_id, body)
            except TimeoutError:
                outcome = Outcome(None, int(self.total_timeout * 1000), None, "timed out")
            await self._record(delivery, endpoint, outcome, token)
        except Exception:
            logger.exception("delivering %s to %s failed", message.public_id, endpoint.id)
        finally:
            left = self._inflight.get(endpoint.id, 1) - 1
            if left > 0:
                self._inflight[endpoint.id] = left
            else:
                self._inflight.pop(endpoint.id, None)

    async def _seal_body(self, message: WebhookMessage) -> str:
        """A coalesced message's body, made when first sent: the board's top now."""
        assert message.coalesce_key
        _kind, org, board = message.coalesce_key.split(":")
        org_id = uuid.UUID(org)
        quiz_id = None if board == "org" else uuid.UUID(board)
        async with unit_of_work() as db:
            sc = ServiceContext(db=db, actor=BOARD_READER, meta=WORKER_META)
            slug = (await orgs.get_for_actor(sc, org_id)).slug
            top: list[dict[str, object]] = []
            try:
                opened = await leaderboards.open_board(
                    sc, org_id, quiz_id, leaderboards.Window.ALL_TIME
                )
                page = await leaderboards.page_of(sc, opened, None, TOP_SIZE)
                top = [
                    {
                        "rank": row.rank,
                        "memberId": str(relay.GlobalID("Member", str(row.member_id))),
                        "displayName": row.display_name,
                        "score": row.score,
                        "attempts": row.attempts,
                        "durationMs": row.duration_ms,
                    }
                    for row in page.rows
                ]
            except AppError:
                logger.info("board of %s is gone; sending an empty top", message.coalesce_key)
            data = {
                "quizId": str(relay.GlobalID("Quiz", str(quiz_id))) if quiz_id else None,
                "top": top,
            }
            body = body_of(message.public_id, message.event, slug, message.created_at, data)
            await repository.set_message_body(db, message.id, body)
        async with unit_of_work(write=False) as db:
            fixed = await repository.messages_by_id(db, [message.id])
        return fixed[message.id].body or body

    async def _send(self, endpoint: WebhookEndpoint, msg_id: str, body: str) -> Outcome:
        started = time.perf_counter()

        def elapsed() -> int:
            return int((time.perf_counter() - started) * 1000)

        try:
            await ssrf.check(endpoint.url)
        except ssrf.UnsafeUrl as refusal:
            return Outcome(None, 0, None, f"refused: the URL {refusal}")
        headers = signing.headers(live_secrets(endpoint, utcnow()), msg_id, utcnow(), body)
        try:
            async with asyncio.timeout(self.total_timeout):
                async with self._client.stream(
                    "POST", endpoint.url, content=body.encode(), headers=headers
                ) as response:
                    received = bytearray()
                    async for chunk in response.aiter_bytes():
                        received += chunk
                        if len(received) >= RESPONSE_CAP:
                            break
            text = bytes(received[:LOGGED_BODY]).decode("utf-8", "replace")
            return Outcome(response.status_code, elapsed(), text, None)
        except TimeoutError:
            return Outcome(None, elapsed(), None, "timed out")
        except httpx.TimeoutException:
            return Outcome(None, elapsed(), None, "timed out")
        except httpx.HTTPError as error:
            return Outcome(None, elapsed(), None, f"{type(error).__name__}: {error}"[:300])

    async def _record(
        self,
        delivery: WebhookDelivery,
        endpoint: WebhookEndpoint,
        outcome: Outcome,
        token: str,
    ) -> None:
        """Queue the outcome for the next batch and wait until it is written."""
        count_webhook_delivery(outcome.http_status, outcome.error)
        done = _Done(delivery, endpoint, outcome, token, utcnow())
        self._outcomes.append(done)
        if self._writer is None or self._writer.done():
            self._writer = asyncio.create_task(self._write_outcomes())
        await asyncio.shield(done.written)

    async def _write_outcomes(self) -> None:
        """Write what is queued, one transaction per batch, until nothing is left."""
        while self._outcomes:
            batch, self._outcomes = self._outcomes, []
            try:
                await self._write(batch)
            except Exception:
                # Not written: the leases expire and the deliveries are sent again.
                logger.exception("writing %d webhook outcomes failed", len(batch))
            for done in batch:
                if not done.written.done():
                    done.written.set_result(None)

    async def _write(self, batch: list[_Done]) -> None:
        failing: dict[uuid.UUID, list[_Done]] = {}
        healthy: dict[uuid.UUID, _Done] = {}
        disabled: list[Event] = []  # endpoints switched off, announced after the commit
        async with unit_of_work() as db:
            for done in batch:
                if not await self._write_delivery(db, done):
                    continue
                endpoint_id = done.endpoint.id
                if endpoint_id in failing or not done.outcome.succeeded:
                    failing.setdefault(endpoint_id, []).append(done)
                else:
                    healthy[endpoint_id] = done
            for endpoint_id, done in healthy.items():
                if endpoint_id not in failing:
                    await self._note_success(db, done)
            for outcomes in failing.values():
                await self._note_failures(db, outcomes, disabled)
        await publish_all(disabled)

    async def _write_delivery(self, db: AsyncSession, done: _Done) -> bool:
        """The try's log line and the delivery's new state, while the claim still holds
        it; False (nothing written) when a newer claim took it over or it is gone."""
        delivery, outcome, now = done.delivery, done.outcome, done.at
        tries = delivery.attempts + 1
        status = DeliveryStatus.PENDING
        next_at: datetime | None = None
        if outcome.succeeded:
            status = DeliveryStatus.SUCCEEDED
        elif outcome.http_status == 410:
            status = DeliveryStatus.FAILED
        else:
            delay = retry_delay(tries - delivery.retry_from, self.rng)
            if delay is None:
                status = DeliveryStatus.FAILED
            else:
                next_at = now + delay
        held = await repository.finish_delivery(
            db,
            delivery.id,
            done.token,
            status=status,
            attempts=tries,
            next_attempt_at=next_at,
            last_attempt_at=now,
            http_status=outcome.http_status,
            lease_owner=None,
            lease_until=None,
        )
        if not held:
            logger.warning(
                "outcome of webhook delivery %s not written: its lease %s was taken over "
                "or the delivery is gone",
                delivery.id,
                done.token,
            )
            return False
        db.add(
            WebhookDeliveryAttempt(
                org_id=delivery.org_id,
                delivery_id=delivery.id,
                attempt=tries,
                attempted_at=now,
                http_status=outcome.http_status,
                duration_ms=outcome.duration_ms,
                response_body=outcome.body,
                error=outcome.error,
                next_attempt_at=next_at,
            )
        )
        return True

    async def _note_success(self, db: AsyncSession, done: _Done) -> None:
        """A healthy endpoint's success is written at most every HEALTH_NOTE_EVERY."""
        endpoint, now = done.endpoint, done.at
        noted = self._noted.get(endpoint.id)
        if endpoint.last_success_at is not None:
            claimed = as_utc(endpoint.last_success_at)
            noted = claimed if noted is None else max(noted, claimed)
        if (
            endpoint.failing_since is None
            and noted is not None
            and now - noted <= HEALTH_NOTE_EVERY
        ):
            return
        await repository.update_endpoint(db, endpoint.id, failing_since=None, last_success_at=now)
        self._noted[endpoint.id] = now

    async def _note_failures(
        self, db: AsyncSession, outcomes: list[_Done], disabled: list[Event]
    ) -> None:
        """An endpoint's outcomes of the batch, in order, when any failed: its failing
        since, and disabling it (410, or failing for DISABLE_AFTER)."""
        current = await repository.endpoint_for_worker(db, outcomes[0].endpoint.id)
        if current is None:
            return  # deleted meanwhile
        values: dict[str, object] = {}
        failing_since = as_utc(current.failing_since) if current.failing_since else None
        disable: str | None = None
        for done in outcomes:
            if done.outcome.succeeded:
                failing_since = None
                values.update(failing_since=None, last_success_at=done.at)
                continue
            failing_since = failing_since or done.at
            values.update(failing_since=failing_since, last_failure_at=done.at)
            if done.outcome.http_status == 410:
                disable = disable or "The endpoint answered 410 Gone."
            elif done.at - failing_since >= DISABLE_AFTER:
                disable = disable or f"Failing since {failing_since.isoformat()}."
        self._noted.pop(current.id, None)
        if disable and current.enabled:
            values.update(enabled=False, disabled_reason=disable)
            await self._announce_disabled(db, current, disable, disabled)
        await repository.update_endpoint(db, current.id, **values)

    async def _announce_disabled(
        self, db: AsyncSession, endpoint: WebhookEndpoint, why: str, disabled: list[Event]
    ) -> None:
        logger.warning("webhook endpoint %s disabled: %s", endpoint.id, why)
        if endpoint.org_id is None:
            return
        disabled.append(
            Event(
                WEBHOOK_DISABLED,
                endpoint.org_id,
                {
                    "webhookId": str(relay.GlobalID("Webhook", str(endpoint.id))),
                    "url": endpoint.url,
                    "reason": why,
                },
            )
        )

        assert isinstance(db, AsyncSession)
        sc = ServiceContext(db=db, actor=SYSTEM_ACTOR, meta=WORKER_META)
        await audit.record(
            sc,
            "webhook.disabled",
            target_type="Webhook",
            target_id=endpoint.id,
            org_id=endpoint.org_id,
            details={"url": endpoint.url, "reason": why},
        )


@contextlib.asynccontextmanager
async def running(worker: Worker | None = None) -> AsyncIterator[Worker | None]:
    """The worker in the background while the server runs (not with the setting off);
    events published after a commit wake it at once."""
    if not get_settings().webhook_worker:
        yield None
        return
    worker = worker or Worker()

    async def on_event(event: Event) -> None:
        if event.name in _WAKING:
            worker.wake()

    unsubscribe = get_bus().subscribe(on_event)
    task = asyncio.create_task(worker.run_forever(), name="webhook-worker")
    try:
        yield worker
    finally:
        unsubscribe()
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task
        await worker.close()
