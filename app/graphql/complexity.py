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
  by the most it can ever hold (the schema's ``ListSizes``), or ``DEFAULT_LIST_SIZE`` for a list
  nobody has sized yet.

So ``requested`` is an upper bound on the number of objects in the response.

Introspection (``__schema``, ``__type`` and what hangs below them) is answered from
the static schema and costs nothing here, but it is bounded two ways: its fields
count towards the depth (except ``ofType``, which unwraps one list or non-null
wrapper: a single object, no fan-out, nested up to nine times by the standard
introspection query), and its lists (``fields``, ``inputFields``, ``interfaces``,
``possibleTypes``) may nest at most ``MAX_INTROSPECTION_LISTS`` deep, the rule
graphql-js added to its specified rules in 16.9.

The document as a whole is bounded too, because graphql-core validates every
definition in it (run or not) and some of its work is not linear in the document:
``OverlappingFieldsCanBeMerged`` compares every two fields that share a response name
in a selection set (fragments expanded, sub-selections compared recursively) and scans
the field names of every two fragments spread together; and each validation error
looks up its line and column by scanning the text before it. ``merge_work`` estimates
the rule's work from above, in graphql-core's own units, and the lines and length of
the text are capped.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass, field
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
    NameNode,
    Node,
    OperationDefinitionNode,
    SelectionSetNode,
    ValueNode,
    VariableNode,
    get_named_type,
)
from graphql.type.introspection import SchemaMetaFieldDef, TypeMetaFieldDef, TypeNameMetaFieldDef

from app.core.errors import QueryTooComplex
from app.core.pagination import DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE
from app.core.settings import get_settings

# The most items each plain list of objects can hold, by (type, field): the schema's
# composition root knows its fields and passes them in (``ListSizes``).
ListSizes = Mapping[tuple[str, str], int]
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
    # Read from the settings unless given (``query_limits`` predates them).
    max_fields: int = field(default_factory=lambda: get_settings().max_fields)
    max_nodes: int = field(default_factory=lambda: get_settings().max_nodes)
    max_merge_work: int = field(default_factory=lambda: get_settings().max_merge_work)
    max_query_lines: int = field(default_factory=lambda: get_settings().max_query_lines)
    max_query_length: int = field(default_factory=lambda: get_settings().max_query_length)


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
    list_sizes: ListSizes | None = None,
) -> Measure:
    """The operation's measure, or QueryTooComplex (with ``cost`` and ``limit``) when over."""
    check_document(document, limits)
    measure = measure_operation(
        schema, document, operation_name=operation_name, variables=variables, list_sizes=list_sizes
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
    spreads, fields = _count_selections(document)
    # Each node costs graphql-core's rules tens of microseconds (a field the most),
    # whatever else it is: 5,000 tokens of them took 150 ms.
    if fields > limits.max_fields:
        raise QueryTooComplex(
            f"The document selects {fields} fields; at most {limits.max_fields} are allowed.",
            cost=fields,
            limit=limits.max_fields,
        )
    nodes = _count_nodes(document, limits.max_nodes)
    if nodes > limits.max_nodes:
        raise QueryTooComplex(
            f"The document has more than {limits.max_nodes} nodes (fields, arguments, "
            "values, variables, directives, fragments).",
            cost=nodes,
            limit=limits.max_nodes,
        )
    if spreads > limits.max_fragment_spreads:
        raise QueryTooComplex(
            f"The document has {spreads} fragment spreads; at most "
            f"{limits.max_fragment_spreads} are allowed.",
            cost=spreads,
            limit=limits.max_fragment_spreads,
        )
    _refuse_long_text(document, limits)
    work = merge_work(document, limits.max_merge_work)
    if work > limits.max_merge_work:
        raise QueryTooComplex(
            f"Checking that the fields of this document can be merged takes more than "
            f"{limits.max_merge_work} comparisons: fewer fragments spread together, "
            "fewer fields selected under the same name.",
            cost=work,
            limit=limits.max_merge_work,
        )


def _count_nodes(document: DocumentNode, most: int) -> int:
    """The document's syntax nodes, names aside, counted until there are more than ``most``."""
    count = 0
    pending: list[Any] = [document]
    while pending and count <= most:
        node = pending.pop()
        if isinstance(node, tuple | list):
            pending.extend(node)
        elif isinstance(node, Node) and not isinstance(node, NameNode):
            count += 1
            pending.extend(getattr(node, key) for key in _child_keys(type(node)))
    return count


_CHILD_KEYS: dict[type[Node], tuple[str, ...]] = {}


def _child_keys(kind: type[Node]) -> tuple[str, ...]:
    """The attributes of a kind of node that may hold nodes (a dict by type: mypy
    does not see AST classes as hashable, their instances hash their whole subtree)."""
    keys = _CHILD_KEYS.get(kind)
    if keys is None:
        keys = _CHILD_KEYS[kind] = tuple(
            f.name for f in dataclasses.fields(kind) if f.name != "loc"
        )
    return keys


def _refuse_long_text(document: DocumentNode, limits: Limits) -> None:
    """graphql-core locates each validation error (up to 100) by scanning the text
    before it line by line: 100 errors after 900,000 blank lines took 32 s of CPU."""
    if document.loc is None:
        return
    body = document.loc.source.body
    if len(body) > limits.max_query_length:
        raise QueryTooComplex(
            f"The document is {len(body)} characters long; at most "
            f"{limits.max_query_length} are allowed.",
            cost=len(body),
            limit=limits.max_query_length,
        )
    # Line breaks as graphql-core counts them: \r\n, \n or \r.
    lines = 1 + body.count("\n") + body.count("\r") - body.count("\r\n")
    if lines > limits.max_query_lines:
        raise QueryTooComplex(
            f"The document has {lines} lines; at most {limits.max_query_lines} are allowed.",
            cost=lines,
            limit=limits.max_query_lines,
        )


def _count_selections(document: DocumentNode) -> tuple[int, int]:
    """Fragment spreads and fields in the whole document, as written; on the way, every
    selection set of every definition (run or not: graphql-core validates them all) is
    checked for repeats."""
    count = fields = 0
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
                continue
            if isinstance(selection, FieldNode):
                fields += 1
                if selection.selection_set is not None:
                    pending.append(selection.selection_set)
            elif isinstance(selection, InlineFragmentNode):
                pending.append(selection.selection_set)
    return count, fields


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
    list_sizes: ListSizes | None = None,
) -> Measure:
    """The measure of the operation that would run (the named one, else the first)."""
    return measure_with_inputs(
        schema, document, operation_name=operation_name, variables=variables, list_sizes=list_sizes
    )[0]


