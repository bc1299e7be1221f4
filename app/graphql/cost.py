"""Query cost: refuse what is over the limits before anything runs; charge keys' budgets.

For each operation, before graphql-core validates it:

1. the document's fragments are counted, and the operation is measured in one pass
   (depth, aliases, introspection nesting, cost: ``app.graphql.complexity``), with the
   request's variables (``first: $n`` counts ``n``). Over a limit: QUERY_TOO_COMPLEX
   with ``extensions.cost`` and ``extensions.limit``, and nothing else happens;
2. the document is validated (cached, ``app.graphql.limits.validate``);
3. a query or mutation sent with an API key is charged its cost (``requested``) to
   the key's budget, a moving window of the ``limits`` library (Redis when
   configured). When the budget can't cover it: RATE_LIMITED, HTTP 429 with
   ``Retry-After``, and nothing runs. The charge is the estimate, taken up front,
   because it must be taken before anything runs; ``actual`` is reported, not refunded.

Every response to a key carries ``extensions.cost``: ``requested`` (the estimate),
``actual`` (objects in the response's ``data``), ``limit`` (per query),
``remaining`` (the key's budget left in its window) and ``resetAt`` (when the oldest
charge in the window expires).
"""

from __future__ import annotations

import uuid
from collections import OrderedDict
from collections.abc import AsyncIterator, Mapping
from datetime import UTC, datetime, timedelta
from functools import lru_cache
from typing import Any

from graphql import ASTValidationRule, DocumentNode, GraphQLError, GraphQLSchema
from strawberry.extensions import SchemaExtension
from strawberry.types.graphql import OperationType

from app.access.actor import ActorKind
from app.core import ratelimit
from app.core.credential_generations import Spend
from app.core.errors import QueryTooComplex, RateLimited
from app.core.settings import get_settings
from app.graphql import complexity
from app.graphql.limits import query_limits, validate


@lru_cache(maxsize=16)
def _budget(amount: int, window_seconds: int) -> ratelimit.RateLimitItem:
    return ratelimit.per_window(amount, window_seconds)


class QueryCost(SchemaExtension):
    # The schema's plain lists and the most each can hold (set by the composition root).
    list_sizes: complexity.ListSizes = {}
    requested: int = 0
    charged: ratelimit.LimitState | None = None

    async def on_validate(self) -> AsyncIterator[None]:
        context = self.execution_context
        document = context.graphql_document
        assert document is not None  # Strawberry validates parsed documents only
        schema = context.schema._schema
        facts = _facts(schema, context.query, document, self.list_sizes)
        try:
            measure = facts.measure(context.operation_name, context.variables)
            self.requested = measure.cost
            complexity.refuse_over(measure, facts.limits)
        except QueryTooComplex as refusal:
            context.pre_execution_errors = [GraphQLError(refusal.message, original_error=refusal)]
            yield
            return
        context.pre_execution_errors = facts.validate(context.validation_rules)
        if not context.pre_execution_errors and self._key_id() is not None:
            over_budget = await self._charge()
            if over_budget is not None:
                context.pre_execution_errors = [over_budget]
            if self.charged is not None:
                # Measured, valid and charged: the door may charge it next time.
                facts.chargeable(context.operation_name, context.variables, self.requested)
        yield

    async def get_results(self) -> dict[str, Any]:
        key_id = self._key_id()
        # A subscription is measured once, when it starts, and never charged: its
        # messages carry no cost (a budget lookup per delivered message would cost more
        # than the message).
        context = self.execution_context
        if key_id is None or (
            # A document that didn't parse has no operation type (and was charged nothing).
            context.graphql_document is not None
            and context.operation_type is OperationType.SUBSCRIPTION
        ):
            return {}
        state = self.charged or await ratelimit.peek(_key_budget(), *_identifiers(key_id))
        return {
            "cost": {
                "requested": self.requested,
                "actual": _objects(getattr(self.execution_context.result, "data", None)),
                "limit": get_settings().max_query_cost,
                "remaining": max(0, state.remaining),
                "resetAt": _reset_at(state),
            }
        }

    async def _charge(self) -> GraphQLError | None:
        context = self.execution_context
        key_id = self._key_id()
        if key_id is None or context.operation_type is OperationType.SUBSCRIPTION:
            return None
        prepaid = getattr(getattr(context.context, "sc", None), "query_cost", None)
        if prepaid is not None and prepaid[0] == self.requested:
            state = prepaid[1]  # the door charged it, with the key's request
        else:
            state = await ratelimit.spend(_key_budget(), self.requested, *_identifiers(key_id))
        self.charged = state
        if state.allowed:
            return None
        seconds = max(1, state.reset_after_seconds)
        refusal = RateLimited(
            seconds,
            f"This query costs {self.requested} points and the key has {state.remaining} of "
            f"its {state.limit} left in this window. Try again in {seconds} seconds.",
        )
        response = getattr(context.context, "response", None)
        if response is not None:
            response.status_code = 429
            response.headers["Retry-After"] = str(seconds)
        return GraphQLError(refusal.message, original_error=refusal)

    def _key_id(self) -> str | None:
        actor = getattr(self.execution_context.context, "actor", None)
        if actor is None or actor.kind is not ActorKind.API_KEY or actor.api_key_id is None:
            return None
        return str(actor.api_key_id)


