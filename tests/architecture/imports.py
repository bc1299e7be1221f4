"""The import rule of ``app/``, as data and one function, so a test can feed it bad code.

Layers, from the bottom: a module imports its own layer and the layers below, never
one above. The domains form one layer, and reach each other only through a domain's
public modules (``service``, ``types``, ``loaders``, …), never through another
domain's ``models`` or ``repository``. Imports under ``if TYPE_CHECKING:`` are
annotations only (Strawberry resolves ``strawberry.lazy`` references when the
composition root builds the schema), so they are not dependencies.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

DOMAINS = frozenset(
    {
        "orgs",
        "accounts",
        "members",
        "auth",
        "api_keys",
        "audit",
        "quizzes",
        "attempts",
        "leaderboards",
        "webhooks",
        "notifications",
        "analytics",
        "integrity",
        "tournaments",
        "platform",
        "certificates",
        "payments",
        "persisted_queries",
    }
)

# Bottom to top. "domains" stands for every package in DOMAINS.
LAYERS: tuple[frozenset[str], ...] = (
    frozenset({"core"}),  # settings, database, errors, clock: no app imports
    frozenset({"events"}),  # the event bus
    frozenset({"access"}),  # the principal: actor, scopes, the service context
    frozenset({"graphql"}),  # the GraphQL toolkit every domain uses
    frozenset({"domains"}),
    frozenset({"schema"}),  # the composition root of the GraphQL schema
    frozenset({"web", "tables", "cli", "cli_actions", "demo"}),  # the process: HTTP, CLI, alembic
)

PRIVATE_TO_A_DOMAIN = frozenset({"models", "repository"})

# Imports the rule would refuse, kept on purpose; each says why.
_ONE_QUERY_DOOR = (
    "the per-request credential lookup: the key or session, its org and its member in one "
    "indexed query; a service call per domain would add two queries to every request, and "
    "the rows it loads are the ones the request's resolvers reuse"
)
_ANALYTICS_READS_ATTEMPTS = (
    "analytics reads closed attempts in bulk (the response matrix of the item analysis, "
    "the streamed CSV export with members' names) in one statement each, not row by row "
    "through the attempts service"
)
_CONSOLE_DOOR = (
    "the platform console's door: the cookie's staff session and its admin in one indexed "
    "query per console request (and sign-in reads the admin's account by name)"
)
_CONSOLE_FIGURES = (
    "the console lists a page of orgs, then one grouped query per figure (members, last "
    "activity, recent attempts) for the page's orgs, instead of a service call per org "
    "and domain"
)
ALLOWED: dict[tuple[str, str], str] = {
    ("app.api_keys.repository", "app.members.models"): _ONE_QUERY_DOOR,
    ("app.api_keys.repository", "app.orgs.models"): _ONE_QUERY_DOOR,
    ("app.auth.repository", "app.members.models"): _ONE_QUERY_DOOR,
    ("app.auth.repository", "app.orgs.models"): _ONE_QUERY_DOOR,
    ("app.analytics.repository", "app.attempts.models"): _ANALYTICS_READS_ATTEMPTS,
    ("app.analytics.repository", "app.members.models"): _ANALYTICS_READS_ATTEMPTS,
    ("app.platform.repository", "app.auth.models"): _CONSOLE_DOOR,
    ("app.platform.repository", "app.orgs.models"): _CONSOLE_FIGURES,
    ("app.platform.repository", "app.members.models"): _CONSOLE_FIGURES,
    ("app.platform.repository", "app.audit.models"): _CONSOLE_FIGURES,
    ("app.platform.repository", "app.analytics.models"): _CONSOLE_FIGURES,
    ("app.tournaments.repository", "app.members.models"): (
        "a tournament's board shows display names (the live subscription's cohorts have no "
        "session to load them): joining members keeps a board page one query"
    ),
    ("app.leaderboards.repository", "app.members.models"): (
        "boards show display names: joining members in the page's statement keeps a board "
        "page one query"
    ),
}


@dataclass(frozen=True, slots=True)
class Violation:
    module: str
    line: int
    imported: str
    why: str

    def __str__(self) -> str:
        return f"{self.module}:{self.line} imports {self.imported}: {self.why}"


def layer_of(package: str) -> int | None:
    name = "domains" if package in DOMAINS else package
    for index, layer in enumerate(LAYERS):
        if name in layer:
            return index
    return None


def violations(module: str, source: str) -> Iterator[Violation]:
    """What ``module`` (dotted, under ``app``) imports against the rule."""
    if module.count(".") == 0:
        return
    own = module.split(".")[1]
    own_layer = layer_of(own)
    for line, imported in runtime_imports(module, source):
        parts = imported.split(".")
        if parts[0] != "app" or len(parts) < 2:
            continue
        target = parts[1]
        if target == own or (module, _owner(imported)) in ALLOWED:
            continue
        target_layer = layer_of(target)
        if own_layer is None or target_layer is None:
            continue
        if target_layer > own_layer:
            yield Violation(module, line, imported, f"{own} may not import the layer above")
        elif target_layer == own_layer and own in DOMAINS:
            inner = parts[2] if len(parts) > 2 else ""
            if inner in PRIVATE_TO_A_DOMAIN:
                yield Violation(
                    module, line, imported, f"{target}.{inner} is private to the {target} domain"
                )


def _owner(imported: str) -> str:
    return ".".join(imported.split(".")[:3])


def runtime_imports(module: str, source: str) -> Iterator[tuple[int, str]]:
    tree = ast.parse(source)
    type_only = {
        id(node)
        for block in ast.walk(tree)
        if isinstance(block, ast.If) and _is_type_checking(block.test)
        for statement in block.body
        for node in ast.walk(statement)
    }
    for node in ast.walk(tree):
        if id(node) in type_only:
            continue
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            for alias in node.names:
                # ``from app.quizzes import models`` imports the module app.quizzes.models.
                depth = node.module.count(".")
                yield node.lineno, f"{node.module}.{alias.name}" if depth <= 1 else node.module


def _is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def app_modules(root: Path) -> Iterator[tuple[str, Path]]:
    for path in sorted((root / "app").rglob("*.py")):
        relative = path.relative_to(root).with_suffix("")
        parts = [part for part in relative.parts if part != "__init__"]
        yield ".".join(parts), path
