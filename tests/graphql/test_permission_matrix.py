"""The permission matrix, generated from the schema's own declarations.

Every root field (Query, Mutation, Subscription) declares its access on the field
(``app.graphql.permissions``), and so do the org-scoped lists and guarded fields below
them; ``node(id:)`` delegates to each type's declaration (``app.schema.node.NODE_TYPES``).
This test reads those declarations and runs every operation through the server as every
role (signed in), every single-scope API key, a key with every grantable scope and an
anonymous caller, asserting both sides: an actor the declaration lets in gets data and
no error; any other gets the contract's refusal (UNAUTHENTICATED without credentials,
FORBIDDEN naming the first missing scope otherwise; a key is told in the contract's
words). A new operation fails here until it declares its access and has a case below.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
import strawberry
from starlette.applications import Starlette
from strawberry import relay
from strawberry.types.field import StrawberryField

from app.access.scopes import KEY_GRANTABLE_SCOPES, PLATFORM_SCOPES, ROLE_SCOPES, Role, Scope
from app.core.clock import utcnow
from app.core.db import unit_of_work
from app.graphql.permissions import Access, Declared, declaration_of, requires
from app.notifications.models import NotificationType
from app.notifications.producer import deliver
from app.notifications.triggers import Draft
from app.schema import schema as app_schema
from app.schema.node import NODE_TYPES
from tests.api_keys.support import IssuedKey, create_key
from tests.orgs.support import image, upload_logo
from tests.quizzes.api import SUBMIT, create_quiz, published_quiz, right_answers
from tests.support.client import ApiClient, GraphQLResult
from tests.support.factories import OrgFixture, make_org

ROOT_TYPES = ("Query", "Mutation", "Subscription")
# Types whose declared fields are reached from a root field (organization(slug:), node).
NESTED_TYPES = ("Organization", "Quiz")
_names = itertools.count(1)


# --- the declarations, read from a schema -----------------------------------------------


def _graphql_name(schema: strawberry.Schema, field_: StrawberryField) -> str:
    return schema.config.name_converter.get_graphql_name(field_)


def _fields(schema: strawberry.Schema, type_name: str) -> list[StrawberryField]:
    definition = schema.get_type_by_name(type_name)
    return list(definition.fields) if definition is not None else []  # type: ignore[union-attr]


def undeclared_operations(schema: strawberry.Schema) -> list[str]:
    """Root fields without an access declaration."""
    return [
        f"{type_name}.{_graphql_name(schema, field_)}"
        for type_name in ROOT_TYPES
        for field_ in _fields(schema, type_name)
        if declaration_of(field_) is None
    ]


def declarations(schema: strawberry.Schema) -> dict[str, type[Declared]]:
    """``Type.field`` → declaration, for root fields and the declared nested fields."""
    found: dict[str, type[Declared]] = {}
    for type_name in ROOT_TYPES + NESTED_TYPES:
        for field_ in _fields(schema, type_name):
            declared = declaration_of(field_)
            if declared is not None:
                found[f"{type_name}.{_graphql_name(schema, field_)}"] = declared
    return found


def test_every_operation_of_the_schema_declares_its_access() -> None:
    assert undeclared_operations(app_schema) == []


def test_an_operation_without_a_declaration_is_found() -> None:
    # given a schema with one declared and one undeclared field per root type
    @strawberry.type
    class Query:
        # strawberry.field called with arguments is typed as returning Any (see pyproject)
        @strawberry.field(permission_classes=[requires(Scope.ORG_READ)])  # type: ignore[untyped-decorator]
        def declared(self) -> bool:
            return True

        @strawberry.field
        def forgotten(self) -> bool:
            return True

    @strawberry.type
    class Mutation:
        @strawberry.mutation
        def forgotten_too(self) -> bool:
            return True

    tiny = strawberry.Schema(query=Query, mutation=Mutation)
    # then exactly the undeclared ones are reported, and the declared one reads back
    assert undeclared_operations(tiny) == ["Query.forgotten", "Mutation.forgottenToo"]
    assert declarations(tiny)["Query.declared"].scopes == (Scope.ORG_READ,)


# --- actors ----------------------------------------------------------------------------


@dataclass
class Actor:
    label: str
    granted: frozenset[Scope]
    kind: str  # "role", "key" or "anonymous"
    client: ApiClient
    headers: dict[str, str] | None = None
    role: Role | None = None
    # The session that takes quizzes for this actor (a key's: its creator, the owner).
    taker: ApiClient | None = None
    key: IssuedKey | None = None

    async def gql(self, query: str, variables: dict[str, Any]) -> GraphQLResult:
        return await self.client.gql(query, variables, headers=self.headers)


@dataclass
class World:
    app: Any
    org: OrgFixture
    actors: list[Actor]
    owner: ApiClient
    teacher: ApiClient
    quiz: dict[str, Any]
    draft: dict[str, Any]
    enable_target: str
    revoke_target: str
    audit_event_id: str
    org_id: str
    clients: list[ApiClient] = field(default_factory=list)
    webhook_id: str = ""
    webhook_message_id: str = ""

    def client(self) -> ApiClient:
        made = ApiClient(self.app)
        self.clients.append(made)
        return made


@pytest.fixture(scope="module")
async def world(app: Starlette) -> AsyncIterator[World]:
    org = await make_org()
    await org.add("login-target", Role.STUDENT)
    sessions = {role: await org.signed_in(app, role.value.lower()) for role in Role}
    owner = sessions[Role.OWNER]
    anonymous = ApiClient(app)
    actors = [
        Actor(role.value, ROLE_SCOPES[role], "role", client, role=role, taker=client)
        for role, client in sessions.items()
    ]
    for scopes in [*({scope} for scope in sorted(KEY_GRANTABLE_SCOPES)), KEY_GRANTABLE_SCOPES]:
        key = await create_key(owner, sorted(scope.value for scope in scopes))
        label = f"key[{next(iter(scopes)).value}]" if len(scopes) == 1 else "key[every grantable]"
        actors.append(
            Actor(label, frozenset(scopes), "key", anonymous, key.headers, taker=owner, key=key)
        )
    actors.append(Actor("anonymous", frozenset(), "anonymous", anonymous, taker=owner))
    teacher = sessions[Role.TEACHER]
    viewer = (await owner.gql("{ viewer { organization { id } } }")).ok()
    audit = await owner.gql(
        "query($slug: String!) { organization(slug: $slug) { auditLog(first: 1) "
        "{ edges { node { id } } } } }",
        {"slug": org.slug},
    )
    built = World(
        app=app,
        org=org,
        actors=actors,
        owner=owner,
        teacher=teacher,
        quiz=await published_quiz(teacher, title="Shared"),
        draft=await create_quiz(teacher, title="Shared draft"),
        enable_target=(await create_key(owner, ["org:read"], name="enable-target")).id,
        revoke_target=(await create_key(owner, ["org:read"], name="revoke-target")).id,
        audit_event_id=audit.ok()["organization"]["auditLog"]["edges"][0]["node"]["id"],
        org_id=viewer["viewer"]["organization"]["id"],
        clients=[*sessions.values(), anonymous],
    )
    built.webhook_id = await _new_webhook(owner)
    pinged = await owner.gql(
        "mutation($id: ID!) { pingWebhook(input: {id: $id}) { delivery { messageId } } }",
        {"id": built.webhook_id},
    )
    built.webhook_message_id = pinged.ok()["pingWebhook"]["delivery"]["messageId"]
    yield built
    for client in built.clients:
        await client.close()


# --- one case per operation: a document and minimal valid inputs ---------------------------

# (world, actor, fresh) → variables; ``fresh`` asks for a target of the actor's own when
# the actor will be let in (a publish needs a draft nobody published yet).
Prepare = Callable[["World", Actor, bool], Awaitable[dict[str, Any]]]
Run = Callable[["World", Actor, bool], Awaitable[GraphQLResult]]


@dataclass(frozen=True)
class Case:
    document: str
    prepare: Prepare | None = None
    # Declarations of the fields the operation passes through first (node(Quiz) for a
    # Quiz field), their scopes asked before the operation's own.
    through: tuple[str, ...] = ()
    # Scopes a key needs besides the declaration: a key gives a member only a role whose
    # scopes it holds itself (refused with missingScopes). An explicit service rule.
    key_also: frozenset[Scope] = frozenset()
    # A case that can't go through ``gql`` (login, logout, the subscription).
    run: Run | None = None


async def _none(_w: World, _a: Actor, _fresh: bool) -> dict[str, Any]:
    return {}


async def _slug(w: World, _a: Actor, _fresh: bool) -> dict[str, Any]:
    return {"slug": w.org.slug}


def _on_org(selection: str) -> Case:
    return Case(
        f"query($slug: String!) {{ organization(slug: $slug) {{ slug {selection} }} }}", _slug
    )


def _node(selection: str, ids: Callable[[World, Actor], Awaitable[str]]) -> Case:
    async def prepare(w: World, actor: Actor, _fresh: bool) -> dict[str, Any]:
        return {"id": await ids(w, actor)}

    return Case(f"query($id: ID!) {{ node(id: $id) {{ id {selection} }} }}", prepare)


def _mutation(name: str, input_type: str, selection: str, prepare: Prepare, **extra: Any) -> Case:
    document = f"mutation($input: {input_type}!) {{ {name}(input: $input) {{ {selection} }} }}"
    return Case(document, prepare, **extra)


def _input(value: dict[str, Any]) -> Prepare:
    async def prepare(_w: World, _a: Actor, _fresh: bool) -> dict[str, Any]:
        return {"input": value}

    return prepare


async def _student_id(w: World, _a: Actor) -> str:
    return w.org.account("student").global_id


async def _org_id(w: World, _a: Actor) -> str:
    return w.org_id


async def _audit_event(w: World, _a: Actor) -> str:
    return w.audit_event_id


async def _key_id(w: World, _a: Actor) -> str:
    return w.enable_target


async def _quiz_id(w: World, _a: Actor) -> str:
    return str(w.quiz["id"])


async def _start(w: World, actor: Actor) -> str:
    """The open attempt of the actor's taker at the shared quiz (started or resumed)."""
    assert actor.taker is not None
    result = await actor.taker.gql(
        "mutation($q: ID!) { startAttempt(input: {quizId: $q}) { attempt { id } } }",
        {"q": w.quiz["id"]},
    )
    return str(result.ok()["startAttempt"]["attempt"]["id"])


