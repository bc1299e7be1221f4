"""``app.graphql.pipeline.compose``: parts run as Strawberry runs listed extensions."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from typing import Any

import pytest
import strawberry
from graphql import GraphQLError
from strawberry.extensions import SchemaExtension

from app.graphql.pipeline import PipelineRunner, compose, runner

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


class RunnerSchema(strawberry.Schema):
    """Drives the composed extension with ``app.graphql.pipeline.runner``."""

    used: list[object] = []

    def create_extensions_runner(self, execution_context: Any, extensions: list[Any]) -> Any:
        made = runner(execution_context, extensions)
        self.used.append(made)
        return made


def schemas() -> tuple[strawberry.Schema, strawberry.Schema]:
    listed = strawberry.Schema(query=Query, extensions=[Outer, Middle, Inner])
    composed = strawberry.Schema(query=Query, extensions=[compose("Both", Outer, Middle, Inner)])
    return listed, composed


def with_runner() -> RunnerSchema:
    return RunnerSchema(query=Query, extensions=[compose("Both", Outer, Middle, Inner)])


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


@pytest.mark.parametrize("query", ["{ hello }", "{ nope }", "{ hello(", "{ hello } # fail"])
async def test_our_runner_runs_like_strawberrys(query: str) -> None:
    """Results, extensions and hook order (with an error handled or replaced on the way
    out) are the same with ``PipelineRunner`` as with Strawberry's runner of the listed
    parts."""
    listed, _ = schemas()
    fast = with_runner()
    fast.used.clear()
    expected = await run(listed, query)
    assert await run(fast, query) == expected
    assert fast.used and all(isinstance(made, PipelineRunner) for made in fast.used)


def test_our_runner_refuses_an_async_hook_in_a_sync_execution() -> None:
    """As Strawberry's runner does (the hooks are async: no sync execution)."""
    _, composed = schemas()
    with pytest.raises(RuntimeError):
        composed.execute_sync("{ hello }")
    with pytest.raises(RuntimeError):
        with_runner().execute_sync("{ hello }")


def test_other_extension_lists_get_strawberrys_runner() -> None:
    assert not isinstance(runner(None, [Outer(), Middle()]), PipelineRunner)  # type: ignore[arg-type]


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
