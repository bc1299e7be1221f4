"""Which platform objects (of no org, covering a list of orgs or every org) an actor
reaches, and who counts as platform staff: the one rule webhooks and others ask."""

from __future__ import annotations

import uuid

import pytest

from app.access.actor import Actor, ActorKind, member_actor, org_reach, platform_admin_actor
from app.access.scopes import Role, Scope
from app.core.errors import Forbidden, InsufficientScopes, Unauthenticated

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
    platform_admin_actor(uuid.uuid4(), "ops").require_platform(Scope.WEBHOOKS_WRITE)
    platform_key(ORG_A).require_platform(Scope.WEBHOOKS_WRITE)
    with pytest.raises(InsufficientScopes):
        platform_key(scopes=frozenset({Scope.WEBHOOKS_READ})).require_platform(Scope.WEBHOOKS_WRITE)
    with pytest.raises(Forbidden, match="Only platform staff"):
        owner_of(ORG_A).require_platform(Scope.WEBHOOKS_WRITE)
    with pytest.raises(Unauthenticated):
        Actor(kind=ActorKind.ANONYMOUS).require_platform(Scope.WEBHOOKS_READ)


def test_stored_org_ids_become_the_reach() -> None:
    assert org_reach(None) is None
    assert org_reach([str(ORG_A), str(ORG_B)]) == {ORG_A, ORG_B}
