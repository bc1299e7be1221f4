"""The names of the tournaments' own events on the event bus (never sent to webhooks;
their webhook events are ``tournament.started``/``tournament.ended`` in
``app/webhooks/catalog.py``). Kept apart from the modules that write audit events,
whose string literals the audit catalog's test reads as actions."""

from __future__ import annotations

# The board of ``tournamentId`` may have moved: live feeds read it again.
BOARD_CHANGED = "tournament.board_changed"
# A tournament was created, changed, started or ended: every process's scheduler looks
# again for its next transition.
SCHEDULE_CHANGED = "tournament.schedule_changed"
