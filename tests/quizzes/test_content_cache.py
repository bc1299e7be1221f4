"""A quiz's questions and options are cached in process by (quiz id, version), whatever
its status, and cached content is never served after a change to that quiz: not in the
process that made the change, and not in another server process that had it cached.
Concurrent misses of one version are read once."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import AsyncIterator
from typing import Any

import pytest
from strawberry import relay

from app.access.actor import member_actor
from app.access.request import RequestMeta, ServiceContext
from app.access.scopes import Role
from app.core.db import unit_of_work
from app.quizzes import loaders, service
from app.quizzes.content import (
    ContentCache,
    ContentKey,
    LoadedContent,
    OptionValue,
    QuestionValue,
    content_cache,
)
from app.quizzes.drafts import OptionDraft, QuestionDraft, QuestionKind
from app.quizzes.service import QuizChanges
from tests.quizzes.api import ARCHIVE, PUBLISH, UPDATE, published_quiz
from tests.quizzes.test_statement_count import counting
from tests.support.client import ApiClient
from tests.support.databases import postgres_database
from tests.support.factories import OrgFixture
from tests.support.fixture_types import SignIn
from tests.support.servers import Deployment, deployment

LIST = """query($slug: String!) { organization(slug: $slug) { quizzes(first: 20) {
  edges { node { id title version questions(first: 10) { prompt options { text } } } } } } }"""
NODE = """query($id: ID!) { node(id: $id) { ... on Quiz { version
  questions { prompt options { text } } } } }"""
AUTHORED = """query($id: ID!) { node(id: $id) { ... on Quiz {
  questionsWithAnswers { prompt options { text correct } } } } }"""
CREATE = """mutation($input: CreateQuizInput!) { createQuiz(input: $input) { quiz { id } } }"""


def choice(prompt: str, *texts: str) -> dict[str, Any]:
    """A single choice question whose first option is right."""
    options = [{"text": text, "correct": n == 0} for n, text in enumerate(texts)]
    return {"kind": "SINGLE_CHOICE", "prompt": prompt, "options": options}


def shown(listing: dict[str, Any], quiz_id: str) -> list[tuple[str, list[str]]]:
    """The quiz's questions (prompt, option texts) as the list shows them."""
    for edge in listing["organization"]["quizzes"]["edges"]:
        if edge["node"]["id"] == quiz_id:
            return [
                (q["prompt"], [o["text"] for o in q["options"]]) for q in edge["node"]["questions"]
            ]
    raise AssertionError(f"{quiz_id} is not listed")


def reads_content(statement: str) -> bool:
    return "quiz_questions" in statement


def row_id(global_id: str) -> uuid.UUID:
    return uuid.UUID(relay.GlobalID.from_id(global_id).node_id)


def as_shown(quiz: dict[str, Any]) -> list[tuple[str, list[str]]]:
    return [(q["prompt"], [o["text"] for o in q["options"]]) for q in quiz["questions"]]


async def edit(teacher: ApiClient, quiz_id: str, *questions: dict[str, Any]) -> int:
    variables = {"input": {"id": quiz_id, "questions": list(questions)}}
    version: int = (await teacher.gql(UPDATE, variables)).ok()["updateQuiz"]["quiz"]["version"]
    return version


# The cache on its own


def content(version: int, *prompts: str) -> LoadedContent:
    questions = tuple(
        QuestionValue(
            row_id=uuid.uuid4(),
            number=n + 1,
            kind=QuestionKind.SINGLE_CHOICE,
            prompt=prompt,
            points=1.0,
            explanation=None,
            accepted_answers=(),
            numeric_value=None,
            numeric_tolerance=0.0,
            options=(OptionValue(uuid.uuid4(), "a", True), OptionValue(uuid.uuid4(), "b", False)),
        )
        for n, prompt in enumerate(prompts)
    )
    return LoadedContent(version, questions)


def test_a_lookup_finds_only_the_version_stored() -> None:
    cache, quiz = ContentCache(), uuid.uuid4()
    cache.put(quiz, content(3, "v3"))
    found = cache.get(quiz, 3)
    assert found is not None and found[0].prompt == "v3"
    assert cache.get(quiz, 2) is None
    assert cache.get(quiz, 4) is None


def test_a_newer_version_replaces_the_entry_and_an_older_one_does_not() -> None:
    cache, quiz = ContentCache(), uuid.uuid4()
    cache.put(quiz, content(3, "v3"))
    cache.put(quiz, content(4, "v4"))
    cache.put(quiz, content(2, "v2"))  # a request still holding an older row
    assert cache.get(quiz, 3) is None and cache.get(quiz, 2) is None
    found = cache.get(quiz, 4)
    assert found is not None and found[0].prompt == "v4"
    assert len(cache) == 1 and cache.weight == 1 + 3


