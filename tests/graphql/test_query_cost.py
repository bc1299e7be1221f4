"""Query cost and the document caps, through the real app (in-process HTTP).

A refused query runs nothing: refusals come before execution, so ``data`` is null
and a refused mutation changes nothing.
"""

from __future__ import annotations

import re
import uuid
from pathlib import Path
from typing import Any

import pytest
from graphql import (
    DocumentNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    NamedTypeNode,
    NonNullTypeNode,
    OperationDefinitionNode,
    parse,
    specified_rules,
    visit,
)
from graphql.language import Visitor
from strawberry import relay

from app.core.settings import get_settings
from app.graphql import complexity
from app.graphql.cost import _objects as objects_in
from app.graphql.limits import query_limits, validate
from app.schema import schema
from tests.api_keys.support import create_key
from tests.graphql.test_complexity import chain, fan_out
from tests.quizzes.api import CREATE, published_quiz, quiz_input
from tests.support.client import ApiClient, GraphQLResult
from tests.support.factories import OrgFixture
from tests.support.fixture_types import ClientFactory, SignIn

ATTACK_ALIAS = "node(id: $id) { ... on Quiz { questions { prompt options { id text } } } }"
ATTACK = "query($id: ID!) { " + " ".join(f"a{i}: {ATTACK_ALIAS}" for i in range(30)) + " }"
ONE_QUIZ = """query($id: ID!) { node(id: $id) { id ... on Quiz { title
  questions { id prompt options { id text } } } } }"""
# Costs 1 + 1,000 questions x (1 + 26 options) = 27,001 and reads nothing.
NO_QUIZ = relay.GlobalID("Quiz", str(uuid.UUID(int=0)))
EXPENSIVE_MISS = f"""{{ node(id: "{NO_QUIZ}") {{
  ... on Quiz {{ questions {{ options {{ id }} }} }} }} }}"""
QUIZ_PAGE = """query($slug: String!, $n: Int) { organization(slug: $slug) {
  quizzes(first: $n) { edges { node { id questions { id } } } } } }"""
KEY_SCOPES = ["quizzes:read", "quizzes:write"]


async def publish_quiz(owner: ApiClient) -> str:
    quiz: dict[str, Any] = await published_quiz(owner)
    return str(quiz["id"])


def assert_too_complex(result: GraphQLResult, cost: int, limit: int) -> None:
    assert result.status == 200, result
    assert result.data is None, result
    assert result.codes == ["QUERY_TOO_COMPLEX"], result
    extensions = result.errors[0]["extensions"]
    assert (extensions["cost"], extensions["limit"]) == (cost, limit)


def cost_report(result: GraphQLResult) -> dict[str, Any]:
    report: dict[str, Any] = result.body["extensions"]["cost"]
    assert set(report) == {"requested", "actual", "limit", "remaining", "resetAt"}
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", report["resetAt"])
    return report


# --- the audit's fragment documents, through the app ---------------------------------


def assert_fragments_or_length_refused(
    result: GraphQLResult, document: str, fragments: int
) -> None:
    """Whichever cap the document meets first: its length (checked before parsing) or
    its fragments (checked on the parsed document)."""
    settings = get_settings()
    if len(document) > settings.max_query_length:
        assert_too_complex(result, len(document), settings.max_query_length)
    else:
        assert_too_complex(result, fragments, settings.max_fragments)


@pytest.mark.parametrize("fragments", [60, 120])
async def test_a_fan_out_over_the_fragment_cap_is_too_complex(
    client_factory: ClientFactory, fragments: int
) -> None:
    document = fan_out(fragments)
    result = await client_factory().gql(document)
    assert_fragments_or_length_refused(result, document, fragments)


@pytest.mark.parametrize("fragments", [60, 300])
async def test_a_long_fragment_chain_is_too_complex_not_a_recursion_error(
    client_factory: ClientFactory, fragments: int
) -> None:
    document = chain(fragments)
    result = await client_factory().gql(document)
    assert_fragments_or_length_refused(result, document, fragments)
    assert "recursion" not in result.errors[0]["message"]


