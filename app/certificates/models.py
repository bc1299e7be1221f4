"""The certificate table: one row per certificate, with org_id like every tenant table.

A certificate is a document: what it says is fixed when it is issued. The holder's
display name, the title of what was achieved (the quiz's or the tournament's) and the
score or rank are copied into the row, so renaming a quiz or a member later never
changes a certificate already printed, and a removed member's certificates still verify
(``member_id`` becomes NULL, the name stays).

Exactly one certificate per (quiz, member) and per (tournament, member): two unique
constraints that concurrent issuers meet in the database (``INSERT … ON CONFLICT DO
NOTHING``), so two passing submits at once still make one. NULLs are distinct in both
databases, so a tournament's certificates (no quiz) never collide with a quiz's.
``tournament_id`` has no foreign key: the tournaments domain owns its table and calls
``service.issue_for_tournament``; a certificate outlives whatever it certifies.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from enum import StrEnum

from sqlalchemy import Index, UniqueConstraint
from sqlmodel import Field, SQLModel

from app.core.models import id_field, org_fk, timestamp_field

MAX_REASON = 500


class CertificateKind(StrEnum):
    QUIZ = "QUIZ"  # passed a quiz with "issues a certificate on pass"
    TOURNAMENT = "TOURNAMENT"  # finished a tournament in its top places


class Certificate(SQLModel, table=True):
    __tablename__ = "certificates"
    __table_args__ = (
        UniqueConstraint("code", name="uq_certificates_code"),
        UniqueConstraint("quiz_id", "member_id", name="uq_certificates_quiz_member"),
        UniqueConstraint("tournament_id", "member_id", name="uq_certificates_tournament_member"),
        # The org's list, newest first (a page is an index range, no sort).
        Index("ix_certificates_org_issued", "org_id", "issued_at", "id"),
        # A member's own list.
        Index("ix_certificates_member_issued", "member_id", "issued_at"),
    )

    id: uuid.UUID = id_field()
    org_id: uuid.UUID = org_fk()
    # The public verification code, stored compact (``codes.compact``): 16 characters
    # of an alphabet without look-alikes, shown in groups of four.
    code: str = Field(max_length=32)
    kind: CertificateKind = Field(max_length=16)
    member_id: uuid.UUID | None = Field(default=None, foreign_key="members.id", ondelete="SET NULL")
    holder_name: str = Field(max_length=200)
    title: str = Field(max_length=200)
    quiz_id: uuid.UUID | None = Field(default=None, foreign_key="quizzes.id", ondelete="SET NULL")
    attempt_id: uuid.UUID | None = Field(
        default=None, foreign_key="attempts.id", ondelete="SET NULL"
    )
    tournament_id: uuid.UUID | None = None
    score: float | None = None
    max_score: float | None = None
    percentage: float | None = None
    rank: int | None = None
    issued_at: datetime = timestamp_field()
    revoked_at: datetime | None = timestamp_field(nullable=True)
    revoked_by_id: uuid.UUID | None = Field(
        default=None, foreign_key="members.id", ondelete="SET NULL"
    )
    revocation_reason: str | None = Field(default=None, max_length=MAX_REASON)
    # Whether the public verification page shows the reason (staff may keep it internal).
    revocation_reason_public: bool = False
