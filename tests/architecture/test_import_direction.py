"""Imports point one way: process → schema root → domains → GraphQL toolkit → access → core.

The rule itself is in ``tests/architecture/imports.py``; these tests run it over ``app/``
and over deliberately bad examples, so that a rule which caught nothing would fail here.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.architecture.imports import ALLOWED, app_modules, runtime_imports, violations

ROOT = Path(__file__).resolve().parents[2]


def test_no_module_of_app_imports_against_the_layers() -> None:
    found = [
        str(violation)
        for module, path in app_modules(ROOT)
        for violation in violations(module, path.read_text())
    ]
    assert found == []


def test_every_allowed_exception_is_still_needed() -> None:
    """An exception nobody uses any more would let the next such import in silently."""
    imports = {
        (module, ".".join(imported.split(".")[:3]))
        for module, path in app_modules(ROOT)
        for imported in _imports_of(module, path.read_text())
    }
    assert set(ALLOWED) <= imports


def _imports_of(module: str, source: str) -> list[str]:
    return [imported for _line, imported in runtime_imports(module, source)]


@pytest.mark.parametrize(
    ("module", "source", "why"),
    [
        (
            "app.core.db",
            "from app.access.actor import Actor\n",
            "core may not import the layer above",
        ),
        (
            "app.graphql.relay",
            "from app.quizzes import service\n",
            "graphql may not import the layer above",
        ),
        (
            "app.access.actor",
            "import app.members.models\n",
            "access may not import the layer above",
        ),
        (
            "app.quizzes.service",
            "def f():\n    from app.schema.organization import Organization\n",
            "quizzes may not import the layer above",
        ),
        (
            "app.attempts.service",
            "from app.quizzes.models import Quiz\n",
            "quizzes.models is private to the quizzes domain",
        ),
        (
            "app.leaderboards.service",
            "from app.attempts import repository\n",
            "attempts.repository is private to the attempts domain",
        ),
    ],
)
def test_an_upward_or_private_import_is_caught(module: str, source: str, why: str) -> None:
    assert [v.why for v in violations(module, source)] == [why]


@pytest.mark.parametrize(
    ("module", "source"),
    [
        ("app.quizzes.service", "from app.core.errors import NotFound\n"),
        ("app.attempts.service", "from app.quizzes import service as quizzes\n"),
        ("app.attempts.types", "from app.quizzes.types import Quiz\n"),
        ("app.quizzes.repository", "from app.quizzes.models import Quiz\n"),
        ("app.schema", "from app.quizzes.mutations import QuizMutations\n"),
        ("app.web.app", "from app.schema import schema\n"),
        (
            "app.orgs.queries",
            "from typing import TYPE_CHECKING\n"
            "if TYPE_CHECKING:\n    from app.schema.organization import Organization\n",
        ),
    ],
)
def test_a_downward_or_public_import_passes(module: str, source: str) -> None:
    assert list(violations(module, source)) == []
