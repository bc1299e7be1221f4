"""A subscription's selection as a cohort runs it: once per event, into payload bytes.

``LiveSelection`` holds one graphql-core executor built for the operation (its
document, variables and the cohort's context), and per event:

1. runs the operation with the event as root value, as graphql-core runs each event
   of a subscription (``build_per_event_executor``, root fields not serially): from
   a compiled plan (``app.graphql.compiled``) when the planner takes the selection,
   else with graphql-core's own executor;
2. classifies errors as the request boundary does (codes, INTERNAL masked and logged
   with the cohort's request id);
3. serializes ``{"data": …, "errors": […]}`` once with orjson.

Nothing is kept between events: each event runs on a shallow copy of the executor
with errors and graphql-core's subfield memo of its own (graphql-core memoises
collected subfields by the identity of per-event lists, so a shared memo would gain
entries with every event).

The plan comes from the compiled executor's entry point for subscription events
(``plan_subscription_event``, ``run_subscription_event``), which also runs the
graphql-core fallback with a per-event memo.

**Per-subscriber fields.** A cohort's result is shared by subscribers that differ in
identity, so a field whose value depends on who asks (say ``myRank``) is refused in a
subscription: it carries ``PER_SUBSCRIBER`` in its Strawberry ``metadata`` (or its
graphql-core ``extensions``), ``per_subscriber_fields`` finds it in the selection,
and ``LiveSelection`` raises ``BAD_USER_INPUT`` naming its path. (Defence in depth:
the cohort's context carries an actor without identity, see ``Visibility.actor``,
so an unmarked field of that kind sees nobody rather than somebody else.)
"""

from __future__ import annotations

from typing import Any

import orjson
from graphql import (
    DocumentNode,
    GraphQLError,
    GraphQLField,
    GraphQLObjectType,
    GraphQLSchema,
    OperationDefinitionNode,
    OperationType,
    get_named_type,
    is_abstract_type,
    is_object_type,
    print_ast,
)
from graphql.execution import ExecutionResult, Executor
from graphql.execution.collect_fields import (
    FieldDetailsList,
    GroupedFieldSet,
    collect_fields,
    collect_subfields,
)

from app.core.errors import BadUserInput
from app.graphql.compiled import EventPlan, plan_subscription_event, run_subscription_event
from app.graphql.errors import classify

__all__ = [
    "PER_SUBSCRIBER",
    "LiveSelection",
    "document_key",
    "per_subscriber",
    "per_subscriber_fields",
    "variables_key",
]


# The metadata key that marks a field whose value depends on who asks.
PER_SUBSCRIBER = "quizgraph.live.per_subscriber"
_STRAWBERRY_DEFINITION = "strawberry-definition"


def per_subscriber(why: str = "its value depends on who asks") -> dict[str, str]:
    """Strawberry field ``metadata`` for a field that a subscription can't share:
    ``@strawberry.field(metadata=per_subscriber())``."""
    return {PER_SUBSCRIBER: why}


def _marked(field_def: GraphQLField) -> str | None:
    extensions = field_def.extensions or {}
    if PER_SUBSCRIBER in extensions:
        return str(extensions[PER_SUBSCRIBER])
    definition = extensions.get(_STRAWBERRY_DEFINITION)
    metadata = getattr(definition, "metadata", None) or {}
    why = metadata.get(PER_SUBSCRIBER)
    return None if why is None else str(why)


def per_subscriber_fields(executor: Executor[Any]) -> list[str]:
    """The paths (``leaderboardUpdated.page.myRank``) of the fields marked
    per-subscriber that the executor's subscription selects."""
    schema = executor.schema
    root_type = schema.subscription_type
    if root_type is None:
        return []
    grouped = collect_fields(
        schema,
        executor.fragments,
        executor.variable_values,
        root_type,
        executor.operation,
        executor.hide_suggestions,
    ).grouped_field_set
    found: list[str] = []
    _walk(executor, root_type, grouped, "", found)
    return found


