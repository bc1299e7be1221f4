"""Secrets: generated for development, required in production."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.core import settings as settings_module
from app.core.settings import Settings


def test_production_refuses_to_start_without_a_secret_key(monkeypatch: pytest.MonkeyPatch) -> None:
    production = Settings(environment="production", secret_key=None)
    with pytest.raises(RuntimeError, match="QUIZGRAPH_SECRET_KEY must be set"):
        production.resolved_secret_key()


def test_development_generates_a_secret_once_into_var(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(settings_module, "VAR_DIR", tmp_path / "var")
    development = Settings(environment="development", secret_key=None)
    first = development.resolved_secret_key()
    assert len(first) == 64
    assert (tmp_path / "var" / "dev-secret-key").stat().st_mode & 0o777 == 0o600
    assert development.resolved_secret_key() == first  # kept across restarts


def test_cookies_are_secure_in_production_unless_told_otherwise() -> None:
    # (the test run itself sets QUIZGRAPH_COOKIE_SECURE=false, hence the explicit None)
    assert (
        Settings(environment="production", secret_key="s", cookie_secure=None).secure_cookies
        is True
    )
    assert Settings(environment="development", cookie_secure=None).secure_cookies is False
    assert (
        Settings(environment="production", secret_key="s", cookie_secure=False).secure_cookies
        is False
    )


def test_production_hides_introspection_graphiql_and_suggestions_unless_told_otherwise() -> None:
    production = Settings(environment="production", secret_key="s")
    assert not production.introspection_enabled
    assert not production.graphiql_enabled
    assert not production.field_suggestions_enabled
    opened = Settings(
        environment="production",
        secret_key="s",
        introspection=True,
        graphiql=True,
        field_suggestions=True,
    )
    assert opened.introspection_enabled and opened.graphiql_enabled
    assert opened.field_suggestions_enabled
    for environment in ("development", "test"):
        relaxed = Settings(environment=environment)
        assert relaxed.introspection_enabled and relaxed.graphiql_enabled
        assert relaxed.field_suggestions_enabled
    closed = Settings(environment="development", introspection=False, graphiql=False)
    assert not closed.introspection_enabled and not closed.graphiql_enabled
