"""The platform log: the command line's platform actions are in it, and every action the
code records is catalogued with words to read it in."""

from __future__ import annotations

import ast
from pathlib import Path

from app.cli_actions import create_platform_admin, create_platform_key
from app.core.clock import FrozenClock
from app.platform import actions
from tests.platform.support import PASSWORD, console, new_admin, sign_in
from tests.support.factories import OrgFixture
from tests.support.fixture_types import ClientFactory

APP = Path(__file__).resolve().parents[2] / "app"
LOG = """query($action: String) { platformAuditLog(action: $action, first: 100) {
  edges { node { action actorKind actorLabel orgSlug targetType details } } } }"""


async def test_the_command_lines_platform_actions_are_in_the_platform_log(
    org: OrgFixture, client_factory: ClientFactory, frozen_clock: FrozenClock
) -> None:
    # given a platform admin and a key restricted to an org, both made on the command line
    await create_platform_admin("cli-made-admin", PASSWORD)
    admin = await new_admin()
    secret = await create_platform_key(
        admin_username=admin.username,
        name="cli key",
        scopes=["org:read"],
        org_slugs=[org.slug],
        rate_limit_per_minute=60,
    )
    # when staff read the platform log
    staff = client_factory()
    await sign_in(staff, admin)
    made = (await console(staff, LOG, {"action": actions.ADMIN_CREATED})).ok()
    keys = (await console(staff, LOG, {"action": actions.KEY_CREATED})).ok()
    # then both are there, by the command line, never with a password or secret
    admins = [edge["node"] for edge in made["platformAuditLog"]["edges"]]
    mine = [row for row in admins if row["details"]["username"] == "cli-made-admin"]
    assert len(mine) == 1 and mine[0]["actorKind"] == "CLI"
    assert mine[0]["actorLabel"] == "quizgraph CLI"
    key_rows = [
        edge["node"]
        for edge in keys["platformAuditLog"]["edges"]
        if edge["node"]["details"]["name"] == "cli key"
    ]
    assert len(key_rows) == 1 and key_rows[0]["orgSlug"] == org.slug
    assert PASSWORD not in str(made) and secret not in str(keys)


async def test_an_unknown_action_filter_is_refused(
    client_factory: ClientFactory, frozen_clock: FrozenClock
) -> None:
    staff = client_factory()
    await sign_in(staff, await new_admin())
    answer = await console(staff, LOG, {"action": "platform.nothing"})
    assert answer.code == "BAD_USER_INPUT"
    assert "action" in answer.errors[0]["extensions"]["fields"]


def test_every_platform_action_the_code_records_is_catalogued() -> None:
    recorded: set[str] = set()
    for path in APP.rglob("*.py"):
        tree = ast.parse(path.read_text())
        for node in ast.walk(tree):
            # actions.X constants used anywhere in app/
            if (
                isinstance(node, ast.Attribute)
                and isinstance(node.value, ast.Name)
                and node.value.id == "actions"
                and node.attr.isupper()
            ):
                recorded.add(getattr(actions, node.attr))
    assert recorded, "the scan sees the recorders"
    assert recorded <= set(actions.LABELS)
    assert set(actions.LABELS) <= recorded  # nothing catalogued that nothing records
