"""The frozen clock of the tournament tests (``tests.quizzes.api.clock``)."""

from tests.quizzes.api import clock  # noqa: F401
