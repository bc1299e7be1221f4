"""Writing audit events inside the caller's transaction, and verifying the chains."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlmodel.ext.asyncio.session import AsyncSession
from sqlmodel.sql.expression import SelectOfScalar

from app.access.actor import Actor, ActorKind
from app.access.request import ServiceContext
from app.access.scopes import Scope
from app.access.tenancy import require_found
from app.audit import repository
from app.audit.actions import AREA_NAMES
from app.audit.chain import (
    GENESIS_HASH,
    checkpoint_signature,
    checkpoint_signature_ok,
    event_digest,
)
from app.audit.models import AuditCheckpoint, AuditEvent
from app.core.errors import BadUserInput
from app.orgs.audit_counter import AuditHead, audit_heads, next_audit_seq

# Who the audit log names for changes made by `quizgraph` commands on the server.
CLI_ACTOR_KIND = "CLI"
CLI_ACTOR_LABEL = "quizgraph CLI"

# Who it names for changes the server makes by itself (closing attempts past their
# deadline): actor kind SYSTEM, no actor id. The actor holds no scope, so a service
# handed it by mistake refuses everything a scope guards.
SYSTEM_ACTOR_KIND = "SYSTEM"
SYSTEM_ACTOR_LABEL = "quizgraph server"
SYSTEM_ACTOR = Actor(kind=ActorKind.PLATFORM_ADMIN, label=SYSTEM_ACTOR_LABEL)


async def record(
    sc: ServiceContext,
    action: str,
    *,
    target_type: str | None = None,
    target_id: uuid.UUID | str | None = None,
    details: dict[str, Any] | None = None,
    org_id: uuid.UUID | None = None,
) -> AuditEvent:
    """Append one event to the org's chain, in the same transaction as the change."""
    org_id = org_id or sc.actor.org_id
    if org_id is None:
        raise ValueError("an audit event needs an org")
    # Bumping the org's counter takes the org row's write lock until commit, so
    # concurrent appends of one org queue up instead of forking the chain.
    seq, org_slug = await next_audit_seq(sc.db, org_id)
    prev_hash = await _hash_of(sc.db, org_id, seq - 1)
    actor_kind, actor_id = _actor_of(sc.actor)
    event = AuditEvent(
        org_id=org_id,
        seq=seq,
        action=action,
        actor_kind=actor_kind,
        actor_id=actor_id,
        actor_label=sc.actor.label,
        target_type=target_type,
        target_id=str(target_id) if target_id is not None else None,
        details=details or {},
        ip=sc.meta.ip,
        user_agent=(sc.meta.user_agent or "")[:500] or None,
        prev_hash=prev_hash,
        hash="",
    )
    event.hash = event_digest(event, prev_hash)
    sc.db.add(event)
    await _advance_checkpoint(sc.db, org_id, org_slug, seq, event.hash)
    return event


def _actor_of(actor: Actor) -> tuple[str, uuid.UUID | None]:
    """The actor kind and id an event records."""
    if actor == SYSTEM_ACTOR:
        return SYSTEM_ACTOR_KIND, None
    if actor.kind is ActorKind.PLATFORM_ADMIN and actor.platform_admin_id is None:
        # Platform staff with no staff account behind it is the command line: its
        # events say so, with no id, rather than pointing at an account that isn't one.
        return CLI_ACTOR_KIND, None
    return actor.kind.value, actor.member_id or actor.api_key_id or actor.platform_admin_id


async def get_event(sc: ServiceContext, event_id: uuid.UUID) -> AuditEvent:
    """One event of an org the actor may read the log of (``node(id:)``)."""
    event = await repository.by_id(sc.db, event_id, sc.actor)
    return require_found(sc.actor, Scope.AUDIT_READ, event)


