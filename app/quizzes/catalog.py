"""The quizzes domain's events published after the commit (not audit actions).

Notifications listen to them; webhooks don't offer them (the outbox sends only the
contract's names). Kept apart from ``service`` so the audit catalog's check, which reads
the literals of modules that write audit events, doesn't take them for actions.
"""

from __future__ import annotations

QUIZ_ARCHIVED = "quiz.archived"
QUIZ_IMPORT_PROBLEMS = "quiz.import_problems"
