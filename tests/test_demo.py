"""The demo org `make run` loads: content on every board, and a second load adds nothing."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from starlette.applications import Starlette

from app.cli_actions import load_demo
from app.demo.announce import announcement
from app.demo.content import DEMO_SLUG, MEMBERS, PUBLISHED, STUDENTS
from tests.support.client import ApiClient
from tests.support.fixture_types import ClientFactory

COUNTS = """
query {
  viewer {
    organization {
      quizzes(first: 20) { totalCount edges { node { title status } } }
      members(first: 1) { totalCount }
      attempts(first: 1) { totalCount }
      auditLog(first: 1) { totalCount }
      allTime: leaderboard(first: 20) { totalCount }
      week: leaderboard(first: 20, window: LAST_7_DAYS) { totalCount }
      month: leaderboard(first: 20, window: LAST_30_DAYS) { totalCount }
    }
  }
}
"""

KINDS = "{ viewer { organization { quizzes(first: 10, status: PUBLISHED) { edges { node { questions(first: 20) { kind } } } } } } }"


async def _signed_in(client: ApiClient, credentials: dict[str, Any], username: str) -> ApiClient:
    password = next(m["password"] for m in credentials["members"] if m["username"] == username)
    result = await client.login(DEMO_SLUG, credentials["portalCode"], username, password)
    assert result.ok()["login"]["viewer"]["kind"] == "MEMBER"
    return client


async def test_the_demo_has_content_and_loads_once(
    app: Starlette, client_factory: ClientFactory, tmp_path: Path
) -> None:
    # given a database without the demo org, when the demo is loaded
    saved = tmp_path / "demo-credentials.json"
    first = await load_demo("http://127.0.0.1:8000", saved)

    # then every member can sign in with the printed credentials
    credentials = first.credentials
    assert credentials is not None
    assert first.added[0] == f"the org {DEMO_SLUG}"
    assert [m["username"] for m in credentials["members"]] == ["owner"] + [
        m.username for m in MEMBERS
    ]
    assert credentials["loginUrl"].startswith(f"http://127.0.0.1:8000/org/{DEMO_SLUG}/portal/")
    owner = await _signed_in(client_factory(), credentials, "owner")
    alice = await _signed_in(client_factory(), credentials, "alice")
    # the quizzes are published (and one draft), the boards hold every student
    before = (await owner.gql(COUNTS)).ok()["viewer"]["organization"]
    statuses = sorted(edge["node"]["status"] for edge in before["quizzes"]["edges"])
    assert statuses == ["DRAFT"] + ["PUBLISHED"] * len(PUBLISHED)
    assert before["members"]["totalCount"] == 1 + len(MEMBERS)
    assert before["allTime"]["totalCount"] == len(STUDENTS)
    assert 0 < before["week"]["totalCount"] <= before["month"]["totalCount"]
    assert before["month"]["totalCount"] <= before["allTime"]["totalCount"]
    assert before["attempts"]["totalCount"] >= 2 * len(STUDENTS)
    assert before["auditLog"]["totalCount"] > before["attempts"]["totalCount"]
    # every question kind appears
    quizzes = (await owner.gql(KINDS)).ok()["viewer"]["organization"]["quizzes"]["edges"]
    kinds = {q["kind"] for edge in quizzes for q in edge["node"]["questions"]}
    assert kinds == {"SINGLE_CHOICE", "MULTIPLE_CHOICE", "TRUE_FALSE", "SHORT_ANSWER", "NUMERIC"}
    # a student sees the published quizzes and their own rank
    rank = await alice.gql("{ viewer { organization { leaderboard { myRank { rank } } } } }")
    assert rank.ok()["viewer"]["organization"]["leaderboard"]["myRank"]["rank"] >= 1

    # when it is loaded again
    second = await load_demo("http://127.0.0.1:8000", saved)

    # then nothing is added and the saved credentials still sign in
    assert second.added == []
    assert second.credentials == credentials
    after = (await owner.gql(COUNTS)).ok()["viewer"]["organization"]
    assert after == before
    await _signed_in(client_factory(), credentials, "bob")


def test_the_server_prints_the_login_url_last(tmp_path: Path) -> None:
    saved = tmp_path / "demo-credentials.json"
    saved.write_text(
        '{"slug": "acme-academy", "portalCode": "c0de", "members": '
        '[{"role": "OWNER", "username": "owner", "password": "pw-1"}]}'
    )

    lines = announcement("http://127.0.0.1:8000", saved)

    assert "owner" in lines[-2] and "pw-1" in lines[-2]
    assert lines[-1] == "Sign in at http://127.0.0.1:8000/org/acme-academy/portal/c0de/login"


def test_without_saved_credentials_the_server_says_where_they_went(tmp_path: Path) -> None:
    lines = announcement("http://127.0.0.1:8000", tmp_path / "missing.json")

    assert "make clean" in lines[-1]