async def _new_member(_w: World, _a: Actor, _fresh: bool) -> dict[str, Any]:
    username = f"new-{next(_names)}"
    return {
        "input": {
            "username": username,
            "displayName": "New",
            "role": "STUDENT",
            "password": "a long password",
        }
    }


async def _fresh_student(w: World, _a: Actor, _fresh: bool) -> dict[str, Any]:
    account = await w.org.add(f"target-{next(_names)}", Role.STUDENT)
    return {"input": {"id": account.global_id, "displayName": "Renamed"}}


async def _removable_student(w: World, _a: Actor, _fresh: bool) -> dict[str, Any]:
    account = await w.org.add(f"target-{next(_names)}", Role.STUDENT)
    return {"input": {"id": account.global_id}}


async def _rotatable_key(w: World, _a: Actor, fresh: bool) -> dict[str, Any]:
    key_id = (await create_key(w.owner, ["org:read"], name="rotate")).id if fresh else None
    return {"input": {"id": key_id or w.enable_target, "gracePeriodSeconds": 0}}


async def _draft(w: World, _a: Actor, fresh: bool) -> dict[str, Any]:
    quiz = await create_quiz(w.teacher) if fresh else w.draft
    return {"input": {"id": quiz["id"]}}


async def _published(w: World, _a: Actor, fresh: bool) -> dict[str, Any]:
    quiz = await published_quiz(w.teacher) if fresh else w.quiz
    return {"input": {"id": quiz["id"]}}


async def _shared_quiz(w: World, _a: Actor, _fresh: bool) -> dict[str, Any]:
    return {"input": {"id": w.quiz["id"]}}


async def _rename_draft(w: World, _a: Actor, _fresh: bool) -> dict[str, Any]:
    return {"input": {"id": w.draft["id"], "title": "Renamed draft"}}


async def _take(w: World, _a: Actor, _fresh: bool) -> dict[str, Any]:
    return {"input": {"quizId": w.quiz["id"]}}


async def _answer(w: World, actor: Actor, _fresh: bool) -> dict[str, Any]:
    return {"input": {"attemptId": await _start(w, actor), "answers": []}}


async def _login(w: World, actor: Actor, _fresh: bool) -> GraphQLResult:
    # a client of its own: a sign-in sets the cookie of the client it came through
    account = w.org.account("login-target")
    own = w.client()
    return await own.gql(
        "mutation($input: LoginInput!) { login(input: $input) { viewer { kind } } }",
        {
            "input": {
                "orgSlug": w.org.slug,
                "portalCode": w.org.portal_code,
                "username": account.username,
                "password": account.password,
            }
        },
        headers=actor.headers,
    )


async def _upload_logo(_w: World, actor: Actor, _fresh: bool) -> GraphQLResult:
    # a GraphQL multipart request, as the dashboard sends it
    return await upload_logo(actor.client, image(), headers=actor.headers)


async def _logout(w: World, actor: Actor, _fresh: bool) -> GraphQLResult:
    # a session of its own for a role, so the shared one lives on
    if actor.role is not None:
        own = await w.org.signed_in(w.app, actor.role.value.lower())
        w.clients.append(own)
    else:
        own = w.client()
    return await own.gql("mutation { logout { ok } }", {}, headers=actor.headers)


# A public address written as an IP literal: saved without a DNS lookup; nothing is sent
# in these tests (the worker runs in the server's lifespan only).
WEBHOOK_URL = "https://93.184.216.34/hook"


