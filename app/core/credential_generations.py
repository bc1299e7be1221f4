"""Credential generations: one counter per org (and one for platform keys) that every
change to a credential bumps, so that a process may keep verified credentials in
memory and still refuse a revoked one on the very next request.

A *scope* names whose credentials changed: ``org:<uuid>`` or ``platform``. Readers get
a *token* for a scope: an opaque string that changes whenever a credential of the
scope may have changed, and is empty ("") while a change is being committed. A
cache entry is trusted only while the scope's token equals the token read *before*
the entry's rows were read from the database; an empty token is never stored.

A change goes through ``begin`` (token changes, the scope is marked as changing)
right before its transaction commits, and ``end`` (token changes again, mark
removed) right after, committed or not:

- an entry read before ``begin`` carries the old token: refused from ``begin`` on;
- nothing read while the change commits is cached (the token is empty);
- whatever is read after ``end`` sees the committed change.

If ``begin`` fails the change is not committed. If ``end`` fails (Redis went away
just then), the mark expires after ``PENDING_TTL_SECONDS`` and caching resumes.

Two backends, chosen by ``QUIZGRAPH_REDIS_URL``:

- **memory** (one process): counters in a dict. Only right when one process serves
  the database (without Redis, run one worker).
- **Redis**: one Lua script per request reads the token and, for an API key, spends
  its rate limit in the same round trip (the same moving window as the ``limits``
  library, in the same Redis list, so the ``RateLimit`` headers stay exact); the
  spend only happens when the caller's token is still current, so a request that
  goes on to be refused spends nothing. A per-instance epoch (set from Redis'
  clock when missing) is part of every token: a Redis that lost its data can't
  hand back a token an old entry carries.
"""

from __future__ import annotations

import math
import secrets
import time
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Protocol

from redis.exceptions import RedisError

from app.core import ratelimit
from app.core.ratelimit import LimitState, RateLimitItem
from app.core.settings import get_settings

PLATFORM = "platform"
# A change's "being committed" mark outlives a process that died between begin and end
# by at most this long; the commit between them takes milliseconds.
PENDING_TTL_SECONDS = 30
# Redis calls fail fast when Redis is unreachable: the door answers, it doesn't hang.
REDIS_TIMEOUT_SECONDS = 2.0
REDIS_POOL_SIZE = 1_000  # connections per process at most; each round trip holds one briefly
_PREFIX = "quizgraph:credentials"
_LIMITS_PREFIX = "LIMITS"  # the ``limits`` library's key prefix: the same counters


class GenerationsUnavailable(Exception):
    """Redis could not be reached: no token can be read, no change announced."""


def org_scope(org_id: uuid.UUID | None) -> str:
    """The scope of an org's credentials; platform keys (no org) share one."""
    return PLATFORM if org_id is None else f"org:{org_id}"


@dataclass(frozen=True, slots=True)
class Spend:
    """A rate-limit spend: ``amount`` hits of ``item`` for ``identifiers`` (all or none)."""

    item: RateLimitItem
    identifiers: tuple[str, ...]
    amount: int = 1


class Backend(Protocol):
    async def read(self, scope: str) -> str: ...

    async def read_and_spend(
        self, scope: str, spend: Spend, *, if_token: str | None
    ) -> tuple[str, LimitState | None]: ...

    async def read_and_spend_then(
        self, scope: str, spend: Spend, then: Spend | None, *, if_token: str | None
    ) -> tuple[str, LimitState | None, LimitState | None]: ...

    async def begin(self, scopes: Iterable[str]) -> None: ...

    async def end(self, scopes: Iterable[str]) -> None: ...


