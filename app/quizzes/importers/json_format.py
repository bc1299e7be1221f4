"""quizgraph's own JSON quiz format, described by ``docs/quiz-format.schema.json``.

The schema (JSON Schema draft 2020-12, checked by `jsonschema`) is the one definition of
the format: partners validate against the same file we do, so this module only turns a
valid document into a draft and says where an invalid one is wrong.

Where: every problem names the value as its author would look for it (``Question 3,
"options"``, ``Question 1, option 2, "text"``), says what is wrong in words (never the
validator's text) and, where possible, gives its line. The standard `json` module keeps
no positions, so the document is read with its own pure-Python scanner with one change:
each object remembers where its ``{`` is. A schema error takes the line of the innermost
object around the value.

Policy: an invalid question is reported and skipped, like a bad block of the text
formats; an invalid quiz setting (say, a negative time limit) refuses the whole file,
since importing a quiz without the limit its author set would be a silent surprise.
"""

from __future__ import annotations

import bisect
import json
import json.decoder
import json.scanner
import re
from collections.abc import Callable, Iterable
from functools import cache
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator, ValidationError

from app.quizzes.drafts import (
    MAX_QUESTIONS,
    TRUE_FALSE_TEXTS,
    OptionDraft,
    QuestionDraft,
    QuestionKind,
    QuizDraft,
    reveal_from_flag,
)
from app.quizzes.importers import (
    DEFAULT_TITLE,
    ImportProblem,
    ImportResult,
    keep_if_valid,
    result_of,
    source_noun,
    too_many_questions,
)

__all__ = ["SCHEMA_PATH", "parse_json", "schema_validator"]

SCHEMA_PATH = Path(__file__).resolve().parents[3] / "docs" / "quiz-format.schema.json"


@cache
def schema_validator() -> Draft202012Validator:
    """The validator of the published schema, built once."""
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


def parse_json(text: str, *, title_hint: str | None = None) -> ImportResult:
    """Read a quiz in quizgraph's JSON format. `title_hint` is unused: the file has a title."""
    try:
        document = _LocatingDecoder().decode(text)
    except json.JSONDecodeError as error:
        return _refused(error.lineno, f"The {source_noun()} is not valid JSON: {error.msg}")
    except ValueError as error:  # NaN/Infinity, or an integer with thousands of digits
        return _refused(None, f"The {source_noun()} is not valid JSON: {error}")
    except RecursionError:
        return _refused(None, f"The {source_noun()} is not valid JSON: it is nested too deeply")

    questions_in_file = document.get("questions") if isinstance(document, dict) else None
    if isinstance(questions_in_file, list) and len(questions_in_file) > MAX_QUESTIONS:
        return too_many_questions(len(questions_in_file))  # before the costly validation

    newlines: list[int] | None = None  # offsets of the newlines, found when first needed

    def line_of(path: Iterable[str | int]) -> int | None:
        nonlocal newlines
        offset = _offset_of(document, path)
        if offset is None:
            return None
        if newlines is None:
            newlines = [match.start() for match in re.finditer("\n", text)]
        return bisect.bisect_left(newlines, offset) + 1

    quiz_errors, question_errors = _schema_errors(document)
    if quiz_errors:
        # one problem once (an empty text breaks two rules, said in the same words)
        problems = _once(ImportProblem(line_of(e.absolute_path), _describe(e)) for e in quiz_errors)
        return ImportResult(draft=None, problems=problems, imported_questions=0)
    found = (ImportProblem(line_of(e.absolute_path), _describe(e)) for e in question_errors)
    problems = _once(found)
    broken_questions = {error.absolute_path[1] for error in question_errors}

    questions: list[QuestionDraft] = []
    for index, item in enumerate(document["questions"]):
        if index in broken_questions:
            continue
        line, label = line_of(["questions", index]), f"Question {index + 1}"
        kept = keep_if_valid(_question(item), line, problems, label=label)
        if kept is not None:
            questions.append(kept)
    return result_of(questions, problems, _settings(document))


def _schema_errors(document: Any) -> tuple[list[ValidationError], list[ValidationError]]:
    """The schema errors, split into (quiz-level errors, question errors in order)."""
    quiz_errors: list[ValidationError] = []
    question_errors: list[ValidationError] = []
    for error in schema_validator().iter_errors(document):
        path = error.absolute_path
        in_question = len(path) >= 2 and path[0] == "questions" and isinstance(path[1], int)
        (question_errors if in_question else quiz_errors).append(error)
    question_errors.sort(key=lambda error: (error.absolute_path[1], error.json_path))
    return quiz_errors, question_errors


def _once(problems: Iterable[ImportProblem]) -> list[ImportProblem]:
    return list(dict.fromkeys(problems))


def _describe(error: ValidationError) -> str:
    """A schema error in words for the quiz's author: where (question, option and field
    as the file names them) and what is wrong, never the validator's own text."""
    return f"{_where(list(error.absolute_path))}: {_what(error)}"


def _where(path: list[str | int]) -> str:
    """``["questions", 2, "options", 0, "text"]`` → ``Question 3, option 1, "text"``."""
    if not path:
        return "The quiz"
    words: list[str] = []
    rest = list(path)
    if rest[0] == "questions" and len(rest) >= 2 and isinstance(rest[1], int):
        words.append(f"Question {rest[1] + 1}")
        rest = rest[2:]
        if len(rest) >= 2 and isinstance(rest[1], int):
            item = {"options": "option", "acceptedAnswers": "accepted answer"}.get(str(rest[0]))
            words.append(f"{item or rest[0]} {rest[1] + 1}")
            rest = rest[2:]
    elif rest[0] != "questions" or len(rest) == 1:
        words.append("The quiz")
    words.extend(f'"{part}"' if isinstance(part, str) else f"item {part + 1}" for part in rest)
    return ", ".join(words)


