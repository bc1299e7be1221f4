"""Login throttling (moving windows): failed logins per org+username, and every
login attempt per client IP. A success spends nothing of the user's budget, so a
member who signs in often is never locked out by their own successes."""

from __future__ import annotations

from app.core import ratelimit
from app.core.errors import RateLimited
from app.core.settings import get_settings


def _limits() -> tuple[ratelimit.RateLimitItem, ratelimit.RateLimitItem]:
    settings = get_settings()
    window = settings.login_throttle_window_seconds
    return (
        ratelimit.per_window(settings.login_attempts_per_user, window),
        ratelimit.per_window(settings.login_attempts_per_ip, window),
    )


async def check_login_allowed(org_slug: str, username: str, ip: str | None) -> None:
    """Count this attempt against the address; refuse with the wait when a budget is spent."""
    per_user, per_ip = _limits()
    ip_state = await ratelimit.hit(per_ip, "login-ip", ip or "unknown")
    user_state = await ratelimit.peek(per_user, "login-user", org_slug, username)
    refused = [state for state in (user_state, ip_state) if not state.allowed]
    if refused:
        raise RateLimited(max(state.reset_after_seconds for state in refused))


async def record_failure(org_slug: str, username: str) -> None:
    per_user, _ = _limits()
    await ratelimit.hit(per_user, "login-user", org_slug, username)
