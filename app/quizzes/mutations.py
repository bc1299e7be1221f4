"""Quiz mutations: thin wrappers over ``quizzes.service``; all need quizzes:write."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated, Any

import strawberry
from strawberry import relay
from strawberry.file_uploads import Upload
from strawberry.types import Info

from app.access.scopes import Scope
from app.core.errors import BadUserInput
from app.graphql.inputs import INPUT
from app.graphql.permissions import requires
from app.graphql.relay import decode_id
from app.quizzes import service
from app.quizzes.checks import MAX_TITLE
from app.quizzes.drafts import AnswerReveal
from app.quizzes.importers import MAX_IMPORT_BYTES, ImportFormat
from app.quizzes.inputs import QuestionInput, changes_of, draft_of
from app.quizzes.loaders import quiz_by_id
from app.quizzes.types import ImportProblem, Quiz

_ID = "The quiz's id."
_NULL_MEANS_NONE = "Null for none."
_REVEAL = "When members see the right answers and explanations of their closed attempts."
_REVEAL_FLAG = "True: AFTER_LAST_ATTEMPT; false: NEVER. Don't send it with revealAnswers."
_CERTIFICATE = (
    "Whether passing (reaching passMarkPercent, which it then needs) earns the member a "
    "certificate, once per member; from the next pass on."
)
_REVEAL_DEPRECATION = "Use revealAnswers (answers shown after every submit let retakes copy them)."


@strawberry.input(description="A new quiz, saved as a draft.")
class CreateQuizInput:
    title: str = strawberry.field(description=f"1-{MAX_TITLE} characters.")
    description: str | None = strawberry.field(default=None, description="Up to 10000 chars.")
    time_limit_seconds: int | None = strawberry.field(
        default=None, description="Per attempt, 1 s to 7 days. " + _NULL_MEANS_NONE
    )
    attempts_allowed: int | None = strawberry.field(
        default=None, description="Per member, 1-1000. " + _NULL_MEANS_NONE
    )
    pass_mark_percent: float | None = strawberry.field(
        default=None, description="0-100. " + _NULL_MEANS_NONE
    )
    shuffle_questions: bool = strawberry.field(default=False, description="Per attempt.")
    shuffle_options: bool = strawberry.field(default=False, description="Per attempt.")
    certificate_on_pass: bool = strawberry.field(default=False, description=_CERTIFICATE)
    reveal_answers: AnswerReveal | None = strawberry.field(
        default=None, description=_REVEAL + " Null or left out: AFTER_LAST_ATTEMPT."
    )
    reveal_answers_after_submit: bool | None = strawberry.field(
        default=None, description=_REVEAL_FLAG, deprecation_reason=_REVEAL_DEPRECATION
    )
    opens_at: datetime | None = strawberry.field(default=None, description="First moment.")
    closes_at: datetime | None = strawberry.field(default=None, description="End, exclusive.")
    questions: list[QuestionInput] = strawberry.field(
        default_factory=list, description="The questions in order, at most 1000."
    )


@strawberry.input(description="Changes to a quiz; fields left out stay as they are.")
class UpdateQuizInput:
    id: relay.GlobalID = strawberry.field(description=_ID)
    title: str | None = strawberry.field(default=strawberry.UNSET, description="A new title.")
    description: str | None = strawberry.field(default=strawberry.UNSET, description="Or null.")
    time_limit_seconds: int | None = strawberry.field(
        default=strawberry.UNSET, description=_NULL_MEANS_NONE
    )
    attempts_allowed: int | None = strawberry.field(
        default=strawberry.UNSET, description=_NULL_MEANS_NONE
    )
    pass_mark_percent: float | None = strawberry.field(
        default=strawberry.UNSET, description=_NULL_MEANS_NONE
    )
    shuffle_questions: bool | None = strawberry.field(
        default=strawberry.UNSET, description="Locked once the quiz has attempts."
    )
    shuffle_options: bool | None = strawberry.field(
        default=strawberry.UNSET, description="Locked once the quiz has attempts."
    )
    reveal_answers: AnswerReveal | None = strawberry.field(
        default=strawberry.UNSET, description=_REVEAL
    )
    certificate_on_pass: bool | None = strawberry.field(
        default=strawberry.UNSET, description=_CERTIFICATE
    )
    reveal_answers_after_submit: bool | None = strawberry.field(
        default=strawberry.UNSET, description=_REVEAL_FLAG, deprecation_reason=_REVEAL_DEPRECATION
    )
    opens_at: datetime | None = strawberry.field(default=strawberry.UNSET, description="Or null.")
    closes_at: datetime | None = strawberry.field(default=strawberry.UNSET, description="Or null.")
    questions: list[QuestionInput] | None = strawberry.field(
        default=strawberry.UNSET,
        description="Replaces all questions. Refused (CONFLICT) once the quiz has attempts.",
    )


@strawberry.input(description="The quiz to act on.")
class QuizIdInput:
    id: relay.GlobalID = strawberry.field(description=_ID)


@strawberry.input(description="The quiz to copy.")
class DuplicateQuizInput:
    id: relay.GlobalID = strawberry.field(description=_ID)
    title: str | None = strawberry.field(default=None, description="Default: 'Copy of ...'.")


@strawberry.input(
    description=(
        "A quiz file: either an upload (GraphQL multipart request) or text, at most "
        f"{MAX_IMPORT_BYTES // 1024 // 1024} MiB. Imported as a draft."
    )
)
class ImportQuizInput:
    file: Upload | None = strawberry.field(default=None, description="The uploaded file.")
    text: str | None = strawberry.field(default=None, description="Or the file's text.")
    format: ImportFormat | None = strawberry.field(
        default=None, description="Detected from the content and file name when left out."
    )
    title: str | None = strawberry.field(default=None, description="Overrides the file's title.")


@strawberry.type
class QuizPayload:
    quiz: Quiz


@strawberry.type
class ImportQuizPayload:
    quiz: Quiz | None = strawberry.field(description="The new draft; null if nothing was read.")
    format: ImportFormat | None = strawberry.field(description="The format the file was read as.")
    imported_questions: int = strawberry.field(description="How many questions were imported.")
    problems: list[ImportProblem] = strawberry.field(
        description="Everything not imported, with line numbers (first 100)."
    )


async def quiz_org(
    info: Info, input: QuizIdInput | UpdateQuizInput | DuplicateQuizInput
) -> uuid.UUID | None:
    """The org of the quiz an input names, when the actor reaches it."""
    quiz = await quiz_by_id(info).load(decode_id(input.id, "Quiz"))
    return quiz.org_id if quiz else None


WRITE = requires(Scope.QUIZZES_WRITE)
WRITE_QUIZ = requires(Scope.QUIZZES_WRITE, target=quiz_org)


@strawberry.type
class QuizMutations:
    @strawberry.mutation(
        description="Create a draft quiz. Needs quizzes:write.", permission_classes=[WRITE]
    )
    async def create_quiz(
        self, info: Info, input: Annotated[CreateQuizInput, INPUT]
    ) -> QuizPayload:
        quiz = await service.create_quiz(
            info.context.sc,
            info.context.actor.home_org(),
            draft_of(input),
            opens_at=input.opens_at,
            closes_at=input.closes_at,
        )
        return QuizPayload(quiz=Quiz.from_row(quiz))

    @strawberry.mutation(
        description=(
            "Change a quiz. Questions are locked once it has attempts. Needs quizzes:write."
        ),
        permission_classes=[WRITE_QUIZ],
    )
    async def update_quiz(
        self, info: Info, input: Annotated[UpdateQuizInput, INPUT]
    ) -> QuizPayload:
        quiz = await service.update_quiz(
            info.context.sc, decode_id(input.id, "Quiz"), changes_of(input)
        )
        return QuizPayload(quiz=Quiz.from_row(quiz))

    @strawberry.mutation(
        description=(
            "Publish a quiz; refused (CONFLICT, with extensions.problems) when it has no "
            "questions or a question can't be answered right. Needs quizzes:write."
        ),
        permission_classes=[WRITE_QUIZ],
    )
    async def publish_quiz(self, info: Info, input: Annotated[QuizIdInput, INPUT]) -> QuizPayload:
        quiz = await service.publish_quiz(info.context.sc, decode_id(input.id, "Quiz"))
        return QuizPayload(quiz=Quiz.from_row(quiz))

    @strawberry.mutation(
        description="Archive a quiz: no new attempts. Needs quizzes:write.",
        permission_classes=[WRITE_QUIZ],
    )
    async def archive_quiz(self, info: Info, input: Annotated[QuizIdInput, INPUT]) -> QuizPayload:
        quiz = await service.archive_quiz(info.context.sc, decode_id(input.id, "Quiz"))
        return QuizPayload(quiz=Quiz.from_row(quiz))

    @strawberry.mutation(
        description="Copy a quiz into a new draft, to edit a locked one. Needs quizzes:write.",
        permission_classes=[WRITE_QUIZ],
    )
    async def duplicate_quiz(
        self, info: Info, input: Annotated[DuplicateQuizInput, INPUT]
    ) -> QuizPayload:
        quiz = await service.duplicate_quiz(
            info.context.sc, decode_id(input.id, "Quiz"), input.title
        )
        return QuizPayload(quiz=Quiz.from_row(quiz))

    @strawberry.mutation(
        description=(
            "Import a quiz from JSON (docs/quiz-format.schema.json), PDF, Aiken or GIFT. "
            "All of the draft is stored or nothing. Needs quizzes:write."
        ),
        permission_classes=[WRITE],
    )
    async def import_quiz(
        self, info: Info, input: Annotated[ImportQuizInput, INPUT]
    ) -> ImportQuizPayload:
        data, filename = await _file_of(input)  # read (and closed) before any refusal
        quiz, result, fmt = await service.import_quiz(
            info.context.sc,
            info.context.actor.home_org(),
            data,
            input.format,
            filename=filename,
            title=input.title,
            pasted=input.file is None,
        )
        return ImportQuizPayload(
            quiz=Quiz.from_row(quiz) if quiz else None,
            format=fmt,
            imported_questions=result.imported_questions,
            problems=[ImportProblem(line=p.line, message=p.message) for p in result.problems],
        )


async def _file_of(input: ImportQuizInput) -> tuple[bytes, str | None]:
    """The file's bytes (one over the cap is enough to refuse with the size) and name."""
    either = BadUserInput({"file": "send either a file or text, not both or neither"})
    if input.file is None:
        if input.text is None:
            raise either
        return input.text.encode(), None
    upload: Any = input.file  # Starlette's UploadFile under the Upload scalar
    try:
        data = await upload.read(MAX_IMPORT_BYTES + 1)
    finally:
        await upload.close()
    if input.text is not None:
        raise either
    return data, getattr(upload, "filename", None)
