"""The rules of integrity reporting, review and the org's thresholds.

- Reporting (integrity:write) is for the reporter's own attempt while it is open:
  another's attempt is FORBIDDEN to staff who can see it and NOT_FOUND to anyone else,
  a closed one (or one past its deadline) is CONFLICT with reason ATTEMPT_CLOSED. The
  server records its own time and the client's IP address; events it detects itself
  (a new IP address or device) can't be reported. Details are a small flat JSON object.
- Reading (integrity:read) is staff's: every record of the org (``IntegrityVisibility``);
  students hold no integrity:read, so they read none, not even their own.
- Reviewing a flagged attempt needs integrity:read and integrity:write; changing the
  rules, integrity:read and members:write (owners and admins, and their keys: the rules
  decide which members' attempts are flagged, a matter of managing members).
Every flag, review and rule change is written to the audit log; the events themselves
are their own log (auditing each tab switch would crowd out everything else).
"""

from __future__ import annotations

import json
import math
import re
import uuid
from dataclasses import asdict
from datetime import datetime, timedelta
from typing import Any

from sqlmodel.sql.expression import SelectOfScalar

from app.access.request import ServiceContext
from app.access.scopes import Scope
from app.attempts import service as attempts
from app.audit import service as audit
from app.core.clock import as_utc, utcnow
from app.core.errors import BadUserInput, Conflict
from app.integrity import recording, repository
from app.integrity.models import (
    MAX_SIGHTINGS,
    SERVER_DETECTED,
    AttemptIntegrity,
    IntegrityEvent,
    IntegrityEventType,
    ReviewOutcome,
)
from app.integrity.rules import DEFAULT_LIMITS, LIMIT_NAMES, MAX_LIMIT, Limits, notice
from app.integrity.visibility import IntegrityVisibility

MAX_DETAIL_KEYS = 8
MAX_DETAIL_TEXT = 200
MAX_DETAILS_BYTES = 1_000
MAX_NOTE = 1_000
# How far a client's clock may be off: occurredAt outside the attempt's time give or
# take this is refused (durations are measured on the client's clock).
CLOCK_SKEW = timedelta(minutes=5)
# An attempt keeps up to MAX_SIGHTINGS addresses and devices: a limit must stay below.
MAX_SIGHTINGS_LIMIT = MAX_SIGHTINGS - 1
_SIGHTING_LIMITS = frozenset({"max_ip_addresses", "max_devices"})
_DETAIL_KEY = re.compile(r"^[A-Za-z][A-Za-z0-9_]{0,39}$")


async def report_event(
    sc: ServiceContext,
    attempt_id: uuid.UUID,
    type: IntegrityEventType,
    occurred_at: datetime | None,
    details: object,
) -> IntegrityEvent:
    attempt = await attempts.own_open_attempt(sc, attempt_id, Scope.INTEGRITY_WRITE)
    now = utcnow()
    occurrence = recording.Occurrence(
        type=_reportable(type),
        occurred_at=_checked_time(occurred_at, as_utc(attempt.started_at), now),
        details=checked_details(type, details),
    )
    return await recording.record(sc, attempt, occurrence)


async def limits(sc: ServiceContext, org_id: uuid.UUID) -> Limits:
    IntegrityVisibility(sc.actor).require(org_id)
    return await recording.limits_of(sc, org_id)


async def notice_of(sc: ServiceContext, org_id: uuid.UUID) -> str:
    sc.actor.require(Scope.INTEGRITY_WRITE, org_id)
    return notice(await recording.limits_of(sc, org_id))


async def update_rules(sc: ServiceContext, changes: dict[str, int | None]) -> Limits:
    """Set the limits named in ``changes`` (None: not checked); the others stay."""
    org_id = sc.actor.home_org()
    sc.actor.require(Scope.INTEGRITY_READ, org_id)
    sc.actor.require(Scope.MEMBERS_WRITE, org_id)
    problems: dict[str, str] = {}
    for name, value in changes.items():
        # An attempt always has the one address and device it started from.
        least, most = (1, MAX_SIGHTINGS_LIMIT) if name in _SIGHTING_LIMITS else (0, MAX_LIMIT)
        if value is not None and not least <= value <= most:
            problems[_camel(name)] = f"must be between {least} and {most}, or null to not check it"
    if problems:
        raise BadUserInput(problems)
    # No row yet means the defaults: the row starts from them.
    row = await repository.locked_rules(sc.db, org_id, asdict(DEFAULT_LIMITS))
    before = recording.limits_in(row)
    for name, value in changes.items():
        setattr(row, name, value)
    row.updated_at, row.updated_by_id = utcnow(), sc.actor.member_id
    sc.db.add(row)
    await sc.db.flush()
    after = await recording.limits_of(sc, org_id)
    changed = {
        _camel(name): {"from": getattr(before, name), "to": getattr(after, name)}
        for name in LIMIT_NAMES
        if getattr(before, name) != getattr(after, name)
    }
    if changed:
        await audit.record(
            sc,
            "integrity.rules_updated",
            target_type="IntegrityRules",
            target_id=row.id,
            org_id=org_id,
            details=changed,
        )
    return after