async def _new_webhook(owner: ApiClient) -> str:
    result = await owner.gql(
        "mutation($url: String!) { createWebhook(input: {url: $url}) { webhook { id } } }",
        {"url": WEBHOOK_URL},
    )
    return str(result.ok()["createWebhook"]["webhook"]["id"])


async def _webhook_id(w: World, _a: Actor) -> str:
    return w.webhook_id


def _on_webhook(extra: dict[str, Any]) -> Prepare:
    async def prepare(w: World, _a: Actor, _fresh: bool) -> dict[str, Any]:
        return {"input": {"id": w.webhook_id, **extra}}

    return prepare


async def _deletable_webhook(w: World, _a: Actor, fresh: bool) -> dict[str, Any]:
    return {"input": {"id": await _new_webhook(w.owner) if fresh else w.webhook_id}}


_notifications: dict[int, str] = {}


async def _notification_id(w: World, _a: Actor) -> str:
    """A notification every holder of notifications:read sees (its audience is that
    scope), made once for the world by the notifications' own write path."""
    if id(w) not in _notifications:
        made = Draft(
            org_id=w.org.id,
            type=NotificationType.ATTEMPT_FLAGGED,
            title="For the matrix",
            audience=Scope.NOTIFICATIONS_READ,
            dedupe_key=f"matrix:{id(w)}",
        )
        await deliver([made])
        listed = await w.owner.gql(
            "query($slug: String!) { organization(slug: $slug) { notifications(first: 1) "
            "{ edges { node { id } } } } }",
            {"slug": w.org.slug},
        )
        edges = listed.ok()["organization"]["notifications"]["edges"]
        _notifications[id(w)] = edges[0]["node"]["id"]
    return _notifications[id(w)]


async def _report(w: World, actor: Actor, _fresh: bool) -> dict[str, Any]:
    return {"input": {"attemptId": await _start(w, actor), "type": "COPY"}}


_flagged: dict[int, str] = {}


async def _flagged_attempt(w: World, _a: Actor, _fresh: bool) -> dict[str, Any]:
    """An attempt flagged once for the world (four page switches, over the default 3)."""
    if id(w) not in _flagged:
        account = await w.org.add(f"flagged-{next(_names)}", Role.STUDENT)
        taker = await w.org.signed_in(w.app, account.username)
        w.clients.append(taker)
        started = await taker.gql(
            "mutation($q: ID!) { startAttempt(input: {quizId: $q}) { attempt { id } } }",
            {"q": w.quiz["id"]},
        )
        attempt_id = str(started.ok()["startAttempt"]["attempt"]["id"])
        for _ in range(4):
            reported = await taker.gql(
                "mutation($a: ID!) { reportIntegrityEvent(input: {attemptId: $a, "
                "type: PAGE_HIDDEN}) { event { id } } }",
                {"a": attempt_id},
            )
            reported.ok()
        _flagged[id(w)] = attempt_id
    return {"input": {"attemptId": _flagged[id(w)], "outcome": "CLEARED"}}


async def _integrity_node(w: World, actor: Actor, field: str) -> str:
    """The flagged attempt's record id (field "id") or its first event's ("event")."""
    attempt = (await _flagged_attempt(w, actor, False))["input"]["attemptId"]
    found = await w.owner.gql(
        "query($slug: String!, $a: ID) { organization(slug: $slug) { integrityAttempts("
        "attemptId: $a) { edges { node { id timeline(first: 1) { edges { node { id } } } } } } } }",
        {"slug": w.org.slug, "a": attempt},
    )
    node = found.ok()["organization"]["integrityAttempts"]["edges"][0]["node"]
    return str(node["id"] if field == "id" else node["timeline"]["edges"][0]["node"]["id"])


async def _attempt_integrity_id(w: World, actor: Actor) -> str:
    return await _integrity_node(w, actor, "id")


async def _integrity_event_id(w: World, actor: Actor) -> str:
    return await _integrity_node(w, actor, "event")


_certificate_quizzes: dict[int, dict[str, Any]] = {}
_certificates: dict[int, str] = {}


async def _certificate_id(w: World, actor: Actor) -> str:
    """The certificate of the actor's taker (for a key, its creator's), earned once by
    passing a quiz of the world that issues them."""
    assert actor.taker is not None
    taker = actor.taker
    if id(w) not in _certificate_quizzes:
        _certificate_quizzes[id(w)] = await published_quiz(
            w.teacher, title="Certified", passMarkPercent=50, certificateOnPass=True
        )
    quiz = _certificate_quizzes[id(w)]
    if id(taker) not in _certificates:
        started = await taker.gql(
            "mutation($q: ID!) { startAttempt(input: {quizId: $q}) { attempt { id } } }",
            {"q": quiz["id"]},
        )
        attempt_id = started.ok()["startAttempt"]["attempt"]["id"]
        submitted = await taker.gql(
            SUBMIT, {"input": {"attemptId": attempt_id, "answers": right_answers(quiz)}}
        )
        assert submitted.ok()["submitAttempt"]["attempt"]["passed"]
        me = (await taker.gql("{ viewer { member { id } } }")).ok()["viewer"]["member"]["id"]
        listed = await taker.gql(
            "query($slug: String!, $q: ID, $m: ID) { organization(slug: $slug) { "
            "certificates(quizId: $q, memberId: $m) { edges { node { id } } } } }",
            {"slug": w.org.slug, "q": quiz["id"], "m": me},
        )
        edges = listed.ok()["organization"]["certificates"]["edges"]
        _certificates[id(taker)] = edges[0]["node"]["id"]
    return _certificates[id(taker)]


async def _revocable(w: World, _a: Actor, _fresh: bool) -> dict[str, Any]:
    """The owner's certificate: revoking it again answers it as it is."""
    owner = next(actor for actor in w.actors if actor.role is Role.OWNER)
    return {"input": {"id": await _certificate_id(w, owner), "reason": "For the matrix"}}


_platform_admins: dict[int, tuple[str, str]] = {}


async def _platform_admin(w: World, fresh: bool) -> tuple[str, str]:
    """A platform admin (username, TOTP secret) with a confirmed second factor: one per
    world, or a new one (``fresh``) for a sign-in whose code must not have been used."""
    if not fresh and id(w) in _platform_admins:
        return _platform_admins[id(w)]
    from app.auth.models import PlatformAdmin
    from app.core.passwords import hash_secret
    from app.platform import totp
    from app.platform.models import PlatformAdminTotp

    secret = totp.new_secret()
    username = f"matrix-staff-{next(_names)}"
    async with unit_of_work() as db:
        admin = PlatformAdmin(username=username, password_hash=await hash_secret(PLATFORM_PASSWORD))
        db.add(admin)
        await db.flush()
        db.add(
            PlatformAdminTotp(
                admin_id=admin.id, secret_sealed=totp.seal(secret), confirmed_at=utcnow()
            )
        )
    if not fresh:
        _platform_admins[id(w)] = (username, secret)
    return username, secret


