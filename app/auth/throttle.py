"""Login throttling (moving windows of the ``limits`` library), reserved before hashing.

Every attempt is counted atomically *before* any password is hashed, so concurrent
attempts can't all slip past a check, and a throttled attempt costs no argon2:

- per (org, username, client address): ``login_attempts_per_user`` attempts per window.
  One address can't guess a member's password, and a stranger's failures use up only
  the stranger's own budget, never that of the member signing in from elsewhere.
  A success forgets that address's attempts for that member.
- per client address, across usernames: ``login_attempts_per_ip`` attempts per window
  (successes included), so one address can't spray guesses over many members.

A refused hit records nothing (moving window), so retrying while throttled doesn't
push the end of the wait further away.
"""

from __future__ import annotations

from app.core import ratelimit
from app.core.errors import RateLimited
from app.core.settings import get_settings

_PER_MEMBER = "login-member-ip"
_PER_ADDRESS = "login-ip"


def _limits() -> tuple[ratelimit.RateLimitItem, ratelimit.RateLimitItem]:
    settings = get_settings()
    window = settings.login_throttle_window_seconds
    return (
        ratelimit.per_window(settings.login_attempts_per_user, window),
        ratelimit.per_window(settings.login_attempts_per_ip, window),
    )


async def reserve_attempt(org_slug: str, username: str, ip: str | None) -> None:
    """Spend one attempt of each budget, or raise RATE_LIMITED with the wait."""
    per_member, per_address = _limits()
    address = ip or "unknown"
    # A peek first, so an address that has sprayed its budget away doesn't also spend
    # the member's budget on attempts that could not run; the hits below stay atomic.
    address_state = await ratelimit.peek(per_address, _PER_ADDRESS, address)
    if not address_state.allowed:
        raise RateLimited(address_state.reset_after_seconds)
    member_state = await ratelimit.hit(per_member, _PER_MEMBER, org_slug, username, address)
    if not member_state.allowed:
        raise RateLimited(member_state.reset_after_seconds)
    address_state = await ratelimit.hit(per_address, _PER_ADDRESS, address)
    if not address_state.allowed:
        raise RateLimited(address_state.reset_after_seconds)


async def forget_attempts(org_slug: str, username: str, ip: str | None) -> None:
    """After a success: that member's earlier failures from this address no longer count."""
    per_member, _ = _limits()
    await ratelimit.forget(per_member, _PER_MEMBER, org_slug, username, ip or "unknown")


async def spent_budgets(org_slug: str, username: str, ip: str | None) -> list[tuple[str, int]]:
    """After a failed attempt: the budgets it spent to the last attempt (the next try is
    refused), each as (``member`` or ``address``, seconds until it frees up). A lockout
    starts exactly once, with the failure that spends its budget."""
    per_member, per_address = _limits()
    address = ip or "unknown"
    spent: list[tuple[str, int]] = []
    member_state = await ratelimit.peek(per_member, _PER_MEMBER, org_slug, username, address)
    if member_state.remaining == 0:
        spent.append(("member", member_state.reset_after_seconds))
    address_state = await ratelimit.peek(per_address, _PER_ADDRESS, address)
    if address_state.remaining == 0:
        spent.append(("address", address_state.reset_after_seconds))
    return spent