def _walk(
    executor: Executor[Any],
    parent_type: GraphQLObjectType,
    grouped: GroupedFieldSet,
    prefix: str,
    found: list[str],
) -> None:
    schema = executor.schema
    for key, details in grouped.items():
        field_def = schema.get_field(parent_type, details[0].node.name.value)
        if field_def is None:
            continue
        path = f"{prefix}{key}"
        if _marked(field_def) is not None:
            found.append(path)
            continue
        named = get_named_type(field_def.type)
        if is_object_type(named):
            _walk_into(executor, named, details, path, found)
        elif is_abstract_type(named):
            for possible in schema.get_possible_types(named):
                _walk_into(executor, possible, details, path, found)


def _walk_into(
    executor: Executor[Any],
    object_type: GraphQLObjectType,
    details: FieldDetailsList,
    path: str,
    found: list[str],
) -> None:
    grouped = collect_subfields(
        executor.schema,
        executor.fragments,
        executor.variable_values,
        executor.operation,
        object_type,
        details,
        executor.hide_suggestions,
    ).grouped_field_set
    before = len(found)
    _walk(executor, object_type, grouped, f"{path}.", found)
    # The same field reached through several possible types is named once.
    if len(found) > before:
        found[before:] = list(dict.fromkeys(found[before:]))


def document_key(operation: OperationDefinitionNode, fragments: dict[str, Any]) -> str:
    """The document's text (parsing keeps it; the parse cache makes the same text one
    document), or the printed operation and fragments when it has no source."""
    location = operation.loc
    if location is not None:
        return location.source.body
    parts = [print_ast(operation), *(print_ast(fragment) for fragment in fragments.values())]
    return "\n".join(parts)


def _key_default(value: object) -> str:
    return f"{type(value).__qualname__}:{value}"


def variables_key(raw_variables: dict[str, Any] | None) -> bytes:
    """The variables as sent, canonical (keys sorted): equal for equal requests."""
    return orjson.dumps(
        raw_variables or {},
        default=_key_default,
        option=orjson.OPT_SORT_KEYS | orjson.OPT_NON_STR_KEYS,
    )


class LiveSelection:
    """One subscription operation, run once per event for a whole cohort."""

    __slots__ = ("_base", "compiled", "executions", "fallback_reason", "plan", "request_id")

    def __init__(self, executor: Executor[Any], *, request_id: str) -> None:
        if executor.operation.operation is not OperationType.SUBSCRIPTION:
            raise BadUserInput({"operation": "only a subscription is shared by a cohort"})
        refused = per_subscriber_fields(executor)
        if refused:
            names = ", ".join(refused)
            raise BadUserInput(
                {"subscription": f"{names}: depends on who asks"},
                f"{names} can't be selected in a subscription: its value depends on who "
                "asks, and a subscription's messages are shared by every subscriber who "
                "may see the same. Query it over HTTP instead.",
            )
        self._base = executor
        self.request_id = request_id
        plan = plan_subscription_event(executor)
        self.plan: EventPlan | None = None if isinstance(plan, str) else plan
        self.fallback_reason = plan if isinstance(plan, str) else None
        self.compiled = self.plan is not None
        self.executions = 0  # events run, for tests and diagnostics

    @classmethod
    def build(
        cls,
        schema: GraphQLSchema,
        document: DocumentNode,
        *,
        variables: dict[str, Any] | None = None,
        operation_name: str | None = None,
        context_value: Any = None,
        executor_class: type[Executor[Any]] = Executor,
        request_id: str = "live",
    ) -> LiveSelection:
        """From a validated document and its variables as sent."""
        built = executor_class.build(
            schema,
            document,
            context_value=context_value,
            raw_variable_values=variables,
            operation_name=operation_name,
        )
        if isinstance(built, list):
            raise GraphQLError("; ".join(error.message for error in built))
        return cls(built, request_id=request_id)

    async def run(self, root_value: Any) -> bytes:
        """The payload of one event: ``{"data": …}`` (and ``"errors"``) as JSON."""
        self.executions += 1
        result: Any = run_subscription_event(self._base, self.plan, root_value)
        if self._base.is_awaitable(result):
            result = await result
        return self._encode(result)

    def _encode(self, result: ExecutionResult) -> bytes:
        payload: dict[str, Any] = {"data": result.data}
        if result.errors:
            payload["errors"] = [
                classify(error, self.request_id).formatted for error in result.errors
            ]
        return orjson.dumps(payload)
