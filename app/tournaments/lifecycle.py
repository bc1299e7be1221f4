"""Starting and ending a tournament: by the scheduler when due, by staff early.

Each move is claimed with a conditional UPDATE (``repository.claim``: status still
what it was, and for the scheduler its time come), so of two processes, or the
scheduler and a staff member, exactly one makes it; only that one writes the audit
event, the frozen standings and the ``tournament.started``/``tournament.ended`` event,
which the caller stages into the webhooks' outbox in the same transaction.

Ending freezes the board: the live standings are stored once, with the winners (the
top ``winners_count`` ranks among entrants who played) marked, the winners' certificates
issued when the tournament asks for them, and the event carries that final top with
its ranks.

Before the board is frozen, the rounds' attempts still open past their deadline (an
API client or a closed browser that never submitted) are closed at their deadline and
scored by the attempts domain, exactly as its sweep would (``close_run_out``), so they
count. An attempt still open and not past its deadline at an early end doesn't count:
it can't have closed by the end. Lock order is the submit's: the attempt rows first,
then the tournament's row (a shared lock where the result is recorded, then the
claim's update). The scheduler closes them in a transaction of its own just before the
ending one (``scheduler._transition``), so its ending transaction normally has none
left to close and takes no attempt's lock at all; ``end_now`` can't (a request has one
transaction), which leaves one lock cycle on PostgreSQL (docs/tournaments.md, "Left
open").
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from app.access.request import ServiceContext
from app.attempts import service as attempts
from app.audit import service as audit
from app.certificates import service as certificates
from app.core.clock import as_utc, utcnow
from app.core.errors import Conflict
from app.events.bus import Event
from app.tournaments import repository
from app.tournaments.models import Tournament, TournamentStatus
from app.tournaments.repository import BoardRow
from app.tournaments.service import board_changed, get_writable, gid, schedule_changed
from app.webhooks.catalog import TOURNAMENT_ENDED, TOURNAMENT_STARTED

# The final top a ``tournament.ended`` event carries: at least this many, and every winner.
EVENT_TOP = 10
MAX_EVENT_TOP = 100


async def start(sc: ServiceContext, tournament: Tournament, *, due_only: bool) -> bool:
    """SCHEDULED → RUNNING; False when someone else did it first (or, ``due_only``,
    it isn't due)."""
    now = utcnow()
    claimed = await repository.claim(
        sc.db,
        tournament.id,
        tournament.org_id,
        from_status=TournamentStatus.SCHEDULED,
        to_status=TournamentStatus.RUNNING,
        now=now,
        due_only=due_only,
    )
    if not claimed:
        return False
    await sc.db.refresh(tournament)
    rounds = (await repository.rounds_of(sc.db, tournament.org_id, [tournament.id]))[tournament.id]
    entrants = (await repository.entrant_counts(sc.db, tournament.org_id, [tournament.id]))[
        tournament.id
    ]
    await audit.record(
        sc,
        "tournament.started",
        target_type="Tournament",
        target_id=tournament.id,
        org_id=tournament.org_id,
        details={"early": not due_only and now < as_utc(tournament.starts_at)},
    )
    data = {
        **_summary(tournament),
        "startedAt": _rfc3339(now),
        "rounds": [gid("Quiz", quiz_id) for quiz_id in rounds],
        "entrants": entrants,
    }
    sc.events.append(Event(TOURNAMENT_STARTED, tournament.org_id, data))
    sc.events.append(board_changed(tournament.org_id, tournament.id))
    sc.events.append(schedule_changed(tournament.org_id))
    return True


async def end(
    sc: ServiceContext, tournament: Tournament, *, due_only: bool
) -> list[BoardRow] | None:
    """RUNNING → ENDED, with the standings frozen and the winners recorded; the final
    standings, or None when someone else ended it first (or it isn't due)."""
    await close_run_out(sc, tournament)  # the attempt rows before the tournament's
    now = utcnow()
    claimed = await repository.claim(
        sc.db,
        tournament.id,
        tournament.org_id,
        from_status=TournamentStatus.RUNNING,
        to_status=TournamentStatus.ENDED,
        now=now,
        due_only=due_only,
    )
    if not claimed:
        return None
    await sc.db.refresh(tournament)
    final = await repository.freeze(sc.db, tournament)
    winners = [row for row in final if row.winner]
    if tournament.certificates_for_winners:
        await _certify(sc, tournament, winners)
    await audit.record(
        sc,
        "tournament.ended",
        target_type="Tournament",
        target_id=tournament.id,
        org_id=tournament.org_id,
        details={
            "early": not due_only and now < as_utc(tournament.ends_at),
            "winners": len(winners),
        },
    )
    shown = max(EVENT_TOP, len(winners))
    data = {
        **_summary(tournament),
        "startedAt": _rfc3339(tournament.started_at),
        "endedAt": _rfc3339(now),
        "entrants": len(final),
        "winnersCount": tournament.winners_count,
        "winners": [_standing(row) for row in winners[:MAX_EVENT_TOP]],
        "top": [_standing(row) for row in final[: min(shown, MAX_EVENT_TOP)]],
    }
    sc.events.append(Event(TOURNAMENT_ENDED, tournament.org_id, data))
    sc.events.append(board_changed(tournament.org_id, tournament.id))
    sc.events.append(schedule_changed(tournament.org_id))
    return final


async def close_run_out(sc: ServiceContext, tournament: Tournament) -> int:
    """Close the running tournament's rounds' attempts that are still open past their
    deadline, through the attempts domain's own close (scored as they stand, closed at
    their deadline, counted by ``service.record_result`` while the tournament still
    runs): each closes once whoever gets there first, this, the sweep or its member.
    Returns how many this call closed."""
    if tournament.status is not TournamentStatus.RUNNING:
        return 0
    rounds = (await repository.rounds_of(sc.db, tournament.org_id, [tournament.id]))[tournament.id]
    return await attempts.close_expired(sc, tournament.org_id, quiz_ids=rounds)


async def start_now(sc: ServiceContext, tournament_id: Any) -> Tournament:
    """Staff start a scheduled tournament before its time (quizzes:write)."""
    tournament = await get_writable(sc, tournament_id)
    if tournament.status is not TournamentStatus.SCHEDULED:
        raise Conflict(
            f"The tournament is {tournament.status.value.lower()}, not scheduled.",
            reason=f"TOURNAMENT_{tournament.status.value}",
        )
    await start(sc, tournament, due_only=False)
    return tournament


async def end_now(sc: ServiceContext, tournament_id: Any) -> Tournament:
    """Staff end a running tournament before its time (quizzes:write)."""
    tournament = await get_writable(sc, tournament_id)
    if tournament.status is not TournamentStatus.RUNNING:
        what = "has not started" if tournament.status is TournamentStatus.SCHEDULED else "has ended"
        raise Conflict(
            f"The tournament {what}; only a running tournament can be ended.",
            reason=f"TOURNAMENT_{tournament.status.value}",
        )
    await end(sc, tournament, due_only=False)
    return tournament


async def _certify(sc: ServiceContext, tournament: Tournament, winners: list[BoardRow]) -> None:
    """Each winner's certificate, in the ending transaction (``certificate.issued`` once
    per certificate: the certificates domain makes one per tournament and member)."""
    for row in winners:
        await certificates.issue_for_tournament(
            sc,
            org_id=tournament.org_id,
            tournament_id=tournament.id,
            member_id=row.member_id,
            rank=row.rank,
            title=tournament.name,
            score=row.total_score,
        )


def _summary(tournament: Tournament) -> dict[str, Any]:
    return {
        "tournamentId": gid("Tournament", tournament.id),
        "name": tournament.name,
        "startsAt": _rfc3339(tournament.starts_at),
        "endsAt": _rfc3339(tournament.ends_at),
    }


def _standing(row: BoardRow) -> dict[str, Any]:
    return {
        "rank": row.rank,
        "memberId": gid("Member", row.member_id),
        "displayName": row.display_name,
        "totalScore": row.total_score,
        "totalTimeMs": row.total_duration_ms,
        "roundsPlayed": row.rounds_played,
        "winner": row.winner,
    }


def _rfc3339(value: datetime | None) -> str | None:
    return None if value is None else as_utc(value).isoformat().replace("+00:00", "Z")
