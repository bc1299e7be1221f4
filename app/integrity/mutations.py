"""Integrity mutations: report an event, review a flag, change the rules. Thin wrappers
over ``integrity.service``."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated

import strawberry
from strawberry import relay
from strawberry.scalars import JSON
from strawberry.types import Info

from app.access.scopes import Scope
from app.attempts.loaders import attempt_org
from app.graphql.inputs import INPUT
from app.graphql.permissions import requires
from app.graphql.relay import decode_id
from app.integrity import service
from app.integrity.models import MAX_EVENTS, IntegrityEventType, ReviewOutcome
from app.integrity.rules import LIMIT_NAMES, MAX_LIMIT
from app.integrity.types import AttemptIntegrity, IntegrityEvent, IntegrityRules


@strawberry.input(description="An event of your open attempt, as the browser saw it.")
class ReportIntegrityEventInput:
    attempt_id: relay.GlobalID = strawberry.field(description="Your open attempt's id.")
    type: IntegrityEventType = strawberry.field(
        description="What happened (NEW_IP_ADDRESS and NEW_DEVICE are the server's own)."
    )
    occurred_at: datetime | None = strawberry.field(
        default=None,
        description="When, by the browser's clock (the server's time when left out); "
        "refused if more than 5 minutes outside the attempt's start and now.",
    )
    details: JSON | None = strawberry.field(
        default=None,
        description=f"A flat object of at most {service.MAX_DETAIL_KEYS} keys (names of "
        f"letters, digits and _) whose values are strings (up to {service.MAX_DETAIL_TEXT} "
        "characters), numbers, booleans or null. ANSWERS_BULK_CHANGED needs "
        "answersChanged, how many answers changed at once (2 or more).",
    )


@strawberry.type
class ReportIntegrityEventPayload:
    event: IntegrityEvent = strawberry.field(description="The event as recorded.")


@strawberry.input(description="Mark a flagged attempt reviewed.")
class ReviewIntegrityFlagInput:
    attempt_id: relay.GlobalID = strawberry.field(description="The flagged attempt's id.")
    outcome: ReviewOutcome = strawberry.field(description="CLEARED or CONFIRMED.")
    note: str | None = strawberry.field(
        default=None, description=f"Why, up to {service.MAX_NOTE} characters."
    )


@strawberry.type
class ReviewIntegrityFlagPayload:
    attempt_integrity: AttemptIntegrity = strawberry.field(description="The reviewed record.")


_SIGHTINGS = "null: not checked; left out: unchanged."
_LIMIT = f"0 to {MAX_LIMIT}; {_SIGHTINGS}"


@strawberry.input(description="New thresholds; an attempt is flagged when a count goes above one.")
class UpdateIntegrityRulesInput:
    max_page_switches: int | None = strawberry.field(
        default=strawberry.UNSET, description=f"Times the quiz page may be hidden: {_LIMIT}"
    )
    max_hidden_seconds: int | None = strawberry.field(
        default=strawberry.UNSET, description=f"Seconds hidden in total: {_LIMIT}"
    )
    max_ip_addresses: int | None = strawberry.field(
        default=strawberry.UNSET,
        description=f"IP addresses per attempt: 1 to {service.MAX_SIGHTINGS_LIMIT}; {_SIGHTINGS}",
    )
    max_devices: int | None = strawberry.field(
        default=strawberry.UNSET,
        description=f"Sessions per attempt: 1 to {service.MAX_SIGHTINGS_LIMIT}; {_SIGHTINGS}",
    )
    max_fullscreen_exits: int | None = strawberry.field(
        default=strawberry.UNSET, description=f"Times full screen may be left: {_LIMIT}"
    )
    max_clipboard_events: int | None = strawberry.field(
        default=strawberry.UNSET, description=f"Copies and pastes: {_LIMIT}"
    )
    max_bulk_answer_changes: int | None = strawberry.field(
        default=strawberry.UNSET, description=f"Times many answers change at once: {_LIMIT}"
    )


@strawberry.type
class UpdateIntegrityRulesPayload:
    rules: IntegrityRules = strawberry.field(description="The rules now.")


async def _attempt_org(info: Info, input: ReportIntegrityEventInput) -> uuid.UUID | None:
    return await attempt_org(info).load(decode_id(input.attempt_id, "Attempt", "attemptId"))


@strawberry.type
class IntegrityMutations:
    @strawberry.mutation(
        description="Report an event of your own open attempt (the server adds its time "
        "and your IP address). Another member's attempt is FORBIDDEN (NOT_FOUND if you "
        "can't see it); a closed one CONFLICT with extensions.reason ATTEMPT_CLOSED, and "
        f"so is the next after {MAX_EVENTS:,} events of one attempt (TOO_MANY_EVENTS). "
        "Needs integrity:write.",
        permission_classes=[requires(Scope.INTEGRITY_WRITE, target=_attempt_org)],
    )
    async def report_integrity_event(
        self, info: Info, input: Annotated[ReportIntegrityEventInput, INPUT]
    ) -> ReportIntegrityEventPayload:
        event = await service.report_event(
            info.context.sc,
            decode_id(input.attempt_id, "Attempt", "attemptId"),
            input.type,
            input.occurred_at,
            input.details,
        )
        return ReportIntegrityEventPayload(event=IntegrityEvent.from_row(event))

    @strawberry.mutation(
        description="Mark a flagged attempt CLEARED or CONFIRMED, with a note (a later "
        "review replaces it; each is audited). An unflagged attempt is CONFLICT with "
        "extensions.reason NOT_FLAGGED. Needs integrity:read and integrity:write.",
        permission_classes=[requires(Scope.INTEGRITY_READ, Scope.INTEGRITY_WRITE)],
    )
    async def review_integrity_flag(
        self, info: Info, input: Annotated[ReviewIntegrityFlagInput, INPUT]
    ) -> ReviewIntegrityFlagPayload:
        record = await service.review(
            info.context.sc,
            decode_id(input.attempt_id, "Attempt", "attemptId"),
            input.outcome,
            input.note,
        )
        return ReviewIntegrityFlagPayload(attempt_integrity=AttemptIntegrity.from_row(record))

    @strawberry.mutation(
        description="Change your org's integrity thresholds (they judge attempts from the "
        "next event on). Needs integrity:read and members:write (owners and admins).",
        permission_classes=[requires(Scope.INTEGRITY_READ, Scope.MEMBERS_WRITE)],
    )
    async def update_integrity_rules(
        self, info: Info, input: Annotated[UpdateIntegrityRulesInput, INPUT]
    ) -> UpdateIntegrityRulesPayload:
        changes = {
            name: getattr(input, name)
            for name in LIMIT_NAMES
            if getattr(input, name) is not strawberry.UNSET
        }
        limits = await service.update_rules(info.context.sc, changes)
        return UpdateIntegrityRulesPayload(rules=IntegrityRules.of(limits))