async def test_a_fan_out_under_the_caps_is_answered(client_factory: ClientFactory) -> None:
    # 24 fragments, 69 spreads: measured once each, so it is a cheap valid query.
    result = await client_factory().gql(fan_out(24))
    assert result.ok() == {"viewer": {"kind": "ANONYMOUS"}}


async def test_an_over_long_document_is_refused_before_it_is_parsed(
    client_factory: ClientFactory,
) -> None:
    # most of a megabyte of whitespace: under the body limit, over the document's length cap
    document = "{ viewer { kind } }" + " " * 900_000
    result = await client_factory().gql(document)
    assert result.code == "QUERY_TOO_COMPLEX"
    assert result.data is None
    extensions = result.errors[0]["extensions"]
    assert (extensions["cost"], extensions["limit"]) == (len(document), 6_000)


# --- the per-query limit ---------------------------------------------------------------


async def test_the_width_amplification_is_refused_for_a_student(
    org: OrgFixture, signed_in: SignIn
) -> None:
    quiz_id = await publish_quiz(await signed_in(org, "owner"))
    student = await signed_in(org, "student")
    assert (await student.gql(ONE_QUIZ, {"id": quiz_id})).ok()["node"]["questions"]
    result = await student.gql(ATTACK, {"id": quiz_id})
    assert_too_complex(result, 30 * (1 + 1000 * 27), get_settings().max_query_cost)


async def test_the_width_amplification_is_refused_for_a_key(
    org: OrgFixture, signed_in: SignIn
) -> None:
    owner = await signed_in(org, "owner")
    quiz_id = await publish_quiz(owner)
    key = await create_key(owner, KEY_SCOPES)
    result = await owner.gql(ATTACK, {"id": quiz_id}, headers=key.headers)
    assert_too_complex(result, 30 * (1 + 1000 * 27), get_settings().max_query_cost)
    report = cost_report(result)
    budget = get_settings().query_cost_budget
    assert report == {**report, "requested": 810_030, "actual": 0, "remaining": budget}


async def test_a_normal_query_passes_and_reports_its_cost(
    org: OrgFixture, signed_in: SignIn
) -> None:
    owner = await signed_in(org, "owner")
    quiz_id = await publish_quiz(owner)
    key = await create_key(owner, KEY_SCOPES)
    result = await owner.gql(ONE_QUIZ, {"id": quiz_id}, headers=key.headers)
    quiz = result.ok()["node"]
    options = sum(len(question["options"]) for question in quiz["questions"])
    report = cost_report(result)
    assert report["requested"] == 1 + 1000 * 27
    assert report["actual"] == 1 + len(quiz["questions"]) + options
    assert report["limit"] == get_settings().max_query_cost
    assert report["remaining"] == get_settings().query_cost_budget - report["requested"]
    # A session's response carries no cost report: the budget is the key's.
    assert "extensions" not in (await owner.gql(ONE_QUIZ, {"id": quiz_id})).body


async def test_cost_counts_a_variables_value(org: OrgFixture, signed_in: SignIn) -> None:
    owner = await signed_in(org, "owner")
    await publish_quiz(owner)
    small = await owner.gql(QUIZ_PAGE, {"slug": org.slug, "n": 1})
    assert len(small.ok()["organization"]["quizzes"]["edges"]) == 1
    large = await owner.gql(QUIZ_PAGE, {"slug": org.slug, "n": 80})
    assert_too_complex(large, 2 + 80 * (2 + 1000), get_settings().max_query_cost)


# --- the measure is worked out once per document --------------------------------------


