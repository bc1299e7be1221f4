"""Compiled execution: a validated query runs from a plan built once per document.

Usable by any Strawberry (or graphql-core 3.3) schema: mix ``CompiledExecution`` into
the executor class the schema uses (``strawberry.Schema(...,
execution_context_class=...)``); everything else of Strawberry's pipeline (parsing,
validation, extensions) stays as it is. ``app.graphql.compiled.plan`` says what a
plan is and why its results are graphql-core's; ``.execution`` how plans are cached
and chosen; ``docs/perf/compiled-execution.md`` the measurements.

Results and errors are graphql-core's, for every operation the plan accepts: the
same data (key order included), and the same errors in the same order with the same
message, locations, path, extensions and original error; ``@skip``/``@include``
(with variables), fragments (named and inline, on interfaces and unions), aliases,
``__typename``, field merging, null propagation, lists (sync, async items, async
iterables), abstract types (``resolve_type``, ``is_type_of``) and resolvers (sync or
async, DataLoaders batch as before: the awaitables of one level are gathered
together, as graphql-core does).

graphql-core runs instead (the reason is counted in ``execution.stats.fallbacks``):

- mutations (their root fields run serially) and subscriptions (but one event of a
  subscription, its selection on the event's root value, is planned with
  ``plan_subscription_event`` and run with ``run_subscription_event``: what a live
  cohort does once per event, ``app.graphql.live``);
- ``@defer`` / ``@stream`` anywhere in the operation, fragment variables
  (experimental fragment arguments), ``@experimental_disableErrorPropagation``;
- introspection (``__schema``, ``__type``; ``__typename`` is compiled);
- a schema extension that wraps every resolver (Strawberry's ``resolve`` hook:
  graphql-core middleware), an abort signal;
- a document whose fields cannot be collected (graphql-core then reports why).
"""

from app.graphql.compiled.compare import differences
from app.graphql.compiled.execution import (
    CompiledExecution,
    CompiledMismatch,
    EventPlan,
    Mode,
    plan_subscription_event,
    plans,
    run_subscription_event,
    stats,
)
from app.graphql.compiled.plan import immutable

__all__ = [
    "CompiledExecution",
    "CompiledMismatch",
    "EventPlan",
    "Mode",
    "differences",
    "immutable",
    "plan_subscription_event",
    "plans",
    "run_subscription_event",
    "stats",
]
