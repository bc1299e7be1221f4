"""Depth, aliases and cost of a GraphQL operation, in one linear pass over the document.

Strawberry's ``QueryDepthLimiter`` and ``MaxAliasesLimiter`` walk every path through
fragment spreads without remembering what they saw, so a kilobyte of fragments that
each spread the next three costs exponential time (see
docs/upstream/strawberry-limiter-fanout.md). This walk measures each fragment once
(per connection page size, see below) and reuses the measure at every spread, and it
runs on the parsed document *before* graphql-core's own rules, some of which recurse
along spreads too: the fragment cap is what keeps those bounded.

The cost model (Shopify's and GitHub's, in objects): every object in the response
costs 1, scalars cost 0. A list multiplies its items' cost by how many it can hold:

- the ``edges`` (or ``nodes``) of a connection by the connection's ``first``: its
  value or its variable's, 20 when left out, at most 100 (``app.core.pagination``);
- a plain list by its ``first`` argument when it has one and it is given, otherwise
  by the most it can ever hold (``LIST_SIZES``), or ``DEFAULT_LIST_SIZE`` for a list
  nobody has sized yet.

So ``requested`` is an upper bound on the number of objects in the response.

Introspection (``__schema``, ``__type`` and what hangs below them) is answered from
the static schema and costs nothing here, but it is bounded two ways: its fields
count towards the depth (except ``ofType``, which unwraps one list or non-null
wrapper: a single object, no fan-out, nested up to nine times by the standard
introspection query), and its lists (``fields``, ``inputFields``, ``interfaces``,
``possibleTypes``) may nest at most ``MAX_INTROSPECTION_LISTS`` deep, the rule
graphql-js added to its specified rules in 16.9.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from graphql import (
    BooleanValueNode,
    DocumentNode,
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLField,
    GraphQLInterfaceType,
    GraphQLList,
    GraphQLNamedType,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLSchema,
    GraphQLUnionType,
    InlineFragmentNode,
    IntValueNode,
    OperationDefinitionNode,
    SelectionSetNode,
    ValueNode,
    VariableNode,
    get_named_type,
)
from graphql.type.introspection import SchemaMetaFieldDef, TypeMetaFieldDef, TypeNameMetaFieldDef

from app.core.errors import QueryTooComplex
from app.core.pagination import DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE
from app.leaderboards.subscriptions import MAX_TOP
from app.quizzes.checks import MAX_OPTIONS
from app.quizzes.drafts import MAX_QUESTIONS
from app.quizzes.importers import MAX_REPORTED_PROBLEMS

# The most items each plain list of objects can hold; a new list field belongs here.
LIST_SIZES: Mapping[tuple[str, str], int] = {
    ("Quiz", "questions"): MAX_QUESTIONS,
    ("Quiz", "questionsWithAnswers"): MAX_QUESTIONS,
    ("Question", "options"): MAX_OPTIONS,
    ("AuthoredQuestion", "options"): MAX_OPTIONS,
    ("Attempt", "questions"): MAX_QUESTIONS,
    ("Attempt", "results"): MAX_QUESTIONS,
    ("LeaderboardUpdate", "entries"): MAX_TOP,
    # The listed problems, plus one that says how many more were left out.
    ("ImportQuizPayload", "problems"): MAX_REPORTED_PROBLEMS + 1,
}
DEFAULT_LIST_SIZE = MAX_PAGE_SIZE

MAX_INTROSPECTION_LISTS = 2
# The same response name in one selection set (a union's members may each select it).
MAX_REPEATED_FIELD = 20
_INTROSPECTION_LISTS = frozenset({"fields", "inputFields", "interfaces", "possibleTypes"})

# Measures saturate here: a fan-out of fragments can describe astronomically many
# objects, and the number still has to fit the JSON of the refusal.
CEILING = 2**53 - 1


@dataclass(frozen=True, slots=True)
class Limits:
    max_depth: int
    max_aliases: int
    max_cost: int
    max_fragments: int
    max_fragment_spreads: int


@dataclass(frozen=True, slots=True)
class Measure:
    depth: int = 0
    aliases: int = 0
    cost: int = 0
    # How deeply introspection lists nest below this point.
    introspection_lists: int = 0

    def beside(self, other: Measure) -> Measure:
        """Two selections of the same selection set."""
        return Measure(
            max(self.depth, other.depth),
            min(CEILING, self.aliases + other.aliases),
            min(CEILING, self.cost + other.cost),
            max(self.introspection_lists, other.introspection_lists),
        )


NOTHING = Measure()


def check(
    schema: GraphQLSchema,
    document: DocumentNode,
    *,
    operation_name: str | None,
    variables: Mapping[str, Any] | None,
    limits: Limits,
) -> Measure:
    """The operation's measure, or QueryTooComplex (with ``cost`` and ``limit``) when over."""
    check_document(document, limits)
    measure = measure_operation(
        schema, document, operation_name=operation_name, variables=variables
    )
    refuse_over(measure, limits)
    return measure


