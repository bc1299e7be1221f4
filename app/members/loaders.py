"""DataLoader for members by id (authors of quizzes, takers of attempts)."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from functools import partial
from typing import Any

from sqlmodel.ext.asyncio.session import AsyncSession
from strawberry.dataloader import DataLoader
from strawberry.types import Info

from app.access.tenancy import Tenant
from app.graphql.loaders import loader
from app.members import repository
from app.members.models import Member


async def _members(
    db: AsyncSession, ids: Sequence[uuid.UUID], *, tenant: Tenant
) -> list[Member | None]:
    found = {member.id: member for member in await repository.by_ids(db, list(ids), tenant)}
    return [found.get(member_id) for member_id in ids]


def member_by_id(info: Info[Any, Any]) -> DataLoader[uuid.UUID, Member | None]:
    # Within the orgs the request's actor reaches (tenant scoping).
    return loader(info, "members.member_by_id", partial(_members, tenant=info.context.actor))
