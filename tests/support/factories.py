"""Fresh data for each test: an org with members, made through the real services."""

from __future__ import annotations

import itertools
import uuid
from dataclasses import dataclass, field

from sqlalchemy.ext.asyncio import AsyncSession
from strawberry import relay

from app.access.request import ServiceContext
from app.access.scopes import Role
from app.cli_actions import create_org
from app.core.db import unit_of_work
from app.members import service as members
from app.orgs import repository as orgs
from tests.support.client import ApiClient

_counter = itertools.count(1)
PASSWORD = "correct horse battery"


@dataclass
class Account:
    username: str
    password: str
    role: Role
    id: uuid.UUID

    @property
    def global_id(self) -> str:
        return str(relay.GlobalID("Member", str(self.id)))


@dataclass
class OrgFixture:
    slug: str
    portal_code: str
    id: uuid.UUID
    accounts: dict[str, Account] = field(default_factory=dict)

    def account(self, name: str) -> Account:
        return self.accounts[name]

    async def add(self, name: str, role: Role, password: str = PASSWORD) -> Account:
        from tests.support.factories import cli_context

        async with unit_of_work() as db:
            member = await members.add_member(
                cli_context(db),
                self.id,
                username=name,
                display_name=name.title(),
                role=role,
                password=password,
            )
        account = Account(name, password, role, member.id)
        self.accounts[name] = account
        return account

    async def signed_in(self, app: object, name: str) -> ApiClient:
        account = self.accounts[name]
        client = ApiClient(app)
        result = await client.login(self.slug, self.portal_code, account.username, account.password)
        assert result.ok()["login"]["viewer"]["kind"] == "MEMBER"
        return client


def cli_context(db: AsyncSession) -> ServiceContext:
    from app.cli_actions import _cli_context

    return _cli_context(db)


async def make_org(*, roles: bool = True) -> OrgFixture:
    """An org with an owner, and (by default) one admin, teacher and student."""
    slug = f"org-{next(_counter)}-{uuid.uuid4().hex[:6]}"
    created = await create_org(
        slug=slug,
        name=f"Org {slug}",
        owner_username="owner",
        owner_password=PASSWORD,
        portal_code="portal-" + uuid.uuid4().hex[:6],
    )
    async with unit_of_work(write=False) as db:
        row = await orgs.by_slug(db, slug)
        assert row is not None
        owner = await members_by_name(db, row.id, "owner")
    org = OrgFixture(slug, created["portalCode"], row.id)
    org.accounts["owner"] = Account("owner", PASSWORD, Role.OWNER, owner)
    if roles:
        await org.add("admin", Role.ADMIN)
        await org.add("teacher", Role.TEACHER)
        await org.add("student", Role.STUDENT)
    return org


async def members_by_name(db: object, org_id: uuid.UUID, username: str) -> uuid.UUID:
    from app.members import repository

    member = await repository.by_username(db, org_id, username)  # type: ignore[arg-type]
    assert member is not None
    return member.id
