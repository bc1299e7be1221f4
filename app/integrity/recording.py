"""Recording what happened during an attempt, and flagging the attempt by the org's rules.

Two ways in: a client's report (``record``, called by ``service.report_event`` once it
has checked the attempt is the reporter's own and open) and the attempts domain's hook
(``seen``), which runs on every start, save and submit and notices a second IP address
or device answering the same attempt. Both update the attempt's running counts under a
row lock, then judge them against the rules; the first time they break a rule the
attempt is flagged, audited and ``attempt.flagged`` is announced (once: a conditional
UPDATE decides). This module knows nothing of the attempts domain but the few ids it is
handed, so the attempts service can call it without a circular import.
"""

from __future__ import annotations

import uuid
from collections import OrderedDict
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Protocol

from strawberry import relay

from app.access.actor import Actor
from app.access.request import ServiceContext
from app.audit import service as audit
from app.core.clock import as_utc, utcnow
from app.core.errors import Conflict
from app.events.bus import Event
from app.integrity import repository
from app.integrity.catalog import ATTEMPT_FLAGGED
from app.integrity.models import (
    MAX_EVENTS,
    MAX_SIGHTINGS,
    AttemptIntegrity,
    IntegrityEvent,
    IntegrityEventType,
    IntegrityRules,
)
from app.integrity.rules import DEFAULT_LIMITS, LIMIT_NAMES, Limits, reasons


class AttemptRef(Protocol):
    """What recording needs of an attempt (the attempts domain's row fits)."""

    @property
    def id(self) -> uuid.UUID: ...
    @property
    def org_id(self) -> uuid.UUID: ...
    @property
    def quiz_id(self) -> uuid.UUID: ...
    @property
    def member_id(self) -> uuid.UUID: ...


@dataclass(frozen=True, slots=True)
class Occurrence:
    """One event as a client reported it (checked by the service)."""

    type: IntegrityEventType
    occurred_at: datetime
    details: dict[str, Any] = field(default_factory=dict)


async def limits_of(sc: ServiceContext, org_id: uuid.UUID) -> Limits:
    row = await repository.rules_of(sc.db, org_id)
    return DEFAULT_LIMITS if row is None else limits_in(row)


def limits_in(row: IntegrityRules) -> Limits:
    return Limits(**{name: getattr(row, name) for name in LIMIT_NAMES})


async def record(sc: ServiceContext, attempt: AttemptRef, occurrence: Occurrence) -> IntegrityEvent:
    """Store a reported event (and any new address or device it came from), count it and
    judge the attempt."""
    now = utcnow()
    kept = await _locked(sc, attempt)
    if kept.event_count >= MAX_EVENTS:
        raise Conflict(
            f"This attempt has recorded the most events it can ({MAX_EVENTS:,}).",
            reason="TOO_MANY_EVENTS",
        )
    stored = _sightings(sc, attempt, kept, now)
    event = _event(sc, attempt, occurrence.type, occurrence.occurred_at, now)
    event.details = {**occurrence.details, **_count(kept, occurrence)}
    stored.append(event)
    await _save(sc, attempt, kept, stored, now)
    return event


class _Sightings:
    """(attempt, IP, device) triples this process has read as committed: an attempt's
    addresses and devices only grow, so a triple known once stays known, and the usual
    save or submit (from where the attempt started) costs no query. Only what a read
    found is kept, never what a request wrote (it might roll back). Bounded: the oldest
    go first."""

    def __init__(self, size: int) -> None:
        self._size = size
        self._known: OrderedDict[tuple[uuid.UUID, str | None, str | None], None] = OrderedDict()

    def __contains__(self, key: tuple[uuid.UUID, str | None, str | None]) -> bool:
        if key in self._known:
            self._known.move_to_end(key)
            return True
        return False

    def add(self, key: tuple[uuid.UUID, str | None, str | None]) -> None:
        self._known[key] = None
        if len(self._known) > self._size:
            self._known.popitem(last=False)


_committed_sightings = _Sightings(50_000)


async def seen(sc: ServiceContext, attempt: AttemptRef) -> None:
    """The attempts domain's hook: the request's IP address and device answered the
    attempt. No query when this process saw them on it already, one indexed read when
    the database knows them (the usual cases)."""
    ip, device = sc.meta.ip, device_of(sc.actor)
    key = (attempt.id, ip, device)
    if key in _committed_sightings:
        return
    known = await repository.record_of_attempt(sc.db, attempt.id, attempt.org_id)
    if known is not None and _knows(known, ip, device):
        _committed_sightings.add(key)
        return
    now = utcnow()
    kept = await _locked(sc, attempt)
    await _save(sc, attempt, kept, _sightings(sc, attempt, kept, now), now)


def device_of(actor: Actor) -> str | None:
    """The browser session (or API key) acting: a second one on the same attempt is a
    second device."""
    if actor.session_id is not None:
        return f"session:{actor.session_id}"
    if actor.api_key_id is not None:
        return f"key:{actor.api_key_id}"
    return None


