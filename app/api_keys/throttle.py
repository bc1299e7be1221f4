"""Each key's own rate limit, and the IETF draft's ``RateLimit`` headers for it.

The door spends one request of the key's moving window in the same call that reads
its org's credential token (``app.core.credential_generations``: the ``limits``
library's memory storage in one process; one Lua script on the same Redis list as
``limits`` when Redis is configured). The request's limit state rides on the
``ServiceContext`` so that the header hook only formats two strings.
"""

from __future__ import annotations

import uuid
from functools import lru_cache

from app.access.request import ServiceContext
from app.core import ratelimit
from app.core.credential_generations import Spend
from app.core.errors import RateLimited

WINDOW_SECONDS = 60
POLICY = "api-key"


@lru_cache(maxsize=256)
def _per_minute(amount: int) -> ratelimit.RateLimitItem:
    return ratelimit.per_window(amount, WINDOW_SECONDS)


def one_request(key_id: uuid.UUID, per_minute: int) -> Spend:
    """One request of the key's limit, to spend."""
    return Spend(_per_minute(per_minute), ("api-key", str(key_id)))


def settle(sc: ServiceContext, state: ratelimit.LimitState, per_minute: int) -> None:
    """Keep the spend's state for the headers; RATE_LIMITED (with Retry-After) when the
    key's limit is spent."""
    sc.rate_limit = state
    if not state.allowed:
        raise RateLimited(
            state.reset_after_seconds,
            f"This key's limit of {per_minute} requests per minute is spent. "
            f"Try again in {max(1, state.reset_after_seconds)} seconds.",
        )


def headers(sc: ServiceContext) -> dict[str, str]:
    """``RateLimit-Policy`` and ``RateLimit`` (draft-ietf-httpapi-ratelimit-headers)."""
    state = sc.rate_limit
    if state is None:
        return {}
    return {
        "RateLimit-Policy": f'"{POLICY}";q={state.limit};w={WINDOW_SECONDS}',
        "RateLimit": f'"{POLICY}";r={max(0, state.remaining)};t={state.reset_after_seconds}',
    }
