"""The executor class that runs compiled plans, the plan cache, and the verify mode.

``CompiledExecution`` is a graphql-core ``Executor`` whose ``execute_operation`` runs
the operation's plan when there is one and otherwise calls graphql-core's own. It is
the only hook: Strawberry still parses, validates and runs every extension around it
(``execution_context_class=``), and graphql-core still builds the executor (operation
choice, variable coercion and their errors).

Plans are cached per operation node (the same text gives the same document object
behind a parser cache), with a structural fallback (the document's value, as
graphql-core's validation cache keys it) for schemas without one; and under each, per
value of the variables read by ``@skip``/``@include``. A refusal is cached too, with
its reason, so an unsupported document costs one dictionary lookup per request.
"""

from __future__ import annotations

import logging
import weakref
from collections import Counter
from copy import copy
from dataclasses import dataclass, field
from types import CoroutineType
from typing import Any, Literal, cast

from graphql import GraphQLError, GraphQLSchema
from graphql.execution import Executor
from graphql.execution.executor import CollectedErrors
from graphql.language import FragmentDefinitionNode, OperationDefinitionNode
from graphql.pyutils import AwaitableOrValue

from app.graphql.compiled.compare import differences
from app.graphql.compiled.plan import (
    OperationPlan,
    Run,
    Unsupported,
    compile_operation,
    directive_variables,
    execute_fields,
)

__all__ = [
    "CompiledExecution",
    "CompiledMismatch",
    "EventPlan",
    "Mode",
    "plan_subscription_event",
    "run_subscription_event",
    "stats",
]

logger = logging.getLogger(__name__)

Mode = Literal["on", "off", "verify"]

MAX_CACHED_DOCUMENTS = 512
# Variants of one document (values of its @skip/@include variables) kept at most.
MAX_VARIANTS = 64
_MISSING = object()


class CompiledMismatch(AssertionError):
    """Verify mode: the plan's result differs from graphql-core's."""


@dataclass
class Stats:
    """Counts since the process started, for tests and diagnostics."""

    compiled: int = 0
    verified: int = 0
    fallbacks: Counter[str] = field(default_factory=Counter)
    mismatches: list[str] = field(default_factory=list)

    def reset(self) -> None:
        self.compiled = 0
        self.verified = 0
        self.fallbacks.clear()
        self.mismatches.clear()


stats = Stats()


class CompiledExecution(Executor[Any]):
    """Mix in before any graphql-core executor class (Strawberry's included)."""

    def compiled_execution_mode(self) -> Mode:
        """``on``: run plans; ``off``: graphql-core only; ``verify``: run both, answer
        graphql-core's result, raise ``CompiledMismatch`` when they differ."""
        return "on"

    def execute_operation(self, serially: bool | None = None) -> AwaitableOrValue[Any]:
        mode = self.compiled_execution_mode()
        if mode == "off" or serially:
            return super().execute_operation(serially)
        plan = self._plan()
        if isinstance(plan, str):
            stats.fallbacks[plan] += 1
            return super().execute_operation(serially)
        if mode == "verify":
            return self._verify(plan, serially)
        stats.compiled += 1
        return run_plan(self, plan)

    def _plan(self) -> OperationPlan | str:
        if self.abort_signal is not None:
            return "abort signal"
        manager = self.middleware_manager
        if manager is not None and manager.middlewares:
            return "middleware"
        return plans.get(self)

    def _verify(self, plan: OperationPlan, serially: bool | None) -> AwaitableOrValue[Any]:
        reference = super().execute_operation(serially)

        def compare(expected: Any, actual: Any) -> Any:
            stats.verified += 1
            found = differences(expected, actual)
            if found:
                report = f"compiled execution differs from graphql-core: {found}"
                stats.mismatches.append(report)
                logger.error(report)
                raise CompiledMismatch(report)
            return expected

        if not self.is_awaitable(reference):
            compiled = run_plan(_shadow(self), plan)
            if not self.is_awaitable(compiled):
                return compare(reference, compiled)

            async def await_compiled() -> Any:
                return compare(reference, await compiled)

            return await_compiled()

        async def await_both() -> Any:
            expected = await reference
            compiled = run_plan(_shadow(self), plan)
            if self.is_awaitable(compiled):
                compiled = await compiled
            return compare(expected, compiled)

        return await_both()


def _shadow(executor: Executor[Any]) -> Executor[Any]:
    """A second run of the same request with errors of its own (as graphql-core's
    ``build_per_event_executor`` does for subscription events)."""
    shadow = copy(executor)
    shadow.collected_errors = CollectedErrors()
    return shadow


def run_plan(executor: Executor[Any], plan: OperationPlan) -> AwaitableOrValue[Any]:
    """graphql-core's ``execute_operation`` with the plan in place of its field
    collection and ``execute_fields`` (no abort signal: refused before)."""
    run = Run(executor)
    try:
        result = execute_fields(run, plan.fields, executor.root_value, None)
        if type(result) is CoroutineType:

            async def await_result() -> Any:
                try:
                    data = await result
                except GraphQLError as error:
                    executor.collected_errors.add(error, None)
                    return executor.build_response(None)
                except Exception:
                    await executor.cancel_incremental_work()
                    executor.run_async_work_finished_hook()
                    raise
                return executor.build_response(data)

            return await_result()
        data = cast("dict[str, Any]", result)
    except GraphQLError as error:
        executor.collected_errors.add(error, None)
        return executor.finish(executor.build_response(None))
    return executor.finish(executor.build_response(data))


