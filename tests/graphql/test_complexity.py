"""The one-pass measure of a document: depth, aliases, cost, and the caps before validation.

CPU time is measured in this process with ``time.process_time`` around the exact code
path the server runs before execution (``complexity.check_document``, the measure,
and graphql-core's validation when the document passes), never on a server clock.
"""

from __future__ import annotations

import time
from typing import Any

import pytest
from graphql import DocumentNode, get_introspection_query, parse, specified_rules

from app.core.errors import QueryTooComplex
from app.core.settings import get_settings
from app.graphql import complexity
from app.graphql.limits import query_limits, validate
from app.schema import LIST_SIZES, schema
from tests.support.client import ApiClient

GRAPHQL_SCHEMA = schema._schema
LIMITS = query_limits()


def fan_out(fragments: int) -> str:
    """The audit's document: fragment i spreads fragments i+1..i+3."""
    definitions = " ".join(
        f"fragment F{i} on Viewer {{ kind "
        + " ".join(f"...F{j}" for j in range(i + 1, min(i + 4, fragments)))
        + " }"
        for i in range(fragments)
    )
    return "query { viewer { ...F0 } } " + definitions


def chain(fragments: int) -> str:
    """F0 spreads F1 spreads F2 ... (graphql-core's rules recurse along it)."""
    definitions = " ".join(
        f"fragment F{i} on Viewer {{ kind {f'...F{i + 1}' if i + 1 < fragments else ''} }}"
        for i in range(fragments)
    )
    return "query { viewer { ...F0 } } " + definitions


def measure(query: str, variables: dict[str, Any] | None = None) -> complexity.Measure:
    return complexity.measure_operation(
        GRAPHQL_SCHEMA,
        parse(query),
        operation_name=None,
        variables=variables,
        list_sizes=LIST_SIZES,
    )


def refusal(query: str, variables: dict[str, Any] | None = None) -> dict[str, Any]:
    with pytest.raises(QueryTooComplex) as refused:
        complexity.check(
            GRAPHQL_SCHEMA,
            parse(query),
            operation_name=None,
            variables=variables,
            limits=LIMITS,
            list_sizes=LIST_SIZES,
        )
    return refused.value.extensions


def server_path(document: DocumentNode) -> str:
    """What the server does before execution: caps and measure, then validation."""
    try:
        complexity.check(
            GRAPHQL_SCHEMA,
            document,
            operation_name=None,
            variables={},
            limits=LIMITS,
            list_sizes=LIST_SIZES,
        )
    except QueryTooComplex:
        return "refused"
    errors = validate(GRAPHQL_SCHEMA, document, tuple(specified_rules))
    validate.cache_clear()  # each measured call must do the work, not hit the cache
    return "invalid" if errors else "valid"


@pytest.mark.parametrize(
    ("name", "query"),
    [
        ("fan-out of 24", fan_out(24)),
        ("fan-out of 120", fan_out(120)),
        ("chain of 300", chain(300)),
    ],
)
def test_fragment_documents_are_refused_or_validated_in_bounded_time(name: str, query: str) -> None:
    document = parse(query, max_tokens=get_settings().max_tokens)
    started = time.process_time()
    outcome = server_path(document)
    elapsed = time.process_time() - started
    assert outcome in {"refused", "valid"}, name
    assert elapsed < 0.050, f"{name}: {elapsed * 1000:.1f} ms of CPU"


def test_the_fragment_caps_come_before_graphql_cores_rules() -> None:
    # graphql-core's NoFragmentCycles recurses along this chain past Python's limit.
    assert refusal(chain(300)) == {"cost": 300, "limit": LIMITS.max_fragments}
    assert refusal(fan_out(120))["limit"] == LIMITS.max_fragments
    spreads = "{ viewer { " + "...F " * (LIMITS.max_fragment_spreads + 1) + "} }"
    assert refusal(spreads + " fragment F on Viewer { kind }") == {
        "cost": LIMITS.max_fragment_spreads + 1,
        "limit": LIMITS.max_fragment_spreads,
    }


