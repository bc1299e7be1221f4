"""Schemathesis, in GraphQL mode, against a real server: no 5xx, no INTERNAL, every
error with ``extensions.code``, whoever calls.

Every query and mutation of the published ``schema.graphql`` gets generated documents
(hypothesis-graphql: any argument values the types allow), sent by an anonymous
client, a student, an owner and an API key, each of its own org so that nothing one
of them does (a login throttled, a switch turned off) reaches another. The seed is
fixed (``derandomize``) and the number of examples bounded, so a run is repeatable and
takes seconds. Most generated mutations are refused by validation or by the services;
that is fine: the point is that each refusal is a coded client error.
"""

from __future__ import annotations

import asyncio
import base64
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import requests
import schemathesis
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from schemathesis.core.result import Ok
from schemathesis.graphql import nodes

from app.access.scopes import KEY_GRANTABLE_SCOPES
from tests.support.factories import make_org
from tests.support.servers import Deployment, deployment

SCHEMA = Path(__file__).resolve().parents[2] / "schema.graphql"
EXAMPLES_PER_OPERATION = 8
# Logging out would end the identity's session halfway through the run.
SKIPPED = {"logout"}


def _cursor(offset: str) -> str:
    return base64.b64encode(f"cursor:{offset}".encode()).decode()


# Besides hypothesis-graphql's own strings, values the audit found answered with 500 or
# INTERNAL: NUL (PostgreSQL), a lone surrogate, forged cursors (every ``after``
# argument is a String), a global id of the wrong shape.
HOSTILE_STRINGS = [
    "x\u0000y",
    "x\ud800y",
    _cursor("-5"),
    _cursor("99999999999999999999"),
    base64.b64encode(b"Member:not-a-uuid").decode(),
    "y" * 5_000,
]
_strings = st.one_of(st.text(), st.sampled_from(HOSTILE_STRINGS))
schemathesis.graphql.scalar("String", _strings.map(nodes.String))
schemathesis.graphql.scalar("ID", _strings.map(nodes.String))
# Moments in and out of range (with and without an offset; some overflow in UTC), and
# strings that are no moment at all.
schemathesis.graphql.scalar(
    "DateTime",
    st.one_of(
        st.datetimes().map(lambda moment: moment.isoformat()),
        st.sampled_from(
            ["9999-12-31T23:59:59-12:00", "0001-01-01T00:00:00+14:00", "2030-01-01T00:00:00Z"]
        ),
        st.text(max_size=30),
    ).map(nodes.String),
)
# No files (imports still get text); JSON is an output scalar only.
schemathesis.graphql.scalar("Upload", st.just(nodes.Null))
schemathesis.graphql.scalar("JSON", st.just(nodes.Null))


@dataclass
class Identity:
    name: str
    headers: dict[str, str] = field(default_factory=dict)
    cookies: dict[str, str] = field(default_factory=dict)


@dataclass
class Finding:
    identity: str
    operation: str
    query: str
    status: int
    problem: str
    body: str

    def __str__(self) -> str:
        return (
            f"{self.identity} / {self.operation}: {self.problem} (HTTP {self.status})\n"
            f"  query: {self.query[:300]}\n  body: {self.body[:300]}"
        )


def problem_with(response: requests.Response) -> str | None:
    """What is wrong with a response, from a client's point of view (None: nothing)."""
    if response.status_code >= 500:
        return "server error"
    try:
        body = response.json()
    except ValueError:
        return "not JSON"
    if not isinstance(body, dict):
        return "not a JSON object"
    for error in body.get("errors") or []:
        code = (error.get("extensions") or {}).get("code")
        if not code:
            return "an error without extensions.code"
        if code == "INTERNAL":
            return "INTERNAL"
        if not error.get("message"):
            return "an error without a message"
    return None


async def identities(live: Deployment) -> list[Identity]:
    """Anonymous, then a student, an owner and a key, each in an org of its own."""
    found = [Identity("anonymous")]
    for name in ("student", "owner"):
        org = await make_org()  # made in-process; the server shares the database
        client = await Deployment(live.urls, org.slug, org.portal_code, live.env).signed_in(name)
        found.append(Identity(name, cookies={"qg_session": session_cookie(client)}))
        await client.close()

    org = await make_org()
    owner = await Deployment(live.urls, org.slug, org.portal_code, live.env).signed_in("owner")
    created = await owner.gql(
        "mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret } }",
        {
            "input": {
                "name": "schemathesis",
                "scopes": sorted(str(scope) for scope in KEY_GRANTABLE_SCOPES),
                "rateLimitPerMinute": 10_000,
            }
        },
    )
    await owner.close()
    secret = created.ok()["createApiKey"]["secret"]
    found.append(Identity("key", headers={"Authorization": f"Bearer {secret}"}))
    return found


def session_cookie(client: Any) -> str:
    value = client.http.cookies.get("qg_session")
    assert value, "signed in without a session cookie"
    return str(value)


@cache
def generated_cases() -> list[tuple[str, Any]]:
    """Every operation's examples, generated once (the seed is fixed, so generating them
    again for each caller and database would give the same documents, slowly)."""
    schema = schemathesis.graphql.from_path(SCHEMA)
    cases: list[tuple[str, Any]] = []
    for result in schema.get_all_operations():
        assert isinstance(result, Ok), result
        operation = result.ok()
        label = operation.label
        if label.split(".")[-1] in SKIPPED:
            continue

        @settings(
            max_examples=EXAMPLES_PER_OPERATION,
            derandomize=True,
            database=None,
            deadline=None,
            phases=[Phase.explicit, Phase.generate],
            suppress_health_check=list(HealthCheck),
        )
        @given(case=operation.as_strategy())
        def collect(case: Any) -> None:
            cases.append((label, case))  # noqa: B023 (collect() runs at once, in this loop)

        collect()
    return cases


def explore(base_url: str, identity: Identity) -> tuple[list[Finding], int]:
    """Sends every generated case as ``identity``; returns the findings and the count."""
    findings: list[Finding] = []
    cases = generated_cases()
    with requests.Session() as session:
        for label, case in cases:
            response = case.call(
                base_url=base_url,
                session=session,
                headers=identity.headers,
                cookies=identity.cookies,
                timeout=30,
            )
            problem = problem_with(response)
            if problem is not None:
                findings.append(
                    Finding(
                        identity.name,
                        label,
                        str(case.body),
                        response.status_code,
                        problem,
                        response.text,
                    )
                )
    return findings, len(cases)


async def test_schemathesis_finds_no_server_errors_and_no_internal(database_url: str) -> None:
    async with deployment(database_url) as live:
        callers = await identities(live)
        base_url = f"{live.urls[0]}/graphql"
        findings: list[Finding] = []
        sent = 0
        for identity in callers:
            found, count = await asyncio.to_thread(explore, base_url, identity)
            findings += found
            sent += count
    assert sent > 400, f"only {sent} requests were generated"
    assert not findings, f"{len(findings)} of {sent} responses:\n" + "\n".join(
        str(finding) for finding in findings[:20]
    )
