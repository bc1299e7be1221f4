import json
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from app.quizzes.drafts import (
    MAX_QUESTIONS,
    OptionDraft,
    QuestionDraft,
    QuestionKind,
    QuizDraft,
    publish_problems,
)
from app.quizzes.importers import (
    MAX_IMPORT_BYTES,
    MAX_REPORTED_PROBLEMS,
    ImportFormat,
    ImportProblem,
    ImportResult,
    detect_format,
    parse_quiz,
)
from app.quizzes.importers.json_format import SCHEMA_PATH
from app.quizzes.importers.pdf import LINES_NOTE, parse_pdf_text

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "quizzes"

SINGLE, MULTIPLE = QuestionKind.SINGLE_CHOICE, QuestionKind.MULTIPLE_CHOICE
TRUE_FALSE, SHORT, NUMERIC = (
    QuestionKind.TRUE_FALSE,
    QuestionKind.SHORT_ANSWER,
    QuestionKind.NUMERIC,
)


def options(*texts: str, right: set[int]) -> tuple[OptionDraft, ...]:
    return tuple(OptionDraft(text, index in right) for index, text in enumerate(texts))


def read(name: str, fmt: ImportFormat, title_hint: str | None = None) -> ImportResult:
    return parse_quiz((FIXTURES / name).read_bytes(), fmt, title_hint=title_hint)


def lines_and_messages(problems: list[ImportProblem]) -> list[tuple[int | None, str]]:
    return [(problem.line, problem.message) for problem in problems]


# --- JSON -------------------------------------------------------------------------------


def test_json_good_file_gives_the_exact_quiz() -> None:
    result = read("good.json", ImportFormat.JSON, title_hint="ignored")

    assert result.problems == []
    assert result.imported_questions == 5
    assert result.draft == QuizDraft(
        title="Science basics",
        description="A short warm-up.",
        time_limit_seconds=600,
        attempts_allowed=2,
        pass_mark_percent=60.0,
        shuffle_questions=True,
        questions=(
            QuestionDraft(
                SINGLE,
                "Which planet is closest to the Sun?",
                points=2.0,
                explanation="Mercury orbits at about 0.39 AU.",
                options=options("Venus", "Mercury", "Mars", right={1}),
            ),
            QuestionDraft(
                MULTIPLE,
                "Which of these are noble gases?",
                options=options("Helium", "Nitrogen", "Neon", right={0, 2}),
            ),
            QuestionDraft(
                TRUE_FALSE,
                "Water boils at 100 °C at sea level.",
                options=options("True", "False", right={0}),
            ),
            QuestionDraft(SHORT, "What is H2O commonly called?", accepted_answers=("water", "ice")),
            QuestionDraft(
                NUMERIC,
                "What is g in m/s² (to one decimal)?",
                numeric_value=9.8,
                numeric_tolerance=0.05,
            ),
        ),
    )
    assert publish_problems(result.draft) == []


def test_json_bad_questions_are_skipped_with_path_and_line() -> None:
    result = read("broken.json", ImportFormat.JSON)

    assert lines_and_messages(result.problems) == [
        (9, "Question 2 has no correct answer"),
        (14, 'Question 3, "tolerance": is -1; it must be 0 or more'),
        (
            20,
            'Question 4, "kind": is "ESSAY"; '
            "use one of SINGLE_CHOICE, MULTIPLE_CHOICE, TRUE_FALSE, SHORT_ANSWER, NUMERIC",
        ),
    ]
    assert result.draft is not None
    assert [question.prompt for question in result.draft.questions] == ["Fine question"]
    assert result.imported_questions == 1


def test_json_invalid_quiz_settings_refuse_the_whole_file() -> None:
    result = read("bad_settings.json", ImportFormat.JSON)

    assert result.draft is None
    assert lines_and_messages(result.problems) == [
        (1, 'The quiz, "timeLimitSeconds": is -5; it must be 1 or more')
    ]


def test_json_syntax_error_names_its_line() -> None:
    result = read("syntax_error.json", ImportFormat.JSON)

    assert result.draft is None
    assert lines_and_messages(result.problems) == [
        (4, "The file is not valid JSON: Expecting property name enclosed in double quotes")
    ]


def test_json_field_of_another_kind_is_named() -> None:
    document = {
        "title": "T",
        "questions": [{"kind": "NUMERIC", "prompt": "p", "value": 1, "options": []}],
    }
    result = parse_quiz(json.dumps(document).encode(), ImportFormat.JSON)

    assert result.draft is None
    assert (
        ImportProblem(
            1,
            'Question 1, "options": this field is not used by questions of this kind; remove it',
        )
        in result.problems
    )