def test_a_fragment_is_measured_once_however_often_it_is_spread() -> None:
    # 2**40 paths through the spreads; the measure still adds up as if expanded.
    definitions = " ".join(
        f"fragment F{i} on Viewer {{ a{i}: kind ...F{i + 1} ...F{i + 1} }}" for i in range(40)
    )
    query = "{ viewer { ...F0 } } " + definitions + " fragment F40 on Viewer { kind }"
    started = time.process_time()
    result = measure(query)
    assert time.process_time() - started < 0.050
    assert result.aliases == sum(2**i for i in range(40))
    assert result.depth == 1


def test_fragment_cycles_do_not_loop() -> None:
    query = "{ viewer { ...A } } fragment A on Viewer { kind ...B } fragment B on Viewer { ...A }"
    assert measure(query) == complexity.Measure(depth=1, aliases=0, cost=1)


def test_repeating_one_field_many_times_is_refused() -> None:
    # OverlappingFieldsCanBeMerged compares every two of them: 2 s of CPU for 1,200.
    query = "{ " + " ".join("viewer { kind }" for _ in range(1200)) + " }"
    assert refusal(query)["limit"] == complexity.MAX_REPEATED_FIELD
    inline = "{ " + " ".join("... on Query { viewer { kind } }" for _ in range(30)) + " }"
    assert refusal(inline)["limit"] == complexity.MAX_REPEATED_FIELD


def test_depth_counts_fields_with_a_selection() -> None:
    assert measure("{ viewer { kind } }").depth == 1
    assert measure("{ viewer { organization { members { edges { node { id } } } } } }").depth == 5
    deep = "{ " + 'node(id: "x") { ... on Organization { ' * 13 + "slug" + " } }" * 13 + " }"
    assert refusal(deep) == {"cost": 13, "limit": 12}


def test_depth_includes_introspection() -> None:
    nested = '{ __type(name: "Quiz") { ' + "fields { type { " * 10 + "name" + " } }" * 10 + " } }"
    assert refusal(nested) == {"cost": 21, "limit": 12}


def test_introspection_lists_nest_at_most_twice() -> None:
    query = "{ __schema { types { fields { type { fields { type { fields { name } } } } } } } }"
    assert refusal(query) == {"cost": 3, "limit": complexity.MAX_INTROSPECTION_LISTS}


def test_the_standard_introspection_query_passes() -> None:
    # ofType chains (nine deep in graphql-js's query) unwrap one type each: no depth.
    query = get_introspection_query(descriptions=True, input_value_deprecation=True)
    result = complexity.check(
        GRAPHQL_SCHEMA,
        parse(query),
        operation_name=None,
        variables={},
        limits=LIMITS,
        list_sizes=LIST_SIZES,
    )
    assert result.depth <= LIMITS.max_depth
    assert result.cost == 0


def test_aliases_are_counted_through_fragments() -> None:
    query = "{ viewer { ...F ...F } } fragment F on Viewer { a: kind b: kind }"
    assert measure(query).aliases == 4
    many = "{ " + " ".join(f"a{i}: viewer {{ kind }}" for i in range(31)) + " }"
    assert refusal(many) == {"cost": 31, "limit": 30}


def test_objects_cost_one_and_scalars_nothing() -> None:
    assert measure("{ viewer { kind scopes } }").cost == 1
    assert measure("{ viewer { member { username } organization { name } } }").cost == 3


def test_a_connection_counts_its_first() -> None:
    page = """{ organization(slug: "x") { members(first: 50) {
        totalCount pageInfo { hasNextPage } edges { node { id } } } } }"""
    # organization + connection + pageInfo + 50 * (edge + node)
    assert measure(page).cost == 1 + 1 + 1 + 50 * 2
    default = '{ organization(slug: "x") { members { edges { node { id } } } } }'
    assert measure(default).cost == 2 + 20 * 2


def test_a_connection_counts_its_variable() -> None:
    query = """query($n: Int) { organization(slug: "x") {
        members(first: $n) { edges { node { id } } } } }"""
    assert measure(query, {"n": 7}).cost == 2 + 7 * 2
    assert measure(query, {}).cost == 2 + 20 * 2
    with_default = query.replace("$n: Int", "$n: Int = 3")
    assert measure(with_default, {}).cost == 2 + 3 * 2
    assert measure(with_default, {"n": 100}).cost == 2 + 100 * 2


