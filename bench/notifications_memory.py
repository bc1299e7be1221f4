"""What an idle ``notificationsChanged`` subscriber costs in the cohort layer, traced.

The bell's count is per reader, so its topic is the reader's visibility and each
reader has a cohort of their own (``app/notifications/live.py``), where a board's
subscribers share one. This builds, in this process and without sockets or a
database, READERS cohorts of the real schema's ``notificationsChanged`` (one per
reader, each having sent its first count) and, for comparison, READERS subscribers of
``leaderboardUpdated`` in one shared cohort, and prints the traced bytes per
subscriber of each (tracemalloc; the socket's own cost, the same for both, is not
included). ``python -m bench.notifications_memory``.
"""

from __future__ import annotations

import asyncio
import gc
import os
import tracemalloc
import uuid
from datetime import UTC, datetime
from typing import Any

from graphql import DocumentNode, parse

from app.access.actor import Actor, ActorKind
from app.access.scopes import Role, scopes_for
from app.graphql.exposure import QuietExecutionContext
from app.graphql.live import CohortKey, LiveHub, LiveSelection, SocketSender, Visibility
from app.graphql.live.selection import document_key, variables_key
from app.leaderboards.repository import BoardRow
from app.leaderboards.subscriptions import LeaderboardUpdate
from app.leaderboards.types import LeaderboardEntry
from app.notifications.live import Count, ReaderCohorts
from app.notifications.subscriptions import NotificationsUpdate
from app.notifications.visibility import NotificationVisibility
from app.schema import schema

READERS = int(os.environ.get("BENCH_READERS", "2000"))
ORG = uuid.UUID(int=7)
BELL = "subscription($slug: String!) { notificationsChanged(orgSlug: $slug) { unreadCount } }"
BOARD = (
    "subscription($slug: String!) { leaderboardUpdated(orgSlug: $slug, top: 10) "
    "{ entries { rank displayName score } } }"
)
VARIABLES: dict[str, Any] = {"slug": "bench"}


async def _send(_frame: Any) -> None:
    return None


async def _close(_code: int, _reason: str) -> None:
    return None


# Parsed once, as the server's parse cache gives every request of one text one document.
_PARSED: dict[str, DocumentNode] = {}


def _parsed(document: str) -> DocumentNode:
    if document not in _PARSED:
        _PARSED[document] = parse(document)
    return _PARSED[document]


def _key(topic: object, document: str, visibility: Visibility) -> CohortKey:
    operation = _parsed(document).definitions[0]
    return CohortKey(
        topic=topic,
        document=document_key(operation, {}),  # type: ignore[arg-type]
        operation_name=None,
        variables=variables_key(VARIABLES),
        visibility=visibility,
    )


def _selection(document: str, visibility: Visibility) -> LiveSelection:
    return LiveSelection.build(
        schema._schema,
        _parsed(document),
        variables=VARIABLES,
        context_value=None,
        executor_class=QuietExecutionContext,
        request_id=f"bench-{visibility.kind}",
    )


async def _bells(hub: LiveHub, readers: list[uuid.UUID]) -> list[Any]:
    kept: list[Any] = []
    visibility = Visibility.of(_teacher(readers[0]))
    for reader in readers:
        topic = ("notifications", ORG, NotificationVisibility(reader, scopes_for(Role.TEACHER)))
        sender = SocketSender(_send, _close)
        subscriber = hub.join(
            _key(topic, BELL, visibility),
            selection=lambda: _selection(BELL, visibility),
            to_root=NotificationsUpdate.from_count,
            sender=sender,
            operation_id="1",
        )
        await hub.first(subscriber, Count(3))
        kept.append((sender, subscriber))
    return kept


def _top_ten() -> LeaderboardUpdate:
    rows = [
        BoardRow(
            member_id=uuid.UUID(int=rank),
            display_name=f"Student {rank}",
            score=100.0 - rank,
            attempts=1,
            last_activity_at=datetime(2026, 1, 1, tzinfo=UTC),
            duration_ms=60_000,
            rank=rank,
        )
        for rank in range(1, 11)
    ]
    return LeaderboardUpdate(
        quiz_id=None, entries=[LeaderboardEntry.from_row(row) for row in rows], changed=None
    )


async def _board(hub: LiveHub, readers: list[uuid.UUID]) -> list[Any]:
    kept: list[Any] = []
    visibility = Visibility.of(_teacher(readers[0]))
    value = _top_ten()
    for _reader in readers:
        sender = SocketSender(_send, _close)
        subscriber = hub.join(
            _key("board", BOARD, visibility),
            selection=lambda: _selection(BOARD, visibility),
            to_root=lambda root: root,
            sender=sender,
            operation_id="1",
        )
        await hub.first(subscriber, value)
        kept.append((sender, subscriber))
    return kept


def _teacher(member: uuid.UUID) -> Actor:
    return Actor(
        kind=ActorKind.MEMBER,
        scopes=scopes_for(Role.TEACHER),
        org_id=ORG,
        member_id=member,
        role=Role.TEACHER,
    )


async def _traced(build: Any, hub_class: type[LiveHub]) -> float:
    readers = [uuid.uuid4() for _ in range(READERS)]
    await build(hub_class(), readers[:10])  # warm: plans, caches, interned strings
    gc.collect()
    tracemalloc.start()
    before = tracemalloc.take_snapshot()
    kept = await build(hub_class(), readers)
    gc.collect()
    after = tracemalloc.take_snapshot()
    tracemalloc.stop()
    grown = sum(stat.size_diff for stat in after.compare_to(before, "filename"))
    del kept
    return grown / READERS


async def main() -> None:
    bell = await _traced(_bells, ReaderCohorts)
    board = await _traced(_board, LiveHub)
    print(f"{READERS:,} subscribers, traced bytes per idle subscriber (cohort layer):")
    print(f"  notificationsChanged, a cohort per reader, shared selection: {bell / 1024:.1f} KiB")
    print(f"  leaderboardUpdated, one shared cohort: {board / 1024:.1f} KiB")
    print(f"  ratio: {bell / board:.2f}")


if __name__ == "__main__":
    asyncio.run(main())
