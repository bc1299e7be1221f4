"""The dashboard's test fixture of the scope table against the server's.

The dashboard reads the table from the API (``Query.accessModel``) and keeps no copy;
its unit tests build that model from ``frontend/tests/server-scopes.json`` (every scope,
the roles that hold it and whether a key may carry it). This test fails when the file no
longer says what the server does (app/access/scopes.py), so the dashboard's tests never
run against a table the server doesn't have. After changing the server's table, rewrite the file
with ``QUIZGRAPH_WRITE_SCOPE_TABLE=1 uv run pytest tests/access/test_scope_table.py``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from app.access.scopes import KEY_GRANTABLE_SCOPES, ROLE_SCOPES, Role, Scope
from tests.support.golden import assert_json_file_is

SERVER_SCOPES = Path(__file__).resolve().parents[2] / "frontend" / "tests" / "server-scopes.json"


def server_scope_table() -> dict[str, Any]:
    return {
        "roles": [role.value for role in Role],
        "scopes": [
            {
                "scope": scope.value,
                "roles": [role.value for role in Role if scope in ROLE_SCOPES[role]],
                "grantableToKeys": scope in KEY_GRANTABLE_SCOPES,
            }
            for scope in Scope
        ],
    }


def test_the_file_the_dashboard_is_checked_against_is_the_servers_table() -> None:
    assert_json_file_is(
        SERVER_SCOPES,
        server_scope_table(),
        rewrite_env="QUIZGRAPH_WRITE_SCOPE_TABLE",
        source="app/access/scopes.py",
    )
