"""The domain event integrity announces on the event bus (after the request commits).

``attempt.flagged``: an attempt broke one of its org's rules for the first time; sent
once per attempt. ``Event.org_id`` is the attempt's org; ``data`` holds ``attemptId``,
``quizId`` and ``memberId`` (global ids), ``reasons`` (rule codes such as
``PAGE_SWITCHES``, see ``rules.REASON_TEXT``) and ``flaggedAt`` (ISO 8601). It is not a
webhook event (the outbox sends only the contract's names).
"""

from __future__ import annotations

ATTEMPT_FLAGGED = "attempt.flagged"
