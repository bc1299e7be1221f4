"""DataLoader for keys' usage reports: a page of keys asks for theirs in one batch."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from functools import partial
from typing import Any

from sqlmodel.ext.asyncio.session import AsyncSession
from strawberry.dataloader import DataLoader
from strawberry.types import Info

from app.access.tenancy import Tenant
from app.api_keys import service
from app.graphql.loaders import loader

UsageAsked = tuple[uuid.UUID, int]  # key id, days


async def _reports(
    db: AsyncSession, asked: Sequence[UsageAsked], *, tenant: Tenant
) -> list[service.UsageReport]:
    return await service.usage_reports(db, asked, tenant)


def usage_by_key(info: Info[Any, Any]) -> DataLoader[UsageAsked, service.UsageReport]:
    # Within the orgs the request's actor reaches (tenant scoping).
    return loader(info, "api_keys.usage_by_key", partial(_reports, tenant=info.context.actor))
