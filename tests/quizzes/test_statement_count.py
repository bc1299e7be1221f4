"""Listing quizzes with their questions, options and creators costs a fixed number of SQL
statements, whatever the number of quizzes: every relation goes through a DataLoader."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import event

from app.access.actor import member_actor
from app.access.request import RequestMeta, ServiceContext
from app.access.scopes import Role
from app.core.db import get_engine, unit_of_work
from app.quizzes import service
from app.quizzes.drafts import OptionDraft, QuestionDraft, QuestionKind, QuizDraft
from tests.support.client import ApiClient
from tests.support.factories import OrgFixture
from tests.support.fixture_types import SignIn

LIST = """query($slug: String!) { organization(slug: $slug) { quizzes(first: 100) {
  totalCount edges { node { title createdBy { username }
    questions(first: 3) { prompt options { text } }
    questionsWithAnswers(first: 3) { explanation options { text correct } } } } } } }"""


@contextmanager
def counting() -> Iterator[list[str]]:
    statements: list[str] = []

    def record(_conn: object, _cursor: object, statement: str, *_args: object) -> None:
        statements.append(statement)

    engine = get_engine().sync_engine
    event.listen(engine, "before_cursor_execute", record)
    try:
        yield statements
    finally:
        event.remove(engine, "before_cursor_execute", record)


async def add_quizzes(org: OrgFixture, count: int) -> None:
    teacher = org.account("teacher")
    questions = tuple(
        QuestionDraft(
            QuestionKind.SINGLE_CHOICE,
            f"Q{n}",
            options=(OptionDraft("a", True), OptionDraft("b"), OptionDraft("c")),
        )
        for n in range(3)
    )
    async with unit_of_work() as db:
        actor = member_actor(
            org_id=org.id, member_id=teacher.id, role=Role.TEACHER, username=teacher.username
        )
        sc = ServiceContext(db, actor, RequestMeta())
        for n in range(count):
            await service.create_quiz(sc, org.id, QuizDraft(title=f"Quiz {n}", questions=questions))


async def statements_to_list(client: ApiClient, org: OrgFixture, expected: int) -> list[str]:
    with counting() as statements:
        result = await client.gql(LIST, {"slug": org.slug})
    edges = result.ok()["organization"]["quizzes"]["edges"]
    assert len(edges) == expected
    assert all(len(e["node"]["questions"]) == 3 for e in edges)
    assert all(e["node"]["createdBy"]["username"] == "teacher" for e in edges)
    return statements


async def test_listing_costs_the_same_statements_for_5_or_100_quizzes(
    org: OrgFixture, signed_in: SignIn
) -> None:
    # given a teacher and 5 quizzes of 3 questions of 3 options
    teacher = await signed_in(org, "teacher")
    await add_quizzes(org, 5)
    few = await statements_to_list(teacher, org, 5)
    # when there are 100 of them
    await add_quizzes(org, 95)
    many = await statements_to_list(teacher, org, 100)
    # then the same small number of statements lists them all
    assert len(many) == len(few)
    assert len(many) <= 10, many