PLATFORM_PASSWORD = "matrix staff password"
BEGIN_PLATFORM_LOGIN = """mutation($input: BeginPlatformLoginInput!) {
  beginPlatformLogin(input: $input) { ticket } }"""


async def _begin_platform_login(w: World, actor: Actor, _fresh: bool) -> GraphQLResult:
    username, _secret = await _platform_admin(w, fresh=False)
    return await w.client().gql(
        BEGIN_PLATFORM_LOGIN,
        {"input": {"username": username, "password": PLATFORM_PASSWORD}},
        headers=actor.headers,
    )


async def _complete_platform_login(w: World, actor: Actor, _fresh: bool) -> GraphQLResult:
    # an admin of its own: a code is accepted once
    from app.platform import totp

    username, secret = await _platform_admin(w, fresh=True)
    own = w.client()
    started = await own.gql(
        BEGIN_PLATFORM_LOGIN, {"input": {"username": username, "password": PLATFORM_PASSWORD}}
    )
    ticket = started.ok()["beginPlatformLogin"]["ticket"]
    return await own.gql(
        "mutation($input: CompletePlatformLoginInput!) { completePlatformLogin(input: $input) "
        "{ username } }",
        {"input": {"ticket": ticket, "code": totp.code_at(secret, utcnow())}},
        headers=actor.headers,
    )


def _platform_key_input(extra: dict[str, Any]) -> Prepare:
    # refused before anything runs (nobody in the matrix holds a platform scope)
    return _input({"id": str(relay.GlobalID("PlatformApiKey", str(uuid.uuid4()))), **extra})


_payments = itertools.count(1)


async def _new_payment(w: World, _a: Actor, _fresh: bool) -> dict[str, Any]:
    return {"input": _payment_input(w.org.account("student").global_id)}


def _payment_input(member_id: str) -> dict[str, Any]:
    return {
        "memberId": member_id,
        "amount": 1250,
        "currency": "USD",
        "purpose": "Matrix entry",
        "externalId": f"matrix-{next(_payments)}",
        "paidAt": "2026-11-20T10:00:00Z",
    }


async def _own_payment_id(w: World, actor: Actor) -> str:
    """A payment of the actor's own member (a key's: its creator, the owner), recorded by
    the owner: every signed-in actor sees its own payments."""
    payer = w.org.account(actor.role.value.lower() if actor.role else "owner")
    recorded = await w.owner.gql(
        "mutation($input: RecordPaymentInput!) { recordPayment(input: $input) { payment { id } } }",
        {"input": _payment_input(payer.global_id)},
    )
    return str(recorded.ok()["recordPayment"]["payment"]["id"])