@pytest.mark.parametrize("constant", ["NaN", "Infinity", "-Infinity"])
def test_json_refuses_nan_and_infinity(constant: str) -> None:
    text = '{"title": "T", "questions": [{"kind": "NUMERIC", "prompt": "p", "value": %s}]}'
    result = parse_quiz((text % constant).encode(), ImportFormat.JSON)

    assert result.draft is None
    assert "is not a JSON number" in result.problems[0].message


def test_json_number_too_big_for_a_float_is_a_problem_not_a_crash() -> None:
    text = '{"title": "T", "questions": [{"kind": "NUMERIC", "prompt": "p", "value": 1%s}]}'
    result = parse_quiz((text % ("0" * 400)).encode(), ImportFormat.JSON)

    assert result.draft is None
    assert lines_and_messages(result.problems) == [
        (1, "Question 1 needs a finite numeric answer"),
        (None, "No question could be imported from the file"),
    ]


def test_json_top_level_must_be_an_object() -> None:
    result = parse_quiz(b"[]", ImportFormat.JSON)

    assert result.draft is None
    assert lines_and_messages(result.problems) == [(None, "The quiz: must be an object {...}")]


def test_the_published_schema_is_valid_and_accepts_the_sample() -> None:
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    sample = json.loads((FIXTURES / "good.json").read_text(encoding="utf-8"))
    assert list(Draft202012Validator(schema).iter_errors(sample)) == []


# --- Aiken ------------------------------------------------------------------------------


def test_aiken_good_file_gives_the_exact_questions() -> None:
    result = read("good_aiken.txt", ImportFormat.AIKEN, title_hint="Week 1")

    assert result.problems == []
    assert result.draft == QuizDraft(
        title="Week 1",
        questions=(
            QuestionDraft(
                SINGLE,
                "What is the capital of France?",
                options=options("Berlin", "Paris", "Madrid", right={1}),
            ),
            QuestionDraft(
                SINGLE,
                "Which gas do plants absorb?",
                options=options("Oxygen", "Carbon dioxide", right={1}),
            ),
            QuestionDraft(
                SINGLE,
                "Which is the largest planet?",
                options=options("Jupiter", "Saturn", right={0}),
            ),
        ),
    )


def test_aiken_broken_blocks_are_reported_by_line_and_skipped() -> None:
    result = read("broken_aiken.txt", ImportFormat.AIKEN)

    assert lines_and_messages(result.problems) == [
        (1, "The question has no 'ANSWER:' line"),
        (8, "The answer 'D' is not one of the options' letters (A, B)"),
        (17, "Expected an option (like 'C. ...') or 'ANSWER:'"),
        (21, "The question needs at least two options"),
    ]
    assert result.draft is not None
    assert result.draft.questions == (
        QuestionDraft(SINGLE, "A good question", options=options("Yes", "No", right={0})),
    )


def test_aiken_stray_answer_line_does_not_swallow_the_next_question() -> None:
    text = "Q1?\nA. a\nB. b\nANSWER: A\nANSWER: B\nQ2?\nA. c\nB. d\nANSWER: B\n"
    result = parse_quiz(text.encode(), ImportFormat.AIKEN)

    assert lines_and_messages(result.problems) == [(5, "An 'ANSWER:' line with no question")]
    assert result.draft is not None
    assert [question.prompt for question in result.draft.questions] == ["Q1?", "Q2?"]


def test_aiken_windows_line_endings_and_bom_are_fine() -> None:
    text = "\ufeffQ?\r\nA) yes\r\nB) no\r\nANSWER: A\r\n"
    result = parse_quiz(text.encode(), ImportFormat.AIKEN)

    assert result.problems == []
    assert result.draft is not None
    assert result.draft.questions[0].prompt == "Q?"


# --- GIFT -------------------------------------------------------------------------------


