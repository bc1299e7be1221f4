"""A query compiled once into a tree of plans, and the tight loop that runs it.

graphql-core's executor re-derives, for every object of every list, what the
document already fixed: it collects the selection, looks each field up in the schema,
builds a resolve info, runs the resolver through Strawberry's wrapper (for a plain
attribute too), and walks ``complete_value``'s chain of type checks. Here all of that
happens once, in ``compile_operation``: each field becomes a ``FieldPlan`` that knows
its response key, how to get its value (an attribute, ``__typename``, or the field's
resolver) and how to complete it (``Completer``: non-null, list, leaf serializer,
object or abstract sub-plan). Running a plan then mirrors graphql-core's
``execute_fields`` / ``execute_field`` / ``complete_value`` step for step, with the
same error handling (``Executor.handle_field_error``), the same null propagation and
the same ``gather`` of awaitables, so results and errors are the same; it only skips
the work that cannot change them.

What a field costs, then: a plain Strawberry attribute of a leaf type is one
``getattr`` and a type check (the built-in scalars' serializers return a ``str``,
``bool`` as they are); no path, no resolve info and no Strawberry ``Info`` unless a
resolver, ``is_type_of`` or ``resolve_type`` asks for one or an error needs a path.

The fields are collected with graphql-core's own ``collect_fields`` /
``collect_subfields``, with the variables of the request the plan was compiled for:
``@skip``/``@include`` conditions are the only part of that which depends on
variables, so a plan is cached per document *and* per value of the variables those
conditions read (``directive_variables``).
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable, Iterable, Iterator, Sequence
from contextlib import suppress
from enum import Enum
from types import CoroutineType, GeneratorType
from typing import TYPE_CHECKING, Any, TypeVar

from graphql import (
    GraphQLAbstractType,
    GraphQLBoolean,
    GraphQLEnumType,
    GraphQLError,
    GraphQLField,
    GraphQLFloat,
    GraphQLID,
    GraphQLInt,
    GraphQLLeafType,
    GraphQLList,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLOutputType,
    GraphQLResolveInfo,
    GraphQLSchema,
    GraphQLString,
    OperationType,
    is_abstract_type,
    is_leaf_type,
    is_object_type,
)
from graphql.execution.collect_fields import (
    FieldDetailsList,
    GroupedFieldSet,
    collect_fields,
    collect_subfields,
)
from graphql.execution.values import get_argument_values
from graphql.language import (
    ArgumentNode,
    FieldNode,
    FragmentDefinitionNode,
    OperationDefinitionNode,
    SelectionSetNode,
    VariableNode,
    Visitor,
    visit,
)
from graphql.pyutils import Path, Undefined, gather_with_cancel, inspect, is_iterable
from graphql.pyutils.is_awaitable import is_awaitable as default_is_awaitable
from graphql.type.scalars import (
    serialize_boolean,
    serialize_float,
    serialize_id,
    serialize_int,
    serialize_string,
)
from strawberry.execution import optimized_is_awaitable

if TYPE_CHECKING:
    from graphql.execution import Executor
    from graphql.execution.collect_fields import FragmentDetails
    from graphql.execution.values import VariableValues

Info = GraphQLResolveInfo[Any]

# Path(prev, key, typename) without the NamedTuple's Python-level __new__.
_tuple_new = tuple.__new__

__all__ = [
    "FieldPlan",
    "OperationPlan",
    "Run",
    "Unsupported",
    "compile_operation",
    "directive_variables",
    "execute_fields",
    "immutable",
]

# Strawberry's marker on the GraphQLField of a field declared on a type.
STRAWBERRY_DEFINITION = "strawberry-definition"

# Directives whose presence sends the operation to graphql-core.
_INCREMENTAL_DIRECTIVES = frozenset({"defer", "stream"})
_UNSUPPORTED_OPERATION_DIRECTIVES = frozenset({"experimental_disableErrorPropagation"})
_INTROSPECTION_FIELDS = frozenset({"__schema", "__type"})

# Built-in scalars whose serializer returns a value of this exact type unchanged: a
# value of that type needs no call. (Int and Float check ranges and finiteness.)
_IDENTITY_TYPES: dict[int, tuple[GraphQLLeafType, Callable[..., Any], type]] = {
    id(GraphQLString): (GraphQLString, serialize_string, str),
    id(GraphQLID): (GraphQLID, serialize_id, str),
    id(GraphQLBoolean): (GraphQLBoolean, serialize_boolean, bool),
}


class Unsupported(Exception):
    """The plan does not take this operation; graphql-core runs it. ``reason`` is the
    label counted in ``app.graphql.compiled.execution.stats``."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


# Classes whose instances the standard predicates never call awaitable: looked up
# before asking again for every item of a list. A class qualifies when nothing but
# an instance's own ``__dict__`` could give it ``__await__`` (no ``__getattr__``, the
# default ``__getattribute__``, no ``__await__``, no coroutine or generator base).
_NEVER_AWAITABLE: set[type] = set()
_STANDARD_PREDICATES = (optimized_is_awaitable, default_is_awaitable)


