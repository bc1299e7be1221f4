"""A list of ``immutable`` values under a selection of attributes only is completed once
per plan and reused (the same list) for the same tuple; anything that could answer
differently (a resolver, an error, a value not declared immutable, another tuple) is
completed every time. Every answer is still graphql-core's."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from typing import Any, cast

import strawberry
from graphql import ExecutionResult
from strawberry.schema.schema import StrawberryGraphQLCoreExecutionContext

from app.graphql.compiled import differences, immutable
from tests.graphql.compiled.library import CompiledContext, QuietSchema, settled


@strawberry.enum
class Size(Enum):
    SMALL = "small"
    LARGE = "large"


@immutable
@dataclass(frozen=True, slots=True)
class PageValue:
    number: int
    text: str


@immutable
@dataclass(frozen=True, slots=True)
class ShelfValue:
    label: str
    size: Size
    weight: float
    pages: tuple[PageValue, ...]

    @property
    def broken(self) -> str | None:
        if self.label == "B":
            raise ValueError("shelf B is broken")
        return self.label


@dataclass(frozen=True, slots=True)
class UndeclaredValue:
    label: str


@strawberry.type
class Page:
    number: int
    text: str


@strawberry.type
class Shelf:
    label: str
    size: Size
    weight: float
    broken: str | None
    pages: tuple[PageValue, ...] = strawberry.field(graphql_type=list[Page])

    @strawberry.field
    def loud(self) -> str:
        calls.append(self.label)
        return self.label.upper()


@strawberry.type
class Undeclared:
    label: str


calls: list[str] = []
SHELVES = tuple(
    ShelfValue(
        label,
        Size.SMALL if n % 2 else Size.LARGE,
        n / 2,
        tuple(PageValue(p, f"{label}{p}") for p in range(3)),
    )
    for n, label in enumerate("ABC")
)
UNDECLARED = (UndeclaredValue("x"), UndeclaredValue("y"))


@strawberry.type
class Query:
    # the types read the values' attributes (as app/quizzes/types.py does)
    @strawberry.field
    def shelves(self) -> list[Shelf]:
        return cast(list[Shelf], SHELVES)

    @strawberry.field
    def copied_shelves(self) -> list[Shelf]:
        return cast(list[Shelf], tuple(list(SHELVES)))  # the same values, a new tuple

    @strawberry.field
    def undeclared(self) -> list[Undeclared]:
        return cast(list[Undeclared], UNDECLARED)


reference = QuietSchema(query=Query, execution_context_class=StrawberryGraphQLCoreExecutionContext)
compiled = QuietSchema(query=Query, execution_context_class=CompiledContext)


async def twice(query: str) -> tuple[ExecutionResult, ExecutionResult]:
    """Two compiled runs of ``query``, each asserted equal to graphql-core's answer."""
    expected = await settled(reference.execute(query))
    runs: list[ExecutionResult] = []
    for _ in range(2):
        result = await settled(compiled.execute(query))
        assert differences(expected, result) == []
        runs.append(result)  # type: ignore[arg-type]
    return runs[0], runs[1]


def data(result: ExecutionResult, key: str) -> Any:
    assert result.data is not None
    return result.data[key]


async def test_the_same_tuple_under_attributes_only_is_completed_once() -> None:
    first, second = await twice(
        "{ shelves { label size weight pages { number text } __typename } }"
    )
    assert data(first, "shelves")[1] == {
        "label": "B",
        "size": "SMALL",
        "weight": 0.5,
        "pages": [
            {"number": 0, "text": "B0"},
            {"number": 1, "text": "B1"},
            {"number": 2, "text": "B2"},
        ],
        "__typename": "Shelf",
    }
    assert data(second, "shelves") is data(first, "shelves")


async def test_each_selection_keeps_its_own() -> None:
    labels, _ = await twice("{ shelves { label } }")
    weights, _ = await twice("{ shelves { weight } }")
    assert data(labels, "shelves") == [{"label": label} for label in "ABC"]
    assert data(weights, "shelves") == [{"weight": 0.0}, {"weight": 0.5}, {"weight": 1.0}]


async def test_a_resolver_below_runs_every_time() -> None:
    calls.clear()
    first, second = await twice("{ shelves { label loud } }")
    assert calls == list("ABC") * 3  # graphql-core's run and both compiled runs
    assert data(second, "shelves") is not data(first, "shelves")
    # the pages below, attributes only, are still kept
    third, fourth = await twice("{ shelves { loud pages { text } } }")
    assert data(third, "shelves")[0]["pages"] is data(fourth, "shelves")[0]["pages"]


async def test_a_list_whose_completion_raised_an_error_is_not_kept() -> None:
    first, second = await twice("{ shelves { label broken } }")
    for result in (first, second):
        assert [(error.message, error.path) for error in result.errors or ()] == [
            ("shelf B is broken", ["shelves", 1, "broken"])
        ]
    assert data(second, "shelves") is not data(first, "shelves")


async def test_values_not_declared_immutable_and_new_tuples_are_completed_every_time() -> None:
    first, second = await twice("{ undeclared { label } }")
    assert data(first, "undeclared") == [{"label": "x"}, {"label": "y"}]
    assert data(second, "undeclared") is not data(first, "undeclared")
    third, fourth = await twice("{ copiedShelves { label } }")
    assert data(fourth, "copiedShelves") is not data(third, "copiedShelves")