CASES: dict[str, Case] = {
    "Query.viewer": Case("{ viewer { kind } }", _none),
    "Query.accessModel": Case("{ accessModel { roles { role } } }", _none),
    "Query.organization": _on_org("name branding { tagline }"),
    "Query.node(Organization)": _node("... on Organization { slug }", _org_id),
    "Query.node(Member)": _node("... on Member { username }", _student_id),
    "Query.node(AuditEvent)": _node("... on AuditEvent { action }", _audit_event),
    "Query.node(ApiKey)": _node("... on ApiKey { prefix }", _key_id),
    "Query.node(Quiz)": _node("... on Quiz { title }", _quiz_id),
    "Query.node(Attempt)": _node("... on Attempt { status }", _start),
    "Query.node(Webhook)": _node("... on Webhook { url }", _webhook_id),
    "Query.node(Notification)": _node("... on Notification { title }", _notification_id),
    "Query.node(AttemptIntegrity)": _node(
        "... on AttemptIntegrity { pageSwitches }", _attempt_integrity_id
    ),
    "Query.node(IntegrityEvent)": _node("... on IntegrityEvent { type }", _integrity_event_id),
    "Query.node(Payment)": _node("... on Payment { amount }", _own_payment_id),
    "Query.node(Certificate)": _node("... on Certificate { code }", _certificate_id),
    # Members and org keys are let in and see none (platform staff's are in tests/webhooks).
    "Query.platformWebhooks": Case("{ platformWebhooks(first: 1) { totalCount } }", _none),
    # The console's (platform staff only: no role or key holds a platform scope; the
    # console's own actors are in tests/platform).
    "Query.platformAdmin": Case("{ platformAdmin { username } }", _none),
    "Query.platformOrganizations": Case(
        "{ platformOrganizations(first: 1) { totalCount } }", _none
    ),
    "Query.platformAuditLog": Case("{ platformAuditLog(first: 1) { totalCount } }", _none),
    "Query.platformApiKeys": Case("{ platformApiKeys(first: 1) { totalCount } }", _none),
    "Organization.memberCount": _on_org("memberCount"),
    "Organization.lastActivityAt": _on_org("lastActivityAt"),
    "Organization.attemptsLast30Days": _on_org("attemptsLast30Days"),
    "Organization.createdAt": _on_org("createdAt"),
    "Mutation.beginPlatformLogin": Case("", run=_begin_platform_login),
    "Mutation.completePlatformLogin": Case("", run=_complete_platform_login),
    "Mutation.platformLogout": Case("mutation { platformLogout { ok } }", _none),
    "Mutation.createOrganization": _mutation(
        "createOrganization",
        "CreateOrganizationInput",
        "portalCode",
        _input({"slug": "matrix-made", "name": "Made", "ownerUsername": "owner"}),
    ),
    "Mutation.setOrganizationDisabled": _mutation(
        "setOrganizationDisabled",
        "SetOrganizationDisabledInput",
        "organization { slug }",
        lambda w, _a, _f: _static({"input": {"id": w.org_id, "disabled": False}}),
    ),
    "Mutation.createPlatformApiKey": _mutation(
        "createPlatformApiKey",
        "CreatePlatformApiKeyInput",
        "secret",
        _input({"name": "made", "scopes": ["org:read"], "allOrganizations": True}),
    ),
    "Mutation.revokePlatformApiKey": _mutation(
        "revokePlatformApiKey", "PlatformApiKeyInput", "apiKey { prefix }", _platform_key_input({})
    ),
    "Mutation.rotatePlatformApiKey": _mutation(
        "rotatePlatformApiKey",
        "RotatePlatformApiKeyInput",
        "secret",
        _platform_key_input({"gracePeriodSeconds": 0}),
    ),
    "Organization.apiAccessEnabled": _on_org("apiAccessEnabled"),
    "Organization.disabled": _on_org("disabled"),
    "Organization.members": _on_org("members { totalCount }"),
    "Organization.auditLog": _on_org("auditLog(first: 1) { totalCount }"),
    "Organization.auditActions": _on_org("auditActions { action label area }"),
    "Organization.apiKeys": _on_org("apiKeys(first: 1) { totalCount }"),
    "Organization.quizzes": _on_org("quizzes(first: 1) { totalCount }"),
    "Organization.attempts": _on_org("attempts(first: 1) { totalCount }"),
    "Organization.leaderboard": _on_org("leaderboard(first: 1) { totalCount }"),
    "Organization.integrityEvents": _on_org("integrityEvents(first: 1) { totalCount }"),
    "Organization.integrityAttempts": _on_org(
        "integrityAttempts(first: 1) { totalCount edges { node { timeline(first: 1) "
        "{ totalCount } } } }"
    ),
    "Organization.integrityRules": _on_org("integrityRules { maxPageSwitches }"),
    "Organization.integrityNotice": _on_org("integrityNotice"),
    "Organization.settings": _on_org("settings { sessionLifetimeSeconds }"),
    # Signed in: payments:read lists the org's, anyone else their own (tests/payments).
    "Organization.payments": _on_org("payments(first: 1) { totalCount }"),
    "Organization.paymentTotals": _on_org("paymentTotals { purpose amount }"),
    "Organization.certificates": _on_org("certificates(first: 1) { totalCount }"),
    "Organization.notifications": _on_org("notifications(first: 1) { unreadCount totalCount }"),
    "Organization.webhooks": _on_org(
        "webhooks(first: 1) { totalCount edges { node { deliveries(first: 1) { totalCount } } } }"
    ),
    "Quiz.questionsWithAnswers": Case(
        _node("... on Quiz { questionsWithAnswers { explanation } }", _quiz_id).document,
        _node("", _quiz_id).prepare,
        through=("Query.node(Quiz)",),
    ),
    "Quiz.createdBy": Case(
        _node("... on Quiz { createdBy { username } }", _quiz_id).document,
        _node("", _quiz_id).prepare,
        through=("Query.node(Quiz)",),
    ),
    "Organization.analytics": _on_org("analytics { attempts activeMembers timeline { start } }"),
    "Organization.memberProgress": _on_org("memberProgress { attempts timeline { start } }"),
    "Quiz.statistics": Case(
        _node("... on Quiz { statistics { attempts mean cronbachAlpha } }", _quiz_id).document,
        _node("", _quiz_id).prepare,
        through=("Query.node(Quiz)",),
    ),
    "Mutation.login": Case("", run=_login),
    "Mutation.logout": Case("", run=_logout),
    "Mutation.addMember": _mutation(
        "addMember",
        "AddMemberInput",
        "member { username }",
        _new_member,
        key_also=ROLE_SCOPES[Role.STUDENT],  # _new_member adds a student
    ),
    "Mutation.updateMember": _mutation(
        "updateMember", "UpdateMemberInput", "member { displayName }", _fresh_student
    ),
    "Mutation.removeMember": _mutation(
        "removeMember", "RemoveMemberInput", "removedId", _removable_student
    ),
    "Mutation.createApiKey": _mutation(
        "createApiKey",
        "CreateApiKeyInput",
        "apiKey { prefix }",
        _input({"name": "made", "scopes": ["org:read"]}),
    ),
    "Mutation.setApiKeyEnabled": _mutation(
        "setApiKeyEnabled",
        "SetApiKeyEnabledInput",
        "apiKey { enabled }",
        lambda w, _a, _f: _static({"input": {"id": w.enable_target, "enabled": True}}),
    ),
    "Mutation.revokeApiKey": _mutation(
        "revokeApiKey",
        "RevokeApiKeyInput",
        "apiKey { revokedAt }",
        lambda w, _a, _f: _static({"input": {"id": w.revoke_target}}),
    ),
    "Mutation.rotateApiKey": _mutation(
        "rotateApiKey", "RotateApiKeyInput", "apiKey { prefix }", _rotatable_key
    ),
    "Mutation.updateOrganizationBranding": _mutation(
        "updateOrganizationBranding",
        "UpdateOrganizationBrandingInput",
        "organization { branding { tagline } }",
        _input({"tagline": "Set by the matrix"}),
    ),
    "Mutation.updateOrganizationSettings": _mutation(
        "updateOrganizationSettings",
        "UpdateOrganizationSettingsInput",
        "organization { settings { defaultApiKeyRateLimitPerMinute } }",
        _input({"defaultApiKeyRateLimitPerMinute": 100}),
    ),
    "Mutation.uploadOrganizationLogo": Case("", run=_upload_logo),
    "Mutation.setApiAccess": _mutation(
        "setApiAccess",
        "SetApiAccessInput",
        "organization { apiAccessEnabled }",
        _input({"enabled": True}),
    ),
    "Mutation.createQuiz": _mutation(
        "createQuiz", "CreateQuizInput", "quiz { id }", _input({"title": "Made"})
    ),
    "Mutation.updateQuiz": _mutation(
        "updateQuiz", "UpdateQuizInput", "quiz { title }", _rename_draft
    ),
    "Mutation.publishQuiz": _mutation("publishQuiz", "QuizIdInput", "quiz { status }", _draft),
    "Mutation.archiveQuiz": _mutation("archiveQuiz", "QuizIdInput", "quiz { status }", _published),
    "Mutation.duplicateQuiz": _mutation(
        "duplicateQuiz", "DuplicateQuizInput", "quiz { id }", _shared_quiz
    ),
    "Mutation.importQuiz": _mutation(
        "importQuiz",
        "ImportQuizInput",
        "importedQuestions",
        _input({"text": "What is 2 + 2?\nA. 3\nB. 4\nANSWER: B\n", "format": "AIKEN"}),
    ),
    "Mutation.startAttempt": _mutation(
        "startAttempt", "StartAttemptInput", "attempt { id }", _take
    ),
    "Mutation.saveAttemptAnswers": _mutation(
        "saveAttemptAnswers", "AttemptAnswersInput", "attempt { id }", _answer
    ),
    "Mutation.submitAttempt": _mutation(
        "submitAttempt", "AttemptAnswersInput", "attempt { status }", _answer
    ),
    "Mutation.reportIntegrityEvent": _mutation(
        "reportIntegrityEvent", "ReportIntegrityEventInput", "event { type }", _report
    ),
    "Mutation.reviewIntegrityFlag": _mutation(
        "reviewIntegrityFlag",
        "ReviewIntegrityFlagInput",
        "attemptIntegrity { review { outcome } }",
        _flagged_attempt,
    ),
    "Mutation.revokeCertificate": _mutation(
        "revokeCertificate", "RevokeCertificateInput", "certificate { valid }", _revocable
    ),
    "Mutation.markNotificationsRead": _mutation(
        "markNotificationsRead", "MarkNotificationsReadInput", "unreadCount", _input({"all": True})
    ),
    "Mutation.updateIntegrityRules": _mutation(
        "updateIntegrityRules",
        "UpdateIntegrityRulesInput",
        "rules { maxPageSwitches }",
        _input({"maxPageSwitches": 3}),  # the default: the other cases judge by it
    ),
    "Mutation.recordPayment": _mutation(
        "recordPayment", "RecordPaymentInput", "payment { id }", _new_payment
    ),
    "Mutation.createWebhook": _mutation(
        "createWebhook", "CreateWebhookInput", "webhook { url }", _input({"url": WEBHOOK_URL})
    ),
    "Mutation.updateWebhook": _mutation(
        "updateWebhook",
        "UpdateWebhookInput",
        "webhook { description }",
        _on_webhook({"description": "changed"}),
    ),
    "Mutation.deleteWebhook": _mutation(
        "deleteWebhook", "DeleteWebhookInput", "deletedId", _deletable_webhook
    ),
    "Mutation.rotateWebhookSecret": _mutation(
        "rotateWebhookSecret",
        "RotateWebhookSecretInput",
        "webhook { id }",
        _on_webhook({"gracePeriodSeconds": 0}),
    ),
    "Mutation.pingWebhook": _mutation(
        "pingWebhook", "PingWebhookInput", "delivery { messageId }", _on_webhook({})
    ),
    "Mutation.redeliverWebhookMessage": _mutation(
        "redeliverWebhookMessage",
        "RedeliverWebhookMessageInput",
        "deliveries { status }",
        lambda w, _a, _f: _static({"input": {"messageId": w.webhook_message_id}}),
    ),
}


