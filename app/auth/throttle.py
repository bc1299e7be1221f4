"""Login throttling per org+username and per client IP (moving windows)."""

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
    """Count this attempt; refuse with the wait when either budget is spent."""
    per_user, per_ip = _limits()
    user_state = await ratelimit.hit(per_user, "login-user", org_slug, username)
    ip_state = await ratelimit.hit(per_ip, "login-ip", ip or "unknown")
    refused = [state for state in (user_state, ip_state) if not state.allowed]
    if refused:
        raise RateLimited(max(state.reset_after_seconds for state in refused))


async def forget_failures(org_slug: str, username: str) -> None:
    per_user, _ = _limits()
    await ratelimit.clear(per_user, "login-user", org_slug, username)