def test_the_least_recently_used_quizzes_leave_first_when_full() -> None:
    # given room for three quizzes of one question of two options (1 + 1 + 2 each)
    cache = ContentCache(max_values=12)
    first, second, third, fourth = (uuid.uuid4() for _ in range(4))
    for quiz in (first, second, third):
        cache.put(quiz, content(1, "q"))
    assert cache.get(first, 1) is not None  # first is now the most recently used
    # when a fourth arrives
    cache.put(fourth, content(1, "q"))
    # then the least recently used one (second) made room
    assert cache.get(second, 1) is None
    assert all(cache.get(quiz, 1) is not None for quiz in (first, third, fourth))
    assert cache.weight == 12
    # and content larger than the whole cache is not kept at all
    cache.put(uuid.uuid4(), content(1, *("q" for _ in range(5))))
    assert len(cache) == 3


def test_forget_drops_the_quiz() -> None:
    cache, quiz = ContentCache(), uuid.uuid4()
    cache.put(quiz, content(1, "q"))
    cache.forget(quiz)
    cache.forget(quiz)
    assert cache.get(quiz, 1) is None and cache.weight == 0


def test_global_ids_are_encoded_once_and_as_before() -> None:
    option = OptionValue(uuid.UUID(int=7), "a", True)
    assert option.id == "T3B0aW9uOjAwMDAwMDAwLTAwMDAtMDAwMC0wMDAwLTAwMDAwMDAwMDAwNw=="
    assert option.id is option.id


# Through the API, in one process


async def test_an_edit_is_visible_on_the_very_next_read(org: OrgFixture, signed_in: SignIn) -> None:
    # given a published quiz whose content a student's list has put in the cache
    teacher = await signed_in(org, "teacher")
    student = await signed_in(org, "student")
    quiz = await published_quiz(teacher, questions=[choice("Old prompt", "old right", "old wrong")])
    first = (await student.gql(LIST, {"slug": org.slug})).ok()
    assert shown(first, quiz["id"]) == [("Old prompt", ["old right", "old wrong"])]
    with counting() as warm:
        assert (await student.gql(LIST, {"slug": org.slug})).ok() == first
    with counting() as cold:
        content_cache.forget(row_id(quiz["id"]))
        assert (await student.gql(LIST, {"slug": org.slug})).ok() == first
    # the warm read took its content from the cache, the cold one from the database
    assert [reads_content(statement) for statement in warm].count(True) == 0
    assert [reads_content(statement) for statement in cold].count(True) == 1
    # when the teacher edits it (a new version)
    version = await edit(
        teacher, quiz["id"], choice("New prompt", "new right", "x", "y"), choice("Added", "z", "zz")
    )
    assert version == quiz["version"] + 1
    # then the student's next list, node read and the teacher's answers show the new content
    listing = (await student.gql(LIST, {"slug": org.slug})).ok()
    expected = [("New prompt", ["new right", "x", "y"]), ("Added", ["z", "zz"])]
    assert shown(listing, quiz["id"]) == expected
    node = (await student.gql(NODE, {"id": quiz["id"]})).ok()["node"]
    assert node["version"] == version and as_shown(node) == expected
    authored = (await teacher.gql(AUTHORED, {"id": quiz["id"]})).ok()["node"]
    assert [o["correct"] for o in authored["questionsWithAnswers"][0]["options"]] == [
        True,
        False,
        False,
    ]
    # and so does a second edit, read again at once
    await edit(teacher, quiz["id"], choice("Third", "c", "d"))
    assert shown((await student.gql(LIST, {"slug": org.slug})).ok(), quiz["id"]) == [
        ("Third", ["c", "d"])
    ]


async def test_a_draft_is_cached_by_version_and_its_edits_are_seen_at_once(
    org: OrgFixture, signed_in: SignIn
) -> None:
    # given a draft the teacher has listed twice
    teacher = await signed_in(org, "teacher")
    variables = {"input": {"title": "Draft", "questions": [choice("Draft 1", "a", "b")]}}
    quiz_id = (await teacher.gql(CREATE, variables)).ok()["createQuiz"]["quiz"]["id"]
    assert shown((await teacher.gql(LIST, {"slug": org.slug})).ok(), quiz_id) == [
        ("Draft 1", ["a", "b"])
    ]
    assert content_cache.get(row_id(quiz_id), 1) is not None
    with counting() as warm:
        listing = (await teacher.gql(LIST, {"slug": org.slug})).ok()
    assert shown(listing, quiz_id) == [("Draft 1", ["a", "b"])]
    assert not any(reads_content(statement) for statement in warm)
    # when the teacher edits it (the mutation's answer reads the new questions)
    assert await edit(teacher, quiz_id, choice("Draft 2", "c", "d")) == 2
    # then what the mutation read was not stored (its transaction could have rolled back)
    assert content_cache.get(row_id(quiz_id), 2) is None
    # and the next list shows the new content, which a query stores
    assert shown((await teacher.gql(LIST, {"slug": org.slug})).ok(), quiz_id) == [
        ("Draft 2", ["c", "d"])
    ]
    assert content_cache.get(row_id(quiz_id), 2) is not None
    # and publishing and archiving (no new version) keep showing it
    (await teacher.gql(PUBLISH, {"id": quiz_id})).ok()
    (await teacher.gql(ARCHIVE, {"id": quiz_id})).ok()
    node = (await teacher.gql(NODE, {"id": quiz_id})).ok()["node"]
    assert node["version"] == 2 and as_shown(node) == [("Draft 2", ["c", "d"])]


