"""Documents and helpers shared by the accounts tests."""

from __future__ import annotations

import json
from typing import Any

from tests.support.client import ApiClient, GraphQLResult
from tests.support.factories import OrgFixture

VIEWER = "{ viewer { kind passwordChangeRequired scopes member { username } } }"
CHANGE = """mutation($input: ChangeMyPasswordInput!) {
  changeMyPassword(input: $input) { endedSessions viewer { passwordChangeRequired scopes } } }"""
TEMPORARY = """mutation($input: SetTemporaryPasswordInput!) {
  setTemporaryPassword(input: $input) { temporaryPassword member { username passwordChangeRequired } } }"""
LINK = """mutation($input: CreatePasswordResetLinkInput!) {
  createPasswordResetLink(input: $input) {
    url expiresAt emailedTo emailProblem member { username } } }"""
LINK_INFO = """query($token: String!) { passwordResetLink(token: $token) {
  username displayName organizationName organizationSlug expiresAt passwordPolicy { minLength } } }"""
USE_LINK = """mutation($input: ResetPasswordWithLinkInput!) {
  resetPasswordWithLink(input: $input) { viewer { kind member { username } } } }"""
POLICY = """mutation($input: UpdatePasswordPolicyInput!) {
  updatePasswordPolicy(input: $input) { passwordPolicy { minLength rejectCommonPasswords } } }"""
IMPORT = """mutation($input: ImportMembersInput!) { importMembers(input: $input) {
  dryRun rowCount validRowCount problemCount importedCount generatedPasswordCount credentialsCsv
  problems { line column code message } } }"""
LOG = """query($slug: String!, $action: String) { organization(slug: $slug) {
  auditLog(action: $action, first: 50) { totalCount
    edges { node { action actorLabel targetId details ip } } } } }"""
MEMBERS = """query($slug: String!, $search: String) { organization(slug: $slug) {
  members(search: $search, first: 100) { totalCount edges { node { username role } } } } }"""
NEW_PASSWORD = "a brand new passphrase"


def field_code(result: GraphQLResult, field: str) -> str | None:
    """The code ``extensions.fieldCodes`` gives ``field`` (BAD_USER_INPUT of a password)."""
    assert result.code == "BAD_USER_INPUT", result
    codes: dict[str, str] = result.errors[0]["extensions"].get("fieldCodes", {})
    return codes.get(field)


def token_of(url: str) -> str:
    return url.split("#token=", 1)[1]


async def sign_in(
    client: ApiClient, org: OrgFixture, username: str, password: str
) -> GraphQLResult:
    return await client.login(org.slug, org.portal_code, username, password)


async def change(client: ApiClient, current: str, new: str) -> GraphQLResult:
    return await client.gql(CHANGE, {"input": {"currentPassword": current, "newPassword": new}})


async def audit_events(client: ApiClient, org: OrgFixture, action: str) -> list[dict[str, Any]]:
    result = await client.gql(LOG, {"slug": org.slug, "action": action})
    return [edge["node"] for edge in result.ok()["organization"]["auditLog"]["edges"]]


async def upload_csv(client: ApiClient, name: str, data: bytes, *, dry_run: bool) -> GraphQLResult:
    """importMembers as a GraphQL multipart request (a file picked in the dashboard)."""
    operations = {"query": IMPORT, "variables": {"input": {"file": None, "dryRun": dry_run}}}
    response = await client.http.post(
        "/graphql",
        data={
            "operations": json.dumps(operations),
            "map": json.dumps({"0": ["variables.input.file"]}),
        },
        files={"0": (name, data, "text/csv")},
        headers={"GraphQL-Preflight": "1"},
    )
    return GraphQLResult(response)


async def import_text(client: ApiClient, text: str, *, dry_run: bool) -> GraphQLResult:
    return await client.gql(IMPORT, {"input": {"text": text, "dryRun": dry_run}})
