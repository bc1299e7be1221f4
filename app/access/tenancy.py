"""Tenant scoping: the one way a repository narrows a query of a tenant table to an org.

A tenant table is one with an ``org_id`` column. Every query of one in a
``repository.py`` goes through ``scoped`` (or ``get_scoped`` for a row by id), so a
row of another org is simply not found, whoever forgets to check; the few queries
that must cross orgs (the door finding a key by its secret, the attempt sweep) say so
with ``across_orgs`` and a reason. ``tests/architecture/test_tenant_scope.py`` fails
when a repository query of a tenant table uses neither.

The tenant is an org id (a query on behalf of that org, the caller having checked
access to it) or the ``Actor`` (a load by id such as ``node(id:)``, where the org is
not known yet): a member or org key sees its org, platform staff the orgs they reach.
Rows of no org that cover a list of orgs (platform endpoints) are narrowed by
``platform_reach_clause``, ``Actor.reaches_all`` in SQL.
"""

from __future__ import annotations

import uuid
from typing import Any, Protocol, TypeVar

import sqlalchemy as sa
from sqlalchemy import ColumnElement, and_, false, func, true
from sqlalchemy.dialects.postgresql import JSONB
from sqlmodel import col
from sqlmodel.ext.asyncio.session import AsyncSession

from app.access.actor import Actor
from app.access.scopes import Scope
from app.core.errors import NotFound, Unauthenticated

Tenant = uuid.UUID | Actor


class TenantRow(Protocol):
    @property
    def org_id(self) -> uuid.UUID | None: ...


Statement = TypeVar("Statement", bound=Any)
Row = TypeVar("Row", bound=TenantRow)


def tenant_clause(model: Any, tenant: Tenant) -> ColumnElement[bool]:
    """``model.org_id`` within the tenant, as a SQL condition."""
    org_id = col(model.org_id)
    if isinstance(tenant, uuid.UUID):
        return org_id == tenant
    if tenant.is_platform:
        if tenant.reachable_org_ids is None:
            return true()
        return org_id.in_(sorted(tenant.reachable_org_ids))
    if tenant.org_id is None:
        return false()
    return org_id == tenant.org_id


def platform_reach_clause(org_ids: Any, actor: Actor, dialect: str) -> ColumnElement[bool]:
    """``actor.reaches_all(org_ids)`` as a SQL condition, for a platform row's ``org_ids``
    column (a JSON list of org ids as strings, NULL for every org) on the database of
    ``dialect`` ("postgresql" or "sqlite": JSON has no portable "every item in" test)."""
    if not actor.is_platform:
        return false()
    if actor.reachable_org_ids is None:
        return true()
    reach = sorted(str(org_id) for org_id in actor.reachable_org_ids)
    if dialect == "postgresql":
        as_jsonb = sa.cast(org_ids, JSONB)
        return and_(func.jsonb_typeof(as_jsonb) == "array", as_jsonb.contained_by(reach))
    # SQLite: an array none of whose items is outside the reach (NULL, a JSON null or
    # a scalar is no list of orgs: every org, reached only by unrestricted staff).
    items = func.json_each(org_ids).table_valued("value")
    outside = sa.select(items.c.value).where(items.c.value.not_in(reach))
    return and_(func.json_type(org_ids) == "array", ~outside.exists())


def scoped(statement: Statement, model: Any, tenant: Tenant) -> Statement:
    """``statement`` (a select, update or delete) limited to ``model``'s rows of the tenant."""
    narrowed: Statement = statement.where(tenant_clause(model, tenant))
    return narrowed


def across_orgs(statement: Statement, why: str) -> Statement:
    """A query meant to cross orgs, left as it is; ``why`` says why (the scope check
    requires a non-empty reason, so every exception is explained where it is made)."""
    if not why.strip():
        raise ValueError("across_orgs needs a reason")
    return statement


def in_tenant(org_id: uuid.UUID | None, tenant: Tenant) -> bool:
    """``tenant_clause`` for a loaded row's ``org_id``."""
    if org_id is None:
        return False
    if isinstance(tenant, uuid.UUID):
        return org_id == tenant
    if tenant.is_platform:
        return tenant.reachable_org_ids is None or org_id in tenant.reachable_org_ids
    return tenant.org_id is not None and org_id == tenant.org_id


async def get_scoped(
    db: AsyncSession,
    model: type[Row],
    row_id: uuid.UUID,
    tenant: Tenant,
    *,
    for_update: bool = False,
    fresh: bool = False,
) -> Row | None:
    """The row with this id, or None when it doesn't exist or is outside the tenant.

    ``for_update`` locks it; ``fresh`` reads it as committed now rather than as this
    session last saw it. Otherwise a row the session already holds (the door loads the
    actor's member and org) is answered without SQL."""
    row = await db.get(
        model,
        row_id,
        with_for_update=True if for_update else None,
        populate_existing=fresh or for_update,
    )
    return row if row is not None and in_tenant(row.org_id, tenant) else None


def require_found(actor: Actor, scope: Scope, row: Row | None) -> Row:
    """The loaded ``row`` if the actor may use ``scope`` on it: UNAUTHENTICATED without
    credentials, NOT_FOUND when it is missing (or in another org: a scoped load finds
    nothing there), FORBIDDEN without the scope. Replaces load → NotFound → require."""
    if not actor.is_authenticated:
        raise Unauthenticated()
    if row is None or row.org_id is None:
        raise NotFound()
    actor.require(scope, row.org_id)
    return row
