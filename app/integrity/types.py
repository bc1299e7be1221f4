"""GraphQL types for integrity: events, an attempt's record (with its timeline), the rules.

IP addresses are personal data: an event's ``ipAddress`` is shown to members whose role
sees client details (owners and admins, as in the audit log), null to everyone else.
"""

from __future__ import annotations

import uuid
from dataclasses import asdict
from datetime import datetime
from typing import cast

import strawberry
from strawberry import relay
from strawberry.scalars import JSON
from strawberry.types import Info

from app.access.actor import Actor
from app.access.scopes import Capability, Scope
from app.attempts import service as attempts
from app.attempts.types import Attempt, Participant
from app.core.clock import as_utc
from app.core.pagination import fetch_page, map_page
from app.graphql.relay import After, Connection, First
from app.integrity import service
from app.integrity.models import AttemptIntegrity as RecordRow
from app.integrity.models import IntegrityEvent as EventRow
from app.integrity.models import IntegrityEventType, ReviewOutcome
from app.integrity.rules import REASON_TEXT, Limits
from app.members.loaders import member_by_id
from app.quizzes.loaders import quiz_by_id

strawberry.enum(
    IntegrityEventType,
    description=(
        "What happened: PAGE_HIDDEN (the quiz's tab or window was hidden: a switch away), "
        "PAGE_SHOWN (shown again), FULLSCREEN_EXITED, COPY, PASTE, ANSWERS_BULK_CHANGED "
        "(many answers changed at once); detected by the server: NEW_IP_ADDRESS, NEW_DEVICE "
        "(a second address or signed-in session answering the same attempt)."
    ),
)
strawberry.enum(
    ReviewOutcome,
    description="CLEARED: reviewed, nothing wrong. CONFIRMED: reviewed, the concern stands.",
)

_DESCRIPTIONS: dict[IntegrityEventType, str] = {
    IntegrityEventType.PAGE_HIDDEN: "Stopped viewing the quiz page",
    IntegrityEventType.PAGE_SHOWN: "Resumed viewing the quiz page",
    IntegrityEventType.FULLSCREEN_EXITED: "Left full screen",
    IntegrityEventType.COPY: "Copied",
    IntegrityEventType.PASTE: "Pasted",
    IntegrityEventType.ANSWERS_BULK_CHANGED: "Changed many answers at once",
    IntegrityEventType.NEW_IP_ADDRESS: "Answered from a new IP address",
    IntegrityEventType.NEW_DEVICE: "Answered from another device or session",
}


def _sees_addresses(actor: Actor, org_id: uuid.UUID) -> bool:
    return actor.can(Capability.SEE_CLIENT_DETAILS, org_id)


@strawberry.type(description="One thing that happened during an attempt.")
class IntegrityEvent(relay.Node):
    id: relay.NodeID[str]
    org_id: strawberry.Private[uuid.UUID]
    row: strawberry.Private[EventRow]
    type: IntegrityEventType = strawberry.field(description="What happened.")
    occurred_at: datetime = strawberry.field(
        description="When, by the client's clock (the server's for events it detected)."
    )
    recorded_at: datetime = strawberry.field(description="When the server received it.")
    details: JSON = strawberry.field(
        description="What the client added (a small flat object); PAGE_SHOWN also has "
        "awaySeconds, how long the page was hidden."
    )
    attempt_id: relay.GlobalID = strawberry.field(description="The attempt it belongs to.")
    member_id: relay.GlobalID = strawberry.field(description="Whose attempt it is.")

    @classmethod
    def from_row(cls, row: EventRow) -> IntegrityEvent:
        return cls(
            id=str(row.id),
            org_id=row.org_id,
            row=row,
            type=row.type,
            occurred_at=as_utc(row.occurred_at),
            recorded_at=as_utc(row.recorded_at),
            details=cast(JSON, row.details),
            attempt_id=relay.GlobalID("Attempt", str(row.attempt_id)),
            member_id=relay.GlobalID("Member", str(row.member_id)),
        )

    @strawberry.field(description="The event in words, as a quiz log shows it.")
    def description(self) -> str:
        text = _DESCRIPTIONS[self.row.type]
        away = self.row.details.get("awaySeconds")
        if self.row.type is IntegrityEventType.PAGE_SHOWN and isinstance(away, int | float):
            return f"{text} after {away:g} s away"
        return text

    @strawberry.field(
        description="The client's IP address as the server saw it; null unless your role "
        "sees client details (owners and admins)."
    )
    def ip_address(self, info: Info) -> str | None:
        return self.row.ip if _sees_addresses(info.context.actor, self.org_id) else None


@strawberry.type(description="Why an attempt was flagged.")
class IntegrityFlagReason:
    code: str = strawberry.field(
        description="PAGE_SWITCHES, HIDDEN_TIME, IP_ADDRESSES, DEVICES, FULLSCREEN_EXITS, "
        "CLIPBOARD or BULK_ANSWER_CHANGES: the rule broken."
    )
    description: str = strawberry.field(description="The reason in words.")


@strawberry.type(description="A flagged attempt's review by staff.")
class IntegrityReview:
    outcome: ReviewOutcome = strawberry.field(description="CLEARED or CONFIRMED.")
    note: str | None = strawberry.field(description="The reviewer's note.")
    reviewed_at: datetime = strawberry.field(description="When.")
    reviewer_id: relay.GlobalID | None = strawberry.field(
        description="The member who reviewed (null if removed since, or a key acted)."
    )


