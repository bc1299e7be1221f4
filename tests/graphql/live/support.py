"""A small live schema, fake sockets and a subscriber factory for the cohort tests."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import AsyncGenerator
from dataclasses import dataclass, field
from typing import Any

import orjson
import strawberry
from graphql import parse

from app.access.actor import Actor, ActorKind
from app.access.scopes import Role, Scope
from app.core.errors import NotFound
from app.graphql.live import (
    CohortKey,
    FrameKind,
    LiveHub,
    LiveSelection,
    SocketSender,
    Subscriber,
    Visibility,
    document_key,
    follow,
    per_subscriber,
    variables_key,
)

ORG = uuid.UUID(int=1)
OTHER_ORG = uuid.UUID(int=2)


def _is_me(info: strawberry.Info) -> bool:
    return bool(info.context["actor"].member_id)


@strawberry.type
class Entry:
    rank: int
    name: str

    is_me: bool = strawberry.field(resolver=_is_me, metadata=per_subscriber())

    @strawberry.field
    def fails(self) -> str | None:
        raise NotFound()

    @strawberry.field
    def breaks(self) -> str | None:
        raise RuntimeError("secret detail")

    @strawberry.field
    async def later(self) -> str:
        await asyncio.sleep(0)
        return f"later {self.rank}"


@strawberry.type
class Board:
    version: int
    entries: list[Entry]

    @strawberry.field
    def seen_by(self, info: strawberry.Info) -> str:
        actor: Actor = info.context["actor"]
        scopes = ",".join(sorted(actor.scopes))
        return (
            f"{actor.kind.value}:{actor.org_id.int if actor.org_id else '-'}:{actor.role}:{scopes}"
        )


STRAWBERRY_EVENTS: list[Board] = []


@strawberry.type
class Query:
    ok: bool = True


@strawberry.type
class Subscription:
    @strawberry.subscription
    async def board(self, name: str, top: int = 3) -> AsyncGenerator[Board, None]:
        # Strawberry's own per-subscriber path, for comparison; cohorts run events
        # without calling this.
        for value in STRAWBERRY_EVENTS:
            yield value

    @strawberry.subscription
    async def live_board(
        self, info: strawberry.Info, name: str, top: int = 3
    ) -> AsyncGenerator[Board, None]:
        """The cohort path: the context carries the hub, the target and the actor."""
        context = info.context

        async def current() -> Board:
            value: Board = context["current"]
            return value

        await follow(
            info,
            target=context["live"],
            hub=context["hub"],
            topic=("board", name),
            actor=context["actor"],
            initial=current,
            to_root=lambda value: value,
            context_value=lambda visibility: {"actor": visibility.actor()},
            on_leave=context.get("on_leave"),
        )
        return
        yield  # an async generator, as Strawberry requires


schema = strawberry.Schema(query=Query, subscription=Subscription)
BOARD = "subscription($name: String!, $top: Int) { board(name: $name, top: $top) { version entries { rank name } } }"


def board(version: int, size: int = 3) -> Board:
    return Board(version=version, entries=[Entry(rank=n + 1, name=f"m{n}") for n in range(size)])


def actor(
    *,
    org: uuid.UUID = ORG,
    role: Role = Role.TEACHER,
    scopes: frozenset[Scope] = frozenset({Scope.LEADERBOARD_READ}),
    kind: ActorKind = ActorKind.MEMBER,
) -> Actor:
    return Actor(kind=kind, scopes=scopes, org_id=org, member_id=uuid.uuid4(), role=role)


def key(
    visibility: Visibility,
    document: str = BOARD,
    variables: dict[str, Any] | None = None,
    topic: object = "board-a",
) -> CohortKey:
    parsed = parse(document)
    operation = parsed.definitions[0]
    assert hasattr(operation, "operation")
    return CohortKey(
        topic=topic,
        document=document_key(operation, {}),  # type: ignore[arg-type]
        operation_name=None,
        variables=variables_key(variables if variables is not None else {"name": "a"}),
        visibility=visibility,
    )


def selection_for(
    visibility: Visibility,
    document: str = BOARD,
    variables: dict[str, Any] | None = None,
    graphql_schema: Any = None,
) -> LiveSelection:
    return LiveSelection.build(
        (graphql_schema or schema)._schema,
        parse(document),
        variables=variables if variables is not None else {"name": "a"},
        context_value={"actor": visibility.actor()},
        request_id="live-test",
    )


@dataclass
class FakeSocket:
    """A socket whose transport takes frames at once while ``writable`` is set."""

    writable: asyncio.Event = field(default_factory=asyncio.Event)
    frames: list[str] = field(default_factory=list)
    closed_with: tuple[int, str] | None = None
    cancelled_sends: int = 0
    fail: bool = False

    def __post_init__(self) -> None:
        self.writable.set()
        self.sender = SocketSender(self.send, self.close)

    async def send(self, frame: str) -> None:
        try:
            await self.writable.wait()
        except (asyncio.CancelledError, GeneratorExit):
            self.cancelled_sends += 1
            raise
        if self.fail:
            raise ConnectionResetError("client left")
        self.frames.append(frame)

    async def close(self, code: int, reason: str) -> None:
        self.closed_with = (code, reason)

    def messages(self) -> list[dict[str, Any]]:
        return [orjson.loads(frame) for frame in self.frames]


def join(
    hub: LiveHub,
    socket: FakeSocket,
    visibility: Visibility,
    *,
    operation_id: str = "1",
    kind: FrameKind = FrameKind.NEXT,
    variables: dict[str, Any] | None = None,
    document: str = BOARD,
    topic: object = "board-a",
) -> Subscriber:
    return hub.join(
        key(visibility, document, variables, topic),
        selection=lambda: selection_for(visibility, document, variables),
        to_root=lambda value: value,
        sender=socket.sender,
        operation_id=operation_id,
        kind=kind,
    )