# Documents whose measure is kept (as many as the parse and validation caches hold),
# and for each, the measures of at most this many operations and variables' values.
MAX_DOCUMENTS = 512
MAX_MEASURES_PER_DOCUMENT = 64
_ABSENT = object()  # a variable the request left out (its default applies)


class DocumentFacts:
    """What the request's variables don't change about a document, worked out once: the
    caps on the document as a whole (``complexity.check_document``), its validation
    (per set of rules, the key of ``app.graphql.limits.validate``), and its measure
    per operation and per value of the variables the measure reads (``first: $n``
    counts ``n``: each value is measured, and kept, on its own)."""

    __slots__ = (
        "charges",
        "document",
        "limits",
        "list_sizes",
        "measures",
        "refusal",
        "schema",
        "validated",
    )

    def __init__(
        self,
        schema: GraphQLSchema,
        document: DocumentNode,
        limits: complexity.Limits,
        list_sizes: complexity.ListSizes,
    ) -> None:
        self.schema = schema
        self.document = document
        self.limits = limits
        self.list_sizes = list_sizes
        self.refusal: QueryTooComplex | None = None
        try:
            complexity.check_document(document, limits)
        except QueryTooComplex as refusal:
            self.refusal = refusal
        # operation name -> (the variables its measure reads, measure by their values)
        self.measures: dict[
            str | None, tuple[frozenset[str], dict[tuple[object, ...], complexity.Measure]]
        ] = {}
        self.validated: dict[tuple[type[ASTValidationRule], ...], list[GraphQLError]] = {}
        # What a key was charged for the operation (by the measure's variables), once
        # it was measured within the limits, validated without error and charged.
        self.charges: dict[tuple[str | None, tuple[object, ...]], int] = {}

    def measure(
        self, operation_name: str | None, variables: Mapping[str, Any] | None
    ) -> complexity.Measure:
        """The operation's measure, or the document's refusal (QueryTooComplex)."""
        if self.refusal is not None:
            refusal = self.refusal
            raise QueryTooComplex(refusal.message, **refusal.extensions)
        known = self.measures.get(operation_name)
        if known is not None:
            names, by_values = known
            values = _values(names, variables)
            measure = by_values.get(values)
            if measure is not None:
                return measure
        measure, names = complexity.measure_with_inputs(
            self.schema,
            self.document,
            operation_name=operation_name,
            variables=variables,
            list_sizes=self.list_sizes,
        )
        if known is None:
            if len(self.measures) >= MAX_MEASURES_PER_DOCUMENT:
                self.measures.clear()
            known = self.measures[operation_name] = (names, {})
        by_values = known[1]
        if len(by_values) >= MAX_MEASURES_PER_DOCUMENT:
            by_values.clear()
        by_values[_values(names, variables)] = measure
        return measure

    def chargeable(
        self, operation_name: str | None, variables: Mapping[str, Any] | None, cost: int
    ) -> None:
        known = self.measures.get(operation_name)
        if known is None:
            return
        if len(self.charges) >= MAX_MEASURES_PER_DOCUMENT:
            self.charges.clear()
        self.charges[(operation_name, _values(known[0], variables))] = cost

    def known_charge(
        self, operation_name: str | None, variables: Mapping[str, Any] | None
    ) -> int | None:
        known = self.measures.get(operation_name)
        if known is None or not self.charges:
            return None
        return self.charges.get((operation_name, _values(known[0], variables)))

    def validate(self, rules: tuple[type[ASTValidationRule], ...]) -> list[GraphQLError]:
        errors = self.validated.get(rules)
        if errors is None:
            errors = self.validated[rules] = validate(self.schema, self.document, rules)
        return errors


