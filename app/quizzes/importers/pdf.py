"""Quizzes from PDF: pypdf extracts the text, then a small parser reads the questions.

The layout read is the one teachers type into a word processor:

    Chapter 2 quiz            <- lines before the first question: the first is the title
    1. What is 2 + 2?
    A. 3
    B) 4
    Answer: B
    2) Which numbers are prime?
    a) 2                      <- one option per line, letters in either case
    b) 4
    c) 5
    Answer: A, C              <- several letters make a multiple choice question

A prompt or option that wraps onto more lines is joined back together. Line numbers in
the problems count the lines of the text extracted from the PDF (pages joined in order),
which is close to, but not always the same as, the lines one sees in a viewer.

The PDF is refused whole (no draft) when pypdf cannot read it, when it is encrypted, or
when it has no text layer (a scanned document).
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field

from pypdf import PdfReader

from app.quizzes.drafts import OptionDraft, QuestionDraft, QuestionKind, QuizDraft
from app.quizzes.importers import (
    DEFAULT_TITLE,
    ImportProblem,
    ImportResult,
    keep_if_valid,
    result_of,
)

__all__ = ["LINES_NOTE", "extract_text", "parse_pdf", "parse_pdf_text"]

LINES_NOTE = "line numbers count the lines of text extracted from the PDF"
"""Added to every problem about a PDF's content, since it has no lines of its own."""

_QUESTION = re.compile(r"(\d+)\s*[.)]\s+(\S.*)")
_OPTION = re.compile(r"([A-Za-z])\s*[.)]\s+(\S.*)")
_ANSWER = re.compile(r"Answers?\s*[:\-]\s*(.*)", re.IGNORECASE)
_LETTER_SEPARATORS = re.compile(r"\s*(?:,|;|&|/|\band\b|\s)\s*", re.IGNORECASE)


class _PdfUnreadable(Exception):
    """The PDF is refused whole, for the reason in the message."""


@dataclass
class _Block:
    line: int
    prompt: list[str]
    options: list[tuple[str, list[str]]] = field(default_factory=list)
    answer: tuple[int, str] | None = None


def parse_pdf(data: bytes, *, title_hint: str | None = None) -> ImportResult:
    """Read a quiz from the bytes of a PDF."""
    try:
        text = extract_text(data)
    except _PdfUnreadable as error:
        return ImportResult(
            draft=None, problems=[ImportProblem(None, str(error))], imported_questions=0
        )
    return parse_pdf_text(text, title_hint=title_hint)


def extract_text(data: bytes) -> str:
    """The text of every page, joined by newlines; raises `_PdfUnreadable` when there is none."""
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise _PdfUnreadable("The PDF is password protected; remove the password and retry")
        text = "\n".join(page.extract_text() or "" for page in reader.pages)
    except _PdfUnreadable:
        raise
    except Exception as error:  # pypdf raises many kinds on damaged input; none are ours
        raise _PdfUnreadable("The PDF could not be read") from error
    if not text.strip():
        raise _PdfUnreadable(
            "The PDF has no text to read; it may be a scanned document. "
            "Export the quiz from the program it was written in, or use another format"
        )
    return text


def parse_pdf_text(text: str, *, title_hint: str | None = None) -> ImportResult:
    """Read the questions of text extracted from a PDF (see the module docstring).

    The draft's title is the first line before the first question, else `title_hint`.
    """
    problems: list[ImportProblem] = []
    questions: list[QuestionDraft] = []
    preamble: list[str] = []
    block: _Block | None = None
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line:
            continue
        if match := _QUESTION.fullmatch(line):
            if block is not None:
                _finish(block, questions, problems)
            block = _Block(number, [match.group(2)])
        elif block is None:
            preamble.append(line)
        elif (answer := _ANSWER.fullmatch(line)) and block.answer is None:
            block.answer = (number, answer.group(1))
        elif block.answer is not None:
            continue  # text between an answer and the next question (notes, page footers)
        elif option := _OPTION.fullmatch(line):
            block.options.append((option.group(1).upper(), [option.group(2)]))
        elif block.options:
            block.options[-1][1].append(line)
        else:
            block.prompt.append(line)
    if block is not None:
        _finish(block, questions, problems)
    title = preamble[0] if preamble else title_hint or DEFAULT_TITLE
    return result_of(questions, problems, QuizDraft(title=title))


def _finish(block: _Block, questions: list[QuestionDraft], problems: list[ImportProblem]) -> None:
    """Turn a block into a question (kept in `questions`) or into problems."""
    if block.answer is None:
        problems.append(_problem(block.line, "The question has no 'Answer:' line"))
        return
    answer_line, answer_text = block.answer
    letters = [part.upper() for part in _LETTER_SEPARATORS.split(answer_text) if part]
    known = [letter for letter, _ in block.options]
    if len(set(known)) != len(known):
        problems.append(_problem(block.line, "The question has two options with the same letter"))
        return
    if not letters or any(len(letter) != 1 or letter not in known for letter in letters):
        choices = ", ".join(known) or "none"
        problems.append(
            _problem(answer_line, f"The answer {answer_text!r} does not name options ({choices})")
        )
        return
    kind = QuestionKind.MULTIPLE_CHOICE if len(set(letters)) > 1 else QuestionKind.SINGLE_CHOICE
    question = QuestionDraft(
        kind=kind,
        prompt=" ".join(block.prompt),
        options=tuple(
            OptionDraft(" ".join(lines), letter in letters) for letter, lines in block.options
        ),
    )
    kept = keep_if_valid(question, block.line, problems, suffix=f" ({LINES_NOTE})")
    if kept is not None:
        questions.append(kept)


def _problem(line: int | None, message: str) -> ImportProblem:
    return ImportProblem(line, f"{message} ({LINES_NOTE})")
