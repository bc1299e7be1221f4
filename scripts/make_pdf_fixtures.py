"""Generate the PDF fixtures of the quiz importer tests (tests/fixtures/quizzes/).

PDFs are binary and hard to review, so they are made by this script instead of by hand;
run it again after changing the text below, and commit its outputs:

    uv run python scripts/make_pdf_fixtures.py

- good.pdf: a quiz over two pages, typed the way teachers do (see app/quizzes/importers/pdf.py);
- broken.pdf: questions with mistakes the importer must report, with their lines;
- no_text.pdf: a page with only a drawn rectangle, like a scanned document;
- truncated.pdf: the first half of good.pdf's bytes.

The outputs are byte-for-byte reproducible (reportlab's invariant mode), so rerunning the
script does not change them.
"""

from __future__ import annotations

import io
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

FIXTURES = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "quizzes"

GOOD_PAGES = [
    [
        "Geography and maths quiz",
        "1. What is the capital of France?",
        "A. Berlin",
        "B. Paris",
        "C. Madrid",
        "Answer: B",
        "2) Which of these numbers are",
        "prime?",
        "a) 2",
        "b) 4",
        "c) 5",
        "Answer: A, C",
    ],
    [
        "3. The largest ocean on Earth is",
        "A. the Atlantic Ocean",
        "B. the Pacific Ocean",
        "Answer: b",
    ],
]

BROKEN_PAGES = [
    [
        "Broken quiz",
        "1. A question without an answer line",
        "A. One",
        "B. Two",
        "2. A question whose answer is not an option",
        "A. One",
        "B. Two",
        "Answer: D",
        "3. A good question",
        "A. Yes",
        "B. No",
        "Answer: A",
    ]
]


def text_pdf(pages: list[list[str]]) -> bytes:
    """A PDF with one line of text per entry, one page per list."""
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A4, invariant=True)
    for lines in pages:
        y = 800.0
        for line in lines:
            canvas.drawString(72, y, line)
            y -= 20
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def drawing_only_pdf() -> bytes:
    """A PDF whose only page holds a filled rectangle and no text at all."""
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A4, invariant=True)
    canvas.rect(72, 400, 300, 200, fill=1)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def main() -> None:
    FIXTURES.mkdir(parents=True, exist_ok=True)
    good = text_pdf(GOOD_PAGES)
    outputs = {
        "good.pdf": good,
        "broken.pdf": text_pdf(BROKEN_PAGES),
        "no_text.pdf": drawing_only_pdf(),
        "truncated.pdf": good[: len(good) // 2],
    }
    for name, data in outputs.items():
        (FIXTURES / name).write_bytes(data)
        print(f"wrote {FIXTURES / name} ({len(data)} bytes)")


if __name__ == "__main__":
    main()
