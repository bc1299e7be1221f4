"""Moodle's GIFT format: questions separated by blank lines, answers in braces.

    // a comment
    ::Capital:: What is the capital of France? {=Paris ~Berlin ~Madrid}
    Pick the primes. {~%50%2 ~%50%3 ~%-100%4}
    The sky is blue. {T}
    Name a primary colour. {=red =blue =yellow}
    What is pi? {#3.14:0.01}
    Pick a number between 1 and 5. {#1..5}

What is read:

- ``=right ~wrong``: single choice when exactly one option is right at full weight; several
  right options, or ``~%50%``-style weights, make it multiple choice with every option of
  positive weight correct (our multiple choice scoring has its own partial credit rule).
- ``{T}``, ``{F}``, ``{TRUE}``, ``{FALSE}``: true/false.
- only ``=`` answers: short answer; answers with partial weights are left out, with a note.
- ``{#value}``, ``{#value:tolerance}``, ``{#min..max}`` (the midpoint, give or take half
  the width): numeric.
- text after the answer block (``Moodle costs {=nothing ~lots} to download``) gives a
  prompt with a blank: ``Moodle costs _____ to download``.
- general feedback (``####...``) becomes the explanation; per-answer feedback (``#...``)
  and the ``::title::`` are dropped (a title stands in for an empty prompt).
- escapes ``\\:`` ``\\~`` ``\\=`` ``\\#`` ``\\{`` ``\\}`` ``\\\\`` and ``\\n``.

Matching (``->``), essay (``{}``) and description (no braces) items are reported with
their line and skipped, as is any block that cannot be read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from app.quizzes.drafts import TRUE_FALSE_TEXTS, OptionDraft, QuestionDraft, QuestionKind, QuizDraft
from app.quizzes.importers import (
    DEFAULT_TITLE,
    ImportProblem,
    ImportResult,
    keep_if_valid,
    result_of,
)
from app.quizzes.scoring import parse_number

__all__ = ["parse_gift"]

# Escaped characters are swapped for private-use characters before parsing, so that the
# parser can split on plain "=", "~", "#"..., and swapped back in the texts it keeps.
_ESCAPED = {"\\\\": "\\", "\\:": ":", "\\~": "~", "\\=": "=", "\\#": "#", "\\{": "{", "\\}": "}"}
_ESCAPED["\\n"] = "\n"
_PLACEHOLDERS = {escape: chr(0xE000 + index) for index, escape in enumerate(_ESCAPED)}
_RESTORE = str.maketrans({chr(0xE000 + i): char for i, char in enumerate(_ESCAPED.values())})
_ESCAPE = re.compile(r"\\[\\:~=#{}n]")

_TITLE = re.compile(r"\s*::(.*?)::", re.DOTALL)
_TEXT_FORMAT = re.compile(r"\s*\[(?:html|moodle|plain|markdown)\]")
_TRUE_FALSE = re.compile(r"(T|F|TRUE|FALSE)\s*(#.*)?", re.DOTALL | re.IGNORECASE)
_WEIGHT = re.compile(r"\s*%(-?\d+(?:\.\d+)?)%")
_ANSWER = re.compile(r"([=~])([^=~]*)")
_RANGE = re.compile(r"(.+?)\.\.(.+)")


class _Unreadable(Exception):
    """A block that cannot be imported; `offset` is where, in the block's text."""

    def __init__(self, offset: int, message: str) -> None:
        super().__init__(message)
        self.offset = offset
        self.message = message


@dataclass(frozen=True, slots=True)
class _Note:
    """Something to tell about a block; `offset` is where, in the block's text."""

    offset: int
    message: str


@dataclass(frozen=True, slots=True)
class _Answer:
    text: str
    weight: float


def parse_gift(text: str, *, title_hint: str | None = None) -> ImportResult:
    """Read the GIFT questions of `text`; the draft is titled `title_hint`."""
    problems: list[ImportProblem] = []
    questions: list[QuestionDraft] = []
    for start, block in _blocks(text):
        notes: list[_Note] = []
        protected = _ESCAPE.sub(lambda match: _PLACEHOLDERS[match.group()], block)
        try:
            question: QuestionDraft | None = _question(protected, notes)
        except _Unreadable as error:
            notes.append(_Note(error.offset, error.message))
            question = None
        problems.extend(
            ImportProblem(start + protected.count("\n", 0, note.offset), note.message)
            for note in notes
        )
        if question is None:
            continue
        kept = keep_if_valid(question, start, problems)
        if kept is not None:
            questions.append(kept)
    return result_of(questions, problems, QuizDraft(title=title_hint or DEFAULT_TITLE))


def _blocks(text: str) -> list[tuple[int, str]]:
    """The blank-line separated blocks as (first line number, text), without comments."""
    blocks: list[tuple[int, str]] = []
    start, lines = 0, list[str]()
    for number, line in enumerate([*text.splitlines(), ""], start=1):
        stripped = line.strip()
        if stripped.startswith(("//", "$CATEGORY:")):
            if start:
                lines.append("")  # keeps the line count of the block right
        elif stripped:
            start = start or number
            lines.append(line)
        elif start:
            blocks.append((start, "\n".join(lines)))
            start, lines = 0, []
    return blocks