def _plain_class(cls: type) -> bool:
    return (
        cls.__getattribute__ is object.__getattribute__  # type: ignore[comparison-overlap]
        and not hasattr(cls, "__getattr__")
        and not hasattr(cls, "__await__")
        and not issubclass(cls, CoroutineType | GeneratorType)
    )


def _item_predicate(is_awaitable: Callable[[Any], bool]) -> Callable[[Any], bool]:
    if is_awaitable not in _STANDARD_PREDICATES:
        return is_awaitable

    def item_is_awaitable(value: Any) -> bool:
        cls = type(value)
        if cls in _NEVER_AWAITABLE:
            return False
        if is_awaitable(value):
            return True
        if _plain_class(cls):
            _NEVER_AWAITABLE.add(cls)
        return False

    return item_is_awaitable


# Classes whose instances never change, nor does anything reachable from their
# attributes (``immutable``): a tuple of them completes the same way every time under
# the same pure plan, so that plan may keep and reuse the completed list.
_IMMUTABLE_CLASSES: set[type] = set()
# Completed lists each list plan keeps (then it starts over).
MEMO_SIZE = 256
# Leaf types whose serializer is a pure function of the value: graphql-core's own
# scalars, as long as their serializer is graphql-core's.
_PURE_SCALARS: tuple[tuple[GraphQLLeafType, Callable[[Any], Any]], ...] = (
    (GraphQLString, serialize_string),
    (GraphQLID, serialize_id),
    (GraphQLBoolean, serialize_boolean),
    (GraphQLInt, serialize_int),
    (GraphQLFloat, serialize_float),
)

C = TypeVar("C", bound=type)


def immutable(cls: C) -> C:
    """Declare that instances of ``cls`` never change, nor does anything reachable from
    their attributes (frozen values whose attributes are immutable values too; a
    property must answer the same every time). A plan may then complete a tuple of them
    once and answer the same (the very same list) whenever that tuple comes again under
    the same selection, if that selection reads attributes only (no resolver, no
    permission, no custom scalar) and completing it raised no error. Use as a decorator."""
    _IMMUTABLE_CLASSES.add(cls)
    return cls


class Run:
    """What one execution shares with every plan it runs: the graphql-core executor
    (its errors, resolve infos, hooks) and its predicates, bound once."""

    __slots__ = (
        "build_info",
        "executor",
        "field_errors",
        "field_resolver",
        "handle_executor_error",
        "hide_suggestions",
        "is_async_iterable",
        "is_awaitable",
        "item_is_awaitable",
        "type_resolver",
        "variable_values",
    )

    def __init__(self, executor: Executor[Any]) -> None:
        self.executor = executor
        self.build_info = executor.build_resolve_info
        self.handle_executor_error = executor.handle_field_error
        self.field_errors = 0  # how many field errors were handled (see ListCompleter)
        self.is_awaitable = executor.is_awaitable
        self.item_is_awaitable = _item_predicate(executor.is_awaitable)
        self.is_async_iterable = executor.is_async_iterable
        self.variable_values = executor.variable_values
        self.hide_suggestions = executor.hide_suggestions
        self.field_resolver = executor.field_resolver
        self.type_resolver = executor.type_resolver

    def handle_field_error(
        self,
        raw_error: Exception,
        return_type: GraphQLOutputType,
        field_details: FieldDetailsList,
        path: Path,
    ) -> None:
        self.field_errors += 1
        self.handle_executor_error(raw_error, return_type, field_details, path)


# ---------------------------------------------------------------------------------
# Completers: complete_value, one class per kind of type, chosen once.
# Each mirrors the matching branch of graphql-core's Executor.complete_value; ``fp``
# is the field being completed (for messages and error locations), ``info`` its
# resolve info, or None when nothing below it reads one (``needs_info``).
# ---------------------------------------------------------------------------------


class Completer:
    __slots__ = ("needs_info",)

    def __init__(self) -> None:
        self.needs_info = False

    def complete(self, run: Run, fp: FieldPlan, result: Any, path: Path, info: Info | None) -> Any:
        raise NotImplementedError


class NonNullCompleter(Completer):
    __slots__ = ("inner",)

    def __init__(self, inner: Completer) -> None:
        super().__init__()
        self.inner = inner
        self.needs_info = inner.needs_info

    def complete(self, run: Run, fp: FieldPlan, result: Any, path: Path, info: Info | None) -> Any:
        if isinstance(result, Exception):
            raise result
        completed = self.inner.complete(run, fp, result, path, info)
        if completed is None:
            msg = f"Cannot return null for non-nullable field {fp.parent_name}.{fp.field_name}."
            raise TypeError(msg)
        return completed


class NonNullObjectCompleter(Completer):
    """A non-null object: NonNullCompleter over ObjectCompleter in one call (an
    object's completion is a dict or an awaitable, never None)."""

    __slots__ = ("inner",)

    def __init__(self, inner: ObjectCompleter) -> None:
        super().__init__()
        self.inner = inner
        self.needs_info = inner.needs_info

    def complete(self, run: Run, fp: FieldPlan, result: Any, path: Path, info: Info | None) -> Any:
        if isinstance(result, Exception):
            raise result
        if result is None or result is Undefined:
            msg = f"Cannot return null for non-nullable field {fp.parent_name}.{fp.field_name}."
            raise TypeError(msg)
        return self.inner.complete_object(run, fp, result, path, info)


