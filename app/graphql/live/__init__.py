"""Live operations at scale: one execution and one payload per cohort, not per subscriber.

Subscribers whose operations are the same document and variables and who may see
the same (``Visibility``: org, kind, role, scopes; not identity) form one cohort per
process (``cohorts``). When the topic they follow changes, the cohort's selection
runs once, from a compiled plan when the planner takes it (``selection``), is
serialized once with orjson, and every member gets those bytes in a frame with its
own operation id spliced in (``frames``), through its socket's bounded queue where
the newest frame wins and a client that can't keep up is closed with 4008
(``sender``). Fields whose value depends on who asks are refused in subscriptions
(``per_subscriber``). A resolver joins with ``follow`` (``follow.py`` shows how).

The module knows no domain: a domain gives a topic, the value that topic now has,
and how a cohort's root value is made of it. See ``docs/perf/live.md``.
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
