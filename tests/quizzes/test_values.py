"""The GraphQL quiz types are handed light values (``app/quizzes/types.py``): each value
has every attribute its type reads, plain fields and private ones alike."""

from __future__ import annotations

import dataclasses
import uuid
from datetime import UTC, datetime

import pytest
from strawberry.types.base import get_object_definition

from app.quizzes.content import OptionValue, QuestionValue
from app.quizzes.drafts import AnswerReveal, QuestionKind, QuizStatus
from app.quizzes.types import AuthoredOption, AuthoredQuestion, Option, Question, Quiz, QuizValue


def read_attributes(graphql_type: type) -> set[str]:
    """What resolving ``graphql_type`` reads off its objects: its fields without a resolver,
    and its private attributes (which its resolvers read)."""
    definition = get_object_definition(graphql_type, strict=True)
    resolved = {f.python_name for f in definition.fields if f.base_resolver is not None}
    return {f.name for f in dataclasses.fields(graphql_type)} - resolved


def quiz_value() -> QuizValue:
    now = datetime(2030, 1, 1, tzinfo=UTC)
    return QuizValue(
        uuid.uuid4(), uuid.uuid4(), "T", None, QuizStatus.PUBLISHED, 1, None, None, None,
        False, False, AnswerReveal.NEVER, False, None, None, 0, 0.0, None, now, now, None,
    )  # fmt: skip


def question_value() -> QuestionValue:
    option = OptionValue(uuid.uuid4(), "a", True)
    return QuestionValue(
        uuid.uuid4(), 1, QuestionKind.SINGLE_CHOICE, "p", 1.0, None, (), None, 0.0, (option,)
    )


@pytest.mark.parametrize(
    ("graphql_type", "value"),
    [
        (Quiz, quiz_value()),
        (Question, question_value()),
        (AuthoredQuestion, question_value()),
        (Option, question_value().options[0]),
        (AuthoredOption, question_value().options[0]),
    ],
)
def test_a_value_has_every_attribute_its_type_reads(graphql_type: type, value: object) -> None:
    missing = {name for name in read_attributes(graphql_type) if not hasattr(value, name)}
    assert missing == set()
    assert "id" in read_attributes(graphql_type)


def test_a_quiz_value_resolves_as_a_quiz() -> None:
    assert QuizValue.__as_strawberry_type__ is Quiz
    value = quiz_value()
    assert value.id == str(value.row_id) and value.reveal_answers_after_submit is False
