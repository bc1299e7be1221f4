"""Importing quizzes from files: one entry point, `parse_quiz`, over four formats.

Every importer follows the same policy, so the GraphQL layer can explain any result the
same way:

- the input is refused whole (no draft) when it is too big, not UTF-8 text where text is
  expected, or not readable at all (a corrupt PDF);
- a question that cannot be read, or that is read but could not be published (say, no
  correct answer), is reported as an `ImportProblem` with its line number and skipped;
- when no question at all could be read, `draft` is None; when more than a quiz may hold
  (`MAX_QUESTIONS`) could, the file is refused.

The database layer then stores everything of a draft in one transaction.

The format modules import the types defined here, so `parse_quiz` imports them when it
needs them; that also keeps pypdf and jsonschema unloaded until a file needs them.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from enum import StrEnum
from pathlib import PurePath

from app.quizzes.drafts import MAX_QUESTIONS, QuestionDraft, QuizDraft, validate_question

__all__ = [
    "DEFAULT_TITLE",
    "MAX_IMPORT_BYTES",
    "MAX_REPORTED_PROBLEMS",
    "ImportFormat",
    "ImportProblem",
    "ImportResult",
    "decode_text",
    "detect_format",
    "keep_if_valid",
    "parse_quiz",
    "result_of",
    "source_noun",
    "too_many_questions",
]

MAX_IMPORT_BYTES = 5 * 1024 * 1024
"""The largest file `parse_quiz` reads (5 MiB)."""

MAX_REPORTED_PROBLEMS = 100
"""At most this many problems are listed, then one that says how many were left out."""

DEFAULT_TITLE = "Imported quiz"
"""The draft's title when neither the file nor the caller gives one."""


_SOURCE: ContextVar[str] = ContextVar("quiz_import_source", default="file")


def source_noun() -> str:
    """What the problems call the input: "file", or "pasted text" for text pasted into the
    import form (`parse_quiz(..., pasted=True)`)."""
    return _SOURCE.get()


@contextmanager
def _reading(pasted: bool) -> Iterator[None]:
    token = _SOURCE.set("pasted text" if pasted else "file")
    try:
        yield
    finally:
        _SOURCE.reset(token)


class ImportFormat(StrEnum):
    """The file formats a quiz can be imported from."""

    JSON = "JSON"
    PDF = "PDF"
    AIKEN = "AIKEN"
    GIFT = "GIFT"


@dataclass(frozen=True, slots=True)
class ImportProblem:
    """Something in the file that was not imported, and where (1-based line, when known)."""

    line: int | None
    message: str

    def __str__(self) -> str:
        return self.message if self.line is None else f"line {self.line}: {self.message}"


@dataclass(frozen=True, slots=True)
class ImportResult:
    """What an import produced: a draft (None when nothing was usable) and the problems."""

    draft: QuizDraft | None
    problems: list[ImportProblem]
    imported_questions: int


def parse_quiz(
    data: bytes, fmt: ImportFormat, *, title_hint: str | None = None, pasted: bool = False
) -> ImportResult:
    """Read a quiz from `data` in format `fmt`.

    `title_hint` (say, the file name without its extension) titles the draft when the file
    has no title of its own. `pasted`: the data is text pasted into the import form, and
    the problems say so ("the pasted text") instead of "the file".
    """
    with _reading(pasted):
        return _parse(data, fmt, title_hint)


def _parse(data: bytes, fmt: ImportFormat, title_hint: str | None) -> ImportResult:
    if not data:
        return _refused(f"The {source_noun()} is empty")
    if len(data) > MAX_IMPORT_BYTES:
        return _refused(
            f"The {source_noun()} is {len(data):,} bytes; quiz imports are limited to "
            f"{MAX_IMPORT_BYTES // 1024 // 1024} MiB ({MAX_IMPORT_BYTES:,} bytes)"
        )
    if fmt is ImportFormat.PDF:
        from app.quizzes.importers.pdf import parse_pdf

        return parse_pdf(data, title_hint=title_hint)
    text = decode_text(data)
    if isinstance(text, ImportProblem):
        return ImportResult(draft=None, problems=[text], imported_questions=0)
    match fmt:
        case ImportFormat.JSON:
            from app.quizzes.importers.json_format import parse_json

            return parse_json(text, title_hint=title_hint)
        case ImportFormat.AIKEN:
            from app.quizzes.importers.aiken import parse_aiken

            return parse_aiken(text, title_hint=title_hint)
        case ImportFormat.GIFT:
            from app.quizzes.importers.gift import parse_gift

            return parse_gift(text, title_hint=title_hint)


