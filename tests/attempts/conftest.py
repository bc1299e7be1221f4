"""The frozen clock fixture for the quiz and attempt API tests."""

from tests.quizzes.api import clock  # noqa: F401