async def _locked(sc: ServiceContext, attempt: AttemptRef) -> AttemptIntegrity:
    return await repository.locked_record(
        sc.db, attempt.org_id, attempt.id, attempt.quiz_id, attempt.member_id
    )


def _knows(kept: AttemptIntegrity, ip: str | None, device: str | None) -> bool:
    full_ips = len(kept.ip_addresses) >= MAX_SIGHTINGS
    full_devices = len(kept.devices) >= MAX_SIGHTINGS
    return (ip is None or full_ips or ip in kept.ip_addresses) and (
        device is None or full_devices or device in kept.devices
    )


def _sightings(
    sc: ServiceContext, attempt: AttemptRef, kept: AttemptIntegrity, now: datetime
) -> list[IntegrityEvent]:
    """Events for an address or device new to the attempt (the first of each is where
    it started, not an event)."""
    found: list[IntegrityEvent] = []
    ip, device = sc.meta.ip, device_of(sc.actor)
    if ip is not None and ip not in kept.ip_addresses and len(kept.ip_addresses) < MAX_SIGHTINGS:
        kept.ip_addresses = [*kept.ip_addresses, ip]
        if len(kept.ip_addresses) > 1:
            event = _event(sc, attempt, IntegrityEventType.NEW_IP_ADDRESS, now, now)
            event.details = {"ipAddresses": len(kept.ip_addresses)}
            found.append(event)
    if device is not None and device not in kept.devices and len(kept.devices) < MAX_SIGHTINGS:
        kept.devices = [*kept.devices, device]
        if len(kept.devices) > 1:
            event = _event(sc, attempt, IntegrityEventType.NEW_DEVICE, now, now)
            event.details = {"devices": len(kept.devices)}
            found.append(event)
    return found


def _event(
    sc: ServiceContext,
    attempt: AttemptRef,
    type: IntegrityEventType,
    occurred_at: datetime,
    now: datetime,
) -> IntegrityEvent:
    return IntegrityEvent(
        org_id=attempt.org_id,
        attempt_id=attempt.id,
        member_id=attempt.member_id,
        type=type,
        occurred_at=occurred_at,
        recorded_at=now,
        ip=sc.meta.ip,
    )


def _count(kept: AttemptIntegrity, occurrence: Occurrence) -> dict[str, Any]:
    """Add the event to the attempt's counts; returns details the server adds to it."""
    kind = occurrence.type
    if kind is IntegrityEventType.PAGE_HIDDEN:
        kept.page_switches += 1
        if kept.hidden_since is None:
            kept.hidden_since = occurrence.occurred_at
        return {}
    if kind is IntegrityEventType.PAGE_SHOWN:
        if kept.hidden_since is None:
            return {}
        away = (as_utc(occurrence.occurred_at) - as_utc(kept.hidden_since)).total_seconds()
        kept.hidden_seconds += max(away, 0.0)
        kept.hidden_since = None
        return {"awaySeconds": round(max(away, 0.0), 3)}
    if kind is IntegrityEventType.FULLSCREEN_EXITED:
        kept.fullscreen_exits += 1
    elif kind in (IntegrityEventType.COPY, IntegrityEventType.PASTE):
        kept.clipboard_events += 1
    elif kind is IntegrityEventType.ANSWERS_BULK_CHANGED:
        kept.bulk_answer_changes += 1
    return {}


async def _save(
    sc: ServiceContext,
    attempt: AttemptRef,
    kept: AttemptIntegrity,
    stored: list[IntegrityEvent],
    now: datetime,
) -> None:
    sc.db.add(kept)
    if not stored:  # the first address and device: no count can have grown
        await sc.db.flush()
        return
    kept.event_count += len(stored)
    kept.last_event_at = now
    sc.db.add_all(stored)
    await sc.db.flush()
    why = reasons(kept, await limits_of(sc, attempt.org_id))
    if why and kept.flagged_at is None:
        await _flag(sc, attempt, kept, why, now)


async def _flag(
    sc: ServiceContext, attempt: AttemptRef, kept: AttemptIntegrity, why: list[str], now: datetime
) -> None:
    if not await repository.claim_flag(sc.db, kept, why, now):
        return
    await audit.record(
        sc,
        "integrity.flagged",
        target_type="Attempt",
        target_id=attempt.id,
        org_id=attempt.org_id,
        details={
            "quizId": str(attempt.quiz_id),
            "memberId": str(attempt.member_id),
            "reasons": why,
        },
    )
    sc.events.append(
        Event(
            ATTEMPT_FLAGGED,
            attempt.org_id,
            {
                "attemptId": _gid("Attempt", attempt.id),
                "quizId": _gid("Quiz", attempt.quiz_id),
                "memberId": _gid("Member", attempt.member_id),
                "reasons": why,
                "flaggedAt": now.isoformat(),
            },
        )
    )


def _gid(type_name: str, row_id: uuid.UUID) -> str:
    return str(relay.GlobalID(type_name, str(row_id)))
