"""DataLoaders of the console: a page of orgs' figures in three grouped queries, and
orgs by id (a platform key's reach, a log row's org) in one."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from sqlmodel.ext.asyncio.session import AsyncSession
from strawberry.dataloader import DataLoader
from strawberry.types import Info

from app.graphql.loaders import loader
from app.platform import service
from app.platform.service import OrgFigures

if TYPE_CHECKING:
    from app.orgs.models import Organization


def org_figures(info: Info[Any, Any]) -> DataLoader[uuid.UUID, OrgFigures]:
    sc = info.context.sc

    async def batch(_db: AsyncSession, org_ids: Sequence[uuid.UUID]) -> list[OrgFigures]:
        return await service.figures(sc, list(org_ids))

    return loader(info, "platform.org_figures", batch)


def org_by_id(info: Info[Any, Any]) -> DataLoader[uuid.UUID, Organization | None]:
    sc = info.context.sc

    async def batch(_db: AsyncSession, org_ids: Sequence[uuid.UUID]) -> list[Organization | None]:
        return await service.orgs_by_id(sc, list(org_ids))

    return loader(info, "platform.org_by_id", batch)