def check_document(document: DocumentNode, limits: Limits) -> None:
    """The caps on the parsed document as a whole, checked before graphql-core's rules
    run: they recurse along spreads (a chain of 300 fragments exceeds Python's recursion
    limit) and compare fields pairwise, so what they get must already be bounded."""
    fragments = sum(isinstance(d, FragmentDefinitionNode) for d in document.definitions)
    if fragments > limits.max_fragments:
        raise QueryTooComplex(
            f"The document defines {fragments} fragments; at most "
            f"{limits.max_fragments} are allowed.",
            cost=fragments,
            limit=limits.max_fragments,
        )
    # OverlappingFieldsCanBeMerged compares the fragments spread into one selection
    # set pairwise, so the spreads are capped too.
    spreads = _count_spreads(document)
    if spreads > limits.max_fragment_spreads:
        raise QueryTooComplex(
            f"The document has {spreads} fragment spreads; at most "
            f"{limits.max_fragment_spreads} are allowed.",
            cost=spreads,
            limit=limits.max_fragment_spreads,
        )


def _count_spreads(document: DocumentNode) -> int:
    """Fragment spreads in the whole document; on the way, every selection set of every
    definition (run or not: graphql-core validates them all) is checked for repeats."""
    count = 0
    pending: list[SelectionSetNode] = [
        d.selection_set
        for d in document.definitions
        if isinstance(d, OperationDefinitionNode | FragmentDefinitionNode)
    ]
    while pending:  # iterative: the parser allows deeper nesting than Python's stack
        selection_set = pending.pop()
        _refuse_repeats(selection_set)
        for selection in selection_set.selections:
            if isinstance(selection, FragmentSpreadNode):
                count += 1
            elif isinstance(selection, FieldNode | InlineFragmentNode) and selection.selection_set:
                pending.append(selection.selection_set)
    return count


def refuse_over(measure: Measure, limits: Limits) -> None:
    if measure.depth > limits.max_depth:
        raise QueryTooComplex(
            f"The query is {measure.depth} levels deep; at most {limits.max_depth} are allowed.",
            cost=measure.depth,
            limit=limits.max_depth,
        )
    if measure.introspection_lists > MAX_INTROSPECTION_LISTS:
        raise QueryTooComplex(
            f"Introspection lists (fields, inputFields, interfaces, possibleTypes) nest "
            f"{measure.introspection_lists} deep; at most {MAX_INTROSPECTION_LISTS} are allowed.",
            cost=measure.introspection_lists,
            limit=MAX_INTROSPECTION_LISTS,
        )
    if measure.aliases > limits.max_aliases:
        raise QueryTooComplex(
            f"{measure.aliases} aliases found. Allowed: {limits.max_aliases}.",
            cost=measure.aliases,
            limit=limits.max_aliases,
        )
    if measure.cost > limits.max_cost:
        raise QueryTooComplex(
            f"The query could return up to {measure.cost} objects; its cost limit is "
            f"{limits.max_cost}. Ask for fewer items (first) or fewer fields.",
            cost=measure.cost,
            limit=limits.max_cost,
        )