async def review(
    sc: ServiceContext, attempt_id: uuid.UUID, outcome: ReviewOutcome, note: str | None
) -> AttemptIntegrity:
    """Mark a flagged attempt CLEARED or CONFIRMED, with a note; a later review replaces
    an earlier one (both stay in the audit log)."""
    kept = await record_of_attempt(sc, attempt_id)
    sc.actor.require(Scope.INTEGRITY_WRITE, kept.org_id)
    note = (note or "").strip() or None
    if note is not None and len(note) > MAX_NOTE:
        raise BadUserInput({"note": f"at most {MAX_NOTE} characters"})
    if kept.flagged_at is None:
        raise Conflict("Only a flagged attempt can be reviewed.", reason="NOT_FLAGGED")
    previous = kept.review_outcome
    kept.review_outcome, kept.review_note = outcome, note
    kept.reviewed_at, kept.reviewed_by_id = utcnow(), sc.actor.member_id
    sc.db.add(kept)
    await sc.db.flush()
    await audit.record(
        sc,
        "integrity.reviewed",
        target_type="Attempt",
        target_id=kept.attempt_id,
        org_id=kept.org_id,
        details={
            "outcome": outcome.value,
            "previousOutcome": previous.value if previous else None,
            "note": note,
            "memberId": str(kept.member_id),
        },
    )
    return kept


async def record_of_attempt(sc: ServiceContext, attempt_id: uuid.UUID) -> AttemptIntegrity:
    """The attempt's integrity record, for integrity:read (NOT_FOUND without one)."""
    return IntegrityVisibility(sc.actor).readable(
        await repository.record_of_attempt(sc.db, attempt_id, sc.actor)
    )


async def get_record_by_id(sc: ServiceContext, record_id: uuid.UUID) -> AttemptIntegrity:
    return IntegrityVisibility(sc.actor).readable(
        await repository.record_by_id(sc.db, record_id, sc.actor)
    )


async def get_event(sc: ServiceContext, event_id: uuid.UUID) -> IntegrityEvent:
    return IntegrityVisibility(sc.actor).readable_event(
        await repository.event_by_id(sc.db, event_id, sc.actor)
    )


def records(
    sc: ServiceContext,
    org_id: uuid.UUID,
    *,
    flagged: bool | None,
    review: ReviewOutcome | None,
    unreviewed: bool | None,
    quiz_id: uuid.UUID | None,
    member_id: uuid.UUID | None,
    attempt_id: uuid.UUID | None,
) -> SelectOfScalar[AttemptIntegrity]:
    IntegrityVisibility(sc.actor).require(org_id)
    return repository.records(
        org_id,
        flagged=flagged,
        review=review,
        unreviewed=unreviewed,
        quiz_id=quiz_id,
        member_id=member_id,
        attempt_id=attempt_id,
    )


def events(
    sc: ServiceContext,
    org_id: uuid.UUID,
    *,
    attempt_id: uuid.UUID | None = None,
    member_id: uuid.UUID | None = None,
    type: IntegrityEventType | None = None,
    chronological: bool = False,
) -> SelectOfScalar[IntegrityEvent]:
    IntegrityVisibility(sc.actor).require(org_id)
    return repository.events(
        org_id, attempt_id=attempt_id, member_id=member_id, type=type, chronological=chronological
    )


def checked_details(type: IntegrityEventType, details: object) -> dict[str, Any]:
    """A flat JSON object of a few short values, or BAD_USER_INPUT naming the problem."""
    if details is None:
        details = {}
    if not isinstance(details, dict):
        raise BadUserInput({"details": "must be a JSON object"})
    if len(details) > MAX_DETAIL_KEYS:
        raise BadUserInput({"details": f"at most {MAX_DETAIL_KEYS} keys"})
    for key, value in details.items():
        problem = _detail_problem(key, value)
        if problem:
            raise BadUserInput({"details": problem})
    if len(json.dumps(details).encode()) > MAX_DETAILS_BYTES:
        raise BadUserInput({"details": f"at most {MAX_DETAILS_BYTES} bytes as JSON"})
    if type is IntegrityEventType.ANSWERS_BULK_CHANGED:
        changed = details.get("answersChanged")
        if not isinstance(changed, int) or isinstance(changed, bool) or changed < 2:
            raise BadUserInput(
                {"details": "answersChanged (how many answers changed at once, 2 or more)"}
            )
    return dict(details)


def _detail_problem(key: object, value: object) -> str | None:
    if not isinstance(key, str) or not _DETAIL_KEY.match(key):
        return "keys are names of up to 40 letters, digits or _, starting with a letter"
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return None if math.isfinite(value) else f"{key}: must be a finite number"
    if isinstance(value, str):
        if len(value) > MAX_DETAIL_TEXT:
            return f"{key}: at most {MAX_DETAIL_TEXT} characters"
        return None
    return f"{key}: values are strings, numbers, booleans or null"


def _reportable(type: IntegrityEventType) -> IntegrityEventType:
    if type in SERVER_DETECTED:
        raise BadUserInput({"type": "is detected by the server and can't be reported"})
    return type


def _checked_time(occurred_at: datetime | None, started_at: datetime, now: datetime) -> datetime:
    if occurred_at is None:
        return now
    moment = as_utc(occurred_at)
    if moment < started_at - CLOCK_SKEW or moment > now + CLOCK_SKEW:
        raise BadUserInput(
            {"occurredAt": "must lie between the attempt's start and now (a few minutes' skew)"}
        )
    return moment


def _camel(name: str) -> str:
    head, *rest = name.split("_")
    return head + "".join(part.title() for part in rest)
