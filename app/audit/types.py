"""GraphQL type of an audit event."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import cast

import strawberry
from strawberry import relay
from strawberry.scalars import JSON
from strawberry.types import Info

from app.access.actor import Actor
from app.access.scopes import Capability
from app.audit.actions import ACTIONS, AREAS, BY_NAME, ActionInfo
from app.audit.models import AuditEvent as AuditEventRow
from app.quizzes.loaders import quiz_by_id

_CLIENT_DETAILS = (
    "Personal data: null unless you are signed in as an owner or admin of the org "
    "(teachers and API keys read the rest of the event, not this)."
)


@strawberry.type(description="One change made through the API. Append-only.")
class AuditEvent(relay.Node):
    id: relay.NodeID[str]
    org_id: strawberry.Private[uuid.UUID]
    seq: int = strawberry.field(description="Position in the org's hash chain, from 1.")
    action: str = strawberry.field(description="What happened, such as member.added.")
    actor_kind: str = strawberry.field(
        description="MEMBER, API_KEY, PLATFORM_ADMIN, or CLI (a quizgraph command run on the "
        "server, with no actorId)."
    )
    actor_label: str = strawberry.field(
        description="Who: a username, an API key prefix, or quizgraph CLI."
    )
    actor_id: str | None = strawberry.field(description="The acting member's or key's id.")
    target_type: str | None = strawberry.field(description="The kind of object changed.")
    target_id: str | None = strawberry.field(description="The changed object's id.")
    details: JSON = strawberry.field(description="What changed, as a JSON object.")
    client_ip: strawberry.Private[str | None]
    client_user_agent: strawberry.Private[str | None]
    created_at: datetime = strawberry.field(description="When it happened.")
    hash: str = strawberry.field(description="This event's chain hash.")

    @classmethod
    def from_row(cls, row: AuditEventRow) -> AuditEvent:
        return cls(
            id=str(row.id),
            org_id=row.org_id,
            seq=row.seq,
            action=row.action,
            actor_kind=row.actor_kind,
            actor_label=row.actor_label,
            actor_id=str(row.actor_id) if row.actor_id else None,
            target_type=row.target_type,
            target_id=row.target_id,
            details=cast(JSON, row.details),
            client_ip=row.ip,
            client_user_agent=row.user_agent,
            created_at=row.created_at,
            hash=row.hash,
        )

    @strawberry.field(description=f"The client's IP address. {_CLIENT_DETAILS}")
    def ip(self, info: Info) -> str | None:
        return self.client_ip if _sees_client_details(info, self.org_id) else None

    @strawberry.field(description=f"The client's user agent. {_CLIENT_DETAILS}")
    def user_agent(self, info: Info) -> str | None:
        return self.client_user_agent if _sees_client_details(info, self.org_id) else None

    @strawberry.field(
        description="What was changed, by name: the key's prefix and name "
        "(`iq_live_3f2a1b2c… (Nightly sync)`), the member's username, the quiz's title, the "
        "endpoint's URL; for an attempt, its quiz's title. From the event's details (names as "
        "they were then), else the object as it is now. Null when there is no target or it "
        "is gone."
    )
    async def target_label(self, info: Info) -> str | None:
        details = self.details if isinstance(self.details, dict) else {}
        named = _label_from_details(self.target_type, self.action, details, self.actor_label)
        if named is not None or self.target_type != "Attempt":
            return named
        quiz_id = _uuid(details.get("quizId"))
        if quiz_id is None:
            return None
        quiz = await quiz_by_id(info).load(quiz_id)
        return quiz.title if quiz is not None else None

    @strawberry.field(
        description="The changed object's global id (for `node(id:)` and links), null when "
        "the target is not a node."
    )
    def target_node_id(self) -> relay.GlobalID | None:
        if self.target_type not in _NODE_TARGETS or not self.target_id:
            return None
        return relay.GlobalID(self.target_type, self.target_id)

    @strawberry.field(description="The action's label and area, null for an unknown action.")
    def action_info(self) -> AuditAction | None:
        info = BY_NAME.get(self.action)
        return AuditAction.of(info) if info is not None else None


_NODE_TARGETS = frozenset({"ApiKey", "Attempt", "Member", "Organization", "Quiz", "Webhook"})


def _label_from_details(
    target_type: str | None, action: str, details: dict[str, object], actor_label: str
) -> str | None:
    def text(key: str) -> str | None:
        value = details.get(key)
        return value if isinstance(value, str) and value else None

    if target_type == "ApiKey":
        prefix, name = text("prefix"), text("name")
        if prefix is None:
            return name
        return f"{prefix}… ({name})" if name else f"{prefix}…"
    if target_type == "Member":
        if action.startswith("auth."):
            return actor_label  # a member signs themselves in and out
        return text("username")
    if target_type == "Quiz":
        return text("title")
    if target_type == "Webhook":
        return text("url")
    return None


def _uuid(value: object) -> uuid.UUID | None:
    try:
        return uuid.UUID(str(value)) if value is not None else None
    except ValueError:
        return None


@strawberry.type(description="An action the audit log records, with its label and area.")
class AuditAction:
    action: str = strawberry.field(description="The action, as `AuditEvent.action` names it.")
    label: str = strawberry.field(description="In words, e.g. `Key disabled`.")
    area: str = strawberry.field(description="The part before the dot, e.g. `api_key`.")
    area_label: str = strawberry.field(description="The area as a heading, e.g. `API keys`.")

    @classmethod
    def of(cls, info: ActionInfo) -> AuditAction:
        return cls(
            action=info.action, label=info.label, area=info.area.name, area_label=info.area.label
        )


def all_actions() -> list[AuditAction]:
    """Every action, grouped by area in the order of ``AREAS``."""
    order = {area.name: index for index, area in enumerate(AREAS)}
    return [AuditAction.of(info) for info in sorted(ACTIONS, key=lambda a: order[a.area.name])]


def _sees_client_details(info: Info, org_id: uuid.UUID) -> bool:
    actor: Actor = info.context.sc.actor
    return actor.can(Capability.SEE_CLIENT_DETAILS, org_id)