def listing(
    sc: ServiceContext,
    org_id: uuid.UUID,
    *,
    action: str | None = None,
    area: str | None = None,
    exclude_actions: list[str] | None = None,
    actor_label: str | None = None,
    actor_id: uuid.UUID | None = None,
    since: datetime | None = None,
    until: datetime | None = None,
) -> SelectOfScalar[AuditEvent]:
    """The org's events, newest first, narrowed by the filters given."""
    sc.actor.require(Scope.AUDIT_READ, org_id)
    if since and until and since >= until:
        raise BadUserInput({"until": "must be after since"})
    if area is not None and area not in AREA_NAMES:
        raise BadUserInput({"area": f"is not one of {', '.join(sorted(AREA_NAMES))}"})
    return repository.listing(
        org_id,
        action=action,
        area=area,
        exclude_actions=exclude_actions,
        actor_label=actor_label,
        actor_id=actor_id,
        since=since,
        until=until,
    )


async def _advance_checkpoint(
    db: AsyncSession, org_id: uuid.UUID, org_slug: str, seq: int, head_hash: str
) -> None:
    """Sign the new head; serialised per org by the org row lock ``next_audit_seq`` holds."""
    await repository.save_checkpoint(
        db,
        AuditCheckpoint(
            org_id=org_id,
            org_slug=org_slug,
            seq=seq,
            head_hash=head_hash,
            signature=checkpoint_signature(org_id, seq, head_hash),
        ),
    )


async def _hash_of(db: AsyncSession, org_id: uuid.UUID, seq: int) -> str:
    if seq <= 0:
        return GENESIS_HASH
    return await repository.hash_at(db, org_id, seq) or GENESIS_HASH


@dataclass(frozen=True, slots=True)
class BrokenLink:
    org_slug: str
    seq: int | None
    event_id: uuid.UUID | None
    reason: str


