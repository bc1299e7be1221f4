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

1. **A hub and a feed** (``app/<domain>/live.py``, like ``app/leaderboards/live.py``),
   on ``feeds``: a ``FeedRegistry`` subclass (one per process, ``ProcessHub``: made
   on first use) naming the domain's event on the event bus (one message per change,
   with Redis across processes) and marking the feeds it moves (``changed``); a topic
   per thing that changes (a hashable, e.g. ``("notifications", member_id)``); a feed
   per topic that reads the new value once (one query per change, not per cohort),
   then ``await hub.publish(topic, value)`` and, between publishes,
   ``await asyncio.sleep(hub.pause(topic, minimum))``: ``SnapshotFeed`` does this,
   the domain says how to read. Publishing must never wait on the request that
   caused the change: mark the topic dirty, publish from the feed's own task. Keep
   the topic's current value for joiners (``initial``).
2. **The subscription resolver** (``app/<domain>/subscriptions.py``, like
   ``app/leaderboards/subscriptions.py``): check permission and arguments as for a
   query, take ``target = live_target(info)`` (refused when not over a websocket),
   then ``await follow_topic(info, target=target, hub=hub.live, topic=topic,
   initial=…, to_root=…, on_leave=…)`` (it closes the operation's session, since an
   idle subscriber holds no database state, and calls ``follow`` as the operation's
   actor) and ``return`` (followed by an unreachable ``yield``: Strawberry wants an
   async generator). ``to_root`` turns the published value into the GraphQL root
   object; ``on_leave`` undoes the domain's bookkeeping (say, ``hub.unfollow`` of
   the feed's follower count), called once however the subscription ends.
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
from app.graphql.live.feeds import Feed, FeedRegistry, FollowedFeed, ProcessHub, SnapshotFeed
from app.graphql.live.follow import (
    MAX_TOP,
    BoardTop,
    CohortContext,
    LiveTarget,
    checked_top,
    cohort_key,
    follow,
    follow_topic,
    live_target,
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
    "MAX_TOP",
    "PER_SUBSCRIBER",
    "SLOW_CONSUMER_CLOSE",
    "SLOW_CONSUMER_REASON",
    "BoardTop",
    "Cohort",
    "CohortContext",
    "CohortKey",
    "Feed",
    "FeedRegistry",
    "FollowedFeed",
    "FrameKind",
    "Frames",
    "LiveHub",
    "LiveSelection",
    "LiveTarget",
    "ProcessHub",
    "SnapshotFeed",
    "SocketSender",
    "Subscriber",
    "Visibility",
    "checked_top",
    "cohort_key",
    "document_key",
    "encode_id",
    "follow",
    "follow_topic",
    "live_target",
    "per_subscriber",
    "per_subscriber_fields",
    "selection_from",
    "variables_key",
    "variables_of",
]
