"""Issue 11: the compiled execution path against graphql-core's, on the quiz list's shape.

The 20 x 10 x 4 list of ``bench/quizzes_list.py`` (20 quizzes, 10 questions each, 4
options each) served from memory by a bare Strawberry schema with the baseline's
caches, once with graphql-core's executor and once with ``app.graphql.compiled``: no
database, no door, so the ratio is the executors' alone. Measured twice: in process
(``schema.execute``: Strawberry's pipeline plus execution; see ``in_process`` for why
at several call depths) and over HTTP with wrk (plus the server and the JSON encoding
of a ~28 KB response).

Run alone: ``python -m bench.compiled_list`` (or ``python -m bench.run compiled_list``).
"""

from __future__ import annotations

import asyncio
import statistics
import sys
import time
from pathlib import Path

import strawberry
from strawberry.asgi import GraphQL
from strawberry.extensions import ParserCache, ValidationCache
from strawberry.schema.schema import StrawberryGraphQLCoreExecutionContext

from app.graphql.compiled import CompiledExecution, stats
from bench.harness import WrkResult, run_wrk, server

QUERY = """query($slug: String!) { organization(slug: $slug) { quizzes(first: 20) {
  edges { node { title questions(first: 10) { prompt options { text } } } } } } }"""
BODY: dict[str, object] = {"query": QUERY, "variables": {"slug": "bench"}}


@strawberry.type
class Option:
    text: str


@strawberry.type
class Question:
    prompt: str
    options: list[Option]


@strawberry.type
class Quiz:
    title: str
    all_questions: strawberry.Private[list[Question]]

    @strawberry.field
    def questions(self, first: int | None = None) -> list[Question]:
        return self.all_questions[:first]


@strawberry.type
class QuizEdge:
    cursor: str
    node: Quiz


@strawberry.type
class QuizConnection:
    edges: list[QuizEdge]


QUIZZES = [
    Quiz(
        title=f"Quiz {q}",
        all_questions=[
            Question(
                prompt=f"Question {q}.{n}?",
                options=[Option(text=f"Option {q}.{n}.{o}") for o in range(4)],
            )
            for n in range(10)
        ],
    )
    for q in range(20)
]


@strawberry.type
class Organization:
    slug: str

    @strawberry.field
    def quizzes(self, first: int = 20) -> QuizConnection:
        return QuizConnection(
            edges=[QuizEdge(cursor=str(n), node=quiz) for n, quiz in enumerate(QUIZZES[:first])]
        )


@strawberry.type
class Query:
    @strawberry.field
    def organization(self, slug: str) -> Organization:
        return Organization(slug=slug)


class CompiledContext(CompiledExecution, StrawberryGraphQLCoreExecutionContext):
    pass


def make_schema(executor: type[StrawberryGraphQLCoreExecutionContext]) -> strawberry.Schema:
    return strawberry.Schema(
        query=Query,
        extensions=[lambda: ParserCache(maxsize=512), lambda: ValidationCache(maxsize=512)],
        execution_context_class=executor,
    )


graphql_core_schema = make_schema(StrawberryGraphQLCoreExecutionContext)
compiled_schema = make_schema(CompiledContext)
graphql_core_app = GraphQL(graphql_core_schema, graphql_ide=None)
compiled_app = GraphQL(compiled_schema, graphql_ide=None)


def in_process(schema: strawberry.Schema, rounds: int = 3, per_round: int = 20) -> list[float]:
    """Requests per second of ``schema.execute`` (the best of a few rounds), started
    at each of several call depths.

    CPython 3.11 keeps frames on a stack of chunks: graphql-core's deep recursion runs
    two to three times slower when its depth keeps crossing a chunk boundary, which
    happens or not depending on how deep the caller already is (measured here: 9 to
    31 ms for the same request). So one depth gives one arbitrary figure; several give
    graphql-core's best case and its median."""

    def at_depth(depth: int) -> float:
        if depth:
            return at_depth(depth - 1)
        return asyncio.run(measure())

    async def measure() -> float:
        best = float("inf")
        for _ in range(rounds):
            started = time.perf_counter()
            for _ in range(per_round):
                result = await schema.execute(QUERY, variable_values={"slug": "bench"})
                assert not result.errors, result.errors
            best = min(best, (time.perf_counter() - started) / per_round)
        return 1 / best

    return [at_depth(depth) for depth in range(0, 40, 3)]


def run(scratch: Path) -> dict[str, WrkResult | dict[str, object]]:
    reference = asyncio.run(graphql_core_schema.execute(QUERY, variable_values={"slug": "bench"}))
    compiled_before = stats.compiled
    compiled = asyncio.run(compiled_schema.execute(QUERY, variable_values={"slug": "bench"}))
    assert stats.compiled == compiled_before + 1, "the compiled path did not run"
    assert reference.data == compiled.data and not compiled.errors
    core, compiled_rps = in_process(graphql_core_schema), in_process(compiled_schema)
    figures: dict[str, WrkResult | dict[str, object]] = {
        "compiled_list in process (20 x 10 x 4 from memory)": {
            "graphql_core_rps_best": round(max(core), 1),
            "graphql_core_rps_median": round(statistics.median(core), 1),
            "compiled_rps_best": round(max(compiled_rps), 1),
            "compiled_rps_median": round(statistics.median(compiled_rps), 1),
            "ratio_of_bests": round(max(compiled_rps) / max(core), 2),
            "ratio_of_medians": round(statistics.median(compiled_rps) / statistics.median(core), 2),
        }
    }
    with server("bench.compiled_list:graphql_core_app", {}) as url:
        core_http = run_wrk(url, BODY)
    with server("bench.compiled_list:compiled_app", {}) as url:
        compiled_http = run_wrk(url, BODY)
    figures["20 x 10 x 4 from memory, graphql-core"] = core_http
    figures["20 x 10 x 4 from memory, compiled"] = compiled_http
    figures["compiled_list over HTTP"] = {
        "ratio": round(compiled_http.requests_per_second / core_http.requests_per_second, 2)
    }
    return figures


if __name__ == "__main__":
    from bench.run import main

    raise SystemExit(main(["compiled_list", *sys.argv[1:]]))
