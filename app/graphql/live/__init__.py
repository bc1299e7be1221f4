"""Live operations at scale: one execution and one payload per cohort, not per subscriber.

Subscribers whose operations are the same document and variables and who may see
the same (``Visibility``: org, kind, role, scopes; not identity) form one cohort per
process (``cohorts``). When the topic they follow changes, the cohort's selection
runs once, from a compiled plan when the planner takes it (``selection``), is
serialized once with orjson, and every member gets those bytes in a frame with its
own operation id spliced in (``frames``), through its socket's bounded queue where
the newest frame wins and a client that can't keep up is closed with 4008
(``sender``). A large cohort's fan-out yields to the event loop between chunks of
sockets, and ``LiveHub.pause`` tells a feed how long to wait so that fan-out keeps to
a share of the loop. Fields whose value depends on who asks are refused in
subscriptions (``per_subscriber``). A resolver joins with ``follow``; once the first
message is out the websocket door holds the ``Subscriber`` (``LiveTarget.hold``) and
the operation's execution ends: an idle subscription is one small object.

The module knows no domain: a domain gives a topic, the value that topic now has,
and how a cohort's root value is made of it. See ``docs/perf/live.md``.

How to add a live field (say ``notificationsChanged``), in the domain's own modules:

1. **A hub and a feed** (``app/<domain>/live.py``, like ``app/leaderboards/live.py``):
   one ``LiveHub()`` per process for the domain, created on first use; a topic per
   thing that changes (a hashable, e.g. ``("notifications", member_id)``); a feed
   that hears the domain's event on the event bus (one message per change, with
   Redis across processes), reads the new value once (one query per change, not per
   cohort), then ``await hub.publish(topic, value)`` and, between publishes,
   ``await asyncio.sleep(hub.pause(topic, minimum))``. Publishing must never wait on
   the request that caused the change: mark the topic dirty, publish from the
   feed's own task. Keep the topic's current value for joiners (``initial``).
2. **The subscription resolver** (``app/<domain>/subscriptions.py``, like
   ``app/leaderboards/subscriptions.py``): check permission and arguments as for a
   query, refuse when ``info.context.live`` is None (not a websocket), close the
   operation's session (an idle subscriber holds no database state), then
   ``await follow(info, target=info.context.live, hub=hub, topic=topic,
   actor=sc.actor, initial=…, to_root=…, context_value=lambda v:
   CohortContext.of(v, request_id), request_id=request_id, on_leave=…)`` and
   ``return`` (followed by an unreachable ``yield``: Strawberry wants an async
   generator). ``to_root`` turns the published value into the GraphQL root object;
   ``on_leave`` undoes the domain's bookkeeping (say, the feed's follower count),
   called once however the subscription ends.
3. **Visibility**: everything the selection resolves must come from the root value
   (a cohort runs without a database session, as ``Visibility.actor()``: the
   cohort's scopes, nobody's identity). A field whose value depends on who asks is
   marked ``metadata=per_subscriber()`` and is refused in subscriptions; if a field
   must differ per subscriber, make the subscriber part of the topic (a topic per
   member, taken from ``sc.actor``, never from an argument: its cohorts are that
   member's alone, and the value published to it is theirs).
4. **Tests**: the cohort's behaviour in process (``tests/graphql/live/support.py``
   shows a small schema and fake sockets), and over real sockets as
   ``tests/leaderboards/test_live_cohorts.py`` does.
"""

from app.graphql.live.cohorts import (
    FANOUT_CHUNK,
    FANOUT_SHARE,
    Cohort,
    CohortKey,
    LiveHub,
    Subscriber,
    Visibility,
)
from app.graphql.live.follow import (
    CohortContext,
    LiveTarget,
    cohort_key,
    follow,
    selection_from,
    variables_of,
)
from app.graphql.live.frames import FrameKind, Frames, encode_id
from app.graphql.live.selection import (
    PER_SUBSCRIBER,
    LiveSelection,
    document_key,
    per_subscriber,
    per_subscriber_fields,
    variables_key,
)
from app.graphql.live.sender import (
    MAX_SUPERSEDED,
    SLOW_CONSUMER_CLOSE,
    SLOW_CONSUMER_REASON,
    SocketSender,
)

__all__ = [
    "FANOUT_CHUNK",
    "FANOUT_SHARE",
    "MAX_SUPERSEDED",
    "PER_SUBSCRIBER",
    "SLOW_CONSUMER_CLOSE",
    "SLOW_CONSUMER_REASON",
    "Cohort",
    "CohortContext",
    "CohortKey",
    "FrameKind",
    "Frames",
    "LiveHub",
    "LiveSelection",
    "LiveTarget",
    "SocketSender",
    "Subscriber",
    "Visibility",
    "cohort_key",
    "document_key",
    "encode_id",
    "follow",
    "per_subscriber",
    "per_subscriber_fields",
    "selection_from",
    "variables_key",
    "variables_of",
]