async def test_content_read_at_a_newer_version_is_kept_under_that_version(
    org: OrgFixture, signed_in: SignIn
) -> None:
    # given a request that read a published quiz at version 1 ...
    teacher = await signed_in(org, "teacher")
    quiz = await published_quiz(teacher, questions=[choice("One", "a", "b")])
    quiz_id = row_id(quiz["id"])
    held = ContentKey(quiz_id, quiz["version"])
    # ... when an edit commits before it loads the content
    account = org.account("teacher")
    actor = member_actor(
        org_id=org.id, member_id=account.id, role=Role.TEACHER, username=account.username
    )
    async with unit_of_work() as db:
        draft = QuestionDraft(
            QuestionKind.SINGLE_CHOICE, "Two", options=(OptionDraft("b", True), OptionDraft("c"))
        )
        sc = ServiceContext(db, actor, RequestMeta())
        await service.update_quiz(sc, quiz_id, QuizChanges(questions=(draft,)))
    async with unit_of_work() as db:
        found = await loaders.load_contents(db, [held], tenant=org.id)
    # then it gets the content as committed now, cached under the version read with it
    assert [q.prompt for q in found[0]] == ["Two"]
    assert content_cache.get(quiz_id, held.version) is None
    cached = content_cache.get(quiz_id, held.version + 1)
    assert cached is not None and [q.prompt for q in cached] == ["Two"]


# Concurrent misses: one read


async def test_concurrent_misses_of_one_version_are_read_once(
    org: OrgFixture, signed_in: SignIn
) -> None:
    # given two published quizzes nobody has read yet
    teacher = await signed_in(org, "teacher")
    quizzes = [
        await published_quiz(teacher, questions=[choice(f"Quiz {n}", "a", "b")]) for n in (1, 2)
    ]
    keys = [ContentKey(row_id(q["id"]), q["version"]) for q in quizzes]
    content_cache.clear()

    async def read(keys: list[ContentKey]) -> list[list[str]]:
        async with unit_of_work() as db:
            found = await loaders.load_contents(db, keys, tenant=org.id)
        return [[q.prompt for q in questions] for questions in found]

    # when three requests miss both at the same time (each opens its own session first, so
    # which one reaches the cache first varies; asking for the same keys keeps the count
    # exact whichever it is)
    with counting() as statements:
        results = list(await asyncio.gather(read(keys), read(keys), read(keys)))
    # then the content was read once, and every request got it
    assert [reads_content(statement) for statement in statements].count(True) == 1
    assert results == [[["Quiz 1"], ["Quiz 2"]]] * 3
    assert not loaders._reading


async def test_a_waiter_reads_for_itself_when_the_shared_read_comes_to_nothing(
    org: OrgFixture, signed_in: SignIn
) -> None:
    # given a read of a quiz's version under way in another request ...
    teacher = await signed_in(org, "teacher")
    quiz = await published_quiz(teacher, questions=[choice("Mine", "a", "b")])
    key = ContentKey(row_id(quiz["id"]), quiz["version"])
    content_cache.clear()
    shared: asyncio.Future[Any] = asyncio.get_running_loop().create_future()
    loaders._reading[(key.quiz_id, key.version)] = shared
    try:
        async with unit_of_work() as db:
            with counting() as statements:
                waiter = asyncio.ensure_future(loaders.load_contents(db, [key], tenant=org.id))
                await asyncio.sleep(0)
                assert not waiter.done() and statements == []  # it waits, reads nothing
                # ... when that read fails (it answers None)
                shared.set_result(None)
                found = await waiter
    finally:
        loaders._reading.clear()
    # then the waiter read the content itself
    assert [q.prompt for q in found[0]] == ["Mine"]
    assert [reads_content(statement) for statement in statements].count(True) == 1


# Through the API, across two server processes


@pytest.fixture(scope="module")
async def servers() -> AsyncIterator[Deployment]:
    async with (
        postgres_database() as database_url,
        deployment(database_url, processes=2) as running,
    ):
        yield running


async def test_another_process_never_serves_its_cached_copy_after_an_edit(
    servers: Deployment,
) -> None:
    # given a published quiz, made on process 0 and cached by process 1's lists
    owner = await servers.signed_in("owner", index=0)
    await servers.add_student(owner, "student1")
    student = await servers.signed_in("student1", index=1)
    quiz = await published_quiz(owner, questions=[choice("Before", "old", "older")])
    for _ in range(2):
        listing = (await student.gql(LIST, {"slug": servers.slug})).ok()
        assert shown(listing, quiz["id"]) == [("Before", ["old", "older"])]
    # when process 0 edits it
    await edit(owner, quiz["id"], choice("After", "new", "newer"))
    # then process 1's very next reads show the new content
    listing = (await student.gql(LIST, {"slug": servers.slug})).ok()
    assert shown(listing, quiz["id"]) == [("After", ["new", "newer"])]
    node = (await student.gql(NODE, {"id": quiz["id"]})).ok()["node"]
    assert as_shown(node) == [("After", ["new", "newer"])]