def test_gift_good_file_gives_the_exact_questions() -> None:
    result = read("good.gift", ImportFormat.GIFT, title_hint="GIFT sample")

    assert result.problems == []
    assert result.draft is not None
    assert result.draft.title == "GIFT sample"
    assert result.draft.questions == (
        QuestionDraft(
            SINGLE,
            "What is the capital of France?",
            explanation="Paris has been the capital since 508.",
            options=options("Paris", "Berlin", "Madrid", right={0}),
        ),
        QuestionDraft(
            MULTIPLE, "Pick the prime numbers.", options=options("2", "3", "4", right={0, 1})
        ),
        QuestionDraft(
            TRUE_FALSE,
            "The sky is blue on a clear day.",
            options=options("True", "False", right={0}),
        ),
        QuestionDraft(SHORT, "Name a primary colour.", accepted_answers=("red", "blue", "yellow")),
        QuestionDraft(
            NUMERIC, "What is pi to two decimals?", numeric_value=3.14, numeric_tolerance=0.01
        ),
        QuestionDraft(
            NUMERIC, "Pick a number between 1 and 5.", numeric_value=3.0, numeric_tolerance=2.0
        ),
        QuestionDraft(
            SINGLE,
            "Moodle costs _____ to download.",
            options=options("lots of money", "nothing", right={1}),
        ),
        QuestionDraft(
            SINGLE,
            "A ratio of one to one, written as a:b {like 2:3}?",
            options=options("1:1", "2:0", right={0}),
        ),
    )


def test_gift_unsupported_and_broken_items_are_reported_by_line() -> None:
    result = read("broken_gift.txt", ImportFormat.GIFT)

    assert lines_and_messages(result.problems) == [
        (2, "Matching questions (->) are not supported"),
        (4, "Essay questions ({}) are not supported"),
        (6, "The answer block opened here is never closed with '}'"),
        (8, "This item has no answer block {...}; description items are not supported"),
        (12, "The question has no correct answer"),
    ]
    assert result.draft is not None
    assert result.draft.questions == (
        QuestionDraft(SINGLE, "What is 2 + 2?", options=options("4", "3", right={0})),
    )


@pytest.mark.parametrize(
    ("answers", "kind", "truth"),
    [("{F}", TRUE_FALSE, False), ("{TRUE}", TRUE_FALSE, True), ("{FALSE#no!}", TRUE_FALSE, False)],
)
def test_gift_true_false_spellings(answers: str, kind: QuestionKind, truth: bool) -> None:
    result = parse_quiz(f"Statement {answers}".encode(), ImportFormat.GIFT)

    assert result.draft is not None
    assert result.draft.questions[0].options == options("True", "False", right={0 if truth else 1})


def test_gift_answer_block_spanning_lines_reports_the_line_it_opens_on() -> None:
    text = "// header\n\nFirst {T}\n\nSecond\nquestion {\n=a -> b\n}\n"
    result = parse_quiz(text.encode(), ImportFormat.GIFT)

    assert lines_and_messages(result.problems) == [(6, "Matching questions (->) are not supported")]


def test_gift_partial_credit_short_answers_are_left_out_with_a_note() -> None:
    result = parse_quiz(b"Colour? {=red =%50%pink}", ImportFormat.GIFT)

    assert result.draft is not None
    assert result.draft.questions[0].accepted_answers == ("red",)
    assert lines_and_messages(result.problems) == [
        (
            1,
            "Short answers with partial credit were left out "
            "(only fully right answers are kept): 'pink'",
        )
    ]


@pytest.mark.parametrize(
    ("spec", "message"),
    [
        ("{#abc}", "'abc' is not a finite number"),
        ("{#1e400}", "'1e400' is not a finite number"),
        ("{#5..1}", "The range 5..1 starts above its end"),
        ("{#=1 =2}", "Numeric questions need exactly one answer"),
    ],
)
def test_gift_bad_numbers_are_reported(spec: str, message: str) -> None:
    result = parse_quiz(f"How many? {spec}".encode(), ImportFormat.GIFT)

    assert result.draft is None
    assert lines_and_messages(result.problems)[0] == (1, message)


# --- PDF --------------------------------------------------------------------------------


def test_pdf_good_file_gives_the_exact_questions() -> None:
    result = read("good.pdf", ImportFormat.PDF, title_hint="good")

    assert result.problems == []
    assert result.draft == QuizDraft(
        title="Geography and maths quiz",
        questions=(
            QuestionDraft(
                SINGLE,
                "What is the capital of France?",
                options=options("Berlin", "Paris", "Madrid", right={1}),
            ),
            QuestionDraft(
                MULTIPLE,
                "Which of these numbers are prime?",
                options=options("2", "4", "5", right={0, 2}),
            ),
            QuestionDraft(
                SINGLE,
                "The largest ocean on Earth is",
                options=options("the Atlantic Ocean", "the Pacific Ocean", right={1}),
            ),
        ),
    )


