"""The door: turn a request's credentials into an actor, before any GraphQL runs.

A bearer token goes to the API key resolver; otherwise the session cookie is
looked up; with neither the actor is anonymous. Failures here are answered as
problem details by the web layer (401/403/429), never as GraphQL field errors.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence

from app.auth import service
from app.auth.actor import ANONYMOUS, Actor
from app.core.errors import InvalidApiKey
from app.core.request import ServiceContext

SESSION_COOKIE = "qg_session"

BearerResolver = Callable[[ServiceContext, str], Awaitable[Actor]]


async def _no_keys(_sc: ServiceContext, _credential: str) -> Actor:
    raise InvalidApiKey()


_bearer_resolver: BearerResolver = _no_keys


def set_bearer_resolver(resolver: BearerResolver) -> None:
    """The API key domain installs its resolver here at start-up."""
    global _bearer_resolver
    _bearer_resolver = resolver


async def resolve_actor(
    sc: ServiceContext, authorization: Sequence[str], session_token: str | None
) -> Actor:
    if authorization:
        if len(authorization) != 1:
            raise InvalidApiKey("Send exactly one Authorization header.")
        return await _bearer_resolver(sc, authorization[0])
    if session_token:
        return await service.actor_for_session(sc, session_token) or ANONYMOUS
    return ANONYMOUS
