"""Quiz.statistics through the API: the figures of attempts taken with known answers,
checked against numpy on the points the attempts' own results report; and the rollups
kept with each submit equal a rebuild from the attempts."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from typing import Any

import numpy as np
import pytest
from starlette.applications import Starlette

from app.analytics import figures, repository, service
from app.core.db import unit_of_work
from tests.analytics.support import (
    ANSWER_SHEETS,
    STATISTICS,
    known_quiz,
    points_row,
    students,
    take,
)
from tests.support.client import ApiClient
from tests.support.factories import OrgFixture, cli_context, make_org


class Taken:
    def __init__(self, org: OrgFixture, teacher: ApiClient, quiz: dict[str, Any]) -> None:
        self.org, self.teacher, self.quiz = org, teacher, quiz
        self.matrix: list[list[float]] = []


@pytest.fixture
async def taken(app: Starlette) -> AsyncIterator[Taken]:
    org = await make_org()
    teacher = await org.signed_in(app, "teacher")
    quiz = await known_quiz(teacher, attemptsAllowed=2)
    clients = await students(org, app)
    result = Taken(org, teacher, quiz)
    for name, sheet in ANSWER_SHEETS.items():
        attempt = await take(clients[name], quiz, sheet)
        result.matrix.append(points_row(attempt, quiz))
    # a second attempt by amy (all right) counts only with firstAttemptsOnly: false
    await take(clients["amy"], quiz, [["a"], ["a", "c"], ["a"], ["a"]])
    yield result
    for client in [teacher, *clients.values()]:
        await client.close()


async def statistics(client: ApiClient, quiz_id: str, **variables: Any) -> dict[str, Any]:
    """The statistics once their item analysis is current: read, and if it was being
    computed, wait for that and read again."""
    stats = await read_statistics(client, quiz_id, **variables)
    if stats["itemAnalysisStatus"] != "READY":
        await service.item_analysis_ready()
        stats = await read_statistics(client, quiz_id, **variables)
    assert stats["itemAnalysisStatus"] == "READY"
    return stats


async def read_statistics(client: ApiClient, quiz_id: str, **variables: Any) -> dict[str, Any]:
    result = await client.gql(STATISTICS, {"id": quiz_id, **variables})
    stats: dict[str, Any] = result.ok()["node"]["statistics"]
    return stats


async def test_figures_match_numpy_on_the_attempts_points(taken: Taken) -> None:
    # given six students' first attempts with known answers
    matrix = np.array(taken.matrix)
    totals = matrix.sum(axis=1)
    # when the teacher reads the statistics (first attempts only, the default)
    stats = await statistics(taken.teacher, taken.quiz["id"])
    # then the counts and spreads are numpy's on the totals
    assert stats["attempts"] == 6 and stats["participants"] == 6
    assert stats["completionRate"] == 1.0
    assert stats["maxScore"] == 5.0
    assert stats["mean"] == pytest.approx(totals.mean())
    assert stats["median"] == pytest.approx(float(np.median(totals)))
    assert stats["standardDeviation"] == pytest.approx(float(np.std(totals, ddof=1)))
    assert stats["passRate"] == pytest.approx(float(np.mean(totals / 5 >= 0.5)))
    assert sum(b["attempts"] for b in stats["scoreDistribution"]) == 6
    # and the test statistics are the covariance form of alpha
    covariance = np.cov(matrix, rowvar=False)
    alpha = 4 / 3 * (1 - np.trace(covariance) / covariance.sum())
    assert stats["cronbachAlpha"] == pytest.approx(alpha)
    assert stats["standardError"] == pytest.approx(np.std(totals, ddof=1) * np.sqrt(1 - alpha))
    assert datetime.fromisoformat(stats["computedAt"]) <= datetime.now(UTC)
    # and each question's facility, SD and discrimination are numpy's on its column
    for index, question in enumerate(stats["questions"]):
        column, rest = matrix[:, index], totals - matrix[:, index]
        points = taken.quiz["questionsWithAnswers"][index]["points"]
        assert question["number"] == index + 1
        assert question["facilityIndex"] == pytest.approx(column.mean() / points)
        assert question["standardDeviation"] == pytest.approx(np.std(column, ddof=1))
        assert question["discriminationIndex"] == pytest.approx(np.corrcoef(column, rest)[0, 1])


async def test_distractors_count_each_pick_and_flags_explain(taken: Taken) -> None:
    stats = await statistics(taken.teacher, taken.quiz["id"])
    q1 = stats["questions"][0]
    # then Q1's picks are as the sheets chose: a by amy, ben, cat; b by dan, fay; c by erin
    assert [(o["text"], o["picks"], o["correct"]) for o in q1["options"]] == [
        ("a", 3, True),
        ("b", 2, False),
        ("c", 1, False),
    ]
    assert q1["options"][0]["share"] == pytest.approx(0.5)
    # and Q2 was answered by five (fay left it out)
    assert stats["questions"][1]["answered"] == 5
    # and Q4, right only for the weaker students, discriminates negatively, said in words
    q4 = stats["questions"][3]
    assert q4["discriminationIndex"] < 0
    assert "NEGATIVE_DISCRIMINATION" in q4["flags"]
    assert "answer key" in q4["flagReasons"][q4["flags"].index("NEGATIVE_DISCRIMINATION")]


async def test_all_attempts_and_a_day_range(taken: Taken) -> None:
    # when all attempts count, amy's second one is in
    every = await statistics(taken.teacher, taken.quiz["id"], first=False)
    assert every["attempts"] == 7 and every["participants"] == 6
    # and a range after today holds nothing, every figure null, never NaN
    tomorrow = (datetime.now(UTC) + timedelta(days=1)).date().isoformat()
    empty = await statistics(taken.teacher, taken.quiz["id"], since=tomorrow, first=False)
    assert empty["attempts"] == 0 and empty["participants"] == 0
    assert empty["mean"] is None and empty["cronbachAlpha"] is None
    assert all(q["facilityIndex"] is None for q in empty["questions"])
    # and a range that includes today holds them all
    today = datetime.now(UTC).date().isoformat()
    ranged = await statistics(
        taken.teacher, taken.quiz["id"], since=today, until=today, first=False
    )
    assert ranged["attempts"] == 7 and ranged["participants"] == 6
    # and since after until is refused
    result = await taken.teacher.gql(
        STATISTICS, {"id": taken.quiz["id"], "since": tomorrow, "until": today}
    )
    assert result.code == "BAD_USER_INPUT"


async def test_one_participant_leaves_the_spreads_null(app: Starlette) -> None:
    # given a quiz taken once
    org = await make_org()
    teacher = await org.signed_in(app, "teacher")
    student = await org.signed_in(app, "student")
    quiz = await known_quiz(teacher)
    await take(student, quiz, [["a"], ["a"], ["b"], ["a"]])
    # when read
    stats = await statistics(teacher, quiz["id"])
    # then only what one attempt defines is a number
    assert stats["attempts"] == 1 and stats["mean"] == pytest.approx(3.5)
    assert stats["standardDeviation"] is None and stats["cronbachAlpha"] is None
    assert all(q["discriminationIndex"] is None for q in stats["questions"])
    await teacher.close()
    await student.close()


async def test_the_item_analysis_is_cached_until_new_attempts(taken: Taken, app: Starlette) -> None:
    # given statistics read once
    first = await statistics(taken.teacher, taken.quiz["id"], first=False)
    # when read again with nothing new, the same analysis answers
    again = await statistics(taken.teacher, taken.quiz["id"], first=False)
    assert again["computedAt"] == first["computedAt"]
    # and after a new attempt the counts move at once, the analysis within STALE_AFTER
    late = await taken.org.add("late", taken.org.account("student").role)
    client = await taken.org.signed_in(app, late.username)
    await take(client, taken.quiz, [["a"], ["a"], ["a"], ["a"]])
    moved = await statistics(taken.teacher, taken.quiz["id"], first=False)
    assert moved["attempts"] == 8
    assert moved["computedAt"] == first["computedAt"]  # still fresh enough
    service.forget_analyses()
    recomputed = await statistics(taken.teacher, taken.quiz["id"], first=False)
    assert recomputed["computedAt"] > first["computedAt"]
    assert recomputed["cronbachAlpha"] != pytest.approx(first["cronbachAlpha"])
    await client.close()


async def test_a_request_never_computes_the_item_analysis(taken: Taken, app: Starlette) -> None:
    # given no item analysis yet: the first read answers the rollup figures at once, the
    # item analysis null and COMPUTING (a background task computes it)
    first = await read_statistics(taken.teacher, taken.quiz["id"], first=False)
    assert first["attempts"] == 7 and first["mean"] is not None
    assert first["itemAnalysisStatus"] == "COMPUTING"
    assert first["computedAt"] is None and first["cronbachAlpha"] is None
    assert all(q["discriminationIndex"] is None for q in first["questions"])
    # when it has been computed, it is READY
    await service.item_analysis_ready()
    ready = await read_statistics(taken.teacher, taken.quiz["id"], first=False)
    assert ready["itemAnalysisStatus"] == "READY" and ready["cronbachAlpha"] is not None
    # and after new attempts, once it is older than STALE_AFTER, the last one answers
    # (STALE) while a new one is computed
    late = await taken.org.add("late", taken.org.account("student").role)
    client = await taken.org.signed_in(app, late.username)
    await take(client, taken.quiz, [["a"], ["a"], ["a"], ["a"]])
    for key, analysis in list(service._analyses.items()):
        aged = analysis.computed_at - service.STALE_AFTER
        service._analyses[key] = replace(analysis, computed_at=aged)
    stale = await read_statistics(taken.teacher, taken.quiz["id"], first=False)
    assert stale["attempts"] == 8 and stale["itemAnalysisStatus"] == "STALE"
    assert stale["cronbachAlpha"] == pytest.approx(ready["cronbachAlpha"])
    assert datetime.fromisoformat(stale["computedAt"]) < datetime.fromisoformat(ready["computedAt"])
    await service.item_analysis_ready()
    fresh = await read_statistics(taken.teacher, taken.quiz["id"], first=False)
    assert fresh["itemAnalysisStatus"] == "READY"
    assert fresh["computedAt"] > ready["computedAt"]
    assert fresh["cronbachAlpha"] != pytest.approx(ready["cronbachAlpha"])
    await client.close()


async def test_the_item_analysis_is_the_same_read_an_attempt_per_page(
    taken: Taken, monkeypatch: pytest.MonkeyPatch
) -> None:
    # given every attempt (amy's two included) read in one page
    whole = await statistics(taken.teacher, taken.quiz["id"], first=False)
    # when read again one attempt per page (each page after the last member and number)
    service.forget_analyses()
    monkeypatch.setattr(service, "MATRIX_BATCH", 1)
    paged = await statistics(taken.teacher, taken.quiz["id"], first=False)
    # then every item figure is the same
    item_fields = ["cronbachAlpha", "errorRatio", "standardError"]
    assert [paged[f] for f in item_fields] == pytest.approx([whole[f] for f in item_fields])
    for one, other in zip(whole["questions"], paged["questions"], strict=True):
        assert other["discriminationIndex"] == pytest.approx(one["discriminationIndex"])
        assert other["discriminativeEfficiency"] == pytest.approx(one["discriminativeEfficiency"])
    assert paged["computedAt"] > whole["computedAt"]


async def test_a_failed_computation_is_logged_and_retried(
    taken: Taken, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    # given the computation failing once
    def broken(matrix: np.ndarray) -> None:
        raise RuntimeError("numpy broke")

    real = figures.analyse_items
    monkeypatch.setattr(figures, "analyse_items", broken)
    # when the statistics are read
    first = await read_statistics(taken.teacher, taken.quiz["id"])
    await service.item_analysis_ready()
    # then the failure is logged with its traceback, and the request still answered
    assert first["attempts"] == 6 and first["itemAnalysisStatus"] == "COMPUTING"
    failed = [r for r in caplog.records if r.name == "quizgraph.analytics"]
    assert failed and failed[0].exc_info and "numpy broke" in str(failed[0].exc_info[1])
    # and the next read starts it again
    monkeypatch.setattr(figures, "analyse_items", real)
    stats = await statistics(taken.teacher, taken.quiz["id"])
    assert stats["cronbachAlpha"] is not None


async def test_rollups_kept_with_each_submit_equal_a_rebuild(taken: Taken) -> None:
    # given the rollups as the submits left them
    async with unit_of_work(write=False) as db:
        kept = await repository.rollup_rows(db, taken.org.id)
    # when rebuilt from the attempts
    async with unit_of_work() as db:
        added = await service.rebuild(cli_context(db), taken.org.id)
    async with unit_of_work(write=False) as db:
        rebuilt = await repository.rollup_rows(db, taken.org.id)
    # then every row is the same (sums of floats compared to the last few bits)
    assert added == 7
    assert kept.keys() == rebuilt.keys()
    for table in kept:
        assert len(kept[table]) == len(rebuilt[table]) > 0, table
        for before, after in zip(kept[table], rebuilt[table], strict=True):
            assert before.keys() == after.keys()
            for column, value in before.items():
                if isinstance(value, float):
                    assert after[column] == pytest.approx(value), (table, column)
                else:
                    assert after[column] == value, (table, column)


async def test_one_document_reads_statistics_and_org_analytics_together(taken: Taken) -> None:
    # given a document whose fields resolve side by side (the item analysis, the org's
    # analytics with its members, the quiz's author)
    document = """query($id: ID!, $slug: String!) {
      node(id: $id) { ... on Quiz { createdBy { username }
        statistics { cronbachAlpha questions { discriminationIndex } } } }
      organization(slug: $slug) { analytics { attempts topQuizzes { title }
        members { edges { node { displayName } } } } }
    }"""
    await statistics(taken.teacher, taken.quiz["id"])  # with its item analysis computed
    # when the teacher sends it
    result = await taken.teacher.gql(document, {"id": taken.quiz["id"], "slug": taken.org.slug})
    # then every part answers
    data = result.ok()
    assert data["node"]["statistics"]["cronbachAlpha"] is not None
    assert data["organization"]["analytics"]["attempts"] == 7
    assert data["organization"]["analytics"]["topQuizzes"][0]["title"] == "Known"
