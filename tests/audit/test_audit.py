"""The audit log: one event per change, readable by staff, and tamper-evident."""

from __future__ import annotations

import os
import subprocess
import sys
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from sqlalchemy import delete, update
from sqlalchemy.ext.asyncio import AsyncConnection
from sqlmodel import col

from app.audit.chain import checkpoint_signature_ok
from app.audit.models import AuditEvent
from app.core.db import unit_of_work
from tests.support.client import ApiClient
from tests.support.factories import OrgFixture
from tests.support.fixture_types import ClientFactory, SignIn
from tests.support.migrations import OLD_ORGANIZATIONS, migrated_from, old_org_values

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


async def log(client: ApiClient, org: OrgFixture, **filters: Any) -> dict[str, Any]:
    result = await client.gql(LOG, {"slug": org.slug, **filters})
    audit_log: dict[str, Any] = result.ok()["organization"]["auditLog"]
    return audit_log


async def test_a_change_writes_one_event_saying_who_what_where(
    org: OrgFixture, signed_in: SignIn
) -> None:
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


async def test_a_failed_change_writes_nothing(org: OrgFixture, signed_in: SignIn) -> None:
    admin = await signed_in(org, "admin")
    before = (await log(admin, org))["totalCount"]
    assert (await admin.gql(ADD, {"u": "owner"})).code == "CONFLICT"
    assert (await log(admin, org))["totalCount"] == before


async def test_newest_first_with_filters(org: OrgFixture, signed_in: SignIn) -> None:
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
async def test_who_reads_the_audit_log(
    org: OrgFixture, signed_in: SignIn, role: str, allowed: bool
) -> None:
    client = await signed_in(org, role)
    result = await client.gql(LOG, {"slug": org.slug})
    if allowed:
        assert result.ok()["organization"]["auditLog"]["totalCount"] > 0
    else:
        assert result.code == "FORBIDDEN"
        assert result.errors[0]["extensions"]["requiredScopes"] == ["audit:read"]


async def test_another_orgs_log_is_not_found(
    org: OrgFixture, other_org: OrgFixture, signed_in: SignIn
) -> None:
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
            select(AuditEvent).where(col(AuditEvent.org_id) == org.id, col(AuditEvent.seq) == n)
        )
        return found.one()


async def test_an_edited_event_is_named(org: OrgFixture, database_url: str) -> None:
    assert f"org {org.slug}," not in audit_verify(database_url).stdout
    target = await seq_of(org, 2)
    async with unit_of_work() as db:
        await db.execute(
            update(AuditEvent).where(col(AuditEvent.id) == target.id).values(actor_label="mallory")
        )
    report = audit_verify(database_url)
    assert report.returncode == 1
    assert (
        f"BROKEN: org {org.slug}, event #2 (event {target.id}): content was changed"
        in report.stdout
    )


async def test_a_deleted_event_is_named(org: OrgFixture, database_url: str) -> None:
    target = await seq_of(org, 3)
    async with unit_of_work() as db:
        await db.execute(delete(AuditEvent).where(col(AuditEvent.id) == target.id))
    report = audit_verify(database_url)
    assert report.returncode == 1
    assert f"BROKEN: org {org.slug}, event #3: event is missing (deleted)" in report.stdout


async def test_a_deleted_newest_event_is_noticed(org: OrgFixture, database_url: str) -> None:
    from app.orgs.models import Organization

    async with unit_of_work(write=False) as db:
        row = await db.get(Organization, org.id)
        assert row is not None
        newest = row.audit_seq
    target = await seq_of(org, newest)
    async with unit_of_work() as db:
        await db.execute(delete(AuditEvent).where(col(AuditEvent.id) == target.id))
    report = audit_verify(database_url)
    assert (
        f"BROKEN: org {org.slug}, event #{newest}: newest events are missing (deleted)"
        in report.stdout
    )


async def test_a_rewritten_chain_without_the_key_is_caught(
    org: OrgFixture, database_url: str
) -> None:
    # given an attacker who recomputes plain SHA-256 hashes after editing (no server key)
    import hashlib

    target = await seq_of(org, 1)
    forged = hashlib.sha256(b"forged").hexdigest()
    async with unit_of_work() as db:
        await db.execute(
            update(AuditEvent)
            .where(col(AuditEvent.id) == target.id)
            .values(action="org.renamed", hash=forged)
        )
        await db.execute(
            update(AuditEvent)
            .where(col(AuditEvent.org_id) == org.id, col(AuditEvent.seq) == 2)
            .values(prev_hash=forged)
        )
    report = audit_verify(database_url)
    assert (
        f"BROKEN: org {org.slug}, event #1 (event {target.id}): content was changed"
        in report.stdout
    )


