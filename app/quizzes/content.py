"""A quiz's questions and options as light immutable values, and the in-process cache of
their content by quiz version.

The values are what the GraphQL types read (``Question``/``AuthoredQuestion`` a
``QuestionValue``, ``Option``/``AuthoredOption`` an ``OptionValue``): frozen, slotted,
built from plain rows, each global id encoded on first use and kept. A value carries
the answers too; which of them a client can reach is the GraphQL type's to say
(``app/quizzes/types.py``), not the value's.

Why caching is safe. A quiz's questions and options change only through
``repository.replace_questions``: when the quiz is created (version 1, in the creating
transaction: nobody else can read that version before it commits) and in
``service.update_quiz``, which bumps ``Quiz.version`` in the same transaction
(publishing and archiving change no content; duplicating makes a new quiz). So the
committed content of ``(quiz_id, version)`` never changes, whatever the quiz's status,
and the cache is keyed by both: a request asks with the version of the quiz row *it*
read, and an entry is stored under the version read in the *same statement* as the
content (one snapshot, ``repository.content_rows``), never a version read earlier or
elsewhere. Only reads made by queries are stored (``loaders.content_by_quiz``): a
mutation may read content its own transaction wrote and then roll back, and the
version it would be stored under could later be committed with other content.
With several server processes each has its own cache and none is told about changes:
none needs to be, because after an edit commits every request reads the new version
from the row and asks for a key no process holds yet; an old entry is simply never
asked for again and ages out. ``forget`` frees a quiz's entry when this process
changes it, which is tidiness, not correctness.
"""

from __future__ import annotations

import json
import uuid
from collections import OrderedDict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from strawberry import relay

from app.graphql.compiled import immutable
from app.quizzes.drafts import QuestionKind

# About 2,000 quizzes of 10 questions of 4 options; an entry weighs its questions and
# options (a quiz of 1,000 questions takes its share, not one slot).
MAX_CACHED_VALUES = 100_000


def _global_id(type_name: str, row_id: uuid.UUID) -> str:
    return str(relay.GlobalID(type_name, str(row_id)))


# ``immutable``: a list of them completes the same way under the same selection, so the
# compiled plan keeps a cached question list's completed form (app/graphql/compiled).
@immutable
@dataclass(frozen=True, slots=True)
class OptionValue:
    """A choice of a question, in its quiz order. Its id stays as the driver gave it
    (``key``) until something asks for it: a page shows hundreds of options, and most
    queries ask for their text only."""

    key: Any
    text: str
    correct: bool
    _row_id: uuid.UUID | None = field(default=None, init=False, repr=False, compare=False)
    _id: str | None = field(default=None, init=False, repr=False, compare=False)

    @property
    def row_id(self) -> uuid.UUID:
        row_id = self._row_id
        if row_id is None:
            row_id = _uuid(self.key)
            object.__setattr__(self, "_row_id", row_id)
        return row_id

    @property
    def id(self) -> str:
        """The option's global id, encoded once."""
        encoded = self._id
        if encoded is None:
            encoded = _global_id("Option", self.row_id)
            object.__setattr__(self, "_id", encoded)
        return encoded


@immutable
@dataclass(frozen=True, slots=True)
class QuestionValue:
    """A question with its options; ``number`` is its place from 1 (an attempt's own
    order gives it another number and its options another order: ``replace``)."""

    row_id: uuid.UUID
    number: int
    kind: QuestionKind
    prompt: str
    points: float
    explanation: str | None
    accepted_answers: tuple[str, ...]
    numeric_value: float | None
    numeric_tolerance: float
    options: tuple[OptionValue, ...]
    _id: str | None = field(default=None, init=False, repr=False, compare=False)

    @property
    def id(self) -> str:
        """The question's global id, encoded once."""
        encoded = self._id
        if encoded is None:
            encoded = _global_id("Question", self.row_id)
            object.__setattr__(self, "_id", encoded)
        return encoded


Questions = tuple[QuestionValue, ...]


class ContentKey(NamedTuple):
    """Which content a request needs: the quiz, and the version of the row the request
    read (its status doesn't matter: a version's content is the same in every status)."""

    quiz_id: uuid.UUID
    version: int


@dataclass(frozen=True, slots=True)
class LoadedContent:
    """A quiz's content as one statement read it, with the version it read."""

    version: int
    questions: Questions