class Counted:
    """Wraps a function of ``complexity`` and counts its calls."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, name: str) -> None:
        self.calls = 0
        wrapped = getattr(complexity, name)

        def counting(*args: Any, **kwargs: Any) -> Any:
            self.calls += 1
            return wrapped(*args, **kwargs)

        monkeypatch.setattr(complexity, name, counting)


async def test_a_documents_measure_is_worked_out_once(
    org: OrgFixture, signed_in: SignIn, monkeypatch: pytest.MonkeyPatch
) -> None:
    owner = await signed_in(org, "owner")
    quiz_id = await publish_quiz(owner)
    key = await create_key(owner, KEY_SCOPES)
    measured = Counted(monkeypatch, "measure_with_inputs")
    checked = Counted(monkeypatch, "check_document")
    # A text no other test sends, so its first request is the first the process sees.
    query = ONE_QUIZ + f" # {uuid.uuid4()}"
    first = await owner.gql(query, {"id": quiz_id}, headers=key.headers)
    second = await owner.gql(query, {"id": quiz_id}, headers=key.headers)
    assert (measured.calls, checked.calls) == (1, 1)
    assert cost_report(first)["requested"] == cost_report(second)["requested"] == 1 + 1000 * 27
    assert first.ok() == second.ok()
    # A refused document is refused again, from what was kept, with the same figures.
    deep = '{ __type(name: "Quiz") { ' + "fields { type { " * 10 + "name" + " } }" * 10 + " } }"
    deep += f" # {uuid.uuid4()}"
    for _ in range(2):
        assert_too_complex(await owner.gql(deep), 21, get_settings().max_query_depth)
    assert measured.calls == 2


async def test_the_kept_measure_follows_the_variables_that_size_lists(
    org: OrgFixture, signed_in: SignIn, monkeypatch: pytest.MonkeyPatch
) -> None:
    owner = await signed_in(org, "owner")
    key = await create_key(owner, KEY_SCOPES)
    measured = Counted(monkeypatch, "measure_with_inputs")
    query = QUIZ_PAGE.replace("$n: Int", "$n: Int = 3") + f" # {uuid.uuid4()}"

    async def requested(**variables: Any) -> int:
        result = await owner.gql(query, {"slug": org.slug, **variables}, headers=key.headers)
        assert result.codes == ([] if variables.get("n", 1) is not True else ["BAD_USER_INPUT"])
        return int(cost_report(result)["requested"])

    def page(size: int) -> int:
        return 2 + size * (2 + 1000)  # organization, quizzes, and per edge: edge, node, questions

    assert await requested(n=1) == page(1)
    assert await requested(n=2) == page(2)
    assert await requested(n=1) == page(1)
    assert await requested() == page(3)  # the operation's default
    assert await requested(n=None) == page(20)  # null: the connection's default page
    assert await requested(n=True) == page(20)  # not an Int: measured as left out
    assert await requested(n=1, slug_again="x") == page(1)  # other variables don't matter
    assert measured.calls == 4  # n=1, 2, absent, and null (true is the same to the measure)
    # Over the limit for one value, under it for another, from one kept document.
    assert_too_complex(
        await owner.gql(query, {"slug": org.slug, "n": 80}, headers=key.headers),
        page(80),
        get_settings().max_query_cost,
    )
    assert await requested(n=1) == page(1)


async def test_a_list_bounded_with_first_costs_less(org: OrgFixture, signed_in: SignIn) -> None:
    owner = await signed_in(org, "owner")
    await publish_quiz(owner)
    bounded = QUIZ_PAGE.replace("questions {", "questions(first: 1) {")
    result = await owner.gql(bounded, {"slug": org.slug, "n": 60})
    [edge] = result.ok()["organization"]["quizzes"]["edges"]
    assert len(edge["node"]["questions"]) == 1
    negative = await owner.gql(bounded.replace("first: 1", "first: -1"), {"slug": org.slug})
    assert negative.codes == ["BAD_USER_INPUT"]


async def test_deep_introspection_is_refused_by_depth(client_factory: ClientFactory) -> None:
    query = '{ __type(name: "Quiz") { ' + "fields { type { " * 10 + "name" + " } }" * 10 + " } }"
    result = await client_factory().gql(query)
    assert_too_complex(result, 21, get_settings().max_query_depth)


# --- the per-key budget ----------------------------------------------------------------


async def test_a_spent_budget_refuses_and_runs_nothing(org: OrgFixture, signed_in: SignIn) -> None:
    owner = await signed_in(org, "owner")
    key = await create_key(owner, KEY_SCOPES)
    budget = get_settings().query_cost_budget
    spent = 0
    while budget - spent >= 27_001:
        result = await owner.gql(EXPENSIVE_MISS, headers=key.headers)
        assert result.codes == ["NOT_FOUND"]
        spent += 27_001
        assert cost_report(result)["remaining"] == budget - spent
    # createQuiz returning questionsWithAnswers { options } costs 27,002: more than is left.
    refused = await owner.gql(CREATE, quiz_input(title="Too late"), headers=key.headers)
    assert refused.status == 429, refused
    assert refused.codes == ["RATE_LIMITED"]
    assert refused.data is None
    assert int(refused.response.headers["retry-after"]) >= 1
    assert cost_report(refused)["remaining"] == budget - spent
    listed = await owner.gql(QUIZ_PAGE.replace("questions { id }", "title"), {"slug": org.slug})
    assert listed.ok()["organization"]["quizzes"]["edges"] == []


# --- every query the dashboard sends fits under the limit -------------------------------

FRONTEND = Path(__file__).resolve().parents[2] / "frontend" / "src"
TEMPLATE = re.compile(r"graphql\(\s*`([^`]*)`\s*\)")


def dashboard_documents() -> dict[str, DocumentNode]:
    """Each operation of frontend/src with the fragments it spreads (as codegen sends it)."""
    definitions = [
        definition
        for path in sorted(FRONTEND.rglob("*.ts*"))
        if "gql" not in path.relative_to(FRONTEND).parts
        for source in TEMPLATE.findall(path.read_text())
        for definition in parse(source).definitions
    ]
    fragments = {d.name.value: d for d in definitions if isinstance(d, FragmentDefinitionNode)}
    documents: dict[str, DocumentNode] = {}
    for operation in definitions:
        if isinstance(operation, OperationDefinitionNode):
            assert operation.name is not None
            documents[operation.name.value] = DocumentNode(
                definitions=(operation, *_fragments_of(operation, fragments))
            )
    return documents


def _fragments_of(
    node: Any, fragments: dict[str, FragmentDefinitionNode]
) -> list[FragmentDefinitionNode]:
    found: dict[str, FragmentDefinitionNode] = {}

    class Spreads(Visitor):
        def enter_fragment_spread(self, spread: FragmentSpreadNode, *_: Any) -> None:
            name = spread.name.value
            if name not in found:
                found[name] = fragments[name]
                visit(found[name], Spreads())

    visit(node, Spreads())
    return list(found.values())


def largest_variables(operation: OperationDefinitionNode) -> dict[str, Any]:
    """Every Int variable at the largest page a connection allows (100)."""
    variables: dict[str, Any] = {}
    for definition in operation.variable_definitions or ():
        type_node = definition.type
        if isinstance(type_node, NonNullTypeNode):
            type_node = type_node.type
        if isinstance(type_node, NamedTypeNode) and type_node.name.value == "Int":
            variables[definition.variable.name.value] = 100
    return variables


def test_every_dashboard_query_fits_under_the_cost_limit() -> None:
    documents = dashboard_documents()
    assert len(documents) >= 30  # the extraction found the dashboard's operations
    graphql_schema = schema._schema
    for name, document in documents.items():
        assert validate(graphql_schema, document, tuple(specified_rules)) == [], name
        [operation] = [d for d in document.definitions if isinstance(d, OperationDefinitionNode)]
        measure = complexity.check(
            graphql_schema,
            document,
            operation_name=name,
            variables=largest_variables(operation),
            limits=query_limits(),
        )
        assert measure.cost <= get_settings().max_query_cost, (name, measure)


def test_actual_counts_the_objects_below_the_root_wherever_they_are() -> None:
    # objects in lists, in lists of lists and nested in objects; nulls and scalars count 0
    data = {
        "viewer": {"kind": "API_KEY", "member": None},
        "node": {"questions": [{"options": [{"id": "a"}, {"id": "b"}]}, {"options": []}]},
        "grid": [[{"x": 1}], [], [None, {"x": 2}]],
        "tags": ["a", "b"],
    }
    assert objects_in(data) == 1 + 1 + 2 + 2 + 2
    assert objects_in(None) == 0
    assert objects_in({}) == 0
