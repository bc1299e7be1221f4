"""What a request's GraphQL operation was and how it ended, for its metrics and log line.

The web layer (``app.web.request_log``) puts a ``RequestRecord`` on the request's scope
state; the door notes a refusal on it, and ``RequestObservation`` (the first part of
the composed pipeline, so it sees the codes the boundary gave the errors) notes the
operation's type, name and error codes. Nothing is recorded for a websocket's
operations: the record belongs to an HTTP request.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field

from graphql import GraphQLError
from strawberry.extensions import SchemaExtension

RECORD = "request_record"  # its key in the scope's state


@dataclass(slots=True)
class RequestRecord:
    operation_type: str = ""
    operation_name: str = ""
    error_codes: list[str] = field(default_factory=list)
    # The door's refusal (the problem's code) when the request got no further.
    door_refusal: str | None = None
    # The credential's org, when the door read its row (or had it cached).
    org_slug: str | None = None
    # (org id, key id) of the org key the door identified, even when it refused the
    # request (its rate limit): the key's usage counts it (``app.api_keys.usage``).
    api_key: tuple[uuid.UUID, uuid.UUID] | None = None


def error_code(error: GraphQLError) -> str:
    code = (error.extensions or {}).get("code")
    return code if isinstance(code, str) else "INTERNAL"


class RequestObservation(SchemaExtension):
    def on_operation(self) -> Iterator[None]:
        try:
            yield
        except GraphQLError as error:
            record = self._record()
            if record is not None:
                record.error_codes.append(error_code(error))
            raise
        record = self._record()
        if record is None:
            return
        execution = self.execution_context
        if execution.graphql_document is not None:
            try:
                record.operation_type = execution.operation_type.value
            except Exception:  # no operation to run (the request names none that exists)
                record.operation_type = ""
        record.operation_name = execution.operation_name or ""
        errors = execution.pre_execution_errors or getattr(execution.result, "errors", None)
        if errors:
            record.error_codes.extend(error_code(error) for error in errors)

    def _record(self) -> RequestRecord | None:
        request = getattr(self.execution_context.context, "request", None)
        scope = getattr(request, "scope", None)
        if scope is None or scope.get("type") != "http":
            return None
        found = scope.get("state", {}).get(RECORD)
        return found if isinstance(found, RequestRecord) else None