def assemble(rows: Iterable[Sequence[Any]]) -> dict[uuid.UUID, LoadedContent]:
    """Values from the rows of ``repository.content_query``, in its column order. Ids come
    as the driver gives them (text on SQLite, its own UUID type on PostgreSQL), and so
    do accepted answers (JSON text on SQLite): a question's columns repeat on each of
    its options' rows, so each is made a ``uuid.UUID`` (or decoded) once, here, not once
    per row; an option's id only when it is asked for."""
    heads: dict[Any, tuple[uuid.UUID, int, list[_Pending]]] = {}
    questions: list[_Pending] = []
    options: list[OptionValue] = []
    last: Any = None
    for (
        quiz_raw,
        version,
        *question,
        option_raw,
        option_text,
        option_correct,
    ) in rows:
        if quiz_raw not in heads:
            questions = []
            heads[quiz_raw] = (_uuid(quiz_raw), version, questions)
        question_raw = question[0]
        if question_raw is None:
            continue
        if question_raw != last:
            last, options = question_raw, []
            questions.append((question, options))
        if option_raw is not None:
            options.append(OptionValue(option_raw, option_text, option_correct))
    return {
        quiz_id: LoadedContent(version, tuple(_question(*q) for q in found))
        for quiz_id, version, found in heads.values()
    }


# a question's columns (from its first row) and its options, while they are read
_Pending = tuple[list[Any], list[OptionValue]]


def _uuid(raw: Any) -> uuid.UUID:
    return raw if type(raw) is uuid.UUID else uuid.UUID(str(raw))


def _answers(accepted: str | list[str] | None) -> tuple[str, ...]:
    """JSON text on SQLite; asyncpg decodes JSON itself."""
    if not accepted:
        return ()
    return tuple(json.loads(accepted) if isinstance(accepted, str) else accepted)


def _question(columns: list[Any], options: list[OptionValue]) -> QuestionValue:
    raw, position, kind, prompt, points, explanation, accepted, value, tolerance = columns
    return QuestionValue(
        row_id=_uuid(raw),
        number=position + 1,
        kind=kind,
        prompt=prompt,
        points=points,
        explanation=explanation,
        accepted_answers=_answers(accepted),
        numeric_value=value,
        numeric_tolerance=tolerance,
        options=tuple(options),
    )


@dataclass(slots=True)
class _Entry:
    version: int
    questions: Questions
    weight: int


class ContentCache:
    """Published quiz content by ``(quiz_id, version)``, least recently used out first.

    One entry per quiz (the newest version seen); a lookup with another version misses.
    Any status: a version's content is fixed once committed (see the module's
    docstring). Used from the event loop only (no locks): every access is synchronous."""

    def __init__(self, max_values: int = MAX_CACHED_VALUES) -> None:
        self.max_values = max_values
        self._entries: OrderedDict[uuid.UUID, _Entry] = OrderedDict()
        self._weight = 0
        self.hits = 0
        self.misses = 0

    def get(self, quiz_id: uuid.UUID, version: int) -> Questions | None:
        entry = self._entries.get(quiz_id)
        if entry is None or entry.version != version:
            self.misses += 1
            return None
        self._entries.move_to_end(quiz_id)
        self.hits += 1
        return entry.questions

    def put(self, quiz_id: uuid.UUID, content: LoadedContent) -> None:
        """Keep ``content`` unless the entry holds a newer version."""
        entry = self._entries.get(quiz_id)
        if entry is not None:
            if entry.version > content.version:
                return  # a request still holding an older row; the newer entry stays
            self._drop(quiz_id)
        weight = 1 + sum(1 + len(question.options) for question in content.questions)
        if weight > self.max_values:
            return
        self._entries[quiz_id] = _Entry(content.version, content.questions, weight)
        self._weight += weight
        while self._weight > self.max_values:
            self._drop(next(iter(self._entries)))

    def forget(self, quiz_id: uuid.UUID) -> None:
        if quiz_id in self._entries:
            self._drop(quiz_id)

    def clear(self) -> None:
        self._entries.clear()
        self._weight = 0

    def __len__(self) -> int:
        return len(self._entries)

    @property
    def weight(self) -> int:
        return self._weight

    def _drop(self, quiz_id: uuid.UUID) -> None:
        self._weight -= self._entries.pop(quiz_id).weight


# The process's cache (each server process has its own; see the module's docstring).
content_cache = ContentCache()
