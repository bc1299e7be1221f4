"""Responses are encoded with orjson (``app.core.json``) and mean what they say.

Over HTTP and over a websocket, non-ASCII text comes back as the same characters
(sent as UTF-8, not ``\\u`` escapes) and floats as the same numbers. The encoder never
loses a response: what orjson refuses (a lone surrogate, an integer beyond 64 bits, a
key that is not a string) goes out through the standard library.
"""

from __future__ import annotations

import json
import math
from collections.abc import AsyncIterator
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.core.json import dumps
from tests.quizzes.api import PUBLISH, START, SUBMIT
from tests.support.factories import OrgFixture
from tests.support.fixture_types import SignIn
from tests.support.servers import PASSWORD, Deployment, deployment
from tests.support.websocket import Subscriber

TITLE = "Grüße aus Zürich — 日本語のクイズ 😀 «½»"
PROMPT = "Ποιο είναι σωστό; ¿Cuál es correcta? Какой ответ верный?"
OPTION = "Ça marche ✓"
DISPLAY_NAME = "Zoë Ångström 李小龍 🎓"

CREATE = """mutation($input: CreateQuizInput!) { createQuiz(input: $input) { quiz { id } } }"""
READ_BACK = """query($id: ID!) { node(id: $id) { ... on Quiz {
  title description passMarkPercent
  questionsWithAnswers { prompt points options { text } } } } }"""
ADD_MEMBER = """mutation($input: AddMemberInput!) { addMember(input: $input) { member { id } } }"""
BOARD = """subscription($slug: String!, $quizId: ID) {
  leaderboardUpdated(orgSlug: $slug, quizId: $quizId) { entries { displayName score } } }"""


def quiz_input() -> dict[str, Any]:
    """Text in several scripts and floats with no short decimal form."""
    return {
        "title": TITLE,
        "description": "Beschreibung: äöü ß — “quoted” — tab\tand newline\n",
        "passMarkPercent": 66.66666666666667,
        "questions": [
            {
                "kind": "SINGLE_CHOICE",
                "prompt": PROMPT,
                "points": 2.5,
                "options": [{"text": OPTION, "correct": True}, {"text": "Non"}],
            },
            {
                "kind": "MULTIPLE_CHOICE",
                "prompt": "Welche?",
                "points": 0.1,
                "options": [
                    {"text": "Äpfel", "correct": True},
                    {"text": "Birnen", "correct": True},
                    {"text": "Kirschen", "correct": True},
                    {"text": "Öl"},
                ],
            },
        ],
    }


async def test_non_ascii_text_and_floats_come_back_as_sent_over_http(
    org: OrgFixture, signed_in: SignIn
) -> None:
    teacher = await signed_in(org, "teacher")
    created = (await teacher.gql(CREATE, {"input": quiz_input()})).ok()
    read = await teacher.gql(READ_BACK, {"id": created["createQuiz"]["quiz"]["id"]})
    sent = quiz_input()
    assert read.ok()["node"] == {
        "title": sent["title"],
        "description": sent["description"],
        "passMarkPercent": 66.66666666666667,
        "questionsWithAnswers": [
            {
                "prompt": question["prompt"],
                "points": question["points"],
                "options": [{"text": option["text"]} for option in question["options"]],
            }
            for question in sent["questions"]
        ],
    }
    raw = read.response.content
    assert read.response.headers["content-type"].startswith("application/json")
    assert TITLE.encode() in raw and PROMPT.encode() in raw  # UTF-8 as is
    assert b"\\u" not in raw  # no escapes: none of these characters needs one
    assert b"66.66666666666667" in raw and b'"points":0.1' in raw


@pytest.fixture(scope="module")
async def server(database_url: str) -> AsyncIterator[Deployment]:
    async with deployment(database_url) as running:
        yield running


async def test_non_ascii_text_and_floats_come_back_as_sent_over_a_websocket(
    server: Deployment,
) -> None:
    owner = await server.signed_in("owner")
    student_name = "zoe"
    new_member = {
        "username": student_name,
        "displayName": DISPLAY_NAME,
        "role": "STUDENT",
        "password": PASSWORD,
    }
    (await owner.gql(ADD_MEMBER, {"input": new_member})).ok()
    student = await server.signed_in(student_name)
    quiz_id = (await owner.gql(CREATE, {"input": quiz_input()})).ok()["createQuiz"]["quiz"]["id"]
    (await owner.gql(PUBLISH, {"id": quiz_id})).ok()
    attempt = (await student.gql(START, {"quizId": quiz_id})).ok()["startAttempt"]["attempt"]
    first, second = attempt["questions"]
    right = next(o["id"] for o in first["options"] if o["text"] == OPTION)
    one_of_three = next(o["id"] for o in second["options"] if o["text"] == "Äpfel")
    answers = [
        {"questionId": first["id"], "selectedOptionIds": [right]},
        {"questionId": second["id"], "selectedOptionIds": [one_of_three]},
    ]
    submitted = await student.gql(
        SUBMIT, {"input": {"attemptId": attempt["id"], "answers": answers}}
    )
    score = submitted.ok()["submitAttempt"]["attempt"]["score"]
    assert score == pytest.approx(2.5 + 0.1 / 3)

    socket = await Subscriber.connect(server.ws_url(), cookie=owner.http.cookies["qg_session"])
    await socket.acknowledged()
    await socket.subscribe(BOARD, {"slug": server.slug, "quizId": quiz_id})
    frame = await socket.connection.recv()
    await socket.close()
    assert isinstance(frame, str)  # a text frame, as graphql-transport-ws requires
    assert DISPLAY_NAME in frame and "\\u" not in frame
    message = json.loads(frame)
    assert message["type"] == "next", message
    entries = message["payload"]["data"]["leaderboardUpdated"]["entries"]
    assert entries == [{"displayName": DISPLAY_NAME, "score": score}]


JSON_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**63), max_value=2**64 - 1)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(),
    lambda children: st.lists(children) | st.dictionaries(st.text(), children),
    max_leaves=30,
)


@given(JSON_VALUES)
def test_any_json_value_reads_back_as_the_standard_library_writes_it(value: object) -> None:
    encoded = dumps(value)
    assert json.loads(encoded) == json.loads(json.dumps(value, ensure_ascii=False))


def test_what_orjson_refuses_still_goes_out() -> None:
    beyond_64_bits = 2**70
    value = {
        "big": beyond_64_bits,
        7: "an integer key",
        "echo": "x\ud800y é",
        "nan": math.nan,
        "float": 0.1,
    }
    assert json.loads(dumps(value)) == {
        "big": beyond_64_bits,
        "7": "an integer key",
        "echo": "x\ufffdy é",  # a lone surrogate has no UTF-8: it becomes U+FFFD
        "nan": None,  # JSON has no NaN; orjson writes null, and so does the fallback
        "float": 0.1,
    }
