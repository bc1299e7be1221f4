"""A partner's integration with quizgraph, in Python with gql (its httpx and websockets transports).

What it does, with one API key (``QUIZGRAPH_API_KEY``; scopes ``quizzes:read``,
``analytics:read`` and ``leaderboard:read``):

1. asks who it is (``viewer``): the key's org;
2. pages through the org's quiz list (``first``/``after``, ``QUIZGRAPH_PAGE_SIZE`` a page);
3. exports each quiz's results as CSV (``GET /quizzes/<id>/results.csv``) into
   ``QUIZGRAPH_EXPORT_DIR`` (default ``./exports``);
4. subscribes to the org's leaderboard over a websocket (graphql-transport-ws) and
   waits for one update after the first message (``QUIZGRAPH_WAIT_SECONDS``, 300).

Refusals are handled as the API documents them: 401 (``INVALID_API_KEY``: revoked,
expired, mistyped) and 403 (``FORBIDDEN`` and the other door codes) stop the script
with what to fix; 429 (``RATE_LIMITED``) waits the ``Retry-After`` seconds and tries
again, unless that is longer than ``QUIZGRAPH_MAX_RETRY_WAIT`` (default 120).

Run:  QUIZGRAPH_URL=https://quiz.example.org QUIZGRAPH_API_KEY=iq_live_… python partner.py
Exit codes: 0 done, 2 key refused (401), 3 forbidden (403), 4 rate limited too long,
5 no board update in time, 1 anything else.
"""

from __future__ import annotations

import asyncio
import functools
import os
import sys
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any, TypeVar

import httpx
from gql import Client, GraphQLRequest, gql
from gql.transport.exceptions import TransportQueryError, TransportServerError
from gql.transport.httpx import HTTPXAsyncTransport
from gql.transport.websockets import WebsocketsTransport

T = TypeVar("T")

VIEWER = gql("query Viewer { viewer { kind scopes organization { slug name } } }")
QUIZZES = gql(
    """query Quizzes($slug: String!, $first: Int!, $after: String) {
  organization(slug: $slug) {
    quizzes(first: $first, after: $after) {
      pageInfo { hasNextPage endCursor }
      edges { node { id title status } }
    }
  }
}"""
)
BOARD = gql(
    """subscription Board($slug: String!) {
  leaderboardUpdated(orgSlug: $slug) { entries { rank displayName score } }
}"""
)


class Refused(Exception):
    """The API refused the request in a way retrying won't fix (or not soon enough)."""

    def __init__(self, exit_code: int, message: str) -> None:
        super().__init__(message)
        self.exit_code = exit_code


class Settings:
    def __init__(self) -> None:
        self.url = os.environ.get("QUIZGRAPH_URL", "http://127.0.0.1:8000").rstrip("/")
        self.key = os.environ.get("QUIZGRAPH_API_KEY", "")
        self.page_size = int(os.environ.get("QUIZGRAPH_PAGE_SIZE", "20"))
        self.export_dir = Path(os.environ.get("QUIZGRAPH_EXPORT_DIR", "exports"))
        self.max_retry_wait = float(os.environ.get("QUIZGRAPH_MAX_RETRY_WAIT", "120"))
        self.wait_seconds = float(os.environ.get("QUIZGRAPH_WAIT_SECONDS", "300"))

    @property
    def headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.key}"}


def refusal(code: str | None, status: int | None, message: str) -> Refused:
    """The exit for a refusal that waiting won't fix."""
    if code == "INVALID_API_KEY" or status == 401:
        return Refused(2, f"the API key was refused ({message}): check it, or make a new one")
    return Refused(3, f"forbidden ({code or status}): {message}")


async def with_retries(
    settings: Settings, call: Callable[[], Awaitable[T]], retry_after: Callable[[], float]
) -> T:
    """``call()``, waiting out RATE_LIMITED answers for as long as ``Retry-After`` says."""
    while True:
        try:
            return await call()
        except TransportQueryError as error:
            first = (error.errors or [{}])[0]
            code = (first.get("extensions") or {}).get("code")
            if code != "RATE_LIMITED":
                raise refusal(code, None, str(first.get("message", error))) from None
        except TransportServerError as error:  # an answer with no GraphQL body
            if error.code != 429:
                raise refusal(None, error.code, str(error)) from None
        wait = retry_after()
        if wait > settings.max_retry_wait:
            raise Refused(4, f"rate limited: retry after {wait:g} s (more than we wait)")
        print(f"rate limited: waiting {wait:g} s (Retry-After)", flush=True)
        await asyncio.sleep(wait)


