"""Who sees and revokes certificates: staff with attempts:read list the org's, students
their own; staff with quizzes:write revoke (audited); another org's are not found."""

from __future__ import annotations

from app.access.scopes import Role
from tests.api_keys.support import create_key
from tests.certificates.support import (
    AUDIT,
    CERTIFICATES,
    NODE,
    REVOKE,
    certificate_quiz,
    certificates_of,
    issued,
    take,
)
from tests.support.factories import OrgFixture
from tests.support.fixture_types import ClientFactory, SignIn


async def test_staff_list_the_orgs_students_their_own(org: OrgFixture, signed_in: SignIn) -> None:
    # given two students who each passed a certificate quiz, one of them two
    teacher = await signed_in(org, "teacher")
    await org.add("student2", Role.STUDENT)
    student, classmate = await signed_in(org, "student"), await signed_in(org, "student2")
    algebra = await certificate_quiz(teacher, title="Algebra")
    geometry = await certificate_quiz(teacher, title="Geometry")
    await take(student, algebra)
    await take(student, geometry)
    await take(classmate, algebra)
    # then staff see all three, filtered by quiz or member
    assert len(await certificates_of(teacher, org.slug)) == 3
    by_quiz = await certificates_of(teacher, org.slug, quizId=algebra["id"])
    assert sorted(c["holderName"] for c in by_quiz) == ["Student", "Student2"]
    mine = org.account("student").global_id
    assert {c["title"] for c in await certificates_of(teacher, org.slug, memberId=mine)} == {
        "Algebra",
        "Geometry",
    }
    # and each student sees their own only, and may not ask for another's
    assert [c["title"] for c in await certificates_of(classmate, org.slug)] == ["Algebra"]
    asked = await classmate.gql(CERTIFICATES, {"slug": org.slug, "memberId": mine})
    assert asked.code == "FORBIDDEN"
    # and node(id:) follows the same rule
    theirs = (await certificates_of(classmate, org.slug))[0]
    assert (await student.gql(NODE, {"id": theirs["id"]})).code == "NOT_FOUND"
    assert (await teacher.gql(NODE, {"id": theirs["id"]})).ok()["node"]["id"] == theirs["id"]
    assert (await classmate.gql(NODE, {"id": theirs["id"]})).ok()["node"]["holder"] == {
        "username": "student2"
    }


async def test_staff_revoke_with_a_reason_and_it_is_audited(
    org: OrgFixture, signed_in: SignIn
) -> None:
    # given a student's certificate
    teacher, student = await signed_in(org, "teacher"), await signed_in(org, "student")
    certificate = await issued(teacher, student, org.slug)
    # when the student tries to revoke their own, or staff give no reason
    own = await student.gql(REVOKE, {"input": {"id": certificate["id"], "reason": "mine"}})
    blank = await teacher.gql(REVOKE, {"input": {"id": certificate["id"], "reason": "  "}})
    too_long = await teacher.gql(REVOKE, {"input": {"id": certificate["id"], "reason": "x" * 501}})
    # then nothing changes
    assert own.code == "FORBIDDEN"
    assert blank.code == "BAD_USER_INPUT" and "reason" in blank.errors[0]["extensions"]["fields"]
    assert too_long.code == "BAD_USER_INPUT"
    assert (await certificates_of(teacher, org.slug, revoked=True)) == []
    # when staff revoke it with a reason
    revoked = await teacher.gql(
        REVOKE, {"input": {"id": certificate["id"], "reason": "Answers were shared"}}
    )
    body = revoked.ok()["revokeCertificate"]["certificate"]
    # then it is revoked, staff read why, its holder doesn't (the reason isn't public)
    assert body["valid"] is False and body["revokedAt"] is not None
    assert body["revocationReason"] == "Answers were shared"
    [held] = await certificates_of(student, org.slug)
    assert held["valid"] is False and held["revocationReason"] is None
    assert len(await certificates_of(teacher, org.slug, revoked=True)) == 1
    assert await certificates_of(teacher, org.slug, revoked=False) == []
    # and revoking it again keeps the first revocation
    again = await teacher.gql(REVOKE, {"input": {"id": certificate["id"], "reason": "Other"}})
    assert again.ok()["revokeCertificate"]["certificate"] == body
    # and the audit log has it once, with the reason
    owner = await signed_in(org, "owner")
    audit = (await owner.gql(AUDIT, {"slug": org.slug, "action": "certificate.revoked"})).ok()
    log = audit["organization"]["auditLog"]
    assert log["totalCount"] == 1
    assert log["edges"][0]["node"]["details"]["reason"] == "Answers were shared"
    assert log["edges"][0]["node"]["details"]["code"] == certificate["code"]


async def test_keys_need_attempts_read_and_quizzes_write_to_revoke(
    org: OrgFixture, signed_in: SignIn, client_factory: ClientFactory
) -> None:
    owner, teacher = await signed_in(org, "owner"), await signed_in(org, "teacher")
    student = await signed_in(org, "student")
    certificate = await issued(teacher, student, org.slug)
    reader = await create_key(owner, ["attempts:read"])
    writer = await create_key(owner, ["attempts:read", "quizzes:write"])
    partner = client_factory()
    variables = {"input": {"id": certificate["id"], "reason": "Revoked by the ERP"}}
    # a key that reads results lists the certificates but can't revoke
    listed = await partner.gql(CERTIFICATES, {"slug": org.slug}, headers=reader.headers)
    assert listed.ok()["organization"]["certificates"]["totalCount"] == 1
    refused = await partner.gql(REVOKE, variables, headers=reader.headers)
    assert refused.code == "FORBIDDEN"
    assert refused.errors[0]["extensions"]["requiredScopes"] == ["quizzes:write"]
    # one that also writes quizzes can
    done = await partner.gql(REVOKE, variables, headers=writer.headers)
    assert done.ok()["revokeCertificate"]["certificate"]["valid"] is False


async def test_another_orgs_certificates_are_not_found(
    org: OrgFixture, other_org: OrgFixture, signed_in: SignIn
) -> None:
    # given a certificate in one org
    teacher, student = await signed_in(org, "teacher"), await signed_in(org, "student")
    certificate = await issued(teacher, student, org.slug)
    # then staff of another org neither list, read nor revoke it
    stranger = await signed_in(other_org, "owner")
    assert await certificates_of(stranger, other_org.slug) == []
    assert (await stranger.gql(CERTIFICATES, {"slug": org.slug})).code == "NOT_FOUND"
    assert (await stranger.gql(NODE, {"id": certificate["id"]})).code == "NOT_FOUND"
    revoked = await stranger.gql(REVOKE, {"input": {"id": certificate["id"], "reason": "no"}})
    assert revoked.code == "NOT_FOUND"
    # and it is still valid
    assert (await certificates_of(teacher, org.slug))[0]["valid"] is True
