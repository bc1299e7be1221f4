"""The full matrix: every operation so far against every role and every key scope.

For each operation the test asserts both sides: the actors whose scopes include
the operation's scopes get data and no error, and every other actor gets FORBIDDEN
naming the first scope it lacks (for a key, in the contract's message form).
members:write alone (the "user management" permission) is enough to change or remove
a member (a key adding one also needs the new member's role's scopes). Keys are made by the owner, who holds every grantable scope, so a key's effective scopes
are exactly its own. Add a row to OPERATIONS when a domain adds an operation.
"""

from __future__ import annotations

import itertools
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

import pytest

from app.access.scopes import KEY_GRANTABLE_SCOPES, ROLE_SCOPES, Role, Scope
from tests.api_keys.support import IssuedKey, create_key
from tests.support.client import ApiClient, GraphQLResult
from tests.support.factories import OrgFixture, make_org

_names = itertools.count(1)


@dataclass
class Matrix:
    org: OrgFixture
    roles: dict[Role, ApiClient]
    keys: dict[str, tuple[frozenset[Scope], IssuedKey]]
    anonymous: ApiClient
    clients: list[ApiClient] = field(default_factory=list)

    @property
    def owner(self) -> ApiClient:
        return self.roles[Role.OWNER]


Prepare = Callable[[Matrix], Awaitable[dict[str, Any]]]


@dataclass(frozen=True)
class Operation:
    name: str
    scope: Scope | None
    document: str
    prepare: Prepare
    # Scopes checked after ``scope``, in the order the operation checks them.
    also: tuple[Scope, ...] = ()
    # Scopes a key needs besides ``required`` (a key gives a member only a role whose
    # scopes it holds itself); refused with ``missingScopes`` rather than the scope message.
    key_also: frozenset[Scope] = frozenset()

    @property
    def required(self) -> tuple[Scope, ...]:
        return ((self.scope,) if self.scope else ()) + self.also

    def allows(self, granted: frozenset[Scope], *, key: bool = False) -> bool:
        needed = set(self.required) | (self.key_also if key else set())
        return needed <= granted

    def first_missing(self, granted: frozenset[Scope]) -> Scope | None:
        return next((scope for scope in self.required if scope not in granted), None)


async def _slug(m: Matrix) -> dict[str, Any]:
    return {"slug": m.org.slug}


async def _member_id(m: Matrix) -> dict[str, Any]:
    return {"id": m.org.account("student").global_id}


async def _audit_event_id(m: Matrix) -> dict[str, Any]:
    result = await m.owner.gql(
        "query($slug: String!) { organization(slug: $slug) { auditLog(first: 1) "
        "{ edges { node { id } } } } }",
        {"slug": m.org.slug},
    )
    return {"id": result.ok()["organization"]["auditLog"]["edges"][0]["node"]["id"]}


async def _fresh_key_id(m: Matrix) -> dict[str, Any]:
    return {"id": (await create_key(m.owner, ["org:read"], name="target")).id}


async def _new_member(_m: Matrix) -> dict[str, Any]:
    return {
        "input": {
            "username": f"new-{next(_names)}",
            "displayName": "New",
            "role": "STUDENT",
            "password": "a long password",
        }
    }


async def _fresh_student(m: Matrix) -> dict[str, Any]:
    account = await m.org.add(f"target-{next(_names)}", Role.STUDENT)
    return {"input": {"id": account.global_id}}


async def _rename_student(m: Matrix) -> dict[str, Any]:
    account = await m.org.add(f"target-{next(_names)}", Role.STUDENT)
    return {"input": {"id": account.global_id, "displayName": "Renamed"}}


async def _key_input(m: Matrix, **extra: Any) -> dict[str, Any]:
    return {"input": {**(await _fresh_key_id(m)), **extra}}


def _on_org(selection: str) -> str:
    return f"query($slug: String!) {{ organization(slug: $slug) {{ slug {selection} }} }}"


def _node(selection: str) -> str:
    return f"query($id: ID!) {{ node(id: $id) {{ id {selection} }} }}"


def _mutation(name: str, input_type: str, selection: str) -> str:
    return f"mutation($input: {input_type}!) {{ {name}(input: $input) {{ {selection} }} }}"


