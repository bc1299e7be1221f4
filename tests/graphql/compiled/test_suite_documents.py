"""Differential: every query of the test suite, on real data, answers the same through
the compiled path as through graphql-core.

The documents are the suite's own: every string in ``tests/`` that parses as a
GraphQL document with a query in it (literals read from the source, and the
module-level constants of the test modules, which f-strings build at import). Each
runs over HTTP, against an org with a published quiz and a submitted attempt, as the
owner, a teacher, a student, an API key with one scope and an anonymous caller
(so answers, refusals and partial errors all occur), with variables made up from the
seeded ids by name and type. Each request is sent twice, once with the compiled path
off (graphql-core) and once on, and the two answers compared: data, and errors with
their messages, locations, paths and extensions (the request id of an INTERNAL error
aside). Two requests rather than the ``verify`` mode's two runs in one: a run that
cancels a database call (graphql-core cancels the siblings of a field whose error
nulls their parent) leaves the request's transaction unusable for a second run.
"""

from __future__ import annotations

import ast
import importlib
import pathlib
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from typing import Any

import pytest
from graphql import (
    GraphQLEnumType,
    GraphQLError,
    OperationDefinitionNode,
    OperationType,
    parse,
)
from graphql.language import DocumentNode, NamedTypeNode, NonNullTypeNode, TypeNode
from starlette.applications import Starlette

from app.analytics import service as analytics
from app.core.settings import get_settings
from app.graphql.compiled import stats
from app.schema import schema
from tests.quizzes.api import published_quiz, right_answers
from tests.support.client import ApiClient
from tests.support.factories import OrgFixture
from tests.support.fixture_types import ClientFactory

TESTS = pathlib.Path(__file__).resolve().parents[2]
HERE = pathlib.Path(__file__).resolve().parent

START = """mutation($quizId: ID!) { startAttempt(input: {quizId: $quizId}) { attempt { id } } }"""
SUBMIT = """mutation($input: AttemptAnswersInput!) { submitAttempt(input: $input) {
  attempt { id status } } }"""
CREATE_KEY = """mutation($i: CreateApiKeyInput!) { createApiKey(input: $i) { secret } }"""


def suite_documents() -> list[str]:
    """The queries of the test suite, each once (this folder's own excepted)."""
    texts: dict[str, None] = {}
    for path in sorted(TESTS.rglob("*.py")):
        if HERE in path.parents:
            continue
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                texts[node.value] = None
        module = ".".join(path.relative_to(TESTS.parent).with_suffix("").parts)
        try:
            loaded = importlib.import_module(module)
        except Exception:
            continue
        for value in vars(loaded).values():
            if isinstance(value, str):
                texts[value] = None
    return [text for text in texts if _is_query_document(text)]


def _is_query_document(text: str) -> bool:
    if "{" not in text:
        return False
    try:
        document = parse(text)
    except GraphQLError:
        return False
    return any(
        isinstance(definition, OperationDefinitionNode)
        and definition.operation is OperationType.QUERY
        for definition in document.definitions
    )


class Seeded:
    """What the made-up variables point at."""

    def __init__(self, org: OrgFixture, quiz: dict[str, Any], attempt_id: str) -> None:
        self.org = org
        self.quiz = quiz
        self.attempt_id = attempt_id

    def value(self, name: str, type_node: TypeNode) -> Any:
        """A value for variable ``name`` of the type written ``type_node`` (the
        variable is left out when nothing sensible comes to mind)."""
        named = type_node
        while not isinstance(named, NamedTypeNode):
            named = named.type  # type: ignore[attr-defined]  # list or non-null: unwrap
        type_name = named.name.value
        lowered = name.lower()
        graphql_type = schema._schema.get_type(type_name)
        if type_name == "ID":
            return self.id_for(lowered)
        if type_name == "String":
            if "slug" in lowered:
                return self.org.slug
            if "after" in lowered or "before" in lowered or "cursor" in lowered:
                return None
            return "Sample"
        if type_name == "Int":
            return 5
        if type_name == "Float":
            return 1.5
        if type_name == "Boolean":
            return True
        if type_name == "DateTime":
            return datetime.now(UTC).isoformat()
        if isinstance(graphql_type, GraphQLEnumType):
            return next(iter(graphql_type.values))
        return _LEAVE_OUT

    def id_for(self, name: str) -> str:
        questions = self.quiz["questionsWithAnswers"]
        if "attempt" in name:
            return self.attempt_id
        if "member" in name or "participant" in name:
            return self.org.account("student").global_id
        if "option" in name:
            return str(questions[0]["options"][0]["id"])
        if "question" in name:
            return str(questions[0]["id"])
        return str(self.quiz["id"])


