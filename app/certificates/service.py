"""The rules for certificates.

- Issued, never asked for: passing a quiz whose ``certificate_on_pass`` is on
  (``issue_on_pass``, called by the attempts service as it closes an attempt, in that
  transaction) or finishing a tournament in its top places (``issue_for_tournament``,
  called by the tournaments service). Exactly one per (quiz, member) and per
  (tournament, member), however many passing attempts and however concurrent: the
  database's unique constraint decides (``repository.insert_once``), and only the
  call that made the certificate audits it and emits ``certificate.issued``.
- Reading follows attempts:read (``visibility.CertificateVisibility``): staff see the
  org's, students their own; another org's certificate is NOT_FOUND.
- Revoking needs attempts:read over everyone's records and quizzes:write (the staff
  who run quizzes and tournaments; a student's attempts:read over their own records is
  not enough), with a reason; it is audited, and final. Revoking a revoked certificate
  changes nothing and answers it as it is.
- Anyone verifies a certificate by its code (``verify``): no scope, no sign-in.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlmodel.sql.expression import SelectOfScalar
from strawberry import relay

from app.access.request import ServiceContext
from app.access.scopes import Scope
from app.access.tenancy import require_found
from app.audit import service as audit
from app.certificates import links, repository
from app.certificates.catalog import CERTIFICATE_ISSUED
from app.certificates.codes import compact, new_code, shown
from app.certificates.models import MAX_REASON, Certificate, CertificateKind
from app.certificates.visibility import CertificateVisibility
from app.core.clock import as_utc, utcnow
from app.core.errors import BadUserInput, Forbidden, NotFound
from app.events.bus import Event
from app.members import service as members
from app.orgs import branding
from app.orgs import service as orgs

if TYPE_CHECKING:
    from app.orgs.models import Organization

_QUIZ_UNIQUE = ("quiz_id", "member_id")
_TOURNAMENT_UNIQUE = ("tournament_id", "member_id")
MAX_TITLE = 200


@dataclass(frozen=True, slots=True)
class ClosedQuizAttempt:
    """What the attempts service tells when it closes a scored attempt."""

    org_id: uuid.UUID
    quiz_id: uuid.UUID
    quiz_title: str
    certificate_on_pass: bool
    attempt_id: uuid.UUID
    member_id: uuid.UUID
    passed: bool | None
    score: float | None
    max_score: float
    percentage: float | None


@dataclass(frozen=True, slots=True)
class Verification:
    """A certificate found by its code, with the org that issued it (public page)."""

    certificate: Certificate
    org: Organization


async def issue_on_pass(sc: ServiceContext, attempt: ClosedQuizAttempt) -> Certificate | None:
    """The member's certificate for the quiz when this attempt passed a quiz that issues
    them (made now, or the one an earlier pass made); None otherwise. No scope check:
    the certificate follows from the closing the caller has judged."""
    if not (attempt.certificate_on_pass and attempt.passed):
        return None
    row = Certificate(
        org_id=attempt.org_id,
        code=new_code(),
        kind=CertificateKind.QUIZ,
        member_id=attempt.member_id,
        holder_name=await _holder_name(sc, attempt.org_id, attempt.member_id),
        title=attempt.quiz_title[:MAX_TITLE],
        quiz_id=attempt.quiz_id,
        attempt_id=attempt.attempt_id,
        score=attempt.score,
        max_score=attempt.max_score,
        percentage=attempt.percentage,
        issued_at=utcnow(),
    )
    if await repository.insert_once(sc.db, row, _QUIZ_UNIQUE):
        return await _announce(sc, row)
    return await repository.of_quiz_member(
        sc.db, attempt.org_id, attempt.quiz_id, attempt.member_id
    )


async def issue_for_tournament(
    sc: ServiceContext,
    *,
    org_id: uuid.UUID,
    tournament_id: uuid.UUID,
    member_id: uuid.UUID,
    rank: int,
    title: str,
    score: float | None = None,
) -> Certificate:
    """The member's certificate for finishing the tournament at ``rank`` (1 = first),
    titled with the tournament's name: made once, and the same one answered on every
    later call (an end retried, two processes ending it at once). For the tournaments
    service, which has judged the operation (no scope check here); NOT_FOUND when the
    member is not the org's."""
    if rank < 1:
        raise BadUserInput({"rank": "must be 1 or more"})
    row = Certificate(
        org_id=org_id,
        code=new_code(),
        kind=CertificateKind.TOURNAMENT,
        member_id=member_id,
        holder_name=await _holder_name(sc, org_id, member_id),
        title=title.strip()[:MAX_TITLE],
        tournament_id=tournament_id,
        rank=rank,
        score=score,
        issued_at=utcnow(),
    )
    if await repository.insert_once(sc.db, row, _TOURNAMENT_UNIQUE):
        return await _announce(sc, row)
    existing = await repository.of_tournament_member(sc.db, org_id, tournament_id, member_id)
    assert existing is not None  # the conflicting row, committed before ours waited
    return existing


async def get_readable(sc: ServiceContext, certificate_id: uuid.UUID) -> Certificate:
    """A certificate the actor sees (``CertificateVisibility``), else NOT_FOUND."""
    certificate = require_found(
        sc.actor, Scope.ATTEMPTS_READ, await repository.by_id(sc.db, certificate_id, sc.actor)
    )
    if not CertificateVisibility(sc.actor).allows(certificate):
        raise NotFound()
    return certificate


