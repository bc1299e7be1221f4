"""Load the demo org through the services, as its members would have made it.

The org, its members and its quizzes are made with the clock set back ``HISTORY_DAYS``
days; then the clock walks forward through the students' attempts (each started and
submitted through ``app.attempts.service`` as that student, in its own transaction), so
the audit log, the leaderboards' daily bests and window standings hold what the API
would have written, in time order, and the 7- and 30-day boards differ from all time.

Loading again adds only what is missing (members, then the quizzes and their history
when the org has none), so ``make run`` can run it every time.
"""

from __future__ import annotations

import contextlib
import json
import random
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from app.access.actor import ANONYMOUS, Actor, member_actor
from app.access.request import RequestMeta, ServiceContext
from app.attempts import service as attempts
from app.attempts.service import GivenAnswer
from app.core import clock as clock_module
from app.core.clock import FrozenClock, set_clock, utcnow
from app.core.db import unit_of_work
from app.demo.content import (
    AUTHOR,
    DEMO_NAME,
    DEMO_SLUG,
    DRAFT,
    HISTORY_DAYS,
    MEMBERS,
    OWNER,
    PUBLISHED,
    SEED,
    STUDENTS,
    DemoMember,
)
from app.members import service as members
from app.orgs import service as orgs
from app.orgs.service import generate_password
from app.quizzes import service as quizzes
from app.quizzes.drafts import QuestionKind

META = RequestMeta(request_id="demo", ip=None, user_agent="quizgraph-cli")


@dataclass
class DemoLoad:
    """What one load added, and the credentials known for the org (None when they were
    not saved: an org loaded before, whose credentials file was removed)."""

    credentials: dict[str, Any] | None
    added: list[str] = field(default_factory=list)


async def load_demo(cli: Actor, base_url: str, credentials_file: Path) -> DemoLoad:
    """Create or complete the demo org; ``cli`` is the command line's platform actor."""
    now = utcnow()
    load = DemoLoad(credentials=_read(credentials_file))
    with _clock_at(now - timedelta(days=HISTORY_DAYS, hours=2)) as clock:
        org_id, made = await _org_and_members(cli, base_url, load)
        if made:
            _save_private(credentials_file, load.credentials or {})
        clock.advance(minutes=30)
        history = await _quizzes_and_history(org_id, now, clock)
        if history:
            load.added.append(history)
    return load


async def _org_and_members(cli: Actor, base_url: str, load: DemoLoad) -> tuple[uuid.UUID, bool]:
    async with unit_of_work() as db:
        sc = ServiceContext(db=db, actor=cli, meta=META)
        org = await orgs.find_by_slug(sc, DEMO_SLUG)
        made = org is None
        if org is None:
            created = await orgs.create_org(
                sc,
                slug=DEMO_SLUG,
                name=DEMO_NAME,
                owner_username=OWNER[0],
                owner_display_name=OWNER[1],
            )
            org = created.org
            org.tagline = "Learning, measured."
            org.primary_color = "#1d4ed8"
            load.added.append(f"the org {DEMO_SLUG}")
            load.credentials = {
                "slug": DEMO_SLUG,
                "portalCode": created.portal_code,
                "loginUrl": f"{base_url}/org/{DEMO_SLUG}/portal/{created.portal_code}/login",
                "members": [
                    {"role": "OWNER", "username": OWNER[0], "password": created.owner_password}
                ],
            }
        added: list[str] = []
        for member in MEMBERS:
            if await members.find_for_login(sc, org.id, member.username) is not None:
                continue
            password = generate_password()
            await members.add_member(
                sc,
                org.id,
                username=member.username,
                display_name=member.display_name,
                role=member.role,
                password=password,
            )
            added.append(member.username)
            if load.credentials is not None:
                load.credentials["members"].append(
                    {"role": member.role.value, "username": member.username, "password": password}
                )
        if added and not made:
            load.added.append("members " + ", ".join(added))
        return org.id, made or bool(added)


async def _quizzes_and_history(org_id: uuid.UUID, now: datetime, clock: FrozenClock) -> str:
    """The quizzes, written and published by the teacher, and the students' attempts;
    nothing when the org already has quizzes. Says what it added."""
    async with unit_of_work() as db:
        teacher = await _actor(db, org_id, AUTHOR)
        sc = ServiceContext(db=db, actor=teacher, meta=META)
        listed = quizzes.listing(sc, org_id).subquery()
        if (await db.execute(select(func.count()).select_from(listed))).scalar_one():
            return ""
        quiz_ids = []
        for draft in PUBLISHED:
            quiz = await quizzes.create_quiz(sc, org_id, draft)
            await quizzes.publish_quiz(sc, quiz.id)
            quiz_ids.append(quiz.id)
        await quizzes.create_quiz(sc, org_id, DRAFT)
        keys = {quiz_id: await _answer_key(sc, quiz_id) for quiz_id in quiz_ids}
    plan = _plan(quiz_ids, now)
    for when, student, quiz_id, number, seconds in plan:
        clock.advance(seconds=max(0.0, (when - utcnow()).total_seconds()))
        await _take(org_id, student, quiz_id, keys[quiz_id], number, seconds, clock)
    return f"{len(PUBLISHED)} published quizzes, 1 draft and {len(plan)} attempts"