class LeafCompleter(Completer):
    __slots__ = ("coerce", "leaf_type", "unchanged_type")

    def __init__(self, leaf_type: GraphQLLeafType) -> None:
        super().__init__()
        self.leaf_type = leaf_type
        self.coerce: Callable[[Any], Any] = leaf_type.coerce_output_value
        # The exact type the serializer returns unchanged, when the serializer is
        # graphql-core's own (a schema may replace a built-in scalar's).
        self.unchanged_type: type | None = None
        known = _IDENTITY_TYPES.get(id(leaf_type))
        if (
            known is not None
            and known[0] is leaf_type
            and leaf_type.coerce_output_value is known[1]
        ):
            self.unchanged_type = known[2]

    def complete(self, run: Run, fp: FieldPlan, result: Any, path: Path, info: Info | None) -> Any:
        if type(result) is self.unchanged_type:
            return result
        if isinstance(result, Exception):
            raise result
        if result is None or result is Undefined:
            return None
        coerced = self.coerce(result)
        if coerced is Undefined or coerced is None:
            msg = (
                f"Expected `{inspect(self.leaf_type)}.coerce_output_value("
                f"{inspect(result)})` to return non-nullable value, returned:"
                f" {inspect(coerced)}"
            )
            raise TypeError(msg)
        return coerced


class ListCompleter(Completer):
    __slots__ = ("item", "item_type", "memo", "object_fields")

    def __init__(self, item: Completer, item_type: GraphQLOutputType) -> None:
        super().__init__()
        self.item = item
        self.item_type = item_type
        self.needs_info = item.needs_info
        # Items of an object type without is_type_of (nullable or not): a non-null
        # item that is not an exception completes as its fields, nothing else.
        self.object_fields: tuple[FieldPlan, ...] | None = None
        inner = item.inner if isinstance(item, NonNullObjectCompleter) else item
        if isinstance(inner, ObjectCompleter) and inner.is_type_of is None:
            self.object_fields = inner.fields  # filled in before the list is built
        # Completed lists by the id of the tuple of ``immutable`` values they came from
        # (kept with it, so the id stays its own), when nothing below reads more than
        # attributes: see ``immutable``.
        self.memo: dict[int, tuple[tuple[Any, ...], list[Any]]] | None = {} if _pure(item) else None

    def complete(self, run: Run, fp: FieldPlan, result: Any, path: Path, info: Info | None) -> Any:
        memo = self.memo
        if memo is not None and type(result) is tuple:
            kept = memo.get(id(result))
            if kept is not None and kept[0] is result:
                return kept[1]
            errors = run.field_errors
            completed = self._complete(run, fp, result, path, info)
            if (
                type(completed) is list
                and run.field_errors == errors
                and all(type(value) in _IMMUTABLE_CLASSES for value in result)
            ):
                if len(memo) >= MEMO_SIZE:
                    memo.clear()
                memo[id(result)] = (result, completed)
            return completed
        return self._complete(run, fp, result, path, info)

    def _complete(self, run: Run, fp: FieldPlan, result: Any, path: Path, info: Info | None) -> Any:
        if isinstance(result, Exception):
            raise result
        if result is None or result is Undefined:
            return None
        if run.is_async_iterable(result):
            return self._complete_async_iterator(run, fp, result.__aiter__(), path, info)
        if not is_iterable(result):
            msg = (
                "Expected Iterable, but did not find one for field"
                f" '{fp.parent_name}.{fp.field_name}'."
            )
            raise GraphQLError(msg)
        item = self.item
        item_type = self.item_type
        object_fields = self.object_fields
        is_awaitable = run.item_is_awaitable
        completed_results: list[Any] = []
        append = completed_results.append
        awaitable_indices: list[int] = []
        iterator = iter(result)
        index = 0
        try:
            for value in iterator:
                item_path = _tuple_new(Path, (path, index, None))
                if is_awaitable(value):
                    append(
                        _complete_awaitable_item(run, fp, item, item_type, value, item_path, info)
                    )
                    awaitable_indices.append(index)
                else:
                    try:
                        if (
                            object_fields is not None
                            and value is not None
                            and value is not Undefined
                            and not isinstance(value, Exception)
                        ):
                            # An object item without is_type_of: straight to its fields.
                            completed = execute_fields(run, object_fields, value, item_path)
                        else:
                            completed = item.complete(run, fp, value, item_path, info)
                        if type(completed) is CoroutineType:
                            completed = _await_completed(
                                run, completed, item_type, fp.field_details, item_path
                            )
                            awaitable_indices.append(index)
                        append(completed)
                    except Exception as raw_error:
                        run.handle_field_error(raw_error, item_type, fp.field_details, item_path)
                        append(None)
                index += 1
        except Exception:
            pending = [completed_results[i] for i in awaitable_indices]
            pending.extend(_remaining_awaitables(iterator, is_awaitable))
            if pending:
                run.executor.settle_in_background(pending)
            raise
        if not awaitable_indices:
            return completed_results
        return _gather_items(completed_results, awaitable_indices)

    async def _complete_async_iterator(
        self,
        run: Run,
        fp: FieldPlan,
        iterator: AsyncIterator[Any],
        path: Path,
        info: Info | None,
    ) -> list[Any]:
        """graphql-core's ``complete_async_iterator_value`` (no ``@stream``)."""
        from graphql import located_error

        item = self.item
        item_type = self.item_type
        is_awaitable = run.is_awaitable
        completed_results: list[Any] = []
        awaitable_indices: list[int] = []
        early_return = getattr(iterator, "aclose", None)
        index = 0
        try:
            while True:
                item_path = Path(path, index, None)
                try:
                    value = await anext(iterator)
                except StopAsyncIteration:
                    break
                except Exception as raw_error:
                    raise located_error(raw_error, fp.nodes, path.as_list()) from raw_error
                if is_awaitable(value):
                    completed_results.append(
                        _complete_awaitable_item(run, fp, item, item_type, value, item_path, info)
                    )
                    awaitable_indices.append(index)
                else:
                    try:
                        completed = item.complete(run, fp, value, item_path, info)
                        if is_awaitable(completed):
                            completed = _await_completed(
                                run, completed, item_type, fp.field_details, item_path
                            )
                            awaitable_indices.append(index)
                        completed_results.append(completed)
                    except Exception as raw_error:
                        run.handle_field_error(raw_error, item_type, fp.field_details, item_path)
                        completed_results.append(None)
                index += 1
        except Exception:
            if early_return is not None:
                with suppress(Exception):  # as graphql-core
                    await early_return()
            if awaitable_indices:
                run.executor.settle_in_background([completed_results[i] for i in awaitable_indices])
            raise
        if not awaitable_indices:
            return completed_results
        return await _gather_items(completed_results, awaitable_indices)


