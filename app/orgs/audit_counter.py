"""The org's audit counter, for the audit domain's hash chain.

The newest event's number is kept on the org row: bumping it takes that row's write
lock until commit, which serialises appends per org (no forked chain), and lets
verification notice a deleted tail. This module is apart from ``orgs.service``
because that one records audit events itself (audit -> orgs.service -> audit would
be a cycle).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlmodel.ext.asyncio.session import AsyncSession

from app.orgs import repository


@dataclass(frozen=True, slots=True)
class AuditHead:
    """An org as its audit chain's verification sees it."""

    org_id: uuid.UUID
    slug: str
    audit_seq: int


async def next_audit_seq(db: AsyncSession, org_id: uuid.UUID) -> tuple[int, str]:
    """The org's next event number and its slug; holds the org row's lock until commit."""
    return await repository.bump_audit_seq(db, org_id)


async def audit_heads(db: AsyncSession, slug: str | None = None) -> list[AuditHead]:
    """Every org's (or only ``slug``'s) counter, by slug."""
    return [AuditHead(*row) for row in await repository.audit_seqs(db, slug)]
