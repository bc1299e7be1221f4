"""Counters the domains keep for ``GET /metrics`` (served by ``app.web.metrics``).

Only what a domain counts lives here (the web layer's own metrics live with it), so
that a domain module can count without importing the web layer.
"""

from __future__ import annotations

from prometheus_client import Counter

EVENT_BUS_MESSAGES = Counter(
    "quizgraph_event_bus_messages",
    "Domain events published on the event bus (after their transaction committed), by name.",
    ["event"],
)
WEBHOOK_DELIVERIES = Counter(
    "quizgraph_webhook_deliveries",
    "Webhook sends by outcome: succeeded (2xx), http_error (another status), timed_out, "
    "refused (the URL failed the address check) or transport_error.",
    ["outcome"],
)

MAX_EVENT_NAME = 64


def count_event(name: str) -> None:
    EVENT_BUS_MESSAGES.labels(name[:MAX_EVENT_NAME]).inc()


def count_webhook_delivery(http_status: int | None, error: str | None) -> None:
    WEBHOOK_DELIVERIES.labels(_delivery_outcome(http_status, error)).inc()


def _delivery_outcome(http_status: int | None, error: str | None) -> str:
    if http_status is not None:
        return "succeeded" if 200 <= http_status < 300 else "http_error"
    if error == "timed out":
        return "timed_out"
    if error is not None and error.startswith("refused"):
        return "refused"
    return "transport_error"