OPERATIONS = [
    Operation("organization public fields", None, _on_org("name branding { tagline }"), _slug),
    Operation("Organization.apiAccessEnabled", Scope.ORG_READ, _on_org("apiAccessEnabled"), _slug),
    Operation("Organization.disabled", Scope.ORG_READ, _on_org("disabled"), _slug),
    Operation("Organization.members", Scope.MEMBERS_READ, _on_org("members { totalCount }"), _slug),
    Operation("node(Member)", Scope.MEMBERS_READ, _node("... on Member { username }"), _member_id),
    Operation("Organization.auditLog", Scope.AUDIT_READ, _on_org("auditLog { totalCount }"), _slug),
    Operation(
        "node(AuditEvent)",
        Scope.AUDIT_READ,
        _node("... on AuditEvent { action }"),
        _audit_event_id,
    ),
    Operation(
        "Organization.apiKeys", Scope.API_KEYS_READ, _on_org("apiKeys { totalCount }"), _slug
    ),
    Operation(
        "node(ApiKey)", Scope.API_KEYS_READ, _node("... on ApiKey { prefix }"), _fresh_key_id
    ),
    Operation(
        "addMember",
        Scope.MEMBERS_WRITE,
        _mutation("addMember", "AddMemberInput", "member { username }"),
        _new_member,
        key_also=ROLE_SCOPES[Role.STUDENT],  # _new_member adds a student
    ),
    Operation(
        "updateMember",
        Scope.MEMBERS_WRITE,
        _mutation("updateMember", "UpdateMemberInput", "member { displayName }"),
        _rename_student,
    ),
    Operation(
        "removeMember",
        Scope.MEMBERS_WRITE,
        _mutation("removeMember", "RemoveMemberInput", "removedId"),
        _fresh_student,
    ),
    Operation(
        "createApiKey",
        Scope.API_KEYS_WRITE,
        _mutation("createApiKey", "CreateApiKeyInput", "apiKey { prefix }"),
        lambda _m: _static({"input": {"name": "made", "scopes": ["org:read"]}}),
    ),
    Operation(
        "setApiKeyEnabled",
        Scope.API_KEYS_WRITE,
        _mutation("setApiKeyEnabled", "SetApiKeyEnabledInput", "apiKey { enabled }"),
        lambda m: _key_input(m, enabled=False),
    ),
    Operation(
        "revokeApiKey",
        Scope.API_KEYS_WRITE,
        _mutation("revokeApiKey", "RevokeApiKeyInput", "apiKey { revokedAt }"),
        _key_input,
    ),
    Operation(
        "rotateApiKey",
        Scope.API_KEYS_WRITE,
        _mutation("rotateApiKey", "RotateApiKeyInput", "apiKey { prefix }"),
        lambda m: _key_input(m, gracePeriodSeconds=0),
    ),
    Operation(
        "setApiAccess",
        Scope.ORG_WRITE,
        _mutation("setApiAccess", "SetApiAccessInput", "organization { apiAccessEnabled }"),
        lambda _m: _static({"input": {"enabled": True}}),
    ),
]


async def _static(value: dict[str, Any]) -> dict[str, Any]:
    return value


@pytest.fixture(scope="module")
async def matrix(app) -> AsyncIterator[Matrix]:
    org = await make_org()
    roles: dict[Role, ApiClient] = {}
    for role in Role:
        roles[role] = await org.signed_in(app, role.value.lower())
    keys: dict[str, tuple[frozenset[Scope], IssuedKey]] = {}
    for scope in sorted(KEY_GRANTABLE_SCOPES):
        keys[f"key[{scope.value}]"] = (
            frozenset({scope}),
            await create_key(roles[Role.OWNER], [scope.value]),
        )
    every = sorted(scope.value for scope in KEY_GRANTABLE_SCOPES)
    keys["key[every grantable scope]"] = (
        frozenset(KEY_GRANTABLE_SCOPES),
        await create_key(roles[Role.OWNER], every),
    )
    anonymous = ApiClient(app)
    built = Matrix(org, roles, keys, anonymous, [*roles.values(), anonymous])
    yield built
    for client in built.clients:
        await client.close()


def _problem(
    result: GraphQLResult, operation: Operation, holder: str, granted: frozenset[Scope]
) -> str | None:
    """What is wrong with ``result`` (None when it is what the contract says)."""
    if operation.allows(granted, key=holder == "key"):
        if result.errors or not result.data or None in result.data.values():
            return f"expected data, got {result.status} {result.body}"
        return None
    if result.status != 200 or result.code != "FORBIDDEN":
        return f"expected FORBIDDEN, got {result.status} {result.codes}"
    error = result.errors[0]
    scope = operation.first_missing(granted)
    if scope is None:  # only a key's role scopes are missing
        missing = sorted(s.value for s in operation.key_also - granted)
        if error["extensions"].get("missingScopes") != missing:
            return f"wrong missingScopes {error['extensions'].get('missingScopes')} != {missing}"
        return None
    if error["extensions"]["requiredScopes"] != [scope.value]:
        return f"wrong requiredScopes {error['extensions']['requiredScopes']}"
    if holder == "key":
        expected = (
            f"Insufficient scopes. Required: {scope.value}. "
            f"Your key has: {', '.join(sorted(s.value for s in granted))}"
        )
        if error["message"] != expected:
            return f"message {error['message']!r} != {expected!r}"
    return None


@pytest.mark.parametrize("operation", OPERATIONS, ids=[op.name for op in OPERATIONS])
async def test_every_actor_gets_exactly_what_its_scopes_allow(operation: Operation, matrix: Matrix):
    wrong: list[str] = []
    allowed_somewhere = denied_somewhere = False
    # each role, signed in
    for role, client in matrix.roles.items():
        allowed = operation.allows(ROLE_SCOPES[role])
        variables = await operation.prepare(matrix)
        result = await client.gql(operation.document, variables)
        problem = _problem(result, operation, "role", ROLE_SCOPES[role])
        if problem:
            wrong.append(f"{role.value}: {problem}")
        allowed_somewhere |= allowed
        denied_somewhere |= not allowed
    # each key: effective scopes = its own (the owner made it)
    for label, (scopes, key) in matrix.keys.items():
        allowed = operation.allows(scopes, key=True)
        variables = await operation.prepare(matrix)
        result = await matrix.anonymous.gql(operation.document, variables, headers=key.headers)
        problem = _problem(result, operation, "key", scopes)
        if problem:
            wrong.append(f"{label}: {problem}")
        allowed_somewhere |= allowed
        denied_somewhere |= not allowed
    assert wrong == []
    # the matrix really exercised both sides of every scoped operation
    assert allowed_somewhere
    assert denied_somewhere or operation.scope is None