def test_pdf_broken_questions_are_reported_by_extracted_line() -> None:
    result = read("broken.pdf", ImportFormat.PDF)

    assert lines_and_messages(result.problems) == [
        (2, f"The question has no 'Answer:' line ({LINES_NOTE})"),
        (8, f"The answer 'D' does not name options (A, B) ({LINES_NOTE})"),
    ]
    assert result.draft is not None
    assert [question.prompt for question in result.draft.questions] == ["A good question"]


def test_truncated_pdf_is_refused() -> None:
    result = read("truncated.pdf", ImportFormat.PDF)

    assert result.draft is None
    assert lines_and_messages(result.problems) == [(None, "The PDF could not be read")]


def test_pdf_without_text_is_refused_as_probably_scanned() -> None:
    result = read("no_text.pdf", ImportFormat.PDF)

    assert result.draft is None
    assert len(result.problems) == 1
    assert "no text" in result.problems[0].message
    assert "scanned" in result.problems[0].message


def test_bytes_that_are_no_pdf_are_refused() -> None:
    result = parse_quiz(b"%PDF-1.7\nthis is not really a PDF", ImportFormat.PDF)

    assert lines_and_messages(result.problems) == [(None, "The PDF could not be read")]


def test_pdf_text_with_duplicate_answer_letters_is_one_question() -> None:
    text = "1. Pick\nA. x\nB. y\nAnswer: B and b\n"
    result = parse_pdf_text(text)

    assert result.draft is not None
    assert result.draft.questions[0].kind is SINGLE
    assert result.draft.questions[0].options == options("x", "y", right={1})


# --- the shared rules -------------------------------------------------------------------


@pytest.mark.parametrize("fmt", list(ImportFormat))
def test_input_over_the_size_cap_is_refused_unread(fmt: ImportFormat) -> None:
    result = parse_quiz(b" " * (MAX_IMPORT_BYTES + 1), fmt)

    assert result.draft is None
    assert result.imported_questions == 0
    assert lines_and_messages(result.problems) == [
        (None, "The file is 5,242,881 bytes; quiz imports are limited to 5 MiB (5,242,880 bytes)")
    ]


def test_input_at_the_size_cap_is_read() -> None:
    text = b"Q?\nA. a\nB. b\nANSWER: A\n"
    padded = text + b"\n" * (MAX_IMPORT_BYTES - len(text))

    result = parse_quiz(padded, ImportFormat.AIKEN)

    assert result.imported_questions == 1


@pytest.mark.parametrize("fmt", [ImportFormat.AIKEN, ImportFormat.GIFT, ImportFormat.JSON])
def test_wrong_encoding_is_refused_with_offset_and_line(fmt: ImportFormat) -> None:
    result = read("latin1_aiken.txt", fmt)

    assert result.draft is None
    assert lines_and_messages(result.problems) == [
        (
            3,
            "The file is not UTF-8 text: the byte at offset 47 (line 3) is not valid UTF-8. "
            "Save it as UTF-8 and import it again",
        )
    ]


@pytest.mark.parametrize("fmt", list(ImportFormat))
def test_empty_input_is_refused(fmt: ImportFormat) -> None:
    result = parse_quiz(b"", fmt)

    assert result.draft is None
    assert lines_and_messages(result.problems) == [(None, "The file is empty")]


@pytest.mark.parametrize("fmt", [ImportFormat.AIKEN, ImportFormat.GIFT])
def test_text_without_any_question_gives_no_draft(fmt: ImportFormat) -> None:
    result = parse_quiz(b"\n \n\t\n", fmt)

    assert result.draft is None
    assert lines_and_messages(result.problems) == [
        (None, "No question could be imported from the file")
    ]


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("good.json", ImportFormat.JSON),
        ("good.pdf", ImportFormat.PDF),
        ("good.gift", ImportFormat.GIFT),
        ("broken_gift.txt", ImportFormat.GIFT),
        ("good_aiken.txt", ImportFormat.AIKEN),
    ],
)
def test_detect_format_of_the_fixtures(name: str, expected: ImportFormat) -> None:
    assert detect_format(name, (FIXTURES / name).read_bytes()) is expected


def test_detect_format_trusts_content_over_a_wrong_name() -> None:
    assert detect_format("quiz.txt", (FIXTURES / "good.pdf").read_bytes()) is ImportFormat.PDF
    assert detect_format(None, b'\xef\xbb\xbf  {"title": "x"}') is ImportFormat.JSON
    assert detect_format("notes.txt", b"just some words") is None


