"""The audit log: one event per change, readable by staff, and tamper-evident."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import delete, update

from app.audit.models import AuditEvent
from app.core.db import unit_of_work
from tests.support.factories import OrgFixture

LOG = """query($slug: String!, $action: String, $actor: String, $since: DateTime, $until: DateTime, $first: Int) {
  organization(slug: $slug) {
    auditLog(action: $action, actor: $actor, since: $since, until: $until, first: $first) {
      totalCount
      edges { node { seq action actorKind actorLabel targetType targetId details ip userAgent createdAt } }
    }
  }
}"""
ADD = """mutation($u: String!) { addMember(input: {username: $u, displayName: "X", role: STUDENT,
  password: "a long enough password"}) { member { id } } }"""


async def log(client, org: OrgFixture, **filters) -> dict:
    result = await client.gql(LOG, {"slug": org.slug, **filters})
    return result.ok()["organization"]["auditLog"]


async def test_a_change_writes_one_event_saying_who_what_where(org: OrgFixture, signed_in):
    admin = await signed_in(org, "admin")
    before = (await log(admin, org))["totalCount"]
    await admin.gql(ADD, {"u": "newcomer"}, headers={"user-agent": "pytest-browser/1.0"})
    entries = await log(admin, org, first=1)
    assert entries["totalCount"] == before + 1
    event = entries["edges"][0]["node"]
    assert event["action"] == "member.added"
    assert event["actorKind"] == "MEMBER"
    assert event["actorLabel"] == "admin"
    assert event["targetType"] == "Member"
    assert event["details"] == {"username": "newcomer", "role": "STUDENT"}
    assert event["ip"] == admin.ip
    assert event["userAgent"] == "pytest-browser/1.0"


async def test_a_failed_change_writes_nothing(org: OrgFixture, signed_in):
    admin = await signed_in(org, "admin")
    before = (await log(admin, org))["totalCount"]
    assert (await admin.gql(ADD, {"u": "owner"})).code == "CONFLICT"
    assert (await log(admin, org))["totalCount"] == before


async def test_newest_first_with_filters(org: OrgFixture, signed_in):
    owner = await signed_in(org, "owner")
    admin = await signed_in(org, "admin")
    await owner.gql(ADD, {"u": "first.one"})
    await admin.gql(ADD, {"u": "second.one"})
    everything = await log(owner, org)
    seqs = [edge["node"]["seq"] for edge in everything["edges"]]
    assert seqs == sorted(seqs, reverse=True)
    by_admin = await log(owner, org, actor="admin", action="member.added")
    assert [e["node"]["details"]["username"] for e in by_admin["edges"]] == ["second.one"]
    logins = await log(owner, org, action="auth.login")
    assert {e["node"]["actorLabel"] for e in logins["edges"]} == {"owner", "admin"}
    future = (datetime.now(UTC) + timedelta(days=1)).isoformat()
    past = (datetime.now(UTC) - timedelta(days=1)).isoformat()
    assert (await log(owner, org, since=future))["totalCount"] == 0
    assert (await log(owner, org, since=past, until=future))["totalCount"] == everything[
        "totalCount"
    ]
    bad_range = await owner.gql(LOG, {"slug": org.slug, "since": future, "until": past})
    assert bad_range.code == "BAD_USER_INPUT"


@pytest.mark.parametrize(
    ("role", "allowed"), [("owner", True), ("admin", True), ("teacher", True), ("student", False)]
)
async def test_who_reads_the_audit_log(org: OrgFixture, signed_in, role: str, allowed: bool):
    client = await signed_in(org, role)
    result = await client.gql(LOG, {"slug": org.slug})
    if allowed:
        assert result.ok()["organization"]["auditLog"]["totalCount"] > 0
    else:
        assert result.code == "FORBIDDEN"
        assert result.errors[0]["extensions"]["requiredScopes"] == ["audit:read"]


async def test_another_orgs_log_is_not_found(org: OrgFixture, other_org: OrgFixture, signed_in):
    owner = await signed_in(org, "owner")
    assert (await owner.gql(LOG, {"slug": other_org.slug})).code == "NOT_FOUND"


# --- tamper evidence through `quizgraph audit verify` ---


def audit_verify(database_url: str) -> subprocess.CompletedProcess[str]:
    command = Path(sys.executable).parent / "quizgraph"
    env = {**os.environ, "QUIZGRAPH_DATABASE_URL": database_url}
    return subprocess.run(
        [str(command), "audit", "verify"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


async def seq_of(org: OrgFixture, n: int) -> AuditEvent:
    from sqlmodel import select

    async with unit_of_work(write=False) as db:
        found = await db.exec(
            select(AuditEvent).where(AuditEvent.org_id == org.id, AuditEvent.seq == n)
        )
        return found.one()


async def test_an_edited_event_is_named(org: OrgFixture, database_url: str):
    assert f"org {org.slug}," not in audit_verify(database_url).stdout
    target = await seq_of(org, 2)
    async with unit_of_work() as db:
        await db.execute(
            update(AuditEvent).where(AuditEvent.id == target.id).values(actor_label="mallory")
        )
    report = audit_verify(database_url)
    assert report.returncode == 1
    assert (
        f"BROKEN: org {org.slug}, event #2 (event {target.id}): content was changed"
        in report.stdout
    )


async def test_a_deleted_event_is_named(org: OrgFixture, database_url: str):
    target = await seq_of(org, 3)
    async with unit_of_work() as db:
        await db.execute(delete(AuditEvent).where(AuditEvent.id == target.id))
    report = audit_verify(database_url)
    assert report.returncode == 1
    assert f"BROKEN: org {org.slug}, event #3: event is missing (deleted)" in report.stdout


async def test_a_deleted_newest_event_is_noticed(org: OrgFixture, database_url: str):
    from app.orgs.models import Organization

    async with unit_of_work(write=False) as db:
        newest = (await db.get(Organization, org.id)).audit_seq
    target = await seq_of(org, newest)
    async with unit_of_work() as db:
        await db.execute(delete(AuditEvent).where(AuditEvent.id == target.id))
    report = audit_verify(database_url)
    assert (
        f"BROKEN: org {org.slug}, event #{newest}: newest events are missing (deleted)"
        in report.stdout
    )


async def test_a_rewritten_chain_without_the_key_is_caught(org: OrgFixture, database_url: str):
    # given an attacker who recomputes plain SHA-256 hashes after editing (no server key)
    import hashlib

    target = await seq_of(org, 1)
    forged = hashlib.sha256(b"forged").hexdigest()
    async with unit_of_work() as db:
        await db.execute(
            update(AuditEvent)
            .where(AuditEvent.id == target.id)
            .values(action="org.renamed", hash=forged)
        )
        await db.execute(
            update(AuditEvent)
            .where(AuditEvent.org_id == org.id, AuditEvent.seq == 2)
            .values(prev_hash=forged)
        )
    report = audit_verify(database_url)
    assert (
        f"BROKEN: org {org.slug}, event #1 (event {target.id}): content was changed"
        in report.stdout
    )