def _pure(completer: Completer) -> bool:
    """Whether completing a value with ``completer`` reads nothing but the value's
    attributes and graphql-core's own serializers (no resolver, permission, extension,
    ``is_type_of``, abstract type or custom scalar): then the same immutable value
    completes the same way every time."""
    if isinstance(completer, NonNullCompleter | NonNullObjectCompleter):
        return _pure(completer.inner)
    if isinstance(completer, LeafCompleter):
        leaf = completer.leaf_type
        if isinstance(leaf, GraphQLEnumType):
            return True
        return any(
            leaf is scalar and leaf.coerce_output_value is serializer
            for scalar, serializer in _PURE_SCALARS
        )
    if isinstance(completer, ListCompleter):
        return completer.memo is not None
    if isinstance(completer, ObjectCompleter):
        return completer.is_type_of is None and all(
            isinstance(fp, TypenameField)
            or (
                isinstance(fp, AttributeField)
                and fp.getter is getattr
                and fp.completer is not None
                and _pure(fp.completer)
            )
            for fp in completer.fields
        )
    return False


class ObjectCompleter(Completer):
    __slots__ = ("fields", "is_type_of", "object_type")

    def __init__(self, object_type: GraphQLObjectType) -> None:
        super().__init__()
        self.object_type = object_type
        self.is_type_of = object_type.is_type_of
        self.needs_info = self.is_type_of is not None
        self.fields: tuple[FieldPlan, ...] = ()  # set once compiled (recursion)

    def complete(self, run: Run, fp: FieldPlan, result: Any, path: Path, info: Info | None) -> Any:
        if isinstance(result, Exception):
            raise result
        if result is None or result is Undefined:
            return None
        return self.complete_object(run, fp, result, path, info)

    def complete_object(
        self, run: Run, fp: FieldPlan, result: Any, path: Path, info: Info | None
    ) -> Any:
        is_type_of = self.is_type_of
        if is_type_of is not None:
            verdict = is_type_of(result, info)  # type: ignore[arg-type]
            if run.is_awaitable(verdict):
                return self._complete_after(run, fp, verdict, result, path)
            if not verdict:
                raise _invalid_return_type(self.object_type, result, fp)
        return execute_fields(run, self.fields, result, path)

    async def _complete_after(
        self, run: Run, fp: FieldPlan, verdict: Awaitable[bool], result: Any, path: Path
    ) -> Any:
        if not await verdict:
            raise _invalid_return_type(self.object_type, result, fp)
        fields = execute_fields(run, self.fields, result, path)
        if type(fields) is CoroutineType:
            return await fields
        return fields