def measure_with_inputs(
    schema: GraphQLSchema,
    document: DocumentNode,
    *,
    operation_name: str | None,
    variables: Mapping[str, Any] | None,
    list_sizes: ListSizes | None = None,
) -> tuple[Measure, frozenset[str]]:
    """The measure, and the names of the variables it read (those of ``first``
    arguments): the measure is the same for any variables that agree on these, so a
    caller may keep it per document and per their values (``app.graphql.cost``). Which
    variables are read depends on the document only, never on their values."""
    operation = _operation(document, operation_name)
    if operation is None:
        return NOTHING, frozenset()  # graphql-core reports the missing operation
    root = _root_type(schema, operation)
    walk = _Walk(schema, document, operation, variables or {}, list_sizes or {})
    measure = walk.selections(operation.selection_set, root, None)
    return measure, frozenset(walk.read)


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
        list_sizes: ListSizes,
    ) -> None:
        self.schema = schema
        self.list_sizes = list_sizes
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
        # The variables read (by ``int_argument``), whatever their values.
        self.read: set[str] = set()

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
            self.list_sizes.get((parent.name, name), DEFAULT_LIST_SIZE)
            if parent
            else DEFAULT_LIST_SIZE
        )
        first = self.int_argument(node, "first")
        return most if first is None else min(max(first, 0), most)

    def int_argument(self, node: FieldNode, name: str) -> int | None:
        for argument in node.arguments or ():
            if argument.name.value == name:
                if isinstance(argument.value, VariableNode):
                    self.read.add(argument.value.name.value)
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


# graphql-core's units (MAX_COMPLEXITY_BUDGET): two per pair of fields compared, one per
# field name scanned when two collections of fields are matched. A pair of fields with
# arguments or sub-selections costs more than the two units it is charged there (field
# infos, argument comparisons, conflicts with their messages): measured up to 6x.
PAIR_OF_LEAVES = 2
PAIR_OF_FIELDS = 12


def merge_work(document: DocumentNode, budget: int) -> int:
    """An estimate from above of the work of graphql-core's ``OverlappingFieldsCanBeMerged``
    on the whole document, counted only until it passes ``budget`` (so it takes time
    linear in the document plus the budget, however the fragments fan out).

    It follows the rule's algorithm: every selection set it visits compares its own
    fields pairwise, then against the fields of each fragment it reaches (through
    spreads, transitively), and those fragments with each other; two fields under one
    response name with sub-selections compare those, the same way. Matching two
    collections of fields costs the names scanned; each pair of fields compared costs
    ``PAIR_OF_LEAVES`` or ``PAIR_OF_FIELDS``. Like the rule, a pair that involves a
    fragment is counted once per document."""
    return _Merges(document, budget).total()


@dataclass(slots=True)
class _Collection:
    """One selection set's own fields (through inline fragments), by response name,
    and the fragments it spreads."""

    fields: dict[str, list[FieldNode]]
    spreads: list[str]
    fragment: bool