def test_a_fragment_on_a_connection_counts_each_page_size() -> None:
    query = """{ organization(slug: "x") {
        a: members(first: 2) { ...Page } b: members(first: 9) { ...Page } } }
        fragment Page on MemberConnection { edges { node { id } } }"""
    assert measure(query).cost == 1 + (1 + 2 * 2) + (1 + 9 * 2)


def test_plain_lists_count_their_maximum_or_their_first() -> None:
    questions = '{ node(id: "x") { ... on Quiz { questions { prompt options { text } } } } }'
    assert measure(questions).cost == 1 + 1000 * (1 + 26)
    bounded = '{ node(id: "x") { ... on Quiz { questions(first: 10) { options { text } } } } }'
    assert measure(bounded).cost == 1 + 10 * (1 + 26)


def test_the_width_amplification_is_refused() -> None:
    one = "node(id: $id) { ... on Quiz { questions { prompt options { id text } } } }"
    query = "query($id: ID!) { " + " ".join(f"a{i}: {one}" for i in range(30)) + " }"
    extensions = refusal(query, {"id": "x"})
    assert extensions == {"cost": 30 * (1 + 1000 * 27), "limit": get_settings().max_query_cost}


def test_a_realistic_quiz_page_passes() -> None:
    query = """{ organization(slug: "x") { quizzes(first: 20) { edges { node {
        title questions(first: 10) { prompt options { text } } } } } } }"""
    result = complexity.check(
        GRAPHQL_SCHEMA,
        parse(query),
        operation_name=None,
        variables={},
        limits=LIMITS,
        list_sizes=LIST_SIZES,
    )
    assert result.cost == 2 + 20 * (2 + 10 * 27)


def test_only_the_operation_that_runs_is_measured() -> None:
    query = """query Small { viewer { kind } }
        query Big { organization(slug: "x") { members(first: 100) { edges { node { id } } } } }"""
    document = parse(query)
    small = complexity.measure_operation(
        GRAPHQL_SCHEMA, document, operation_name="Small", variables={}, list_sizes=LIST_SIZES
    )
    big = complexity.measure_operation(
        GRAPHQL_SCHEMA, document, operation_name="Big", variables={}, list_sizes=LIST_SIZES
    )
    assert (small.cost, big.cost) == (1, 2 + 200)


def test_astronomical_measures_saturate() -> None:
    definitions = " ".join(
        f"fragment F{i} on Quiz {{ questions {{ id }} ...F{i + 1} ...F{i + 1} }}" for i in range(49)
    )
    query = '{ node(id: "x") { ...F0 } } ' + definitions + " fragment F49 on Quiz { id }"
    assert measure(query).cost == complexity.CEILING


# --- graphql-core's own non-linear work: field merging, error locations ----------------
# OverlappingFieldsCanBeMerged compares every two fields under one response name (through
# fragments, and their sub-selections recursively) and matches every two fragments spread
# together; each validation error scans the text before it for its line. Under the
# earlier caps (5,000 tokens, 50 fragments, 100 spreads, 20 repeats) these documents took
# 0.1 to 5 s of CPU (the last one 32 s).


def spread_all(fragments: int, body: Any) -> str:
    """``fragments`` fragments on Viewer (body(i) each), all spread into one selection set."""
    definitions = " ".join(f"fragment F{i} on Viewer {{ {body(i)} }}" for i in range(fragments))
    return "{ viewer { " + " ".join(f"...F{i}" for i in range(fragments)) + " } } " + definitions


def names(count: int, prefix: str = "f") -> str:
    return " ".join(f"{prefix}{j}" for j in range(count))


def repeated(times: int, inner: str) -> str:
    return " ".join(inner for _ in range(times))


