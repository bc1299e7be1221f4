"""What the demo org holds, as plain data: its members, its quizzes and how each
student tends to answer.

The quizzes use every question kind, so a newcomer sees each one on the taking and
results pages; the students answer with different skill, so boards have an order.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.access.scopes import Role
from app.quizzes.drafts import AnswerReveal, OptionDraft, QuestionDraft, QuestionKind, QuizDraft

DEMO_SLUG = "acme-academy"
DEMO_NAME = "Acme Academy"
OWNER = ("owner", "Olivia Owner")


@dataclass(frozen=True, slots=True)
class DemoMember:
    username: str
    display_name: str
    role: Role
    skill: float = 0.0
    """For a student: how likely each answer is right (0 to 1)."""


MEMBERS: tuple[DemoMember, ...] = (
    DemoMember("admin", "Ada Admin", Role.ADMIN),
    DemoMember("teacher", "Tom Teacher", Role.TEACHER),
    DemoMember("alice", "Alice Student", Role.STUDENT, skill=0.9),
    DemoMember("bob", "Bob Student", Role.STUDENT, skill=0.65),
    DemoMember("carol", "Carol Student", Role.STUDENT, skill=0.8),
    DemoMember("dan", "Dan Student", Role.STUDENT, skill=0.5),
    DemoMember("erin", "Erin Student", Role.STUDENT, skill=0.75),
)
STUDENTS = tuple(member for member in MEMBERS if member.role is Role.STUDENT)
AUTHOR = "teacher"
"""The member who writes and publishes the quizzes."""


def _choice(prompt: str, right: str, *wrong: str, points: float = 1.0) -> QuestionDraft:
    options = (OptionDraft(right, correct=True), *(OptionDraft(text) for text in wrong))
    return QuestionDraft(QuestionKind.SINGLE_CHOICE, prompt, points=points, options=options)


def _multiple(prompt: str, right: tuple[str, ...], wrong: tuple[str, ...]) -> QuestionDraft:
    options = tuple(OptionDraft(text, correct=True) for text in right) + tuple(
        OptionDraft(text) for text in wrong
    )
    return QuestionDraft(QuestionKind.MULTIPLE_CHOICE, prompt, points=2.0, options=options)


def _true_false(prompt: str, answer: bool, explanation: str | None = None) -> QuestionDraft:
    options = (OptionDraft("True", correct=answer), OptionDraft("False", correct=not answer))
    return QuestionDraft(QuestionKind.TRUE_FALSE, prompt, explanation=explanation, options=options)


def _short(prompt: str, *accepted: str) -> QuestionDraft:
    return QuestionDraft(QuestionKind.SHORT_ANSWER, prompt, accepted_answers=accepted)


def _numeric(prompt: str, value: float, tolerance: float = 0.0) -> QuestionDraft:
    return QuestionDraft(
        QuestionKind.NUMERIC, prompt, numeric_value=value, numeric_tolerance=tolerance
    )


PUBLISHED: tuple[QuizDraft, ...] = (
    QuizDraft(
        title="World Capitals",
        description="Ten minutes around the globe: capitals, flags and borders.",
        time_limit_seconds=600,
        pass_mark_percent=60,
        questions=(
            _choice("What is the capital of Australia?", "Canberra", "Sydney", "Melbourne"),
            _choice("What is the capital of Canada?", "Ottawa", "Toronto", "Vancouver"),
            _true_false("Bern is the capital of Switzerland.", True),
            _short("Which city is the capital of Japan?", "Tokyo"),
            _multiple(
                "Which of these capitals lie on the Danube?",
                ("Vienna", "Budapest", "Belgrade"),
                ("Prague", "Warsaw"),
            ),
        ),
    ),
    QuizDraft(
        title="Fractions and Decimals",
        description="Warm-up arithmetic for the new term.",
        pass_mark_percent=50,
        attempts_allowed=3,
        reveal_answers=AnswerReveal.AFTER_SUBMIT,
        questions=(
            _numeric("What is 3/4 as a decimal?", 0.75, 0.001),
            _numeric("What is 12.5% of 80?", 10),
            _choice("Which fraction is the largest?", "5/6", "3/4", "2/3", "7/12"),
            _true_false(
                "0.1 + 0.2 is exactly 0.3 in decimal arithmetic.",
                True,
                "In decimals it is; binary floating point is another story.",
            ),
        ),
    ),
    QuizDraft(
        title="Safe Lab Practice",
        description="Before your first chemistry practical.",
        pass_mark_percent=80,
        questions=(
            _true_false("Goggles may come off once the experiment is running.", False),
            _multiple(
                "What do you do after a small acid spill on your hand?",
                ("Rinse with plenty of water", "Tell the teacher"),
                ("Wipe it on your coat", "Wait and see"),
            ),
            _choice(
                "Where do broken glass pieces go?",
                "The broken-glass bin",
                "The sink",
                "The general waste",
            ),
            _short("Which gas does a lit splint 'pop' with?", "hydrogen", "H2"),
        ),
    ),
)

DRAFT = QuizDraft(
    title="Photosynthesis (draft)",
    description="Still being written: not visible to students.",
    questions=(_true_false("Plants take in carbon dioxide.", True),),
)

SEED = 14
"""The random choices (days, answers, durations) come from this seed: the demo is the
same on every machine, apart from the dates, which follow today."""

HISTORY_DAYS = 40
"""How far back the first attempts go: beyond the 30-day board."""