AIKEN_QUESTION = b"Q?\nA. a\nB. b\nANSWER: A\n"
JSON_QUESTION = {"kind": "TRUE_FALSE", "prompt": "p", "answer": True}


@pytest.mark.parametrize(
    ("fmt", "data"),
    [
        (ImportFormat.AIKEN, AIKEN_QUESTION * (MAX_QUESTIONS + 1)),
        (
            ImportFormat.JSON,
            json.dumps({"title": "T", "questions": [JSON_QUESTION] * (MAX_QUESTIONS + 1)}).encode(),
        ),
    ],
)
def test_a_file_with_more_questions_than_a_quiz_holds_is_refused(
    fmt: ImportFormat, data: bytes
) -> None:
    result = parse_quiz(data, fmt)

    assert result.draft is None
    assert lines_and_messages(result.problems) == [
        (None, "The file has 1,001 questions; a quiz holds at most 1,000")
    ]


def test_a_file_with_max_questions_is_imported() -> None:
    result = parse_quiz(AIKEN_QUESTION * MAX_QUESTIONS, ImportFormat.AIKEN)

    assert result.imported_questions == MAX_QUESTIONS


def test_only_the_first_problems_are_listed() -> None:
    # given a file with one good question and 150 without an answer
    data = AIKEN_QUESTION + b"".join(b"\nQ%d?\nA. a\nB. b\n" % i for i in range(150))
    # when
    result = parse_quiz(data, ImportFormat.AIKEN)
    # then the first 100 are listed, in line order, and the rest counted
    assert result.imported_questions == 1
    assert len(result.problems) == MAX_REPORTED_PROBLEMS + 1
    assert result.problems[0] == ImportProblem(6, "The question has no 'ANSWER:' line")
    assert result.problems[-1] == ImportProblem(None, "... and 50 more problems")


def test_pdf_question_that_cannot_be_published_is_reported_with_the_note() -> None:
    result = parse_pdf_text("Quiz\n1. Only one option\nA. lonely\nAnswer: A\n")

    assert result.draft is None
    assert lines_and_messages(result.problems)[0] == (
        2,
        f"The question needs at least two options ({LINES_NOTE})",
    )


def test_gift_escapes_do_not_shift_line_numbers() -> None:
    text = "A \\{ b \\} c \\= d \\~ e \\# f \\: g\n\\{ \\} \\= \\~\nquestion {\n=a -> b}\n"
    result = parse_quiz(text.encode(), ImportFormat.GIFT)

    assert lines_and_messages(result.problems)[0] == (
        3,
        "Matching questions (->) are not supported",
    )


def test_json_problems_name_the_question_and_field_in_words() -> None:
    # given a question with an empty prompt, an empty option and no kind
    document = {
        "title": "T",
        "questions": [
            {"kind": "SHORT_ANSWER", "prompt": "Fine", "acceptedAnswers": ["yes"]},
            {
                "kind": "SINGLE_CHOICE",
                "prompt": "",
                "options": [{"text": "a", "correct": True}, {"text": " "}],
            },
            {"prompt": "No kind", "extra": 1},
        ],
    }

    result = parse_quiz(json.dumps(document).encode(), ImportFormat.JSON)

    # then each problem says which question and field, once, with no validator text
    messages = [problem.message for problem in result.problems]
    assert messages == [
        'Question 2, option 2, "text": is empty; write some text',
        'Question 2, "prompt": is empty; write some text',
        'Question 3: "kind" is missing',
        'Question 3: "extra" is not a field here',
    ]
    assert not any("does not match" in m or "\\S" in m or "$." in m for m in messages)
    assert result.imported_questions == 1


@pytest.mark.parametrize(
    ("data", "fmt"),
    [
        (b"{", ImportFormat.JSON),
        (b"", ImportFormat.AIKEN),
        (b"No answers here", ImportFormat.AIKEN),
    ],
)
def test_pasted_text_is_called_pasted_text(data: bytes, fmt: ImportFormat) -> None:
    pasted = parse_quiz(data, fmt, pasted=True)
    uploaded = parse_quiz(data, fmt)

    assert any("pasted text" in problem.message for problem in pasted.problems)
    assert not any("file" in problem.message for problem in pasted.problems)
    assert any("file" in problem.message for problem in uploaded.problems)
