"""The frozen clock fixture for the integrity API tests."""

from tests.quizzes.api import clock  # noqa: F401
