"""Authoring quizzes through the API: create, update, publish, archive, duplicate, lock."""

from __future__ import annotations

from app.events.bus import Event
from tests.quizzes.api import (
    ARCHIVE,
    CREATE,
    DUPLICATE,
    PUBLISH,
    QUIZZES,
    START,
    UPDATE,
    create_quiz,
    option,
    published_quiz,
    quiz_input,
    sample_questions,
)
from tests.support.factories import OrgFixture
from tests.support.fixture_types import SignIn

AUDIT = """query($slug: String!, $action: String) { organization(slug: $slug) {
  auditLog(action: $action) { edges { node { action targetType details } } } } }"""


async def test_creating_a_quiz_stores_every_kind_of_question(
    org: OrgFixture, signed_in: SignIn, events: list[Event]
) -> None:
    # given a teacher
    teacher = await signed_in(org, "teacher")
    # when they create a quiz with one question of each kind
    result = await teacher.gql(
        CREATE,
        quiz_input(
            timeLimitSeconds=600, attemptsAllowed=2, passMarkPercent=50, shuffleOptions=True
        ),
    )
    # then it is a draft with its questions, settings and answers, in order
    quiz = result.ok()["createQuiz"]["quiz"]
    assert quiz["status"] == "DRAFT"
    assert (quiz["timeLimitSeconds"], quiz["attemptsAllowed"], quiz["passMarkPercent"]) == (
        600,
        2,
        50,
    )
    assert quiz["questionCount"] == 5 and quiz["maxPoints"] == 6
    kinds = [q["kind"] for q in quiz["questionsWithAnswers"]]
    assert kinds == ["SINGLE_CHOICE", "MULTIPLE_CHOICE", "TRUE_FALSE", "SHORT_ANSWER", "NUMERIC"]
    first = quiz["questionsWithAnswers"][0]
    assert [(o["text"], o["correct"]) for o in first["options"]] == [
        ("Berlin", False),
        ("Paris", True),
        ("Madrid", False),
    ]
    # and the change is audited and announced after the commit
    audit = await (await signed_in(org, "owner")).gql(
        AUDIT, {"slug": org.slug, "action": "quiz.created"}
    )
    assert len(audit.ok()["organization"]["auditLog"]["edges"]) == 1
    assert [e.name for e in events] == ["quiz.created"]
    assert events[0].data["quizId"] == quiz["id"] and events[0].org_id == org.id


async def test_invalid_input_names_each_field_and_stores_nothing(
    org: OrgFixture, signed_in: SignIn, events: list[Event]
) -> None:
    teacher = await signed_in(org, "teacher")
    questions = sample_questions()
    questions[1]["points"] = -1
    result = await teacher.gql(
        CREATE, quiz_input(title=" ", questions=questions, passMarkPercent=120)
    )
    assert result.code == "BAD_USER_INPUT"
    fields = result.errors[0]["extensions"]["fields"]
    assert set(fields) == {"title", "passMarkPercent", "questions[1].points"}
    listed = await teacher.gql(QUIZZES, {"slug": org.slug})
    assert listed.ok()["organization"]["quizzes"]["totalCount"] == 0
    assert events == []


async def test_update_changes_settings_and_replaces_questions(
    org: OrgFixture, signed_in: SignIn
) -> None:
    teacher = await signed_in(org, "teacher")
    quiz = await create_quiz(teacher)
    result = await teacher.gql(
        UPDATE,
        {
            "input": {
                "id": quiz["id"],
                "title": "Renamed",
                "timeLimitSeconds": None,
                "questions": [
                    {
                        "kind": "TRUE_FALSE",
                        "prompt": "Only one",
                        "options": [option("True"), option("False", True)],
                    }
                ],
            }
        },
    )
    updated = result.ok()["updateQuiz"]["quiz"]
    assert updated["title"] == "Renamed" and updated["version"] == 2
    assert updated["questions"] == [{"prompt": "Only one"}]
    assert updated["questionCount"] == 1 and updated["maxPoints"] == 1
    # fields left out stay as they were
    assert updated["description"] is None and updated["shuffleQuestions"] is False


