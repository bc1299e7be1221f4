"""Real server processes (uvicorn) for tests that need sockets or several processes.

Their database is migrated, and their org made, from the test process, through the
same functions as ``quizgraph migrate`` and ``quizgraph create-org``: a command line
process would import the whole app first, seconds of CPU each, twice per deployment.
The servers share the test process's secret key, so what it writes (the audit chain's
first event) verifies in them.
"""

from __future__ import annotations

import asyncio
import json
import os
import socket
import sys
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from pathlib import Path

import httpx

from app.cli import GRACEFUL_SHUTDOWN_SECONDS
from app.core.db import get_engine, unit_of_work
from app.core.migrations import upgrade_to_head
from app.core.settings import get_settings
from app.orgs import service as orgs
from tests.support.client import ApiClient
from tests.support.factories import cli_context

PASSWORD = "correct horse battery"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


async def cli(env: dict[str, str], *args: str) -> str:
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "app.cli",
        *args,
        env=env,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    stdout, stderr = await process.communicate()
    assert process.returncode == 0, stderr.decode()
    return stdout.decode()


@dataclass
class Deployment:
    """Server processes sharing one database (and Redis when given), with one org."""

    urls: list[str]
    slug: str
    portal_code: str
    env: dict[str, str]
    clients: list[ApiClient] = field(default_factory=list)

    def ws_url(self, index: int = 0) -> str:
        return self.urls[index].replace("http://", "ws://") + "/graphql"

    async def another_org(self) -> Deployment:
        """A second org served by the same processes."""
        slug, portal_code = await create_org(self.env, "live", "Other")
        return Deployment(self.urls, slug, portal_code, self.env, self.clients)

    def client(self, index: int = 0) -> ApiClient:
        client = ApiClient(None, base_url=self.urls[index])
        self.clients.append(client)
        return client

    async def signed_in(self, username: str, password: str = PASSWORD, index: int = 0) -> ApiClient:
        client = self.client(index)
        result = await client.login(self.slug, self.portal_code, username, password)
        assert result.ok()["login"]["viewer"]["kind"] == "MEMBER"
        return client

    async def add_student(self, owner: ApiClient, username: str) -> ApiClient:
        result = await owner.gql(
            ADD_MEMBER,
            {
                "input": {
                    "username": username,
                    "displayName": username.title(),
                    "role": "STUDENT",
                    "password": PASSWORD,
                }
            },
        )
        result.ok()
        return await self.signed_in(username)


ADD_MEMBER = """mutation($input: AddMemberInput!) { addMember(input: $input) { member { id } } }"""


@asynccontextmanager
async def deployment(
    database_url: str,
    *,
    processes: int = 1,
    redis_url: str | None = None,
    extra_env: dict[str, str] | None = None,
    serve_flags: list[str] | None = None,
) -> AsyncIterator[Deployment]:
    """``serve_flags``: run each process as ``quizgraph serve`` with these flags (as a
    deployment does) instead of plain uvicorn."""
    env = {
        **os.environ,
        "QUIZGRAPH_DATABASE_URL": database_url,
        "QUIZGRAPH_ENVIRONMENT": "test",
        "QUIZGRAPH_COOKIE_SECURE": "false",
        **(extra_env or {}),
    }
    env.pop("QUIZGRAPH_REDIS_URL", None)
    if redis_url:
        env["QUIZGRAPH_REDIS_URL"] = redis_url
    await migrate(database_url)
    slug, portal_code = await create_org(env, "live", "Live School")
    ports = [free_port() for _ in range(processes)]
    if serve_flags is None:
        servers = [await spawn_server(env, port) for port in ports]
    else:
        servers = [await spawn_quizgraph_serve(env, port, serve_flags) for port in ports]
    urls = [f"http://127.0.0.1:{port}" for port in ports]
    found = Deployment(urls, slug, portal_code, env)
    try:
        for url, server in zip(urls, servers, strict=True):
            await wait_until_up(url, server)
        yield found
    finally:
        for client in found.clients:
            await client.close()
        for server in servers:
            server.terminate()
            await server.wait()