@dataclass(frozen=True, slots=True)
class ExportedCheckpoint:
    """A checkpoint as ``quizgraph audit checkpoint`` writes it (one JSON line each)."""

    org_id: uuid.UUID
    org_slug: str
    seq: int
    head_hash: str
    signature: str

    def as_json(self) -> dict[str, Any]:
        return {
            "orgId": str(self.org_id),
            "orgSlug": self.org_slug,
            "seq": self.seq,
            "headHash": self.head_hash,
            "signature": self.signature,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> ExportedCheckpoint:
        return cls(
            org_id=uuid.UUID(str(data["orgId"])),
            org_slug=str(data["orgSlug"]),
            seq=int(data["seq"]),
            head_hash=str(data["headHash"]),
            signature=str(data["signature"]),
        )

    @property
    def signature_ok(self) -> bool:
        return checkpoint_signature_ok(self.org_id, self.seq, self.head_hash, self.signature)


async def verify_org(
    db: AsyncSession, org: AuditHead, checkpoint: AuditCheckpoint | None
) -> BrokenLink | None:
    """The first place the org's chain breaks, or None when it is intact.

    The chain shows edited and deleted events up to its last remaining link; the signed
    checkpoint shows the newest events deleted (with ``audit_seq`` lowered to match) and
    a wiped log.
    """
    expected_prev = GENESIS_HASH
    expected_seq = 1
    for event in await repository.chain(db, org.org_id):
        if event.seq != expected_seq:
            return BrokenLink(org.slug, expected_seq, None, "event is missing (deleted)")
        if event.prev_hash != expected_prev:
            return BrokenLink(org.slug, event.seq, event.id, "link to the previous event broken")
        if event_digest(event, event.prev_hash) != event.hash:
            return BrokenLink(org.slug, event.seq, event.id, "content was changed")
        expected_prev = event.hash
        expected_seq += 1
    length = expected_seq - 1
    if length != org.audit_seq:
        return BrokenLink(org.slug, expected_seq, None, "newest events are missing (deleted)")
    if checkpoint is None:
        # Every org's creation is audited, so a checkpoint exists from its first event on.
        return BrokenLink(
            org.slug,
            None,
            None,
            "the signed checkpoint is missing (deleted): the log's end "
            "can't be vouched for" + ("; the log is empty (wiped)" if length == 0 else ""),
        )
    return _against_checkpoint(
        org.slug,
        length,
        expected_prev,
        checkpoint.seq,
        checkpoint.head_hash,
        checkpoint_signature_ok(
            org.org_id, checkpoint.seq, checkpoint.head_hash, checkpoint.signature
        ),
        "the signed checkpoint",
    )


def _against_checkpoint(
    slug: str,
    length: int,
    head_hash: str,
    seq: int,
    signed_hash: str,
    signature_ok: bool,
    which: str,
) -> BrokenLink | None:
    """Compare an intact chain of ``length`` events ending in ``head_hash`` with a checkpoint."""
    if not signature_ok:
        return BrokenLink(slug, None, None, f"{which}'s signature is wrong (forged or edited)")
    if seq > length:
        return BrokenLink(
            slug,
            length + 1,
            None,
            f"newest events are missing (deleted): {which} vouches for #{seq}, "
            f"the log ends at #{length}" + (" (wiped)" if length == 0 else ""),
        )
    if seq < length:
        return BrokenLink(
            slug,
            seq + 1,
            None,
            f"events after {which} (#{seq}) were not signed by the server "
            "(appended outside it, or the checkpoint was rolled back)",
        )
    if head_hash != signed_hash:
        return BrokenLink(slug, seq, None, f"the newest event is not the one {which} signed")
    return None


async def verify_all(
    db: AsyncSession,
    exported: list[ExportedCheckpoint] | None = None,
    *,
    org_slug: str | None = None,
) -> list[BrokenLink]:
    """Every org's chain (or only ``org_slug``'s) against its checkpoint, and against
    ``exported`` ones if given.

    A checkpoint whose org row is gone reports the org as deleted.
    """
    if org_slug is not None:
        exported = [cp for cp in exported or [] if cp.org_slug == org_slug]
    orgs = await audit_heads(db, org_slug)
    checkpoints = {cp.org_id: cp for cp in await repository.checkpoints(db, org_slug)}
    broken: list[BrokenLink] = []
    for org in orgs:
        link = await verify_org(db, org, checkpoints.pop(org.org_id, None))
        if link is not None:
            broken.append(link)
    for orphan in sorted(checkpoints.values(), key=lambda cp: cp.org_slug):
        broken.append(_missing_org(orphan.org_slug, orphan.seq, "a signed checkpoint"))
    if exported:
        broken += await _verify_exported(db, {org.org_id: org for org in orgs}, exported)
    return broken


def _missing_org(slug: str, seq: int, which: str) -> BrokenLink:
    return BrokenLink(
        slug, None, None, f"the organization is missing (deleted) but has {which} at #{seq}"
    )


async def _verify_exported(
    db: AsyncSession, orgs: dict[uuid.UUID, AuditHead], exported: list[ExportedCheckpoint]
) -> list[BrokenLink]:
    """Checkpoints exported earlier must still be in the chain: event #seq with that hash.

    They were kept outside the database, so rolling back or deleting checkpoint rows
    (by someone who can write the database, not knowing the key) doesn't hide a cut.
    """
    broken: list[BrokenLink] = []
    which = "the exported checkpoint"
    for checkpoint in exported:
        org = orgs.get(checkpoint.org_id)
        if not checkpoint.signature_ok:
            broken.append(
                BrokenLink(checkpoint.org_slug, None, None, f"{which}'s signature is wrong")
            )
        elif org is None:
            broken.append(_missing_org(checkpoint.org_slug, checkpoint.seq, which))
        elif (
            found := await repository.hash_at(db, org.org_id, checkpoint.seq)
        ) != checkpoint.head_hash:
            reason = (
                f"event #{checkpoint.seq}, which {which} vouches for, is missing (deleted)"
                if found is None
                else f"event #{checkpoint.seq} is not the one {which} signed"
            )
            broken.append(BrokenLink(org.slug, checkpoint.seq, None, reason))
    return broken


async def signed_checkpoints(db: AsyncSession) -> list[ExportedCheckpoint]:
    """The current checkpoints, for export (``quizgraph audit checkpoint``)."""
    return [
        ExportedCheckpoint(cp.org_id, cp.org_slug, cp.seq, cp.head_hash, cp.signature)
        for cp in await repository.checkpoints(db)
    ]
