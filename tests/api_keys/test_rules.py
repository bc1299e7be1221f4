"""Rules the role table can't reach through the API today, checked at the service."""

from __future__ import annotations

import pytest

from app.access.actor import Actor, ActorKind
from app.access.request import RequestMeta, ServiceContext
from app.access.scopes import Role, Scope
from app.api_keys import service
from app.core.db import unit_of_work
from app.core.errors import Forbidden, InsufficientScopes
from tests.support.factories import OrgFixture


def _actor(org: OrgFixture, scopes: set[Scope], *, member: bool = True) -> Actor:
    return Actor(
        kind=ActorKind.MEMBER if member else ActorKind.PLATFORM_ADMIN,
        scopes=frozenset(scopes),
        org_id=org.id if member else None,
        member_id=org.account("admin").id if member else None,
        role=Role.ADMIN if member else None,
        label="tester",
    )


async def test_a_key_can_never_carry_scopes_its_creator_lacks(org: OrgFixture) -> None:
    # given a creator who may manage keys but only read quizzes (owners and admins hold
    # every grantable scope today, so only a narrower role could hit this rule)
    actor = _actor(org, {Scope.API_KEYS_WRITE, Scope.QUIZZES_READ})
    async with unit_of_work() as db:
        sc = ServiceContext(db, actor, RequestMeta())
        # when they ask for quizzes:write
        with pytest.raises(InsufficientScopes) as refused:
            await service.create(sc, org.id, name="x", scopes=["quizzes:read", "quizzes:write"])
    # then FORBIDDEN names the missing scope and what they hold
    assert refused.value.code == "FORBIDDEN"
    assert refused.value.extensions["requiredScopes"] == ["quizzes:write"]
    assert refused.value.message == (
        "Insufficient scopes. Required: quizzes:write. Your role has: api_keys:write, quizzes:read"
    )


async def test_staff_without_a_membership_cannot_make_org_keys(org: OrgFixture) -> None:
    actor = _actor(org, set(Scope), member=False)
    async with unit_of_work() as db:
        sc = ServiceContext(db, actor, RequestMeta())
        with pytest.raises(Forbidden):
            await service.create(sc, org.id, name="x", scopes=["org:read"])
