"""Each key's own rate limit, and the IETF draft's ``RateLimit`` headers for it.

Counting goes through ``app.core.ratelimit`` (the ``limits`` library's moving
window: memory in one process, Redis shared by all processes when configured).
The request's limit state rides on the ``ServiceContext`` so that the header hook
only formats two strings.
"""

from __future__ import annotations

import uuid
from functools import lru_cache

from app.access.request import ServiceContext
from app.core import ratelimit
from app.core.errors import RateLimited

WINDOW_SECONDS = 60
POLICY = "api-key"


@lru_cache(maxsize=256)
def _per_minute(amount: int) -> ratelimit.RateLimitItem:
    return ratelimit.per_window(amount, WINDOW_SECONDS)


def _identifiers(key_id: uuid.UUID) -> tuple[str, str]:
    return ("api-key", str(key_id))


async def spend(sc: ServiceContext, key_id: uuid.UUID, per_minute: int) -> None:
    """Count one request of the key; RATE_LIMITED (with Retry-After) when it is spent."""
    state = await ratelimit.hit(_per_minute(per_minute), *_identifiers(key_id))
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
