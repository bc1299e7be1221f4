"""Testing one migration: a fresh database at the revision before it, rows written the
way that revision stored them, then the migration itself."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from datetime import datetime
from pathlib import Path

import sqlalchemy as sa
from alembic import command
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine, create_async_engine
from sqlalchemy.pool import NullPool

from app.core.migrations import alembic_config
from tests.support.databases import postgres_database, sqlite_database

# ``organizations`` as every revision since the first has it (enough to insert a row).
OLD_ORGANIZATIONS = sa.table(
    "organizations",
    *(sa.column(name) for name in ["slug", "name", "portal_code_hash", "disabled"]),
    *(sa.column(name) for name in ["api_access_enabled", "audit_seq", "created_at"]),
    sa.column("id", sa.Uuid),
)


def old_org_values(
    org_id: uuid.UUID, slug: str, *, audit_seq: int, now: datetime
) -> dict[str, object]:
    return {
        "id": org_id,
        "slug": slug,
        "name": slug.title(),
        "portal_code_hash": "x",
        "disabled": False,
        "api_access_enabled": True,
        "audit_seq": audit_seq,
        "created_at": now,
    }


@asynccontextmanager
async def migrated_from(
    database_url: str,
    tmp_path: Path,
    before: str,
    this: str,
    seed: Callable[[AsyncConnection], Awaitable[None]],
) -> AsyncIterator[AsyncEngine]:
    """A fresh database of the test's backend at ``before``, seeded, then upgraded to
    ``this``; yields an engine on it (disposed afterwards)."""
    fresh = sqlite_database(tmp_path) if database_url.startswith("sqlite") else postgres_database()
    async with fresh as url:
        await asyncio.to_thread(command.upgrade, alembic_config(url), before)
        engine = create_async_engine(url, poolclass=NullPool)
        try:
            async with engine.begin() as db:
                await seed(db)
            await asyncio.to_thread(command.upgrade, alembic_config(url), this)
            yield engine
        finally:
            await engine.dispose()
