"""``GET /quizzes/<quiz id>/results.csv``: a quiz's attempts as CSV, streamed.

Behind the same door as ``/graphql`` (session cookie or API key; the door answers bad
credentials as problem details), so it is the same actor with the same scopes: the
quiz must be one the actor reads (quizzes:read) and the actor needs analytics:read.
One row per closed attempt (member by member, each in attempt order):
the member, when it started and closed, time taken, score, percentage, whether it
passed, and each question's points (empty: not answered). Rows are read and written
a batch at a time, so an export of 100,000 attempts never holds more than one batch.
Query parameters:
``firstAttemptsOnly`` (``true``/``false``, default ``false``), ``since`` and ``until``
(UTC days, ``YYYY-MM-DD``, inclusive). Errors are RFC 9457 problem details with the
contract's codes (404 ``NOT_FOUND`` for a quiz the actor can't see, 403 ``FORBIDDEN``
without the scope, 400 ``BAD_USER_INPUT``).
"""

from __future__ import annotations

import csv
import io
import uuid
from collections.abc import AsyncIterator, Iterable
from datetime import date

from starlette.requests import Request
from starlette.responses import Response, StreamingResponse
from starlette.routing import request_response
from starlette.types import ASGIApp
from strawberry import relay

from app.access.request import ServiceContext
from app.analytics import service
from app.analytics.repository import Days
from app.core.clock import as_utc
from app.core.errors import AppError, BadUserInput
from app.core.spreadsheet import text_cell
from app.graphql.relay import decode_id
from app.web.door import GraphQLDoor
from app.web.problems import problem_response

PATH = "/quizzes/{quiz_id}/results.csv"
_STATUS = {"NOT_FOUND": 404, "FORBIDDEN": 403, "UNAUTHENTICATED": 401, "BAD_USER_INPUT": 400}


async def results_csv(request: Request) -> Response:
    sc: ServiceContext = request.scope["state"]["sc"]
    try:
        quiz_id = decode_id(request.path_params["quiz_id"], "Quiz", "quizId")
        days = _days(request)
        org_id, header = await service.export_header(sc, quiz_id)
    except AppError as error:
        await sc.db.rollback()
        return problem_response(
            error.code, error.message, status=_STATUS.get(error.code), extensions=error.extensions
        )
    filename = f"quiz-{quiz_id}-results.csv"
    return StreamingResponse(
        _lines(sc, org_id, quiz_id, days, header),
        media_type="text/csv; charset=utf-8",
        headers={
            "Content-Disposition": f'attachment; filename="{filename}"',
            "Cache-Control": "no-store",
        },
    )


def app() -> ASGIApp:
    """The route's ASGI app: the door (credentials, the request's session), then CSV."""
    return GraphQLDoor(request_response(results_csv))


def _days(request: Request) -> Days:
    params = request.query_params
    problems: dict[str, str] = {}
    first = params.get("firstAttemptsOnly", "false").lower()
    if first not in {"true", "false"}:
        problems["firstAttemptsOnly"] = "must be true or false"
    bounds: dict[str, date | None] = {}
    for name in ("since", "until"):
        value = params.get(name)
        try:
            bounds[name] = date.fromisoformat(value) if value else None
        except ValueError:
            problems[name] = "must be a day, YYYY-MM-DD"
    if problems:
        raise BadUserInput(problems)
    return service.days_of(bounds["since"], bounds["until"], first == "true")


async def _lines(
    sc: ServiceContext,
    org_id: uuid.UUID,
    quiz_id: uuid.UUID,
    days: Days,
    header: service.ExportHeader,
) -> AsyncIterator[str]:
    yield _csv(
        [
            [
                "attempt_id",
                "username",
                "display_name",
                "attempt_number",
                "status",
                "started_at",
                "submitted_at",
                "time_seconds",
                "score",
                "max_score",
                "percentage",
                "passed",
                *header.question_labels,
            ]
        ]
    )
    async for batch in service.export_batches(sc, org_id, quiz_id, days):
        rows = []
        for row, points in batch:
            took = service.duration_seconds(row)
            rows.append(
                [
                    str(relay.GlobalID("Attempt", str(row.attempt_id))),
                    text_cell(row.username),
                    text_cell(row.display_name),
                    row.number,
                    str(row.status),
                    as_utc(row.started_at).isoformat(),
                    as_utc(row.closed_at).isoformat() if row.closed_at else "",
                    f"{took:.3f}" if took is not None else "",
                    _number(row.score),
                    _number(row.max_score),
                    _number(row.percentage),
                    "" if row.passed is None else str(row.passed).lower(),
                    *(_number(points.get(question)) for question in header.question_ids),
                ]
            )
        yield _csv(rows)


def _csv(rows: Iterable[list[object]]) -> str:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerows(rows)
    return buffer.getvalue()


def _number(value: float | None) -> str:
    return "" if value is None else f"{value:.10g}"
