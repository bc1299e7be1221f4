"""Shared fixtures: every database test runs on SQLite and on PostgreSQL.

The ``backend`` fixture is session-scoped and parametrised, so pytest runs the
whole suite once per database, each against a fresh database migrated through
the real alembic migrations.
"""

from __future__ import annotations

import asyncio
import os
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from typing import Any

import pytest

from app.events.bus import Event

os.environ["QUIZGRAPH_ENVIRONMENT"] = "test"
os.environ["QUIZGRAPH_SECRET_KEY"] = "test-secret-key-not-for-production"
os.environ["QUIZGRAPH_COOKIE_SECURE"] = "false"
os.environ.pop("QUIZGRAPH_DATABASE_URL", None)
os.environ.pop("QUIZGRAPH_REDIS_URL", None)
# Pub/sub channels are global to the Redis server the tests share: the servers this
# process starts publish and listen on a channel of its own, so neither another xdist
# worker's servers (whose orgs are in another database) nor another run hear them.
os.environ["QUIZGRAPH_EVENT_CHANNEL"] = (
    f"quizgraph:events:test:{os.environ.get('PYTEST_XDIST_WORKER', 'main')}:{uuid.uuid4().hex}"
)

from starlette.applications import Starlette

from app.core import clock as clock_module
from app.core import ratelimit
from app.core.clock import FrozenClock, set_clock
from app.core.db import dispose_engines
from app.core.migrations import upgrade_to_head
from app.core.settings import get_settings
from tests.support import secret_watch
from tests.support.client import ApiClient
from tests.support.databases import postgres_database, sqlite_database
from tests.support.factories import OrgFixture, make_org
from tests.support.fixture_types import ClientFactory


def pytest_configure(config: pytest.Config) -> None:
    secret_watch.start()


# Under pytest-xdist, what each worker's secret watch found (the controller runs no tests).
_worker_watches: dict[str, dict[str, Any]] = {}
_workers_unreported: list[str] = []


@pytest.hookimpl(optionalhook=True)
def pytest_testnodedown(node: Any, error: object | None) -> None:
    """The controller keeps each worker's watch as the worker ends (xdist hands over the
    worker's ``workeroutput``; a worker that crashed has none, and fails the run too)."""
    watch = getattr(node, "workeroutput", {}).get("secret_watch")
    if watch is None:
        _workers_unreported.append(str(node.gateway.id))
    else:
        _worker_watches[str(node.gateway.id)] = watch


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """The run fails if any log line carried a secret the tests made, in this process or
    in any xdist worker. A worker's own exit status doesn't reach the controller, so a
    worker hands its watch over and the controller decides."""
    leaked = secret_watch.leaks()
    made, lines = secret_watch.counts()
    workeroutput: dict[str, Any] | None = getattr(session.config, "workeroutput", None)
    if workeroutput is not None:  # an xdist worker
        workeroutput["secret_watch"] = {"leaked": leaked, "made": made, "lines": lines}
        return
    for worker, watch in sorted(_worker_watches.items()):
        leaked += [f"{found} (worker {worker})" for found in watch["leaked"]]
        made += watch["made"]
        lines += watch["lines"]
    leaked += [f"worker {worker} ended without its watch" for worker in _workers_unreported]
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    if reporter is not None:
        workers = f" in {len(_worker_watches)} workers" if _worker_watches else ""
        reporter.write_line(
            f"secret watch: {made} secrets made, {lines} log lines checked{workers}, "
            f"{len(leaked)} leaked"
        )
    if leaked:
        if reporter is not None:
            reporter.write_line("secrets found in the log: " + ", ".join(leaked), red=True)
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


def configure(database_url: str, redis_url: str | None = None) -> None:
    os.environ["QUIZGRAPH_DATABASE_URL"] = database_url
    if redis_url:
        os.environ["QUIZGRAPH_REDIS_URL"] = redis_url
    else:
        os.environ.pop("QUIZGRAPH_REDIS_URL", None)
    get_settings.cache_clear()
    ratelimit.limiter.cache_clear()


@pytest.fixture(scope="session", params=["sqlite", "postgresql"])
async def database_url(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> AsyncIterator[str]:
    if request.param == "sqlite":
        context = sqlite_database(tmp_path_factory.mktemp("db"))
    else:
        context = postgres_database()
    async with context as url:
        configure(url)
        await asyncio.to_thread(upgrade_to_head, url)
        yield url
        await dispose_engines()


@pytest.fixture(scope="session")
async def app(database_url: str) -> Starlette:
    from app.web.app import create_app

    return create_app()


@pytest.fixture
async def org(app: Starlette) -> OrgFixture:
    return await make_org()


@pytest.fixture
async def other_org(app: Starlette) -> OrgFixture:
    return await make_org()


@pytest.fixture
async def client_factory(app: Starlette) -> AsyncIterator[Callable[..., ApiClient]]:
    clients: list[ApiClient] = []

    def new_client(**kwargs: object) -> ApiClient:
        client = ApiClient(app, **kwargs)  # type: ignore[arg-type]
        clients.append(client)
        return client

    yield new_client
    for client in clients:
        await client.close()


@pytest.fixture
async def signed_in(
    app: Starlette, client_factory: ClientFactory
) -> Callable[[OrgFixture, str], Awaitable[ApiClient]]:
    async def sign_in(org: OrgFixture, name: str) -> ApiClient:
        client = client_factory()
        account = org.account(name)
        result = await client.login(org.slug, org.portal_code, account.username, account.password)
        assert result.ok()["login"]["viewer"]["kind"] == "MEMBER"
        return client

    return sign_in


@pytest.fixture
def events() -> Iterator[list[Event]]:
    """The domain events published while the test runs (after their transaction commits)."""
    from app.events.bus import get_bus

    seen: list[Event] = []

    async def handler(event: Event) -> None:
        seen.append(event)

    unsubscribe = get_bus().subscribe(handler)
    yield seen
    unsubscribe()


@pytest.fixture
def frozen_clock() -> Iterator[FrozenClock]:
    """A clock the test moves by hand (``advance``); the one before is put back after."""
    previous = clock_module.clock
    frozen = FrozenClock()
    set_clock(frozen)
    try:
        yield frozen
    finally:
        set_clock(previous)
