"""Persisted queries across real server processes, the command line and websockets.

Two processes on one database see each other's registrations at once (the registry
is in the database; each process only remembers what it has looked up). A manifest
registered with ``quizgraph persisted-queries register`` is all a server in trusted
mode runs. A subscription may be sent by hash on a websocket.
"""

from __future__ import annotations

import asyncio
import json
import os
import sys
import uuid
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest

from app.persisted_queries.service import sha256_of
from tests.persisted_queries.support import fresh_query, persisted, post
from tests.support.servers import Deployment, cli, deployment
from tests.support.websocket import TRANSPORT_WS, Subscriber


@pytest.fixture(scope="module")
async def two_processes(database_url: str) -> AsyncIterator[Deployment]:
    async with deployment(database_url, processes=2) as running:
        yield running


def board_subscription() -> str:
    return (
        f"subscription Board{uuid.uuid4().hex}($slug: String!) "
        "{ leaderboardUpdated(orgSlug: $slug) { entries { rank } } }"
    )


def subscribe(op_id: str, payload: dict[str, Any]) -> dict[str, Any]:
    return {"id": op_id, "type": "subscribe", "payload": payload}


async def socket_of(server: Deployment, index: int) -> Subscriber:
    owner = await server.signed_in("owner", index=index)
    socket = await Subscriber.connect(
        server.ws_url(index), cookie=owner.http.cookies["qg_session"], protocol=TRANSPORT_WS
    )
    await socket.acknowledged()
    return socket


async def test_a_registration_through_one_process_is_found_by_the_other(
    two_processes: Deployment,
) -> None:
    # given: a document registered through the first process
    document = fresh_query()
    first, second = two_processes.client(0), two_processes.client(1)
    (await post(first, query=document, extensions=persisted(document))).ok()

    # when: its hash alone, through the second
    found = await post(second, extensions=persisted(document))

    # then
    assert found.ok() == {"viewer": {"kind": "ANONYMOUS"}}


async def test_a_subscription_runs_by_hash_on_a_websocket(two_processes: Deployment) -> None:
    # given: a subscription registered on one process's socket (document and hash)
    board = board_subscription()
    variables = {"slug": two_processes.slug}
    registering = await socket_of(two_processes, 0)
    await registering.send(
        subscribe("1", {"query": board, "variables": variables, "extensions": persisted(board)})
    )
    assert "leaderboardUpdated" in await registering.next_data()

    # when: the hash alone (graphql-ws clients send an empty query) on the other's
    socket = await socket_of(two_processes, 1)
    await socket.send(
        subscribe("1", {"query": "", "variables": variables, "extensions": persisted(board)})
    )
    known = await socket.next_data()
    await socket.send(
        subscribe("2", {"variables": variables, "extensions": persisted(fresh_query())})
    )
    unknown = (await socket.outcomes(["2"]))["2"]

    # then: the known one runs, the unknown one is refused with Apollo's code
    assert "leaderboardUpdated" in known
    assert unknown[0]["type"] == "error"
    assert unknown[0]["payload"][0]["extensions"]["code"] == "PERSISTED_QUERY_NOT_FOUND"
    await socket.close()
    await registering.close()


async def test_a_trusted_server_runs_what_the_command_line_registered_and_nothing_else(
    database_url: str, tmp_path: Path
) -> None:
    # given: a server running trusted documents only, and a Codegen manifest
    document = fresh_query()
    manifest = tmp_path / "persisted-documents.json"
    manifest.write_text(json.dumps({sha256_of(document): document}))
    trusted = {"QUIZGRAPH_PERSISTED_QUERIES": "trusted"}
    async with deployment(database_url, extra_env=trusted) as server:
        client = server.client()
        before = await post(client, extensions=persisted(document))

        # when
        printed = await cli(server.env, "persisted-queries", "register", str(manifest))

        # then
        assert before.codes == ["PERSISTED_QUERY_NOT_IN_LIST"]
        assert "registered 1 trusted documents" in printed
        assert (await post(client, extensions=persisted(document))).ok()["viewer"]
        assert (await post(client, query=document)).ok()["viewer"]
        assert (await post(client, query=fresh_query())).codes == ["PERSISTED_QUERY_NOT_IN_LIST"]


async def test_the_command_line_refuses_a_manifest_hashed_otherwise(
    database_url: str, tmp_path: Path
) -> None:
    # given: a manifest keyed by sha1 (GraphQL Codegen's default)
    manifest = tmp_path / "persisted-documents.json"
    manifest.write_text(json.dumps({"a" * 40: "{ viewer { kind } }"}))
    env = {**os.environ, "QUIZGRAPH_DATABASE_URL": database_url}

    # when
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "app.cli",
        "persisted-queries",
        "register",
        str(manifest),
        env=env,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    _, stderr = await process.communicate()

    # then
    assert process.returncode == 1
    assert "not the SHA-256" in stderr.decode()
