"""Production mode, on a real server: no introspection, no "Did you mean", no GraphiQL
unless a setting turns each back on; security headers on every response; a private
SQLite file."""

from __future__ import annotations

import asyncio
import stat
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest

from tests.support.servers import Deployment, deployment

PRODUCTION = {
    "QUIZGRAPH_ENVIRONMENT": "production",
    "QUIZGRAPH_SECRET_KEY": "production-mode-test-secret",
}
TURNED_BACK_ON = {
    **PRODUCTION,
    "QUIZGRAPH_INTROSPECTION": "true",
    "QUIZGRAPH_GRAPHIQL": "true",
    "QUIZGRAPH_FIELD_SUGGESTIONS": "true",
}
INTROSPECTION = [
    "{ __schema { types { name } } }",
    '{ __type(name: "Viewer") { fields { name } } }',
]
ADD_MEMBER = """mutation($input: AddMemberInput!) { addMember(input: $input) { member { id } } }"""
# Each of these is refused with a suggestion graphql-core would normally add: a field,
# an enum literal (validation), and an enum value and an input field in variables
# (coercion at execution).
MISSPELT: list[tuple[str, dict[str, Any]]] = [
    ("{ viewer { kindd } }", {}),
    (
        """mutation { addMember(input: {username: "x", displayName: "X", role: OWNR,
        password: "a long enough password"}) { member { id } } }""",
        {},
    ),
    (
        ADD_MEMBER,
        {
            "input": {
                "username": "x",
                "displayName": "X",
                "role": "OWNR",
                "password": "a long enough password",
            }
        },
    ),
    (
        ADD_MEMBER,
        {
            "input": {
                "username": "x",
                "displayName": "X",
                "role": "STUDENT",
                "password": "a long enough password",
                "passwrd": "misspelt",
            }
        },
    ),
]


@pytest.fixture(scope="module")
async def production(database_url: str) -> AsyncIterator[Deployment]:
    async with deployment(database_url, extra_env=PRODUCTION) as running:
        yield running


@pytest.fixture(scope="module")
async def turned_back_on(database_url: str) -> AsyncIterator[Deployment]:
    async with deployment(database_url, extra_env=TURNED_BACK_ON) as running:
        yield running


async def test_introspection_is_refused_with_a_coded_error(production: Deployment) -> None:
    client = production.client()
    for query in INTROSPECTION:
        result = await client.gql(query)
        assert result.data is None, query
        assert result.code == "BAD_USER_INPUT", result
        assert "introspection has been disabled" in result.errors[0]["message"]
    # __typename is not introspection of the schema, and clients rely on it
    assert (await client.gql("{ __typename }")).ok() == {"__typename": "Query"}


async def test_errors_carry_no_suggestions(production: Deployment) -> None:
    client = production.client()
    for query, variables in MISSPELT:
        result = await client.gql(query, variables)
        assert result.code == "BAD_USER_INPUT", result
        assert "Did you mean" not in result.response.text, result
    field = await client.gql(*MISSPELT[0])
    assert field.errors[0]["message"] == "Cannot query field 'kindd' on type 'Viewer'."


async def test_graphiql_is_not_served(production: Deployment) -> None:
    client = production.client()
    page = await client.http.get("/graphql", headers={"accept": "text/html"})
    assert page.status_code == 404
    assert page.headers["content-type"].startswith("text/plain")
    assert "<script" not in page.text.lower()
    # queries over GET still work for other clients
    query = await client.http.get("/graphql", params={"query": "{ __typename }"})
    assert query.json() == {"data": {"__typename": "Query"}}


async def test_every_response_carries_the_security_headers(production: Deployment) -> None:
    client = production.client()
    responses = [
        await client.http.get("/"),
        await client.http.get(f"/org/{production.slug}/portal/{production.portal_code}/login"),
        await client.http.get("/healthz"),
        await client.http.get("/readyz"),
        await client.http.get("/graphql", headers={"accept": "text/html"}),
        (await client.gql("{ viewer { kind } }")).response,
    ]
    for response in responses:
        policy = response.headers["content-security-policy"]
        assert "default-src 'self'" in policy and "frame-ancestors 'none'" in policy
        assert response.headers["x-content-type-options"] == "nosniff"
        assert response.headers["referrer-policy"] == "strict-origin-when-cross-origin"
        assert "strict-transport-security" not in response.headers  # plain http


async def test_settings_turn_each_back_on(turned_back_on: Deployment) -> None:
    client = turned_back_on.client()
    for query in INTROSPECTION:
        assert (await client.gql(query)).errors == []
    for query, variables in MISSPELT:
        result = await client.gql(query, variables)
        assert result.code == "BAD_USER_INPUT"
        assert "Did you mean" in result.errors[0]["message"], result
    page = await client.http.get("/graphql", headers={"accept": "text/html"})
    assert page.status_code == 200 and "graphiql" in page.text.lower()
    assert "frame-ancestors 'none'" in page.headers["content-security-policy"]


async def test_a_new_sqlite_database_is_readable_by_its_owner_only(tmp_path: Path) -> None:
    from sqlalchemy import text

    from app.core.db import get_engine
    from app.core.migrations import upgrade_to_head

    # given a fresh path, migrated as `quizgraph migrate` does
    path = tmp_path / "var" / "quizgraph.db"
    url = f"sqlite+aiosqlite:///{path}"
    await asyncio.to_thread(upgrade_to_head, url)
    # when the server's engine writes to it (WAL mode: -wal and -shm files appear)
    engine = get_engine(url)
    try:
        async with engine.begin() as connection:
            await connection.execute(text("CREATE TABLE probe (id INTEGER)"))
        async with engine.connect() as connection:
            await connection.execute(text("SELECT count(*) FROM probe"))
            files = sorted(tmp_path.joinpath("var").iterdir())
            # then the database and its companions are 0600
            assert [file.name for file in files][:1] == ["quizgraph.db"]
            assert any(file.name.endswith("-wal") for file in files)
            for file in files:
                assert stat.S_IMODE(file.stat().st_mode) == 0o600, file.name
    finally:
        await engine.dispose()
