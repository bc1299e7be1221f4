"""importQuiz through the API: multipart uploads and text, each format, broken files, limits."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from app.quizzes.importers import MAX_IMPORT_BYTES
from tests.quizzes.api import QUIZZES
from tests.support.client import ApiClient, GraphQLResult
from tests.support.factories import OrgFixture
from tests.support.fixture_types import SignIn

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "quizzes"
IMPORT = """mutation($input: ImportQuizInput!) { importQuiz(input: $input) {
  format importedQuestions problems { line message }
  quiz { id title status questionCount } } }"""


async def upload(
    client: ApiClient, name: str, data: bytes, *, fmt: str | None = None, preflight: bool = True
) -> GraphQLResult:
    operations = {"query": IMPORT, "variables": {"input": {"file": None, "format": fmt}}}
    response = await client.http.post(
        "/graphql",
        data={
            "operations": json.dumps(operations),
            "map": json.dumps({"0": ["variables.input.file"]}),
        },
        files={"0": (name, data, "application/octet-stream")},
        headers={"GraphQL-Preflight": "1"} if preflight else {},
    )
    return GraphQLResult(response)


async def quiz_count(client: ApiClient, org: OrgFixture) -> int:
    result = await client.gql(QUIZZES, {"slug": org.slug})
    count: int = result.ok()["organization"]["quizzes"]["totalCount"]
    return count


def payload(result: GraphQLResult) -> dict[str, Any]:
    imported: dict[str, Any] = result.ok()["importQuiz"]
    return imported


@pytest.mark.parametrize(
    ("name", "fmt", "questions", "title"),
    [
        ("good.json", "JSON", 5, "Science basics"),
        ("good_aiken.txt", "AIKEN", 3, "good_aiken"),
        ("good.gift", "GIFT", 8, "good"),
        ("good.pdf", "PDF", 3, "Geography and maths quiz"),
    ],
)
async def test_good_files_of_each_format_import_as_a_draft(
    org: OrgFixture, signed_in: SignIn, name: str, fmt: str, questions: int, title: str
) -> None:
    teacher = await signed_in(org, "teacher")
    result = payload(await upload(teacher, name, (FIXTURES / name).read_bytes()))
    assert (result["format"], result["importedQuestions"], result["problems"]) == (
        fmt,
        questions,
        [],
    )
    assert result["quiz"]["title"] == title and result["quiz"]["status"] == "DRAFT"
    assert result["quiz"]["questionCount"] == questions
    assert await quiz_count(teacher, org) == 1


async def test_broken_blocks_are_reported_by_line_and_the_rest_imported(
    org: OrgFixture, signed_in: SignIn
) -> None:
    teacher = await signed_in(org, "teacher")
    result = payload(
        await upload(
            teacher, "broken_aiken.txt", (FIXTURES / "broken_aiken.txt").read_bytes(), fmt="AIKEN"
        )
    )
    assert result["importedQuestions"] == 1 and result["quiz"]["questionCount"] == 1
    assert result["problems"] and all(p["line"] for p in result["problems"])
    gift = payload(
        await upload(
            teacher, "broken_gift.txt", (FIXTURES / "broken_gift.txt").read_bytes(), fmt="GIFT"
        )
    )
    assert [p["line"] for p in gift["problems"]] == [2, 4, 6, 8, 12]


@pytest.mark.parametrize(
    ("name", "fmt", "needle"),
    [
        ("latin1_aiken.txt", "AIKEN", "not UTF-8"),
        ("truncated.pdf", "PDF", "could not be read"),
        ("no_text.pdf", "PDF", "no text"),
        ("syntax_error.json", "JSON", "not valid JSON"),
        ("bad_settings.json", "JSON", ""),
    ],
)
async def test_unreadable_files_import_nothing(
    org: OrgFixture, signed_in: SignIn, name: str, fmt: str, needle: str
) -> None:
    teacher = await signed_in(org, "teacher")
    result = payload(await upload(teacher, name, (FIXTURES / name).read_bytes(), fmt=fmt))
    assert result["quiz"] is None and result["importedQuestions"] == 0
    assert needle in " ".join(p["message"] for p in result["problems"])
    assert await quiz_count(teacher, org) == 0


async def test_a_20_mb_upload_is_refused_at_the_door_and_imports_nothing(
    org: OrgFixture, signed_in: SignIn
) -> None:
    teacher = await signed_in(org, "teacher")
    result = await upload(teacher, "huge.json", b"{" + b" " * (20 * 1024 * 1024) + b"}")
    assert result.status == 413
    assert result.response.headers["content-type"].startswith("application/problem+json")
    assert result.body["code"] == "PAYLOAD_TOO_LARGE"
    assert await quiz_count(teacher, org) == 0


async def test_a_file_over_the_import_cap_but_under_the_door_limit_is_refused(
    org: OrgFixture, signed_in: SignIn
) -> None:
    teacher = await signed_in(org, "teacher")
    data = (FIXTURES / "good_aiken.txt").read_bytes() + b"\n" * MAX_IMPORT_BYTES
    result = payload(await upload(teacher, "big.txt", data, fmt="AIKEN"))
    assert result["quiz"] is None
    assert "limited to 5 MiB" in result["problems"][0]["message"]
    assert await quiz_count(teacher, org) == 0


async def test_text_import_with_a_title_and_detected_format(
    org: OrgFixture, signed_in: SignIn
) -> None:
    teacher = await signed_in(org, "teacher")
    text = (FIXTURES / "good.gift").read_text()
    result = payload(await teacher.gql(IMPORT, {"input": {"text": text, "title": "Mine"}}))
    assert result["format"] == "GIFT" and result["quiz"]["title"] == "Mine"


async def test_import_input_must_be_one_of_file_or_text(org: OrgFixture, signed_in: SignIn) -> None:
    teacher = await signed_in(org, "teacher")
    assert (await teacher.gql(IMPORT, {"input": {}})).code == "BAD_USER_INPUT"
    undetectable = await teacher.gql(IMPORT, {"input": {"text": "just words"}})
    assert undetectable.code == "BAD_USER_INPUT"
    assert "format" in undetectable.errors[0]["extensions"]["fields"]


async def test_cookie_upload_without_the_preflight_header_is_refused(
    org: OrgFixture, signed_in: SignIn
) -> None:
    teacher = await signed_in(org, "teacher")
    result = await upload(
        teacher, "good.json", (FIXTURES / "good.json").read_bytes(), preflight=False
    )
    assert result.status == 403
    assert await quiz_count(teacher, org) == 0


async def test_students_cannot_import(org: OrgFixture, signed_in: SignIn) -> None:
    student = await signed_in(org, "student")
    result = await upload(student, "good.json", (FIXTURES / "good.json").read_bytes())
    assert result.code == "FORBIDDEN"


async def test_pasted_text_is_called_pasted_text_and_a_file_a_file(
    org: OrgFixture, signed_in: SignIn
) -> None:
    # given a teacher pasting, then uploading, a JSON quiz with an empty prompt
    teacher = await signed_in(org, "teacher")
    text = json.dumps({"title": "T", "questions": [{"kind": "TRUE_FALSE", "prompt": ""}]})

    pasted = payload(await teacher.gql(IMPORT, {"input": {"text": text, "format": "JSON"}}))
    uploaded = payload(await upload(teacher, "quiz.json", text.encode(), fmt="JSON"))

    # then the problems name the question and field in words, and the source as it came
    expected = [
        'Question 1: "answer" is missing',
        'Question 1, "prompt": is empty; write some text',
    ]
    assert [p["message"] for p in pasted["problems"]] == [
        *expected,
        "No question could be imported from the pasted text",
    ]
    assert [p["message"] for p in uploaded["problems"]] == [
        *expected,
        "No question could be imported from the file",
    ]