# --- accounts: each reset acts on a fresh student, so the world's sessions live on ----------


async def _reset_target(w: World, _a: Actor, _fresh: bool) -> dict[str, Any]:
    account = await w.org.add(f"reset-{next(_names)}", Role.STUDENT)
    return {"input": {"memberId": account.global_id}}


async def _change_own_password(w: World, actor: Actor, _fresh: bool) -> GraphQLResult:
    """A member of the actor's role signed in on a client of its own changes its password
    (a role's shared session and password live on); keys and anonymous callers try it."""
    document = (
        "mutation($input: ChangeMyPasswordInput!) { changeMyPassword(input: $input) "
        "{ endedSessions } }"
    )
    if actor.role is None:
        variables = {"input": {"currentPassword": "x", "newPassword": "y"}}
        return await actor.gql(document, variables)
    account = await w.org.add(f"changer-{next(_names)}", actor.role)
    own = await w.org.signed_in(w.app, account.username)
    w.clients.append(own)
    new = {"currentPassword": account.password, "newPassword": "a fresh passphrase"}
    return await own.gql(document, {"input": new})


async def _new_reset_token(w: World) -> str:
    account = await w.org.add(f"linked-{next(_names)}", Role.STUDENT)
    made = await w.owner.gql(
        "mutation($id: ID!) { createPasswordResetLink(input: {memberId: $id}) { url } }",
        {"id": account.global_id},
    )
    return str(made.ok()["createPasswordResetLink"]["url"].split("#token=")[1])


async def _reset_link_info(w: World, actor: Actor, _fresh: bool) -> GraphQLResult:
    return await actor.gql(
        "query($t: String!) { passwordResetLink(token: $t) { username } }",
        {"t": await _new_reset_token(w)},
    )


async def _use_reset_link(w: World, actor: Actor, _fresh: bool) -> GraphQLResult:
    # a client of its own: the link signs its browser in
    return await w.client().gql(
        "mutation($input: ResetPasswordWithLinkInput!) { resetPasswordWithLink(input: $input) "
        "{ viewer { kind } } }",
        {"input": {"token": await _new_reset_token(w), "newPassword": "a fresh passphrase"}},
        headers=actor.headers,
    )


async def _rotate_portal_code(w: World, actor: Actor, _fresh: bool) -> GraphQLResult:
    result = await actor.gql("mutation { rotatePortalCode { portalCode } }", {})
    if not result.errors and result.data:
        # later cases sign in on the portal with the code as it now is
        w.org.portal_code = result.data["rotatePortalCode"]["portalCode"]
    return result


ACCOUNT_CASES: dict[str, Case] = {
    "Organization.passwordPolicy": _on_org("passwordPolicy { minLength }"),
    "Query.passwordResetLink": Case("", run=_reset_link_info),
    "Mutation.changeMyPassword": Case("", run=_change_own_password),
    "Mutation.setTemporaryPassword": _mutation(
        "setTemporaryPassword", "SetTemporaryPasswordInput", "temporaryPassword", _reset_target
    ),
    "Mutation.createPasswordResetLink": _mutation(
        "createPasswordResetLink", "CreatePasswordResetLinkInput", "expiresAt", _reset_target
    ),
    "Mutation.resetPasswordWithLink": Case("", run=_use_reset_link),
    "Mutation.updatePasswordPolicy": _mutation(
        "updatePasswordPolicy",
        "UpdatePasswordPolicyInput",
        "passwordPolicy { minLength }",
        _input({"minLength": 8}),  # the default: the other cases judge by it
    ),
    "Mutation.importMembers": _mutation(
        "importMembers",
        "ImportMembersInput",
        "rowCount problems { code }",
        _input({"text": "username,display name,role\nimported,Imported,student\n"}),
    ),
    "Mutation.rotatePortalCode": Case("", run=_rotate_portal_code),
}
CASES.update(ACCOUNT_CASES)


_tournaments: dict[int, str] = {}
# A quiz of their own: a round of a scheduled tournament takes no plain attempts, and
# the other cases take the shared quiz.
_tournament_quizzes: dict[int, str] = {}


async def _tournament_input(w: World) -> dict[str, Any]:
    if id(w) not in _tournament_quizzes:
        quiz = await published_quiz(w.teacher, title="Tournament round")
        _tournament_quizzes[id(w)] = str(quiz["id"])
    starts = datetime.now(UTC) + timedelta(days=1)
    return {
        "name": f"Matrix cup {next(_names)}",
        "rounds": [_tournament_quizzes[id(w)]],
        "startsAt": starts.isoformat(),
        "endsAt": (starts + timedelta(hours=1)).isoformat(),
    }


async def _new_tournament(w: World, *, running: bool = False) -> str:
    made = await w.teacher.gql(
        "mutation($input: CreateTournamentInput!) { createTournament(input: $input) "
        "{ tournament { id } } }",
        {"input": await _tournament_input(w)},
    )
    tournament_id = str(made.ok()["createTournament"]["tournament"]["id"])
    if running:
        started = await w.teacher.gql(
            "mutation($id: ID!) { startTournament(input: {id: $id}) { tournament { id } } }",
            {"id": tournament_id},
        )
        started.ok()
    return tournament_id


async def _tournament_id(w: World, _a: Actor | None = None) -> str:
    """A scheduled every-member tournament over the shared quiz, made once for the world."""
    if id(w) not in _tournaments:
        _tournaments[id(w)] = await _new_tournament(w)
    return _tournaments[id(w)]


def _on_tournament(
    extra: dict[str, Any], *, fresh_one: bool = False, running: bool = False
) -> Prepare:
    async def prepare(w: World, _a: Actor, fresh: bool) -> dict[str, Any]:
        if fresh and fresh_one:
            return {"input": {"id": await _new_tournament(w, running=running), **extra}}
        return {"input": {"id": await _tournament_id(w), **extra}}

    return prepare


