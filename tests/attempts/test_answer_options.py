"""Chosen options must be the question's own, each once; a refused answer stores nothing."""

from __future__ import annotations

from typing import Any

import pytest

from tests.quizzes.api import SAVE, START, SUBMIT, published_quiz
from tests.support.client import ApiClient
from tests.support.factories import OrgFixture
from tests.support.fixture_types import SignIn


def answers_input(attempt_id: str, answers: list[dict[str, Any]]) -> dict[str, Any]:
    return {"input": {"attemptId": attempt_id, "answers": answers}}


async def started(
    org: OrgFixture, signed_in: SignIn
) -> tuple[ApiClient, list[dict[str, Any]], str, ApiClient]:
    teacher, student = await signed_in(org, "teacher"), await signed_in(org, "student")
    quiz = await published_quiz(teacher)
    attempt = (await student.gql(START, {"quizId": quiz["id"]})).ok()["startAttempt"]["attempt"]
    return student, quiz["questionsWithAnswers"], attempt["id"], teacher


def choices(question: dict[str, Any], *positions: int) -> dict[str, Any]:
    ids = [question["options"][position]["id"] for position in positions]
    return {"questionId": question["id"], "selectedOptionIds": ids}


@pytest.mark.parametrize("mutation", [SAVE, SUBMIT])
async def test_an_option_of_another_question_is_refused_naming_the_question(
    org: OrgFixture, signed_in: SignIn, mutation: str
) -> None:
    student, questions, attempt_id, _ = await started(org, signed_in)
    gases = questions[1]
    paris = questions[0]["options"][1]["id"]
    answers = [{"questionId": gases["id"], "selectedOptionIds": [paris]}]
    result = await student.gql(mutation, answers_input(attempt_id, answers))
    assert result.code == "BAD_USER_INPUT"
    fields = result.errors[0]["extensions"]["fields"]
    assert fields == {
        "answers[0].selectedOptionIds": f"item 1 is not an option of question {gases['id']}"
    }


async def test_a_made_up_id_or_a_repeated_option_is_refused(
    org: OrgFixture, signed_in: SignIn
) -> None:
    student, questions, attempt_id, _ = await started(org, signed_in)
    single, gases = questions[0], questions[1]
    helium = gases["options"][0]["id"]
    made_up = [{"questionId": single["id"], "selectedOptionIds": ["bogus"]}]
    repeated = [{"questionId": gases["id"], "selectedOptionIds": [helium, helium]}]
    refused_made_up = await student.gql(SUBMIT, answers_input(attempt_id, made_up))
    refused_repeat = await student.gql(SAVE, answers_input(attempt_id, repeated))
    assert refused_made_up.code == "BAD_USER_INPUT"
    assert single["id"] in refused_made_up.errors[0]["message"]
    assert refused_repeat.code == "BAD_USER_INPUT"
    assert refused_repeat.errors[0]["extensions"]["fields"] == {
        "answers[0].selectedOptionIds": f"item 2 repeats an option of question {gases['id']}"
    }
    # the refused submit closed nothing: the attempt is still open and takes answers
    saved = await student.gql(SAVE, answers_input(attempt_id, [choices(single, 1)]))
    assert saved.ok()["saveAttemptAnswers"]["attempt"]["status"] == "IN_PROGRESS"


async def test_a_refused_save_stores_nothing(org: OrgFixture, signed_in: SignIn) -> None:
    # given a saved answer to the first question
    student, questions, attempt_id, _ = await started(org, signed_in)
    single, gases = questions[0], questions[1]
    (await student.gql(SAVE, answers_input(attempt_id, [choices(single, 1)]))).ok()
    # when a save changes it but also sends a foreign option for the second question
    foreign = {"questionId": gases["id"], "selectedOptionIds": [single["options"][0]["id"]]}
    refused = await student.gql(SAVE, answers_input(attempt_id, [choices(single, 0), foreign]))
    assert refused.code == "BAD_USER_INPUT"
    # then submitting nothing more scores what was saved before, and only that
    done = (await student.gql(SUBMIT, answers_input(attempt_id, []))).ok()["submitAttempt"][
        "attempt"
    ]
    by_question = {result["question"]["id"]: result for result in done["results"]}
    assert by_question[single["id"]]["selectedOptionIds"] == [single["options"][1]["id"]]
    assert by_question[single["id"]]["correct"] is True
    assert by_question[gases["id"]]["answered"] is False