async def export_results(http: httpx.AsyncClient, settings: Settings, quiz: dict[str, Any]) -> Path:
    """One quiz's results CSV, written to the export directory, with the same handling
    of 401/403/429 (the answer is problem details: ``code`` and ``Retry-After``)."""
    while True:
        response = await http.get(f"{settings.url}/quizzes/{quiz['id']}/results.csv")
        if response.status_code == 200:
            path = settings.export_dir / f"{quiz['id']}.csv"
            path.write_bytes(response.content)
            return path
        problem = response.json()
        if response.status_code != 429:
            raise refusal(problem.get("code"), response.status_code, problem.get("detail", ""))
        wait = float(response.headers.get("Retry-After", "1"))
        if wait > settings.max_retry_wait:
            raise Refused(4, f"rate limited: retry after {wait:g} s (more than we wait)")
        await asyncio.sleep(wait)


async def quiz_list(
    session: Any, settings: Settings, slug: str, retry_after: Callable[[], float]
) -> list[dict[str, Any]]:
    quizzes: list[dict[str, Any]] = []
    after = None
    while True:
        page_request = GraphQLRequest(
            QUIZZES, variable_values={"slug": slug, "first": settings.page_size, "after": after}
        )
        page = await with_retries(
            settings, functools.partial(session.execute, page_request), retry_after
        )
        connection = page["organization"]["quizzes"]
        quizzes += [edge["node"] for edge in connection["edges"]]
        print(f"page of {len(connection['edges'])} quizzes", flush=True)
        if not connection["pageInfo"]["hasNextPage"]:
            return quizzes
        after = connection["pageInfo"]["endCursor"]


async def wait_for_board_update(settings: Settings, slug: str) -> list[dict[str, Any]]:
    """Subscribe to the org's board; the first message is the board as it is, the next
    one the update we wait for."""
    transport = WebsocketsTransport(
        url=settings.url.replace("http", "ws", 1) + "/graphql",
        subprotocols=[WebsocketsTransport.GRAPHQLWS_SUBPROTOCOL],  # graphql-transport-ws
        init_payload={"authorization": f"Bearer {settings.key}"},
    )
    board = GraphQLRequest(BOARD, variable_values={"slug": slug})
    async with Client(transport=transport) as session:
        messages = 0
        async for result in session.subscribe(board):
            messages += 1
            if messages == 1:
                print("subscribed to the board; waiting for an update", flush=True)
                continue
            entries: list[dict[str, Any]] = result["leaderboardUpdated"]["entries"]
            return entries
    raise Refused(1, "the subscription ended without an update")


async def run(settings: Settings) -> None:
    http_transport = HTTPXAsyncTransport(url=f"{settings.url}/graphql", headers=settings.headers)

    def retry_after() -> float:
        headers = http_transport.response_headers or {}
        return float(headers.get("Retry-After", "1"))

    async with Client(transport=http_transport) as session:
        viewer = await with_retries(settings, lambda: session.execute(VIEWER), retry_after)
        org = viewer["viewer"]["organization"]
        print(f"signed in as an API key of {org['name']} ({org['slug']})", flush=True)
        quizzes = await quiz_list(session, settings, org["slug"], retry_after)
    for quiz in quizzes:
        print(f"quiz: {quiz['title']} ({quiz['status']})", flush=True)
    settings.export_dir.mkdir(parents=True, exist_ok=True)
    async with httpx.AsyncClient(headers=settings.headers, timeout=60) as http:
        for quiz in quizzes:
            path = await export_results(http, settings, quiz)
            print(f"exported {path}", flush=True)
    try:
        entries = await asyncio.wait_for(
            wait_for_board_update(settings, org["slug"]), settings.wait_seconds
        )
    except TransportQueryError as error:  # e.g. FORBIDDEN: the key lacks leaderboard:read
        first = (error.errors or [{}])[0]
        code = (first.get("extensions") or {}).get("code")
        raise refusal(code, None, str(first.get("message", error))) from None
    except TimeoutError:
        raise Refused(5, f"no board update within {settings.wait_seconds:g} s") from None
    top = ", ".join(f"{e['rank']}. {e['displayName']} ({e['score']:g})" for e in entries[:3])
    print(f"board update: {top}", flush=True)


def main() -> int:
    settings = Settings()
    if not settings.key:
        print("set QUIZGRAPH_API_KEY to an API key (iq_live_…)", file=sys.stderr)
        return 1
    try:
        asyncio.run(run(settings))
    except Refused as refused:
        print(f"error: {refused}", file=sys.stderr)
        return refused.exit_code
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