async def _create_tournament(w: World, _a: Actor, _fresh: bool) -> dict[str, Any]:
    return {"input": await _tournament_input(w)}


async def _withdraw_from_tournament(w: World, _a: Actor, _fresh: bool) -> dict[str, Any]:
    return {"input": {"id": await _tournament_id(w)}}


TOURNAMENT_CASES: dict[str, Case] = {
    "Query.node(Tournament)": _node("... on Tournament { name }", _tournament_id),
    "Organization.tournaments": _on_org("tournaments(first: 1) { totalCount }"),
    "Mutation.createTournament": _mutation(
        "createTournament", "CreateTournamentInput", "tournament { id }", _create_tournament
    ),
    "Mutation.updateTournament": _mutation(
        "updateTournament",
        "UpdateTournamentInput",
        "tournament { name }",
        _on_tournament({"name": "Renamed cup"}),
    ),
    "Mutation.registerForTournament": _mutation(
        "registerForTournament", "TournamentIdInput", "tournament { id }", _on_tournament({})
    ),
    "Mutation.withdrawFromTournament": _mutation(
        "withdrawFromTournament",
        "TournamentIdInput",
        "withdrawn",
        _withdraw_from_tournament,
    ),
    "Mutation.startTournament": _mutation(
        "startTournament",
        "TournamentIdInput",
        "tournament { status }",
        _on_tournament({}, fresh_one=True),
    ),
    "Mutation.endTournament": _mutation(
        "endTournament",
        "TournamentIdInput",
        "tournament { status }",
        _on_tournament({}, fresh_one=True, running=True),
    ),
}
CASES.update(TOURNAMENT_CASES)


async def _static(value: dict[str, Any]) -> dict[str, Any]:
    return value


def _expanded_declarations() -> dict[str, type[Declared]]:
    """The schema's declarations, with ``node`` expanded into one entry per type."""
    found = declarations(app_schema)
    node = found.pop("Query.node")
    assert node.access is Access.SIGNED_IN  # the field itself only asks for credentials
    for type_name, node_type in NODE_TYPES.items():
        assert issubclass(node_type.access, Declared)
        found[f"Query.node({type_name})"] = node_type.access
    return found


DECLARED = _expanded_declarations()
HTTP_OPERATIONS = sorted(name for name in DECLARED if not name.startswith("Subscription."))


def test_every_declared_operation_has_a_case() -> None:
    assert sorted(CASES) == HTTP_OPERATIONS


# --- expectations -------------------------------------------------------------------------


def required_scopes(operation: str) -> tuple[Scope, ...]:
    case = CASES.get(operation)
    through = case.through if case else ()
    return tuple(scope for name in (*through, operation) for scope in DECLARED[name].scopes)


def lets_in(operation: str, actor: Actor) -> bool:
    declared = DECLARED[operation]
    if declared.access is Access.PUBLIC:
        return True
    if actor.kind == "anonymous":
        return False
    if declared.access is Access.MEMBER_SESSION:
        return actor.kind == "role"
    case = CASES.get(operation)
    key_also = case.key_also if case and actor.kind == "key" else frozenset()
    return set(required_scopes(operation)) | key_also <= actor.granted


def problem(operation: str, actor: Actor, errors: list[dict[str, Any]], data: Any) -> str | None:
    """What is wrong with the answer (None: what the declaration says)."""
    codes = [error.get("extensions", {}).get("code") for error in errors]
    if lets_in(operation, actor):
        if errors or not data or None in data.values():
            return f"expected data, got {codes} {errors[:1]} {data}"
        return None
    if actor.kind == "anonymous":
        return None if codes == ["UNAUTHENTICATED"] else f"expected UNAUTHENTICATED, got {codes}"
    if codes != ["FORBIDDEN"]:
        return f"expected FORBIDDEN, got {codes} {errors[:1]}"
    if DECLARED[operation].access is Access.MEMBER_SESSION:
        return None  # a key has no password: no scope would let it in
    extensions = errors[0]["extensions"]
    missing = next((s for s in required_scopes(operation) if s not in actor.granted), None)
    if missing is None:  # only the key's extra scopes are missing
        case = CASES[operation]
        expected = sorted(scope.value for scope in case.key_also - actor.granted)
        if extensions.get("missingScopes") != expected:
            return f"missingScopes {extensions.get('missingScopes')} != {expected}"
        return None
    if extensions.get("requiredScopes") != [missing.value]:
        return f"requiredScopes {extensions.get('requiredScopes')} != [{missing.value}]"
    if actor.kind == "key":
        granted = ", ".join(sorted(scope.value for scope in actor.granted))
        expected_message = (
            f"Insufficient scopes. Required: {missing.value}. Your key has: {granted}"
        )
        if errors[0]["message"] != expected_message:
            return f"message {errors[0]['message']!r} != {expected_message!r}"
    return None


@pytest.mark.parametrize("operation", HTTP_OPERATIONS)
async def test_every_actor_gets_what_the_declaration_allows(operation: str, world: World) -> None:
    case = CASES[operation]
    wrong: list[str] = []
    allowed = denied = 0
    for actor in world.actors:
        fresh = lets_in(operation, actor)
        if case.run is not None:
            result = await case.run(world, actor, fresh)
        else:
            assert case.prepare is not None
            result = await actor.gql(case.document, await case.prepare(world, actor, fresh))
        found = problem(operation, actor, result.errors, result.data)
        if found:
            wrong.append(f"{actor.label}: {found}")
        allowed += fresh
        denied += not fresh
    assert wrong == []
    # both sides were exercised (a public operation has no refused side; the console's,
    # which only platform admins hold a scope for, are let in by tests/platform)
    assert (allowed or _console_only(operation)) and (
        denied or DECLARED[operation].access is Access.PUBLIC
    )


def _console_only(operation: str) -> bool:
    """Needs a platform scope: no role or key here may be let in."""
    return bool(set(required_scopes(operation)) & PLATFORM_SCOPES)


# --- the subscription, over a websocket to the same app --------------------------------------