class MemoryGenerations:
    """One process: a counter and a "changing" count per scope."""

    def __init__(self) -> None:
        # A fresh epoch per backend: entries made under another backend never match.
        self._epoch = secrets.token_hex(4)
        self._counters: dict[str, int] = {}
        self._changing: dict[str, int] = {}

    def _token(self, scope: str) -> str:
        if self._changing.get(scope):
            return ""
        return f"{self._epoch}:{self._counters.get(scope, 0)}"

    async def read(self, scope: str) -> str:
        return self._token(scope)

    async def read_and_spend(
        self, scope: str, spend: Spend, *, if_token: str | None
    ) -> tuple[str, LimitState | None]:
        token, state, _then = await self.read_and_spend_then(scope, spend, None, if_token=if_token)
        return token, state

    async def read_and_spend_then(
        self, scope: str, spend: Spend, then: Spend | None, *, if_token: str | None
    ) -> tuple[str, LimitState | None, LimitState | None]:
        token = self._token(scope)
        if if_token is not None and token != if_token:
            return token, None, None
        state = await ratelimit.spend(spend.item, spend.amount, *spend.identifiers)
        if then is None or not state.allowed:
            return token, state, None
        return token, state, await ratelimit.spend(then.item, then.amount, *then.identifiers)

    async def begin(self, scopes: Iterable[str]) -> None:
        for scope in scopes:
            self._counters[scope] = self._counters.get(scope, 0) + 1
            self._changing[scope] = self._changing.get(scope, 0) + 1

    async def end(self, scopes: Iterable[str]) -> None:
        for scope in scopes:
            self._counters[scope] = self._counters.get(scope, 0) + 1
            left = self._changing.get(scope, 0) - 1
            if left > 0:
                self._changing[scope] = left
            else:
                self._changing.pop(scope, None)


# KEYS: epoch, counter, changing[, rate-limit list[, second rate-limit list]]
# ARGV: if_token ("" = spend whatever the token), now, then per list: limit, window
# seconds, amount.
# Returns {token} without a list, else {token, allowed, count, oldest} for the first
# list and, with a second list, the same three for it (spent only when the first
# allowed: otherwise {.., -1, 0, ''}); allowed is -1 when the token was not current
# (nothing spent, no window read).
_READ_AND_SPEND = """
-- The moving window of limits' acquire_moving_window.lua (newest first, at most
-- ``limit`` timestamps kept, ``amount`` pushed at once or none) and moving_window.lua
-- (entries inside the window).
local function spend(key, now, limit, expiry, amount)
  local allowed = 0
  if amount <= limit then
    local last = redis.call('LINDEX', key, limit - amount)
    if not (last and tonumber(last) >= now - expiry) then
      local stamp = ARGV[2]
      for i = 1, amount, 5000 do
        local entries = {}
        for j = i, math.min(i + 4999, amount) do
          entries[#entries + 1] = stamp
        end
        redis.call('LPUSH', key, unpack(entries))
      end
      redis.call('LTRIM', key, 0, limit - 1)
      redis.call('EXPIRE', key, expiry)
      allowed = 1
    end
  end
  local low, high, found = 0, redis.call('LLEN', key) - 1, -1
  while low <= high do
    local mid = math.floor((low + high) / 2)
    local value = tonumber(redis.call('LINDEX', key, mid))
    if value and value >= now - expiry then
      found = mid
      low = mid + 1
    else
      high = mid - 1
    end
  end
  if found < 0 then
    return allowed, 0, ''
  end
  return allowed, found + 1, redis.call('LINDEX', key, found)
end

local epoch = redis.call('GET', KEYS[1])
if not epoch then
  local now = redis.call('TIME')
  epoch = now[1] .. '.' .. now[2]
  redis.call('SET', KEYS[1], epoch)
end
local token = epoch .. ':' .. (redis.call('GET', KEYS[2]) or '0')
if tonumber(redis.call('GET', KEYS[3]) or '0') > 0 then
  token = ''
end
if #KEYS < 4 then
  return {token}
end
if ARGV[1] ~= '' and ARGV[1] ~= token then
  return {token, -1, 0, ''}
end
local now = tonumber(ARGV[2])
local allowed, count, oldest = spend(
  KEYS[4], now, tonumber(ARGV[3]), tonumber(ARGV[4]), tonumber(ARGV[5]))
if #KEYS < 5 then
  return {token, allowed, count, oldest}
end
if allowed == 0 then
  return {token, allowed, count, oldest, -1, 0, ''}
end
local then_allowed, then_count, then_oldest = spend(
  KEYS[5], now, tonumber(ARGV[6]), tonumber(ARGV[7]), tonumber(ARGV[8]))
return {token, allowed, count, oldest, then_allowed, then_count, then_oldest}
"""

# KEYS: (counter, changing) per scope; ARGV: "begin" or "end", the mark's TTL.
_CHANGE = """
for i = 1, #KEYS, 2 do
  redis.call('INCR', KEYS[i])
  if ARGV[1] == 'begin' then
    redis.call('INCR', KEYS[i + 1])
    redis.call('EXPIRE', KEYS[i + 1], tonumber(ARGV[2]))
  elseif tonumber(redis.call('DECR', KEYS[i + 1])) <= 0 then
    redis.call('DEL', KEYS[i + 1])
  end
end
return 1
"""