class _Merges:
    def __init__(self, document: DocumentNode, budget: int) -> None:
        self.document = document
        self.fragments: dict[str, FragmentDefinitionNode] = {}
        for definition in document.definitions:
            if isinstance(definition, FragmentDefinitionNode):
                self.fragments.setdefault(definition.name.value, definition)
        self.fragment_sets = {id(d.selection_set) for d in self.fragments.values()}
        self.budget = budget
        self.work = 0
        # By id: AST nodes compare (and hash) by value, through their whole subtree.
        self.collected: dict[int, _Collection] = {}
        self.levels: dict[int, list[_Collection]] = {}
        self.compared: set[tuple[int, int]] = set()
        # Pairs of levels (lists of collections) whose fields are still to be compared.
        self.pending: list[tuple[list[_Collection], list[_Collection]]] = []

    def total(self) -> int:
        sets: list[SelectionSetNode] = [
            d.selection_set
            for d in self.document.definitions
            if isinstance(d, OperationDefinitionNode | FragmentDefinitionNode)
        ]
        while sets and self.work <= self.budget:
            selection_set = sets.pop()
            own = self.collection(selection_set)
            for nodes in own.fields.values():
                sets.extend(node.selection_set for node in nodes if node.selection_set)
            selections = selection_set.selections
            # graphql-core skips a set of one selection, unless it is an inline fragment.
            if len(selections) > 1 or (
                selections and isinstance(selections[0], InlineFragmentNode)
            ):
                self.within(selection_set)
            while self.pending and self.work <= self.budget:
                self.between(*self.pending.pop())
        return self.work

    def collection(self, selection_set: SelectionSetNode) -> _Collection:
        known = self.collected.get(id(selection_set))
        if known is not None:
            return known
        fields: dict[str, list[FieldNode]] = {}
        spreads: list[str] = []
        pending = [selection_set]
        while pending:
            for selection in pending.pop().selections:
                if isinstance(selection, FieldNode):
                    fields.setdefault(_response_name(selection), []).append(selection)
                elif isinstance(selection, FragmentSpreadNode):
                    spreads.append(selection.name.value)
                elif isinstance(selection, InlineFragmentNode):
                    pending.append(selection.selection_set)
        collection = _Collection(fields, spreads, id(selection_set) in self.fragment_sets)
        self.collected[id(selection_set)] = collection
        return collection

    def level(self, selection_set: SelectionSetNode) -> list[_Collection]:
        """The selection set's own collection and that of each fragment it reaches
        without going down a field (each fragment once; cycles end there)."""
        known = self.levels.get(id(selection_set))
        if known is not None:
            return known
        own = self.collection(selection_set)
        level = self.levels[id(selection_set)] = [own]
        seen: set[str] = set()
        pending = list(reversed(own.spreads))
        while pending:
            name = pending.pop()
            fragment = self.fragments.get(name)
            if name in seen or fragment is None:
                continue
            seen.add(name)
            collection = self.collection(fragment.selection_set)
            level.append(collection)
            pending.extend(reversed(collection.spreads))
        return level

    def within(self, selection_set: SelectionSetNode) -> None:
        own, *fragments = self.level(selection_set)
        for nodes in own.fields.values():
            self.pairs(nodes, nodes)
        for index, fragment in enumerate(fragments):
            self.match(own, fragment)
            for other in fragments[index + 1 :]:
                self.match(fragment, other)

    def between(self, first: list[_Collection], second: list[_Collection]) -> None:
        for one in first:
            for other in second:
                self.match(one, other)

    def match(self, one: _Collection, other: _Collection) -> None:
        """Two collections of fields: each name of the first is looked up in the second,
        and the fields under a name found in both are compared pairwise."""
        self.work += 2  # graphql-core charges each attempt, memoised or not
        if one is other:
            return  # it never compares a collection with itself
        if one.fragment or other.fragment:
            key = (id(one), id(other)) if id(one) < id(other) else (id(other), id(one))
            if key in self.compared:
                return  # nor a pair with a fragment twice
            self.compared.add(key)
        self.work += len(one.fields)
        for name, nodes in one.fields.items():
            others = other.fields.get(name)
            if others is not None:
                self.pairs(nodes, others)

    def pairs(self, nodes: list[FieldNode], others: list[FieldNode]) -> None:
        """Fields under one response name; ``nodes is others`` within one collection."""
        within = nodes is others
        count = len(nodes) * (len(nodes) - 1) // 2 if within else len(nodes) * len(others)
        if count == 0:
            return
        if _simple_leaves(nodes if within else [*nodes, *others]):
            self.work += PAIR_OF_LEAVES * count
            return
        self.work += PAIR_OF_FIELDS * count
        for index, node in enumerate(nodes):
            if node.selection_set is None:
                continue
            for other in others[index + 1 :] if within else others:
                if other.selection_set is not None:
                    self.pending.append(
                        (self.level(node.selection_set), self.level(other.selection_set))
                    )


def _response_name(node: FieldNode) -> str:
    return (node.alias or node.name).value


def _simple_leaves(nodes: list[FieldNode]) -> bool:
    """Fields without arguments or sub-selection, all of one field: graphql-core's fast path
    (``nodes`` share a response name, so the alias or the name is the same too)."""
    name = nodes[0].name.value
    return all(
        node.name.value == name
        and not node.arguments
        and node.selection_set is None
        and not node.directives
        for node in nodes
    )


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
        found: GraphQLField | None = parent.fields.get(name)
        return found
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