class AsgiSocket:
    """A graphql-transport-ws client speaking ASGI to the app in this process."""

    def __init__(self, app: Any, headers: list[tuple[bytes, bytes]]) -> None:
        self.incoming: asyncio.Queue[dict[str, Any]] = asyncio.Queue()
        self.outgoing: asyncio.Queue[dict[str, Any]] = asyncio.Queue()
        scope = {
            "type": "websocket",
            "asgi": {"version": "3.0"},
            "http_version": "1.1",
            "scheme": "ws",
            "server": ("testserver", 80),
            "client": ("10.250.0.1", 40000),
            "root_path": "",
            "path": "/graphql",
            "raw_path": b"/graphql",
            "query_string": b"",
            "headers": [
                (b"host", b"testserver"),
                (b"sec-websocket-protocol", b"graphql-transport-ws"),
                *headers,
            ],
            "subprotocols": ["graphql-transport-ws"],
            "state": {},
        }
        self.task = asyncio.create_task(app(scope, self.incoming.get, self._sent))

    async def _sent(self, message: dict[str, Any]) -> None:
        await self.outgoing.put(message)

    async def open(self, payload: dict[str, Any]) -> None:
        await self.incoming.put({"type": "websocket.connect"})
        accepted = await asyncio.wait_for(self.outgoing.get(), 10)
        assert accepted["type"] == "websocket.accept", accepted
        await self.send({"type": "connection_init", "payload": payload})

    async def send(self, message: dict[str, Any]) -> None:
        await self.incoming.put({"type": "websocket.receive", "text": json.dumps(message)})

    async def receive(self) -> dict[str, Any]:
        message = await asyncio.wait_for(self.outgoing.get(), 10)
        assert message["type"] == "websocket.send", message
        return dict(json.loads(message["text"]))

    async def close(self) -> None:
        await self.incoming.put({"type": "websocket.disconnect", "code": 1000})
        try:
            await asyncio.wait_for(self.task, 10)
        finally:
            self.task.cancel()


SUBSCRIPTION_DOCUMENTS = {
    "Subscription.leaderboardUpdated": """subscription($slug: String!) {
  leaderboardUpdated(orgSlug: $slug) { entries { rank } } }""",
    "Subscription.notificationsChanged": """subscription($slug: String!) {
  notificationsChanged(orgSlug: $slug) { unreadCount } }""",
    "Subscription.tournamentLeaderboardUpdated": """subscription($id: ID!) {
  tournamentLeaderboardUpdated(tournamentId: $id) { entries { rank } } }""",
}


async def _subscribe(
    world: World, actor: Actor, operation: str
) -> tuple[list[dict[str, Any]], Any]:
    headers: list[tuple[bytes, bytes]] = []
    payload: dict[str, Any] = {}
    if actor.kind == "role":
        token = actor.client.http.cookies.get("qg_session")
        headers.append((b"cookie", f"qg_session={token}".encode()))
    elif actor.key is not None:
        payload = {"authorization": f"Bearer {actor.key.secret}"}
    socket = AsgiSocket(world.app, headers)
    try:
        await socket.open(payload)
        assert (await socket.receive())["type"] == "connection_ack"
        await socket.send(
            {
                "id": "1",
                "type": "subscribe",
                "payload": {
                    "query": SUBSCRIPTION_DOCUMENTS[operation],
                    # every document takes the variables it declares (the rest are ignored)
                    "variables": {"slug": world.org.slug, "id": await _tournament_id(world)},
                },
            }
        )
        message = await socket.receive()
        if message["type"] == "next":
            await socket.send({"id": "1", "type": "complete"})
            return list(message["payload"].get("errors") or []), message["payload"].get("data")
        assert message["type"] == "error", message
        return list(message["payload"]), None
    finally:
        await socket.close()


SUBSCRIPTIONS = sorted(name for name in DECLARED if name.startswith("Subscription."))


def test_every_subscription_is_run_over_a_websocket() -> None:
    assert sorted(SUBSCRIPTION_DOCUMENTS) == SUBSCRIPTIONS


@pytest.mark.parametrize("operation", SUBSCRIPTIONS)
async def test_every_actor_subscribes_as_the_declaration_allows(
    operation: str, world: World
) -> None:
    wrong: list[str] = []
    for actor in world.actors:
        if actor.kind == "anonymous":
            continue  # the websocket door answers anonymous sockets itself (tests/web)
        errors, data = await _subscribe(world, actor, operation)
        found = problem(operation, actor, errors, data)
        if found:
            wrong.append(f"{actor.label}: {found}")
    assert wrong == []


# --- declarations on a target keep NOT_FOUND for what is out of reach ----------------------

ON_TARGET = sorted(name for name, declared in DECLARED.items() if declared.on_target)


def test_the_operations_on_one_object_declare_a_target() -> None:
    assert ON_TARGET == [
        "Mutation.archiveQuiz",
        "Mutation.duplicateQuiz",
        "Mutation.endTournament",
        "Mutation.publishQuiz",
        "Mutation.registerForTournament",
        "Mutation.reportIntegrityEvent",
        "Mutation.revokeCertificate",
        "Mutation.saveAttemptAnswers",
        "Mutation.startAttempt",
        "Mutation.startTournament",
        "Mutation.submitAttempt",
        "Mutation.updateQuiz",
        "Mutation.updateTournament",
        "Mutation.withdrawFromTournament",
        "Subscription.leaderboardUpdated",
        "Subscription.notificationsChanged",
        "Subscription.tournamentLeaderboardUpdated",
    ]


async def test_lacking_the_scope_another_orgs_object_is_still_not_found(world: World) -> None:
    # given a key of another org holding none of the scopes these operations declare
    other = await make_org(roles=False)
    other_owner = await other.signed_in(world.app, "owner")
    world.clients.append(other_owner)
    key = await create_key(other_owner, ["members:read"])
    outsider = Actor("outsider", frozenset({Scope.MEMBERS_READ}), "key", world.owner, key.headers)
    outsider.key = key
    insider = next(a for a in world.actors if a.label == "key[members:read]")
    for operation in ON_TARGET:
        if operation.startswith("Subscription."):
            # when it asks for this org's board; then NOT_FOUND, as for the org's own key FORBIDDEN
            errors, _ = await _subscribe(world, outsider, operation)
            assert [e["extensions"]["code"] for e in errors] == ["NOT_FOUND"], operation
            errors, _ = await _subscribe(world, insider, operation)
            assert [e["extensions"]["code"] for e in errors] == ["FORBIDDEN"], operation
            continue
        case = CASES[operation]
        assert case.prepare is not None
        variables = await case.prepare(world, insider, False)
        # when it names this org's object: NOT_FOUND (never FORBIDDEN, which would tell
        # that the id exists), while the org's own key lacking the scope is FORBIDDEN
        assert (await outsider.gql(case.document, variables)).code == "NOT_FOUND", operation
        assert (await insider.gql(case.document, variables)).code == "FORBIDDEN", operation
        # and an id of nothing at all is NOT_FOUND for the org's own key too
        missing = json.loads(json.dumps(variables).replace(_id_in(variables), _no_such(variables)))
        assert (await insider.gql(case.document, missing)).code == "NOT_FOUND", operation


def _id_in(variables: dict[str, Any]) -> str:
    given = variables["input"]
    named = given.get("id") or given.get("quizId") or given.get("attemptId")
    return str(named or given.get("tournamentId"))


def _no_such(variables: dict[str, Any]) -> str:
    from strawberry import relay

    type_name = relay.GlobalID.from_id(_id_in(variables)).type_name
    return str(relay.GlobalID(type_name, "00000000-0000-4000-8000-000000000000"))