_TYPES = {
    "string": "text",
    "integer": "a whole number",
    "number": "a number",
    "boolean": "true or false",
    "array": "a list [...]",
    "object": "an object {...}",
    "null": "null",
}
_QUOTED = re.compile(r"'([^']+)'")


def _what(error: ValidationError) -> str:
    rule, value, instance = error.validator, error.validator_value, error.instance
    if rule == "not":  # the schema's way of saying "not for this kind"
        return "this field is not used by questions of this kind; remove it"
    if rule == "required":
        missing = _QUOTED.findall(error.message)
        return f'"{missing[0] if missing else value}" is missing'
    if rule == "additionalProperties":
        unknown = ", ".join(f'"{name}"' for name in _QUOTED.findall(error.message))
        return f"{unknown} {'is not a field' if ',' not in unknown else 'are not fields'} here"
    if rule in {"pattern", "minLength"} and isinstance(instance, str) and not instance.strip():
        return "is empty; write some text"
    if rule == "minLength":
        return f"needs at least {value} characters"
    if rule == "maxLength":
        return f"is {len(instance):,} characters long; at most {value:,} are allowed"
    if rule == "minItems":
        return f"needs at least {value} {'item' if value == 1 else 'items'}"
    if rule == "maxItems":
        return f"has {len(instance):,} items; at most {value:,} are allowed"
    if rule == "minimum":
        return f"is {instance}; it must be {value} or more"
    if rule == "exclusiveMinimum":
        return f"is {instance}; it must be more than {value}"
    if rule == "maximum":
        return f"is {instance}; it must be {value} or less"
    if rule == "enum":
        return f"is {json.dumps(instance)}; use one of {', '.join(map(str, value))}"
    if rule == "type":
        kinds = [value] if isinstance(value, str) else list(value)
        return f"must be {' or '.join(_TYPES.get(kind, kind) for kind in kinds)}"
    return str(error.message)  # a rule the schema gains later, until it gets its words here


def _settings(document: dict[str, Any]) -> QuizDraft:
    return QuizDraft(
        title=document.get("title") or DEFAULT_TITLE,
        description=document.get("description"),
        time_limit_seconds=document.get("timeLimitSeconds"),
        attempts_allowed=document.get("attemptsAllowed"),
        pass_mark_percent=_optional_float(document.get("passMarkPercent")),
        shuffle_questions=document.get("shuffleQuestions", False),
        shuffle_options=document.get("shuffleOptions", False),
        reveal_answers=reveal_from_flag(document.get("revealAnswersAfterSubmit", True)),
    )


def _question(item: dict[str, Any]) -> QuestionDraft:
    kind = QuestionKind(item["kind"])
    if kind is QuestionKind.TRUE_FALSE:
        true, false = TRUE_FALSE_TEXTS
        options: tuple[OptionDraft, ...] = (
            OptionDraft(true, item["answer"]),
            OptionDraft(false, not item["answer"]),
        )
    else:
        options = tuple(
            OptionDraft(option["text"], option.get("correct", False))
            for option in item.get("options", ())
        )
    return QuestionDraft(
        kind=kind,
        prompt=item["prompt"],
        points=_float(item.get("points", 1)),
        explanation=item.get("explanation"),
        options=options,
        accepted_answers=tuple(item.get("acceptedAnswers", ())),
        numeric_value=_optional_float(item.get("value")),
        numeric_tolerance=_float(item.get("tolerance", 0)),
    )


def _float(number: float) -> float:
    """A float from a JSON number; integers too large for a float become inf (then refused)."""
    try:
        return float(number)
    except OverflowError:
        return float("inf")


def _optional_float(number: float | None) -> float | None:
    return None if number is None else _float(number)


def _offset_of(document: Any, path: Iterable[str | int]) -> int | None:
    """Where the innermost object on `path` opens (the offset of its ``{``)."""
    node = document
    offset = getattr(node, "offset", None)
    for part in path:
        try:
            node = node[part]
        except (KeyError, IndexError, TypeError):
            break
        offset = getattr(node, "offset", offset)
    return offset


def _refused(line: int | None, message: str) -> ImportResult:
    return ImportResult(draft=None, problems=[ImportProblem(line, message)], imported_questions=0)


class _LocatedObject(dict[str, Any]):
    """A JSON object that knows where its opening brace is."""

    offset: int


class _LocatingDecoder(json.JSONDecoder):
    """`json.JSONDecoder` whose objects are `_LocatedObject`s.

    It swaps in the standard library's pure-Python scanner (`py_make_scanner`), the only
    one that calls back into `parse_object`, and wraps that callback. NaN and Infinity,
    which Python accepts by default but JSON does not, are refused.
    """

    def __init__(self) -> None:
        super().__init__(parse_constant=_refuse_constant)

        def parse_object(state: tuple[str, int], *args: Any) -> tuple[_LocatedObject, int]:
            _, start = state
            members, end = json.decoder.JSONObject(state, *args)  # type: ignore[attr-defined]
            located = _LocatedObject(members)
            located.offset = start - 1
            return located, end

        self.parse_object: Callable[..., tuple[_LocatedObject, int]] = parse_object
        self.scan_once = json.scanner.py_make_scanner(self)  # type: ignore[attr-defined]


def _refuse_constant(name: str) -> float:
    raise ValueError(f"{name} is not a JSON number")
