"""Body limits hold for chunked bodies too: JSON gets the JSON limit, uploads the upload limit."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator

import httpx

from app.core.settings import get_settings
from tests.support.client import GraphQLResult
from tests.support.factories import OrgFixture
from tests.support.fixture_types import ClientFactory, SignIn

IMPORT = """mutation($input: ImportQuizInput!) { importQuiz(input: $input) {
  quiz { title } importedQuestions } }"""
AIKEN = b"What is 2 + 2?\nA. 3\nB. 4\nANSWER: B\n"


async def in_chunks(body: bytes, size: int = 64 * 1024) -> AsyncIterator[bytes]:
    # An async generator has no length: httpx sends it chunked, without Content-Length.
    for start in range(0, len(body), size):
        yield body[start : start + size]


async def test_a_chunked_json_body_over_the_json_limit_is_refused(
    client_factory: ClientFactory, org: OrgFixture
) -> None:
    limit = get_settings().max_body_bytes
    body = json.dumps(
        {"query": "query($pad: String) { __typename }", "variables": {"pad": "x" * (limit + 1)}}
    ).encode()
    assert len(body) < get_settings().max_upload_bytes
    response = await client_factory().http.post(
        "/graphql", content=in_chunks(body), headers={"content-type": "application/json"}
    )
    assert "content-length" not in response.request.headers
    assert response.status_code == 413
    assert response.headers["content-type"] == "application/problem+json"
    assert response.json()["code"] == "PAYLOAD_TOO_LARGE"
    assert str(limit) in response.json()["detail"]


async def test_a_chunked_upload_keeps_the_upload_limit(org: OrgFixture, signed_in: SignIn) -> None:
    teacher = await signed_in(org, "teacher")
    data = AIKEN + b"\n" * (get_settings().max_body_bytes + 1)  # over the JSON limit only
    operations = {"query": IMPORT, "variables": {"input": {"file": None, "format": "AIKEN"}}}
    encoded = httpx.Request(
        "POST",
        "http://testserver/graphql",
        data={
            "operations": json.dumps(operations),
            "map": json.dumps({"0": ["variables.input.file"]}),
        },
        files={"0": ("quiz.txt", data, "text/plain")},
    )
    body = encoded.read()
    response = await teacher.http.post(
        "/graphql",
        content=in_chunks(body),
        headers={"content-type": encoded.headers["content-type"], "GraphQL-Preflight": "1"},
    )
    assert "content-length" not in response.request.headers
    result = GraphQLResult(response).ok()["importQuiz"]
    assert result["importedQuestions"] == 1