KINDS = ["kind", "role", "scopes"]
UNKNOWN = names(110, "x")
MERGE_HEAVY = {
    # the same 40 / 90 names in 50 fragments spread together (414 ms / ~1 s)
    "same names, 50 x 40": spread_all(50, lambda i: names(40)),
    "same names, 50 x 90": spread_all(50, lambda i: names(90)),
    # no name in common: every two fragments are still matched name by name
    "distinct names, 50 x 48": spread_all(50, lambda i: names(48, f"x{i}_")),
    # the same response name aliasing different fields (conflicts, with messages)
    "colliding aliases, 50 x 25": spread_all(
        50, lambda i: " ".join(f"f{j}: {KINDS[(i + j) % 3]}" for j in range(25))
    ),
    # the same nested chain in each fragment: compared level by level
    "nested same names, 50 x 10 deep": spread_all(
        50, lambda i: "a { " * 10 + names(60) + " }" * 10
    ),
    # ... with arguments that differ at the bottom
    "nested, differing arguments": spread_all(
        50, lambda i: "a { " * 10 + f"b(x: {i}) {{ {names(40)} }}" + " }" * 10
    ),
    # repeats within the cap of 20 per selection set, each with a wide sub-selection
    "20 repeats of 240 fields": "{ " + repeated(20, f"a {{ {names(240)} }}") + " }",
    "20 inline fragments of 240 fields": "{ viewer { "
    + repeated(20, f"... on Viewer {{ {names(240)} }}")
    + " } }",
    # 20 repeats of 20 repeats: 190 x 400 x 8 comparisons, no fragment at all (4.6 s)
    "nested repeats, 20 x 20 x 8": "{ "
    + repeated(20, f"a {{ {repeated(20, f'a {{ {names(8)} }}')} }}")
    + " }",
    # fragments that each repeat a field with a sub-selection
    "fragments of repeats, 25 x 8 x 20": spread_all(
        25, lambda i: repeated(8, f"a {{ {names(20)} }}")
    ),
    # the same, in an operation that does not run (graphql-core validates it all)
    "in an operation that does not run": "query Runs { viewer { kind } } query Idle "
    + spread_all(50, lambda i: names(90)),
    # under the caps on fields and nodes, over the one on merge work
    "same names, 39 x 5": spread_all(39, lambda i: names(5)),
    "nested repeats, 5 x 5 x 6": "{ "
    + repeated(5, f"a {{ {repeated(5, f'a {{ {names(6)} }}')} }}")
    + " }",
}
LARGE = {
    # a document of nodes: each costs graphql-core's rules tens of microseconds
    "4,990 unknown fields": "{ viewer { " + names(4990, "x") + " } }",
    "a list of 4,900 values": "{ viewer { kind(a: [" + repeated(4900, "1") + "]) } }",
    "1,600 arguments": "{ viewer { kind(" + " ".join(f"a{i}: 1" for i in range(1600)) + ") } }",
    "150 operations": " ".join(f"query Q{i} {{ viewer {{ kind }} }}" for i in range(150)),
    # 110 errors, each located by scanning what comes before it
    # (400,000: their JSON escapes fill most of the 1 MB body limit)
    "110 errors after 400,000 line breaks": "\n" * 400_000 + "{ viewer { " + UNKNOWN + " } }",
    "110 errors after 49,000 characters": '{ viewer { kind(a: "'
    + "x" * 49_000
    + '") '
    + UNKNOWN
    + " } }",
}
# The largest documents of those shapes that still pass the caps (validated, invalid).
UNDER_THE_CAPS = {
    "10 fragments of 19 distinct unknown fields": spread_all(10, lambda i: names(19, f"x{i}_")),
    "10 fragments of 19 same fields": spread_all(10, lambda i: names(19)),
    "30 fragments of 5 distinct unknown fields": spread_all(30, lambda i: names(5, f"x{i}_")),
    "10 fragments, nested, differing arguments": spread_all(
        10, lambda i: "a { " * 3 + f"b(x: {i}) {{ {names(15)} }}" + " }" * 3
    ),
    "110 errors after 190 line breaks": "\n" * 190 + "{ viewer { " + UNKNOWN + " } }",
    "110 errors after 5,000 characters": '{ viewer { kind(a: "'
    + "x" * 5_000
    + '") '
    + UNKNOWN
    + " } }",
    "the audit's fan-out of 24": fan_out(24),
}