def _values(names: frozenset[str], variables: Mapping[str, Any] | None) -> tuple[object, ...]:
    """What the measure sees of these variables: an int, anything else (as None), or
    absent (then the operation's default applies)."""
    if not names:
        return ()
    given = variables or {}
    return tuple(_int_or_none(given[name]) if name in given else _ABSENT for name in sorted(names))


def _int_or_none(value: object) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


_documents: OrderedDict[str, DocumentFacts] = OrderedDict()
_limits: tuple[object, complexity.Limits] | None = None


def _facts(
    schema: GraphQLSchema,
    query: str | None,
    document: DocumentNode,
    list_sizes: complexity.ListSizes,
) -> DocumentFacts:
    """The document's facts, kept by its text (whose hash Python keeps; a document's is
    computed through its whole tree on every call), the schema and the list sizes; the
    limits are the settings', rebuilt when the settings change."""
    global _limits
    settings = get_settings()
    if _limits is None or _limits[0] is not settings:
        _limits = (settings, query_limits(settings))
        _documents.clear()
    limits = _limits[1]
    if query is None:  # a document handed over without its text: nothing to key it by
        return DocumentFacts(schema, document, limits, list_sizes)
    facts = _documents.get(query)
    if facts is None or facts.schema is not schema or facts.list_sizes is not list_sizes:
        facts = _documents[query] = DocumentFacts(schema, document, limits, list_sizes)
        if len(_documents) > MAX_DOCUMENTS:
            _documents.popitem(last=False)
    else:
        _documents.move_to_end(query)
    return facts


def known_charge(
    query: str, operation_name: str | None, variables: Mapping[str, Any] | None
) -> int | None:
    """What this operation cost a key the last time it was charged (measured within the
    limits and validated without error under the current settings), or None. The door
    charges it in the same round trip as the key's request (``sc.query_cost``), and the
    extension then takes that charge instead of making its own."""
    if _limits is None or _limits[0] is not get_settings():
        return None
    facts = _documents.get(query)
    return None if facts is None else facts.known_charge(operation_name, variables)


def budget_spend(key_id: uuid.UUID, cost: int) -> Spend:
    """``cost`` points of the key's query-cost budget, as the door spends them."""
    return Spend(_key_budget(), _identifiers(str(key_id)), cost)


def forget_documents() -> None:
    """Drop every document's facts (tests that change the schema's list sizes)."""
    _documents.clear()


def _key_budget() -> ratelimit.RateLimitItem:
    settings = get_settings()
    return _budget(settings.query_cost_budget, settings.query_cost_window_seconds)


def _identifiers(key_id: str) -> tuple[str, str]:
    return ("query-cost", key_id)


def _reset_at(state: ratelimit.LimitState) -> str:
    moment = datetime.now(UTC) + timedelta(seconds=state.reset_after_seconds)
    return moment.replace(microsecond=0).isoformat().replace("+00:00", "Z")


def _objects(data: object) -> int:
    """How many objects a response's ``data`` holds (the root excluded). Only objects and
    lists are stacked to be looked into: a response is mostly scalars, each checked once
    where it lies."""
    if not isinstance(data, dict):
        return 0
    count = 0
    pending: list[dict[str, Any] | list[Any]] = [data]
    while pending:
        container = pending.pop()
        for value in container.values() if isinstance(container, dict) else container:
            if isinstance(value, dict):
                count += 1
                pending.append(value)
            elif isinstance(value, list):
                pending.append(value)
    return count
