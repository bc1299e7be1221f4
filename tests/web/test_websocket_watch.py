"""The credential watch indexes sockets by credential: a pass asks about each distinct
credential once and visits only the sockets of a refused one.

In process, with the door's two lookups replaced by a table (the real lookups are
covered over real sockets in test_websocket_operations.py, test_live.py,
test_live_cohorts.py and tests/auth/test_live_sessions.py)."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import pytest
from starlette.websockets import WebSocketState

from app.access.actor import Actor, ActorKind
from app.access.scopes import Role
from app.graphql.live import SocketSender
from app.web import websocket as door
from app.web.websocket import CredentialWatch, LiveSocket

SOCKETS_PER_CREDENTIAL = 300


class StandIn:
    """What the watch touches of a websocket: its state, and close."""

    def __init__(self) -> None:
        self.client_state = WebSocketState.CONNECTED
        self.closes: list[tuple[int, str]] = []

    async def close(self, code: int, reason: str) -> None:
        self.closes.append((code, reason))
        self.client_state = WebSocketState.DISCONNECTED


def socket_of(actor: Actor) -> LiveSocket:
    async def never(*_: Any) -> None:
        raise AssertionError("no frame is sent in this test")

    socket = LiveSocket(StandIn(), SocketSender(never, never))  # type: ignore[arg-type]
    socket.actor = actor
    return socket


class FakeSession:
    async def rollback(self) -> None:
        return None


@asynccontextmanager
async def fake_session() -> AsyncIterator[FakeSession]:
    yield FakeSession()


async def test_a_pass_asks_per_credential_and_closes_only_the_refused_ones(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # given three keys and one session, each with many sockets
    kept, revoked, demoted, session = (uuid.uuid4() for _ in range(4))
    actors = {
        kept: Actor(ActorKind.API_KEY, role=Role.TEACHER, api_key_id=kept),
        revoked: Actor(ActorKind.API_KEY, role=Role.TEACHER, api_key_id=revoked),
        demoted: Actor(ActorKind.API_KEY, role=Role.TEACHER, api_key_id=demoted),
        session: Actor(ActorKind.MEMBER, role=Role.OWNER, session_id=session),
    }
    sockets = {
        credential: [socket_of(actor) for _ in range(SOCKETS_PER_CREDENTIAL)]
        for credential, actor in actors.items()
    }
    asked: list[set[uuid.UUID]] = []

    async def live_keys(_sc: object, ids: set[uuid.UUID]) -> dict[uuid.UUID, Role | None]:
        asked.append(ids)
        return {kept: Role.TEACHER, demoted: Role.STUDENT}

    async def live_sessions(_sc: object, ids: set[uuid.UUID]) -> dict[uuid.UUID, Role]:
        asked.append(ids)
        return {session: Role.OWNER}

    monkeypatch.setattr(door, "live_key_ids", live_keys)
    monkeypatch.setattr(door, "live_session_ids", live_sessions)
    monkeypatch.setattr(door, "session_factory", lambda: fake_session)
    watch = CredentialWatch()
    for group in sockets.values():
        for socket in group:
            watch.add(socket)
    assert watch._task is not None
    watch._task.cancel()  # this test makes the passes itself
    assert (len(watch), watch.credentials) == (4 * SOCKETS_PER_CREDENTIAL, 4)

    # when the watch makes a pass
    await watch.check_once()

    # then each distinct credential was asked about once
    assert sorted(asked, key=len) == [{session}, {kept, revoked, demoted}]
    # and the revoked key's and the demoted key's sockets closed, the others did not
    closes = {
        credential: {tuple(s.websocket.closes[0]) if s.websocket.closes else None for s in group}  # type: ignore[attr-defined]
        for credential, group in sockets.items()
    }
    assert closes == {
        kept: {None},
        revoked: {(4403, "Credential revoked")},
        demoted: {(4403, "Role changed; reconnect")},
        session: {None},
    }
    assert (len(watch), watch.credentials) == (2 * SOCKETS_PER_CREDENTIAL, 2)

    # and sockets whose connections end leave the index
    for socket in sockets[kept] + sockets[session]:
        watch.discard(socket)
    assert (len(watch), watch.credentials) == (0, 0)