_EXTENSIONS = {
    ".json": ImportFormat.JSON,
    ".pdf": ImportFormat.PDF,
    ".gift": ImportFormat.GIFT,
    ".aiken": ImportFormat.AIKEN,
}
_AIKEN_ANSWER = re.compile(rb"^ANSWER:\s*[A-Z]\s*$", re.MULTILINE)
_GIFT_ANSWER_BLOCK = re.compile(rb"\{[^{}]*\}")


def detect_format(filename: str | None, data: bytes) -> ImportFormat | None:
    """Guess the format from the content, then the file name; None when neither tells.

    The PDF and JSON signatures win over the name; a ``.txt`` file is Aiken when it has
    ``ANSWER: X`` lines and GIFT when it has ``{...}`` answer blocks.
    """
    head = data[:1024].lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith(b"%PDF-"):
        return ImportFormat.PDF
    if head.startswith((b"{", b"[")):
        return ImportFormat.JSON
    suffix = PurePath(filename).suffix.lower() if filename else ""
    if suffix in _EXTENSIONS:
        return _EXTENSIONS[suffix]
    if _AIKEN_ANSWER.search(data):
        return ImportFormat.AIKEN
    if _GIFT_ANSWER_BLOCK.search(data):
        return ImportFormat.GIFT
    return None


def decode_text(data: bytes) -> str | ImportProblem:
    """`data` as UTF-8 text (a leading BOM is dropped), or the problem saying where it is not."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        return ImportProblem(
            line,
            f"The {source_noun()} is not UTF-8 text: the byte at offset {error.start} "
            f"(line {line}) is not valid UTF-8. Save it as UTF-8 and import it again",
        )


def keep_if_valid(
    question: QuestionDraft,
    line: int | None,
    problems: list[ImportProblem],
    *,
    label: str = "The question",
    prefix: str = "",
    suffix: str = "",
) -> QuestionDraft | None:
    """`question` when it could be published; otherwise None, with its problems recorded.

    `label` names the question in the messages ("Question 3 has no correct answer");
    `prefix` and `suffix` frame each message.
    """
    reasons = validate_question(question, label=label)
    problems.extend(ImportProblem(line, f"{prefix}{reason}{suffix}") for reason in reasons)
    return None if reasons else question


def result_of(
    questions: Sequence[QuestionDraft], problems: list[ImportProblem], quiz: QuizDraft
) -> ImportResult:
    """The result holding `quiz` (settings only) with `questions`; no draft when none.

    The problems are put in line order, those without a line last, and cut to the first
    `MAX_REPORTED_PROBLEMS` (a file with thousands of mistakes needs fixing, not a list).
    """
    problems.sort(key=lambda problem: (problem.line is None, problem.line or 0))
    if len(problems) > MAX_REPORTED_PROBLEMS:
        left_out = len(problems) - MAX_REPORTED_PROBLEMS
        del problems[MAX_REPORTED_PROBLEMS:]
        problems.append(ImportProblem(None, f"... and {left_out:,} more problems"))
    if not questions:
        problems.append(
            ImportProblem(None, f"No question could be imported from the {source_noun()}")
        )
        return ImportResult(draft=None, problems=problems, imported_questions=0)
    if len(questions) > MAX_QUESTIONS:
        return too_many_questions(len(questions))
    draft = dataclasses.replace(quiz, questions=tuple(questions))
    return ImportResult(draft=draft, problems=problems, imported_questions=len(questions))


def too_many_questions(count: int) -> ImportResult:
    """The refusal of a file with more questions than a quiz may hold."""
    return _refused(
        f"The {source_noun()} has {count:,} questions; a quiz holds at most {MAX_QUESTIONS:,}"
    )


def _refused(message: str) -> ImportResult:
    return ImportResult(draft=None, problems=[ImportProblem(None, message)], imported_questions=0)
