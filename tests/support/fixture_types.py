"""Types of the shared fixtures in tests/conftest.py, for annotating test parameters."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from tests.support.client import ApiClient
from tests.support.factories import OrgFixture

# ``client_factory``: a new client of the in-process app (keyword arguments as ApiClient's).
ClientFactory = Callable[..., ApiClient]
# ``signed_in``: a client signed in as the named member of the org.
SignIn = Callable[[OrgFixture, str], Awaitable[ApiClient]]