def measure_operation(
    schema: GraphQLSchema,
    document: DocumentNode,
    *,
    operation_name: str | None,
    variables: Mapping[str, Any] | None,
) -> Measure:
    """The measure of the operation that would run (the named one, else the first)."""
    operation = _operation(document, operation_name)
    if operation is None:
        return NOTHING  # graphql-core reports the missing operation
    root = _root_type(schema, operation)
    return _Walk(schema, document, operation, variables or {}).selections(
        operation.selection_set, root, None
    )


def _operation(document: DocumentNode, name: str | None) -> OperationDefinitionNode | None:
    for definition in document.definitions:
        if isinstance(definition, OperationDefinitionNode) and (
            name is None or (definition.name is not None and definition.name.value == name)
        ):
            return definition
    return None


def _root_type(
    schema: GraphQLSchema, operation: OperationDefinitionNode
) -> GraphQLNamedType | None:
    return schema.get_root_type(operation.operation)


class _Walk:
    """One pass over one operation; each fragment is measured once per page size."""

    def __init__(
        self,
        schema: GraphQLSchema,
        document: DocumentNode,
        operation: OperationDefinitionNode,
        variables: Mapping[str, Any],
    ) -> None:
        self.schema = schema
        self.fragments = {
            d.name.value: d for d in document.definitions if isinstance(d, FragmentDefinitionNode)
        }
        self.variables = dict(variables)
        for definition in operation.variable_definitions or ():
            name = definition.variable.name.value
            if name not in self.variables and definition.default_value is not None:
                self.variables[name] = _literal(definition.default_value)
        # A fragment's measure depends on its type condition and, for a fragment on a
        # connection, on the page size of the connection it is spread into.
        self.memo: dict[tuple[str, int | None], Measure] = {}
        self.entered: set[str] = set()

    def selections(
        self, selection_set: SelectionSetNode, parent: GraphQLNamedType | None, page: int | None
    ) -> Measure:
        total = NOTHING
        for selection in selection_set.selections:
            if isinstance(selection, FieldNode):
                measure = self.field(selection, parent, page)
            elif isinstance(selection, InlineFragmentNode):
                condition = selection.type_condition
                inner = self.schema.get_type(condition.name.value) if condition else parent
                measure = self.selections(selection.selection_set, inner, page)
            elif isinstance(selection, FragmentSpreadNode):
                measure = self.spread(selection.name.value, page)
            else:  # pragma: no cover - graphql-core has no other selection kinds
                continue
            total = total.beside(measure)
        return total

    def spread(self, name: str, page: int | None) -> Measure:
        fragment = self.fragments.get(name)
        if fragment is None or name in self.entered:
            # Unknown fragments and cycles are graphql-core's to report
            # (KnownFragmentNames, NoFragmentCycles); here they only must not loop.
            return NOTHING
        condition = self.schema.get_type(fragment.type_condition.name.value)
        key = (name, page if _is_connection(condition) else None)
        known = self.memo.get(key)
        if known is not None:
            return known
        self.entered.add(name)
        try:
            measure = self.selections(fragment.selection_set, condition, key[1])
        finally:
            self.entered.discard(name)
        self.memo[key] = measure
        return measure

    def field(self, node: FieldNode, parent: GraphQLNamedType | None, page: int | None) -> Measure:
        name = node.name.value
        definition = _field_definition(self.schema, parent, name)
        field_type = definition.type if definition is not None else None
        named = get_named_type(field_type) if field_type is not None else None
        introspection = name.startswith("__") or (
            parent is not None and parent.name.startswith("__")
        )

        child_page = self.page_size(node) if _is_connection(named) else None
        children = (
            self.selections(node.selection_set, named, child_page)
            if node.selection_set
            else NOTHING
        )
        # Like Strawberry's limiter, depth counts the fields that have a selection.
        nests = node.selection_set is not None and not (introspection and name == "ofType")
        depth = children.depth + (1 if nests else 0)
        lists = children.introspection_lists + (
            1 if introspection and name in _INTROSPECTION_LISTS else 0
        )
        aliases = min(CEILING, children.aliases + (1 if node.alias is not None else 0))
        if introspection or not _is_composite(named):
            return Measure(depth, aliases, children.cost, lists)
        count = self.list_size(node, parent, field_type, page) if _is_list(field_type) else 1
        return Measure(depth, aliases, min(CEILING, count * (1 + children.cost)), lists)

    def page_size(self, node: FieldNode) -> int:
        first = self.int_argument(node, "first")
        if first is None:
            return DEFAULT_PAGE_SIZE
        # Outside 0..100 the resolver answers BAD_USER_INPUT; that is the clearer error.
        return min(max(first, 0), MAX_PAGE_SIZE)

    def list_size(
        self, node: FieldNode, parent: GraphQLNamedType | None, field_type: Any, page: int | None
    ) -> int:
        name = node.name.value
        if page is not None and name in {"edges", "nodes"}:
            return page
        most = (
            LIST_SIZES.get((parent.name, name), DEFAULT_LIST_SIZE) if parent else DEFAULT_LIST_SIZE
        )
        first = self.int_argument(node, "first")
        return most if first is None else min(max(first, 0), most)

    def int_argument(self, node: FieldNode, name: str) -> int | None:
        for argument in node.arguments or ():
            if argument.name.value == name:
                value = _literal(argument.value, self.variables)
                return value if isinstance(value, int) and not isinstance(value, bool) else None
        return None


