"""Staff review flagged attempts: the list of flags waiting, cleared or confirmed with a
note, every step in the audit log."""

from __future__ import annotations

from typing import Any

from tests.integrity.support import RECORDS, REVIEW, UPDATE_RULES, open_attempt, report
from tests.support.client import ApiClient
from tests.support.factories import OrgFixture
from tests.support.fixture_types import SignIn

AUDIT = """query($slug: String!, $area: String) { organization(slug: $slug) {
  auditLog(area: $area, first: 20) { edges { node { action targetId details actorLabel } } } } }"""


async def flagged_attempt(teacher: ApiClient, student: ApiClient) -> str:
    attempt = await open_attempt(teacher, student)
    for _ in range(4):
        (await report(student, attempt, "PAGE_HIDDEN")).ok()
    return attempt


async def listed(client: ApiClient, slug: str, **filters: Any) -> list[str]:
    result = await client.gql(RECORDS, {"slug": slug, **filters})
    edges = result.ok()["organization"]["integrityAttempts"]["edges"]
    return [edge["node"]["attemptId"] for edge in edges]


def review(attempt: str, outcome: str, note: str | None = None) -> dict[str, Any]:
    return {"input": {"attemptId": attempt, "outcome": outcome, "note": note}}


async def test_the_review_flow(org: OrgFixture, signed_in: SignIn) -> None:
    # given one flagged attempt and one that is not
    teacher, student = await signed_in(org, "teacher"), await signed_in(org, "student")
    flagged = await flagged_attempt(teacher, student)
    calm = await open_attempt(teacher, student)
    # then the flags waiting for review list the flagged one only
    assert await listed(teacher, org.slug, flagged=True, unreviewed=True) == [flagged]
    assert await listed(teacher, org.slug, flagged=False) == [calm]
    # when the calm one is reviewed: refused, there is nothing to review
    refused = await teacher.gql(REVIEW, review(calm, "CONFIRMED"))
    assert refused.code == "CONFLICT"
    assert refused.errors[0]["extensions"]["reason"] == "NOT_FLAGGED"
    # when the teacher clears the flagged one with a note
    cleared = await teacher.gql(REVIEW, review(flagged, "CLEARED", "  Fire drill.  "))
    payload = cleared.ok()["reviewIntegrityFlag"]["attemptIntegrity"]
    assert payload["review"]["outcome"] == "CLEARED" and payload["review"]["note"] == "Fire drill."
    assert payload["review"]["reviewerId"] == org.account("teacher").global_id
    # then it no longer waits, and is listed as reviewed
    assert await listed(teacher, org.slug, flagged=True, unreviewed=True) == []
    assert await listed(teacher, org.slug, unreviewed=False) == [flagged]
    # when the admin confirms it after all
    admin = await signed_in(org, "admin")
    (await admin.gql(REVIEW, review(flagged, "CONFIRMED", "Seen on the log."))).ok()
    # then both reviews are in the audit log, after the flag itself
    log = await admin.gql(AUDIT, {"slug": org.slug, "area": "integrity"})
    entries = [edge["node"] for edge in log.ok()["organization"]["auditLog"]["edges"]]
    assert [(e["action"], e["actorLabel"]) for e in entries] == [
        ("integrity.reviewed", "admin"),
        ("integrity.reviewed", "teacher"),
        ("integrity.flagged", "student"),
    ]
    assert entries[0]["details"]["outcome"] == "CONFIRMED"
    assert entries[0]["details"]["previousOutcome"] == "CLEARED"


async def test_a_long_note_is_refused(org: OrgFixture, signed_in: SignIn) -> None:
    teacher, student = await signed_in(org, "teacher"), await signed_in(org, "student")
    flagged = await flagged_attempt(teacher, student)
    result = await teacher.gql(REVIEW, review(flagged, "CLEARED", "x" * 1001))
    assert result.code == "BAD_USER_INPUT" and "note" in result.errors[0]["extensions"]["fields"]
    assert await listed(teacher, org.slug, flagged=True, unreviewed=True) == [flagged]


async def test_rule_changes_are_audited_with_what_changed(
    org: OrgFixture, signed_in: SignIn
) -> None:
    owner = await signed_in(org, "owner")
    (await owner.gql(UPDATE_RULES, {"input": {"maxPageSwitches": 5, "maxDevices": 2}})).ok()
    (await owner.gql(UPDATE_RULES, {"input": {"maxPageSwitches": 5}})).ok()  # no change
    log = await owner.gql(AUDIT, {"slug": org.slug, "area": "integrity"})
    entries = [edge["node"] for edge in log.ok()["organization"]["auditLog"]["edges"]]
    assert [entry["action"] for entry in entries] == ["integrity.rules_updated"]
    assert entries[0]["details"] == {
        "maxPageSwitches": {"from": 3, "to": 5},
        "maxDevices": {"from": None, "to": 2},
    }
