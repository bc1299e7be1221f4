"""``app.graphql.pipeline.compose``: parts run as Strawberry runs listed extensions."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from typing import Any

import pytest
import strawberry
from graphql import GraphQLError
from strawberry.extensions import SchemaExtension

from app.graphql.pipeline import compose

log: list[str] = []


class Outer(SchemaExtension):
    async def on_operation(self) -> AsyncIterator[None]:
        log.append("outer operation in")
        try:
            yield
        except ValueError as error:
            log.append(f"outer caught {error}")
            raise GraphQLError("replaced") from error
        log.append("outer operation out")

    def on_parse(self) -> Iterator[None]:
        log.append("outer parse in")
        yield
        log.append("outer parse out")

    async def get_results(self) -> dict[str, Any]:
        return {"outer": 1, "shared": "outer"}


class Middle(SchemaExtension):
    def on_operation(self) -> Iterator[None]:
        log.append("middle operation in")
        yield
        log.append("middle operation out")

    async def on_validate(self) -> AsyncIterator[None]:
        log.append("middle validate in")
        if self.execution_context.query and "fail" in self.execution_context.query:
            raise ValueError("middle failed")
        yield
        log.append("middle validate out")

    def get_results(self) -> dict[str, Any]:
        return {"shared": "middle"}


class Inner(SchemaExtension):
    async def on_validate(self) -> None:  # type: ignore[override]  # plain: runs on the way in
        log.append("inner validate")

    async def on_execute(self) -> AsyncIterator[None]:
        log.append("inner execute in")
        yield
        log.append("inner execute out")


@strawberry.type
class Query:
    @strawberry.field
    def hello(self) -> str:
        log.append("resolver")
        return "world"


def schemas() -> tuple[strawberry.Schema, strawberry.Schema]:
    listed = strawberry.Schema(query=Query, extensions=[Outer, Middle, Inner])
    composed = strawberry.Schema(query=Query, extensions=[compose("Both", Outer, Middle, Inner)])
    return listed, composed


async def run(schema: strawberry.Schema, query: str) -> tuple[Any, list[str]]:
    log.clear()
    result = await schema.execute(query)
    errors = [error.message for error in result.errors or []]
    return (result.data, errors, result.extensions), list(log)


@pytest.mark.parametrize("query", ["{ hello }", "{ nope }", "{ hello(", "{ hello } # fail"])
async def test_composed_runs_like_listed(query: str) -> None:
    listed, composed = schemas()
    expected = await run(listed, query)
    assert await run(composed, query) == expected


async def test_order_and_nesting() -> None:
    _, composed = schemas()
    (data, errors, extensions), order = await run(composed, "{ hello }")
    assert data == {"hello": "world"} and errors == []
    assert extensions == {"outer": 1, "shared": "middle"}
    assert order == [
        "outer operation in",
        "middle operation in",
        "outer parse in",
        "outer parse out",
        "middle validate in",
        "inner validate",
        "middle validate out",
        "inner execute in",
        "resolver",
        "inner execute out",
        "middle operation out",
        "outer operation out",
    ]


async def test_an_error_in_a_part_leaves_through_the_outer_parts() -> None:
    _, composed = schemas()
    (data, errors, _), order = await run(composed, "{ hello } # fail")
    assert data is None and errors == ["replaced"]
    assert order[-2:] == ["middle validate in", "outer caught middle failed"]
    assert "resolver" not in order and "middle operation out" not in order


def test_a_part_with_a_resolve_hook_is_refused() -> None:
    class PerField(SchemaExtension):
        def resolve(self, _next: Any, root: Any, info: Any, *args: Any, **kwargs: Any) -> Any:
            return _next(root, info, *args, **kwargs)

    with pytest.raises(TypeError):
        compose("Bad", Outer, PerField)