_LEAVE_OUT = object()


def variables_for(document: DocumentNode, seeded: Seeded) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for definition in document.definitions:
        if not isinstance(definition, OperationDefinitionNode):
            continue
        for variable in definition.variable_definitions or ():
            value = seeded.value(variable.variable.name.value, variable.type)
            if value is _LEAVE_OUT and not isinstance(variable.type, NonNullTypeNode):
                continue
            if value is not _LEAVE_OUT:
                values[variable.variable.name.value] = value
    return values


def operation_names(document: DocumentNode) -> list[str | None]:
    names = [
        definition.name.value if definition.name else None
        for definition in document.definitions
        if isinstance(definition, OperationDefinitionNode)
        and definition.operation is OperationType.QUERY
    ]
    return names if len(names) > 1 else [None]


def comparable(payload: dict[str, Any]) -> dict[str, Any]:
    """The answer without what differs from one request to the next."""
    errors = []
    for error in payload.get("errors") or ():
        extensions = dict(error.get("extensions") or {})
        if extensions.pop("requestId", None) is not None:
            error = {**error, "message": "Internal error."}
        errors.append({**error, "extensions": extensions})
    return {"data": payload.get("data"), "errors": errors}


@pytest.fixture
def compiled_mode(monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable[[str], None]]:
    settings = get_settings()
    # every query runs twice for the key: a budget no run of the suite's queries spends
    monkeypatch.setattr(settings, "query_cost_budget", 100_000_000)

    def switch(mode: str) -> None:
        monkeypatch.setattr(settings, "compiled_execution", mode)

    stats.reset()
    yield switch


async def seed(org: OrgFixture, app: Starlette, client_factory: ClientFactory) -> Seeded:
    owner = await org.signed_in(app, "owner")
    student = await org.signed_in(app, "student")
    quiz = await published_quiz(owner, attemptsAllowed=3)
    started = (await student.gql(START, {"quizId": quiz["id"]})).ok()
    attempt_id = started["startAttempt"]["attempt"]["id"]
    answers = {"input": {"attemptId": attempt_id, "answers": right_answers(quiz)}}
    (await student.gql(SUBMIT, answers)).ok()
    for client in (owner, student):
        await client.close()
    return Seeded(org, quiz, attempt_id)


async def test_every_query_of_the_suite_answers_as_graphql_core(
    org: OrgFixture,
    app: Starlette,
    client_factory: ClientFactory,
    compiled_mode: Callable[[str], None],
) -> None:
    # given the suite's queries, real data, and callers with different reach
    documents = suite_documents()
    assert len(documents) >= 80, len(documents)
    seeded = await seed(org, app, client_factory)
    owner = await org.signed_in(app, "owner")
    key = (
        await owner.gql(
            CREATE_KEY,
            {
                "i": {
                    "name": "differential",
                    "scopes": ["quizzes:read"],
                    "rateLimitPerMinute": 10_000,
                }
            },
        )
    ).ok()["createApiKey"]["secret"]
    callers: list[tuple[ApiClient, dict[str, str]]] = [
        (owner, {}),
        (await org.signed_in(app, "teacher"), {}),
        (await org.signed_in(app, "student"), {}),
        (client_factory(), {"Authorization": f"Bearer {key}"}),
        (client_factory(), {}),
    ]
    # when each query runs for each caller, through graphql-core, then from its plan
    answered = compared = 0
    differing: list[tuple[str, str | None, int, dict[str, Any], dict[str, Any]]] = []
    for text in documents:
        document = parse(text)
        variables = variables_for(document, seeded)
        for operation_name in operation_names(document):
            body: dict[str, Any] = {"query": text, "variables": variables}
            if operation_name:
                body["operationName"] = operation_name
            for n, (client, headers) in enumerate(callers):
                if "statistics" in text:
                    # The first read of a quiz's statistics starts its item analysis in
                    # the background (COMPUTING, then READY): both modes read it done.
                    await client.http.post("/graphql", json=body, headers=headers)
                    await analytics.item_analysis_ready()
                answers = []
                for mode in ("off", "on"):
                    compiled_mode(mode)
                    response = await client.http.post("/graphql", json=body, headers=headers)
                    answers.append(comparable(response.json()))
                compared += 1
                if answers[0] != answers[1]:
                    differing.append((text, operation_name, n, answers[0], answers[1]))
                if answers[0]["data"] and not answers[0]["errors"]:
                    answered += 1
    for client, _headers in callers[:3]:
        await client.close()
    # then no answer differed, most queries answered someone, and plans ran them
    assert differing == []
    assert answered >= len(documents), answered
    assert stats.compiled >= compared // 2, (stats.compiled, compared, dict(stats.fallbacks))