def listing(
    sc: ServiceContext,
    org_id: uuid.UUID,
    *,
    quiz_id: uuid.UUID | None = None,
    member_id: uuid.UUID | None = None,
    tournament_id: uuid.UUID | None = None,
    revoked: bool | None = None,
) -> SelectOfScalar[Certificate]:
    """The org's certificates the actor sees, newest first. Asking for another member's
    without seeing everyone's is FORBIDDEN (as for attempts)."""
    sc.actor.require(Scope.ATTEMPTS_READ, org_id)
    visibility = CertificateVisibility(sc.actor)
    if not visibility.sees_everyones(org_id) and member_id not in (None, sc.actor.member_id):
        raise Forbidden("You can only see your own certificates.")
    return repository.listing(
        org_id,
        visibility.clause(org_id),
        quiz_id=quiz_id,
        member_id=member_id,
        tournament_id=tournament_id,
        revoked=revoked,
    )


async def revoke(
    sc: ServiceContext, certificate_id: uuid.UUID, reason: str, *, reason_public: bool = False
) -> Certificate:
    """Revoke a certificate for ``reason`` (shown on the public page only when
    ``reason_public``). Staff only: a holder sees their own certificate but can't revoke
    it (FORBIDDEN)."""
    certificate = require_found(
        sc.actor,
        Scope.ATTEMPTS_READ,
        await repository.by_id(sc.db, certificate_id, sc.actor, for_update=True),
    )
    visibility = CertificateVisibility(sc.actor)
    if not visibility.sees_everyones(certificate.org_id):
        if visibility.allows(certificate):
            raise Forbidden("Only staff can revoke a certificate.")
        raise NotFound()
    sc.actor.require(Scope.QUIZZES_WRITE, certificate.org_id)
    reason = _checked_reason(reason)
    if certificate.revoked_at is not None:
        return certificate
    certificate.revoked_at = utcnow()
    certificate.revoked_by_id = sc.actor.member_id
    certificate.revocation_reason = reason
    certificate.revocation_reason_public = reason_public
    sc.db.add(certificate)
    await sc.db.flush()
    await audit.record(
        sc,
        "certificate.revoked",
        target_type="Certificate",
        target_id=certificate.id,
        org_id=certificate.org_id,
        details={
            "code": shown(certificate.code),
            "title": certificate.title,
            "holder": certificate.holder_name,
            "reason": reason,
            "reasonPublic": reason_public,
        },
    )
    return certificate


async def verify(sc: ServiceContext, typed_code: str) -> Verification | None:
    """The certificate of a code as someone typed it, with its org; None when no
    certificate has it. Anyone may ask: the code is the credential."""
    code = compact(typed_code)
    if code is None:
        return None
    certificate = await repository.by_code(sc.db, code)
    if certificate is None:
        return None
    org = await orgs.public_by_id(sc, certificate.org_id)
    if org is None:
        return None
    return Verification(certificate, org)


async def printed_logo(sc: ServiceContext, org: Organization) -> bytes | None:
    """The image the org uploaded as its logo, for its certificates' PDF; None without
    one (a logo by web address is not fetched: drawing a page makes no request)."""
    logo = await branding.uploaded_logo(sc, org)
    return None if logo is None else logo.data


def global_id(type_name: str, row_id: uuid.UUID | None) -> str | None:
    return None if row_id is None else str(relay.GlobalID(type_name, str(row_id)))


def _checked_reason(reason: str) -> str:
    text = reason.strip()
    if not text:
        raise BadUserInput({"reason": "say why the certificate is revoked"})
    if len(text) > MAX_REASON:
        raise BadUserInput({"reason": f"at most {MAX_REASON} characters"})
    return text


async def _holder_name(sc: ServiceContext, org_id: uuid.UUID, member_id: uuid.UUID) -> str:
    name = await members.display_name_of(sc, org_id, member_id)
    if name is None:
        raise NotFound("No such member.")
    return name


async def _announce(sc: ServiceContext, row: Certificate) -> Certificate:
    """Audit and announce the certificate this request just made; the stored row."""
    certificate = await repository.by_id(sc.db, row.id, row.org_id)
    assert certificate is not None  # inserted by this transaction
    await audit.record(
        sc,
        "certificate.issued",
        target_type="Certificate",
        target_id=certificate.id,
        org_id=certificate.org_id,
        details={
            "code": shown(certificate.code),
            "kind": certificate.kind.value,
            "title": certificate.title,
            "memberId": str(certificate.member_id),
        },
    )
    sc.events.append(Event(CERTIFICATE_ISSUED, certificate.org_id, event_data(certificate)))
    return certificate


def event_data(certificate: Certificate) -> dict[str, Any]:
    """``certificate.issued``'s data (``catalog``)."""
    path = links.verification_path(certificate.code)
    return {
        "certificateId": global_id("Certificate", certificate.id),
        "kind": certificate.kind.value,
        "code": shown(certificate.code),
        "verificationPath": path,
        "verificationUrl": links.absolute(path),
        "memberId": global_id("Member", certificate.member_id),
        "holderName": certificate.holder_name,
        "title": certificate.title,
        "quizId": global_id("Quiz", certificate.quiz_id),
        "attemptId": global_id("Attempt", certificate.attempt_id),
        "tournamentId": global_id("Tournament", certificate.tournament_id),
        "score": certificate.score,
        "maxScore": certificate.max_score,
        "percentage": certificate.percentage,
        "rank": certificate.rank,
        "issuedAt": as_utc(certificate.issued_at).isoformat().replace("+00:00", "Z"),
    }