# --- truncation: the chain's end is anchored by a signed checkpoint outside it ---


def audit_cli(database_url: str, *args: str) -> subprocess.CompletedProcess[str]:
    command = Path(sys.executable).parent / "quizgraph"
    env = {**os.environ, "QUIZGRAPH_DATABASE_URL": database_url}
    return subprocess.run(
        [str(command), "audit", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


async def problems_of(org: OrgFixture) -> list[str]:
    """What the function behind `audit verify` says about this org (other tests tamper too)."""
    from app.cli_actions import verify_audit

    return [link.reason for link in await verify_audit() if link.org_slug == org.slug]


async def newest_seq(org: OrgFixture) -> int:
    from app.orgs.models import Organization

    async with unit_of_work(write=False) as db:
        found = await db.get(Organization, org.id)
        assert found is not None
        return found.audit_seq


async def add_events(org: OrgFixture, count: int) -> None:
    from app.audit import service as audit
    from tests.support.factories import cli_context

    async with unit_of_work() as db:
        for n in range(count):
            await audit.record(cli_context(db), "test.event", org_id=org.id, details={"n": n})


async def cut_newest(org: OrgFixture, count: int) -> int:
    """Delete the newest ``count`` events and lower ``audit_seq`` to match; the old head."""
    from app.orgs.models import Organization

    head = await newest_seq(org)
    async with unit_of_work() as db:
        await db.execute(
            delete(AuditEvent).where(
                col(AuditEvent.org_id) == org.id, col(AuditEvent.seq) > head - count
            )
        )
        await db.execute(
            update(Organization)
            .where(col(Organization.id) == org.id)
            .values(audit_seq=Organization.audit_seq - count)
        )
    return head


async def test_an_untouched_log_verifies_intact(org: OrgFixture, database_url: str) -> None:
    await add_events(org, 3)
    assert await problems_of(org) == []
    report = audit_cli(database_url, "verify")
    assert f"org {org.slug}" not in report.stdout + report.stderr


@pytest.mark.parametrize("count", [1, 20])
async def test_the_newest_events_cut_off_with_the_counter_lowered_are_noticed(
    org: OrgFixture, database_url: str, count: int
) -> None:
    # given a log of more than 20 events
    await add_events(org, 20)
    # when the newest are deleted and audit_seq lowered by as much (the chain stays valid)
    head = await cut_newest(org, count)
    # then verify names the cut: the signed checkpoint vouches for more
    report = audit_cli(database_url, "verify")
    assert report.returncode == 1
    assert (
        f"BROKEN: org {org.slug}, event #{head - count + 1}: newest events are missing "
        f"(deleted): the signed checkpoint vouches for #{head}, the log ends at #{head - count}"
    ) in report.stdout
    assert len(await problems_of(org)) == 1


async def test_a_wiped_log_is_noticed(org: OrgFixture, database_url: str) -> None:
    from app.orgs.models import Organization

    head = await newest_seq(org)
    async with unit_of_work() as db:
        await db.execute(delete(AuditEvent).where(col(AuditEvent.org_id) == org.id))
        await db.execute(
            update(Organization).where(col(Organization.id) == org.id).values(audit_seq=0)
        )
    report = audit_cli(database_url, "verify")
    assert report.returncode == 1
    assert (
        f"BROKEN: org {org.slug}, event #1: newest events are missing (deleted): the signed "
        f"checkpoint vouches for #{head}, the log ends at #0 (wiped)"
    ) in report.stdout


async def test_a_deleted_org_with_a_checkpoint_is_noticed(
    org: OrgFixture, database_url: str
) -> None:
    from app.orgs.models import Organization

    head = await newest_seq(org)
    async with unit_of_work() as db:
        await db.execute(delete(AuditEvent).where(col(AuditEvent.org_id) == org.id))
        await db.execute(delete(Organization).where(col(Organization.id) == org.id))
    report = audit_cli(database_url, "verify")
    assert report.returncode == 1
    assert (
        f"BROKEN: org {org.slug}: the organization is missing (deleted) but has a signed "
        f"checkpoint at #{head}"
    ) in report.stdout


async def test_a_deleted_or_forged_checkpoint_is_noticed(
    org: OrgFixture, other_org: OrgFixture, database_url: str
) -> None:
    from app.audit.models import AuditCheckpoint

    # the checkpoint deleted along with the wiped log
    async with unit_of_work() as db:
        await db.execute(delete(AuditCheckpoint).where(col(AuditCheckpoint.org_id) == org.id))
    assert await problems_of(org) == [
        "the signed checkpoint is missing (deleted): the log's end can't be vouched for"
    ]
    # a checkpoint lowered to match a cut log, without the server key to sign it
    head = await cut_newest(other_org, 1)
    async with unit_of_work() as db:
        await db.execute(
            update(AuditCheckpoint)
            .where(col(AuditCheckpoint.org_id) == other_org.id)
            .values(seq=head - 1)
        )
    assert await problems_of(other_org) == [
        "the signed checkpoint's signature is wrong (forged or edited)"
    ]


async def test_an_exported_checkpoint_catches_a_rolled_back_checkpoint(
    org: OrgFixture, database_url: str, tmp_path: Path
) -> None:
    import json

    from app.audit.models import AuditCheckpoint

    # given an attacker who can write the database (not knowing the key) and kept a copy
    # of an old signed checkpoint
    async with unit_of_work(write=False) as db:
        old = await db.get(AuditCheckpoint, org.id)
        assert old is not None
        kept = {"seq": old.seq, "head_hash": old.head_hash, "signature": old.signature}
    # and newer events whose checkpoint was exported to a file kept outside the database
    await add_events(org, 2)
    exported = tmp_path / "checkpoints.jsonl"
    audit_cli(database_url, "checkpoint", "--output", str(exported))
    lines = [json.loads(line) for line in exported.read_text().splitlines()]
    head = await newest_seq(org)
    assert next(line for line in lines if line["orgSlug"] == org.slug)["seq"] == head
    # when the attacker cuts the log back to the old checkpoint and puts that back
    await cut_newest(org, 2)
    async with unit_of_work() as db:
        await db.execute(
            update(AuditCheckpoint).where(col(AuditCheckpoint.org_id) == org.id).values(**kept)
        )
    # then the database alone looks intact (this is what the exported file is for)
    assert await problems_of(org) == []
    # but checked against the exported file, the cut shows
    report = audit_cli(database_url, "verify", "--checkpoints", str(exported))
    assert report.returncode == 1
    assert (
        f"BROKEN: org {org.slug}, event #{head}: event #{head}, which the exported checkpoint "
        "vouches for, is missing (deleted)"
    ) in report.stdout


async def test_the_migration_signs_the_heads_of_existing_logs(
    database_url: str, tmp_path: Path
) -> None:
    """Orgs with events before checkpoints existed get one of their current head."""
    events = sa.table(
        "audit_events",
        *(sa.column(name) for name in ["seq", "action", "actor_kind", "actor_label"]),
        *(sa.column(name) for name in ["details", "created_at", "prev_hash", "hash"]),
        sa.column("id", sa.Uuid),
        sa.column("org_id", sa.Uuid),
    )
    now = datetime.now(UTC)
    org_id = uuid.uuid4()
    hashes = ["a" * 64, "b" * 64]

    async def seed(db: AsyncConnection) -> None:
        await db.execute(
            OLD_ORGANIZATIONS.insert().values(
                **old_org_values(org_id, "old-org", audit_seq=2, now=now)
            )
        )
        for seq, (prev, own) in enumerate(zip(["0" * 64, hashes[0]], hashes, strict=True), 1):
            await db.execute(
                events.insert().values(
                    id=uuid.uuid4(),
                    org_id=org_id,
                    seq=seq,
                    action="test.event",
                    actor_kind="PLATFORM_ADMIN",
                    actor_label="cli",
                    details="{}",
                    created_at=now,
                    prev_hash=prev,
                    hash=own,
                )
            )

    async with (
        migrated_from(database_url, tmp_path, "f611242705ab", "8c2cd9701ba1", seed) as engine,
        engine.connect() as db,
    ):
        rows = (await db.execute(sa.text("SELECT * FROM audit_checkpoints"))).mappings().all()
    assert len(rows) == 1
    row = rows[0]
    assert (row["org_slug"], row["seq"], row["head_hash"]) == ("old-org", 2, hashes[1])
    assert checkpoint_signature_ok(org_id, 2, hashes[1], row["signature"])


BY_ACTOR_ID = """query($slug: String!, $actorId: ID!) {
  organization(slug: $slug) { auditLog(actorId: $actorId) { totalCount edges { node { actorLabel } } } }
}"""


async def test_the_actor_id_filter_takes_only_a_member_or_key_id(
    org: OrgFixture, signed_in: SignIn
) -> None:
    from strawberry import relay

    owner = await signed_in(org, "owner")
    await signed_in(org, "admin")
    admin_id = org.account("admin").id
    # a member's id filters by that member
    by_member = await owner.gql(
        BY_ACTOR_ID, {"slug": org.slug, "actorId": org.account("admin").global_id}
    )
    events = by_member.ok()["organization"]["auditLog"]
    assert events["totalCount"] > 0
    assert {edge["node"]["actorLabel"] for edge in events["edges"]} == {"admin"}
    # while a global id of another type (here a Quiz id around the same uuid) is refused
    quiz_id = str(relay.GlobalID("Quiz", str(admin_id)))
    refused = await owner.gql(BY_ACTOR_ID, {"slug": org.slug, "actorId": quiz_id})
    assert refused.code == "BAD_USER_INPUT"
    assert refused.errors[0]["extensions"]["fields"] == {
        "actorId": "is not the id of a Member or an ApiKey"
    }
    assert refused.data == {"organization": {"auditLog": None}}  # the list alone is null


# --- changes made by `quizgraph` commands name the command line, not a made-up account ---

CLI_EVENTS = """query($slug: String!) {
  organization(slug: $slug) {
    auditLog { edges { node { seq action actorKind actorId actorLabel } } }
  }
}"""


async def test_a_cli_command_is_recorded_as_the_cli(
    database_url: str, client_factory: ClientFactory
) -> None:
    import json

    # given an org made by the real command line
    slug = f"cli-{os.urandom(4).hex()}"
    made = audit_cli_command(
        database_url, "create-org", "--slug", slug, "--name", "By CLI", "--json"
    )
    created = json.loads(made.stdout)
    # when its owner reads the audit log
    owner = client_factory()
    signed = await owner.login(
        slug, created["portalCode"], created["ownerUsername"], created["ownerPassword"]
    )
    signed.ok()
    edges = (await owner.gql(CLI_EVENTS, {"slug": slug})).ok()["organization"]["auditLog"]
    by_seq = {edge["node"]["seq"]: edge["node"] for edge in edges["edges"]}
    # then the org's creation names the command line, with no actor id
    assert by_seq[1] == {
        "seq": 1,
        "action": "org.created",
        "actorKind": "CLI",
        "actorId": None,
        "actorLabel": "quizgraph CLI",
    }
    # and its chain verifies (other tests break other orgs' chains on purpose)
    from app.cli_actions import verify_audit

    assert [link.reason for link in await verify_audit() if link.org_slug == slug] == []
    report = audit_cli(database_url, "verify")
    assert f"org {slug}" not in report.stdout + report.stderr


async def test_old_all_zero_cli_rows_still_verify_beside_new_ones(org: OrgFixture) -> None:
    import uuid

    from app.access.actor import platform_admin_actor
    from app.access.request import ServiceContext
    from app.audit import service as audit
    from app.cli_actions import CLI_META
    from tests.support.factories import cli_context

    # given an event written as the command line wrote them before (an all-zero staff id)
    old_cli = platform_admin_actor(uuid.UUID(int=0), "cli")
    async with unit_of_work() as db:
        await audit.record(ServiceContext(db, old_cli, CLI_META), "test.old", org_id=org.id)
    # and one written as it writes them now
    async with unit_of_work() as db:
        await audit.record(cli_context(db), "test.new", org_id=org.id)
    head = await newest_seq(org)
    old, new = await seq_of(org, head - 1), await seq_of(org, head)
    assert (old.actor_kind, old.actor_id) == ("PLATFORM_ADMIN", uuid.UUID(int=0))
    assert (new.actor_kind, new.actor_id, new.actor_label) == ("CLI", None, "quizgraph CLI")
    # then the history is left as it was written, and the whole chain verifies
    assert await problems_of(org) == []


def audit_cli_command(database_url: str, *args: str) -> subprocess.CompletedProcess[str]:
    command = Path(sys.executable).parent / "quizgraph"
    env = {**os.environ, "QUIZGRAPH_DATABASE_URL": database_url}
    done = subprocess.run(
        [str(command), *args], env=env, capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode == 0, done.stderr
    return done


async def test_verify_can_check_one_org(
    org: OrgFixture, other_org: OrgFixture, database_url: str
) -> None:
    # given one org whose log was cut and one untouched
    await add_events(org, 3)
    await cut_newest(org, 1)
    # then verifying the untouched org alone says it is intact
    alone = audit_cli(database_url, "verify", "--org", other_org.slug)
    assert alone.returncode == 0, alone.stdout + alone.stderr
    assert f"audit log intact for {other_org.slug}" in alone.stdout
    # while verifying the cut one alone names it, and nothing of the other
    cut = audit_cli(database_url, "verify", "--org", org.slug)
    assert cut.returncode == 1
    assert f"BROKEN: org {org.slug}" in cut.stdout
    assert other_org.slug not in cut.stdout
