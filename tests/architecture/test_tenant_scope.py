"""Every repository query of a tenant table goes through ``app.access.tenancy``.

A tenant table is one with an ``org_id`` column. In ``app/**/repository.py``, a
statement (``select``, ``update``, ``delete``, ``insert``) naming a tenant model must be
built inside ``scoped(statement, Model, tenant)`` for each tenant model it selects, or
inside ``across_orgs(statement, "reason")`` with a written reason; a load by id must be
``get_scoped``, never ``db.get``. The check reads source text, so it is fed a bad and a
good example below as well as the real repositories.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from sqlmodel import SQLModel

import app.tables  # noqa: F401  (registers every table)

ROOT = Path(__file__).resolve().parents[2]
STATEMENTS = frozenset({"select", "update", "delete", "insert"})


def tenant_models() -> frozenset[str]:
    return frozenset(
        mapper.class_.__name__
        for mapper in SQLModel._sa_registry.mappers
        if "org_id" in mapper.columns
    )


@dataclass(frozen=True, slots=True)
class Bypass:
    where: str
    line: int
    what: str

    def __str__(self) -> str:
        return f"{self.where}:{self.line}: {self.what}"


def bypasses(source: str, where: str, tenants: frozenset[str]) -> Iterator[Bypass]:
    """Queries of tenant tables in ``source`` that neither ``scoped`` nor ``across_orgs``
    wraps (and ``db.get`` of a tenant model)."""
    tree = ast.parse(source)
    parents: dict[int, ast.AST] = {}
    for node in ast.walk(tree):
        for child in ast.iter_child_nodes(node):
            parents[id(child)] = node
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        name = _called(node)
        if name == "get" and isinstance(node.func, ast.Attribute):
            named = _models_in(node.args[:1], tenants)
            if named:
                yield Bypass(where, node.lineno, f"db.get of {', '.join(named)}: use get_scoped")
        if name not in STATEMENTS:
            continue
        named = _models_in(node.args, tenants)
        if not named:
            continue
        covered, explained = _wrappers(node, parents)
        missing = sorted(set(named) - covered)
        if missing and not explained:
            yield Bypass(where, node.lineno, f"{name}() of {', '.join(missing)} is not scoped")


def _called(call: ast.Call) -> str | None:
    if isinstance(call.func, ast.Name):
        return call.func.id
    if isinstance(call.func, ast.Attribute):
        return call.func.attr
    return None


def _models_in(nodes: list[ast.expr], tenants: frozenset[str]) -> list[str]:
    found = {
        inner.id
        for node in nodes
        for inner in ast.walk(node)
        if isinstance(inner, ast.Name) and inner.id in tenants
    }
    return sorted(found)


def _wrappers(node: ast.AST, parents: dict[int, ast.AST]) -> tuple[set[str], bool]:
    """The models ``scoped`` calls around ``node`` name, and whether an ``across_orgs``
    with a non-empty literal reason wraps it (``node`` inside their first argument)."""
    covered: set[str] = set()
    explained = False
    child, parent = node, parents.get(id(node))
    while parent is not None:
        if isinstance(parent, ast.Call) and parent.args and _inside(child, parent.args[0]):
            called = _called(parent)
            if called == "scoped" and len(parent.args) >= 2:
                model = parent.args[1]
                if isinstance(model, ast.Name):
                    covered.add(model.id)
            if called == "across_orgs" and _has_reason(parent):
                explained = True
        child, parent = parent, parents.get(id(parent))
    return covered, explained


def _inside(node: ast.AST, tree: ast.AST) -> bool:
    return any(inner is node for inner in ast.walk(tree))


def _has_reason(call: ast.Call) -> bool:
    if len(call.args) < 2:
        return False
    reason = call.args[1]
    if isinstance(reason, ast.Constant):
        return isinstance(reason.value, str) and bool(reason.value.strip())
    return isinstance(reason, ast.Name)  # a module constant holding the reason


def repository_files() -> list[Path]:
    return sorted((ROOT / "app").rglob("repository.py"))


def test_the_tenant_tables_are_known() -> None:
    assert {"Quiz", "Attempt", "Member", "ApiKey", "AuditEvent", "QuizStanding"} <= (
        tenant_models()
    )
    assert "Organization" not in tenant_models()


def test_every_repository_query_of_a_tenant_table_is_scoped() -> None:
    tenants = tenant_models()
    found = [
        str(bypass)
        for path in repository_files()
        for bypass in bypasses(path.read_text(), str(path.relative_to(ROOT)), tenants)
    ]
    assert len(repository_files()) >= 6
    assert found == []


BAD = """
from sqlmodel import select
from app.access.tenancy import scoped


async def by_id(db, quiz_id):
    return await db.get(Quiz, quiz_id)


def listing(org_id):
    return select(Quiz).where(Quiz.org_id == org_id)


def with_names(org_id):
    return scoped(select(Quiz, Member.display_name), Quiz, org_id)


def reasonless():
    return across_orgs(select(Attempt), "")
"""

GOOD = """
from sqlmodel import select
from app.access.tenancy import across_orgs, get_scoped, scoped


async def by_id(db, quiz_id, tenant):
    return await get_scoped(db, Quiz, quiz_id, tenant)


def listing(org_id):
    return scoped(select(Quiz), Quiz, org_id).order_by(Quiz.created_at)


def with_names(org_id):
    return scoped(scoped(select(Quiz, Member.display_name), Quiz, org_id), Member, org_id)


def sweep():
    return across_orgs(select(Attempt.id), "the sweep closes every org's attempts")


def orgs():
    return select(Organization)
"""


def test_a_bypass_is_caught() -> None:
    ordered = sorted((b.line, str(b)) for b in bypasses(BAD, "bad.py", tenant_models()))
    found = [text for _, text in ordered]
    assert found == [
        "bad.py:7: db.get of Quiz: use get_scoped",
        "bad.py:11: select() of Quiz is not scoped",
        "bad.py:15: select() of Member is not scoped",
        "bad.py:19: select() of Attempt is not scoped",
    ]


def test_scoped_queries_and_explained_exceptions_pass() -> None:
    assert list(bypasses(GOOD, "good.py", tenant_models())) == []
