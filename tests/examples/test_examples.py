"""The partner examples (examples/python with gql, examples/node with graphql-request
and graphql-ws) run as a partner would run them, against a real server: a key of a
fresh org pages its three quizzes two at a time, exports each one's results, and waits
on the board until the test submits an attempt; and they stop with the right exit code
on a revoked key (401), a missing scope (403) and a spent rate limit (429 with a
Retry-After longer than they are told to wait).

The Node example's packages are installed by `make test` (npm ci in examples/node).
"""

from __future__ import annotations

import asyncio
import csv
import os
import re
import sys
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.api_keys.support import CREATE_KEY, REVOKE
from tests.leaderboards.support import answers, two_point_quiz
from tests.quizzes.api import START, SUBMIT
from tests.support.client import ApiClient
from tests.support.databases import sqlite_database
from tests.support.servers import ADD_MEMBER, PASSWORD, Deployment, deployment

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
COMMANDS = {
    "python": [sys.executable, str(EXAMPLES / "python" / "partner.py")],
    "node": ["node", str(EXAMPLES / "node" / "partner.mjs")],
}
PARTNER_SCOPES = ["quizzes:read", "analytics:read", "leaderboard:read"]
TITLES = ["Algebra", "Biology", "Chemistry"]


@dataclass
class Org:
    server: Deployment
    owner: ApiClient
    student: ApiClient
    quizzes: list[dict[str, object]]

    async def key(self, scopes: list[str], limit: int = 1000) -> tuple[str, str]:
        variables = {"input": {"name": "example", "scopes": scopes, "rateLimitPerMinute": limit}}
        created = (await self.owner.gql(CREATE_KEY, variables)).ok()["createApiKey"]
        return created["apiKey"]["id"], created["secret"]


@pytest.fixture(scope="module")
async def org(tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[Org]:
    async with (
        sqlite_database(tmp_path_factory.mktemp("examples")) as database_url,
        deployment(database_url) as server,
    ):
        owner = await server.signed_in("owner")
        quizzes = [await two_point_quiz(owner, title) for title in TITLES]
        new_member = {
            "username": "sam",
            "displayName": "Sam",
            "role": "STUDENT",
            "password": PASSWORD,
        }
        (await owner.gql(ADD_MEMBER, {"input": new_member})).ok()
        student = await server.signed_in("sam")
        await submit(student, quizzes[0], points=1)  # a result to export
        yield Org(server, owner, student, quizzes)


@pytest.fixture(params=sorted(COMMANDS))
def language(request: pytest.FixtureRequest) -> str:
    language: str = request.param
    if language == "node":
        assert (EXAMPLES / "node" / "node_modules" / "graphql-ws").is_dir(), (
            "the Node example's packages are missing: `make test` installs them "
            "(cd examples/node && npm ci)"
        )
    return language


async def start(
    language: str, org: Org, secret: str, export_dir: Path, **settings: str
) -> asyncio.subprocess.Process:
    env = {
        **os.environ,
        "QUIZGRAPH_URL": org.server.urls[0],
        "QUIZGRAPH_API_KEY": secret,
        "QUIZGRAPH_PAGE_SIZE": "2",
        "QUIZGRAPH_EXPORT_DIR": str(export_dir),
        "QUIZGRAPH_WAIT_SECONDS": "30",
        **settings,
    }
    return await asyncio.create_subprocess_exec(
        *COMMANDS[language],
        env=env,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )


async def finished(process: asyncio.subprocess.Process) -> tuple[int, str, str]:
    stdout, stderr = await asyncio.wait_for(process.communicate(), timeout=60)
    assert process.returncode is not None
    return process.returncode, stdout.decode(), stderr.decode()


async def test_the_example_pages_exports_and_hears_a_board_update(
    language: str, org: Org, tmp_path: Path
) -> None:
    _key_id, secret = await org.key(PARTNER_SCOPES)
    example = await start(language, org, secret, tmp_path)
    assert example.stdout is not None
    # when the example says it waits on the board, a student submits
    seen: list[str] = []
    while not seen or "waiting for an update" not in seen[-1]:
        line = await asyncio.wait_for(example.stdout.readline(), timeout=60)
        assert line, f"the example ended early: {seen} {await example.stderr.read()!r}"  # type: ignore[union-attr]
        seen.append(line.decode().strip())
    await submit(org.student, org.quizzes[1], points=2)
    code, rest, stderr = await finished(example)
    output = seen + rest.splitlines()
    # then it paged (two, then one), exported each quiz, and printed the update
    assert code == 0, (output, stderr)
    assert output[0].startswith("signed in as an API key of Live School")
    assert [line for line in output if line.startswith("page of")] == [
        "page of 2 quizzes",
        "page of 1 quizzes",
    ]
    assert sorted(re.findall(r"^quiz: (\w+) \(PUBLISHED\)$", "\n".join(output), re.M)) == TITLES
    assert len([line for line in output if line.startswith("exported ")]) == len(TITLES)
    assert any(line.startswith("board update: 1. Sam (") for line in output), output
    exported = exported_rows(tmp_path)
    assert len(exported) == len(TITLES)
    rows = exported[str(org.quizzes[0]["id"])]
    assert len(rows) == 2 and "Sam" in rows[1]  # the header and the one attempt


async def test_a_revoked_key_stops_the_example_with_exit_code_2(
    language: str, org: Org, tmp_path: Path
) -> None:
    key_id, secret = await org.key(PARTNER_SCOPES)
    (await org.owner.gql(REVOKE, {"input": {"id": key_id}})).ok()
    code, _out, stderr = await finished(await start(language, org, secret, tmp_path))
    assert code == 2, stderr
    assert "the API key was refused" in stderr


async def test_a_missing_scope_stops_the_example_with_exit_code_3(
    language: str, org: Org, tmp_path: Path
) -> None:
    _key_id, secret = await org.key(["org:read"])  # no quizzes:read
    code, _out, stderr = await finished(await start(language, org, secret, tmp_path))
    assert code == 3, stderr
    assert "forbidden (FORBIDDEN)" in stderr and "quizzes:read" in stderr


async def test_a_spent_limit_stops_the_example_when_retry_after_is_too_long(
    language: str, org: Org, tmp_path: Path
) -> None:
    # given a key of one request a minute: the viewer query spends it
    _key_id, secret = await org.key(PARTNER_SCOPES, limit=1)
    example = await start(language, org, secret, tmp_path, QUIZGRAPH_MAX_RETRY_WAIT="5")
    code, _out, stderr = await finished(example)
    # then the quiz list is refused with a Retry-After the example won't wait for
    assert code == 4, stderr
    found = re.search(r"rate limited: retry after (\d+) s", stderr)
    assert found and 5 < int(found.group(1)) <= 60, stderr


def exported_rows(directory: Path) -> dict[str, list[list[str]]]:
    """Each exported CSV's rows, by quiz id (the file's name)."""
    exported = {}
    for path in directory.glob("*.csv"):
        with path.open(newline="") as file:
            exported[path.stem] = list(csv.reader(file))
    return exported


async def submit(client: ApiClient, quiz: dict[str, object], points: int) -> None:
    started = (await client.gql(START, {"quizId": quiz["id"]})).ok()
    attempt = started["startAttempt"]["attempt"]
    chosen = answers(quiz, points)
    (await client.gql(SUBMIT, {"input": {"attemptId": attempt["id"], "answers": chosen}})).ok()
