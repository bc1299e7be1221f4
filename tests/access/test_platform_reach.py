"""Which platform objects (of no org, covering a list of orgs or every org) an actor
reaches, and who counts as platform staff: the one rule webhooks and others ask."""

from __future__ import annotations

import uuid

import pytest
from sqlmodel import col, select

from app.access.actor import Actor, ActorKind, member_actor, org_reach, platform_admin_actor
from app.access.request import RequestMeta, ServiceContext
from app.access.scopes import Role, Scope
from app.access.tenancy import platform_reach_clause
from app.core.db import unit_of_work
from app.core.errors import Forbidden, InsufficientScopes, Unauthenticated
from app.orgs import service as orgs
from app.webhooks import signing
from app.webhooks.models import WebhookEndpoint
from tests.support.factories import OrgFixture, cli_context

ORG_A, ORG_B, ORG_C = uuid.uuid4(), uuid.uuid4(), uuid.uuid4()


def platform_key(*orgs: uuid.UUID, scopes: frozenset[Scope] | None = None) -> Actor:
    return Actor(
        kind=ActorKind.API_KEY,
        scopes=scopes if scopes is not None else frozenset({Scope.WEBHOOKS_WRITE}),
        api_key_id=uuid.uuid4(),
        platform_admin_id=uuid.uuid4(),
        reachable_org_ids=frozenset(orgs) if orgs else None,
    )


def owner_of(org_id: uuid.UUID) -> Actor:
    return member_actor(org_id=org_id, member_id=uuid.uuid4(), role=Role.OWNER, username="o")


def test_unrestricted_staff_reach_every_platform_object() -> None:
    for staff in (platform_admin_actor(uuid.uuid4(), "ops"), platform_key()):
        assert staff.reaches_all(None)
        assert staff.reaches_all({ORG_A, ORG_B})


def test_a_key_restricted_to_orgs_reaches_what_covers_those_orgs_only() -> None:
    restricted = platform_key(ORG_A, ORG_B)
    assert restricted.reaches_all({ORG_A})
    assert restricted.reaches_all({ORG_A, ORG_B})
    # one org outside its list, or every org, is beyond it
    assert not restricted.reaches_all({ORG_A, ORG_C})
    assert not restricted.reaches_all(None)


def test_an_org_member_reaches_no_platform_object_even_of_its_own_org() -> None:
    owner = owner_of(ORG_A)
    assert not owner.reaches_all({ORG_A})
    assert not owner.reaches_all(None)


def test_only_staff_holding_the_scope_pass_require_platform() -> None:
    platform_admin_actor(uuid.uuid4(), "ops").require_platform(Scope.PLATFORM_WRITE)
    platform_key(ORG_A).require_platform(Scope.WEBHOOKS_WRITE)
    with pytest.raises(InsufficientScopes):
        platform_key(scopes=frozenset({Scope.WEBHOOKS_READ})).require_platform(Scope.WEBHOOKS_WRITE)
    with pytest.raises(Forbidden, match="Only platform staff"):
        owner_of(ORG_A).require_platform(Scope.WEBHOOKS_WRITE)
    with pytest.raises(Unauthenticated):
        Actor(kind=ActorKind.ANONYMOUS).require_platform(Scope.WEBHOOKS_READ)


def test_stored_org_ids_become_the_reach() -> None:
    assert org_reach(None) is None
    assert org_reach([str(ORG_A), str(ORG_B)]) == frozenset({ORG_A, ORG_B})


# The same rule in SQL, on each database: which platform rows a listing returns.
EVERY, ONLY_A, A_AND_B, A_AND_C = "every", "only-a", "a-and-b", "a-and-c"
ROWS: dict[str, list[str] | None] = {
    EVERY: None,
    ONLY_A: [str(ORG_A)],
    A_AND_B: sorted([str(ORG_A), str(ORG_B)]),
    A_AND_C: sorted([str(ORG_A), str(ORG_C)]),
}


async def reached_rows(actor: Actor, marker: str) -> list[str]:
    async with unit_of_work(write=False) as db:
        dialect = db.get_bind().dialect.name
        reached = platform_reach_clause(col(WebhookEndpoint.org_ids), actor, dialect)
        found = await db.exec(
            select(WebhookEndpoint.description).where(
                col(WebhookEndpoint.url).startswith(marker),
                col(WebhookEndpoint.org_id).is_(None),
                reached,
            )
        )
        return sorted(found.all())


async def test_the_sql_clause_reaches_the_rows_the_actor_does(database_url: str) -> None:
    # given platform endpoints for every org, for A, for A and B, for A and C
    marker = f"https://reach-{uuid.uuid4().hex[:8]}.example/"
    async with unit_of_work() as db:
        for name, org_ids in ROWS.items():
            db.add(
                WebhookEndpoint(
                    url=marker + name,
                    description=name,
                    org_ids=org_ids,
                    secret_encrypted=signing.seal(signing.new_secret()),
                )
            )
    actors = {
        "admin": platform_admin_actor(uuid.uuid4(), "ops"),
        "key for A and B": platform_key(ORG_A, ORG_B),
        "key for C": platform_key(ORG_C),
        "owner of A": owner_of(ORG_A),
    }
    for label, actor in actors.items():
        # when the rows are listed through the clause
        listed = await reached_rows(actor, marker)
        # then they are exactly those Actor.reaches_all admits
        expected = sorted(name for name, ids in ROWS.items() if actor.reaches_all(org_reach(ids)))
        assert listed == expected, label
    assert await reached_rows(actors["key for A and B"], marker) == [A_AND_B, ONLY_A]


async def test_only_platform_staff_switch_an_org_off(org: OrgFixture) -> None:
    # the org's own owner holds org:write, but is no platform staff
    owner = member_actor(
        org_id=org.id, member_id=org.account("owner").id, role=Role.OWNER, username="owner"
    )
    async with unit_of_work() as db:
        sc = ServiceContext(db=db, actor=owner, meta=RequestMeta())
        with pytest.raises(Forbidden, match="Only platform staff"):
            await orgs.set_disabled(sc, org.id, True)
    async with unit_of_work(write=False) as db:
        found = await orgs.get_public(cli_context(db), org.slug)
        assert found is not None and not found.disabled
