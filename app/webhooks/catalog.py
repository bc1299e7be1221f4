"""The event names of CONTRACT.md section 7, every one of them, produced today or not.

Tournaments, certificates and payments have no feature yet: their names are here (and
in the schema's ``WebhookEvent`` enum) so that endpoints can subscribe now and get them
the moment a domain appends such an event to ``sc.events``.
"""

from __future__ import annotations

from enum import Enum

QUIZ_CREATED = "quiz.created"
QUIZ_COMPLETED = "quiz.completed"
USER_REGISTERED = "user.registered"
USER_SCORED = "user.scored"
LEADERBOARD_UPDATED = "leaderboard.updated"
CERTIFICATE_ISSUED = "certificate.issued"
TOURNAMENT_STARTED = "tournament.started"
TOURNAMENT_ENDED = "tournament.ended"
PAYMENT_RECEIVED = "payment.received"
# Sent by ``pingWebhook`` to one endpoint, whatever it subscribed to.
PING = "webhook.ping"
# Announced (on the event bus, never sent) when deliveries were queued by ping or
# redeliver: wakes the workers after the commit.
QUEUED = "webhook.queued"

EVENT_NAMES: tuple[str, ...] = (
    QUIZ_CREATED,
    QUIZ_COMPLETED,
    USER_REGISTERED,
    USER_SCORED,
    LEADERBOARD_UPDATED,
    CERTIFICATE_ISSUED,
    TOURNAMENT_STARTED,
    TOURNAMENT_ENDED,
    PAYMENT_RECEIVED,
)

# Events sent at most once per endpoint per board per COALESCE_SECONDS, carrying the
# board's current top when sent (not one per attempt).
COALESCED = frozenset({LEADERBOARD_UPDATED})
COALESCE_SECONDS = 5.0
TOP_SIZE = 10


class WebhookEventName(Enum):
    """GraphQL's enum of the event names (its values are the names, e.g. quiz.created)."""

    QUIZ_CREATED = QUIZ_CREATED
    QUIZ_COMPLETED = QUIZ_COMPLETED
    USER_REGISTERED = USER_REGISTERED
    USER_SCORED = USER_SCORED
    LEADERBOARD_UPDATED = LEADERBOARD_UPDATED
    CERTIFICATE_ISSUED = CERTIFICATE_ISSUED
    TOURNAMENT_STARTED = TOURNAMENT_STARTED
    TOURNAMENT_ENDED = TOURNAMENT_ENDED
    PAYMENT_RECEIVED = PAYMENT_RECEIVED