# ---------------------------------------------------------------------------------
# Subscription events: the public entry point for running one event's selection
# ---------------------------------------------------------------------------------

EventPlan = OperationPlan


def plan_subscription_event(executor: Executor[Any]) -> EventPlan | str:
    """The plan of one event of the executor's subscription (its selection under the
    subscription root, for its variables' ``@skip``/``@include`` values), or why
    graphql-core must run its events. Not cached: the caller (a live cohort) plans
    once and runs the plan for every event."""
    if executor.middleware_manager is not None and executor.middleware_manager.middlewares:
        return "middleware"
    if executor.abort_signal is not None:
        return "abort signal"
    return _compile(executor, event=True)


def run_subscription_event(
    executor: Executor[Any], plan: EventPlan | None, root_value: Any
) -> AwaitableOrValue[Any]:
    """One event of a subscription, as graphql-core's ``execute_subscription_event``
    runs it on ``root_value``: from ``plan`` when there is one, else with
    graphql-core's executor. Each event runs on a per-event copy of ``executor``
    with errors and graphql-core's subfield memo of its own (a memo shared across
    events would gain entries with each one: its keys are per-event lists)."""
    event = executor.build_per_event_executor(root_value)
    if plan is not None:
        return run_plan(event, plan)
    event._relevant_sub_fields = {}
    # graphql-core's own executor, past any class mixed in before it (this one).
    return Executor.execute_operation(event, False)


class _DocumentPlans:
    """The plans of one operation of one document, per value of its directive
    variables (or the reason it is refused)."""

    __slots__ = ("directive_variables", "variants")

    def __init__(self, names: tuple[str, ...]) -> None:
        self.directive_variables = names
        self.variants: dict[tuple[Any, ...], OperationPlan | str] = {}


class _Identity:
    __slots__ = ("fragments", "operation", "plans", "schema")

    def __init__(
        self,
        operation: OperationDefinitionNode,
        schema: GraphQLSchema,
        fragments: tuple[FragmentDefinitionNode, ...],
        plans: _DocumentPlans,
    ) -> None:
        self.operation = weakref.ref(operation)
        self.schema = weakref.ref(schema)
        self.fragments = fragments
        self.plans = plans

    def matches(self, executor: Executor[Any]) -> bool:
        if self.operation() is not executor.operation or self.schema() is not executor.schema:
            return False
        fragments = executor.fragment_definitions
        if len(fragments) != len(self.fragments):
            return False
        return all(a is b for a, b in zip(self.fragments, fragments.values(), strict=True))


class PlanCache:
    def __init__(self, maxsize: int = MAX_CACHED_DOCUMENTS) -> None:
        self.maxsize = maxsize
        self._by_identity: dict[int, _Identity] = {}
        self._by_value: dict[tuple[Any, ...], _DocumentPlans] = {}

    def clear(self) -> None:
        self._by_identity.clear()
        self._by_value.clear()

    def variants(self) -> list[list[tuple[Any, ...]]]:
        """Per cached document, the values of its condition variables it has plans
        (or refusals) for."""
        return [list(plans.variants) for plans in self._by_value.values()]

    def get(self, executor: Executor[Any]) -> OperationPlan | str:
        operation = executor.operation
        known = self._by_identity.get(id(operation))
        if known is None or not known.matches(executor):
            document_plans = self._document_plans(executor)
            fragments = tuple(executor.fragment_definitions.values())
            known = _Identity(operation, executor.schema, fragments, document_plans)
            _bounded_put(self._by_identity, id(operation), known, self.maxsize)
        document_plans = known.plans
        coerced = executor.variable_values.coerced
        variant = tuple(coerced.get(name, _MISSING) for name in document_plans.directive_variables)
        try:
            plan = document_plans.variants.get(variant)
        except TypeError:
            return "unhashable condition variable"
        if plan is None:
            plan = _compile(executor)
            if len(document_plans.variants) >= MAX_VARIANTS:
                document_plans.variants.clear()
            document_plans.variants[variant] = plan
        return plan

    def _document_plans(self, executor: Executor[Any]) -> _DocumentPlans:
        key = (
            executor.schema,
            executor.operation,
            tuple(executor.fragment_definitions.values()),
        )
        found = self._by_value.get(key)
        if found is None:
            found = _DocumentPlans(
                directive_variables(executor.operation, executor.fragment_definitions)
            )
            _bounded_put(self._by_value, key, found, self.maxsize)
        return found


def _bounded_put(mapping: dict[Any, Any], key: Any, value: Any, maxsize: int) -> None:
    if key not in mapping and len(mapping) >= maxsize:
        del mapping[next(iter(mapping))]  # the oldest
    mapping[key] = value


def _compile(executor: Executor[Any], *, event: bool = False) -> OperationPlan | str:
    try:
        return compile_operation(executor, event=event)
    except Unsupported as refusal:
        return refusal.reason
    except RecursionError:
        return "nested too deeply"
    except Exception as error:
        return f"collection error: {type(error).__name__}"


plans = PlanCache()
