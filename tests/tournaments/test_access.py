"""Who may do what with tournaments: quizzes:read sees and enters, quizzes:write runs
them; another org's tournament is NOT_FOUND for every operation, and its quizzes are
no rounds of ours."""

from __future__ import annotations

from app.core.clock import FrozenClock
from tests.support.factories import OrgFixture
from tests.support.fixture_types import ClientFactory, SignIn
from tests.tournaments.support import (
    CREATE,
    END_EARLY,
    LIST,
    NODE,
    REGISTER,
    START_EARLY,
    UPDATE,
    create_tournament,
    tournament_input,
    two_rounds,
)


async def test_students_see_and_enter_but_never_run(
    org: OrgFixture, signed_in: SignIn, clock: FrozenClock
) -> None:
    teacher = await signed_in(org, "teacher")
    student = await signed_in(org, "student")
    rounds = await two_rounds(teacher)
    made = await create_tournament(teacher, rounds, clock)
    listed = (await student.gql(LIST, {"slug": org.slug})).ok()
    assert [e["node"]["id"] for e in listed["organization"]["tournaments"]["edges"]] == [made["id"]]
    (await student.gql(REGISTER, {"id": made["id"]})).ok()
    starts = clock.now()
    refusals = [
        await student.gql(CREATE, tournament_input(rounds, starts, starts)),
        await student.gql(UPDATE, {"input": {"id": made["id"], "name": "Mine"}}),
        await student.gql(START_EARLY, {"id": made["id"]}),
        await student.gql(END_EARLY, {"id": made["id"]}),
    ]
    for refused in refusals:
        assert refused.code == "FORBIDDEN"
        assert refused.errors[0]["extensions"]["requiredScopes"] == ["quizzes:write"]
    assert (await student.gql(NODE, {"id": made["id"]})).ok()["node"]["status"] == "SCHEDULED"


async def test_another_orgs_tournament_is_not_found(
    org: OrgFixture,
    other_org: OrgFixture,
    signed_in: SignIn,
    client_factory: ClientFactory,
    clock: FrozenClock,
) -> None:
    owner = await signed_in(org, "owner")
    made = await create_tournament(owner, await two_rounds(owner), clock)
    for name in ("owner", "student"):
        stranger = await signed_in(other_org, name)
        answers = [
            await stranger.gql(NODE, {"id": made["id"]}),
            await stranger.gql(REGISTER, {"id": made["id"]}),
            await stranger.gql(UPDATE, {"input": {"id": made["id"], "name": "Taken"}}),
            await stranger.gql(START_EARLY, {"id": made["id"]}),
            await stranger.gql(END_EARLY, {"id": made["id"]}),
        ]
        assert [answer.code for answer in answers] == ["NOT_FOUND"] * 5, name
        listed = (await stranger.gql(LIST, {"slug": other_org.slug})).ok()
        assert listed["organization"]["tournaments"]["totalCount"] == 0
    mine = await owner.gql(NODE, {"id": made["id"]})
    assert mine.ok()["node"]["name"] == "Spring cup"
    anonymous = client_factory()
    assert (await anonymous.gql(NODE, {"id": made["id"]})).code == "UNAUTHENTICATED"
    assert (await anonymous.gql(REGISTER, {"id": made["id"]})).code == "UNAUTHENTICATED"
