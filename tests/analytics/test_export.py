"""GET /quizzes/<id>/results.csv: one row per attempt, streamed a batch at a time, behind
the same credentials as /graphql, errors as problem details."""

from __future__ import annotations

import asyncio
import csv
import io
from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Any

import pytest
from starlette.applications import Starlette
from starlette.types import Message

from app.access.scopes import Role
from app.analytics import service
from app.core.db import unit_of_work
from app.members import service as members
from tests.analytics.support import known_quiz, take
from tests.api_keys.support import IssuedKey, create_key
from tests.support.client import ApiClient
from tests.support.factories import PASSWORD, Account, OrgFixture, cli_context, make_org


@dataclass
class Taken:
    org: OrgFixture
    teacher: ApiClient
    student: ApiClient
    quiz: dict[str, Any]
    key: IssuedKey


@pytest.fixture
async def taken(app: Starlette) -> AsyncIterator[Taken]:
    org = await make_org()
    teacher = await org.signed_in(app, "teacher")
    student = await org.signed_in(app, "student")
    async with unit_of_work() as db:  # a name a spreadsheet would run as a formula
        await members.add_member(
            cli_context(db),
            org.id,
            username="formula",
            display_name="=HYPERLINK(1)",
            role=Role.STUDENT,
            password=PASSWORD,
        )
    org.accounts["formula"] = Account("formula", PASSWORD, Role.STUDENT, org.id)
    formula = await org.signed_in(app, "formula")
    quiz = await known_quiz(teacher)
    await take(student, quiz, [["a"], ["a", "c"], ["b"], None])
    await take(formula, quiz, [["b"], ["a"], ["a"], ["a"]])
    owner = await org.signed_in(app, "owner")
    key = await create_key(owner, ["analytics:read", "quizzes:read"])
    yield Taken(org, teacher, student, quiz, key)
    for client in (teacher, student, formula, owner):
        await client.close()


def path(quiz_id: str) -> str:
    return f"/quizzes/{quiz_id}/results.csv"


async def test_one_row_per_attempt_with_each_questions_points(taken: Taken) -> None:
    # when the teacher exports (session cookie, as the dashboard would)
    response = await taken.teacher.http.get(path(taken.quiz["id"]))
    # then it is CSV with a header and the two attempts
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/csv")
    assert "attachment" in response.headers["content-disposition"]
    rows = list(csv.reader(io.StringIO(response.text)))
    assert rows[0][:12] == [
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
    ]
    assert rows[0][12:] == ["Q1 (2)", "Q2 (1)", "Q3 (1)", "Q4 (1)"]
    assert len(rows) == 3
    formula, student = sorted(rows[1:], key=lambda row: row[1])
    assert student[1:3] == ["student", "Student"] and student[4] == "SUBMITTED"
    assert student[8:12] == ["3", "5", "60", "true"]
    assert student[12:] == ["2", "1", "0", ""]  # Q4 unanswered: empty
    # and a name starting with "=" is written as text, not as a formula
    assert formula[1:3] == ["formula", "'=HYPERLINK(1)"]
    assert formula[12:] == ["0", "0.5", "1", "1"]


async def test_streams_a_batch_at_a_time(
    taken: Taken, app: Starlette, monkeypatch: pytest.MonkeyPatch
) -> None:
    # given batches of one attempt
    monkeypatch.setattr(service, "EXPORT_BATCH", 1)
    # when the ASGI app is called directly (to see each body message it sends)
    sent: list[Message] = []
    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "GET",
        "scheme": "http",
        "path": path(taken.quiz["id"]),
        "raw_path": path(taken.quiz["id"]).encode(),
        "query_string": b"",
        "root_path": "",
        "headers": [
            (b"host", b"testserver"),
            (b"authorization", taken.key.headers["Authorization"].encode()),
        ],
        "client": ("10.9.9.9", 40000),
        "server": ("testserver", 80),
    }

    requested = False
    done = asyncio.Event()

    async def receive() -> Message:
        nonlocal requested
        if not requested:
            requested = True
            return {"type": "http.request", "body": b"", "more_body": False}
        await done.wait()  # the client stays until the response is complete
        return {"type": "http.disconnect"}

    async def send(message: Message) -> None:
        sent.append(message)
        if message["type"] == "http.response.body" and not message.get("more_body"):
            done.set()

    await app(scope, receive, send)
    # then the header line and each attempt went out in messages of their own
    bodies = [m["body"] for m in sent if m["type"] == "http.response.body" and m.get("body")]
    assert sent[0]["status"] == 200
    assert len(bodies) == 3
    assert b"".join(bodies).count(b"\r\n") == 3


async def test_pages_of_one_attempt_stream_the_same_rows(
    taken: Taken, monkeypatch: pytest.MonkeyPatch
) -> None:
    # given the whole export in one batch, with a second attempt by the student
    await take(taken.student, taken.quiz, [["a"], ["a"], ["a"], ["a"]])
    params = {"firstAttemptsOnly": "false"}
    whole = await taken.teacher.http.get(path(taken.quiz["id"]), params=params)
    # when exported one attempt per page (each page after the last member and number)
    monkeypatch.setattr(service, "EXPORT_BATCH", 1)
    paged = await taken.teacher.http.get(path(taken.quiz["id"]), params=params)
    # then the rows are the same, in the same order
    assert whole.status_code == paged.status_code == 200
    assert whole.text.count("\r\n") == 4
    assert paged.text == whole.text


async def test_filters_by_first_attempts_and_days(taken: Taken) -> None:
    headers = taken.key.headers
    future = await taken.teacher.http.get(
        path(taken.quiz["id"]), params={"since": "2999-01-01"}, headers=headers
    )
    assert future.status_code == 200 and future.text.count("\r\n") == 1  # header only
    bad = await taken.teacher.http.get(
        path(taken.quiz["id"]), params={"since": "yesterday", "firstAttemptsOnly": "maybe"}
    )
    assert bad.status_code == 400
    problem = bad.json()
    assert problem["code"] == "BAD_USER_INPUT"
    assert set(problem["errors"][0]["extensions"]["fields"]) == {"since", "firstAttemptsOnly"}


async def test_refusals_are_problem_details(taken: Taken, app: Starlette) -> None:
    quiz = path(taken.quiz["id"])
    # a student: FORBIDDEN (no analytics:read)
    student = await taken.student.http.get(quiz)
    assert student.status_code == 403
    assert student.headers["content-type"] == "application/problem+json"
    assert student.json()["code"] == "FORBIDDEN"
    # nobody signed in: UNAUTHENTICATED
    anonymous = ApiClient(app)
    assert (await anonymous.http.get(quiz)).json()["code"] == "UNAUTHENTICATED"
    # a bad key: the door's INVALID_API_KEY
    bad_key = await anonymous.http.get(
        quiz, headers={"Authorization": "Bearer iq_live_" + "0" * 40}
    )
    assert bad_key.status_code == 401 and bad_key.json()["code"] == "INVALID_API_KEY"
    # another org's owner: NOT_FOUND, as for a quiz that doesn't exist
    other = await make_org()
    outsider = await other.signed_in(app, "owner")
    assert (await outsider.http.get(quiz)).status_code == 404
    assert (await outsider.http.get(path("not-an-id"))).json()["code"] == "BAD_USER_INPUT"
    await anonymous.close()
    await outsider.close()