class AbstractCompleter(Completer):
    __slots__ = ("abstract_type", "by_type_name")

    def __init__(
        self, abstract_type: GraphQLAbstractType, by_type_name: dict[str, ObjectCompleter]
    ) -> None:
        super().__init__()
        self.abstract_type = abstract_type
        self.by_type_name = by_type_name
        self.needs_info = True

    def complete(self, run: Run, fp: FieldPlan, result: Any, path: Path, info: Info | None) -> Any:
        if isinstance(result, Exception):
            raise result
        if result is None or result is Undefined:
            return None
        assert info is not None  # needs_info
        abstract_type = self.abstract_type
        resolve_type = abstract_type.resolve_type or run.type_resolver
        runtime_type = resolve_type(result, info, abstract_type)
        if run.is_awaitable(runtime_type):
            return self._complete_after(run, fp, runtime_type, result, path, info)
        object_type = run.executor.ensure_valid_runtime_type(
            runtime_type, abstract_type, fp.field_details, info, result
        )
        return self.by_type_name[object_type.name].complete_object(run, fp, result, path, info)

    async def _complete_after(
        self,
        run: Run,
        fp: FieldPlan,
        runtime_type: Awaitable[Any],
        result: Any,
        path: Path,
        info: Info,
    ) -> Any:
        object_type = run.executor.ensure_valid_runtime_type(
            await runtime_type, self.abstract_type, fp.field_details, info, result
        )
        value = self.by_type_name[object_type.name].complete_object(run, fp, result, path, info)
        if run.is_awaitable(value):
            return await value
        return value


# ---------------------------------------------------------------------------------
# Fields: execute_field, with the value fetched the cheapest way that is the same.
# ---------------------------------------------------------------------------------


class FieldPlan:
    """One entry of a selection: graphql-core's ``execute_field`` for that entry."""

    __slots__ = (
        "completer",
        "field_def",
        "field_details",
        "field_name",
        "key",
        "nodes",
        "parent_name",
        "parent_type",
        "plain_attribute",
        "return_type",
        "unchanged_type",
    )

    def __init__(
        self,
        key: str,
        parent_type: GraphQLObjectType,
        field_def: GraphQLField,
        field_details: FieldDetailsList,
        completer: Completer | None,
    ) -> None:
        self.key = key
        self.parent_type = parent_type
        self.parent_name = parent_type.name
        self.field_def = field_def
        self.field_details = field_details
        self.nodes: list[FieldNode] = [details.node for details in field_details]
        self.field_name = self.nodes[0].name.value
        self.return_type: GraphQLOutputType = field_def.type
        self.completer = completer
        # Set by AttributeField when execute_fields may read the value itself.
        self.plain_attribute: str | None = None
        self.unchanged_type: type | None = None

    def run(self, run: Run, source: Any, path: Path | None) -> Any:
        raise NotImplementedError

    def failed(self, run: Run, raw_error: Exception, path: Path | None) -> Any:
        raise NotImplementedError  # AttributeField's, when plain_attribute is set

    def completed(self, run: Run, result: Any, path: Path | None) -> Any:
        raise NotImplementedError  # AttributeField's, when plain_attribute is set

    def info(self, run: Run, field_path: Path) -> Info:
        return run.build_info(self.field_def, self.nodes, self.parent_type, field_path)

    def finish(self, run: Run, result: Any, field_path: Path, info: Info | None) -> Any:
        """The part of ``execute_field`` after the resolver returned ``result``; the
        caller handles what it raises the same way (``handle_field_error``)."""
        if run.is_awaitable(result):
            return _complete_awaitable_value(run, self, info, field_path, result)
        assert self.completer is not None
        completed = self.completer.complete(run, self, result, field_path, info)
        if type(completed) is CoroutineType:
            return _await_completed(
                run, completed, self.return_type, self.field_details, field_path
            )
        return completed


class TypenameField(FieldPlan):
    """``__typename`` of an object type: its name (graphql-core's resolver returns
    ``info.parent_type.name``; a name is a non-empty string, so nothing can fail)."""

    __slots__ = ()

    def run(self, run: Run, source: Any, path: Path | None) -> Any:
        return self.parent_name


class AttributeField(FieldPlan):
    """A Strawberry field without resolver, permission or extension: Strawberry's
    resolver returns ``default_resolver(source, python_name)`` (``getattr``) and
    never reads its info; nothing else differs from ``execute_field``."""

    __slots__ = ("attribute", "getter")

    def __init__(
        self,
        key: str,
        parent_type: GraphQLObjectType,
        field_def: GraphQLField,
        field_details: FieldDetailsList,
        completer: Completer,
        attribute: str,
        getter: Callable[[Any, str], Any],
    ) -> None:
        super().__init__(key, parent_type, field_def, field_details, completer)
        self.attribute = attribute
        self.getter = getter
        # A leaf (nullable or not) read with getattr: ``execute_fields`` reads it
        # itself, and a value of the type its serializer returns as is is complete.
        leaf = completer.inner if isinstance(completer, NonNullCompleter) else completer
        if (
            isinstance(leaf, LeafCompleter)
            and leaf.unchanged_type is not None
            and getter is getattr
        ):
            self.plain_attribute = attribute
            self.unchanged_type = leaf.unchanged_type

    def run(self, run: Run, source: Any, path: Path | None) -> Any:
        field_path = _tuple_new(Path, (path, self.key, self.parent_name))
        assert self.completer is not None
        info = self.info(run, field_path) if self.completer.needs_info else None
        try:
            result = self.getter(source, self.attribute)
            return self.finish(run, result, field_path, info)
        except Exception as raw_error:
            run.handle_field_error(raw_error, self.return_type, self.field_details, field_path)
            return None

    def failed(self, run: Run, raw_error: Exception, path: Path | None) -> Any:
        """``getattr`` raised (a plain attribute of a leaf type)."""
        field_path = _tuple_new(Path, (path, self.key, self.parent_name))
        run.handle_field_error(raw_error, self.return_type, self.field_details, field_path)
        return None

    def completed(self, run: Run, result: Any, path: Path | None) -> Any:
        """The rest of ``execute_field`` for a plain attribute of a leaf type."""
        field_path = _tuple_new(Path, (path, self.key, self.parent_name))
        try:
            return self.finish(run, result, field_path, None)
        except Exception as raw_error:
            run.handle_field_error(raw_error, self.return_type, self.field_details, field_path)
            return None


