"""Moodle's Aiken format: single choice questions as plain text.

    What is the capital of France?
    A. Berlin
    B) Paris
    ANSWER: B

A question is its prompt line, two or more options (a capital letter, ``.`` or ``)``, a
space, the text) and an ``ANSWER: <letter>`` line; blank lines between questions are
allowed. As in Moodle, a question is one line; unlike Moodle, text lines before the first
option are taken as more of the prompt instead of an error. Any other text after the
options, or a blank line before the ``ANSWER`` line, breaks the question: it is reported
with its line and skipped, and reading resumes after the next blank line or ANSWER line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from app.quizzes.drafts import OptionDraft, QuestionDraft, QuestionKind, QuizDraft
from app.quizzes.importers import (
    DEFAULT_TITLE,
    ImportProblem,
    ImportResult,
    keep_if_valid,
    result_of,
)

__all__ = ["parse_aiken"]

_OPTION = re.compile(r"([A-Z])[.)]\s+(\S.*)")
_ANSWER = re.compile(r"ANSWER\s*:\s*(.*)", re.IGNORECASE)


@dataclass
class _Block:
    """A question being read: where it starts and what it has so far."""

    line: int
    prompt: list[str]
    options: dict[str, str] = field(default_factory=dict)
    broken: bool = False


def parse_aiken(text: str, *, title_hint: str | None = None) -> ImportResult:
    """Read the Aiken questions of `text`; the draft is titled `title_hint`."""
    problems: list[ImportProblem] = []
    questions: list[QuestionDraft] = []
    block: _Block | None = None
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if block is None:
            if not line:
                continue
            if _ANSWER.fullmatch(line):
                problems.append(ImportProblem(number, "An 'ANSWER:' line with no question"))
            elif _OPTION.fullmatch(line):
                problems.append(ImportProblem(number, "Expected a question, found an option"))
                block = _Block(number, [], broken=True)
            else:
                block = _Block(number, [line])
            continue
        if not line:
            if not block.broken:
                problems.append(_no_answer(block))
            block = None
        elif answer := _ANSWER.fullmatch(line):
            if not block.broken:
                question = _question(block, answer.group(1).strip().upper(), number, problems)
                if question is not None:
                    questions.append(question)
            block = None
        elif not block.broken:
            _add_line(block, line, number, problems)
    if block is not None and not block.broken:
        problems.append(_no_answer(block))
    return result_of(questions, problems, QuizDraft(title=title_hint or DEFAULT_TITLE))


def _add_line(block: _Block, line: str, number: int, problems: list[ImportProblem]) -> None:
    option = _OPTION.fullmatch(line)
    if option is None and not block.options:
        block.prompt.append(line)
    elif option is None:
        problems.append(ImportProblem(number, "Expected an option (like 'C. ...') or 'ANSWER:'"))
        block.broken = True
    elif option.group(1) in block.options:
        problems.append(ImportProblem(number, f"Option {option.group(1)} appears twice"))
        block.broken = True
    else:
        block.options[option.group(1)] = option.group(2).strip()


def _question(
    block: _Block, letter: str, number: int, problems: list[ImportProblem]
) -> QuestionDraft | None:
    if letter not in block.options:
        known = ", ".join(block.options) or "none"
        problems.append(
            ImportProblem(
                number, f"The answer {letter!r} is not one of the options' letters ({known})"
            )
        )
        return None
    question = QuestionDraft(
        kind=QuestionKind.SINGLE_CHOICE,
        prompt=" ".join(block.prompt),
        options=tuple(OptionDraft(text, key == letter) for key, text in block.options.items()),
    )
    return keep_if_valid(question, block.line, problems)


def _no_answer(block: _Block) -> ImportProblem:
    return ImportProblem(block.line, "The question has no 'ANSWER:' line")
