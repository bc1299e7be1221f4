"""A request's credentials to an actor, before any GraphQL runs.

A bearer token goes to the API key door; otherwise the session cookie is looked up
(a member's on ``/graphql``, a platform admin's on the console's ``/platform/graphql``);
with neither the actor is anonymous. Failures here are answered as problem details by
the web layer (401/403/429), never as GraphQL field errors.
"""

from __future__ import annotations

from collections.abc import Sequence

from app.access.actor import ANONYMOUS, Actor
from app.access.request import ServiceContext
from app.api_keys import door as api_keys_door
from app.api_keys import throttle as api_keys_throttle
from app.auth import service as sessions
from app.core.errors import InvalidApiKey
from app.platform import signin as platform_sessions


async def resolve_actor(
    sc: ServiceContext,
    authorization: Sequence[str],
    session_token: str | None,
    *,
    touch: bool = True,
    query_cost: int | None = None,
    platform: bool = False,
) -> Actor:
    """``touch`` lets a session's idle clock move (never for safe methods);
    ``query_cost`` is the operation's cost when known, for a key to be charged in the
    door's round trip; ``platform``: the cookie is a platform admin's console session."""
    if authorization:
        if len(authorization) != 1:
            raise InvalidApiKey("Send exactly one Authorization header.")
        return await api_keys_door.resolve_bearer(sc, authorization[0], query_cost=query_cost)
    if session_token and platform:
        found = await platform_sessions.actor_for_session(sc, session_token, touch=touch)
        return found or ANONYMOUS
    if session_token:
        return await sessions.actor_for_session(sc, session_token, touch=touch) or ANONYMOUS
    return ANONYMOUS


def response_headers(sc: ServiceContext) -> dict[str, str]:
    """Headers the credential's check adds to the response (a key's RateLimit fields)."""
    return api_keys_throttle.headers(sc)