@strawberry.type(
    description="An attempt's integrity record: the counts the org's rules judge, whether "
    "it is flagged and its review, and its events in order (the attempt's quiz log)."
)
class AttemptIntegrity(relay.Node):
    id: relay.NodeID[str]
    org_id: strawberry.Private[uuid.UUID]
    row: strawberry.Private[RecordRow]
    attempt_id: relay.GlobalID = strawberry.field(description="The attempt's id.")
    quiz_id: relay.GlobalID = strawberry.field(description="The quiz's id.")
    page_switches: int = strawberry.field(description="Times the quiz page was hidden.")
    hidden_seconds: float = strawberry.field(
        description="Seconds the page was hidden in total (counted when it is shown again)."
    )
    fullscreen_exits: int = strawberry.field(description="Times full screen was left.")
    clipboard_events: int = strawberry.field(description="Copies and pastes.")
    bulk_answer_changes: int = strawberry.field(description="Times many answers changed at once.")
    ip_address_count: int = strawberry.field(description="IP addresses seen answering.")
    device_count: int = strawberry.field(description="Devices (signed-in sessions) seen answering.")
    event_count: int = strawberry.field(description="Events recorded.")
    hidden_since: datetime | None = strawberry.field(
        description="While the page is hidden (no PAGE_SHOWN yet): since when, by the "
        "client's clock; null while it is shown."
    )
    last_event_at: datetime | None = strawberry.field(description="When the latest was recorded.")
    flagged: bool = strawberry.field(description="Whether a rule flagged the attempt.")
    flagged_at: datetime | None = strawberry.field(description="When it was flagged.")

    @classmethod
    def from_row(cls, row: RecordRow) -> AttemptIntegrity:
        return cls(
            id=str(row.id),
            org_id=row.org_id,
            row=row,
            attempt_id=relay.GlobalID("Attempt", str(row.attempt_id)),
            quiz_id=relay.GlobalID("Quiz", str(row.quiz_id)),
            page_switches=row.page_switches,
            hidden_seconds=round(row.hidden_seconds, 3),
            fullscreen_exits=row.fullscreen_exits,
            clipboard_events=row.clipboard_events,
            bulk_answer_changes=row.bulk_answer_changes,
            ip_address_count=len(row.ip_addresses),
            device_count=len(row.devices),
            event_count=row.event_count,
            hidden_since=as_utc(row.hidden_since) if row.hidden_since else None,
            last_event_at=as_utc(row.last_event_at) if row.last_event_at else None,
            flagged=row.flagged_at is not None,
            flagged_at=as_utc(row.flagged_at) if row.flagged_at else None,
        )

    @strawberry.field(description="The rules the attempt broke when it was flagged.")
    def flag_reasons(self) -> list[IntegrityFlagReason]:
        return [
            IntegrityFlagReason(code=code, description=REASON_TEXT.get(code, code))
            for code in self.row.flag_reasons
        ]

    @strawberry.field(description="The review; null until a member reviews the flag.")
    def review(self) -> IntegrityReview | None:
        row = self.row
        if row.review_outcome is None or row.reviewed_at is None:
            return None
        reviewer = relay.GlobalID("Member", str(row.reviewed_by_id)) if row.reviewed_by_id else None
        return IntegrityReview(
            outcome=row.review_outcome,
            note=row.review_note,
            reviewed_at=as_utc(row.reviewed_at),
            reviewer_id=reviewer,
        )

    @strawberry.field(description="Whose attempt it is.")
    async def participant(self, info: Info) -> Participant | None:
        member = await member_by_id(info).load(self.row.member_id)
        if member is None:
            return None
        gid = strawberry.ID(str(relay.GlobalID("Member", str(member.id))))
        return Participant(id=gid, username=member.username, display_name=member.display_name)

    @strawberry.field(description="The quiz's title.")
    async def quiz_title(self, info: Info) -> str | None:
        quiz = await quiz_by_id(info).load(self.row.quiz_id)
        return quiz.title if quiz else None

    @strawberry.field(description="The attempt itself; null without attempts:read.")
    async def attempt(self, info: Info) -> Attempt | None:
        sc = info.context.sc
        if not sc.actor.has_for_everyone(Scope.ATTEMPTS_READ, self.org_id):
            return None
        return Attempt.from_row(await attempts.get_readable(sc, self.row.attempt_id))

    @strawberry.field(
        description="The attempt's events in the order they happened (by the client's "
        "clock), as a quiz log shows them."
    )
    async def timeline(
        self, info: Info, first: First = None, after: After = None
    ) -> Connection[IntegrityEvent]:
        sc = info.context.sc
        query = service.events(sc, self.org_id, attempt_id=self.row.attempt_id, chronological=True)
        page = await fetch_page(sc.db, query, first=first, after=after)
        return Connection[IntegrityEvent].from_page(map_page(page, IntegrityEvent.from_row))


@strawberry.type(
    description="The org's integrity rules: the most each count may reach without flagging "
    "the attempt (one more flags it); null means not checked."
)
class IntegrityRules:
    max_page_switches: int | None = strawberry.field(
        description="Times the quiz page may be hidden (default 3: the 4th flags)."
    )
    max_hidden_seconds: int | None = strawberry.field(
        description="Seconds the page may be hidden in total (default 60)."
    )
    max_ip_addresses: int | None = strawberry.field(
        description="IP addresses that may answer one attempt (default 1: a second flags)."
    )
    max_devices: int | None = strawberry.field(
        description="Signed-in sessions that may answer one attempt (default: not checked)."
    )
    max_fullscreen_exits: int | None = strawberry.field(
        description="Times full screen may be left (default: not checked)."
    )
    max_clipboard_events: int | None = strawberry.field(
        description="Copies and pastes (default: not checked)."
    )
    max_bulk_answer_changes: int | None = strawberry.field(
        description="Times many answers may change at once (default: not checked)."
    )

    @classmethod
    def of(cls, limits: Limits) -> IntegrityRules:
        return cls(**asdict(limits))
