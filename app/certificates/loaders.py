"""DataLoaders for certificates: a certificate's org, for an operation's access check."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from typing import Any

from sqlmodel.ext.asyncio.session import AsyncSession
from strawberry.dataloader import DataLoader
from strawberry.types import Info

from app.certificates import repository
from app.graphql.loaders import loader


def certificate_org(info: Info[Any, Any]) -> DataLoader[uuid.UUID, uuid.UUID | None]:
    """The org of a certificate the request's actor reaches (None: no such certificate
    in reach), for a mutation's access check (``requires(..., target=...)``)."""

    async def orgs(db: AsyncSession, ids: Sequence[uuid.UUID]) -> list[uuid.UUID | None]:
        found = [await repository.by_id(db, row_id, info.context.actor) for row_id in ids]
        return [certificate.org_id if certificate else None for certificate in found]

    return loader(info, "certificates.certificate_org", orgs)
