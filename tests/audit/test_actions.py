"""The audit log in words: the catalog of actions, target names, and the area and
sign-in filters the dashboard's picker and fold use.

The dashboard writes a sentence for each action (frontend/src/lib/auditSentence.ts); its
unit tests read the actions from ``frontend/tests/server-audit-actions.json`` and fail on
one without a sentence of its own. This file keeps that list equal to the catalog: after
adding an action, rewrite it with ``QUIZGRAPH_WRITE_AUDIT_ACTIONS=1 uv run pytest
tests/audit/test_actions.py`` and give the action a sentence.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path
from typing import Any

from app.audit.actions import ACTIONS, AREA_NAMES, BY_NAME
from tests.api_keys.support import SET_ENABLED, create_key
from tests.quizzes.api import START, published_quiz
from tests.support.client import ApiClient
from tests.support.factories import OrgFixture
from tests.support.fixture_types import SignIn
from tests.support.golden import assert_json_file_is

ROOT = Path(__file__).resolve().parents[2]
APP = ROOT / "app"
DASHBOARD_ACTIONS = ROOT / "frontend" / "tests" / "server-audit-actions.json"
ACTION_LIKE = re.compile(r"^([a-z_]+)\.[a-z_]+$")

LOG = """query($slug: String!, $action: String, $area: String, $exclude: [String!], $first: Int) {
  organization(slug: $slug) {
    auditLog(action: $action, area: $area, excludeActions: $exclude, first: $first) {
      totalCount
      edges { node { action actorLabel targetType targetId targetLabel targetNodeId
        actionInfo { label area areaLabel } ip } }
    }
  }
}"""
ACTIONS_QUERY = """query($slug: String!) {
  organization(slug: $slug) { auditActions { action label area areaLabel } }
}"""


async def events(client: ApiClient, org: OrgFixture, **filters: Any) -> list[dict[str, Any]]:
    result = await client.gql(LOG, {"slug": org.slug, **filters})
    edges = result.ok()["organization"]["auditLog"]["edges"]
    return [edge["node"] for edge in edges]


def _recorded_actions() -> set[str]:
    """Action-like string literals in every module of app/ that writes audit events."""
    found: set[str] = set()
    for path in APP.rglob("*.py"):
        if path.is_relative_to(APP / "audit"):
            continue
        source = path.read_text()
        if "audit.record(" not in source:
            continue
        for node in ast.walk(ast.parse(source)):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                match = ACTION_LIKE.match(node.value)
                if match and match.group(1) in AREA_NAMES:
                    found.add(node.value)
    return found


def test_every_recorded_action_is_in_the_catalog() -> None:
    recorded = _recorded_actions()
    assert "api_key.disabled" in recorded  # the scan sees the domains' literals
    assert recorded - set(BY_NAME) == set()


def test_the_catalog_names_each_action_once_in_a_known_area() -> None:
    assert len(BY_NAME) == len(ACTIONS)
    for info in ACTIONS:
        assert info.action.split(".")[0] == info.area.name
        assert info.label


def test_the_dashboards_list_of_actions_is_the_catalog() -> None:
    # A new action also wants its sentence in frontend/src/lib/auditSentence.ts (a
    # Vitest test fails on an action with the generic one).
    assert_json_file_is(
        DASHBOARD_ACTIONS,
        [info.action for info in ACTIONS],
        rewrite_env="QUIZGRAPH_WRITE_AUDIT_ACTIONS",
        source="app/audit/actions.py",
    )


async def test_the_picker_list_comes_grouped_by_area(org: OrgFixture, signed_in: SignIn) -> None:
    teacher = await signed_in(org, "teacher")
    listed = (await teacher.gql(ACTIONS_QUERY, {"slug": org.slug})).ok()["organization"]
    actions = listed["auditActions"]
    assert [a["action"] for a in actions] == [info.action for info in ACTIONS]
    assert {"action": "api_key.disabled", "label": "Key disabled", "area": "api_key",
            "areaLabel": "API keys"} in actions  # fmt: skip
    areas = [a["area"] for a in actions]
    # Each area's actions are next to each other.
    assert [area for i, area in enumerate(areas) if i == 0 or areas[i - 1] != area] == list(
        dict.fromkeys(areas)
    )
    student = await signed_in(org, "student")
    refused = await student.gql(ACTIONS_QUERY, {"slug": org.slug})
    assert refused.code == "FORBIDDEN"


async def test_a_key_event_names_the_key_by_prefix_and_name(
    org: OrgFixture, signed_in: SignIn
) -> None:
    owner = await signed_in(org, "owner")
    key = await create_key(owner, ["quizzes:read"], name="Nightly sync")
    disabled = await owner.gql(SET_ENABLED, {"input": {"id": key.id, "enabled": False}})
    disabled.ok()
    [event] = await events(owner, org, action="api_key.disabled")
    assert event["actorLabel"] == "owner"
    assert event["targetLabel"] == f"{key.prefix}… (Nightly sync)"
    assert event["targetNodeId"] == key.id
    assert event["actionInfo"] == {"label": "Key disabled", "area": "api_key",
                                   "areaLabel": "API keys"}  # fmt: skip


async def test_members_quizzes_sign_ins_and_attempts_are_named(
    org: OrgFixture, signed_in: SignIn
) -> None:
    owner = await signed_in(org, "owner")
    quiz = await published_quiz(owner, title="Fractions")
    student = await signed_in(org, "student")
    (await student.gql(START, {"quizId": quiz["id"]})).ok()
    labels = {(e["action"], e["targetLabel"]) for e in await events(owner, org, first=100)}
    assert ("quiz.created", "Fractions") in labels
    assert ("quiz.published", "Fractions") in labels
    assert ("auth.login", "student") in labels
    assert ("attempt.started", "Fractions") in labels
    assert ("member.added", "student") in labels


async def test_area_and_excluded_actions_filter(org: OrgFixture, signed_in: SignIn) -> None:
    owner = await signed_in(org, "owner")
    await signed_in(org, "admin")
    key = await create_key(owner, ["quizzes:read"], name="k")
    (await owner.gql(SET_ENABLED, {"input": {"id": key.id, "enabled": False}})).ok()
    keyed = await events(owner, org, area="api_key")
    assert sorted(e["action"] for e in keyed) == ["api_key.created", "api_key.disabled"]
    everything = await events(owner, org, first=100)
    assert any(e["action"] == "auth.login" for e in everything)
    folded = await events(owner, org, first=100, exclude=["auth.login"])
    assert [e for e in everything if e["action"] != "auth.login"] == folded
    unknown = await owner.gql(LOG, {"slug": org.slug, "area": "api"})
    assert unknown.code == "BAD_USER_INPUT"
    assert "area" in unknown.errors[0]["extensions"]["fields"]


async def test_client_details_stay_for_owners_and_admins(
    org: OrgFixture, signed_in: SignIn
) -> None:
    teacher = await signed_in(org, "teacher")
    admin = await signed_in(org, "admin")
    assert all(e["ip"] is None for e in await events(teacher, org, first=100))
    assert any(e["ip"] is not None for e in await events(admin, org, first=100))
