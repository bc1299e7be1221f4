"""GraphQL documents and helpers shared by the certificate tests."""

from __future__ import annotations

from typing import Any

from tests.quizzes.api import SUBMIT, published_quiz, right_answers
from tests.support.client import ApiClient

CERTIFICATE_FIELDS = """id kind code holderName title memberId quizId attemptId tournamentId
score maxScore percentage rank issuedAt revokedAt valid revocationReason
revocationReasonPublic verificationPath verificationUrl pdfUrl holder { username }"""

CERTIFICATES = f"""query($slug: String!, $quizId: ID, $memberId: ID, $revoked: Boolean) {{
  organization(slug: $slug) {{
    certificates(quizId: $quizId, memberId: $memberId, revoked: $revoked, first: 100) {{
      totalCount edges {{ node {{ {CERTIFICATE_FIELDS} }} }} }} }} }}"""
NODE = (
    f"""query($id: ID!) {{ node(id: $id) {{ ... on Certificate {{ {CERTIFICATE_FIELDS} }} }} }}"""
)
REVOKE = f"""mutation($input: RevokeCertificateInput!) {{
  revokeCertificate(input: $input) {{ certificate {{ {CERTIFICATE_FIELDS} }} }} }}"""
START = """mutation($quizId: ID!) { startAttempt(input: {quizId: $quizId}) {
  attempt { id } } }"""
AUDIT = """query($slug: String!, $action: String) { organization(slug: $slug) {
  auditLog(action: $action, first: 50) { totalCount edges { node { action details } } } } }"""


async def certificate_quiz(teacher: ApiClient, **overrides: Any) -> dict[str, Any]:
    """A published quiz that issues a certificate on a pass (pass mark 50%)."""
    settings = {"passMarkPercent": 50, "certificateOnPass": True, **overrides}
    return await published_quiz(teacher, **settings)


def submit_input(attempt_id: str, answers: list[dict[str, Any]]) -> dict[str, Any]:
    return {"input": {"attemptId": attempt_id, "answers": answers}}


async def start(student: ApiClient, quiz: dict[str, Any]) -> str:
    started = await student.gql(START, {"quizId": quiz["id"]})
    return str(started.ok()["startAttempt"]["attempt"]["id"])


async def take(student: ApiClient, quiz: dict[str, Any], *, passing: bool = True) -> dict[str, Any]:
    """Start and submit an attempt: every answer right, or none given (a fail)."""
    attempt_id = await start(student, quiz)
    answers = right_answers(quiz) if passing else []
    submitted = await student.gql(SUBMIT, submit_input(attempt_id, answers))
    attempt: dict[str, Any] = submitted.ok()["submitAttempt"]["attempt"]
    return attempt


async def certificates_of(client: ApiClient, slug: str, **filters: Any) -> list[dict[str, Any]]:
    listed = await client.gql(CERTIFICATES, {"slug": slug, **filters})
    connection = listed.ok()["organization"]["certificates"]
    return [edge["node"] for edge in connection["edges"]]


async def issued(teacher: ApiClient, student: ApiClient, slug: str) -> dict[str, Any]:
    """A certificate the student earned by passing a fresh certificate quiz."""
    quiz = await certificate_quiz(teacher)
    await take(student, quiz)
    found = await certificates_of(student, slug, quizId=quiz["id"])
    assert len(found) == 1
    return found[0]
