"""Quizzes: writing, importing, publishing and scoring them."""