def _question(block: str, notes: list[_Note]) -> QuestionDraft:
    title_match = _TITLE.match(block)
    body_start = title_match.end() if title_match else 0
    format_match = _TEXT_FORMAT.match(block, body_start)
    body_start = format_match.end() if format_match else body_start
    title = title_match.group(1).strip() if title_match else ""

    opening = block.find("{", body_start)
    if opening == -1:
        raise _Unreadable(
            body_start, "This item has no answer block {...}; description items are not supported"
        )
    closing = block.find("}", opening)
    if closing == -1:
        raise _Unreadable(opening, "The answer block opened here is never closed with '}'")
    if "{" in block[opening + 1 : closing] or "{" in block[closing:]:
        raise _Unreadable(opening, "A question has one answer block; write \\{ for a literal '{'")

    before, after = block[body_start:opening].strip(), block[closing + 1 :].strip()
    prompt = f"{before} _____ {after}".strip() if after else before
    answers, _, feedback = block[opening + 1 : closing].partition("####")
    explanation = _restore(feedback).strip() or None
    question = _answers(answers.strip(), opening, notes)
    return QuestionDraft(
        kind=question.kind,
        prompt=_restore(prompt) or _restore(title),
        explanation=explanation,
        options=question.options,
        accepted_answers=question.accepted_answers,
        numeric_value=question.numeric_value,
        numeric_tolerance=question.numeric_tolerance,
    )


def _answers(spec: str, offset: int, notes: list[_Note]) -> QuestionDraft:
    """The kind and answers of an answer block (the prompt is filled in by the caller)."""
    if not spec:
        raise _Unreadable(offset, "Essay questions ({}) are not supported")
    if "->" in spec:
        raise _Unreadable(offset, "Matching questions (->) are not supported")
    if spec.startswith("#"):
        return _numeric(spec[1:].strip(), offset)
    if match := _TRUE_FALSE.fullmatch(spec):
        truth = match.group(1).upper().startswith("T")
        options = tuple(OptionDraft(text, (text == "True") == truth) for text in TRUE_FALSE_TEXTS)
        return QuestionDraft(QuestionKind.TRUE_FALSE, "", options=options)
    if not spec.startswith(("=", "~")):
        raise _Unreadable(offset, "Each answer must start with '=' (right) or '~' (wrong)")
    answers = [_answer(marker, rest) for marker, rest in _ANSWER.findall(spec)]
    if "~" in spec:
        options = tuple(OptionDraft(answer.text, answer.weight > 0) for answer in answers)
        right = [answer.weight for answer in answers if answer.weight > 0]
        single = right == [100.0]
        kind = QuestionKind.SINGLE_CHOICE if single else QuestionKind.MULTIPLE_CHOICE
        return QuestionDraft(kind, "", options=options)
    partial = [answer.text for answer in answers if answer.weight != 100]
    if partial:
        notes.append(
            _Note(
                offset,
                "Short answers with partial credit were left out (only fully right answers "
                f"are kept): {', '.join(map(repr, partial))}",
            )
        )
    accepted = tuple(answer.text for answer in answers if answer.weight == 100)
    return QuestionDraft(QuestionKind.SHORT_ANSWER, "", accepted_answers=accepted)


def _answer(marker: str, rest: str) -> _Answer:
    weight_match = _WEIGHT.match(rest)
    weight = 100.0 if marker == "=" else 0.0
    if weight_match:
        weight = float(weight_match.group(1))
        rest = rest[weight_match.end() :]
    text = rest.split("#", 1)[0]  # per-answer feedback is dropped
    return _Answer(_restore(text).strip(), weight)


def _numeric(spec: str, offset: int) -> QuestionDraft:
    answers = [part for part in spec.split("=") if part.strip()]
    if len(answers) != 1:
        raise _Unreadable(offset, "Numeric questions need exactly one answer")
    answer = _WEIGHT.sub("", answers[0], count=1).split("#", 1)[0].strip()
    if range_match := _RANGE.fullmatch(answer):
        low, high = _number(range_match.group(1), offset), _number(range_match.group(2), offset)
        if low > high:
            raise _Unreadable(offset, f"The range {answer} starts above its end")
        value, tolerance = low / 2 + high / 2, high / 2 - low / 2
    elif ":" in answer:
        value_text, tolerance_text = answer.split(":", 1)
        value, tolerance = _number(value_text, offset), _number(tolerance_text, offset)
    else:
        value, tolerance = _number(answer, offset), 0.0
    return QuestionDraft(QuestionKind.NUMERIC, "", numeric_value=value, numeric_tolerance=tolerance)


def _number(text: str, offset: int) -> float:
    number = parse_number(_restore(text))
    if number is None:
        raise _Unreadable(offset, f"{_restore(text).strip()!r} is not a finite number")
    return number


def _restore(text: str) -> str:
    return text.translate(_RESTORE)