class ResolverField(FieldPlan):
    """Any other field: its resolver (or the executor's default), called as
    graphql-core calls it, with a resolve info and the coerced arguments."""

    __slots__ = ("has_arguments", "resolve", "static_arguments")

    def __init__(
        self,
        key: str,
        parent_type: GraphQLObjectType,
        field_def: GraphQLField,
        field_details: FieldDetailsList,
        completer: Completer,
        static_arguments: dict[str, Any] | None,
    ) -> None:
        super().__init__(key, parent_type, field_def, field_details, completer)
        self.resolve = field_def.resolve
        self.has_arguments = bool(field_def.args or self.nodes[0].arguments)
        self.static_arguments = static_arguments

    def run(self, run: Run, source: Any, path: Path | None) -> Any:
        field_path = _tuple_new(Path, (path, self.key, self.parent_name))
        info = run.build_info(self.field_def, self.nodes, self.parent_type, field_path)
        try:
            if not self.has_arguments:
                arguments: dict[str, Any] = {}
            elif self.static_arguments is not None:
                arguments = self.static_arguments
            else:
                arguments = get_argument_values(
                    self.field_def,
                    self.nodes[0],
                    run.variable_values,
                    None,
                    run.hide_suggestions,
                )
            resolve = self.resolve or run.field_resolver
            result = resolve(source, info, **arguments)
            return self.finish(run, result, field_path, info)
        except Exception as raw_error:
            run.handle_field_error(raw_error, self.return_type, self.field_details, field_path)
            return None


def execute_fields(
    run: Run, fields: Sequence[FieldPlan], source: Any, path: Path | None
) -> dict[str, Any] | Awaitable[dict[str, Any]]:
    """graphql-core's ``execute_fields``: every field in order; the awaitables among
    the results gathered together (one awaited directly)."""
    results: dict[str, Any] = {}
    awaitable_keys: list[str] | None = None
    try:
        for fp in fields:
            attribute = fp.plain_attribute
            if attribute is None:
                result = fp.run(run, source, path)
            else:
                # AttributeField.run, inlined for the commonest field there is.
                try:
                    result = getattr(source, attribute)
                except Exception as raw_error:
                    results[fp.key] = fp.failed(run, raw_error, path)
                    continue
                if type(result) is not fp.unchanged_type:
                    result = fp.completed(run, result, path)
            results[fp.key] = result
            if type(result) is CoroutineType:
                if awaitable_keys is None:
                    awaitable_keys = [fp.key]
                else:
                    awaitable_keys.append(fp.key)
    except Exception:
        if awaitable_keys:
            run.executor.settle_in_background([results[key] for key in awaitable_keys])
        raise
    if awaitable_keys is None:
        return results
    return _gather_fields(results, awaitable_keys)


async def _gather_fields(results: dict[str, Any], awaitable_keys: list[str]) -> dict[str, Any]:
    if len(awaitable_keys) == 1:
        key = awaitable_keys[0]
        results[key] = await results[key]
    else:
        awaited = await gather_with_cancel(*(results[key] for key in awaitable_keys))
        results.update(zip(awaitable_keys, awaited, strict=True))
    return results


async def _gather_items(completed: list[Any], awaitable_indices: list[int]) -> list[Any]:
    if len(awaitable_indices) == 1:
        index = awaitable_indices[0]
        completed[index] = await completed[index]
    else:
        awaited = await gather_with_cancel(*(completed[index] for index in awaitable_indices))
        for index, value in zip(awaitable_indices, awaited, strict=True):
            completed[index] = value
    return completed


async def _complete_awaitable_value(
    run: Run, fp: FieldPlan, info: Info | None, path: Path, result: Any
) -> Any:
    try:
        resolved = await result
        assert fp.completer is not None
        completed = fp.completer.complete(run, fp, resolved, path, info)
        if run.is_awaitable(completed):
            completed = await completed
    except Exception as raw_error:
        run.handle_field_error(raw_error, fp.return_type, fp.field_details, path)
        completed = None
    return completed


