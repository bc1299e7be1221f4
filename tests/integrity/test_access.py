"""Who may do what with integrity data: every new field and mutation for each role's
session and for keys with and without the scopes; and org A's integrity data is out of
org B's reach (staff and keys alike)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest

from tests.api_keys.support import bearer, create_key
from tests.integrity.support import (
    EVENTS,
    NOTICE,
    RECORDS,
    REVIEW,
    RULES,
    UPDATE_RULES,
    open_attempt,
    record_of,
    report,
)
from tests.quizzes.api import START, published_quiz
from tests.support.client import ApiClient, GraphQLResult
from tests.support.factories import OrgFixture
from tests.support.fixture_types import ClientFactory, SignIn

ROLES = ("owner", "admin", "teacher", "student")
KEYS: dict[str, list[str]] = {
    "key[integrity:read]": ["integrity:read"],
    "key[integrity:write]": ["integrity:write"],
    "key[integrity:read+write]": ["integrity:read", "integrity:write"],
    "key[integrity:read+members:write]": ["integrity:read", "members:write"],
    "key[without]": ["org:read", "attempts:read", "attempts:write", "quizzes:read"],
}
# Who each operation lets in; everyone else is FORBIDDEN.
ALLOWED: dict[str, set[str]] = {
    "integrityEvents": {"owner", "admin", "teacher", "key[integrity:read]"}
    | {"key[integrity:read+write]", "key[integrity:read+members:write]"},
    "integrityAttempts": {"owner", "admin", "teacher", "key[integrity:read]"}
    | {"key[integrity:read+write]", "key[integrity:read+members:write]"},
    "integrityRules": {"owner", "admin", "teacher", "key[integrity:read]"}
    | {"key[integrity:read+write]", "key[integrity:read+members:write]"},
    "integrityNotice": {*ROLES, "key[integrity:write]", "key[integrity:read+write]"},
    "reportIntegrityEvent": {*ROLES, "key[integrity:write]", "key[integrity:read+write]"},
    "reviewIntegrityFlag": {"owner", "admin", "teacher", "key[integrity:read+write]"},
    "updateIntegrityRules": {"owner", "admin", "key[integrity:read+members:write]"},
}


@dataclass
class Caller:
    name: str
    client: ApiClient
    headers: dict[str, str] | None
    # whose attempt the caller reports on: its own (a key: its creator's, the owner)
    attempt: str

    async def gql(self, query: str, variables: dict[str, Any]) -> GraphQLResult:
        return await self.client.gql(query, variables, headers=self.headers)


@pytest.fixture
async def callers(
    org: OrgFixture, signed_in: SignIn, client_factory: ClientFactory
) -> list[Caller]:
    sessions = {name: await signed_in(org, name) for name in ROLES}
    quiz = await published_quiz(sessions["teacher"])
    attempts = {}
    for name, client in sessions.items():
        started = await client.gql(START, {"quizId": quiz["id"]})
        attempts[name] = started.ok()["startAttempt"]["attempt"]["id"]
    found = [Caller(name, client, None, attempts[name]) for name, client in sessions.items()]
    anonymous = client_factory()
    for name, scopes in KEYS.items():
        key = await create_key(sessions["owner"], scopes, name=name)
        found.append(Caller(name, anonymous, bearer(key.secret), attempts["owner"]))
    return found


async def _flagged(teacher: ApiClient, student: ApiClient) -> str:
    attempt = await open_attempt(teacher, student)
    for _ in range(4):
        (await report(student, attempt, "PAGE_HIDDEN")).ok()
    return attempt


async def test_every_field_and_mutation_as_each_role_and_key(
    org: OrgFixture, callers: list[Caller]
) -> None:
    teacher = next(c for c in callers if c.name == "teacher").client
    student = next(c for c in callers if c.name == "student").client
    wrong: list[str] = []
    for caller in callers:
        flagged = await _flagged(teacher, student)
        runs: dict[str, tuple[str, dict[str, Any]]] = {
            "integrityEvents": (EVENTS, {"slug": org.slug}),
            "integrityAttempts": (RECORDS, {"slug": org.slug}),
            "integrityRules": (RULES, {"slug": org.slug}),
            "integrityNotice": (NOTICE, {"slug": org.slug}),
            "reportIntegrityEvent": (
                "mutation($a: ID!) { reportIntegrityEvent(input: {attemptId: $a, type: COPY}) "
                "{ event { type } } }",
                {"a": caller.attempt},
            ),
            "reviewIntegrityFlag": (
                REVIEW,
                {"input": {"attemptId": flagged, "outcome": "CLEARED"}},
            ),
            "updateIntegrityRules": (UPDATE_RULES, {"input": {"maxPageSwitches": 3}}),
        }
        for operation, (document, variables) in runs.items():
            result = await caller.gql(document, variables)
            if caller.name in ALLOWED[operation]:
                if result.errors:
                    wrong.append(f"{caller.name} {operation}: {result.codes}")
            elif result.codes != ["FORBIDDEN"]:
                wrong.append(f"{caller.name} {operation}: expected FORBIDDEN, {result.codes}")
    assert wrong == []


async def test_another_orgs_staff_and_keys_reach_nothing(
    org: OrgFixture, other_org: OrgFixture, signed_in: SignIn
) -> None:
    # given a flagged attempt in org A
    teacher, student = await signed_in(org, "teacher"), await signed_in(org, "student")
    flagged = await _flagged(teacher, student)
    # and org B's owner, and a key of B with every integrity scope
    outsider = await signed_in(other_org, "owner")
    key = await create_key(outsider, ["integrity:read", "integrity:write", "members:write"])
    for headers in (None, bearer(key.secret)):
        # when they read A's integrity data: not found
        for document in (EVENTS, RECORDS, RULES, NOTICE):
            result = await outsider.gql(document, {"slug": org.slug}, headers=headers)
            assert result.codes == ["NOT_FOUND"], document
        # when they report on or review A's attempt: not found
        reported = await report(outsider, flagged, "COPY", headers=headers)
        assert reported.code == "NOT_FOUND"
        reviewed = await outsider.gql(
            REVIEW, {"input": {"attemptId": flagged, "outcome": "CLEARED"}}, headers=headers
        )
        assert reviewed.code == "NOT_FOUND"
        # when they change the rules: their own org's, never A's
        changed = await outsider.gql(
            UPDATE_RULES, {"input": {"maxPageSwitches": 50}}, headers=headers
        )
        changed.ok()
    # then A's record is as it was, and A's rules are the defaults
    record = await record_of(teacher, org.slug, flagged)
    assert record["review"] is None and record["clipboardEvents"] == 0
    rules = (await teacher.gql(RULES, {"slug": org.slug})).ok()["organization"]["integrityRules"]
    assert rules["maxPageSwitches"] == 3
    # and B's records hold none of A's
    own = await outsider.gql(RECORDS, {"slug": other_org.slug})
    assert own.ok()["organization"]["integrityAttempts"]["totalCount"] == 0


async def test_staff_of_a_second_org_see_only_their_own_flags(
    org: OrgFixture, other_org: OrgFixture, signed_in: SignIn
) -> None:
    # given a flagged attempt in each of two orgs
    flags = {}
    for each in (org, other_org):
        teacher, student = await signed_in(each, "teacher"), await signed_in(each, "student")
        flags[each.slug] = (teacher, await _flagged(teacher, student))
    # then each org's staff list exactly their own
    for slug, (teacher, attempt) in flags.items():
        listed = await teacher.gql(RECORDS, {"slug": slug, "flagged": True})
        edges = listed.ok()["organization"]["integrityAttempts"]["edges"]
        assert [edge["node"]["attemptId"] for edge in edges] == [attempt]
