"""Limits every saved quiz respects, drafts included (publishing checks the rest).

A draft may be incomplete (no correct answer yet), but never unbounded: these caps
keep one quiz's storage and scoring cost small, and each is named in the schema's
input descriptions. Problems are collected per field into one BAD_USER_INPUT.
"""

from __future__ import annotations

import math
from datetime import datetime

from app.core.validation import Problems, has_control_characters
from app.quizzes.drafts import MAX_QUESTIONS, QuestionDraft, QuizDraft

MAX_TITLE = 200
MAX_DESCRIPTION = 10_000
MAX_PROMPT = 5_000
MAX_EXPLANATION = 5_000
MAX_OPTIONS = 26
MAX_OPTION_TEXT = 1_000
MAX_ACCEPTED_ANSWERS = 50
MAX_ACCEPTED_ANSWER = 500
MAX_POINTS = 1_000.0
MAX_TIME_LIMIT_SECONDS = 7 * 24 * 3600
MAX_ATTEMPTS_ALLOWED = 1_000


def check_draft(draft: QuizDraft, opens_at: datetime | None, closes_at: datetime | None) -> None:
    """Raise BAD_USER_INPUT naming every field of ``draft`` that breaks a limit."""
    problems = Problems()
    check_settings(problems, draft, opens_at, closes_at)
    if len(draft.questions) > MAX_QUESTIONS:
        problems.add("questions", f"at most {MAX_QUESTIONS} questions")
    else:
        for index, question in enumerate(draft.questions):
            _check_question(problems, f"questions[{index}]", question)
    problems.raise_if_any()


def check_settings(
    problems: Problems, draft: QuizDraft, opens_at: datetime | None, closes_at: datetime | None
) -> None:
    problems.text("title", draft.title, max_length=MAX_TITLE)
    if draft.description is not None and len(draft.description) > MAX_DESCRIPTION:
        problems.add("description", f"must be at most {MAX_DESCRIPTION} characters")
    limit = draft.time_limit_seconds
    if limit is not None and not 1 <= limit <= MAX_TIME_LIMIT_SECONDS:
        problems.add("timeLimitSeconds", f"must be between 1 and {MAX_TIME_LIMIT_SECONDS}")
    allowed = draft.attempts_allowed
    if allowed is not None and not 1 <= allowed <= MAX_ATTEMPTS_ALLOWED:
        problems.add("attemptsAllowed", f"must be between 1 and {MAX_ATTEMPTS_ALLOWED}")
    mark = draft.pass_mark_percent
    if mark is not None and not (math.isfinite(mark) and 0 <= mark <= 100):
        problems.add("passMarkPercent", "must be between 0 and 100")
    if draft.certificate_on_pass and mark is None:
        problems.add("certificateOnPass", "needs a pass mark (passMarkPercent) to pass")
    if opens_at is not None and closes_at is not None and closes_at <= opens_at:
        problems.add("closesAt", "must be after opensAt")


def _check_question(problems: Problems, field: str, question: QuestionDraft) -> None:
    _bounded_text(problems, f"{field}.prompt", question.prompt, MAX_PROMPT)
    if question.explanation is not None:
        _bounded_text(problems, f"{field}.explanation", question.explanation, MAX_EXPLANATION)
    if not (math.isfinite(question.points) and 0 < question.points <= MAX_POINTS):
        problems.add(f"{field}.points", f"must be more than 0 and at most {MAX_POINTS:g}")
    if len(question.options) > MAX_OPTIONS:
        problems.add(f"{field}.options", f"at most {MAX_OPTIONS} options")
    for index, option in enumerate(question.options):
        _bounded_text(problems, f"{field}.options[{index}].text", option.text, MAX_OPTION_TEXT)
    if len(question.accepted_answers) > MAX_ACCEPTED_ANSWERS:
        problems.add(f"{field}.acceptedAnswers", f"at most {MAX_ACCEPTED_ANSWERS} answers")
    for index, answer in enumerate(question.accepted_answers):
        _bounded_text(problems, f"{field}.acceptedAnswers[{index}]", answer, MAX_ACCEPTED_ANSWER)
    for name, number in (
        ("numericValue", question.numeric_value),
        ("numericTolerance", question.numeric_tolerance),
    ):
        if number is not None and not math.isfinite(number):
            problems.add(f"{field}.{name}", "must be a finite number")
    if question.numeric_tolerance < 0:
        problems.add(f"{field}.numericTolerance", "must not be negative")


def _bounded_text(problems: Problems, field: str, value: str, max_length: int) -> None:
    if len(value) > max_length:
        problems.add(field, f"must be at most {max_length} characters")
    elif has_control_characters(value.replace("\n", "").replace("\t", "")):
        problems.add(field, "must not contain control characters")
