"""What one closed attempt adds to the rollups: plain values in, rows of sums out.

The scoring transaction adds one attempt (``contribution``); a rebuild adds many
(``Sums.add`` merges them per key first). Both go through the same function, so a
rebuilt rollup and one kept current attempt by attempt hold the same sums.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from app.core.clock import as_utc


@dataclass(frozen=True, slots=True)
class ScoredAnswer:
    question_id: uuid.UUID
    points: float | None
    selected: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class ScoredAttempt:
    """A closed attempt as the rollups see it."""

    attempt_id: uuid.UUID
    org_id: uuid.UUID
    quiz_id: uuid.UUID
    member_id: uuid.UUID
    number: int
    submitted: bool  # closed by its member (not expired)
    started_at: datetime
    closed_at: datetime
    score: float
    percentage: float | None
    passed: bool | None
    answers: tuple[ScoredAnswer, ...] = ()

    @property
    def day(self) -> date:
        return as_utc(self.closed_at).date()

    @property
    def duration_ms(self) -> int:
        taken = as_utc(self.closed_at) - as_utc(self.started_at)
        return max(0, int(taken.total_seconds() * 1000))


# table name → key → column → summed value (the key's and the fixed columns included)
Rows = dict[str, dict[tuple[Any, ...], dict[str, Any]]]


@dataclass
class Sums:
    """Rollup rows merged by key, ready for one upsert per table."""

    rows: Rows = field(default_factory=dict)

    def add(self, attempt: ScoredAttempt, option_ids: frozenset[str] | None = None) -> None:
        """Add ``attempt``; ``option_ids`` (when given) keeps only picks of known options."""
        day, first = attempt.day, attempt.number == 1
        percentage = attempt.percentage or 0.0
        self._sum(
            "analytics_score_days",
            {
                "quiz_id": attempt.quiz_id,
                "day": day,
                "first_attempt": first,
                "score": attempt.score,
            },
            {"org_id": attempt.org_id},
            attempts=1,
            submitted=int(attempt.submitted),
            graded=int(attempt.passed is not None),
            passed=int(bool(attempt.passed)),
            duration_ms=attempt.duration_ms,
            percentage=percentage,
        )
        self._sum(
            "analytics_member_days",
            {"member_id": attempt.member_id, "day": day},
            {"org_id": attempt.org_id},
            attempts=1,
            first_attempts=int(first),
            percentage=percentage,
        )
        where = {"org_id": attempt.org_id, "quiz_id": attempt.quiz_id}
        for answer in attempt.answers:
            points = answer.points or 0.0
            self._sum(
                "analytics_question_days",
                {"question_id": answer.question_id, "day": day, "first_attempt": first},
                where,
                answered=1,
                points=points,
                points_squared=points * points,
            )
            for option_id in dict.fromkeys(answer.selected):
                if option_ids is not None and option_id not in option_ids:
                    continue
                self._sum(
                    "analytics_option_days",
                    {"option_id": uuid.UUID(option_id), "day": day, "first_attempt": first},
                    where,
                    picks=1,
                )

    def add_all(self, attempts: Iterable[ScoredAttempt]) -> None:
        for attempt in attempts:
            self.add(attempt)

    def _sum(self, table: str, key: dict[str, Any], fixed: dict[str, Any], **counts: float) -> None:
        rows = self.rows.setdefault(table, {})
        row = rows.get(tuple(key.values()))
        if row is None:
            row = rows[tuple(key.values())] = {**key, **fixed, **dict.fromkeys(counts, 0)}
        for name, value in counts.items():
            row[name] += value

    def sorted_rows(self, table: str) -> list[dict[str, Any]]:
        """The table's rows in key order: concurrent scorings lock shared rows in the same
        order (no deadlock), and no key appears twice in one upsert."""
        rows = self.rows.get(table, {})
        return [rows[key] for key in sorted(rows, key=_sortable)]


def _sortable(key: tuple[Any, ...]) -> tuple[str, ...]:
    return tuple(str(part) for part in key)


def contribution(attempt: ScoredAttempt) -> Sums:
    sums = Sums()
    sums.add(attempt)
    return sums
