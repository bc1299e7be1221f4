"""Issue 16: submitAttempt inside a running tournament ÷ outside one (aim ≥ 0.8).

The ``submit_attempt`` scenario twice per backend, each on a fresh database with the
same seed (1,000 students with their own keys, 10 published quizzes of 5 questions):
once as it is ("outside"), once with a RUNNING tournament whose rounds are all 10
quizzes and whose entrants are all the students ("inside", rows inserted before the
server starts, so the attempt gate admits them and every submit counts for the
tournament: the round lookup, the shared row lock on PostgreSQL, the entrant check and
the best-per-round upsert, and a board-changed event). Starts are run first (not
measured here), then the submits are measured with wrk as in ``submit_attempt``.
Run alone, holding /work/notes/bench.lock: ``python -m bench.tournament_submit``.
"""

from __future__ import annotations

import asyncio
import sys
import uuid
from datetime import timedelta
from pathlib import Path

from bench import data
from bench.harness import WrkResult, run_wrk_walk, server
from bench.submit_attempt import (
    START,
    STUDENTS,
    SUBMIT,
    WARMUP_LINES,
    _line,
    _open_attempts,
    _seed,
)


def run(scratch: Path) -> dict[str, WrkResult | dict[str, object]]:
    from bench.quizzes_list import backends

    figures: dict[str, WrkResult | dict[str, object]] = {}
    for backend in backends():
        rates: dict[str, float] = {}
        for where in ("outside", "inside"):
            result = _submits(backend, scratch, where)
            figures[f"submitAttempt {where} a tournament, {backend}"] = result
            rates[where] = result.requests_per_second
        figures[f"tournament submit ratio, {backend}"] = {
            "inside_over_outside": round(rates["inside"] / rates["outside"], 3),
            "aim": 0.8,
        }
    return figures


def _submits(backend: str, scratch: Path, where: str) -> WrkResult:
    with data.fresh_database(backend, scratch, f"tournament_submit_{where}") as db:
        keys, quizzes = asyncio.run(_seed(db))
        if where == "inside":
            asyncio.run(_running_tournament(db, quizzes, list(keys)))
        starts = [
            _line(keys[member], START, {"quizId": data.global_id("Quiz", quiz)})
            for quiz in quizzes
            for member in keys
        ]
        with server("app.web.asgi:app", db.env) as url:
            run_wrk_walk(url, starts[:WARMUP_LINES], starts[WARMUP_LINES:])
            attempts, answers = asyncio.run(_open_attempts(db, quizzes))
            submits = [
                _line(
                    keys[member],
                    SUBMIT,
                    {"attemptId": data.global_id("Attempt", attempt), "answers": answers[quiz]},
                )
                for attempt, member, quiz in attempts
            ]
            warm = min(WARMUP_LINES, len(submits) // 3)
            submitted = run_wrk_walk(url, submits[:warm], submits[warm:])
        print(f"[{backend}, {where}] {len(submits):,} submits prepared for {STUDENTS:,} students")
        return submitted


async def _running_tournament(
    db: data.Database, quizzes: list[uuid.UUID], members: list[uuid.UUID]
) -> None:
    """A tournament over every quiz, running for a day, every student entered."""
    assert db.org_id is not None
    now = data.now()
    tournament_id = uuid.uuid4()
    async with data.engine(db.url) as eng, eng.begin() as conn:
        await data.bulk_insert(
            conn,
            "tournaments",
            [
                {
                    "id": tournament_id,
                    "org_id": db.org_id,
                    "name": "Bench cup",
                    "status": "RUNNING",
                    "starts_at": now - timedelta(minutes=1),
                    "ends_at": now + timedelta(days=1),
                    "started_at": now - timedelta(minutes=1),
                    "ended_at": None,
                    "entry_rule": "EVERY_MEMBER",
                    "entry_roles": [],
                    "entry_fee_amount": None,
                    "entry_fee_currency": None,
                    "max_entrants": None,
                    "winners_count": 3,
                    "certificates_for_winners": False,
                    "created_by_id": db.owner_id,
                    "created_at": now,
                    "updated_at": now,
                }
            ],
        )
        await data.bulk_insert(
            conn,
            "tournament_rounds",
            [
                {
                    "tournament_id": tournament_id,
                    "position": index,
                    "quiz_id": quiz,
                    "org_id": db.org_id,
                }
                for index, quiz in enumerate(quizzes, start=1)
            ],
        )
        await data.bulk_insert(
            conn,
            "tournament_entrants",
            [
                {
                    "tournament_id": tournament_id,
                    "member_id": member,
                    "org_id": db.org_id,
                    "kind": "AUTOMATIC",
                    "entered_at": now,
                }
                for member in members
            ],
        )


if __name__ == "__main__":
    from bench.run import main

    raise SystemExit(main(["tournament_submit", *sys.argv[1:]]))
