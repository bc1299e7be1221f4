"""The GraphQL type of a certificate.

What it certifies is fixed when it is issued (holder's name, title, score or rank), so
these fields read the row only. The revocation's reason is staff's; a holder reads it
when staff made it public (as the public page shows it).
"""

from __future__ import annotations

import uuid
from datetime import datetime

import strawberry
from strawberry import relay
from strawberry.types import Info

from app.attempts.types import Participant
from app.certificates import links
from app.certificates.codes import shown
from app.certificates.models import Certificate as CertificateRow
from app.certificates.models import CertificateKind
from app.certificates.visibility import CertificateVisibility
from app.core.clock import as_utc
from app.members.loaders import member_by_id

strawberry.enum(
    CertificateKind,
    description="QUIZ: passed a quiz that issues certificates. TOURNAMENT: finished a "
    "tournament in its top places.",
)


def _gid(type_name: str, row_id: uuid.UUID | None) -> relay.GlobalID | None:
    return relay.GlobalID(type_name, str(row_id)) if row_id else None


def _request_origin(info: Info) -> str | None:
    request = getattr(info.context, "request", None)
    return str(request.base_url).rstrip("/") if request is not None else None


@strawberry.type(
    description="A certificate: proof that a member passed a quiz or placed in a tournament, "
    "verified by anyone at its verificationUrl (no sign-in) and downloadable as a PDF."
)
class Certificate(relay.Node):
    id: relay.NodeID[str]
    org_id: strawberry.Private[uuid.UUID]
    row: strawberry.Private[CertificateRow]
    kind: CertificateKind = strawberry.field(description="What earned it.")
    code: str = strawberry.field(
        description="The public verification code, as printed (groups of four, e.g. "
        "7Q2M-K9XD-4HVA-RT0C); any spelling with other separators or case verifies too."
    )
    holder_name: str = strawberry.field(
        description="The holder's display name when it was issued (as printed on it)."
    )
    title: str = strawberry.field(
        description="What was achieved: the quiz's or tournament's title when it was issued."
    )
    member_id: relay.GlobalID | None = strawberry.field(
        description="The holder (null once the member was removed; the certificate stays)."
    )
    quiz_id: relay.GlobalID | None = strawberry.field(description="The quiz passed (QUIZ).")
    attempt_id: relay.GlobalID | None = strawberry.field(
        description="The attempt that passed it (QUIZ); null once that attempt is gone."
    )
    tournament_id: relay.GlobalID | None = strawberry.field(
        description="The tournament (TOURNAMENT)."
    )
    score: float | None = strawberry.field(description="The points scored.")
    max_score: float | None = strawberry.field(description="Out of (QUIZ).")
    percentage: float | None = strawberry.field(description="The score in percent (QUIZ).")
    rank: int | None = strawberry.field(description="The place in the tournament, 1 = first.")
    issued_at: datetime = strawberry.field(description="When it was issued.")
    revoked_at: datetime | None = strawberry.field(
        description="When staff revoked it; null while it is valid."
    )
    revocation_reason_public: bool = strawberry.field(
        description="Whether the public verification page shows the revocation's reason."
    )

    @classmethod
    def from_row(cls, row: CertificateRow) -> Certificate:
        return cls(
            id=str(row.id),
            org_id=row.org_id,
            row=row,
            kind=row.kind,
            code=shown(row.code),
            holder_name=row.holder_name,
            title=row.title,
            member_id=_gid("Member", row.member_id),
            quiz_id=_gid("Quiz", row.quiz_id),
            attempt_id=_gid("Attempt", row.attempt_id),
            tournament_id=_gid("Tournament", row.tournament_id),
            score=row.score,
            max_score=row.max_score,
            percentage=row.percentage,
            rank=row.rank,
            issued_at=as_utc(row.issued_at),
            revoked_at=as_utc(row.revoked_at) if row.revoked_at else None,
            revocation_reason_public=row.revocation_reason_public,
        )

    @strawberry.field(description="Whether it is valid (not revoked).")
    def valid(self) -> bool:
        return self.row.revoked_at is None

    @strawberry.field(
        description="Why it was revoked: to staff, and to its holder when the reason is public."
    )
    def revocation_reason(self, info: Info) -> str | None:
        if self.row.revocation_reason_public:
            return self.row.revocation_reason
        staff = CertificateVisibility(info.context.actor).sees_everyones(self.org_id)
        return self.row.revocation_reason if staff else None

    @strawberry.field(description="The public verification page's path on this server.")
    def verification_path(self) -> str:
        return links.verification_path(self.row.code)

    @strawberry.field(
        description="The public verification page's address (the server's configured public "
        "address, else the one this request came to)."
    )
    def verification_url(self, info: Info) -> str:
        path = links.verification_path(self.row.code)
        return links.absolute(path, _request_origin(info)) or path

    @strawberry.field(description="The certificate as a PDF (public, like the page).")
    def pdf_url(self, info: Info) -> str:
        path = links.pdf_path(self.row.code)
        return links.absolute(path, _request_origin(info)) or path

    @strawberry.field(description="The holder as a member now (null once removed).")
    async def holder(self, info: Info) -> Participant | None:
        if self.row.member_id is None:
            return None
        member = await member_by_id(info).load(self.row.member_id)
        if member is None:
            return None
        gid = strawberry.ID(str(relay.GlobalID("Member", str(member.id))))
        return Participant(id=gid, username=member.username, display_name=member.display_name)
