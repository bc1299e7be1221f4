"""The frozen clock fixture for the leaderboard tests."""

from tests.quizzes.api import clock  # noqa: F401
