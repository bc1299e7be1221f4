"""A disabled or removed member's cookie must not block the browser it was left in.

On a shared school computer the next student must be able to sign in: the dead
session is answered as anonymous and its cookie expired, whatever is asked.
"""

from __future__ import annotations

import pytest

from tests.support.client import ApiClient, GraphQLResult
from tests.support.factories import OrgFixture
from tests.support.fixture_types import SignIn

DISABLE = "mutation($id: ID!) { updateMember(input: {id: $id, disabled: true}) { member { id } } }"
REMOVE = "mutation($id: ID!) { removeMember(input: {id: $id}) { removedId } }"
PUBLIC = "query($slug: String!) { organization(slug: $slug) { name } }"
PRIVATE = "query($slug: String!) { organization(slug: $slug) { members { totalCount } } }"


def expires_the_session_cookie(result: GraphQLResult) -> bool:
    cookies = result.response.headers.get_list("set-cookie")
    return any(cookie.startswith('qg_session="";') and "Max-Age=0" in cookie for cookie in cookies)


@pytest.fixture(params=["disabled", "removed"])
async def left_behind(
    request: pytest.FixtureRequest, org: OrgFixture, signed_in: SignIn
) -> tuple[ApiClient, str]:
    """A browser still holding the student's cookie after the student was disabled/removed."""
    browser = await signed_in(org, "student")
    cookie = browser.http.cookies["qg_session"]
    owner = await signed_in(org, "owner")
    mutation = DISABLE if request.param == "disabled" else REMOVE
    (await owner.gql(mutation, {"id": org.account("student").global_id})).ok()
    return browser, cookie


def with_cookie(browser: ApiClient, cookie: str) -> ApiClient:
    # The browser keeps sending the old cookie until a response expires it.
    browser.http.cookies.clear()
    browser.http.cookies.set("qg_session", cookie)
    return browser


async def test_a_dead_session_reads_public_fields_as_anonymous_and_is_expired(
    org: OrgFixture, left_behind: tuple[ApiClient, str]
) -> None:
    browser, cookie = left_behind
    # the browser sends the cookie it was given at sign-in
    public = await browser.gql(PUBLIC, {"slug": org.slug})
    assert public.status == 200
    assert public.ok()["organization"]["name"] == f"Org {org.slug}"
    assert expires_the_session_cookie(public)
    assert "qg_session" not in browser.http.cookies  # and drops it, as a browser does
    private = await with_cookie(browser, cookie).gql(PRIVATE, {"slug": org.slug})
    assert private.status == 200
    assert private.codes == ["UNAUTHENTICATED"]
    assert expires_the_session_cookie(private)


async def test_the_next_person_signs_in_on_a_browser_with_a_dead_session(
    org: OrgFixture, left_behind: tuple[ApiClient, str]
) -> None:
    browser, cookie = left_behind
    result = await with_cookie(browser, cookie).login(
        org.slug, org.portal_code, "teacher", "correct horse battery"
    )
    assert result.ok()["login"]["viewer"]["role"] == "TEACHER"
    # the response sets the new session and does not expire it again
    cookies = result.response.headers.get_list("set-cookie")
    assert len(cookies) == 1 and cookies[0].startswith("qg_session=")
    assert not expires_the_session_cookie(result)
    viewer = await browser.gql("{ viewer { kind member { username } } }")
    assert viewer.ok()["viewer"] == {"kind": "MEMBER", "member": {"username": "teacher"}}


async def test_logout_works_on_a_browser_with_a_dead_session(
    org: OrgFixture, left_behind: tuple[ApiClient, str]
) -> None:
    browser, cookie = left_behind
    result = await with_cookie(browser, cookie).gql("mutation { logout(input: {}) { ok } }")
    assert result.status == 200
    assert result.ok()["logout"] == {"ok": False}  # there was no live session to end
    assert expires_the_session_cookie(result)
