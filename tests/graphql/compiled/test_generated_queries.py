"""Property: for any query over a schema whose data holds nulls and errors anywhere,
the compiled path's result is graphql-core's.

Hypothesis draws both the data (each value of each item: a value, a null, or an
exception returned or raised, sync or async) and the document (fields, aliases,
duplicated fields that merge, ``__typename``, inline fragments on an interface and a
union, named fragments, ``@skip``/``@include`` with literals and variables), then runs
the document through both executors and compares everything.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
from typing import Annotated, Any

import strawberry
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from strawberry.dataloader import DataLoader
from strawberry.schema.schema import StrawberryGraphQLCoreExecutionContext
from strawberry.types import Info

from app.graphql.compiled import differences, stats
from tests.graphql.compiled.library import CompiledContext, QuietSchema, settled


class Broken(Exception):
    pass


# A value as the data holds it: ("ok", v), ("null",), ("returned", msg): an exception
# returned as the value, ("raised", msg): raised by the resolver.
Slot = tuple[Any, ...]


@dataclass
class World:
    items: dict[str, dict[str, Slot]]
    children: dict[str, list[str | None]]
    batches: list[list[str]] = field(default_factory=list)


def realise(slot: Slot) -> Any:
    kind = slot[0]
    if kind == "ok":
        return slot[1]
    if kind == "null":
        return None
    if kind == "returned":
        return Broken(slot[1])
    raise Broken(slot[1])


def world_of(info: Info) -> World:
    return info.context["world"]  # type: ignore[no-any-return]


def loader_of(info: Info) -> DataLoader[str, Item | None]:
    return info.context["items"]  # type: ignore[no-any-return]


@strawberry.interface
class Thing:
    key: strawberry.Private[str]

    @strawberry.field
    def name(self, info: Info) -> str | None:
        return realise(world_of(info).items[self.key]["name"])  # type: ignore[no-any-return]


@strawberry.type
class Item(Thing):
    # plain attributes (Strawberry's basic fields): the value, None or an exception
    label: str | None
    count: int | None
    strict_label: str

    @strawberry.field
    async def later(self, info: Info) -> str | None:
        await asyncio.sleep(0)
        return realise(world_of(info).items[self.key]["later"])  # type: ignore[no-any-return]

    @strawberry.field
    def strict(self, info: Info) -> str:
        return realise(world_of(info).items[self.key]["strict"])  # type: ignore[no-any-return]

    @strawberry.field
    def children(self, info: Info) -> list[Item | None] | None:
        return [make_item(info, key) for key in world_of(info).children[self.key]]

    @strawberry.field
    def strict_children(self, info: Info) -> list[Item]:
        return [make_item(info, key) for key in world_of(info).children[self.key]]  # type: ignore[misc]

    @strawberry.field
    async def friend(self, info: Info) -> Item | None:
        keys = [key for key in world_of(info).children[self.key] if key is not None]
        return await loader_of(info).load(keys[0]) if keys else None

    @strawberry.field
    def thing(self, info: Info) -> Thing | None:
        keys = world_of(info).children[self.key]
        return Other(key=self.key, size=len(keys)) if len(keys) % 2 else make_item(info, self.key)

    @strawberry.field
    def either(self, info: Info) -> Annotated[Item | Other, strawberry.union("Either")]:
        return Other(key=self.key, size=None) if self.key.endswith("1") else self


@strawberry.type
class Other(Thing):
    size: int | None


def make_item(info: Info, key: str | None) -> Item | None:
    if key is None:
        return None
    slots = world_of(info).items[key]
    return Item(
        key=key,
        label=realise_attribute(slots["label"]),
        count=realise_attribute(slots["count"]),
        strict_label=realise_attribute(slots["strict_label"]),
    )


def realise_attribute(slot: Slot) -> Any:
    # An attribute can't raise when read here: "raised" becomes a returned exception.
    return realise(("returned", slot[1]) if slot[0] == "raised" else slot)


@strawberry.type
class Query:
    @strawberry.field
    def items(self, info: Info) -> list[Item]:
        return [make_item(info, key) for key in world_of(info).items]  # type: ignore[misc]

    @strawberry.field
    def root(self, info: Info) -> Item | None:
        return make_item(info, next(iter(world_of(info).items)))

    @strawberry.field
    def things(self, info: Info) -> list[Thing | None]:
        return [
            make_item(info, key) if n % 2 else Other(key=key, size=n)
            for n, key in enumerate(world_of(info).items)
        ]


reference = QuietSchema(
    query=Query, types=[Other], execution_context_class=StrawberryGraphQLCoreExecutionContext
)
compiled = QuietSchema(query=Query, types=[Other], execution_context_class=CompiledContext)


def context_for(world: World) -> dict[str, Any]:
    async def load(keys: list[str]) -> list[Item | None]:
        world.batches.append(list(keys))
        return [Item(key=key, label="loaded", count=1, strict_label="loaded") for key in keys]

    return {"world": world, "items": DataLoader(load_fn=load)}


# -- the data ---------------------------------------------------------------------

KEYS = ["i0", "i1", "i2", "i3"]


def slots(value: st.SearchStrategy[Any]) -> st.SearchStrategy[Slot]:
    return st.one_of(
        value.map(lambda v: ("ok", v)),
        st.just(("null",)),
        st.sampled_from(["bad", "worse"]).map(lambda m: ("returned", m)),
        st.sampled_from(["boom", "bang"]).map(lambda m: ("raised", m)),
    )


texts = st.sampled_from(["a", "b", "ü"])
item_slots = st.fixed_dictionaries(
    {
        "name": slots(texts),
        "label": slots(texts),
        "count": slots(st.integers(-3, 3)),
        "strict_label": slots(texts),
        "later": slots(texts),
        "strict": slots(texts),
    }
)


@st.composite
def worlds(draw: st.DrawFn) -> World:
    keys = KEYS[: draw(st.integers(1, len(KEYS)))]
    return World(
        items={key: draw(item_slots) for key in keys},
        children={
            key: draw(st.lists(st.one_of(st.none(), st.sampled_from(keys)), max_size=3))
            for key in keys
        },
    )


# -- the documents ----------------------------------------------------------------

LEAVES = {
    "Item": ["name", "label", "count", "strictLabel", "later", "strict", "__typename"],
    "Other": ["name", "size", "__typename"],
    "Thing": ["name", "__typename"],
    "Either": ["__typename"],
}
OBJECTS = {
    "Item": {
        "children": "Item",
        "strictChildren": "Item",
        "friend": "Item",
        "thing": "Thing",
        "either": "Either",
    },
    "Other": {},
    "Thing": {},
    "Either": {},
}
FRAGMENT_TYPES = {
    "Item": ["Item", "Thing"],
    "Other": ["Other", "Thing"],
    "Thing": ["Item", "Other", "Thing"],
    "Either": ["Item", "Other"],
}


@dataclass
class Writer:
    draw: st.DrawFn
    variables: set[str] = field(default_factory=set)
    fragments: dict[str, str] = field(default_factory=dict)
    aliases: int = 0

    def directive(self) -> str:
        choice = self.draw(st.integers(0, 5))
        if choice >= 3:
            return ""
        name = self.draw(st.sampled_from(["skip", "include"]))
        if choice == 0:
            variable = self.draw(st.sampled_from(["v0", "v1"]))
            self.variables.add(variable)
            return f" @{name}(if: ${variable})"
        return f" @{name}(if: {'true' if choice == 1 else 'false'})"

    def selection(self, type_name: str, depth: int) -> str:
        parts: list[str] = []
        for _ in range(self.draw(st.integers(1, 4))):
            parts.append(self.part(type_name, depth))
        return "{ " + " ".join(parts) + " }"

    def part(self, type_name: str, depth: int) -> str:
        kinds = ["leaf", "leaf"]
        if depth > 0:
            kinds.append("fragment")
            if OBJECTS[type_name]:
                kinds.append("object")
        kind = self.draw(st.sampled_from(kinds))
        if kind == "leaf":
            name = self.draw(st.sampled_from(LEAVES[type_name]))
            return self.alias() + name + self.directive()
        if kind == "object":
            name, target = self.draw(st.sampled_from(sorted(OBJECTS[type_name].items())))
            return self.alias() + name + self.directive() + " " + self.selection(target, depth - 1)
        condition = self.draw(st.sampled_from(FRAGMENT_TYPES[type_name]))
        body = self.selection(condition, depth - 1)
        if self.draw(st.booleans()):
            return f"... on {condition}{self.directive()} {body}"
        name = f"F{len(self.fragments)}"
        self.fragments[name] = f"fragment {name} on {condition} {body}"
        return f"...{name}{self.directive()}"

    def alias(self) -> str:
        if self.draw(st.integers(0, 3)):
            return ""
        self.aliases += 1
        return f"a{self.aliases}: "


@st.composite
def documents(draw: st.DrawFn) -> tuple[str, dict[str, bool]]:
    writer = Writer(draw)
    root = draw(st.sampled_from([("items", "Item"), ("root", "Item"), ("things", "Thing")]))
    body = writer.selection(root[1], 2)
    more = writer.selection("Item", 1) if draw(st.booleans()) else None
    header = ", ".join(f"${name}: Boolean!" for name in sorted(writer.variables))
    operation = f"query{'(' + header + ')' if header else ''} {{ {root[0]} {body}"
    operation += f" again: root {more} }}" if more else " }"
    text = " ".join([operation, *writer.fragments.values()])
    values = {name: draw(st.booleans()) for name in writer.variables}
    return text, values


def run(schema: QuietSchema, document: str, variables: dict[str, bool], world: World) -> Any:
    async def execute() -> Any:
        return await settled(
            schema.execute(document, variable_values=variables, context_value=context_for(world))
        )

    return asyncio.run(execute())


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(world=worlds(), document=documents())
def test_any_query_over_any_data_answers_as_graphql_core(
    world: World, document: tuple[str, dict[str, bool]]
) -> None:
    text, variables = document
    expected = run(reference, text, variables, world)
    compiled_before = stats.compiled
    reference_batches = list(world.batches)
    world.batches.clear()
    actual = run(compiled, text, variables, world)
    assert stats.compiled == compiled_before + 1, (text, expected)
    assert differences(expected, actual) == [], text
    assert world.batches == reference_batches
