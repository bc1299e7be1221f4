"""``Query.accessModel``: the role and scope table of app/access/scopes.py, published.

Clients (the dashboard's role picker and key form, partners' tooling) read which scopes
exist, what each allows, which roles hold it and whether a key may carry it from here
instead of keeping a copy of the contract's table. It is the contract's own table, so
anyone may read it.
"""

from __future__ import annotations

import strawberry

from app.access.scopes import (
    KEY_GRANTABLE_SCOPES,
    OWN_RECORDS_ONLY,
    RESOURCE_LABELS,
    ROLE_SCOPES,
    SCOPE_DESCRIPTIONS,
    Role,
    Scope,
)
from app.graphql.permissions import public


@strawberry.type(description="A scope (`resource:action`): what it allows and who holds it.")
class ScopeDefinition:
    name: str = strawberry.field(description="The scope, e.g. `quizzes:write`.")
    description: str = strawberry.field(description="What the scope lets its holder do.")
    resource: str = strawberry.field(description="The part before the colon, e.g. `quizzes`.")
    resource_label: str = strawberry.field(description="The resource as a heading, e.g. `Quizzes`.")
    roles: list[Role] = strawberry.field(description="The roles that hold the scope.")
    grantable_to_keys: bool = strawberry.field(
        description="Whether an API key may carry it (`org:write` and `api_keys:*` never)."
    )


@strawberry.type(description="A role and the scopes it grants.")
class RoleDefinition:
    role: Role = strawberry.field(description="The role.")
    scopes: list[str] = strawberry.field(
        description="The scopes the role grants, in the order of `AccessModel.scopes`."
    )
    own_records_only: list[str] = strawberry.field(
        description=(
            "Of `scopes`, those the role holds for its own records only "
            "(a student's `attempts:read` shows their own attempts)."
        )
    )


@strawberry.type(description="The roles and scopes of the API (contract section 3).")
class AccessModel:
    roles: list[RoleDefinition] = strawberry.field(description="Every role, from most to least.")
    scopes: list[ScopeDefinition] = strawberry.field(
        description="Every scope, grouped by resource."
    )


def access_model() -> AccessModel:
    return AccessModel(
        roles=[
            RoleDefinition(
                role=role,
                scopes=[scope.value for scope in Scope if scope in ROLE_SCOPES[role]],
                own_records_only=[
                    scope.value for scope in Scope if scope in OWN_RECORDS_ONLY.get(role, ())
                ],
            )
            for role in Role
        ],
        scopes=[
            ScopeDefinition(
                name=scope.value,
                description=SCOPE_DESCRIPTIONS[scope],
                resource=scope.value.split(":")[0],
                resource_label=RESOURCE_LABELS[scope.value.split(":")[0]],
                roles=[role for role in Role if scope in ROLE_SCOPES[role]],
                grantable_to_keys=scope in KEY_GRANTABLE_SCOPES,
            )
            for scope in Scope
        ],
    )


_ACCESS_MODEL = access_model()


@strawberry.type
class AccessModelQueries:
    @strawberry.field(
        description=(
            "The roles and scopes of the API: what each scope allows, which roles hold it "
            "and whether a key may carry it. Needs no sign-in."
        ),
        permission_classes=[public()],
    )
    def access_model(self) -> AccessModel:
        return _ACCESS_MODEL