async def migrate(database_url: str) -> None:
    """``quizgraph migrate``, from this process."""
    await asyncio.to_thread(upgrade_to_head, database_url)


async def create_org(env: dict[str, str], prefix: str, name: str) -> tuple[str, str]:
    """A new org (owner password ``PASSWORD``) in the database of the servers' ``env``,
    as ``quizgraph create-org`` makes it: its slug and portal code. Made from this
    process when the servers share its secret key, else by the command line."""
    slug = f"{prefix}-{os.urandom(4).hex()}"
    if env.get("QUIZGRAPH_SECRET_KEY") != get_settings().resolved_secret_key():
        created = json.loads(
            await cli(
                env,
                "create-org",
                "--slug",
                slug,
                "--name",
                name,
                "--owner-password",
                PASSWORD,
                "--json",
            )
        )
        return slug, str(created["portalCode"])
    url = env["QUIZGRAPH_DATABASE_URL"]
    async with unit_of_work(url) as db:
        made = await orgs.create_org(cli_context(db), slug=slug, name=name, owner_password=PASSWORD)
    # The servers' database may be dropped before this process's engines are disposed.
    await get_engine(url).dispose()
    return slug, made.portal_code


async def spawn_server(env: dict[str, str], port: int) -> asyncio.subprocess.Process:
    """A uvicorn process serving the app on ``port``, as ``quizgraph serve`` runs it."""
    return await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "uvicorn",
        "app.web.asgi:app",
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
        "--log-level",
        "warning",
        "--ws",
        "app.web.ws_protocol:LiveWebSocketProtocol",
        # As ``quizgraph serve``: a client that stopped reading (the 4008 tests) can't
        # hold the server's shutdown, and so the fixture's teardown, forever.
        "--timeout-graceful-shutdown",
        str(GRACEFUL_SHUTDOWN_SECONDS),
        env=env,
    )


async def spawn_quizgraph_serve(
    env: dict[str, str], port: int, flags: list[str]
) -> asyncio.subprocess.Process:
    """``quizgraph serve`` on ``port`` with ``flags`` (its log, a line per request, is
    captured with the test's output)."""
    return await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "app.cli",
        "serve",
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
        *flags,
        env=env,
    )


async def start_server(env: dict[str, str]) -> tuple[str, asyncio.subprocess.Process]:
    """A server on a free port, once it answers: its URL and process."""
    port = free_port()
    process = await spawn_server(env, port)
    url = f"http://127.0.0.1:{port}"
    await wait_until_up(url, process)
    return url, process


# A server that used this much CPU without answering is broken: importing the app and
# starting takes ~7 s of CPU. The bound is on its CPU time, not the clock's, because on a
# busy machine (several xdist workers, other jobs) a healthy start can take a minute of
# wall time; the wall bound is for a server stuck without using any CPU.
STARTUP_CPU_SECONDS = 60.0
STARTUP_WALL_SECONDS = 300.0


def cpu_seconds(pid: int) -> float:
    """User and system CPU time the process ``pid`` has used (0 where /proc is not)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return 0.0
    fields = stat.rsplit(")", 1)[1].split()  # from the state on: the name may hold spaces
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


async def wait_until_up(url: str, process: asyncio.subprocess.Process) -> None:
    started = time.monotonic()
    async with httpx.AsyncClient() as client:
        while True:
            assert process.returncode is None, f"the server for {url} exited"
            try:
                if (await client.get(f"{url}/healthz")).status_code == 200:
                    return
            except httpx.TransportError:
                pass
            used, waited = cpu_seconds(process.pid), time.monotonic() - started
            if used > STARTUP_CPU_SECONDS or waited > STARTUP_WALL_SECONDS:
                raise AssertionError(
                    f"{url} did not start: {used:.1f} s of CPU used in {waited:.0f} s"
                )
            await asyncio.sleep(0.1)
