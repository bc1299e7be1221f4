"""The cohort machinery on the application's own subscription type."""

from __future__ import annotations

import orjson

from tests.graphql.live.app_boards import selection, update


async def test_leaderboard_updated_runs_from_a_plan_with_graphql_cores_result() -> None:
    compiled = selection()
    assert compiled.compiled
    reference = selection()
    reference.plan = None
    for version in range(5):
        value = update(version)
        payload = await compiled.run(value)
        assert payload == await reference.run(value)
        data = orjson.loads(payload)["data"]["leaderboardUpdated"]
        assert [e["rank"] for e in data["entries"]] == list(range(1, 11))
        assert data["changed"]["rank"] == version % 10 + 1
        assert data["quizId"] is None
