"""The process's capacity for sockets: its open-file limit.

Every websocket is a file descriptor. Distributions often start services with a
soft limit of 1,024 and a hard limit far higher; ``max_websockets`` (10,000 by
default) needs more, so the server raises its soft limit to the hard limit when it
starts (an unprivileged process may). Where the hard limit itself is lower than
what ``max_websockets`` needs, the server says so in its log: raise it where the
process is started (``ulimit -n``, systemd ``LimitNOFILE=``, a container's
``--ulimit nofile=``).
"""

from __future__ import annotations

import logging

logger = logging.getLogger("quizgraph.capacity")

# Descriptors besides the sockets: the database pool, Redis, log files, the listener.
SPARE_DESCRIPTORS = 256


def raise_open_file_limit(max_websockets: int) -> int:
    """Raise the soft limit of open files to the hard limit; the limit now in force
    (-1 where the platform has none to read)."""
    try:
        import resource
    except ImportError:  # not a POSIX system
        return -1
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if hard != resource.RLIM_INFINITY and soft < hard:
        try:
            resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
            soft = hard
        except (ValueError, OSError):
            logger.warning("could not raise the open-file limit from %s to %s", soft, hard)
    needed = max_websockets + SPARE_DESCRIPTORS
    if soft != resource.RLIM_INFINITY and soft < needed:
        logger.warning(
            "the open-file limit is %s: fewer than the %s that max_websockets=%s needs; "
            "raise the hard limit where the server is started (ulimit -n, LimitNOFILE=)",
            soft,
            needed,
            max_websockets,
        )
    return int(soft)