async def _await_completed(
    run: Run,
    completed: Awaitable[Any],
    return_type: GraphQLOutputType,
    field_details: FieldDetailsList,
    path: Path,
) -> Any:
    try:
        return await completed
    except Exception as raw_error:
        run.handle_field_error(raw_error, return_type, field_details, path)
        return None


async def _complete_awaitable_item(
    run: Run,
    fp: FieldPlan,
    item: Completer,
    item_type: GraphQLOutputType,
    value: Awaitable[Any],
    path: Path,
    info: Info | None,
) -> Any:
    try:
        resolved = await value
        completed = item.complete(run, fp, resolved, path, info)
        if run.is_awaitable(completed):
            completed = await completed
    except Exception as raw_error:
        run.handle_field_error(raw_error, item_type, fp.field_details, path)
        return None
    return completed


def _remaining_awaitables(
    iterator: Iterator[Any], is_awaitable: Callable[[Any], bool]
) -> list[Awaitable[Any]]:
    awaitables: list[Awaitable[Any]] = []
    with suppress(Exception):  # as graphql-core's collect_iterator_awaitables
        awaitables.extend(value for value in iterator if is_awaitable(value))
    return awaitables


def _invalid_return_type(
    object_type: GraphQLObjectType, result: Any, fp: FieldPlan
) -> GraphQLError:
    return GraphQLError(
        f"Expected value of type '{object_type}' but got: {inspect(result)}.", fp.nodes
    )


# ---------------------------------------------------------------------------------
# Compiling
# ---------------------------------------------------------------------------------


class OperationPlan:
    """The root selection of one operation, for one value of its directive variables."""

    __slots__ = ("fields", "operation", "root_type")

    def __init__(
        self,
        operation: OperationDefinitionNode,
        root_type: GraphQLObjectType,
        fields: tuple[FieldPlan, ...],
    ) -> None:
        self.operation = operation
        self.root_type = root_type
        self.fields = fields


def compile_operation(executor: Executor[Any], *, event: bool = False) -> OperationPlan:
    """The plan of the executor's operation, for its variables' values of
    ``@skip``/``@include`` conditions; raises ``Unsupported`` when graphql-core must
    run it (and graphql-core errors when collecting fails: the caller falls back and
    graphql-core reports them).

    ``event=True`` plans one event of a subscription: the subscription root's
    selection, run on each event's root value (root fields not serially, as
    graphql-core's ``execute_subscription_event`` runs them)."""
    operation = executor.operation
    expected = OperationType.SUBSCRIPTION if event else OperationType.QUERY
    if operation.operation is not expected:
        raise Unsupported(operation.operation.value)
    for directive in operation.directives or ():
        if directive.name.value in _UNSUPPORTED_OPERATION_DIRECTIVES:
            raise Unsupported("error propagation disabled")
    schema = executor.schema
    root_type = schema.subscription_type if event else schema.query_type
    if root_type is None:
        raise Unsupported("no subscription type" if event else "no query type")
    compiler = _Compiler(
        schema,
        executor.fragments,
        executor.variable_values,
        operation,
        executor.hide_suggestions,
    )
    grouped, new_defer_usages, _forbidden = collect_fields(
        schema,
        executor.fragments,
        executor.variable_values,
        root_type,
        operation,
        executor.hide_suggestions,
    )
    if new_defer_usages:
        raise Unsupported("@defer")
    return OperationPlan(operation, root_type, compiler.fields(root_type, grouped))