class RedisGenerations:
    """Shared by every process using the same Redis."""

    def __init__(self, url: str) -> None:
        import redis.asyncio as redis

        # A burst of requests (thousands of sockets passing connection_init at once) needs
        # more than redis-py's default pool of 100, which fails the 101st at once with
        # "Too many connections". The pool is the client's own, closed with it.
        self.client: Any = redis.Redis.from_url(
            url,
            max_connections=REDIS_POOL_SIZE,
            socket_timeout=REDIS_TIMEOUT_SECONDS,
            socket_connect_timeout=REDIS_TIMEOUT_SECONDS,
        )
        self._read_and_spend = self.client.register_script(_READ_AND_SPEND)
        self._change = self.client.register_script(_CHANGE)

    @staticmethod
    def _keys(scope: str) -> list[str]:
        return [f"{_PREFIX}:epoch", f"{_PREFIX}:{scope}:counter", f"{_PREFIX}:{scope}:changing"]

    async def _run(self, script: Any, keys: list[str], args: list[object]) -> Any:
        try:
            return await script(keys=keys, args=args)
        except RedisError as error:
            raise GenerationsUnavailable(f"Redis is unavailable: {error}") from error

    async def read(self, scope: str) -> str:
        answer = await self._run(self._read_and_spend, self._keys(scope), ["", 0])
        return _text(answer[0])

    async def read_and_spend(
        self, scope: str, spend: Spend, *, if_token: str | None
    ) -> tuple[str, LimitState | None]:
        token, state, _then = await self.read_and_spend_then(scope, spend, None, if_token=if_token)
        return token, state

    async def read_and_spend_then(
        self, scope: str, spend: Spend, then: Spend | None, *, if_token: str | None
    ) -> tuple[str, LimitState | None, LimitState | None]:
        """One script, one round trip: the token, ``spend`` and, when it passed, ``then``."""
        now = time.time()
        keys = self._keys(scope)
        args: list[object] = [if_token or "", repr(now)]
        for each in (spend, then) if then is not None else (spend,):
            keys.append(f"{_LIMITS_PREFIX}:{each.item.key_for(*each.identifiers)}")
            args += [each.item.amount, each.item.get_expiry(), each.amount]
        answer = await self._run(self._read_and_spend, keys, args)
        token = _text(answer[0])
        state = _state(spend.item, answer[1:4], now)
        if state is None or then is None:
            return token, state, None
        return token, state, _state(then.item, answer[4:7], now)

    async def _run_change(self, scopes: Iterable[str], phase: str) -> None:
        keys = [key for scope in sorted(set(scopes)) for key in self._keys(scope)[1:]]
        if keys:
            await self._run(self._change, keys, [phase, PENDING_TTL_SECONDS])

    async def begin(self, scopes: Iterable[str]) -> None:
        await self._run_change(scopes, "begin")

    async def end(self, scopes: Iterable[str]) -> None:
        await self._run_change(scopes, "end")

    async def close(self) -> None:
        await self.client.aclose()


def _state(item: RateLimitItem, answer: list[Any], now: float) -> LimitState | None:
    """One list's (allowed, count, oldest) as a state; None when it was not spent."""
    allowed, count, oldest = int(answer[0]), int(answer[1]), answer[2]
    if allowed < 0:
        return None
    # As ``limits``' get_window_stats: the window resets when its oldest entry expires.
    window_start = float(_text(oldest)) if count else now
    reset_after = max(0, math.ceil(window_start + item.get_expiry() - time.time()))
    return LimitState(bool(allowed), item.amount, item.amount - count, reset_after)


def _text(value: object) -> str:
    return value.decode() if isinstance(value, bytes) else str(value)


_backends: dict[str | None, MemoryGenerations | RedisGenerations] = {}


def backend() -> Backend:
    """The backend for the configured Redis (memory without one)."""
    url = get_settings().redis_url
    found = _backends.get(url)
    if found is None:
        found = _backends[url] = RedisGenerations(url) if url else MemoryGenerations()
    return found


async def close() -> None:
    """Close the Redis clients (settings changed, or shutdown); counters in memory go too,
    so entries made under them are never trusted again."""
    while _backends:
        _url, found = _backends.popitem()
        if isinstance(found, RedisGenerations):
            await found.close()


ratelimit.on_close(close)