async def test_publishing_refuses_a_quiz_without_questions_or_right_answers(
    org: OrgFixture, signed_in: SignIn
) -> None:
    teacher = await signed_in(org, "teacher")
    empty = await create_quiz(teacher, questions=[])
    result = await teacher.gql(PUBLISH, {"id": empty["id"]})
    assert result.code == "CONFLICT"
    assert "The quiz has no questions" in result.errors[0]["message"]

    questions = sample_questions()
    questions[0]["options"] = [option("Berlin"), option("Paris")]
    unanswerable = await create_quiz(teacher, questions=questions)
    result = await teacher.gql(PUBLISH, {"id": unanswerable["id"]})
    assert result.code == "CONFLICT"
    assert result.errors[0]["extensions"]["problems"] == ["Question 1 has no correct answer"]


async def test_publish_then_archive(org: OrgFixture, signed_in: SignIn) -> None:
    teacher = await signed_in(org, "teacher")
    quiz = await create_quiz(teacher)
    assert (await teacher.gql(PUBLISH, {"id": quiz["id"]})).ok()["publishQuiz"]["quiz"][
        "status"
    ] == "PUBLISHED"
    assert (await teacher.gql(ARCHIVE, {"id": quiz["id"]})).ok()["archiveQuiz"]["quiz"][
        "status"
    ] == "ARCHIVED"
    again = await teacher.gql(PUBLISH, {"id": quiz["id"]})
    assert again.code == "CONFLICT"
    changed = await teacher.gql(UPDATE, {"input": {"id": quiz["id"], "title": "x"}})
    assert changed.code == "CONFLICT"


async def test_questions_lock_once_attempted_and_a_copy_is_editable(
    org: OrgFixture, signed_in: SignIn
) -> None:
    # given a published quiz a student has started
    teacher, student = await signed_in(org, "teacher"), await signed_in(org, "student")
    quiz = await published_quiz(teacher)
    (await student.gql(START, {"quizId": quiz["id"]})).ok()
    # when the teacher changes its questions
    new_questions = [
        {"kind": "TRUE_FALSE", "prompt": "New", "options": [option("True", True), option("False")]}
    ]
    result = await teacher.gql(UPDATE, {"input": {"id": quiz["id"], "questions": new_questions}})
    # then it is refused with a clear message offering a copy
    assert result.code == "CONFLICT"
    assert "duplicateQuiz" in result.errors[0]["message"]
    assert result.errors[0]["extensions"]["reason"] == "QUIZ_LOCKED"
    # but the title may still change
    assert (await teacher.gql(UPDATE, {"input": {"id": quiz["id"], "title": "T2"}})).ok()
    # and a copy is an editable draft with the same questions
    copy = (await teacher.gql(DUPLICATE, {"id": quiz["id"]})).ok()["duplicateQuiz"]["quiz"]
    assert copy["status"] == "DRAFT" and copy["title"] == "Copy of T2"
    assert len(copy["questions"]) == 5
    edited = await teacher.gql(UPDATE, {"input": {"id": copy["id"], "questions": new_questions}})
    assert edited.ok()["updateQuiz"]["quiz"]["questions"] == [{"prompt": "New"}]


async def test_listing_filters_by_status_and_title_and_pages(
    org: OrgFixture, signed_in: SignIn
) -> None:
    teacher = await signed_in(org, "teacher")
    for title in ["Algebra 1", "Algebra 2", "Biology", "100% sure_thing"]:
        await create_quiz(teacher, title=title)
    biology = await teacher.gql(QUIZZES, {"slug": org.slug, "search": "BIO"})
    assert [e["node"]["title"] for e in biology.ok()["organization"]["quizzes"]["edges"]] == [
        "Biology"
    ]
    literal = await teacher.gql(QUIZZES, {"slug": org.slug, "search": "0% s"})
    assert literal.ok()["organization"]["quizzes"]["totalCount"] == 1
    wildcard = await teacher.gql(QUIZZES, {"slug": org.slug, "search": "%"})
    assert wildcard.ok()["organization"]["quizzes"]["totalCount"] == 1
    page = (await teacher.gql(QUIZZES, {"slug": org.slug, "first": 3})).ok()["organization"][
        "quizzes"
    ]
    assert page["totalCount"] == 4 and page["pageInfo"]["hasNextPage"]
    rest = await teacher.gql(
        QUIZZES, {"slug": org.slug, "first": 3, "after": page["pageInfo"]["endCursor"]}
    )
    assert len(rest.ok()["organization"]["quizzes"]["edges"]) == 1
    drafts = await teacher.gql(QUIZZES, {"slug": org.slug, "status": "PUBLISHED"})
    assert drafts.ok()["organization"]["quizzes"]["totalCount"] == 0
