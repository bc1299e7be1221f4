"""The dashboard's own manifest (written by `npm run codegen` / the build) on a server that
runs trusted documents only: its sign-in works by hash, the same text sent ad hoc doesn't.

Skipped when the frontend has not been generated (`make test` builds it before pytest).
"""

from __future__ import annotations

import pytest

from app.core.settings import get_settings
from app.persisted_queries import manifest
from tests.persisted_queries.support import persisted, post
from tests.support.factories import OrgFixture
from tests.support.fixture_types import ClientFactory

DASHBOARD = next((path for path in manifest.DASHBOARD_MANIFESTS if path.exists()), None)


@pytest.mark.skipif(DASHBOARD is None, reason="the dashboard's codegen output is not there")
async def test_the_dashboard_signs_in_by_hash_on_a_trusted_server(
    org: OrgFixture, client_factory: ClientFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    # given: a trusted-documents server that registered the dashboard's manifest
    assert DASHBOARD is not None
    monkeypatch.setattr(get_settings(), "persisted_queries", "trusted")
    documents = manifest.read_file(DASHBOARD)
    await manifest.register_file(DASHBOARD)
    login = next(text for text in documents.values() if "mutation Login(" in text)
    owner = org.account("owner")
    variables = {
        "input": {
            "orgSlug": org.slug,
            "portalCode": org.portal_code,
            "username": owner.username,
            "password": owner.password,
        }
    }

    # when: the dashboard's sign-in, by hash; and a sign-in written by hand
    dashboard = await post(client_factory(), extensions=persisted(login), variables=variables)
    by_hand = await client_factory().login(
        org.slug, org.portal_code, owner.username, owner.password
    )

    # then
    assert dashboard.ok()["login"]["viewer"]["kind"] == "MEMBER"
    assert by_hand.codes == ["PERSISTED_QUERY_NOT_IN_LIST"]
