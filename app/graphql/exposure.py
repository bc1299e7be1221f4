"""How much of the schema a stranger can map: introspection and "Did you mean" hints.

Both help a developer and an attacker alike, so production turns them off unless the
settings ``QUIZGRAPH_INTROSPECTION`` / ``QUIZGRAPH_FIELD_SUGGESTIONS`` turn them on.
The published ``schema.graphql`` is the documentation partners work from.

Suggestions come from two places in graphql-core, which can hide both: validation
(unknown fields, arguments, types, enum literals) and variable coercion at execution
(a misspelt enum value or input field in ``variables``). Strawberry passes the flag to
neither, hence the rule and the execution context below. The same execution context
runs queries from compiled plans (``app.graphql.compiled``).

The rule classes are built once, here: a new class per request would be a new key for
the validation cache (see ``app.graphql.limits``).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from graphql import ASTValidationRule, NoSchemaIntrospectionCustomRule, ValidationContext
from graphql.validation import ValidationRule
from strawberry.extensions import SchemaExtension

from app.core.settings import get_settings
from app.graphql.compiled import CompiledExecution, Mode
from app.graphql.execution import BoundedExecutionContext


class HideSuggestionsRule(ValidationRule):
    """Reports nothing; switches graphql-core's own ``hide_suggestions`` on for the
    whole validation run (every rule is built before the document is visited)."""

    def __init__(self, context: ValidationContext) -> None:
        super().__init__(context)
        context._hide_suggestions = True


def exposure_rules() -> tuple[type[ASTValidationRule], ...]:
    settings = get_settings()
    rules: tuple[type[ASTValidationRule], ...] = ()
    if not settings.introspection_enabled:
        # Refuses __schema and __type (not __typename): a validation error, BAD_USER_INPUT.
        rules += (NoSchemaIntrospectionCustomRule,)
    if not settings.field_suggestions_enabled:
        rules += (HideSuggestionsRule,)
    return rules


class SchemaExposure(SchemaExtension):
    """Adds the rules above to each operation, as the settings ask."""

    def on_operation(self) -> Iterator[None]:
        context = self.execution_context
        context.validation_rules = context.validation_rules + exposure_rules()
        yield


class QuietExecutionContext(CompiledExecution, BoundedExecutionContext):
    """Variable coercion without suggestions when the settings hide them; queries run
    from compiled plans unless ``QUIZGRAPH_COMPILED_EXECUTION`` says otherwise."""

    @classmethod
    def build(cls, *args: Any, **kwargs: Any) -> Any:
        if not get_settings().field_suggestions_enabled:
            kwargs["hide_suggestions"] = True
        return super().build(*args, **kwargs)

    def compiled_execution_mode(self) -> Mode:
        return get_settings().compiled_execution
