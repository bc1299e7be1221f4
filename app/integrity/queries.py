"""``Organization.integrityEvents``, ``integrityAttempts`` and ``integrityRules``
(integrity:read: staff), and ``integrityNotice`` (integrity:write: whoever takes quizzes)."""

from __future__ import annotations

import uuid
from typing import Annotated

import strawberry
from strawberry import relay
from strawberry.types import Info

from app.access.request import ServiceContext
from app.access.scopes import Scope
from app.core.pagination import fetch_page, map_page
from app.graphql.permissions import requires
from app.graphql.relay import (
    After,
    AttemptFilter,
    Connection,
    First,
    MemberFilter,
    QuizFilter,
    decode_id,
)
from app.integrity import service
from app.integrity.models import IntegrityEventType, ReviewOutcome
from app.integrity.types import AttemptIntegrity, IntegrityEvent, IntegrityRules

READ = requires(Scope.INTEGRITY_READ)


def _optional_id(value: relay.GlobalID | None, type_name: str, field: str) -> uuid.UUID | None:
    return decode_id(value, type_name, field) if value is not None else None


@strawberry.type
class OrganizationIntegrity:
    org_id: strawberry.Private[uuid.UUID]

    @strawberry.field(
        description="Integrity events of the org's attempts, newest first (an attempt's "
        "events in order: AttemptIntegrity.timeline). Needs integrity:read.",
        permission_classes=[READ],
    )
    async def integrity_events(
        self,
        info: Info,
        first: First = None,
        after: After = None,
        attempt_id: AttemptFilter = None,
        member_id: MemberFilter = None,
        type: Annotated[
            IntegrityEventType | None, strawberry.argument(description="Only of this type.")
        ] = None,
    ) -> Connection[IntegrityEvent] | None:
        sc = info.context.sc
        query = service.events(
            sc,
            self.org_id,
            attempt_id=_optional_id(attempt_id, "Attempt", "attemptId"),
            member_id=_optional_id(member_id, "Member", "memberId"),
            type=type,
        )
        page = await fetch_page(sc.db, query, first=first, after=after)
        return Connection[IntegrityEvent].from_page(map_page(page, IntegrityEvent.from_row))

    @strawberry.field(
        description="Attempts' integrity records (every attempt started has one), the "
        "most recently flagged first. Filter flagged: true and unreviewed: true for the "
        "flags waiting for review. Needs integrity:read.",
        permission_classes=[READ],
    )
    async def integrity_attempts(
        self,
        info: Info,
        first: First = None,
        after: After = None,
        flagged: Annotated[
            bool | None, strawberry.argument(description="Only flagged (true) or unflagged.")
        ] = None,
        unreviewed: Annotated[
            bool | None,
            strawberry.argument(description="Only not yet reviewed (true) or reviewed (false)."),
        ] = None,
        review: Annotated[
            ReviewOutcome | None, strawberry.argument(description="Only reviewed so.")
        ] = None,
        quiz_id: QuizFilter = None,
        member_id: MemberFilter = None,
        attempt_id: AttemptFilter = None,
    ) -> Connection[AttemptIntegrity] | None:
        sc = info.context.sc
        query = service.records(
            sc,
            self.org_id,
            flagged=flagged,
            review=review,
            unreviewed=unreviewed,
            quiz_id=_optional_id(quiz_id, "Quiz", "quizId"),
            member_id=_optional_id(member_id, "Member", "memberId"),
            attempt_id=_optional_id(attempt_id, "Attempt", "attemptId"),
        )
        page = await fetch_page(sc.db, query, first=first, after=after)
        return Connection[AttemptIntegrity].from_page(map_page(page, AttemptIntegrity.from_row))

    @strawberry.field(
        description="The thresholds that flag an attempt (the shipped defaults until "
        "changed with updateIntegrityRules). Needs integrity:read.",
        permission_classes=[READ],
    )
    async def integrity_rules(self, info: Info) -> IntegrityRules | None:
        return IntegrityRules.of(await service.limits(info.context.sc, self.org_id))

    @strawberry.field(
        description="What is recorded while taking a quiz, and what gets an attempt "
        "reviewed, in plain words for the quiz's start page. Needs integrity:write (held "
        "by everyone who takes quizzes).",
        permission_classes=[requires(Scope.INTEGRITY_WRITE)],
    )
    async def integrity_notice(self, info: Info) -> str | None:
        return await service.notice_of(info.context.sc, self.org_id)


async def load_record_node(sc: ServiceContext, row_id: uuid.UUID) -> relay.Node:
    """``node(id:)`` for an AttemptIntegrity (integrity:read)."""
    return AttemptIntegrity.from_row(await service.get_record_by_id(sc, row_id))


async def load_event_node(sc: ServiceContext, row_id: uuid.UUID) -> relay.Node:
    """``node(id:)`` for an IntegrityEvent (integrity:read)."""
    return IntegrityEvent.from_row(await service.get_event(sc, row_id))
