"""GraphQL documents and helpers shared by the integrity tests."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from tests.quizzes.api import START, published_quiz
from tests.support.client import ApiClient, GraphQLResult

REPORT = """mutation($input: ReportIntegrityEventInput!) {
  reportIntegrityEvent(input: $input) {
    event { id type occurredAt recordedAt details description ipAddress attemptId memberId }
  }
}"""
REVIEW = """mutation($input: ReviewIntegrityFlagInput!) {
  reviewIntegrityFlag(input: $input) {
    attemptIntegrity { attemptId flagged review { outcome note reviewerId } }
  }
}"""
UPDATE_RULES = """mutation($input: UpdateIntegrityRulesInput!) {
  updateIntegrityRules(input: $input) {
    rules { maxPageSwitches maxHiddenSeconds maxIpAddresses maxDevices maxFullscreenExits
      maxClipboardEvents maxBulkAnswerChanges }
  }
}"""
RECORDS = """query($slug: String!, $flagged: Boolean, $unreviewed: Boolean, $attemptId: ID) {
  organization(slug: $slug) {
    integrityAttempts(flagged: $flagged, unreviewed: $unreviewed, attemptId: $attemptId) {
      totalCount
      edges { node { attemptId quizId pageSwitches hiddenSeconds fullscreenExits
        clipboardEvents bulkAnswerChanges ipAddressCount deviceCount eventCount hiddenSince flagged
        flaggedAt flagReasons { code description } review { outcome note }
        participant { username } quizTitle attempt { status }
        timeline(first: 100) { totalCount edges { node { type description occurredAt
          recordedAt details ipAddress } } } } }
    }
  }
}"""
EVENTS = """query($slug: String!, $attemptId: ID, $type: IntegrityEventType) {
  organization(slug: $slug) {
    integrityEvents(attemptId: $attemptId, type: $type, first: 100) {
      totalCount edges { node { type ipAddress attemptId } }
    }
  }
}"""
RULES = """query($slug: String!) { organization(slug: $slug) {
  integrityRules { maxPageSwitches maxHiddenSeconds maxIpAddresses maxDevices } } }"""
NOTICE = "query($slug: String!) { organization(slug: $slug) { integrityNotice } }"
SAVE = """mutation($input: AttemptAnswersInput!) { saveAttemptAnswers(input: $input) {
  attempt { id status } } }"""
SUBMIT = """mutation($input: AttemptAnswersInput!) { submitAttempt(input: $input) {
  attempt { id status } } }"""


async def open_attempt(teacher: ApiClient, student: ApiClient, **quiz: Any) -> str:
    """A quiz the teacher publishes, and the student's open attempt at it."""
    published = await published_quiz(teacher, **quiz)
    started = await student.gql(START, {"quizId": published["id"]})
    return str(started.ok()["startAttempt"]["attempt"]["id"])


async def report(
    client: ApiClient,
    attempt_id: str,
    type: str,
    *,
    at: datetime | None = None,
    details: Any = None,
    headers: dict[str, str] | None = None,
) -> GraphQLResult:
    given: dict[str, Any] = {"attemptId": attempt_id, "type": type}
    if at is not None:
        given["occurredAt"] = at.isoformat()
    if details is not None:
        given["details"] = details
    return await client.gql(REPORT, {"input": given}, headers=headers)


async def record_of(staff: ApiClient, slug: str, attempt_id: str) -> dict[str, Any]:
    result = await staff.gql(RECORDS, {"slug": slug, "attemptId": attempt_id})
    edges = result.ok()["organization"]["integrityAttempts"]["edges"]
    assert len(edges) == 1, edges
    node: dict[str, Any] = edges[0]["node"]
    return node