# question id → (kind, the right answer, the wrong options to pick from)
AnswerKey = list[tuple[uuid.UUID, QuestionKind, Any, list[str]]]


async def _answer_key(sc: ServiceContext, quiz_id: uuid.UUID) -> AnswerKey:
    quiz = await quizzes.get_readable(sc, quiz_id)
    questions = await quizzes.questions_of(sc, quiz)
    options = await quizzes.option_views(sc, quiz, questions)
    key: AnswerKey = []
    for question in questions:
        own = [option for option in options if option.question_id == question.id]
        right: Any = [str(option.id) for option in own if option.correct]
        wrong = [str(option.id) for option in own if not option.correct]
        if question.kind is QuestionKind.SHORT_ANSWER:
            right = question.accepted_answers[0]
        elif question.kind is QuestionKind.NUMERIC:
            right = question.numeric_value
        key.append((question.id, question.kind, right, wrong))
    return key


def _plan(
    quiz_ids: list[uuid.UUID], now: datetime
) -> list[tuple[datetime, DemoMember, uuid.UUID, int, float]]:
    """(when, who, which quiz, their attempt number, seconds taken), oldest first: each
    student takes each quiz once to three times, a third of them in the last week."""
    rng = random.Random(SEED)
    plan = []
    for student in STUDENTS:
        for quiz_id in quiz_ids:
            count = rng.choice((1, 2, 2, 3))
            days = sorted((_days_ago(rng) for _ in range(count)), reverse=True)
            for number, days_ago in enumerate(days, start=1):
                hour = timedelta(hours=rng.randint(8, 17), minutes=rng.randint(0, 59))
                day = (now - timedelta(days=days_ago)).replace(hour=0, minute=0, second=0)
                when = min(day + hour, now - timedelta(minutes=rng.randint(20, 90)))
                plan.append((when, student, quiz_id, number, float(rng.randint(75, 540))))
    plan.sort(key=lambda item: item[0])
    return plan


def _days_ago(rng: random.Random) -> int:
    bucket = rng.random()
    if bucket < 0.35:
        return rng.randint(0, 6)
    if bucket < 0.8:
        return rng.randint(7, 29)
    return rng.randint(30, HISTORY_DAYS - 1)


async def _take(
    org_id: uuid.UUID,
    student: DemoMember,
    quiz_id: uuid.UUID,
    key: AnswerKey,
    number: int,
    seconds: float,
    clock: FrozenClock,
) -> None:
    """One attempt, started now and submitted ``seconds`` later, as the student."""
    rng = random.Random(f"{SEED}:{student.username}:{quiz_id}:{number}")
    skill = min(0.98, student.skill + 0.1 * (number - 1))
    async with unit_of_work() as db:
        actor = await _actor(db, org_id, student.username)
        sc = ServiceContext(db=db, actor=actor, meta=META)
        attempt = await attempts.start_attempt(sc, quiz_id)
        answers = [
            _answer(question_id, kind, right, wrong, rng.random() < skill, rng)
            for question_id, kind, right, wrong in key
            if rng.random() > 0.04  # now and then a question is left out
        ]
        clock.advance(seconds=seconds)
        await attempts.submit_attempt(sc, attempt.id, answers)


def _answer(
    question_id: uuid.UUID,
    kind: QuestionKind,
    right: Any,
    wrong: list[str],
    correct: bool,
    rng: random.Random,
) -> GivenAnswer:
    if kind is QuestionKind.SHORT_ANSWER:
        return GivenAnswer(question_id, text=right if correct else "not sure")
    if kind is QuestionKind.NUMERIC:
        return GivenAnswer(question_id, number=right if correct else float(right) * 2 + 1)
    if correct:
        return GivenAnswer(question_id, selected=tuple(right))
    if kind is QuestionKind.MULTIPLE_CHOICE:
        return GivenAnswer(question_id, selected=(*right[1:], rng.choice(wrong)))
    return GivenAnswer(question_id, selected=(rng.choice(wrong),))


async def _actor(db: Any, org_id: uuid.UUID, username: str) -> Actor:
    """The member signed in, as a session would make them."""
    member = await members.find_for_login(
        ServiceContext(db=db, actor=ANONYMOUS, meta=META), org_id, username
    )
    assert member is not None, username
    return member_actor(org_id=org_id, member_id=member.id, role=member.role, username=username)


@contextlib.contextmanager
def _clock_at(start: datetime) -> Iterator[FrozenClock]:
    """The app's clock frozen at ``start`` (moved by the loader), then put back."""
    previous = clock_module.clock
    frozen = FrozenClock(start)
    set_clock(frozen)
    try:
        yield frozen
    finally:
        set_clock(previous)


def _read(path: Path) -> dict[str, Any] | None:
    try:
        saved = json.loads(path.read_text())
    except (OSError, ValueError):
        return None
    return saved if isinstance(saved, dict) and saved.get("slug") == DEMO_SLUG else None


def _save_private(path: Path, data: dict[str, Any]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.touch(mode=0o600, exist_ok=True)
    path.write_text(json.dumps(data, indent=2))