class _Compiler:
    def __init__(
        self,
        schema: GraphQLSchema,
        fragments: dict[str, FragmentDetails],
        variable_values: VariableValues,
        operation: OperationDefinitionNode,
        hide_suggestions: bool,
    ) -> None:
        self.schema = schema
        self.fragments = fragments
        self.variable_values = variable_values
        self.operation = operation
        self.hide_suggestions = hide_suggestions

    def fields(
        self, parent_type: GraphQLObjectType, grouped: GroupedFieldSet
    ) -> tuple[FieldPlan, ...]:
        plans: list[FieldPlan] = []
        for key, field_details in grouped.items():
            for details in field_details:
                if details.defer_usage is not None:
                    raise Unsupported("@defer")
                if details.fragment_variable_values is not None:
                    raise Unsupported("fragment variables")
                for directive in details.node.directives or ():
                    if directive.name.value in _INCREMENTAL_DIRECTIVES:
                        raise Unsupported(f"@{directive.name.value}")
            node = field_details[0].node
            name = node.name.value
            if name in _INTROSPECTION_FIELDS:
                raise Unsupported("introspection")
            field_def = self.schema.get_field(parent_type, name)
            if field_def is None:
                continue  # graphql-core leaves it out of the response too
            plans.append(self.field(key, parent_type, field_def, field_details))
        return tuple(plans)

    def field(
        self,
        key: str,
        parent_type: GraphQLObjectType,
        field_def: GraphQLField,
        field_details: FieldDetailsList,
    ) -> FieldPlan:
        name = field_details[0].node.name.value
        if name == "__typename":
            return TypenameField(key, parent_type, field_def, field_details, None)
        completer = self.completer(field_def.type, field_details)
        attribute = _strawberry_attribute(field_def)
        if attribute is not None:
            python_name, getter = attribute
            return AttributeField(
                key, parent_type, field_def, field_details, completer, python_name, getter
            )
        return ResolverField(
            key,
            parent_type,
            field_def,
            field_details,
            completer,
            self.static_arguments(field_def, field_details[0].node),
        )

    def completer(
        self, output_type: GraphQLOutputType, field_details: FieldDetailsList
    ) -> Completer:
        if isinstance(output_type, GraphQLNonNull):
            inner = self.completer(output_type.of_type, field_details)
            if isinstance(inner, ObjectCompleter):
                return NonNullObjectCompleter(inner)
            return NonNullCompleter(inner)
        if isinstance(output_type, GraphQLList):
            item_type = output_type.of_type
            return ListCompleter(self.completer(item_type, field_details), item_type)
        if is_leaf_type(output_type):
            return LeafCompleter(output_type)
        if is_object_type(output_type):
            return self.object_completer(output_type, field_details)
        if is_abstract_type(output_type):
            abstract_type: GraphQLAbstractType = output_type
            return AbstractCompleter(
                abstract_type,
                {
                    object_type.name: self.object_completer(object_type, field_details)
                    for object_type in self.schema.get_possible_types(abstract_type)
                },
            )
        raise Unsupported(f"output type {output_type}")  # pragma: no cover

    def object_completer(
        self, object_type: GraphQLObjectType, field_details: FieldDetailsList
    ) -> ObjectCompleter:
        completer = ObjectCompleter(object_type)
        grouped, new_defer_usages, _forbidden = collect_subfields(
            self.schema,
            self.fragments,
            self.variable_values,
            self.operation,
            object_type,
            field_details,
            self.hide_suggestions,
        )
        if new_defer_usages:
            raise Unsupported("@defer")
        completer.fields = self.fields(object_type, grouped)
        return completer

    def static_arguments(self, field_def: GraphQLField, node: FieldNode) -> dict[str, Any] | None:
        """The coerced arguments when no variable can change them and they are
        immutable (so one dict can serve every call); None: coerce per call."""
        if not (field_def.args or node.arguments) or _uses_variables(node.arguments):
            return None
        try:
            arguments = get_argument_values(
                field_def, node, self.variable_values, None, self.hide_suggestions
            )
        except Exception:
            return None
        if not all(_immutable(value) for value in arguments.values()):
            return None
        return arguments


def _strawberry_attribute(field_def: GraphQLField) -> tuple[str, Callable[[Any, str], Any]] | None:
    """(python name, getter) when the field's resolver is Strawberry's basic one:
    ``default_resolver(source, python_name)``, no info, no arguments, no extension."""
    resolve = field_def.resolve
    definition = (field_def.extensions or {}).get(STRAWBERRY_DEFINITION)
    if resolve is None or definition is None:
        return None
    if getattr(resolve, "__name__", None) != "_get_basic_result":
        return None
    if not getattr(resolve, "_is_default", False) or not definition.is_basic_field:
        return None
    from strawberry.types.field import StrawberryField

    if not isinstance(definition, StrawberryField):
        return None
    if type(definition).get_result is not StrawberryField.get_result:
        return None  # a field class with its own get_result: call it through resolve
    if field_def.args:
        return None
    getter = definition.default_resolver
    if getter is None:
        return None
    return definition.python_name, getter


def _uses_variables(arguments: Iterable[ArgumentNode] | None) -> bool:
    if not arguments:
        return False
    found = False

    class FindVariables(Visitor):
        def enter_variable(self, node: VariableNode, *_args: Any) -> Any:
            nonlocal found
            found = True
            return Visitor.BREAK

    for argument in arguments:
        visit(argument, FindVariables())
        if found:
            return True
    return False


_IMMUTABLE_TYPES = (str, int, float, bool, bytes, type(None), Enum)


def _immutable(value: Any) -> bool:
    if isinstance(value, _IMMUTABLE_TYPES):
        return True
    return isinstance(value, tuple) and all(_immutable(item) for item in value)


def directive_variables(
    operation: OperationDefinitionNode, fragments: dict[str, FragmentDefinitionNode]
) -> tuple[str, ...]:
    """The variables ``@skip``/``@include`` read anywhere in the operation or its
    fragments: the plan depends on their values, nothing else of the request."""
    names: set[str] = set()

    class FindConditions(Visitor):
        def enter_directive(self, node: Any, *_args: Any) -> Any:
            if node.name.value in ("skip", "include"):
                for argument in node.arguments or ():
                    visit(argument, FindNames())
            return Visitor.SKIP

    class FindNames(Visitor):
        def enter_variable(self, node: VariableNode, *_args: Any) -> Any:
            names.add(node.name.value)

    selection_sets: list[SelectionSetNode] = [operation.selection_set]
    selection_sets.extend(fragment.selection_set for fragment in fragments.values())
    for selection_set in selection_sets:
        visit(selection_set, FindConditions())
    return tuple(sorted(names))