def _refuse_repeats(selection_set: SelectionSetNode) -> None:
    """OverlappingFieldsCanBeMerged compares every two fields of one selection set that
    share a response name (through inline fragments too): quadratic in the repeats."""
    seen: dict[str, int] = {}
    pending = [selection_set]
    while pending:
        for selection in pending.pop().selections:
            if isinstance(selection, FieldNode):
                key = (selection.alias or selection.name).value
                seen[key] = seen.get(key, 0) + 1
                if seen[key] > MAX_REPEATED_FIELD:
                    raise QueryTooComplex(
                        f"'{key}' is selected more than {MAX_REPEATED_FIELD} times in one "
                        "selection set.",
                        cost=seen[key],
                        limit=MAX_REPEATED_FIELD,
                    )
            elif isinstance(selection, InlineFragmentNode):
                pending.append(selection.selection_set)


def _literal(node: ValueNode, variables: Mapping[str, Any] | None = None) -> Any:
    if isinstance(node, IntValueNode):
        return int(node.value)
    if isinstance(node, BooleanValueNode):
        return node.value
    if isinstance(node, VariableNode):
        return (variables or {}).get(node.name.value)
    return None


def _field_definition(
    schema: GraphQLSchema, parent: GraphQLNamedType | None, name: str
) -> GraphQLField | None:
    if name == "__typename":
        return TypeNameMetaFieldDef
    if parent is schema.query_type:
        if name == "__schema":
            return SchemaMetaFieldDef
        if name == "__type":
            return TypeMetaFieldDef
    if isinstance(parent, GraphQLObjectType | GraphQLInterfaceType):
        return parent.fields.get(name)
    return None


def _is_composite(named: GraphQLNamedType | None) -> bool:
    return isinstance(named, GraphQLObjectType | GraphQLInterfaceType | GraphQLUnionType)


def _is_list(field_type: Any) -> bool:
    if isinstance(field_type, GraphQLNonNull):
        field_type = field_type.of_type
    return isinstance(field_type, GraphQLList)


def _is_connection(named: GraphQLNamedType | None) -> bool:
    return (
        isinstance(named, GraphQLObjectType)
        and named.name.endswith("Connection")
        and "edges" in named.fields
    )
