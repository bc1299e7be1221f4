"""A subscription resolver's way into a cohort.

The websocket door puts a ``LiveTarget`` (the socket's ``SocketSender``, the
operation's id and protocol, and the connection's ``hold``) on each operation's
context. A live subscription's resolver checks what it must (permission,
arguments), then ``await follow(…)``: the operation joins its cohort and gets its
first message; every later message is the cohort's, written straight to the socket.

Then the resolver **returns**: the door keeps the ``Subscriber`` (``hold``) and
Strawberry's execution of the operation ends (its task, stream, execution context
and extensions are freed; the door does not send ``complete`` for it). The
subscription lives on as the subscriber alone, until the client completes it, the
socket closes or the credential watch closes it, when the door calls
``Subscriber.leave`` (which runs the domain's ``on_leave``). Without a ``hold`` (a
context made in a test, another server), ``follow`` waits until the operation is
cancelled, then leaves::

    @strawberry.subscription
    async def board_updated(self, info: Info, ...) -> AsyncGenerator[Board, None]:
        ...checks...
        await follow(info, target=info.context.live, hub=hub, topic=key, actor=actor,
                     initial=current, to_root=Board.from_state,
                     context_value=lambda v: CohortContext.of(v, request_id),
                     on_leave=lambda: feed.unfollow())
        return
        yield  # an async generator, as Strawberry requires
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Hashable
from dataclasses import dataclass
from typing import Annotated, Any, cast

import strawberry
from graphql import (
    GraphQLError,
    GraphQLResolveInfo,
    default_field_resolver,
    default_type_resolver,
)
from graphql.execution import Executor
from graphql.execution.collect_fields import FragmentDetails
from graphql.execution.get_variable_signature import (
    GraphQLVariableSignature,
    get_variable_signature,
)
from graphql.execution.values import VariableValues

from app.access.actor import Actor
from app.access.request import RequestMeta
from app.core.errors import BadUserInput
from app.graphql.live.cohorts import CohortKey, LiveHub, Subscriber, Visibility
from app.graphql.live.frames import FrameKind
from app.graphql.live.selection import LiveSelection, document_key, variables_key
from app.graphql.live.sender import SocketSender

__all__ = [
    "MAX_TOP",
    "BoardTop",
    "CohortContext",
    "LiveTarget",
    "checked_top",
    "cohort_key",
    "follow",
    "follow_topic",
    "live_target",
    "selection_from",
    "variables_of",
]


MAX_TOP = 100
"""The most entries a live board subscription sends (a leaderboard's, a tournament's)."""

BoardTop = Annotated[int, strawberry.argument(description=f"How many entries, 1 to {MAX_TOP}.")]


def checked_top(top: int) -> int:
    """``top`` of a board subscription, or BAD_USER_INPUT naming it."""
    if not 1 <= top <= MAX_TOP:
        raise BadUserInput({"top": f"must be between 1 and {MAX_TOP}"})
    return top


@dataclass(frozen=True, slots=True)
class LiveTarget:
    """Where one websocket operation's frames go, and who keeps its subscriber."""

    sender: SocketSender
    operation_id: str
    kind: FrameKind = FrameKind.NEXT
    # The connection's keeper of set-up subscriptions: called with the subscriber once
    # its first message went out, it owns it from then on (and calls ``leave``), so
    # the operation's execution can end. None: ``follow`` waits until cancelled.
    hold: Callable[[Subscriber], None] | None = None


@dataclass(frozen=True, slots=True)
class CohortServices:
    """A cohort's ``sc``: its actor (``Visibility.actor()``: the cohort's scopes, no
    identity) and no database session. What a cohort's selection resolves must be in
    the root value the domain's feed made (one query per change, not per cohort)."""

    actor: Actor
    meta: RequestMeta
    db: None = None


@dataclass(frozen=True, slots=True)
class CohortContext:
    """``info.context`` of a cohort's runs: shaped like the request's ``Context``
    (``sc``, ``actor``) without a request, a response, loaders or a session."""

    sc: CohortServices
    request: None = None
    response: None = None
    live: None = None

    @property
    def actor(self) -> Actor:
        return self.sc.actor

    @classmethod
    def of(cls, visibility: Visibility, request_id: str = "live") -> CohortContext:
        return cls(CohortServices(visibility.actor(), RequestMeta(request_id=request_id)))


def _raw(info: Any) -> GraphQLResolveInfo[Any]:
    """graphql-core's resolve info (Strawberry's ``Info`` wraps it)."""
    # Strawberry's own NamedTuple of the same fields, not a subclass: duck-typed.
    return cast("GraphQLResolveInfo[Any]", getattr(info, "_raw_info", info))


def variables_of(info: Any) -> dict[str, Any]:
    """The operation's coerced variables (Strawberry's resolve info carries only these)."""
    values: Any = _raw(info).variable_values
    return dict(values.coerced if isinstance(values, VariableValues) else values)


