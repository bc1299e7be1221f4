"""The rules for taking quizzes.

- Starting needs attempts:write and quizzes:read on a published quiz that is open now,
  by a member (a key acts for its creator); an open attempt is resumed, not doubled;
  ``attemptsAllowed`` counts every attempt the member started.
- The deadline (time limit, capped by the quiz's closing time and, for a round of a
  tournament, by the tournament's end) is the server's: a
  submit after it (plus ``SUBMIT_GRACE`` for the network) counts no new answers, and
  an attempt left open past it is EXPIRED: closed at its deadline and scored as it
  stands. Queries never write, so a read shows it that way (``as_read``) and the next
  mutation that touches it (its member's start, save or submit) closes it so, or the
  server's periodic sweep (``sweep.py``) if its member never comes back.
- Only the owner submits. Submitting twice, even at once, gives one result: a
  conditional UPDATE decides which submit closes the attempt; the other returns it.
- attempts:read shows everyone's attempts to staff, and students their own only
  (``visibility.AttemptVisibility``); the quiz must be one ``QuizVisibility`` shows.
- A closed attempt shows the right answers as the quiz's ``reveal_answers`` says
  (``answers_revealed``); by default only once its member has no attempt left to use them.
- Answers name the quiz's own questions, each once, and choose only that question's
  options, each once; anything else is BAD_USER_INPUT naming the question.
Every change writes the audit log; closing emits ``quiz.completed`` and ``user.scored``,
and a pass of a quiz that issues certificates earns its member one (``certificates``).
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from sqlmodel import col, or_
from sqlmodel.sql.expression import SelectOfScalar

from app.access.actor import Actor
from app.access.request import ServiceContext
from app.access.scopes import Scope
from app.access.tenancy import require_found
from app.analytics import service as analytics
from app.attempts import repository
from app.attempts.grading import AttemptScore, score_answers
from app.attempts.models import Attempt, AttemptAnswer, AttemptStatus
from app.attempts.visibility import AttemptVisibility
from app.audit import service as audit
from app.certificates import service as certificates
from app.core.clock import as_utc, utcnow
from app.core.deadlines import SUBMIT_GRACE as SUBMIT_GRACE  # the sweep reads it here
from app.core.errors import BadUserInput, Conflict, Forbidden, NotFound
from app.events.bus import QUIZ_COMPLETED, USER_SCORED, Event
from app.integrity import recording as integrity
from app.leaderboards import service as leaderboards
from app.quizzes import service as quizzes
from app.quizzes.drafts import AnswerReveal, QuizStatus
from app.quizzes.visibility import is_author, is_open
from app.tournaments import service as tournaments

if TYPE_CHECKING:
    from app.quizzes.models import Question, Quiz
    from app.quizzes.repository import OptionView

MAX_SELECTED = 50
MAX_TEXT = 1_000


@dataclass(frozen=True, slots=True)
class GivenAnswer:
    """One answer as the client sent it; ``selected`` holds option row ids as strings."""

    question_id: uuid.UUID
    selected: tuple[str, ...] = ()
    text: str | None = None
    number: float | None = None


def past_deadline(attempt: Attempt, now: datetime) -> bool:
    return attempt.deadline is not None and now > as_utc(attempt.deadline) + SUBMIT_GRACE


def _closed_at(attempt: Attempt, status: AttemptStatus, now: datetime) -> datetime:
    """An expired attempt closed at its deadline, whenever it was found out: with reads
    no longer closing attempts, that moment would otherwise depend on who came next
    (and would stretch its time taken on the leaderboards)."""
    if status is AttemptStatus.EXPIRED and attempt.deadline is not None:
        return as_utc(attempt.deadline)
    return now


async def get_readable(sc: ServiceContext, attempt_id: uuid.UUID) -> Attempt:
    attempt = require_found(
        sc.actor, Scope.ATTEMPTS_READ, await repository.by_id(sc.db, attempt_id, sc.actor)
    )
    if not AttemptVisibility(sc.actor).allows(attempt):
        raise NotFound()
    return (await as_read(sc, [attempt]))[0]


def listing(
    sc: ServiceContext,
    org_id: uuid.UUID,
    *,
    quiz_id: uuid.UUID | None,
    member_id: uuid.UUID | None,
    status: AttemptStatus | None,
) -> SelectOfScalar[Attempt]:
    """The org's attempts the actor sees (``AttemptVisibility``), as ``as_read`` shows
    them: filtering by status, an open attempt past its deadline counts as EXPIRED, not
    IN_PROGRESS. Asking for another member's without seeing everyone's is FORBIDDEN."""
    visibility = AttemptVisibility(sc.actor)
    if not visibility.sees_everyones(org_id) and member_id not in (None, sc.actor.member_id):
        raise Forbidden("You can only see your own attempts.")
    now = utcnow()
    query = repository.listing(
        org_id, visibility.clause(org_id), quiz_id=quiz_id, member_id=member_id
    )
    if status is None:
        return query
    still_open = or_(col(Attempt.deadline).is_(None), col(Attempt.deadline) >= now - SUBMIT_GRACE)
    if status is AttemptStatus.IN_PROGRESS:
        return query.where(Attempt.status == AttemptStatus.IN_PROGRESS, still_open)
    if status is AttemptStatus.EXPIRED:
        ran_out = (col(Attempt.status) == AttemptStatus.IN_PROGRESS) & ~still_open
        return query.where(or_(col(Attempt.status) == AttemptStatus.EXPIRED, ran_out))
    return query.where(Attempt.status == status)


async def as_read(sc: ServiceContext, attempts: Sequence[Attempt]) -> list[Attempt]:
    """The attempts as they stand now, writing nothing: an open attempt past its deadline
    is shown as the next mutation touching it will close it (EXPIRED at its deadline,
    scored as it stands), as an unsaved copy. Its answers were scored when saved, so its
    results read right too."""
    now = utcnow()
    ran_out = [a for a in attempts if a.status is AttemptStatus.IN_PROGRESS]
    ran_out = [a for a in ran_out if past_deadline(a, now)]
    if not ran_out:
        return list(attempts)
    # Copies: scoring sets fields on the answers, and a changed row would be written.
    answers: dict[uuid.UUID, list[AttemptAnswer]] = defaultdict(list)
    for answer in await repository.answers_of(sc.db, [a.id for a in ran_out], sc.actor):
        answers[answer.attempt_id].append(AttemptAnswer(**answer.model_dump()))
    grading: dict[uuid.UUID, quizzes.QuizContent] = {}
    shown: dict[uuid.UUID, Attempt] = {}
    for attempt in ran_out:
        if attempt.quiz_id not in grading:
            quiz = await quizzes.quiz_of_record(sc, attempt.quiz_id, attempt.org_id)
            grading[attempt.quiz_id] = await quizzes.content_of(sc, quiz)
        content = grading[attempt.quiz_id]
        result = score_answers(
            content.questions, content.options, answers[attempt.id], content.quiz.pass_mark_percent
        )
        copy = Attempt(**attempt.model_dump())
        _close(copy, result, AttemptStatus.EXPIRED, _closed_at(attempt, AttemptStatus.EXPIRED, now))
        shown[attempt.id] = copy
    return [shown.get(attempt.id, attempt) for attempt in attempts]


async def quiz_has_attempts(sc: ServiceContext, quiz_id: uuid.UUID, org_id: uuid.UUID) -> bool:
    """Whether anyone started the quiz (its questions are locked then)."""
    return await repository.exists_for_quiz(sc.db, org_id, quiz_id)


async def start_attempt(sc: ServiceContext, quiz_id: uuid.UUID) -> Attempt:
    quiz = await quizzes.get_readable(sc, quiz_id, for_update=True)
    sc.actor.require(Scope.ATTEMPTS_WRITE, quiz.org_id)
    now = utcnow()
    member_id = _taker(sc.actor, quiz.org_id)
    _check_can_start(quiz, now)
    # a round of a scheduled or running tournament: its entrants only, in its times,
    # and no later than its end (the tournament says when that is)
    ends = await tournaments.admit_attempt(sc, quiz.org_id, quiz.id, member_id)
    await close_expired(sc, quiz.org_id, quiz_id=quiz.id, member_id=member_id)
    existing = await repository.open_for(sc.db, quiz.org_id, quiz.id, member_id)
    if existing is not None:
        await integrity.seen(sc, existing)
        return existing
    used = await repository.count_for(sc.db, quiz.org_id, quiz.id, member_id)
    if quiz.attempts_allowed is not None and used >= quiz.attempts_allowed:
        raise Forbidden(
            f"You have used all {quiz.attempts_allowed} attempts allowed for this quiz.",
            reason="NO_ATTEMPTS_LEFT",
        )
    attempt = Attempt(
        org_id=quiz.org_id,
        quiz_id=quiz.id,
        member_id=member_id,
        number=used + 1,
        quiz_version=quiz.version,
        started_at=now,
        deadline=_deadline(quiz, now, cap=ends),
        max_score=quiz.max_points,
    )
    sc.db.add(attempt)
    await sc.db.flush()
    await audit.record(
        sc,
        "attempt.started",
        target_type="Attempt",
        target_id=attempt.id,
        org_id=quiz.org_id,
        details={"quizId": str(quiz.id), "number": attempt.number},
    )
    await integrity.seen(sc, attempt)
    return attempt


async def save_answers(
    sc: ServiceContext, attempt_id: uuid.UUID, answers: list[GivenAnswer]
) -> Attempt:
    """Store answers of an open attempt without submitting it (they count if it expires)."""
    attempt = await _owned(sc, attempt_id)
    if attempt.status is not AttemptStatus.IN_PROGRESS:
        raise Conflict("The attempt is already closed.", reason="ATTEMPT_CLOSED")
    await integrity.seen(sc, attempt)
    quiz = await quizzes.quiz_of_record(sc, attempt.quiz_id, attempt.org_id)
    content = await quizzes.content_of(sc, quiz)
    checked = await _checked_answers(sc, quiz, answers, content.questions)
    now = utcnow()
    if past_deadline(attempt, now):
        await close_expired(
            sc, attempt.org_id, quiz_id=attempt.quiz_id, member_id=attempt.member_id
        )
        return await repository.by_id(sc.db, attempt.id, attempt.org_id) or attempt
    await _store_answers(sc, attempt, checked, now)
    # Scored as saved (results stay hidden while the attempt is open), so that once its
    # deadline has passed a read can show its results without closing it.
    stored = await repository.answers_of(sc.db, [attempt.id], attempt.org_id)
    score_answers(content.questions, content.options, stored, None)
    sc.db.add_all(stored)
    await sc.db.flush()
    return attempt


async def submit_attempt(
    sc: ServiceContext, attempt_id: uuid.UUID, answers: list[GivenAnswer]
) -> Attempt:
    attempt = await _owned(sc, attempt_id)
    if attempt.status is not AttemptStatus.IN_PROGRESS:
        return attempt
    quiz = await quizzes.quiz_of_record(sc, attempt.quiz_id, attempt.org_id)
    questions = await quizzes.questions_of(sc, quiz)
    checked = await _checked_answers(sc, quiz, answers, questions)
    now = utcnow()
    late = past_deadline(attempt, now)
    status = AttemptStatus.EXPIRED if late else AttemptStatus.SUBMITTED
    closed_at = _closed_at(attempt, status, now)
    claimed = await repository.claim_close(sc.db, attempt.org_id, attempt.id, status, closed_at)
    # Seen after the claim: every submit locks the attempt's row first, then what a
    # sighting and its audit event lock (the integrity record, the org's audit chain).
    # Before it, a second device's submit held the chain while waiting for the row
    # the first held while waiting for the chain: a deadlock on PostgreSQL.
    await integrity.seen(sc, attempt)
    if not claimed:
        return await repository.by_id(sc.db, attempt.id, attempt.org_id) or attempt
    if not late:
        await _store_answers(sc, attempt, checked, now)
    await _finish(sc, attempt, quiz, questions, status, closed_at)
    return attempt


async def close_expired(
    sc: ServiceContext,
    org_id: uuid.UUID,
    *,
    quiz_id: uuid.UUID | None = None,
    member_id: uuid.UUID | None = None,
    quiz_ids: Collection[uuid.UUID] | None = None,
) -> int:
    """Close and score, as they stand, the open attempts whose deadline has passed
    (mutations, the server's sweep, and a tournament's end for its rounds' ``quiz_ids``,
    so that an attempt left to run out counts; a read shows them closed with ``as_read``
    instead); returns how many this call closed (not those someone else closed first)."""
    now = utcnow()
    expired = await repository.expired_open(
        sc.db,
        org_id,
        now - SUBMIT_GRACE,
        quiz_id=quiz_id,
        member_id=member_id,
        quiz_ids=quiz_ids,
    )
    loaded: dict[uuid.UUID, tuple[Quiz, list[Question]]] = {}
    closed = 0
    for attempt in expired:
        closed_at = _closed_at(attempt, AttemptStatus.EXPIRED, now)
        if not await repository.claim_close(
            sc.db, org_id, attempt.id, AttemptStatus.EXPIRED, closed_at
        ):
            continue
        closed += 1
        if attempt.quiz_id not in loaded:
            quiz = await quizzes.quiz_of_record(sc, attempt.quiz_id, org_id)
            loaded[attempt.quiz_id] = (quiz, await quizzes.questions_of(sc, quiz))
        quiz, questions = loaded[attempt.quiz_id]
        await _finish(sc, attempt, quiz, questions, AttemptStatus.EXPIRED, closed_at)
    return closed


async def answers_revealed(sc: ServiceContext, quiz: Quiz, attempt: Attempt) -> bool:
    """Whether the closed ``attempt`` shows the right answers and explanations.

    Authors always see them. Otherwise the quiz's ``reveal_answers`` decides; the safe
    choices wait until the attempt's member can't add an answer that counts any more, so
    answers read on one attempt can't be copied into a later one.
    """
    if is_author(sc.actor, quiz.org_id):
        return True
    reveal = quiz.reveal_answers
    if reveal is AnswerReveal.AFTER_SUBMIT:
        return True
    if reveal is AnswerReveal.NEVER:
        return False
    now = utcnow()
    closed = quiz.closes_at is not None and now >= as_utc(quiz.closes_at)
    if reveal is AnswerReveal.AFTER_CLOSE:
        return closed and not await _still_answering(sc, quiz, attempt.member_id, now)
    # AFTER_LAST_ATTEMPT
    if not (closed or quiz.status is QuizStatus.ARCHIVED):
        if quiz.attempts_allowed is None:
            return False
        used = await repository.count_for(sc.db, quiz.org_id, quiz.id, attempt.member_id)
        if used < quiz.attempts_allowed:
            return False
    return not await _still_answering(sc, quiz, attempt.member_id, now)


async def _still_answering(
    sc: ServiceContext, quiz: Quiz, member_id: uuid.UUID, now: datetime
) -> bool:
    """Whether the member has an open attempt whose answers would still count."""
    open_attempt = await repository.open_for(sc.db, quiz.org_id, quiz.id, member_id)
    return open_attempt is not None and not past_deadline(open_attempt, now)


async def own_open_attempt(sc: ServiceContext, attempt_id: uuid.UUID, scope: Scope) -> Attempt:
    """The actor's own attempt, open and within its deadline, for an action of ``scope``
    on it (integrity reports): CONFLICT with reason ATTEMPT_CLOSED otherwise."""
    attempt = await _owned(sc, attempt_id, scope)
    if attempt.status is not AttemptStatus.IN_PROGRESS or past_deadline(attempt, utcnow()):
        raise Conflict("The attempt is already closed.", reason="ATTEMPT_CLOSED")
    return attempt


async def _owned(
    sc: ServiceContext, attempt_id: uuid.UUID, scope: Scope = Scope.ATTEMPTS_WRITE
) -> Attempt:
    attempt = require_found(sc.actor, scope, await repository.by_id(sc.db, attempt_id, sc.actor))
    if attempt.member_id != sc.actor.member_id:
        if AttemptVisibility(sc.actor).allows(attempt):
            raise Forbidden("Only the member who started the attempt can answer or submit it.")
        raise NotFound()
    return attempt


def _taker(actor: Actor, org_id: uuid.UUID) -> uuid.UUID:
    if actor.member_id is None or actor.org_id != org_id:
        raise Forbidden("Only members of the organization take its quizzes.")
    return actor.member_id


def _check_can_start(quiz: Quiz, now: datetime) -> None:
    if quiz.status is not QuizStatus.PUBLISHED:
        raise Forbidden("Only a published quiz can be taken.", reason="QUIZ_NOT_PUBLISHED")
    if is_open(quiz, now):
        return
    if quiz.opens_at is not None and now < as_utc(quiz.opens_at):
        raise Forbidden(
            f"The quiz opens at {as_utc(quiz.opens_at).isoformat()}.", reason="QUIZ_NOT_OPEN"
        )
    raise Forbidden("The quiz is closed.", reason="QUIZ_CLOSED")


def _deadline(quiz: Quiz, now: datetime, *, cap: datetime | None = None) -> datetime | None:
    """The earliest of the time limit, the quiz's closing and ``cap`` (the end of the
    tournament the attempt is a round of); None when none applies."""
    limit = now + timedelta(seconds=quiz.time_limit_seconds) if quiz.time_limit_seconds else None
    closes = as_utc(quiz.closes_at) if quiz.closes_at else None
    return min((at for at in (limit, closes, cap) if at is not None), default=None)


async def _checked_answers(
    sc: ServiceContext, quiz: Quiz, answers: list[GivenAnswer], questions: list[Question]
) -> list[GivenAnswer]:
    options = await quizzes.option_views(sc, quiz, questions)
    return _check_answers(answers, questions, options)


def _check_answers(
    answers: list[GivenAnswer], questions: list[Question], options: list[OptionView]
) -> list[GivenAnswer]:
    known = {question.id for question in questions}
    options_of: dict[uuid.UUID, set[str]] = {question_id: set() for question_id in known}
    for option in options:
        options_of[option.question_id].add(str(option.id))
    seen: set[uuid.UUID] = set()
    problems: dict[str, str] = {}
    for index, answer in enumerate(answers):
        field = f"answers[{index}]"
        if answer.question_id not in known:
            problems.setdefault(f"{field}.questionId", "is not a question of this quiz")
        elif answer.question_id in seen:
            problems.setdefault(f"{field}.questionId", "is answered twice")
        seen.add(answer.question_id)
        if len(answer.selected) > MAX_SELECTED:
            problems.setdefault(f"{field}.selectedOptionIds", f"at most {MAX_SELECTED}")
        elif answer.question_id in known:
            problem = _option_problem(answer, options_of[answer.question_id])
            if problem:
                problems.setdefault(f"{field}.selectedOptionIds", problem)
        if answer.text is not None and len(answer.text) > MAX_TEXT:
            problems.setdefault(f"{field}.text", f"at most {MAX_TEXT} characters")
    if problems:
        raise BadUserInput(problems)
    return answers


def _option_problem(answer: GivenAnswer, options: set[str]) -> str | None:
    """Stored answers hold only the question's own options, each once (they are shown
    back in results and reports, so a made-up or foreign id must not get in)."""
    question = quizzes.global_id("Question", answer.question_id)
    chosen: set[str] = set()
    for position, option_id in enumerate(answer.selected):
        if option_id not in options:
            return f"item {position + 1} is not an option of question {question}"
        if option_id in chosen:
            return f"item {position + 1} repeats an option of question {question}"
        chosen.add(option_id)
    return None


async def _store_answers(
    sc: ServiceContext, attempt: Attempt, answers: list[GivenAnswer], now: datetime
) -> None:
    stored = {
        row.question_id: row
        for row in await repository.answers_of(sc.db, [attempt.id], attempt.org_id)
    }
    for answer in answers:
        row = stored.get(answer.question_id) or AttemptAnswer(
            org_id=attempt.org_id, attempt_id=attempt.id, question_id=answer.question_id
        )
        row.selected = list(dict.fromkeys(answer.selected))
        row.text = answer.text
        row.number = answer.number
        row.answered_at = now
        sc.db.add(row)
    await sc.db.flush()


def _close(
    attempt: Attempt, result: AttemptScore, status: AttemptStatus, closed_at: datetime
) -> None:
    attempt.status, attempt.closed_at = status, closed_at
    attempt.score, attempt.max_score = result.points, result.max_points
    attempt.percentage, attempt.passed = result.grade.percentage, result.grade.passed


async def _finish(
    sc: ServiceContext,
    attempt: Attempt,
    quiz: Quiz,
    questions: list[Question],
    status: AttemptStatus,
    closed_at: datetime,
) -> None:
    options = await quizzes.options_of(sc, quiz)
    answers = await repository.answers_of(sc.db, [attempt.id], attempt.org_id)
    result = score_answers(questions, options, answers, quiz.pass_mark_percent)
    _close(attempt, result, status, closed_at)
    sc.db.add(attempt)
    sc.db.add_all(answers)
    await sc.db.flush()
    assert attempt.score is not None and attempt.closed_at is not None
    await leaderboards.record_result(
        sc,
        leaderboards.ClosedAttempt(
            attempt_id=attempt.id,
            org_id=attempt.org_id,
            quiz_id=attempt.quiz_id,
            member_id=attempt.member_id,
            score=attempt.score,
            started_at=attempt.started_at,
            closed_at=attempt.closed_at,
        ),
    )
    await tournaments.record_result(
        sc,
        tournaments.RoundResult(
            org_id=attempt.org_id,
            quiz_id=attempt.quiz_id,
            member_id=attempt.member_id,
            score=attempt.score,
            started_at=attempt.started_at,
            closed_at=attempt.closed_at,
            deadline=attempt.deadline,
        ),
    )
    await analytics.record_attempt(
        sc,
        analytics.ScoredAttempt(
            attempt_id=attempt.id,
            org_id=attempt.org_id,
            quiz_id=attempt.quiz_id,
            member_id=attempt.member_id,
            number=attempt.number,
            submitted=status is AttemptStatus.SUBMITTED,
            started_at=attempt.started_at,
            closed_at=attempt.closed_at,
            score=attempt.score,
            percentage=attempt.percentage,
            passed=attempt.passed,
            answers=tuple(
                analytics.ScoredAnswer(a.question_id, a.points, tuple(a.selected)) for a in answers
            ),
        ),
    )
    action = "attempt.submitted" if status is AttemptStatus.SUBMITTED else "attempt.expired"
    await audit.record(
        sc,
        action,
        target_type="Attempt",
        target_id=attempt.id,
        org_id=attempt.org_id,
        details={
            "quizId": str(quiz.id),
            "memberId": str(attempt.member_id),
            "score": attempt.score,
            "maxScore": attempt.max_score,
        },
    )
    data = {
        "attemptId": quizzes.global_id("Attempt", attempt.id),
        "quizId": quizzes.global_id("Quiz", quiz.id),
        "memberId": quizzes.global_id("Member", attempt.member_id),
        "status": status.value,
        "score": attempt.score,
        "maxScore": attempt.max_score,
        "percentage": attempt.percentage,
        "passed": attempt.passed,
    }
    sc.events.append(Event(QUIZ_COMPLETED, attempt.org_id, data))
    sc.events.append(Event(USER_SCORED, attempt.org_id, dict(data)))
    # A pass of a quiz that issues certificates earns one (once per member), here, in
    # the transaction that closed the attempt.
    await certificates.issue_on_pass(
        sc,
        certificates.ClosedQuizAttempt(
            org_id=attempt.org_id,
            quiz_id=quiz.id,
            quiz_title=quiz.title,
            certificate_on_pass=quiz.certificate_on_pass,
            attempt_id=attempt.id,
            member_id=attempt.member_id,
            passed=attempt.passed,
            score=attempt.score,
            max_score=attempt.max_score,
            percentage=attempt.percentage,
        ),
    )