def cpu_of_server_path(query: str) -> tuple[str, float]:
    """The best of three runs: CPU time is what is bounded, not the machine's load."""
    document = parse(query, max_tokens=get_settings().max_tokens)
    outcome, best = "", float("inf")
    for _ in range(3):
        started = time.process_time()
        outcome = server_path(document)
        best = min(best, time.process_time() - started)
    return outcome, best


@pytest.mark.parametrize("name", [*MERGE_HEAVY, *LARGE])
def test_documents_slow_to_validate_are_refused_in_bounded_time(name: str) -> None:
    outcome, elapsed = cpu_of_server_path({**MERGE_HEAVY, **LARGE}[name])
    assert outcome == "refused", name
    assert elapsed < 0.050, f"{name}: {elapsed * 1000:.1f} ms of CPU"


@pytest.mark.parametrize("name", UNDER_THE_CAPS)
def test_the_largest_documents_under_the_caps_validate_in_bounded_time(name: str) -> None:
    outcome, elapsed = cpu_of_server_path(UNDER_THE_CAPS[name])
    assert outcome in {"valid", "invalid"}, name
    assert elapsed < 0.050, f"{name}: {elapsed * 1000:.1f} ms of CPU"


@pytest.mark.parametrize("name", [*MERGE_HEAVY, *LARGE])
async def test_documents_slow_to_validate_are_too_complex_through_the_app(
    client_factory: Any, name: str
) -> None:
    client: ApiClient = client_factory()
    result = await client.gql({**MERGE_HEAVY, **LARGE}[name])
    assert result.status == 200, result
    assert result.data is None, result
    assert result.codes == ["QUERY_TOO_COMPLEX"], result
    extensions = result.errors[0]["extensions"]
    assert extensions["cost"] > extensions["limit"], extensions


def test_merge_work_is_counted_once_per_fragment_pair() -> None:
    # 24 fragments each spreading the next three: graphql-core compares each pair once.
    assert complexity.merge_work(parse(fan_out(24)), 10**9) <= LIMITS.max_merge_work
    # Fields under one name in 50 fragments spread together: 1,225 pairs per name.
    work = complexity.merge_work(parse(spread_all(50, lambda i: "kind")), 10**9)
    assert work >= 1225 * complexity.PAIR_OF_LEAVES


def test_merge_work_stops_counting_past_its_budget() -> None:
    document = parse(MERGE_HEAVY["nested repeats, 20 x 20 x 8"])  # 3 million, uncounted
    started = time.process_time()
    work = complexity.merge_work(document, 1_000)
    assert time.process_time() - started < 0.050
    assert work > 1_000


@pytest.mark.parametrize("name", ["same names, 39 x 5", "nested repeats, 5 x 5 x 6"])
def test_the_merge_refusal_says_what_was_counted(name: str) -> None:
    extensions = refusal(MERGE_HEAVY[name])
    assert extensions["limit"] == LIMITS.max_merge_work
    assert extensions["cost"] > LIMITS.max_merge_work


def test_text_nodes_and_fields_are_capped() -> None:
    lines = "{ viewer { kind } }" + "\n" * LIMITS.max_query_lines
    assert refusal(lines) == {"cost": LIMITS.max_query_lines + 1, "limit": LIMITS.max_query_lines}
    crlf = "{ viewer { kind } }" + "\r\n" * LIMITS.max_query_lines
    assert refusal(crlf)["cost"] == LIMITS.max_query_lines + 1
    long = "{ viewer { kind } }" + " " * LIMITS.max_query_length
    assert refusal(long) == {"cost": len(long), "limit": LIMITS.max_query_length}
    fields = "{ viewer { " + names(LIMITS.max_fields, "x") + " } }"  # and viewer
    assert refusal(fields) == {"cost": LIMITS.max_fields + 1, "limit": LIMITS.max_fields}
    values = "{ viewer { kind(a: [" + repeated(LIMITS.max_nodes, "1") + "]) } }"
    assert refusal(values)["limit"] == LIMITS.max_nodes
