"""A session idle past the idle timeout is dead everywhere: over HTTP and on websockets.

``actor_for_session`` (HTTP, and every subscribe) refuses a session whose last activity
is older than ``session_idle_timeout_seconds``; the websocket credential watch, which
asks ``live_session_ids``, must refuse it too, or a socket outlives its cookie.
"""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from datetime import timedelta

import pytest
from sqlalchemy import update
from sqlmodel import col, select

from app.access.actor import ANONYMOUS
from app.access.request import RequestMeta, ServiceContext
from app.auth.models import MemberSession
from app.auth.service import live_session_ids
from app.auth.tokens import token_digest
from app.core.clock import utcnow
from app.core.db import unit_of_work
from app.core.settings import get_settings
from app.orgs.models import Organization
from tests.support.client import ApiClient
from tests.support.factories import OrgFixture
from tests.support.fixture_types import SignIn
from tests.support.servers import Deployment, deployment
from tests.support.websocket import TRANSPORT_WS, Subscriber

BOARD = """subscription($slug: String!) {
  leaderboardUpdated(orgSlug: $slug) { entries { rank } }
}"""
VIEWER = "{ viewer { kind } }"


async def session_id_of(cookie: str) -> uuid.UUID:
    async with unit_of_work(write=False) as db:
        found = await db.exec(
            select(MemberSession.id).where(MemberSession.token_hash == token_digest(cookie))
        )
        return found.one()


async def leave_idle(cookie: str) -> None:
    """Move the session's last activity back past the idle timeout, as hours of
    inactivity would."""
    idle = timedelta(seconds=get_settings().session_idle_timeout_seconds)
    async with unit_of_work() as db:
        await db.execute(
            update(MemberSession)
            .where(col(MemberSession.token_hash) == token_digest(cookie))
            .values(last_seen_at=utcnow() - idle - timedelta(minutes=1))
        )


async def live(session_ids: set[uuid.UUID]) -> set[uuid.UUID]:
    async with unit_of_work(write=False) as db:
        sc = ServiceContext(db, ANONYMOUS, RequestMeta(request_id="test"))
        return set(await live_session_ids(sc, session_ids))


async def test_an_idle_session_is_not_counted_live(org: OrgFixture, signed_in: SignIn) -> None:
    # given two signed-in members, one of whom then leaves the browser idle
    active: ApiClient = await signed_in(org, "teacher")
    idle: ApiClient = await signed_in(org, "student")
    active_id = await session_id_of(active.http.cookies["qg_session"])
    idle_id = await session_id_of(idle.http.cookies["qg_session"])
    assert await live({active_id, idle_id}) == {active_id, idle_id}
    await leave_idle(idle.http.cookies["qg_session"])
    # then the credential watch counts only the active session live ...
    assert await live({active_id, idle_id}) == {active_id}
    # ... as HTTP already does: the idle cookie reads as anonymous
    assert (await idle.gql(VIEWER)).ok()["viewer"]["kind"] == "ANONYMOUS"
    assert (await active.gql(VIEWER)).ok()["viewer"]["kind"] == "MEMBER"


@pytest.fixture(scope="module")
async def server(database_url: str) -> AsyncIterator[Deployment]:
    async with deployment(database_url) as running:
        yield running


async def test_the_watch_closes_the_socket_of_a_session_left_idle(server: Deployment) -> None:
    # given the owner watching the org's board over a websocket signed in by cookie
    owner = await server.signed_in("owner")
    cookie = owner.http.cookies["qg_session"]
    socket = await Subscriber.connect(server.ws_url(), cookie=cookie, protocol=TRANSPORT_WS)
    await socket.acknowledged()
    await socket.subscribe(BOARD, {"slug": server.slug})
    assert (await socket.next_data())["leaderboardUpdated"]["entries"] == []
    # when the session goes idle past the idle timeout
    await leave_idle(cookie)
    # then the watch (every half second) closes the socket as it would a revoked one
    assert await socket.closed(timeout=5) == (4403, "Credential revoked")


async def set_org_disabled(slug: str, disabled: bool) -> None:
    async with unit_of_work() as db:
        await db.execute(
            update(Organization).where(col(Organization.slug) == slug).values(disabled=disabled)
        )


async def test_the_watch_says_org_disabled_when_it_closes_a_disabled_orgs_socket(
    server: Deployment,
) -> None:
    # given the owner watching the org's board over a websocket signed in by cookie
    owner = await server.signed_in("owner")
    socket = await Subscriber.connect(
        server.ws_url(), cookie=owner.http.cookies["qg_session"], protocol=TRANSPORT_WS
    )
    await socket.acknowledged()
    await socket.subscribe(BOARD, {"slug": server.slug})
    assert (await socket.next_data())["leaderboardUpdated"]["entries"] == []
    # when the platform's staff disable the org
    await set_org_disabled(server.slug, True)
    try:
        # then the socket is closed with the code the HTTP door gives, not as an ended
        # session (the dashboard tells the member the org is disabled)
        assert await socket.closed(timeout=5) == (
            4403,
            "ORG_DISABLED: This organization is disabled.",
        )
    finally:
        await set_org_disabled(server.slug, False)