def cohort_key(info: Any, topic: Hashable, visibility: Visibility) -> CohortKey:
    raw = _raw(info)
    operation = raw.operation
    return CohortKey(
        topic=topic,
        document=document_key(operation, raw.fragments),
        operation_name=operation.name.value if operation.name else None,
        variables=variables_key(variables_of(info)),
        visibility=visibility,
    )


def selection_from(
    info: Any,
    *,
    context_value: Any,
    executor_class: type[Executor[Any]] | None = None,
    request_id: str = "live",
) -> LiveSelection:
    """The operation of ``info`` as a cohort runs it, with the cohort's context: an
    executor built from the validated operation and its coerced variables."""
    raw = _raw(info)
    schema = raw.schema
    if executor_class is None:
        strawberry_schema = getattr(schema, "_strawberry_schema", None)
        executor_class = cast(
            "type[Executor[Any]]",
            getattr(strawberry_schema, "execution_context_class", Executor),
        )
    fragments: dict[str, FragmentDetails] = {}
    for name, definition in raw.fragments.items():
        signatures: dict[str, GraphQLVariableSignature] | None = None
        if definition.variable_definitions:
            signatures = {}
            for variable in definition.variable_definitions:
                signature = get_variable_signature(schema, variable)
                if isinstance(signature, GraphQLError):
                    raise signature
                signatures[signature.name] = signature
        fragments[name] = FragmentDetails(definition, signatures)
    executor = executor_class(
        schema,
        dict(raw.fragments),
        fragments,
        None,
        context_value,
        raw.operation,
        VariableValues({}, variables_of(info)),
        default_field_resolver,
        default_type_resolver,
        default_field_resolver,
    )
    return LiveSelection(executor, request_id=request_id)


async def follow(
    info: Any,
    *,
    target: LiveTarget,
    hub: LiveHub,
    topic: Hashable,
    actor: Actor,
    initial: Callable[[], Awaitable[Any]],
    to_root: Callable[[Any], Any],
    context_value: Callable[[Visibility], Any],
    request_id: str = "live",
    on_leave: Callable[[], None] | None = None,
) -> None:
    """Join the cohort of this operation (refused with BAD_USER_INPUT when it selects
    a per-subscriber field) and send its first message (``initial()``: the topic's
    current value). Then hand the subscriber to ``target.hold`` and return, or,
    without one, wait until cancelled and leave. ``on_leave`` runs once when the
    subscription ends, however it ends (a refused join included)."""
    visibility = Visibility.of(actor)
    try:
        subscriber: Subscriber = hub.join(
            cohort_key(info, topic, visibility),
            selection=lambda: selection_from(
                info, context_value=context_value(visibility), request_id=request_id
            ),
            to_root=to_root,
            sender=target.sender,
            operation_id=target.operation_id,
            kind=target.kind,
            on_leave=on_leave,
        )
    except BaseException:
        if on_leave is not None:
            on_leave()
        raise
    held = False
    try:
        await hub.first(subscriber, await initial())
        if target.hold is not None:
            target.hold(subscriber)
            held = True
            return
        await asyncio.get_running_loop().create_future()  # until the operation is cancelled
    finally:
        if not held:
            subscriber.leave()


def live_target(info: Any) -> LiveTarget:
    """Where the operation's frames go; refused with BAD_USER_INPUT when it did not come
    over a websocket (a subscription sent over HTTP)."""
    target: LiveTarget | None = info.context.live
    if target is None:
        raise BadUserInput(
            {"operation": "subscriptions run over a websocket"},
            f"{_raw(info).field_name} runs over a websocket (graphql-transport-ws or graphql-ws).",
        )
    return target


async def follow_topic(
    info: Any,
    *,
    target: LiveTarget,
    hub: LiveHub,
    topic: Hashable,
    initial: Callable[[], Awaitable[Any]],
    to_root: Callable[[Any], Any],
    on_leave: Callable[[], None] | None = None,
) -> None:
    """``follow`` as a domain's subscription resolver calls it, once its checks are done
    (``target`` from ``live_target``): as the operation's actor, its cohorts' context a
    ``CohortContext`` with the operation's request id, and the operation's session
    closed first, since an idle subscriber holds no database state (its connection, its
    identity map, the rows the checks read). ``on_leave`` runs once however it ends."""
    sc = info.context.sc
    actor: Actor = sc.actor
    request_id: str = sc.meta.request_id
    try:
        await sc.db.close()
    except BaseException:
        if on_leave is not None:
            on_leave()
        raise
    await follow(
        info,
        target=target,
        hub=hub,
        topic=topic,
        actor=actor,
        initial=initial,
        to_root=to_root,
        context_value=lambda visibility: CohortContext.of(visibility, request_id),
        request_id=request_id,
        on_leave=on_leave,
    )
